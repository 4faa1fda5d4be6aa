/** Reading documents back: lists, one document with its layers, full-text search, statistics, export. */
import type { Queryable } from '../store/db.js';
import { foldText } from '../nlp/fold.js';
import { Where } from './where.js';
import { loadOverrides } from './corrections.js';
import { correctDocument } from './corrected.js';

export interface DocumentSummary {
  id: string;
  title: string | null;
  date: string | null;
  dateSource: string | null;
  /** The outlet that published it, when known. */
  source: string | null;
  /** Where it was read from: a path, a JSONL line, a URL. */
  origin: string | null;
  url: string | null;
  language: string;
  wordCount: number;
  nearDuplicateOf: string | null;
  sources: number;
}

export interface DocumentFilter {
  source?: string;
  from?: string;
  to?: string;
  language?: string;
  limit?: number;
  offset?: number;
}

const SUMMARY_COLUMNS = `d.id, d.title, to_char(d.date, 'YYYY-MM-DD') AS date, d.date_source AS "dateSource", d.source, d.origin, d.url,
  d.language, d.word_count AS "wordCount", d.near_duplicate_of AS "nearDuplicateOf",
  (SELECT count(*)::int FROM document_sources s WHERE s.document_id = d.id) AS sources`;

/** Documents, newest first (undated last), filtered by source (substring) and date range. */
export async function listDocuments(db: Queryable, f: DocumentFilter = {}): Promise<{ total: number; items: DocumentSummary[] }> {
  const w = new Where();
  if (f.source) {
    w.add(`(d.source ILIKE $ OR d.url ILIKE $ OR d.origin ILIKE $
            OR EXISTS (SELECT 1 FROM document_sources s WHERE s.document_id = d.id AND (s.source ILIKE $ OR s.outlet ILIKE $)))`, `%${f.source}%`);
  }
  w.dateRange('d.date', f.from, f.to);
  if (f.language) w.add('d.language = $', f.language);
  const total = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM documents d ${w.sql}`, w.params)).rows[0]!.n;
  const page = w.page(f.limit, f.offset);
  const items = (await db.query<DocumentSummary>(
    `SELECT ${SUMMARY_COLUMNS} FROM documents d ${w.sql}
      ORDER BY d.date DESC NULLS LAST, d.ingested_at DESC, d.id ${page}`, w.params)).rows;
  return { total, items };
}

/** Resolves a full id or a unique prefix of at least 6 characters. */
export async function resolveDocumentId(db: Queryable, idOrPrefix: string): Promise<string | null> {
  if (!/^[0-9a-f]{6,64}$/i.test(idOrPrefix)) return null;
  const rows = (await db.query<{ id: string }>('SELECT id FROM documents WHERE id LIKE $1 LIMIT 2', [`${idOrPrefix.toLowerCase()}%`])).rows;
  return rows.length === 1 ? rows[0]!.id : null;
}

export interface DocumentDetail extends DocumentSummary {
  text: string;
  byline: string | null;
  dateRange: { from: string; to: string } | null;
  /** A paged original (a PDF): the offset in `text` where each page begins, page 1 first. */
  pages: number[] | null;
  similarity: number | null;
  /** Every place it was seen: `source` is where (the origin), `outlet` who published it there. */
  sourceList: { source: string; outlet: string | null; url: string | null; title: string | null; date: string | null }[];
  nearDuplicates: { id: string; title: string | null; source: string | null; similarity: number | null }[];
  /** `corrections`: the ids of the analyst's corrections that changed what is shown (src/service/corrections.ts). */
  entities: { id: string; localId: string; name: string; type: string; kbId: string | null; mentions: { start: number; end: number; text: string; kind: string | null }[]; corrections?: string[] }[];
  times: { start: number; end: number; text: string; value: string | null; granularity: string | null }[];
  quotes: { id: string; start: number; end: number; text: string; direct: boolean; speakerId: string | null; speakerName: string | null; speakerText: string | null; corrections?: string[] }[];
  events: {
    id: string; type: string; cameo: string | null; sourceId: string | null; sourceName: string | null; targetId: string | null;
    targetName: string | null; locationId: string | null; locationName: string | null; date: string | null; dateText: string | null;
    negated: boolean; modality: string; trigger: { start: number; end: number; text: string }; sentence: { start: number; end: number }; confidence: number;
    corrections?: string[]; rejected?: boolean; confirmed?: boolean;
  }[];
  stances: { holderId: string; holderName: string; topic: string; polarity: string; evidence: { start: number; end: number }; date: string | null; corrections?: string[] }[];
}

export async function getDocument(db: Queryable, id: string): Promise<DocumentDetail | null> {
  const doc = (await db.query<any>(
    `SELECT ${SUMMARY_COLUMNS}, d.text, d.byline, d.similarity, d.page_starts AS pages, to_char(d.date_from, 'YYYY-MM-DD') AS "dateFrom",
            to_char(d.date_to, 'YYYY-MM-DD') AS "dateTo" FROM documents d WHERE d.id = $1`, [id])).rows[0];
  if (!doc) return null;
  const [sources, dups, mentions, times, quotes, events, stances] = await Promise.all([
    db.query<any>(`SELECT source, outlet, url, title, to_char(date, 'YYYY-MM-DD') AS date FROM document_sources WHERE document_id = $1 ORDER BY added_at`, [id]),
    db.query<any>(`SELECT id, title, source, similarity FROM documents WHERE near_duplicate_of = $1 OR id = (SELECT near_duplicate_of FROM documents WHERE id = $1) ORDER BY ingested_at`, [id]),
    db.query<any>(`SELECT m.entity_id, m.local_id, m.span_start, m.span_end, m.text, m.kind, e.name, e.type, e.kb_id
                     FROM mentions m JOIN entities e ON e.id = m.entity_id WHERE m.document_id = $1 ORDER BY m.span_start`, [id]),
    db.query<any>(`SELECT span_start AS start, span_end AS end, text, value, granularity FROM times WHERE document_id = $1 ORDER BY span_start`, [id]),
    db.query<any>(`SELECT q.local_id AS id, q.span_start AS start, q.span_end AS end, q.text, q.direct, q.speaker_id AS "speakerId",
                          e.name AS "speakerName", q.speaker_text AS "speakerText"
                     FROM quotes q LEFT JOIN entities e ON e.id = q.speaker_id WHERE q.document_id = $1 ORDER BY q.span_start`, [id]),
    db.query<any>(`SELECT v.*, s.name AS source_name, t.name AS target_name, l.name AS location_name FROM events v
                     LEFT JOIN entities s ON s.id = v.source_id LEFT JOIN entities t ON t.id = v.target_id
                     LEFT JOIN entities l ON l.id = v.location_id WHERE v.document_id = $1 ORDER BY v.trigger_start`, [id]),
    db.query<any>(`SELECT st.*, e.name FROM stances st JOIN entities e ON e.id = st.holder_id WHERE st.document_id = $1 ORDER BY st.evidence_start`, [id]),
  ]);
  const byEntity = new Map<string, DocumentDetail['entities'][number]>();
  for (const m of mentions.rows) {
    let e = byEntity.get(m.entity_id);
    if (!e) byEntity.set(m.entity_id, (e = { id: m.entity_id, localId: m.local_id, name: m.name, type: m.type, kbId: m.kb_id, mentions: [] }));
    e.mentions.push({ start: m.span_start, end: m.span_end, text: m.text, kind: m.kind });
  }
  const { dateFrom, dateTo, ...rest } = doc;
  return correctDocument(db, await loadOverrides(db), {
    ...rest,
    dateRange: dateFrom && dateTo ? { from: dateFrom, to: dateTo } : null,
    sourceList: sources.rows,
    nearDuplicates: dups.rows.filter((r: any) => r.id !== id),
    entities: [...byEntity.values()],
    times: times.rows,
    quotes: quotes.rows,
    events: events.rows.map((v: any) => ({
      id: v.local_id, type: v.type, cameo: v.cameo, sourceId: v.source_id, sourceName: v.source_name, targetId: v.target_id,
      targetName: v.target_name, locationId: v.location_id, locationName: v.location_name, date: v.date_value, dateText: v.date_text,
      negated: v.negated, modality: v.modality, trigger: { start: v.trigger_start, end: v.trigger_end, text: v.trigger_text },
      sentence: { start: v.sentence_start, end: v.sentence_end }, confidence: v.confidence,
    })),
    stances: stances.rows.map((s: any) => ({
      holderId: s.holder_id, holderName: s.name, topic: s.topic, polarity: s.polarity,
      evidence: { start: s.evidence_start, end: s.evidence_end }, date: s.date,
    })),
  });
}

export interface SearchHit {
  documentId: string;
  title: string | null;
  date: string | null;
  source: string | null;
  sentence: string;
  start: number;
  end: number;
  rank: number;
}

/** Sentences ranked per search (see searchSentences). */
export const SEARCH_CANDIDATES = 500;

/** Full-text search over sentences (diacritic-insensitive: both sides are folded), best first. */
export async function searchSentences(db: Queryable, query: string, opts: { limit?: number; offset?: number; from?: string; to?: string } = {}): Promise<SearchHit[]> {
  const q = foldText(query).trim();
  if (!q) return [];
  const w = new Where().add('d.near_duplicate_of IS NULL').dateRange('d.date', opts.from, opts.to);
  const tsq = w.param(q);
  const page = w.page(opts.limit, opts.offset, 20);
  // Ranking every sentence that contains a common word would read them all; the first SEARCH_CANDIDATES matches
  // (in the store's order) are ranked.
  // Rare words and phrases match fewer sentences than that, and are ranked in full.
  const rows = (await db.query<any>(
    `WITH q AS (SELECT websearch_to_tsquery('english', ${tsq}) AS tsq),
          hits AS (SELECT s.document_id, s.idx, s.span_start, s.span_end, ts_rank_cd(s.tsv, q.tsq) AS rank
                     FROM sentences s CROSS JOIN q WHERE s.tsv @@ q.tsq LIMIT ${SEARCH_CANDIDATES})
     SELECT h.document_id, h.span_start, h.span_end, h.rank,
            d.title, to_char(d.date, 'YYYY-MM-DD') AS date, d.source, substr(d.text, h.span_start + 1, h.span_end - h.span_start) AS sentence
       FROM (SELECT h.* FROM hits h JOIN documents d ON d.id = h.document_id
              ${w.sql}
              ORDER BY h.rank DESC, d.date DESC NULLS LAST, h.document_id, h.idx ${page}) h
       JOIN documents d ON d.id = h.document_id
      ORDER BY h.rank DESC, d.date DESC NULLS LAST, h.document_id, h.idx`, w.params)).rows;
  return rows.map((r) => ({
    documentId: r.document_id, title: r.title, date: r.date, source: r.source, sentence: r.sentence,
    start: r.span_start, end: r.span_end, rank: Number(r.rank),
  }));
}

export interface Stats {
  documents: number;
  nearDuplicates: number;
  sources: number;
  languages: Record<string, number>;
  sentences: number;
  words: number;
  entities: number;
  entitiesInKb: number;
  mentions: number;
  quotes: number;
  events: number;
  times: number;
  stances: number;
  firstDate: string | null;
  lastDate: string | null;
  /** Counts given as the planner's estimate (large tables; see getStats). */
  estimated?: string[];
}

/** With `estimate`, a layer table the planner puts at this many rows or more is not counted: its estimate is given. */
export const EXACT_COUNT_BELOW = 100_000;

/**
 * What the store holds. Counting a table reads all of it (a million mentions take a second on PGlite), so with
 * `estimate` (the API, which every view of the UI asks) a large layer table's count is the planner's estimate from
 * the last ANALYZE (ingest runs one after each run), and `estimated` names those counts; documents and actors are
 * always counted.
 */
export async function getStats(db: Queryable, o: { estimate?: boolean } = {}): Promise<Stats> {
  const one = async (sql: string) => Number(Object.values((await db.query<any>(sql)).rows[0] ?? { n: 0 })[0] ?? 0);
  const estimated: string[] = [];
  const big = o.estimate ? new Map((await db.query<{ t: string; n: number }>(
    `SELECT t, c.reltuples::float8 AS n FROM unnest($1::text[]) AS t JOIN pg_class c ON c.oid = to_regclass(t)`,
    [['sentences', 'mentions', 'quotes', 'events', 'times', 'stances']])).rows.map((r) => [r.t, r.n])) : new Map<string, number>();
  const count = (table: string, key: string) => {
    const n = big.get(table);
    if (n !== undefined && n >= EXACT_COUNT_BELOW) {
      estimated.push(key);
      return Promise.resolve(Math.round(n));
    }
    return one(`SELECT count(*) FROM ${table}`);
  };
  const [documents, nearDuplicates, sources, sentences, words, entities, entitiesInKb, mentions, quotes, events, times, stances] = await Promise.all([
    one('SELECT count(*) FROM documents'),
    one('SELECT count(*) FROM documents WHERE near_duplicate_of IS NOT NULL'),
    one('SELECT count(*) FROM document_sources'),
    count('sentences', 'sentences'),
    one('SELECT coalesce(sum(word_count), 0) FROM documents'),
    one('SELECT count(*) FROM entities WHERE document_count > 0'),
    one('SELECT count(*) FROM entities WHERE kb_id IS NOT NULL AND document_count > 0'),
    count('mentions', 'mentions'),
    count('quotes', 'quotes'),
    count('events', 'events'),
    count('times', 'times'),
    count('stances', 'stances'),
  ]);
  const langs = (await db.query<{ language: string; n: number }>('SELECT language, count(*)::int AS n FROM documents GROUP BY language ORDER BY n DESC')).rows;
  const range = (await db.query<any>(`SELECT to_char(min(date), 'YYYY-MM-DD') AS first, to_char(max(date), 'YYYY-MM-DD') AS last FROM documents`)).rows[0];
  return {
    documents, nearDuplicates, sources, languages: Object.fromEntries(langs.map((l) => [l.language, l.n])), sentences, words,
    entities, entitiesInKb, mentions, quotes, events, times, stances, firstDate: range?.first ?? null, lastDate: range?.last ?? null,
    ...(estimated.length ? { estimated } : {}),
  };
}

/** Every document with its layers, one at a time (the store is paged, so memory stays flat). */
export async function* exportDocuments(db: Queryable, pageSize = 200): AsyncGenerator<DocumentDetail> {
  let after = '';
  for (;;) {
    const ids = (await db.query<{ id: string }>('SELECT id FROM documents WHERE id > $1 ORDER BY id LIMIT $2', [after, pageSize])).rows;
    if (!ids.length) return;
    for (const { id } of ids) {
      const d = await getDocument(db, id);
      if (d) yield d;
    }
    after = ids[ids.length - 1]!.id;
  }
}
