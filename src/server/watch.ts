/**
 * The API of watched feeds and alerts: `/api/feeds` (list, add, remove, log) and `/api/alerts` (list with new
 * matches, add, one alert's matches, mark seen, remove), and `/api/alerts/{id}.atom`, an Atom feed of an alert's
 * matches for any feed reader. Writes go through the same guard as imports; a feed on a private address is
 * accepted only when the server may fetch from such addresses (tests), since the server would be the one fetching.
 */
import type { Hono, MiddlewareHandler } from 'hono';
import type { Queryable } from '../store/db.js';
import { addFeed, feedLog, FeedError, findFeed, listFeeds, parseEvery, removeFeed } from '../watch/feeds.js';
import { addAlert, AlertError, alertMatches, getAlert, listAlerts, markSeen, removeAlert, type AlertQuery } from '../service/alerts.js';
import { findEntity } from '../service/entities.js';
import { alertAtom } from '../export/atom.js';
import { ApiError, intParam } from './params.js';
import { jsonBody } from './corrections.js';

export interface WatchRouteOptions {
  requireWrite: MiddlewareHandler;
  allowPrivateFetch?: boolean;
  /** Tells the server's schedule that the feeds changed. */
  onFeedsChanged?: () => void;
}

export function registerWatchRoutes(app: Hono, db: Queryable, opts: WatchRouteOptions): void {
  const { requireWrite } = opts;
  const asApiError = async <T>(fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (err) {
      if (err instanceof FeedError || err instanceof AlertError) throw new ApiError(400, err.message);
      throw err;
    }
  };

  app.get('/api/feeds', async (c) => c.json({ items: await listFeeds(db) }));
  app.post('/api/feeds', requireWrite, async (c) => {
    const body = await jsonBody(c);
    if (typeof body.url !== 'string' || !body.url.trim()) throw new ApiError(400, 'url: required');
    if (body.allowPrivate && !opts.allowPrivateFetch) throw new ApiError(403, 'allowPrivate: this server does not fetch from private addresses');
    const feed = await asApiError(() => addFeed(db, body.url.trim(), {
      everySeconds: body.every === undefined ? undefined : parseEvery(String(body.every)), allowPrivate: !!body.allowPrivate,
    }));
    opts.onFeedsChanged?.();
    return c.json(feed, 201);
  });
  app.delete('/api/feeds/:id', requireWrite, async (c) => {
    const gone = await removeFeed(db, c.req.param('id'));
    if (!gone) throw new ApiError(404, `no feed ${JSON.stringify(c.req.param('id').slice(0, 40))}`);
    return c.json(gone);
  });
  app.get('/api/feeds/:id/log', async (c) => {
    const feed = await findFeed(db, c.req.param('id'));
    if (!feed) throw new ApiError(404, `no feed ${JSON.stringify(c.req.param('id').slice(0, 40))}`);
    return c.json({ feed, items: await feedLog(db, feed.id, intParam((n) => c.req.query(n), 'limit', 50, 1, 200)) });
  });

  app.get('/api/alerts', async (c) => {
    const items = await listAlerts(db);
    return c.json({ items, newMatches: items.reduce((n, a) => n + a.newMatches, 0) });
  });
  app.post('/api/alerts', requireWrite, async (c) => {
    const body = await jsonBody(c);
    const entity = async (name: string, v: unknown) => {
      if (typeof v !== 'string' || !v.trim()) return undefined;
      const hit = await findEntity(db, v.trim().slice(0, 200));
      if (!hit) throw new ApiError(400, `${name}: unknown entity ${JSON.stringify(v.slice(0, 200))}`);
      return hit.id;
    };
    const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
    const query: AlertQuery = {
      actor: await entity('actor', body.actor), place: await entity('place', body.place), type: text(body.type), topic: text(body.topic), keyword: text(body.keyword),
    };
    return c.json(await asApiError(() => addAlert(db, text(body.name) ?? '', query)), 201);
  });
  app.get('/api/alerts/:id', async (c) => {
    const raw = c.req.param('id');
    const atom = raw.endsWith('.atom');
    const alert = await getAlert(db, atom ? raw.slice(0, -5) : raw);
    if (!alert) throw new ApiError(404, `no alert ${JSON.stringify(raw.slice(0, 40))}`);
    const limit = intParam((n) => c.req.query(n), 'limit', 50, 1, 200);
    const matches = await alertMatches(db, alert, { onlyNew: c.req.query('new') === 'true', limit });
    if (!atom) return c.json({ alert, matches });
    const origin = new URL(c.req.url).origin;
    return c.body(alertAtom(alert, matches, origin), 200, { 'Content-Type': 'application/atom+xml; charset=utf-8' });
  });
  app.post('/api/alerts/:id/seen', requireWrite, async (c) => {
    const alert = await getAlert(db, c.req.param('id'));
    if (!alert) throw new ApiError(404, `no alert ${JSON.stringify(c.req.param('id').slice(0, 40))}`);
    await markSeen(db, alert.id);
    return c.json(await getAlert(db, alert.id));
  });
  app.delete('/api/alerts/:id', requireWrite, async (c) => {
    if (!(await removeAlert(db, c.req.param('id')))) throw new ApiError(404, `no alert ${JSON.stringify(c.req.param('id').slice(0, 40))}`);
    return c.json({ deleted: c.req.param('id') });
  });
}
