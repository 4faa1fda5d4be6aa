/**
 * One interface over both Postgres forms: PGlite embedded in a data folder (the default) and a Postgres server
 * (when DATABASE_URL is set). Everything above this file speaks SQL through `Db` and never knows which it has.
 */
import { countWrites, type CountedDb } from './writes.js';

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** Runs `fn` in one transaction: all of it is written, or none. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** A Postgres connection string; when absent, PGlite in `dataDir`. */
  databaseUrl?: string | null;
  /** The PGlite data folder; `memory://` for an in-memory store. */
  dataDir?: string;
  /** How a PGlite folder's lock names this process to another one (`dossier serve`); default from argv. */
  owner?: string;
  /** PGlite on a worker thread of this process (the server: its own thread stays free to read and refuse). */
  thread?: boolean;
}

export class StoreError extends Error {}

export async function openDb(opts: OpenOptions): Promise<CountedDb> {
  if (opts.databaseUrl) {
    const { openPostgres } = await import('./postgres.js');
    return countWrites(await openPostgres(opts.databaseUrl));
  }
  const { openPglite } = await import('./pglite.js');
  return countWrites(await openPglite(opts.dataDir ?? './dossier-data', opts.owner, { thread: opts.thread }));
}
