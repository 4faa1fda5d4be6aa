/**
 * The corrections API: `GET /api/corrections` lists them (`?all=true` with undone ones), `POST /api/corrections`
 * records one (JSON: kind, target, value, reason, author), `DELETE /api/corrections/{id}` undoes one. Writes go
 * through the same guard as imports and deletions.
 */
import type { Context, Hono, MiddlewareHandler } from 'hono';
import type { Queryable } from '../store/db.js';
import { addCorrection, CorrectionError, listCorrections, undoCorrection } from '../service/corrections.js';
import { ApiError, paging } from './params.js';

export function registerCorrectionRoutes(app: Hono, db: Queryable, requireWrite: MiddlewareHandler): void {
  app.get('/api/corrections', async (c) => {
    const { limit, offset } = paging((n) => c.req.query(n), 100);
    return c.json(await listCorrections(db, { all: c.req.query('all') === 'true', limit, offset }));
  });
  app.post('/api/corrections', requireWrite, async (c) => {
    const body = await jsonBody(c);
    try {
      return c.json(await addCorrection(db, {
        kind: String(body.kind ?? ''), target: body.target && typeof body.target === 'object' ? body.target : {},
        value: body.value && typeof body.value === 'object' ? body.value : {},
        author: typeof body.author === 'string' ? body.author : undefined, reason: typeof body.reason === 'string' ? body.reason : undefined,
      }), 201);
    } catch (err) {
      if (err instanceof CorrectionError) throw new ApiError(400, err.message);
      throw err;
    }
  });
  app.delete('/api/corrections/:id', requireWrite, async (c) => {
    try {
      const done = await undoCorrection(db, c.req.param('id'), c.req.query('by') || 'analyst');
      if (!done) throw new ApiError(404, `no correction ${JSON.stringify(c.req.param('id').slice(0, 40))}`);
      return c.json(done);
    } catch (err) {
      if (err instanceof CorrectionError) throw new ApiError(409, err.message);
      throw err;
    }
  });
}

/** The request's JSON object, or a 415/400 saying what was wrong with it. */
export async function jsonBody(c: Context): Promise<Record<string, any>> {
  if (!(c.req.header('content-type') ?? '').startsWith('application/json')) throw new ApiError(415, 'send application/json');
  try {
    const body = await c.req.json();
    if (body && typeof body === 'object' && !Array.isArray(body)) return body;
  } catch {
    // answered below
  }
  throw new ApiError(400, 'the body must be a JSON object');
}
