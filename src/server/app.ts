/**
 * The REST API (and, when given a folder, the built web UI) as a Hono app over a store and a knowledge base.
 * Routes are thin: parse and check parameters, call src/service, answer JSON. `createApp` needs no port, so tests
 * and the benchmark call `app.request(...)` directly.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { timingSafeEqual } from 'node:crypto';
import type { KnowledgeBase } from '../model/types.js';
import { PLOVER_TYPES, ENTITY_TYPES } from '../model/types.js';
import { deleteDocument, type Store } from '../store/store.js';
import { exportDocuments, getDocument, getStats, listDocuments, resolveDocumentId, searchSentences } from '../service/documents.js';
import { entityProfile, findEntity, listEntities } from '../service/entities.js';
import { listDisagreements, listQuotes, listStances, timeline } from '../service/statements.js';
import { buildGraph, EDGE_KINDS } from '../service/graph.js';
import { NATION_MODES } from '../service/nations.js';
import { listPlaces } from '../service/places.js';
import { aboutOf, listTopics, parseTopic, STANCE_TOPICS, topicStances, TopicError, TOPIC_HELP, type TopicQuery } from '../service/topics.js';
import { ApiError, dateParam, dateRange, intParam, listOf, oneOf, paging, textParam } from './params.js';
import { Importer, type ImportFile, type ImportRequest } from './imports.js';
import { overview } from './overview.js';
import { openApiDocument } from './openapi.js';
import { serveWeb } from './static.js';
import { Admission, ADMISSION_DEFAULTS, admit, type AdmissionOptions } from './admission.js';
import { cacheReads, readCacheFor } from './read-cache.js';
import { registerCorrectionRoutes } from './corrections.js';
import { registerWatchRoutes } from './watch.js';

export interface AppOptions {
  /** When set, write endpoints (import, delete) need `Authorization: Bearer <token>`. */
  token?: string | null;
  /** The built web UI (web/dist), served at `/` when given. */
  webRoot?: string | null;
  /** Lets imports fetch URLs on private and loopback addresses (tests). */
  allowPrivateFetch?: boolean;
  /** Tells the feed schedule that a feed was added (src/server/serve.ts runs it). */
  onFeedsChanged?: () => void;
  /** The bounded queue in front of the store (admission.ts); by default the store kind's defaults. */
  admission?: AdmissionOptions;
  /** Keep read answers until the next write (read-cache.ts; PGlite only). Default true. */
  readCache?: boolean;
}

/** API paths that do not take a turn at the store. */
const UNQUEUED = /^\/api\/(health|config|openapi\.json|import(\/.*)?|export)$/;

const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;

/** `localhost`, `127.x.y.z` or `[::1]`, with or without a port. */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase();
  const name = /^\[([^\]]+)\](?::\d+)?$/.exec(h)?.[1] ?? h.replace(/:\d+$/, '');
  return name === 'localhost' || name.endsWith('.localhost') || name === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);
}

