import { test } from 'node:test';
import assert from 'node:assert/strict';
import { warmGraphView } from './warm.js';

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

test('the warm-up asks what the graph view asks first: the store\'s graph, the first actor, its neighbourhood', async () => {
  const asked: string[] = [];
  const w = warmGraphView(async (path) => {
    asked.push(path);
    return path.startsWith('/api/entities') ? json({ total: 1, items: [{ id: 'kb:valmora' }] }) : json({ nodes: [], edges: [] });
  });
  await w.done;
  // The view's URLs to the character (web/src/graph/filters.ts graphUrl): the read cache is keyed by them.
  assert.deepEqual(asked, ['/api/graph?maxNodes=150', '/api/entities?limit=1', '/api/graph?actor=kb%3Avalmora&maxNodes=60']);
});

test('a failed answer or an empty store ends the warm-up quietly; stop() asks nothing more', async () => {
  const asked: string[] = [];
  await warmGraphView(async (path) => (asked.push(path), json({ error: 'busy' }, 503))).done;
  assert.deepEqual(asked, ['/api/graph?maxNodes=150', '/api/entities?limit=1']);

  await warmGraphView(async () => {
    throw new Error('the store is closed');
  }).done;

  const later: string[] = [];
  let release!: () => void;
  const w = warmGraphView(async (path) => {
    later.push(path);
    await new Promise<void>((ok) => (release = ok));
    return json({ nodes: [], edges: [] });
  });
  w.stop();
  release();
  await w.done;
  assert.deepEqual(later, ['/api/graph?maxNodes=150']);
});
