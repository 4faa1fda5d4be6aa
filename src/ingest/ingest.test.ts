import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, mkdirSync, chmodSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server } from 'node:http';
import iconv from 'iconv-lite';
import { openStore, type Store } from '../store/store.js';
import { loadKnowledgeBase } from '../kb/load.js';
import type { KnowledgeBase } from '../model/types.js';
import { ingest } from './ingest.js';
import { listDocuments, getStats } from '../service/documents.js';

const dir = mkdtempSync(join(tmpdir(), 'dossier-ingest-'));
const kbDir = join(dir, 'kb');
let store: Store;
let kb: KnowledgeBase;
let server: Server;
let base = '';

// Articles written for these tests.
const article = (place: string, n = 6) => [
  `Officials meet in ${place}`,
  '',
  ...Array.from({ length: n }, (_, i) =>
    `Paragraph ${i + 1}: the regional officials in ${place} discussed water supplies, road repairs and the schedule of the next meeting with their neighbours.`),
].join('\n');

before(async () => {
  mkdirSync(kbDir);
  writeFileSync(join(kbDir, 'tiny.yaml'), 'entries:\n  - { id: skopje, type: GPE, name: Skopje, aliases: [] }\n');
  kb = loadKnowledgeBase([kbDir]);
  store = await openStore({ dataDir: 'memory://' });
  server = createServer((req, res) => {
    if (req.url === '/article') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<html><head><title>Bridge reopened | Valley Times</title><meta property="article:published_time" content="2024-05-02T08:00:00Z"></head>
        <body><nav>Home News Sport</nav><article><h1>Bridge reopened</h1>${Array.from({ length: 6 }, (_, i) =>
        `<p>Paragraph ${i + 1} of the bridge story: engineers in the valley finished the repairs two weeks ahead of the plan agreed with the council.</p>`).join('')}</article></body></html>`);
    } else if (req.url === '/feed') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Valley</title>
        <item><title>Bridge story from the feed</title><link>${base}/article</link><pubDate>Fri, 03 May 2024 10:00:00 GMT</pubDate></item>
        <item><title>Broken item</title><link>${base}/missing</link></item></channel></rss>`);
    } else if (req.url === '/redirect-loop') {
      res.writeHead(302, { location: '/redirect-loop' });
      res.end();
    } else if (req.url === '/slow') {
      setTimeout(() => res.end('late'), 3000);
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

after(async () => {
  await store.close();
  server.closeAllConnections();
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

test('files, folders and JSONL go in; bad inputs are named and the rest still goes in', async () => {
  const folder = join(dir, 'in');
  mkdirSync(join(folder, 'sub'), { recursive: true });
  writeFileSync(join(folder, 'a.txt'), article('Skopje'));
  writeFileSync(join(folder, 'sub', 'b.md'), article('Ohrid'));
  writeFileSync(join(folder, 'empty.txt'), '');
  writeFileSync(join(folder, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]));
  writeFileSync(join(folder, 'nav.html'), '<html><body><nav><a href="/">Home</a></nav></body></html>');
  writeFileSync(join(folder, 'latin2.txt'), iconv.encode(article('Čačak') + '\nŠef opštine je rekao da će radovi početi uskoro.', 'windows-1250'));
  const jsonl = [
    JSON.stringify({ text: article('Tetovo'), title: 'Tetovo meeting', date: '2023-11-05', source: 'wire' }),
    '{ this is not json',
    JSON.stringify({ title: 'no body' }),
  ].join('\n');
  writeFileSync(join(folder, 'dump.jsonl'), jsonl);
  const unreadable = join(folder, 'locked.txt');
  writeFileSync(unreadable, article('Struga'));
  chmodSync(unreadable, 0o000);

  const summary = await ingest(store, [folder, join(dir, 'does-not-exist.txt')], { kb });
  const messages = summary.failures.map((f) => `${f.origin}: ${f.message}`);
  const has = (re: RegExp) => assert.ok(messages.some((m) => re.test(m)), `expected a failure matching ${re}; got\n${messages.join('\n')}`);
  has(/does-not-exist\.txt: no such file or folder/);
  has(/empty\.txt: is empty/);
  has(/binary\.txt: looks like a binary file/);
  has(/nav\.html: no article found in the HTML/);
  has(/dump\.jsonl: line 2: not valid JSON/);
  has(/dump\.jsonl: line 3: has neither a "text" nor an "html" field/);
  if (process.getuid?.() !== 0) has(/locked\.txt: cannot be read/); // root reads anything
  assert.equal(summary.new, process.getuid?.() === 0 ? 5 : 4);
  const docs = await listDocuments(store.db, {});
  const tetovo = docs.items.find((d) => d.title === 'Tetovo meeting');
  assert.equal(tetovo?.date, '2023-11-05');
  const latin2 = (await listDocuments(store.db, { source: 'latin2' })).items[0];
  assert.ok(latin2, 'the Windows-1250 file was stored');
});

test('re-ingesting the same article changes nothing but the list of its sources', async () => {
  const file = join(dir, 'again.txt');
  writeFileSync(file, article('Bitola'));
  const first = await ingest(store, [file], { kb });
  const before = await getStats(store.db);
  const second = await ingest(store, [file], { kb });
  const afterStats = await getStats(store.db);
  assert.equal(first.new, 1);
  assert.equal(second.new, 0);
  assert.equal(second.duplicate, 1);
  assert.deepEqual({ ...afterStats }, { ...before });
});

test('a lightly edited copy is linked to the first as a near-duplicate', async () => {
  const original = article('Kumanovo', 12);
  const a = join(dir, 'orig.txt');
  const b = join(dir, 'copy.txt');
  writeFileSync(a, original);
  writeFileSync(b, original.replace('Paragraph 3:', 'Paragraph three:') + '\nThis report was first published by a partner outlet.');
  await ingest(store, [a], { kb });
  const s = await ingest(store, [b], { kb });
  assert.equal(s.nearDuplicate, 1);
  const copy = (await listDocuments(store.db, { source: 'copy.txt' })).items[0];
  const orig = (await listDocuments(store.db, { source: 'orig.txt' })).items[0];
  assert.equal(copy?.nearDuplicateOf, orig?.id);
});

test('URLs and feeds: metadata kept, private addresses refused unless allowed, failures named', async () => {
  const refused = await ingest(store, [`${base}/article`], { kb });
  assert.match(refused.failures[0]!.message, /private or local address.*--allow-private/);

  const s = await ingest(store, [`${base}/feed`, `${base}/redirect-loop`, `${base}/nothing`, `${base}/slow`], { kb, allowPrivate: true, timeoutMs: 1000 });
  const messages = s.failures.map((f) => `${f.origin}: ${f.message}`).join('\n');
  assert.match(messages, /\/missing: answered HTTP 404/);
  assert.match(messages, /redirect-loop: more than 5 redirects/);
  assert.match(messages, /\/nothing: answered HTTP 404/);
  assert.match(messages, /\/slow: timed out/);
  // A feed's items are credited to the feed's title as their outlet; each keeps its own link as its origin.
  const doc = (await listDocuments(store.db, { source: 'Valley' })).items[0];
  assert.equal(doc?.source, 'Valley');
  assert.match(doc?.origin ?? '', /\/article$/);
  assert.equal(doc?.title, 'Bridge story from the feed');
  assert.equal(doc?.date, '2024-05-03');
});

test('a file over the size limit is refused without being read', async () => {
  const big = join(dir, 'big.txt');
  writeFileSync(big, Buffer.alloc(11 * 1024 * 1024, 'a'));
  const s = await ingest(store, [big], { kb });
  assert.match(s.failures[0]!.message, /MB; a single article over 10 MB is refused/);
});
