/**
 * Load shedding: past its concurrency and queue the API answers 503 with Retry-After at once, a request waits for
 * its turn at most maxWaitMs, and what does not touch the store (health) is never queued.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Admission, ALWAYS_QUEUED } from './admission.js';
import { createApp } from './app.js';
import type { Store } from '../store/store.js';
import type { Db } from '../store/db.js';
import { defaultKnowledgeBase } from '../kb/load.js';

test('a turn at once, then a place in the queue, then a refusal; leaving hands the turn to the first in line', async () => {
  const a = new Admission({ concurrency: 1, queue: 1, maxWaitMs: 10_000, retryAfterSeconds: 1 });
  assert.equal(await a.enter(), true);
  let second: boolean | null = null;
  const waiting = a.enter().then((ok) => (second = ok));
  assert.equal(await a.enter(), false);
  assert.deepEqual(a.stats(), { running: 1, waiting: 1, shed: 1, turnMs: 0 });
  await Promise.resolve();
  assert.equal(second, null, 'still waiting');
  a.leave();
  await waiting;
  assert.equal(second, true);
  assert.deepEqual({ ...a.stats(), turnMs: 0 }, { running: 1, waiting: 0, shed: 1, turnMs: 0 });
  a.leave();
  assert.deepEqual({ ...a.stats(), turnMs: 0 }, { running: 0, waiting: 0, shed: 1, turnMs: 0 });
});

test('a request waits at most maxWaitMs for its turn', async () => {
  const a = new Admission({ concurrency: 1, queue: 5, maxWaitMs: 50, retryAfterSeconds: 1 });
  await a.enter();
  const t0 = performance.now();
  assert.equal(await a.enter(), false);
  const waited = performance.now() - t0;
  assert.ok(waited >= 45 && waited < 2000, `waited ${waited.toFixed(0)} ms`);
  assert.deepEqual(a.stats(), { running: 1, waiting: 0, shed: 1, turnMs: 0 });
});

test('a turn handed to a request its timer has already refused goes on to the next, and is never lost', async () => {
  const a = new Admission({ concurrency: 1, queue: 5, maxWaitMs: 20, retryAfterSeconds: 1 });
  await a.enter();
  const late = a.enter();
  // The turn is handed over, then the thread is busy past the wait: the timer and the hand-over meet.
  a.leave();
  const until = performance.now() + 40;
  while (performance.now() < until) { /* busy */ }
  assert.equal(await late, false);
  await new Promise((ok) => setImmediate(ok));
  assert.equal(a.stats().running, 0);
  // The turn is free: the next request takes it at once.
  assert.equal(await a.enter(), true);
});

test('a waiting request whose client has gone leaves the queue at once, and the turn goes to the next', async () => {
  const a = new Admission({ concurrency: 1, queue: 5, maxWaitMs: 10_000, retryAfterSeconds: 1 });
  await a.enter();
  const client = new AbortController();
  const superseded = a.enter(client.signal);
  let next: boolean | null = null;
  const after = a.enter().then((ok) => (next = ok));
  assert.equal(a.stats().waiting, 2);
  client.abort();
  assert.equal(await superseded, false);
  assert.deepEqual(a.stats(), { running: 1, waiting: 1, shed: 0, turnMs: 0 }, 'gone, not refused');
  a.leave();
  await after;
  assert.equal(next, true);
  // Gone after the turn was handed to it (before it ran): the turn goes on and is not held.
  const late = new AbortController();
  const third = a.enter(late.signal);
  a.leave();
  late.abort();
  assert.equal(await third, false);
  await new Promise((ok) => setImmediate(ok));
  assert.equal(a.stats().running, 0);
  assert.equal(await a.enter(new AbortController().signal), true);
  // One already gone is not queued at all.
  const dead = new AbortController();
  dead.abort();
  assert.equal(await a.enter(dead.signal), false);
  assert.equal(a.stats().waiting, 0);
});

/** A store whose every query waits until `release()`: requests hold their turn as long as the test wants. */
function stalledStore(): { store: Store; release: () => void; queries: () => number } {
  let release!: () => void;
  const gate = new Promise<void>((ok) => (release = ok));
  let n = 0;
  const db: Db = {
    kind: 'pglite',
    query: async () => {
      n++;
      await gate;
      return { rows: [] };
    },
    exec: async () => {},
    transaction: async (fn) => fn(db),
    close: async () => {},
  };
  return { store: { db, close: async () => {} }, release, queries: () => n };
}

test('past the queue the API answers 503 with Retry-After, quickly, and serves the queued ones after', async () => {
  const { store, release } = stalledStore();
  const app = createApp(store, defaultKnowledgeBase(), { admission: { concurrency: 1, queue: 1, maxWaitMs: 30_000, retryAfterSeconds: 2 } });
  const first = app.request('/api/stats');
  const second = app.request('/api/stats');
  const t0 = performance.now();
  const third = await app.request('/api/stats');
  assert.equal(third.status, 503);
  assert.equal(third.headers.get('retry-after'), '2');
  assert.deepEqual(await third.json(), { error: 'the server is busy: try again shortly' });
  assert.ok(performance.now() - t0 < 1000, 'refused at once');
  // Health does not wait for the store, however full the queue.
  const health = await app.request('/api/health');
  assert.equal(health.status, 200);
  assert.deepEqual((await health.json()).admission, { running: 1, waiting: 1, shed: 1, turnMs: 0 });
  release();
  assert.equal((await first).status, 200);
  assert.equal((await second).status, 200);
});

test('beyond the places always kept, a request whose expected wait passes targetWaitMs is refused at once', async () => {
  let clock = 0;
  const a = new Admission({ concurrency: 1, queue: 100, maxWaitMs: 60_000, targetWaitMs: 100, retryAfterSeconds: 1 }, () => clock);
  // One turn of 50 ms teaches the pace.
  assert.equal(await a.enter(), true);
  clock += 50;
  a.leave();
  assert.equal(a.stats().turnMs, 50);
  assert.equal(await a.enter(), true);
  // However slow the pace, ALWAYS_QUEUED requests may wait (one user's view asks several calls at once).
  const queued = Array.from({ length: ALWAYS_QUEUED }, () => a.enter());
  assert.equal(a.stats().waiting, ALWAYS_QUEUED);
  // The next would wait (8 + 1) × 50 ms behind one turn at a time: refused, without waiting.
  assert.equal(a.expectedWaitMs(), (ALWAYS_QUEUED + 1) * 50);
  assert.equal(await a.enter(), false);
  assert.equal(a.stats().shed, 1);
  // The queued ones are served in turn.
  for (let k = 0; k <= ALWAYS_QUEUED; k++) {
    clock += 10;
    a.leave();
    if (k < ALWAYS_QUEUED) assert.equal(await queued[k], true);
  }
  assert.equal(a.stats().running, 0);
  // Faster turns (10 ms each now) lower the expected wait: the average has moved towards them.
  assert.ok(a.stats().turnMs < 50);
});

test('without targetWaitMs only the queue and maxWaitMs bound the wait', async () => {
  let clock = 0;
  const a = new Admission({ concurrency: 1, queue: 20, maxWaitMs: 60_000, retryAfterSeconds: 1 }, () => clock);
  await a.enter();
  clock += 1000;
  a.leave();
  await a.enter();
  const queued = Array.from({ length: 20 }, () => a.enter());
  assert.equal(a.stats().waiting, 20);
  assert.equal(await a.enter(), false, 'the 21st: the queue is full');
  for (let k = 0; k <= 20; k++) {
    a.leave();
    if (k < 20) assert.equal(await queued[k], true);
  }
});
