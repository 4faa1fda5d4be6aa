import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exposureProblem, isLoopback, startServer } from './serve.js';
import { defaultKnowledgeBase } from '../kb/load.js';

test('loopback addresses are recognised', () => {
  for (const h of ['127.0.0.1', 'localhost', '::1', '[::1]', '127.0.0.2']) assert.equal(isLoopback(h), true, h);
  for (const h of ['0.0.0.0', '::', '192.168.1.4', 'example.org']) assert.equal(isLoopback(h), false, h);
});

test('listening beyond localhost needs a token', () => {
  assert.equal(exposureProblem('127.0.0.1', null), null);
  assert.match(exposureProblem('0.0.0.0', null)!, /DOSSIER_TOKEN/);
  assert.equal(exposureProblem('0.0.0.0', 'secret'), null);
});

test('while the store works on a long query, the server still answers: health at once, past the queue a 503', async () => {
  const server = await startServer({
    port: 0, host: '127.0.0.1', store: { dataDir: 'memory://' }, kb: defaultKnowledgeBase(), noBuild: true, watch: false,
    admission: { concurrency: 1, queue: 1, maxWaitMs: 120_000, retryAfterSeconds: 3 }, warm: false, // the queue's counts are this test's alone
  });
  try {
    // A query that keeps PGlite busy for a while. On the server's own thread it would stop the event loop: nothing
    // below could be answered before it ended. On the store's thread (pglite-thread.ts) this thread stays free.
    let slowDone = false;
    const slow = server.store.db.query('SELECT count(*) FROM generate_series(1, 10000000) g WHERE g % 3 = 0').then(() => (slowDone = true));
    await new Promise((ok) => setTimeout(ok, 50));
    const first = fetch(`${server.url}api/stats`); // takes the one turn, waits behind the long query
    await new Promise((ok) => setTimeout(ok, 20));
    const second = fetch(`${server.url}api/stats`); // the one place in the queue
    await new Promise((ok) => setTimeout(ok, 20));
    const third = await fetch(`${server.url}api/stats`);
    const health = await fetch(`${server.url}api/health`);
    const answeredEarly = !slowDone;
    assert.equal(third.status, 503);
    assert.equal(third.headers.get('retry-after'), '3');
    assert.equal(health.status, 200);
    assert.deepEqual(((await health.json()) as { admission: unknown }).admission, { running: 1, waiting: 1, shed: 1, turnMs: 0 });
    assert.ok(answeredEarly, 'the 503 and the health answer came while the long query still ran');
    await slow;
    assert.equal((await first).status, 200);
    assert.equal((await second).status, 200);
  } finally {
    await server.close();
  }
});

test('the graph view\'s first answers are computed at start: the first visit is answered from the read cache', async () => {
  const server = await startServer({ port: 0, host: '127.0.0.1', store: { dataDir: 'memory://' }, kb: defaultKnowledgeBase(), noBuild: true, watch: false });
  try {
    await server.warmed;
    const health = async () => ((await (await fetch(`${server.url}api/health`)).json()) as { readCache: { hits: number; entries: number } }).readCache;
    const before = await health();
    assert.ok(before.entries >= 2, `the store's graph and the entity list kept (${before.entries} entries)`);
    // The URL exactly as the view writes it (web/src/graph/filters.ts graphUrl, no filter).
    const res = await fetch(`${server.url}api/graph?maxNodes=150`);
    assert.equal(res.status, 200);
    assert.equal((await health()).hits, before.hits + 1);
  } finally {
    await server.close();
  }
});
