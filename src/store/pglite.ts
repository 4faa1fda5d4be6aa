/** The embedded store: PGlite (Postgres compiled to WASM) in a folder on disk, nothing to start. */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { StoreError, type Db, type Queryable } from './db.js';
import { lockFolder, type FolderLock } from './lock.js';
import { openPgliteThread } from './pglite-thread.js';

// A quarter of the default buffer pool: PGlite's memory is the process's memory. Reads that miss it go through the WASM
// file layer, which costs far more than Postgres assumes, yet the data files sit in the OS page cache: so random
// reads are priced near sequential ones and the planner takes index lookups for an actor's few documents.
const SETTINGS = ['shared_buffers=32MB', 'random_page_cost=1.1', 'effective_cache_size=1GB'];

/**
 * Creating a new cluster (initdb) takes a few hundred MB of WASM memory that is never given back; doing it in a
 * short-lived child process keeps the main process's peak memory to what a reopen needs.
 */
function initInChildProcess(dataDir: string): void {
  const script = `const { PGlite } = await import(${JSON.stringify(import.meta.resolve('@electric-sql/pglite'))});
    const db = await PGlite.create({ dataDir: ${JSON.stringify(dataDir)} }); await db.close();`;
  execFileSync(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'ignore', 'pipe'] });
}

/**
 * Opens (creating when needed) the store in `dataDir`. The folder is locked for this process until `close()` or
 * exit (see lock.ts); `owner` is how the lock names this process to another one, `dossier serve` say. With
 * `thread`, the database runs on a worker thread of this process (pglite-thread.ts: the server's thread stays free).
 */
export async function openPglite(dataDir: string, owner?: string, opts: { thread?: boolean } = {}): Promise<Db> {
  let lock: FolderLock | null = null;
  if (!dataDir.startsWith('memory://')) {
    try {
      mkdirSync(dataDir, { recursive: true });
    } catch (err) {
      throw new StoreError(`${dataDir}: cannot create the data folder (${(err as NodeJS.ErrnoException).code})`);
    }
    lock = lockFolder(dataDir, owner);
  }
  let pg: PGlite;
  try {
    if (lock && !existsSync(join(dataDir, 'PG_VERSION'))) initInChildProcess(dataDir);
    if (opts.thread) {
      const db = await openPgliteThread(dataDir, SETTINGS);
      return { kind: 'pglite', ...db, close: () => db.close().finally(() => lock?.release()) };
    }
    pg = await PGlite.create({ dataDir, extensions: { pg_trgm }, postgresqlconf: SETTINGS });
  } catch (err) {
    lock?.release();
    throw new StoreError(`${dataDir}: cannot open the embedded database: ${(err as Error).message}`);
  }
  const wrap = (q: { query: PGlite['query'] }): Queryable => ({
    query: async <T>(sql: string, params?: unknown[]) => ({ rows: (await q.query<T>(sql, params)).rows }),
  });
  return {
    kind: 'pglite',
    ...wrap(pg),
    exec: async (sql) => {
      await pg.exec(sql);
    },
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    close: async () => {
      try {
        await pg.close();
      } finally {
        lock?.release();
      }
    },
  };
}
