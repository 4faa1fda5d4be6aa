/**
 * The API's OpenAPI 3.1 description, written by hand as data: the routes in app.ts and this document are checked
 * against each other by app.test.ts.
 */

import { loopPaths } from './openapi-loop.js';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object, description = 'OK') => ({ description, content: { 'application/json': { schema } } });
const error = (description: string) => json(ref('Error'), description);
const query = (name: string, description: string, schema: object = { type: 'string' }) => ({ name, in: 'query', description, schema });
const path = (name: string, description: string) => ({ name, in: 'path', required: true, description, schema: { type: 'string' } });

const topicParam = query('topic', 'A topic: NATO membership, EU membership, NATO, Russia, EU (or "joining the EU"), optionally whose: "Bosnia and Herzegovina\'s NATO membership".');
const limit = query('limit', 'Page size (1–200).', { type: 'integer', minimum: 1, maximum: 200, default: 50 });
const offset = query('offset', 'Items to skip.', { type: 'integer', minimum: 0, default: 0 });
const nations = query('nations', 'NORP actors ("Russian") counted with the state they name (fold, the default) or apart (separate).', { enum: ['fold', 'separate'], default: 'fold' });
const from = query('from', 'On or after this date.', { type: 'string', format: 'date' });
const to = query('to', 'On or before this date.', { type: 'string', format: 'date' });
const page = (item: string) => ({ type: 'object', required: ['total', 'items'], properties: { total: { type: 'integer' }, items: { type: 'array', items: ref(item) } } });
const bad = { 400: error('A parameter is malformed or out of range.') };
const auth = {
  401: error('A token is needed (the server listens beyond localhost) and none or a wrong one was sent.'),
  403: error('The request came from another origin (a cross-site fetch, Origin: null), or, with no token set, named a Host that is not loopback.'),
};

const PLOVER = ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT'];
const str = { type: 'string' };
const strOrNull = { type: ['string', 'null'] };
const int = { type: 'integer' };
const span = { type: 'object', properties: { start: int, end: int, text: str } };
const obj = (properties: Record<string, object>, required: string[] = []) => ({ type: 'object', properties, ...(required.length ? { required } : {}) });

