/**
 * The store: opens the database (PGlite or a server), runs migrations, and writes a document with all its layers
 * in one transaction. Reads live in src/service, which every front end shares.
 */
import type { Document, Layers } from '../model/types.js';
import type { Doc } from '../nlp/doc.js';
import { openDb, type Db, type OpenOptions, type Queryable } from './db.js';
import { migrate } from './migrate.js';
import { insertRows } from './rows.js';
import { globalEntityId } from './entity-id.js';
import { writeBatch } from './batch.js';
import { prepareDocument, sourceRow } from './prepare.js';
import { lockWrites } from './write-lock.js';

export { insertRows };

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

export { globalEntityId };

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
   * Look the near-duplicate up inside the write transaction, once it holds the write lock (`nearDuplicate` is then
   * ignored): a copy another writer stored a moment ago, or an earlier document of the same batch, is then seen.
   */
  lookupNearDuplicate?: boolean;
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
    sourceRow(id, d),
  );
  return rows.rows.length > 0;
}

/**
 * Writes a document and every layer, or nothing: a batch of one (batch.ts). Answers false when the document was
 * already stored (by another writer since the caller looked): then only its new source is recorded.
 */
export async function writeDocument(db: Db, input: WriteInput): Promise<boolean> {
  return (await writeBatch(db, [prepareDocument(input)])).outcomes[0] !== 'duplicate';
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
