/**
 * The OpenAPI paths of the analyst's loop (issue 13): corrections, watched feeds and alerts. Kept beside
 * openapi.ts, which spreads them into the one document that app.test.ts checks against the routes.
 */
const json = (schema: object, description = 'OK') => ({ description, content: { 'application/json': { schema } } });
const error = (description: string) => json({ $ref: '#/components/schemas/Error' }, description);
const path = (name: string, description: string) => ({ name, in: 'path', required: true, description, schema: { type: 'string' } });
const query = (name: string, description: string, schema: object = { type: 'string' }) => ({ name, in: 'query', description, schema });
const obj = (properties: Record<string, object>, required: string[] = []) => ({ type: 'object', properties, ...(required.length ? { required } : {}) });
const str = { type: 'string' };
const strOrNull = { type: ['string', 'null'] };
const int = { type: 'integer' };
const write = { security: [{ bearer: [] }] };
const auth = { 401: error('A token is needed and none or a wrong one was sent.'), 403: error('A write from another origin, or a Host that is not loopback.') };
const bad = { 400: error('The request is malformed; the message names what is wrong.') };
const notFound = (what: string) => ({ 404: error(`No such ${what}.`) });

const correction = obj({
  id: str, kind: { enum: ['merge', 'split', 'rename', 'entity-type', 'kb-link', 'speaker', 'event-reject', 'event-confirm', 'event-type', 'event-actors', 'event-date'] },
  target: { type: 'object', description: '{entity} or {document, start, end}' }, value: { type: 'object' }, author: str, reason: strOrNull,
  createdAt: str, undoneAt: strOrNull, undoneBy: strOrNull, label: str,
}, ['id', 'kind', 'target', 'value']);
const feed = obj({ id: str, url: str, everySeconds: int, allowPrivate: { type: 'boolean' }, addedAt: str, lastPolledAt: strOrNull, nextPollAt: str, failures: int, lastError: strOrNull });
const logLine = obj({ id: str, feedId: str, at: str, status: { enum: ['fetched', 'not-modified', 'failed'] }, items: int, newDocuments: int, duplicates: int, failed: int, message: strOrNull, documentIds: { type: 'array', items: str } });
const alert = obj({ id: str, name: str, query: obj({ actor: str, type: str, place: str, topic: str, keyword: str }), createdAt: str, seenAt: str, newMatches: int });
const match = obj({ documentId: str, title: strOrNull, date: strOrNull, source: strOrNull, url: strOrNull, storedAt: str, evidence: str, start: int, end: int, isNew: { type: 'boolean' } });
const limit = query('limit', 'How many (1–200).', { type: 'integer', minimum: 1, maximum: 200 });

export const loopPaths = {
  '/api/corrections': {
    get: { summary: 'Corrections, newest first.', parameters: [query('all', 'Undone ones too.', { type: 'boolean' }), limit, query('offset', 'Items to skip.', int)], responses: { 200: json(obj({ total: int, items: { type: 'array', items: correction } })), ...bad } },
    post: {
      summary: 'Records a correction; it applies on read everywhere and survives re-analysis. The target of a quote or event may be given by its id in the document (`local`).',
      ...write,
      requestBody: { content: { 'application/json': { schema: obj({ kind: str, target: obj({ entity: str, document: str, start: int, end: int, local: str }), value: { type: 'object' }, reason: str, author: str }, ['kind', 'target']) } } },
      responses: { 201: json(correction, 'Recorded.'), ...bad, ...auth, 415: error('Not JSON.') },
    },
  },
  '/api/corrections/{id}': {
    delete: { summary: 'Undoes a correction (it stays listed, undone).', ...write, parameters: [path('id', 'The correction.'), query('by', 'Who undoes it.')], responses: { 200: json(correction), ...auth, ...notFound('correction'), 409: error('Already undone.') } },
  },
  '/api/feeds': {
    get: { summary: 'The watched feeds, with their last poll and state.', responses: { 200: json(obj({ items: { type: 'array', items: feed } })) } },
    post: {
      summary: 'Watches a feed (polled by the server on its schedule).', ...write,
      requestBody: { content: { 'application/json': { schema: obj({ url: str, every: { type: 'string', description: '90s, 30m, 2h, 1d (default 30m)' }, allowPrivate: { type: 'boolean' } }, ['url']) } } },
      responses: { 201: json(feed, 'Watched.'), ...bad, ...auth, 415: error('Not JSON.') },
    },
  },
  '/api/feeds/{id}': { delete: { summary: 'Stops watching a feed (its documents stay).', ...write, parameters: [path('id', 'The feed.')], responses: { 200: json(feed), ...auth, ...notFound('feed') } } },
  '/api/feeds/{id}/log': { get: { summary: 'What each poll of the feed brought, newest first.', parameters: [path('id', 'The feed.'), limit], responses: { 200: json(obj({ feed, items: { type: 'array', items: logLine } })), ...notFound('feed') } } },
  '/api/alerts': {
    get: { summary: 'The alerts with their new matches (and the sum, for a badge).', responses: { 200: json(obj({ items: { type: 'array', items: alert }, newMatches: int })) } },
    post: {
      summary: 'Saves a query; every filter given must hold in one document.', ...write,
      requestBody: { content: { 'application/json': { schema: obj({ name: str, actor: str, type: str, place: str, topic: str, keyword: str }) } } },
      responses: { 201: json(alert, 'Saved.'), ...bad, ...auth, 415: error('Not JSON.') },
    },
  },
  '/api/alerts/{id}': {
    get: {
      summary: "An alert and its matches, newest stored first; `{id}.atom` answers the same as an Atom feed.",
      parameters: [path('id', 'The alert, or the alert followed by .atom.'), query('new', 'Only matches since last seen.', { type: 'boolean' }), limit],
      responses: { 200: { description: 'OK', content: { 'application/json': { schema: obj({ alert, matches: { type: 'array', items: match } }) }, 'application/atom+xml': { schema: str } } }, ...notFound('alert') },
    },
    delete: { summary: 'Deletes an alert.', ...write, parameters: [path('id', 'The alert.')], responses: { 200: json(obj({ deleted: str })), ...auth, ...notFound('alert') } },
  },
  '/api/alerts/{id}/seen': { post: { summary: 'Marks everything stored so far as seen.', ...write, parameters: [path('id', 'The alert.')], responses: { 200: json(alert), ...auth, ...notFound('alert') } } },
} as const;
