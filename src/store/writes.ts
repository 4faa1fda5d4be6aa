/**
 * Counts the writes made through a Db: every transaction, every `exec` and every statement that is not a plain
 * read. A reader that remembers the count can tell whether anything changed since (the API's read cache,
 * src/server/read-cache.ts). Only this process's writes are seen: on a Postgres server other processes may write
 * too, so the count proves nothing there; a PGlite folder has one process (store/lock.ts), so there it is exact.
 */
import type { Db } from './db.js';

export interface CountedDb extends Db {
  /** Writes begun through this Db so far. */
  writes(): number;
}

/** A plain read: SELECT, or WITH … SELECT with no data-modifying part, and nothing that locks rows. */
const READ = /^\s*(SELECT|WITH)\b/i;
const MODIFIES = /\b(INSERT|UPDATE|DELETE|MERGE|TRUNCATE|FOR\s+UPDATE|FOR\s+SHARE|nextval|setval|pg_advisory)/i;

export function countWrites(db: Db): CountedDb {
  let writes = 0;
  // Counted before and after: a read that starts while a write runs must not see the old count at its end.
  const around = async <T>(fn: () => Promise<T>): Promise<T> => {
    writes++;
    try {
      return await fn();
    } finally {
      writes++;
    }
  };
  return {
    kind: db.kind,
    query: (sql, params) => (READ.test(sql) && !MODIFIES.test(sql) ? db.query(sql, params) : around(() => db.query(sql, params))),
    exec: (sql) => around(() => db.exec(sql)),
    transaction: (fn) => around(() => db.transaction(fn)),
    close: () => db.close(),
    writes: () => writes,
  };
}
