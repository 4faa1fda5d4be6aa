/** The web client's second try of a read the server refused as busy (web/src/retry.ts). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fetchRetrying, retryDelayMs, RETRY_DEFAULTS, type RetryOptions } from '../web/src/retry.js';

const busy = (after: string | null) => new Response(JSON.stringify({ error: 'the server is busy: try again shortly' }), {
  status: 503, headers: after === null ? {} : { 'retry-after': after },
});
const ok = () => new Response('{"nodes":[],"edges":[]}', { status: 200 });

function clock(): RetryOptions & { waits: number[] } {
  const waits: number[] = [];
  return { ...RETRY_DEFAULTS, waits, random: () => 0, sleep: async (ms) => void waits.push(ms) };
}

test('a read refused with 503 is asked again after its Retry-After, and the answer that follows is the one given', async () => {
  const answers = [busy('1'), busy('2'), ok()];
  const asked: string[] = [];
  const c = clock();
  const res = await fetchRetrying(async (path) => (asked.push(path), answers.shift()!), '/api/graph?actor=kb%3Avalmora', undefined, c);
  assert.equal(res.status, 200);
  assert.equal(asked.length, 3);
  assert.deepEqual(c.waits, [1000, 2000]);
});

test('the tries are bounded: past them the 503 is the answer', async () => {
  const c = clock();
  let n = 0;
  const res = await fetchRetrying(async () => (n++, busy('1')), '/api/stats', undefined, c);
  assert.equal(res.status, 503);
  assert.equal(n, 1 + RETRY_DEFAULTS.retries);
});

test('writes are not asked again; nor is a request its caller gave up', async () => {
  const c = clock();
  let n = 0;
  assert.equal((await fetchRetrying(async () => (n++, busy('1')), '/api/import', { method: 'POST' }, c)).status, 503);
  assert.equal(n, 1);
  const gone = new AbortController();
  gone.abort();
  n = 0;
  assert.equal((await fetchRetrying(async () => (n++, busy('1')), '/api/stats', { signal: gone.signal }, c)).status, 503);
  assert.equal(n, 1);
});

test('the wait: Retry-After in seconds, 1 s when missing or unreadable, capped, spread by up to half', () => {
  const at = (r: number) => ({ ...RETRY_DEFAULTS, random: () => r });
  assert.equal(retryDelayMs(busy('3'), at(0)), 3000);
  assert.equal(retryDelayMs(busy(null), at(0)), 1000);
  assert.equal(retryDelayMs(busy('soon'), at(0)), 1000);
  assert.equal(retryDelayMs(busy('600'), at(0)), RETRY_DEFAULTS.maxWaitSeconds * 1000);
  assert.equal(retryDelayMs(busy('2'), at(1)), 3000);
});
