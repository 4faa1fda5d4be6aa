import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from './store.js';
import { StoreError } from './db.js';

test('PGlite on a worker thread: queries, transactions that commit or roll back, errors with their code', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-thread-'));
  try {
    const store = await openStore({ dataDir: dir, thread: true });
    const { db } = store;
    assert.equal(db.kind, 'pglite');
    // The migrations ran through the worker: the schema is there.
    assert.equal((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM documents')).rows[0]!.n, 0);
    await db.exec('CREATE TABLE t (k int PRIMARY KEY, v text[])');
    await db.query('INSERT INTO t VALUES ($1, $2)', [1, ['Valmora', 'Tarsk']]);
    assert.deepEqual((await db.query('SELECT k, v FROM t')).rows, [{ k: 1, v: ['Valmora', 'Tarsk'] }]);

    const two = await db.transaction(async (tx) => {
      await tx.query('INSERT INTO t VALUES (2, NULL)');
      return (await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM t')).rows[0]!.n;
    });
    assert.equal(two, 2);

    // A failed statement inside a transaction: the whole of it is undone, and the error keeps its SQLSTATE.
    const err = await db.transaction(async (tx) => {
      await tx.query('INSERT INTO t VALUES (3, NULL)');
      await tx.query('INSERT INTO t VALUES (1, NULL)');
    }).catch((e: Error & { code?: string }) => e);
    assert.ok(err instanceof Error);
    assert.equal((err as { code?: string }).code, '23505');
    // An error thrown by the caller's own code rolls back too.
    await assert.rejects(db.transaction(async (tx) => {
      await tx.query('INSERT INTO t VALUES (4, NULL)');
      throw new Error('changed my mind');
    }), /changed my mind/);
    assert.deepEqual((await db.query<{ k: number }>('SELECT k FROM t ORDER BY k')).rows.map((r) => r.k), [1, 2]);

    // A query sent while a transaction is open waits for it, and sees what it committed.
    let release!: () => void;
    const held = new Promise<void>((ok) => (release = ok));
    const writing = db.transaction(async (tx) => {
      await tx.query('INSERT INTO t VALUES (5, NULL)');
      await held;
    });
    await new Promise((ok) => setTimeout(ok, 20));
    const outside = db.query<{ n: number }>('SELECT count(*)::int AS n FROM t');
    release();
    await writing;
    assert.equal((await outside).rows[0]!.n, 3);

    await store.close();
    await assert.rejects(db.query('SELECT 1'), (e: unknown) => e instanceof StoreError && /closed/.test((e as Error).message));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('PGlite on a worker thread leaves the event loop free while a query runs', async () => {
  const store = await openStore({ dataDir: 'memory://', thread: true });
  try {
    // In-process, a query runs synchronously in WASM and no callback of this thread runs until it ends.
    let turns = 0;
    let spinning = true;
    const spin = () => {
      turns++;
      if (spinning) setImmediate(spin);
    };
    setImmediate(spin);
    const slow = store.db.query<{ n: number }>('SELECT count(*)::int AS n FROM generate_series(1, 3000000) g WHERE g % 7 = 0');
    const before = turns;
    const n = (await slow).rows[0]!.n;
    spinning = false;
    assert.equal(n, 428571);
    assert.ok(turns - before > 1, `the loop turned ${turns - before} times during the query`);
  } finally {
    await store.close();
  }
});
