/**
 * The store: opens the database (PGlite or a server), runs migrations, and writes a document with all its layers
 * in one transaction. Reads live in src/service, which every front end shares.
 */
import type { Document, Entity, EventRecord, Layers } from '../model/types.js';
import type { Doc } from '../nlp/doc.js';
import { normalizeName } from '../nlp/fold.js';
import { openDb, type Db, type OpenOptions, type Queryable } from './db.js';
import { migrate } from './migrate.js';
import { insertRows } from './rows.js';

export { insertRows };
import { resolveDocument } from '../resolve/index.js';

export interface Store {
  db: Db;
  close(): Promise<void>;
}

export async function openStore(opts: OpenOptions): Promise<Store> {
  const db = await openDb(opts);
  try {
    await migrate(db);
  } catch (err) {
    await db.close().catch(() => {});
    throw err;
  }
  return { db, close: () => db.close() };
}

/** The store's options from the environment and the command line: DATABASE_URL wins, else a PGlite folder. */
export function storeOptions(dataDir?: string): OpenOptions {
  return { databaseUrl: process.env.DATABASE_URL || null, dataDir: dataDir ?? process.env.DOSSIER_DATA ?? './dossier-data' };
}

/** A document's cross-document entity id: by KB id, else by type and normalised full name. */
export function globalEntityId(e: Pick<Entity, 'kbId' | 'type' | 'name'>): string {
  return e.kbId ? `kb:${e.kbId}` : `x:${e.type}:${normalizeName(e.name)}`;
}

export interface NearDuplicate {
  id: string;
  similarity: number;
}

export interface WriteInput {
  document: Document;
  doc: Doc;
  layers: Layers;
  wordCount: number;
  signature: number[];
  bands: number[];
  nearDuplicate: NearDuplicate | null;
  /**
   * Looks the near-duplicate up inside the write transaction, once it holds the write lock (replacing
   * `nearDuplicate`): a copy another writer stored a moment ago is then seen. Called with the transaction.
   */
  lookupNearDuplicate?: (tx: Queryable) => Promise<NearDuplicate | null>;
}

export async function documentExists(db: Queryable, id: string): Promise<boolean> {
  return (await db.query('SELECT 1 FROM documents WHERE id = $1', [id])).rows.length > 0;
}

