/**
 * A cache of the API's read answers, dropped as soon as anything is written. The hot pages (search, an entity,
 * a timeline page) are asked for again and again, and on PGlite every query runs on this process's one thread: an
 * answer kept since the last write costs nothing to give again, which keeps the queue short under load. Valid only
 * where every write passes through this process, so it is used with PGlite alone (one process per folder,
 * store/lock.ts; the write count in store/writes.ts sees them all). On a Postgres server other processes write too,
 * and requests run in parallel on the pool instead.
 *
 * Bounded by entries and by bytes (least recently used first out); only 200 answers of GET requests are kept.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { Db } from '../store/db.js';
import type { CountedDb } from '../store/writes.js';

export interface ReadCacheOptions {
  maxEntries: number;
  maxBytes: number;
}

export const READ_CACHE_DEFAULTS: ReadCacheOptions = { maxEntries: 2000, maxBytes: 32 * 1024 * 1024 };

interface Entry {
  writes: number;
  body: string;
  type: string;
}

export class ReadCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  hits = 0;
  misses = 0;

  constructor(private readonly db: CountedDb, private readonly opts: ReadCacheOptions = READ_CACHE_DEFAULTS) {}

  /** The kept answer for `key`, if nothing was written since it was made. */
  get(key: string): Entry | null {
    const e = this.entries.get(key);
    if (!e) return null;
    this.entries.delete(key);
    if (e.writes !== this.db.writes()) {
      this.bytes -= e.body.length * 2;
      return null;
    }
    this.entries.set(key, e); // most recently used last
    return e;
  }

  /** Keeps an answer made while the write count stood at `writes` (and stands there still). */
  set(key: string, writes: number, body: string, type: string): void {
    if (writes !== this.db.writes()) return;
    const size = body.length * 2;
    if (size > this.opts.maxBytes / 8) return;
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.bytes -= old.body.length * 2;
    }
    this.entries.set(key, { writes, body, type });
    this.bytes += size;
    for (const [k, e] of this.entries) {
      if (this.entries.size <= this.opts.maxEntries && this.bytes <= this.opts.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= e.body.length * 2;
    }
  }

  /** The store's write count now. */
  writes(): number {
    return this.db.writes();
  }

  stats(): { entries: number; bytes: number; hits: number; misses: number } {
    return { entries: this.entries.size, bytes: this.bytes, hits: this.hits, misses: this.misses };
  }
}

/** A read cache over `db` when every write to it passes through this process (PGlite), else null. */
export function readCacheFor(db: Db, opts?: ReadCacheOptions): ReadCache | null {
  const counted = db as Partial<CountedDb>;
  if (db.kind !== 'pglite' || typeof counted.writes !== 'function') return null;
  return new ReadCache(db as CountedDb, opts);
}

/** Serves GET requests for `cacheable` paths from the cache, and keeps their 200 answers. */
export function cacheReads(cache: ReadCache, cacheable: (path: string) => boolean): MiddlewareHandler {
  return async (c: Context, next) => {
    if (c.req.method !== 'GET' || !cacheable(c.req.path)) return next();
    const url = new URL(c.req.url);
    const key = url.pathname + url.search;
    const hit = cache.get(key);
    if (hit) {
      cache.hits++;
      return c.body(hit.body, 200, { 'Content-Type': hit.type });
    }
    cache.misses++;
    const writes = cache.writes();
    await next();
    if (c.res.status !== 200) return;
    const type = c.res.headers.get('content-type') ?? '';
    if (!type.startsWith('application/json')) return;
    cache.set(key, writes, await c.res.clone().text(), type);
  };
}
