/**
 * PGlite on a worker thread (pglite-worker.mjs), behind the same `Db` interface. The server opens its store this
 * way: a PGlite query runs synchronously inside WASM, so on the server's own thread every query stops the event
 * loop, the sockets go unread and requests wait in the kernel, out of sight of the API's queue (no 503, a client
 * timeout). With the queries on another thread, the server's thread stays free to read, queue and refuse.
 *
 * Each call is one message and one answer; a transaction is opened on the worker, queried through its id and
 * ended by a last message, and holds the database meanwhile exactly as PGlite's `transaction()` does in-process.
 */
import { Worker } from 'node:worker_threads';
import { StoreError, type Db, type Queryable } from './db.js';

interface Pending {
  ok: (value: any) => void;
  fail: (err: Error) => void;
}

type Request = { op: 'query'; sql: string; params?: unknown[]; tx?: number } | { op: 'exec'; sql: string } | { op: 'begin' }
  | { op: 'end'; tx: number; commit: boolean } | { op: 'close' };

/** A database error as the worker sent it: its message, with `code` and the other fields callers read. */
function revive(e: { message: string } & Record<string, unknown>): Error {
  return Object.assign(new Error(e.message), e);
}

/** Starts the worker on `dataDir` (an existing cluster; pglite.ts creates one first) and waits until it is open. */
export async function openPgliteThread(dataDir: string, settings: string[]): Promise<Omit<Db, 'kind'>> {
  const worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), { workerData: { dataDir, settings } });
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let stopped: Error | null = null;
  const stop = (err: Error) => {
    stopped ??= err;
    for (const p of pending.values()) p.fail(stopped);
    pending.clear();
  };
  // One listener of each kind for the worker's whole life (taking listeners off a Worker stops its messages).
  let opening: Pending | null = null;
  const opened = new Promise<void>((ok, fail) => (opening = { ok, fail }));
  worker.on('message', (m: { ready?: boolean; id?: number; ok?: boolean; value?: unknown; error?: { message: string } }) => {
    if (m.ready !== undefined) {
      if (m.ready) opening?.ok(undefined);
      else opening?.fail(revive(m.error!));
      opening = null;
      return;
    }
    const p = pending.get(m.id!);
    if (!p) return;
    pending.delete(m.id!);
    if (m.ok) p.ok(m.value);
    else p.fail(revive(m.error!));
  });
  worker.on('error', (err) => {
    opening?.fail(err);
    stop(new StoreError(`the embedded database stopped: ${err.message}`));
  });
  worker.on('exit', (code) => {
    opening?.fail(new Error(`the database thread exited (${code})`));
    stop(new StoreError(`the embedded database stopped (its thread exited with ${code})`));
  });
  await opened;

  const call = <T>(req: Request): Promise<T> => {
    if (stopped) return Promise.reject(stopped);
    return new Promise<T>((ok, fail) => {
      const id = nextId++;
      pending.set(id, { ok, fail });
      worker.postMessage({ id, ...req });
    });
  };
  const query = (tx?: number): Queryable['query'] => async <T>(sql: string, params?: unknown[]) =>
    ({ rows: await call<T[]>({ op: 'query', sql, params, tx }) });

  return {
    query: query(),
    exec: async (sql) => {
      await call({ op: 'exec', sql });
    },
    transaction: async (fn) => {
      const tx = await call<number>({ op: 'begin' });
      let result;
      try {
        result = await fn({ query: query(tx) });
      } catch (err) {
        await call({ op: 'end', tx, commit: false }).catch(() => {});
        throw err;
      }
      await call({ op: 'end', tx, commit: true });
      return result;
    },
    close: async () => {
      if (stopped) return;
      try {
        await call({ op: 'close' });
      } finally {
        stop(new StoreError('the store is closed'));
        await worker.terminate();
      }
    },
  };
}
