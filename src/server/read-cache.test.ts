/**
 * The read cache: a repeated read is answered from it, and no answer outlives a write (an ingest, a delete, a
 * correction all write through the same counted Db).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from './app.js';
import { openStore, type Store } from '../store/store.js';
import { countWrites } from '../store/writes.js';
import { ingest } from '../ingest/ingest.js';
import { defaultKnowledgeBase } from '../kb/load.js';

const kb = defaultKnowledgeBase();
const dir = mkdtempSync(join(tmpdir(), 'dossier-read-cache-'));
let store: Store;
before(async () => {
  store = await openStore({ dataDir: 'memory://' });
});
after(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const health = async (app: ReturnType<typeof createApp>) => (await (await app.request('/api/health')).json()).readCache;

test('a repeated read comes from the cache, and a write makes the next read fresh', async () => {
  const app = createApp(store, kb);
  const first = await (await app.request('/api/stats')).json();
  const again = await app.request('/api/stats');
  assert.equal(again.status, 200);
  assert.equal(again.headers.get('content-type'), 'application/json');
  assert.deepEqual(await again.json(), first);
  assert.equal((await health(app)).hits, 1);
  // Text written for this test.
  const file = join(dir, 'note.txt');
  writeFileSync(file, 'The ferry between the two islands will run twice a day from Monday, the harbour office said.');
  await ingest(store, [file], { kb, date: '2024-06-03' });
  const after = await (await app.request('/api/stats')).json();
  assert.equal(after.documents, first.documents + 1);
  assert.equal((await health(app)).hits, 1, 'the write made the kept answer stale');
});

test('writes are counted at their start and their end, reads not at all', async () => {
  const db = countWrites({ kind: 'pglite', query: async () => ({ rows: [] }), exec: async () => {}, transaction: async (fn) => fn(db), close: async () => {} });
  const before = db.writes();
  await db.query('SELECT 1');
  assert.equal(db.writes(), before, 'a read is not a write');
  await db.query('WITH x AS (DELETE FROM t RETURNING 1) SELECT * FROM x');
  await db.transaction(async () => null);
  await db.exec('VACUUM');
  assert.equal(db.writes(), before + 6, 'each write counted at its start and its end');
});