export function createApp(store: Store, kb: KnowledgeBase, opts: AppOptions = {}): Hono {
  const { db } = store;
  const importer = new Importer(store, kb, { allowPrivate: opts.allowPrivateFetch });
  const app = new Hono();

  app.onError((err, c) => {
    if (err instanceof ApiError) return c.json({ error: err.message }, err.status);
    console.error(`dossier: ${c.req.method} ${c.req.path}: ${(err as Error).stack ?? err}`);
    return c.json({ error: 'internal error' }, 500);
  });

  app.use('/api/*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
    c.header('X-Content-Type-Options', 'nosniff');
  });

  // Requests that read the store take a turn (admission.ts). Not queued: what never touches the store, imports
  // (their own job queue does the work) and the export (a long stream, paged).
  // An answer kept since the last write needs no turn (read-cache.ts).
  const cache = opts.readCache === false ? null : readCacheFor(db);
  if (cache) app.use('/api/*', cacheReads(cache, (path) => !UNQUEUED.test(path)));
  const admission = new Admission(opts.admission ?? ADMISSION_DEFAULTS[db.kind]);
  const gate = admit(admission);
  app.use('/api/*', (c, next) => (UNQUEUED.test(c.req.path) ? next() : gate(c, next)));

  /**
   * Write access (import, delete). A browser request must come from this server's own pages: an `Origin` header
   * naming another origin, or `null` (a sandboxed frame, a file: page, a data: URL), and a `Sec-Fetch-Site` other
   * than same-origin are refused, loopback or not. Without a token the server only listens on loopback, so the
   * Host header must name loopback too: a page on a rebinding name (evil.example resolving to 127.0.0.1) is
   * "same-origin" with itself, not with us. With a token, the token is needed as well.
   */
  const requireWrite = async (c: Context, next: () => Promise<void>) => {
    const url = new URL(c.req.url);
    const host = c.req.header('host') ?? url.host;
    const origin = c.req.header('origin');
    if (origin !== undefined) {
      if (origin.trim() === 'null') throw new ApiError(403, 'writes from an opaque origin (Origin: null, a sandboxed or local page) are refused');
      let from: string | null = null;
      try {
        from = new URL(origin).host;
      } catch {
        from = null;
      }
      if (from !== host) throw new ApiError(403, 'cross-origin writes are refused');
    }
    const site = c.req.header('sec-fetch-site');
    if (site !== undefined && site !== 'same-origin' && site !== 'none') throw new ApiError(403, `cross-site writes are refused (Sec-Fetch-Site: ${site})`);
    if (!opts.token && !isLoopbackHost(host)) {
      throw new ApiError(403, `writes are taken from this machine only (Host: ${host}); set DOSSIER_TOKEN to allow others`);
    }
    if (opts.token) {
      const m = /^Bearer\s+(.+)$/i.exec(c.req.header('authorization') ?? '');
      const given = Buffer.from(m?.[1]?.trim() ?? '');
      const want = Buffer.from(opts.token);
      if (!m || given.length !== want.length || !timingSafeEqual(given, want)) {
        throw new ApiError(401, 'this server needs a token for imports and deletions: send Authorization: Bearer <DOSSIER_TOKEN>');
      }
    }
    await next();
  };

  const q = (c: Context) => (name: string) => c.req.query(name);

  /** An actor given by entity id, KB id or name (any spelling); unknown ones are a 400 naming the parameter. */
  const actorParam = async (c: Context, name: string): Promise<string | undefined> => {
    const raw = textParam(q(c), name, 200);
    if (!raw) return undefined;
    const hit = await findEntity(db, raw);
    if (!hit) throw new ApiError(400, `${name}: unknown entity ${JSON.stringify(raw)}`);
    return hit.id;
  };

  app.get('/api/openapi.json', (c) => c.json(openApiDocument));
  app.get('/api/health', async (c) => c.json({ ok: true, admission: admission.stats(), readCache: cache?.stats() ?? null }));
  app.get('/api/config', (c) => c.json({ writeNeedsToken: !!opts.token, eventTypes: PLOVER_TYPES, entityTypes: ENTITY_TYPES, edgeKinds: EDGE_KINDS, stanceTopics: STANCE_TOPICS }));
  app.get('/api/stats', async (c) => c.json(await getStats(db, { estimate: true })));
  app.get('/api/overview', async (c) => c.json(await overview(db)));

  app.get('/api/documents', async (c) => {
    const { limit, offset } = paging(q(c));
    const { from, to } = dateRange(q(c));
    const language = textParam(q(c), 'language', 10);
    return c.json(await listDocuments(db, { source: textParam(q(c), 'source'), from, to, language, limit, offset }));
  });

  const documentId = async (c: Context) => {
    const raw = c.req.param('id') ?? '';
    const id = await resolveDocumentId(db, raw);
    if (!id) throw new ApiError(404, `no document with id ${JSON.stringify(raw.slice(0, 80))} (give the id or a unique prefix of 6+ hex characters)`);
    return id;
  };
  app.get('/api/documents/:id', async (c) => c.json(await getDocument(db, await documentId(c))));
  app.delete('/api/documents/:id', requireWrite, async (c) => {
    const id = await documentId(c);
    await deleteDocument(db, id);
    return c.json({ deleted: id });
  });

  app.get('/api/entities', async (c) => {
    const { limit, offset } = paging(q(c));
    const type = oneOf(q(c), 'type', ENTITY_TYPES);
    return c.json(await listEntities(db, { q: textParam(q(c), 'q', 200), type, limit, offset, nations: oneOf(q(c), 'nations', NATION_MODES), kb }));
  });
  app.get('/api/entities/lookup', async (c) => {
    const name = textParam(q(c), 'name', 200);
    if (!name) throw new ApiError(400, 'name: required');
    const hit = await findEntity(db, name);
    if (!hit) throw new ApiError(404, `no entity matches ${JSON.stringify(name)}`);
    return c.json(hit);
  });
  app.get('/api/entities/:id', async (c) => {
    const id = c.req.param('id');
    const limit = intParam(q(c), 'limit', 50, 1, 200);
    const profile = await entityProfile(db, id, kb, limit, oneOf(q(c), 'nations', NATION_MODES));
    if (!profile) throw new ApiError(404, `unknown entity ${JSON.stringify(id.slice(0, 200))}`);
    return c.json(profile);
  });

  /** A topic as people write it ("Bosnia's NATO membership"); what names none is a 400 saying what would. */
  const topicParam = async (c: Context, name: string, required = false): Promise<TopicQuery | undefined> => {
    const raw = textParam(q(c), name, 200);
    if (!raw) {
      if (required) throw new ApiError(400, `${name}: required; give ${TOPIC_HELP}`);
      return undefined;
    }
    const topic = await parseTopic(db, raw).catch((err) => {
      throw err instanceof TopicError ? new ApiError(400, `${name}: ${err.message}`) : err;
    });
    if (!topic) throw new ApiError(400, `${name}: ${JSON.stringify(raw)} is not a topic; give ${TOPIC_HELP}`);
    return topic;
  };

  app.get('/api/quotes', async (c) => {
    const { limit, offset } = paging(q(c));
    const { from, to } = dateRange(q(c));
    const aboutText = textParam(q(c), 'about', 200);
    const about = aboutText ? await aboutOf(db, aboutText).catch((err) => {
      throw err instanceof TopicError ? new ApiError(400, `about: ${err.message}`) : err;
    }) : null;
    const page = await listQuotes(db, { speaker: await actorParam(c, 'speaker'), about: about?.about, q: textParam(q(c), 'q'), from, to, limit, offset });
    return c.json(about ? { about: about.label, ...page } : page);
  });

  const timelineRoute = async (c: Context) => {
    const { limit, offset } = paging(q(c));
    const { from, to } = dateRange(q(c));
    const type = oneOf(q(c), 'type', PLOVER_TYPES);
    return c.json(await timeline(db, { actor: await actorParam(c, 'actor'), type, from, to, source: textParam(q(c), 'source'), limit, offset }));
  };
  app.get('/api/timeline', timelineRoute);
  app.get('/api/events', timelineRoute);

  app.get('/api/stances', async (c) => {
    const topic = await topicParam(c, 'topic');
    const { from, to } = dateRange(q(c));
    return c.json({ items: await listStances(db, { holder: await actorParam(c, 'holder'), topics: topic?.topics, object: topic?.object?.id, from, to }) });
  });
  // Topic-first: the topics stances are held on, and every holder's stances on one, over time.
  app.get('/api/topics', async (c) => c.json({ items: await listTopics(db) }));
  app.get('/api/topics/stances', async (c) => {
    const topic = (await topicParam(c, 'topic', true))!;
    return c.json(await topicStances(db, topic, { ...dateRange(q(c)), limit: intParam(q(c), 'limit', 500, 1, 2000) }));
  });
  app.get('/api/disagreements', async (c) => {
    const { limit, offset } = paging(q(c));
    return c.json(await listDisagreements(db, { actor: await actorParam(c, 'actor'), limit, offset }));
  });

  app.get('/api/search', async (c) => {
    const text = textParam(q(c), 'q');
    if (!text) throw new ApiError(400, 'q: required');
    const { limit, offset } = paging(q(c), 20);
    const { from, to } = dateRange(q(c));
    const [hits, names] = await Promise.all([
      searchSentences(db, text, { limit, offset, from, to }),
      listEntities(db, { q: text, limit: 20 }),
    ]);
    // No name contains the query: the closest spelling still helps ("Vucic" typed as "Vuchich").
    const fuzzy = names.items.length ? null : await findEntity(db, text);
    return c.json({ query: text, hits, entities: names.items, closest: fuzzy });
  });

  app.get('/api/graph', async (c) => {
    const { from, to } = dateRange(q(c));
    return c.json(await buildGraph(db, {
      from, to, kinds: listOf(q(c), 'kinds', EDGE_KINDS), types: listOf(q(c), 'types', PLOVER_TYPES),
      entityTypes: listOf(q(c), 'entityTypes', ENTITY_TYPES), actor: await actorParam(c, 'actor'), maxNodes: intParam(q(c), 'maxNodes', 120, 1, 500),
      nations: oneOf(q(c), 'nations', NATION_MODES), kb,
    }));
  });

  app.get('/api/places', async (c) => c.json(await listPlaces(db, kb, dateRange(q(c)))));

  app.post('/api/import', requireWrite, bodyLimit({ maxSize: MAX_UPLOAD_BYTES, onError: (c) => c.json({ error: `the upload is over ${MAX_UPLOAD_BYTES / 1048576} MB` }, 413) }), async (c) => {
    const req = await importRequest(c);
    const job = importer.submit(req);
    if (c.req.query('wait') === 'true' || c.req.query('wait') === '1') return c.json(await importer.wait(job.id), 200);
    return c.json(job, 202);
  });
  app.get('/api/import/:job', (c) => {
    const job = importer.get(c.req.param('job'));
    if (!job) throw new ApiError(404, 'no such import job');
    return c.json(job);
  });

  app.get('/api/export', (c) => {
    const encoder = new TextEncoder();
    const docs = exportDocuments(db);
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await docs.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(JSON.stringify(next.value) + '\n'));
      },
      async cancel() {
        await docs.return(undefined);
      },
    });
    return c.body(body, 200, { 'Content-Type': 'application/x-ndjson; charset=utf-8', 'Content-Disposition': 'attachment; filename="dossier-export.jsonl"' });
  });

  registerCorrectionRoutes(app, db, requireWrite);
  registerWatchRoutes(app, db, { requireWrite, allowPrivateFetch: opts.allowPrivateFetch, onFeedsChanged: opts.onFeedsChanged });

  app.all('/api/*', (c) => c.json({ error: `no such endpoint: ${c.req.method} ${c.req.path} (see /api/openapi.json)` }, 404));

  if (opts.webRoot) serveWeb(app, opts.webRoot);
  return app;
}

