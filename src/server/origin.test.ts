/**
 * Who may import and delete. A browser request must come from the server's own pages (Origin and Sec-Fetch-Site),
 * `Origin: null` is refused, on loopback as elsewhere; without a token only a loopback Host is accepted (a
 * rebinding name is not); with a token, the token is needed too. Scripts (no Origin, no Sec-Fetch-Site) on this
 * machine still import without one.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openStore, type Store } from '../store/store.js';
import { createApp, isLoopbackHost } from './app.js';
import { fixtureKb } from './fixtures.js';

let store: Store;
let open: ReturnType<typeof createApp>;
let guarded: ReturnType<typeof createApp>;
const TOKEN = 'origin-test-token';

before(async () => {
  store = await openStore({ dataDir: 'memory://' });
  open = createApp(store, fixtureKb(), {});
  guarded = createApp(store, fixtureKb(), { token: TOKEN });
});
after(() => store.close());

/** An import with an empty body: 400 ("nothing to import") once let through, 401/403 when refused. */
async function importAs(app: ReturnType<typeof createApp>, headers: Record<string, string>, host = '127.0.0.1:4173') {
  const r = await app.request(`http://${host}/api/import`, { method: 'POST', headers: { Host: host, 'Content-Type': 'application/json', ...headers }, body: '{}' });
  return { status: r.status, error: ((await r.json()) as { error: string }).error };
}

const LET_THROUGH = 400;

test('the UI itself (same origin) and local scripts may import without a token on loopback', async () => {
  assert.equal((await importAs(open, { Origin: 'http://127.0.0.1:4173', 'Sec-Fetch-Site': 'same-origin' })).status, LET_THROUGH);
  assert.equal((await importAs(open, {})).status, LET_THROUGH, 'curl: no Origin, no Sec-Fetch-Site');
  assert.equal((await importAs(open, { Origin: 'http://localhost:4173' }, 'localhost:4173')).status, LET_THROUGH);
  assert.equal((await importAs(open, { Origin: 'http://[::1]:4173' }, '[::1]:4173')).status, LET_THROUGH);
});

test('Origin: null is refused, on loopback too', async () => {
  const r = await importAs(open, { Origin: 'null' });
  assert.equal(r.status, 403);
  assert.match(r.error, /opaque origin \(Origin: null/);
  assert.equal((await importAs(open, { Origin: 'null', 'Sec-Fetch-Site': 'cross-site' })).status, 403);
  assert.equal((await importAs(guarded, { Origin: 'null', Authorization: `Bearer ${TOKEN}` })).status, 403);
});

test('another origin, or a cross-site or same-site fetch, is refused', async () => {
  const cases: Record<string, string>[] = [
    { Origin: 'http://evil.example' },
    { Origin: 'http://127.0.0.1:8080' },            // another port is another origin
    { Origin: 'not a url' },
    { 'Sec-Fetch-Site': 'cross-site' },
    { 'Sec-Fetch-Site': 'same-site' },
    { Origin: 'http://127.0.0.1:4173', 'Sec-Fetch-Site': 'cross-site' },
  ];
  for (const headers of cases) {
    const r = await importAs(open, headers);
    assert.equal(r.status, 403, JSON.stringify(headers));
    assert.match(r.error, /cross-(origin|site) writes are refused/);
  }
});

test('without a token, a Host that is not loopback (DNS rebinding) is refused, even when "same-origin"', async () => {
  const r = await importAs(open, { Origin: 'http://rebind.example:4173', 'Sec-Fetch-Site': 'same-origin' }, 'rebind.example:4173');
  assert.equal(r.status, 403);
  assert.match(r.error, /from this machine only \(Host: rebind\.example:4173\)/);
  assert.equal((await importAs(open, {}, '192.168.1.20:4173')).status, 403);
});

test('with a token, the token is needed as well (same origin or not), and a right one lets through', async () => {
  assert.equal((await importAs(guarded, { Origin: 'http://127.0.0.1:4173' })).status, 401);
  assert.equal((await importAs(guarded, {})).status, 401);
  assert.equal((await importAs(guarded, { Authorization: `Bearer ${TOKEN}`, Origin: 'http://127.0.0.1:4173', 'Sec-Fetch-Site': 'same-origin' })).status, LET_THROUGH);
  assert.equal((await importAs(guarded, { Authorization: `Bearer ${TOKEN}` }, 'dossier.example.org')).status, LET_THROUGH);
  assert.equal((await importAs(guarded, { Authorization: `Bearer ${TOKEN}`, Origin: 'http://evil.example' })).status, 403);
});

test('deletions are guarded the same way', async () => {
  const del = (headers: Record<string, string>) =>
    open.request('http://127.0.0.1:4173/api/documents/abcdef123456', { method: 'DELETE', headers: { Host: '127.0.0.1:4173', ...headers } });
  assert.equal((await del({ Origin: 'null' })).status, 403);
  assert.equal((await del({ 'Sec-Fetch-Site': 'cross-site' })).status, 403);
  assert.notEqual((await del({})).status, 403);
});

test('loopback host names', () => {
  for (const h of ['localhost', 'localhost:4173', '127.0.0.1', '127.8.9.10:80', '[::1]', '[::1]:4173', 'app.localhost:5000']) assert.ok(isLoopbackHost(h), h);
  for (const h of ['evil.example', '127.0.0.1.evil.example', 'localhost.evil.example:4173', '[::2]:4173', '10.0.0.1', '']) assert.ok(!isLoopbackHost(h), h);
});
