/**
 * The advisory lock (with the schema's hash as second key) that runs writes to one store one at a time. On a
 * Postgres server several processes may write at once: each write transaction takes it first, so writes, and the
 * cross-document resolution inside them, see each other's results, while the costly analysis before them runs in
 * parallel. PGlite has one process per folder (lock.ts), so there is nothing to take.
 */
import type { Db, Queryable } from './db.js';

const WRITE_LOCK = 0x646f7377; // "dosw"

export async function lockWrites(db: Db, tx: Queryable): Promise<void> {
  if (db.kind === 'postgres') await tx.query('SELECT pg_advisory_xact_lock($1::int, hashtext(current_schema()))', [WRITE_LOCK]);
}
