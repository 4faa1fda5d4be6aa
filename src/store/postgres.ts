/** A Postgres server, reached with `pg` through a small pool. */
import pg from 'pg';
import { StoreError, type Db, type Queryable } from './db.js';

// Dates stay strings: a DATE column means a calendar day, not an instant in some time zone.
pg.types.setTypeParser(1082, (v: string) => v);
// bigint counts fit comfortably in a JS number here.
pg.types.setTypeParser(20, (v: string) => Number(v));

/**
 * Connections in the pool: the API runs up to 8 requests at once against a server (server/admission.ts), each on
 * a connection of its own; `DOSSIER_PG_POOL` sets another size.
 */
export const POOL_SIZE = Number(process.env.DOSSIER_PG_POOL) || 10;

export async function openPostgres(url: string): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE });
  try {
    const client = await pool.connect();
    client.release();
  } catch (err) {
    await pool.end().catch(() => {});
    throw new StoreError(`${redact(url)}: cannot connect to Postgres: ${(err as Error).message}`);
  }
  const query: Queryable['query'] = async (sql, params) => ({ rows: (await pool.query(sql, params as unknown[])).rows });
  return {
    kind: 'postgres',
    query,
    exec: async (sql) => {
      await pool.query(sql);
    },
    transaction: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({ query: async (sql, params) => ({ rows: (await client.query(sql, params as unknown[])).rows }) });
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
