import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openStore, type Store } from '../store/store.js';
import { createApp } from './app.js';
import { FIXTURES, fixtureKb, writeFixture } from './fixtures.js';

let store: Store;
let app: ReturnType<typeof createApp>;
let ids: string[];
before(async () => {
  store = await openStore({ dataDir: 'memory://' });
  ids = [];
  for (const f of FIXTURES) ids.push(await writeFixture(store, f));
  app = createApp(store, fixtureKb());
});
after(() => store.close());

const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
  const res = await app.request(path, { method, headers: { host: '127.0.0.1:4173', ...(body ? { 'content-type': 'application/json' } : {}), ...headers }, body: body ? JSON.stringify(body) : undefined });
  return { status: res.status, body: await res.json() as any };
};

test('a correction is recorded, shown as corrected where it applies, listed and undone', async () => {
  const made = await call('POST', '/api/corrections', { kind: 'speaker', target: { document: ids[0], local: 'q1' }, value: { speaker: null }, reason: 'not his words' });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  const doc = (await call('GET', `/api/documents/${ids[0]}`)).body;
  assert.equal(doc.quotes[0].speakerId, null);
  assert.deepEqual(doc.quotes[0].corrections, [made.body.id]);
  const list = (await call('GET', '/api/corrections')).body;
  assert.equal(list.total, 1);
  assert.match(list.items[0].label, /^quote “We will stay/);
  assert.equal((await call('DELETE', `/api/corrections/${made.body.id}`)).status, 200);
  assert.equal((await call('DELETE', `/api/corrections/${made.body.id}`)).status, 409);
  assert.equal((await call('DELETE', '/api/corrections/12345')).status, 404);
  assert.equal((await call('GET', `/api/documents/${ids[0]}`)).body.quotes[0].speakerId, 'kb:aleksandar-vucic');
  assert.equal((await call('GET', '/api/corrections?all=true')).body.items[0].undoneBy, 'analyst');
});

test('bad corrections are a 400 naming what is wrong; writes from elsewhere are refused', async () => {
  const bad = await call('POST', '/api/corrections', { kind: 'merge', target: { entity: 'kb:nato' }, value: { into: 'kb:nowhere' } });
  assert.equal(bad.status, 400);
  assert.match(bad.body.error, /into: no entity "kb:nowhere"/);
  assert.equal((await call('POST', '/api/corrections', { kind: 'rename', target: { entity: 'kb:nato' }, value: { name: 'x' } }, { origin: 'https://evil.example' })).status, 403);
});
