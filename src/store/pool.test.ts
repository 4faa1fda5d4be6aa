/**
 * On a Postgres server the store runs statements in parallel on its pool (the API serves requests at once, not
 * one after another behind one connection). Skipped without TEST_DATABASE_URL.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { openStore } from './store.js';
import { POOL_SIZE } from './postgres.js';
import { ADMISSION_DEFAULTS } from '../server/admission.js';
import { createApp } from '../server/app.js';
import { defaultKnowledgeBase } from '../kb/load.js';

const url = process.env.TEST_DATABASE_URL;

test('eight statements at once take about as long as one, and so do eight API requests', { skip: url ? false : 'TEST_DATABASE_URL is not set: the Postgres-server tests are skipped' }, async () => {
  assert.ok(POOL_SIZE >= ADMISSION_DEFAULTS.postgres.concurrency, 'a connection for every request the API runs at once');
  const name = `dossier_pool_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query('CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public').catch(() => {});
  await admin.query(`CREATE SCHEMA ${name}`);
  const target = new URL(url!);
  target.searchParams.set('options', `-c search_path=${name},public`);
  const store = await openStore({ databaseUrl: target.toString() });
  try {
    const sleep = () => store.db.query('SELECT pg_sleep(0.4)');
    await Promise.all(Array.from({ length: 8 }, sleep)); // opens the connections
    let t0 = performance.now();
    await Promise.all(Array.from({ length: 8 }, sleep));
    const eight = performance.now() - t0;
    assert.ok(eight < 4 * 400, `8 statements of 0.4 s took ${eight.toFixed(0)} ms (one at a time would be 3200)`);

    // Through the API: each request's statements wait 0.2 s on the server; eight at once are not served in turn.
    const slow = { ...store.db, query: async <T>(sql: string, params?: unknown[]) => { await store.db.query('SELECT pg_sleep(0.2)'); return store.db.query<T>(sql, params); } };
    const app = createApp({ db: slow, close: async () => {} }, defaultKnowledgeBase());
    t0 = performance.now();
    const one = await app.request('/api/entities?limit=5');
    assert.equal(one.status, 200);
    const single = performance.now() - t0;
    t0 = performance.now();
    const all = await Promise.all(Array.from({ length: 8 }, () => app.request('/api/entities?limit=5')));
    const parallel = performance.now() - t0;
    assert.deepEqual(all.map((r) => r.status), Array(8).fill(200));
    assert.ok(parallel < single * 4, `8 requests at once took ${parallel.toFixed(0)} ms, one took ${single.toFixed(0)} ms`);
  } finally {
    await store.close();
    await admin.query(`DROP SCHEMA ${name} CASCADE`);
    await admin.end();
  }
});