/** Records one more place an already-stored document was seen. Returns true when the source is new. */
export async function addDocumentSource(db: Queryable, id: string, d: Document): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO document_sources (document_id, source, url, title, date, outlet) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT DO NOTHING RETURNING 1`,
    // The key is where it was seen (the origin): the same outlet's copy read from two places is two sightings.
    [id, d.origin ?? d.url ?? d.source ?? 'unknown', d.url, d.title, d.date, d.source],
  );
  return rows.rows.length > 0;
}

/**
 * Writes a document and every layer, or nothing. Answers false when the document was already stored (by another
 * writer since the caller looked): then only its new source is recorded.
 *
 * On a Postgres server several processes may write at once. Each write transaction first takes an advisory lock
 * (per schema), so writes, and the cross-document resolution inside them, run one at a time and see each other's
 * results, while the costly analysis before them runs in parallel. The insert of the document resolves a copy
 * stored meanwhile (`ON CONFLICT`), and a transaction that still fails on a deadlock or a serialization failure
 * is run again.
 */
export async function writeDocument(db: Db, input: WriteInput): Promise<boolean> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction((tx) => writeInTransaction(db, tx, input));
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (attempt >= 5 || (code !== '40P01' && code !== '40001')) throw err;
      await new Promise((r) => setTimeout(r, 20 * attempt + Math.random() * 30));
    }
  }
}

/** The advisory lock (with the schema's hash as second key) that runs writes to one store one at a time. */
const WRITE_LOCK = 0x646f7377; // "dosw"

async function lockWrites(db: Db, tx: Queryable): Promise<void> {
  if (db.kind === 'postgres') await tx.query('SELECT pg_advisory_xact_lock($1::int, hashtext(current_schema()))', [WRITE_LOCK]);
}

async function writeInTransaction(db: Db, tx: Queryable, input: WriteInput): Promise<boolean> {
  const { document: d, doc, layers } = input;
  await lockWrites(db, tx);
  const nearDuplicate = input.lookupNearDuplicate ? await input.lookupNearDuplicate(tx) : input.nearDuplicate;
  const inserted = await tx.query(
    `INSERT INTO documents (id, title, date, date_source, date_from, date_to, source, url, language, byline, text,
       word_count, near_duplicate_of, similarity, origin, page_starts)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16)
     ON CONFLICT (id) DO NOTHING RETURNING 1`,
    [d.id, d.title, d.date, d.dateSource, d.dateRange?.from ?? null, d.dateRange?.to ?? null, d.source, d.url,
      d.language, d.byline ?? null, d.text, input.wordCount, nearDuplicate?.id ?? null,
      nearDuplicate?.similarity ?? null, d.origin ?? null, d.pages ?? null],
  );
  await addDocumentSource(tx, d.id, d);
  if (!inserted.rows.length) return false;
  await tx.query('INSERT INTO document_signatures (document_id, minhash) VALUES ($1, $2)', [d.id, input.signature]);
  await insertRows(tx, 'document_bands', ['band', 'hash', 'document_id'], input.bands.map((h, b) => [b, h, d.id]));
  await insertRows(
    tx, 'sentences', ['document_id', 'idx', 'span_start', 'span_end', 'tsv'],
    doc.sentences.map((s, i) => [d.id, i, s.start, s.end, doc.shadow.slice(s.start, s.end)]),
    { tsv: "to_tsvector('english', $)" },
  );

  const globalIds = new Map<string, string>();
  const entityRows = new Map<string, unknown[]>();
  for (const e of layers.entities) {
    const gid = globalEntityId(e);
    globalIds.set(e.id, gid);
    const prev = entityRows.get(gid);
    const aliases = [...new Set([...(prev?.[6] as string[] ?? []), e.name, ...e.mentions.filter((m) => !m.kind || m.kind === 'name' || m.kind === 'alias').map((m) => m.text)])];
    entityRows.set(gid, [gid, e.kbId, e.name, normalizeName(e.name), e.type, e.wikidata, aliases]);
  }
  await insertRows(tx, 'entities', ['id', 'kb_id', 'name', 'norm_name', 'type', 'wikidata', 'aliases'], [...entityRows.values()].sort((x, y) => String(x[0]).localeCompare(String(y[0]))), {},
    `ON CONFLICT (id) DO UPDATE SET aliases = ARRAY(SELECT DISTINCT unnest(entities.aliases || excluded.aliases))`);
  await insertRows(tx, 'mentions', ['document_id', 'entity_id', 'local_id', 'span_start', 'span_end', 'text', 'kind'],
    layers.entities.flatMap((e) => e.mentions.map((m) => [d.id, globalIds.get(e.id), e.id, m.start, m.end, m.text, m.kind ?? 'name'])));
  const perEntity = new Map<string, number>();
  for (const e of layers.entities) perEntity.set(globalIds.get(e.id)!, (perEntity.get(globalIds.get(e.id)!) ?? 0) + e.mentions.length);
  // In id order, as the entities above: two writers lock shared actors' rows in the same order.
  const counted = [...perEntity].filter(([, n]) => n > 0).sort(([x], [y]) => x.localeCompare(y));
  await insertRows(tx, 'document_entities', ['entity_id', 'document_id', 'mentions', 'doc_date'], counted.map(([id, n]) => [id, d.id, n, d.date]));
  if (counted.length) {
    await tx.query(
      `UPDATE entities e SET mention_count = e.mention_count + u.n, document_count = e.document_count + 1
         FROM unnest($1::text[], $2::int[]) AS u(id, n) WHERE e.id = u.id`,
      [counted.map(([id]) => id), counted.map(([, n]) => n)]);
  }
  await insertRows(tx, 'times', ['document_id', 'span_start', 'span_end', 'text', 'value', 'granularity'],
    layers.times.map((t) => [d.id, t.start, t.end, t.text, t.value, t.granularity ?? null]));
  const gid = (local: string | null) => (local ? globalIds.get(local) ?? null : null);
  await insertRows(tx, 'quotes', ['document_id', 'local_id', 'span_start', 'span_end', 'text', 'direct', 'speaker_id', 'speaker_text', 'norm_text'],
    layers.quotes.map((q) => [d.id, q.id, q.start, q.end, q.text, q.direct, gid(q.speaker), q.speakerText, normalizeName(q.text)]));
  await insertRows(tx, 'events', ['document_id', 'local_id', 'type', 'cameo', 'source_id', 'target_id', 'location_id', 'date_value', 'date_text',
    'negated', 'modality', 'trigger_start', 'trigger_end', 'trigger_text', 'sentence_start', 'sentence_end', 'confidence',
    'source_state_id', 'target_state_id', 'date_basis'],
    layers.events.map((v) => [d.id, v.id, v.type, v.cameo ?? null, gid(v.source), gid(v.target), gid(v.location), v.date?.value ?? null,
      v.date?.text ?? null, v.negated, v.modality, v.trigger.start, v.trigger.end, v.trigger.text, v.sentence.start, v.sentence.end, v.confidence,
      gid(actingState(layers, v.source, v.sourceAgent)), gid(actingState(layers, v.target, v.targetAgent)),
      v.date ? v.date.basis ?? (v.date.text ? 'stated' : 'report') : null]));
  await insertRows(tx, 'stances', ['document_id', 'holder_id', 'topic', 'polarity', 'evidence_start', 'evidence_end', 'date'],
    layers.stances.filter((s) => gid(s.holder)).map((s) => [d.id, gid(s.holder), s.topic, s.polarity, s.evidence.start, s.evidence.end, s.date]));
  await resolveDocument(tx, d.id);
  return true;
}

/**
 * The state an event's actor acts for, when it is an agent of one (the document's entity id): the event's own
 * record of the agent, else the actor's ("Putin" acts for Russia). Null for an actor that is no state's agent.
 */
function actingState(layers: Layers, actor: string | null, agent: EventRecord['sourceAgent']): string | null {
  const state = agent?.state ?? (actor ? layers.entities.find((e) => e.id === actor)?.actsFor?.state : null) ?? null;
  return state && state !== actor ? state : null;
}

/**
 * Refreshes the planner's statistics. PGlite runs no autovacuum, so without this the planner keeps guessing from
 * an empty store and picks sequential scans once the store is large. Cheap enough to run after every ingest run
 * (about a second at a few thousand documents).
 */
export async function refreshStatistics(db: Db): Promise<void> {
  if (db.kind === 'pglite') return db.exec('ANALYZE');
  // Two ANALYZE runs of one table at once collide on pg_statistic, and ANALYZE reaches every schema of the
  // database: one at a time, database-wide.
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [STATISTICS_LOCK]);
    await tx.query('ANALYZE');
  });
}

const STATISTICS_LOCK = 0x646f7361; // "dosa"

/** Deletes a document and its layers (the entities stay: other documents may name them). */
export async function deleteDocument(db: Db, id: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    await lockWrites(db, tx); // its triggers update shared entries and groups, as writes do
    return (await tx.query('DELETE FROM documents WHERE id = $1 RETURNING 1', [id])).rows.length > 0;
  });
}