export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Dossier API',
    version: '0.1.0',
    description: 'A source-cited model of news on a geopolitical theatre: documents, actors, quotes, PLOVER events, stances. ' +
      'Every fact points into a document by character offsets. Errors answer `{ "error": message }`. ' +
      'Past its capacity the server answers 503 with `Retry-After` (seconds) at once rather than queueing without bound.',
  },
  servers: [{ url: '/' }],
  components: {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'DOSSIER_TOKEN; needed for writes when the server listens beyond localhost.' } },
    schemas: {
      Error: obj({ error: str }, ['error']),
      DocumentSummary: obj({
        id: str, title: strOrNull, date: { type: ['string', 'null'], format: 'date' }, dateSource: strOrNull,
        source: { type: ['string', 'null'], description: 'The outlet that published it.' },
        origin: { type: ['string', 'null'], description: 'Where it was read from: a path, a JSONL line, a URL, an upload.' }, url: strOrNull,
        language: str, wordCount: int, nearDuplicateOf: strOrNull, sources: int,
      }, ['id', 'language']),
      DocumentDetail: {
        allOf: [ref('DocumentSummary'), obj({
          text: str, byline: strOrNull, sourceList: { type: 'array', items: obj({ source: str, outlet: strOrNull, url: strOrNull }) },
          pages: { type: ['array', 'null'], items: int, description: 'A PDF: the offset in text where each page begins, page 1 first.' },
          nearDuplicates: { type: 'array', items: obj({ id: str, title: strOrNull, source: strOrNull, similarity: { type: ['number', 'null'] } }) },
          entities: { type: 'array', items: obj({ id: str, name: str, type: str, kbId: strOrNull, mentions: { type: 'array', items: span } }) },
          times: { type: 'array', items: span }, quotes: { type: 'array', items: obj({ id: str, start: int, end: int, text: str, direct: { type: 'boolean' }, speakerId: strOrNull }) },
          events: { type: 'array', items: obj({ id: str, type: { enum: PLOVER }, sourceId: strOrNull, targetId: strOrNull, trigger: span }) },
          stances: { type: 'array', items: obj({ holderId: str, topic: str, polarity: str }) },
        })],
      },
      EntitySummary: obj({ id: str, name: str, type: str, kbId: strOrNull, wikidata: strOrNull, mentions: int, documents: int }, ['id', 'name', 'type']),
      EntityProfile: obj({
        id: str, name: str, type: str, kbId: strOrNull, aliasesSeen: { type: 'array', items: str },
        kb: { type: ['object', 'null'], description: 'The knowledge-base entry with roleLabels and membershipLabels.' },
        mentions: int, documents: { type: 'array', items: obj({ id: str, title: strOrNull, date: strOrNull, mentions: int }) },
        coActors: { type: 'array', items: obj({ id: str, name: str, type: str, documents: int }) },
        quotes: { type: 'array', items: obj({ documentId: str, text: str, direct: { type: 'boolean' }, date: strOrNull, start: int, end: int }) },
        events: { type: 'array', items: obj({ documentId: str, type: str, role: { enum: ['source', 'target'] }, otherId: strOrNull, otherName: strOrNull, date: strOrNull, sentence: str }) },
        stances: { type: 'array', items: obj({ documentId: str, topic: str, polarity: str, date: strOrNull, evidence: str }) },
      }, ['id', 'name', 'type']),
      QuoteEntry: obj({ id: str, speakerId: strOrNull, speakerName: strOrNull, text: str, direct: { type: 'boolean' }, date: strOrNull, sources: { type: 'array', items: obj({ documentId: str, start: int, end: int }) } }),
      TimelineEntry: obj({
        id: str, type: { enum: PLOVER }, sourceId: strOrNull, sourceName: strOrNull, targetId: strOrNull, targetName: strOrNull, date: strOrNull,
        negated: { type: 'boolean' }, modality: str,
        mentions: { type: 'array', items: obj({ documentId: str, documentTitle: strOrNull, source: strOrNull, sentence: str, sentenceStart: int, sentenceEnd: int }) },
      }),
      StanceEntry: obj({ holderId: str, holderName: str, topic: str, objectId: strOrNull, objectName: strOrNull, label: str, evidenceStart: int, evidenceEnd: int, polarity: { enum: ['support', 'oppose', 'neutral'] }, date: strOrNull, documentId: str, evidence: str }),
      Disagreement: obj({ id: str, kind: { enum: ['stance', 'event'] }, actorId: str, actorName: str, topic: str, a: { type: 'object' }, b: { type: 'object' } }),
      SearchHit: obj({ documentId: str, title: strOrNull, date: strOrNull, source: strOrNull, sentence: str, start: int, end: int, rank: { type: 'number' } }),
      GraphNode: obj({ id: str, name: str, type: str, kbId: strOrNull, documents: int, mentions: int }),
      GraphEdge: obj({
        id: str, source: str, target: str, kind: { enum: ['cooccurrence', 'cooperative', 'conflictual'] }, mode: { enum: ['verbal', 'material', null] },
        weight: int, types: { type: 'object', additionalProperties: int }, from: strOrNull, to: strOrNull,
      }),
      Place: obj({ id: str, name: str, type: str, kbId: str, lat: { type: 'number' }, lon: { type: 'number' }, via: { enum: ['coords', 'seat', 'location'] }, documents: int }),
      ImportJob: obj({
        id: str, status: { enum: ['queued', 'running', 'done', 'failed'] }, inputs: int, current: strOrNull, error: strOrNull,
        summary: obj({ read: int, new: int, duplicate: int, nearDuplicate: int, failed: int, notEnglish: int, stored: { type: 'array', items: str }, failures: { type: 'array', items: obj({ origin: str, message: str }) } }),
      }),
    },
  },
  paths: {
    '/api/openapi.json': { get: { summary: 'This document.', responses: { 200: json({ type: 'object' }) } } },
    '/api/health': { get: { summary: 'Liveness, and the load: requests running and waiting for the store, refused since start (503), the recent time of a turn at the store (ms), the read cache (PGlite).', responses: { 200: json(obj({
      ok: { type: 'boolean' }, admission: obj({ running: int, waiting: int, shed: int, turnMs: { type: 'number' } }),
      readCache: { oneOf: [{ type: 'null' }, obj({ entries: int, bytes: int, hits: int, misses: int })] },
    })) } } },
    '/api/config': { get: { summary: 'What the UI needs to know: whether writes need a token, the event and entity types.', responses: { 200: json({ type: 'object' }) } } },
    '/api/stats': { get: { summary: 'Counts of what the store holds.', responses: { 200: json({ type: 'object' }) } } },
    '/api/overview': { get: { summary: 'Counts, most active actors, latest events, documents per month.', responses: { 200: json({ type: 'object' }) } } },
    '/api/documents': {
      get: {
        summary: 'Documents, newest first.',
        parameters: [query('source', 'Source or URL contains this.'), from, to, query('language', 'ISO 639-1 code.'), limit, offset],
        responses: { 200: json(page('DocumentSummary')), ...bad },
      },
    },
    '/api/documents/{id}': {
      get: { summary: 'A document with its layers.', parameters: [path('id', 'The id or a unique prefix of 6+ hex characters.')], responses: { 200: json(ref('DocumentDetail')), 404: error('No such document.') } },
      delete: { summary: 'Deletes a document and its layers.', security: [{ bearer: [] }], parameters: [path('id', 'The id or a unique prefix.')], responses: { 200: json(obj({ deleted: str })), ...auth, 404: error('No such document.') } },
    },
    '/api/entities': {
      get: {
        summary: 'Actors with mention and document counts; `q` matches names and aliases, diacritic-insensitive.',
        parameters: [query('q', 'Name or alias contains this.'), query('type', 'Entity type.', { enum: ['PERSON', 'ORG', 'GPE', 'LOC', 'FAC', 'NORP', 'EVENT', 'LAW', 'PRODUCT'] }), nations, limit, offset],
        responses: { 200: json(page('EntitySummary')), ...bad },
      },
    },
    '/api/entities/lookup': {
      get: { summary: 'The entity a name (any spelling or script) or id refers to, closest by trigrams.', parameters: [query('name', 'A name or id.')], responses: { 200: json(obj({ id: str, name: str })), ...bad, 404: error('Nothing close.') } },
    },
    '/api/entities/{id}': {
      get: { summary: "An actor's profile.", parameters: [path('id', 'Entity id, e.g. kb:serbia.'), nations, limit], responses: { 200: json(ref('EntityProfile')), ...bad, 404: error('Unknown entity.') } },
    },
    '/api/quotes': {
      get: {
        summary: 'Quotes, each with every document that carries it.',
        parameters: [query('speaker', 'Entity id or name.'), query('about', 'An actor the quote names, or a topic it speaks of ("NATO membership", "Bosnia\'s NATO membership").'), query('q', 'Text contains.'), from, to, limit, offset],
        responses: { 200: json(page('QuoteEntry')), ...bad },
      },
    },
    '/api/timeline': {
      get: {
        summary: 'Events merged across documents, with every report of each.',
        parameters: [query('actor', 'Entity id or name (source or target).'), query('type', 'PLOVER type.', { enum: PLOVER }), from, to, query('source', 'Document source contains.'), limit, offset],
        responses: { 200: json(page('TimelineEntry')), ...bad },
      },
    },
    '/api/events': { get: { summary: 'The same as /api/timeline.', parameters: [query('actor', 'Entity id or name.'), query('type', 'PLOVER type.', { enum: PLOVER }), from, to, query('source', 'Source contains.'), limit, offset], responses: { 200: json(page('TimelineEntry')), ...bad } } },
    '/api/stances': {
      get: { summary: 'Stances with their evidence, newest first.', parameters: [query('holder', 'Entity id or name.'), topicParam, from, to], responses: { 200: json(obj({ items: { type: 'array', items: ref('StanceEntry') } })), ...bad } },
    },
    '/api/topics': {
      get: { summary: 'The topics stances are held on, each named in full ("Bosnia and Herzegovina\'s NATO membership"), the most discussed first.', responses: { 200: json(obj({ items: { type: 'array', items: { type: 'object' } } })) } },
    },
    '/api/topics/stances': {
      get: {
        summary: "Every holder's stances on a topic, each holder's oldest first, with the evidence sentence and its span.",
        parameters: [{ ...topicParam, required: true }, from, to, query('limit', 'How many stances (the latest), 1–2000.', { type: 'integer', default: 500 })],
        responses: { 200: json(obj({ topic: { type: 'object' }, total: int, holders: { type: 'array', items: { type: 'object' } } })), ...bad },
      },
    },
    '/api/disagreements': {
      get: { summary: 'Pairs of sources that state opposite things about one actor and topic.', parameters: [query('actor', 'Entity id or name.'), limit, offset], responses: { 200: json(page('Disagreement')), ...bad } },
    },
    '/api/search': {
      get: {
        summary: 'Full-text search over sentences (diacritic-insensitive), and names that match.',
        parameters: [query('q', 'Words, "a phrase", -excluded, OR.'), from, to, limit, offset],
        responses: { 200: json(obj({ query: str, hits: { type: 'array', items: ref('SearchHit') }, entities: { type: 'array', items: ref('EntitySummary') }, closest: { type: ['object', 'null'] } })), ...bad },
      },
    },
    '/api/graph': {
      get: {
        summary: 'Actors and their edges: co-occurrence by document, and events split cooperative/conflictual, verbal/material.',
        parameters: [from, to, query('kinds', 'Comma-separated edge kinds: cooccurrence, cooperative, conflictual.'), query('types', 'Comma-separated PLOVER types for event edges.'),
          query('entityTypes', 'Comma-separated entity types of the actors kept (PERSON, ORG, GPE, …); the actor asked for is always kept.'),
          query('actor', 'Only this actor and its neighbours.'), query('maxNodes', 'Most connected actors kept (1–500).', { type: 'integer', default: 120 }), nations],
        responses: { 200: json(obj({ nodes: { type: 'array', items: ref('GraphNode') }, edges: { type: 'array', items: ref('GraphEdge') } })), ...bad },
      },
    },
    '/api/places': {
      get: { summary: 'Actors the knowledge base can place, and events at a placed location.', parameters: [from, to], responses: { 200: json(obj({ places: { type: 'array', items: ref('Place') }, events: { type: 'array', items: { type: 'object' } } })), ...bad } },
    },
    '/api/import': {
      post: {
        summary: 'Imports pasted text, uploaded files (.txt, .md, .html, .jsonl) and article or feed URLs. Answers 202 with a job to poll, or 200 with the finished job when `wait=true`.',
        security: [{ bearer: [] }],
        parameters: [query('wait', 'Answer when the import is done.', { type: 'boolean' })],
        requestBody: {
          content: {
            'multipart/form-data': { schema: obj({ files: { type: 'array', items: { type: 'string', format: 'binary' } }, text: str, title: str, date: { type: 'string', format: 'date' }, urls: { type: 'string', description: 'One or more URLs separated by whitespace.' } }) },
            'application/json': { schema: obj({ text: str, title: str, date: { type: 'string', format: 'date' }, urls: { type: 'array', items: str } }) },
          },
        },
        responses: { 200: json(ref('ImportJob')), 202: json(ref('ImportJob'), 'Accepted; poll /api/import/{job}.'), ...bad, ...auth, 413: error('Too large.'), 415: error('Not multipart or JSON.') },
      },
    },
    '/api/import/{job}': { get: { summary: "An import's progress.", parameters: [path('job', 'The job id.')], responses: { 200: json(ref('ImportJob')), 404: error('No such job.') } } },
    '/api/export': { get: { summary: 'Every document with its layers, one JSON object per line.', responses: { 200: { description: 'JSON lines', content: { 'application/x-ndjson': { schema: ref('DocumentDetail') } } } } } },
    ...loopPaths,
  },
} as const;