/** The import body: multipart (`files`, `text`, `title`, `date`, `urls`) or JSON (`text`, `title`, `date`, `urls`). */
async function importRequest(c: Context): Promise<ImportRequest> {
  const type = c.req.header('content-type') ?? '';
  let text: string | undefined;
  let title: string | undefined;
  let date: string | undefined;
  let urls: string[] = [];
  const files: ImportFile[] = [];
  const splitUrls = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? v.split(/\s+/) : []).map((u) => u.trim()).filter(Boolean);
  if (type.startsWith('multipart/form-data') || type.startsWith('application/x-www-form-urlencoded')) {
    const form = await c.req.formData();
    text = str(form.get('text'));
    title = str(form.get('title'));
    date = str(form.get('date'));
    urls = form.getAll('urls').flatMap(splitUrls);
    for (const f of form.getAll('files')) {
      if (typeof f === 'string') continue;
      files.push({ name: f.name || 'upload.txt', bytes: new Uint8Array(await f.arrayBuffer()) });
    }
  } else if (type.startsWith('application/json')) {
    let body: any;
    try {
      body = await c.req.json();
    } catch {
      throw new ApiError(400, 'the body is not valid JSON');
    }
    if (!body || typeof body !== 'object') throw new ApiError(400, 'the body must be a JSON object');
    text = str(body.text);
    title = str(body.title);
    date = str(body.date);
    urls = splitUrls(body.urls);
  } else {
    throw new ApiError(415, 'send multipart/form-data (files, text, urls) or application/json');
  }
  date = dateParam(() => date?.trim(), 'date');
  return { text, title, date, urls, files };
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v : undefined);
