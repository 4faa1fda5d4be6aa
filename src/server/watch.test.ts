import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openStore, type Store } from '../store/store.js';
import { createApp } from './app.js';
import { FIXTURES, fixtureKb, writeFixture } from './fixtures.js';

let store: Store;
let app: ReturnType<typeof createApp>;
let woken = 0;
before(async () => {
  store = await openStore({ dataDir: 'memory://' });
  await writeFixture(store, FIXTURES[0]!);
  app = createApp(store, fixtureKb(), { onFeedsChanged: () => woken++ });
});
after(() => store.close());

const call = async (method: string, path: string, body?: unknown) => {
  const res = await app.request(path, { method, headers: { host: '127.0.0.1:4173', ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
  const text = await res.text();
  return { status: res.status, type: res.headers.get('content-type') ?? '', text, body: /json/.test(res.headers.get('content-type') ?? '') ? JSON.parse(text) : null };
};

test('feeds are added, listed, logged and removed; a private address needs a server that may fetch there', async () => {
  assert.equal((await call('POST', '/api/feeds', { url: 'http://127.0.0.1:9/feed.xml', allowPrivate: true })).status, 403);
  const bad = await call('POST', '/api/feeds', { url: 'https://example.org/feed.xml', every: 'often' });
  assert.equal(bad.status, 400);
  assert.match(bad.body.error, /--every: expected a period/);
  const added = await call('POST', '/api/feeds', { url: 'https://example.org/feed.xml', every: '2h' });
  assert.equal(added.status, 201);
  assert.equal(added.body.everySeconds, 7200);
  assert.equal(woken, 1, 'the schedule is told');
  assert.deepEqual((await call('GET', '/api/feeds')).body.items.map((f: any) => f.url), ['https://example.org/feed.xml']);
  assert.deepEqual((await call('GET', `/api/feeds/${added.body.id}/log`)).body.items, []);
  assert.equal((await call('DELETE', `/api/feeds/${added.body.id}`)).status, 200);
  assert.equal((await call('DELETE', `/api/feeds/${added.body.id}`)).status, 404);
});

test('an alert marks what is stored after it was last seen, in JSON and as Atom', async () => {
  assert.match((await call('POST', '/api/alerts', { actor: 'Atlantis' })).body.error, /actor: unknown entity "Atlantis"/);
  assert.match((await call('POST', '/api/alerts', {})).body.error, /at least one of/);
  const made = await call('POST', '/api/alerts', { name: 'Russia accuses', actor: 'Russia', type: 'accuse' });
  assert.equal(made.status, 400, 'Russia is not in the store yet');
  const alert = (await call('POST', '/api/alerts', { name: 'NATO talks', actor: 'NATO', type: 'CONSULT' })).body;
  const before = (await call('GET', `/api/alerts/${alert.id}`)).body;
  assert.equal(before.alert.newMatches, 0);
  assert.deepEqual(before.matches.map((m: any) => [m.title, m.isNew]), [['Belgrade hosts alliance talks', false]]);
  await writeFixture(store, { ...FIXTURES[0]!, text: FIXTURES[0]!.text.replace('Tuesday', 'Wednesday'), title: 'Belgrade hosts more alliance talks' });
  const list = (await call('GET', '/api/alerts')).body;
  assert.equal(list.newMatches, 1);
  const atom = await call('GET', `/api/alerts/${alert.id}.atom`);
  assert.equal(atom.status, 200);
  assert.match(atom.type, /application\/atom\+xml/);
  assert.match(atom.text, /<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
  assert.equal((atom.text.match(/<entry>/g) ?? []).length, 2);
  assert.match(atom.text, /<title>Belgrade hosts more alliance talks<\/title>/);
  assert.match(atom.text, /<summary>Officials from Serbia and NATO held talks in Belgrade on Wednesday/);
  assert.equal((await call('POST', `/api/alerts/${alert.id}/seen`)).body.newMatches, 0);
  assert.equal((await call('GET', '/api/alerts/999.atom')).status, 404);
  assert.equal((await call('DELETE', `/api/alerts/${alert.id}`)).status, 200);
});
