/** The embedded store: PGlite (Postgres compiled to WASM) in a folder on disk, nothing to start. */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { StoreError, type Db, type Queryable } from './db.js';

export async function openPglite(dataDir: string): Promise<Db> {
  if (!dataDir.startsWith('memory://')) {
    try {
      mkdirSync(dataDir, { recursive: true });
    } catch (err) {
      throw new StoreError(`${dataDir}: cannot create the data folder (${(err as NodeJS.ErrnoException).code})`);
    }
  }
  let pg: PGlite;
  try {
    pg = await PGlite.create({ dataDir, extensions: { pg_trgm } });
  } catch (err) {
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
    close: () => pg.close(),
  };
}
