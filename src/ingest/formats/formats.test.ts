/**
 * PDF and Word files in (issue 13): text with a PDF's pages kept as positions, from files, folders and URLs; bad
 * input named in one line each. The fixtures are built here (testing.ts) from sentences written for this test.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSources, type RawItem, type SourceFailure } from '../sources.js';
import { pageAt, toDocument } from '../document.js';
import { makeDocx, makePdf } from './testing.js';

const dir = mkdtempSync(join(tmpdir(), 'dossier-formats-'));
after(() => rmSync(dir, { recursive: true, force: true }));

// A heading, a blank line, and a paragraph wrapped before a capitalised word, as a PDF lays them out line by line.
const pageOne = ['Harbour report', '', 'The harbour council met Mayor', 'Ilic on Monday and agreed to dredge the eastern channel.'];
const pageTwo = ['The mayor said the work would begin in the spring and end before the regatta.'];
const paragraphs = ['Harbour report', 'The harbour council met Mayor Ilic on Monday and agreed to dredge the eastern channel.', ...pageTwo];

async function read(inputs: string[], opts = {}): Promise<{ items: RawItem[]; failures: SourceFailure[] }> {
  const items: RawItem[] = [];
  const failures: SourceFailure[] = [];
  for await (const ev of readSources(inputs, opts)) ('item' in ev ? items.push(ev.item) : failures.push(ev.failure));
  return { items, failures };
}

test('a PDF gives its text page by page, and each page begins at a known offset', async () => {
  const path = join(dir, 'harbour.pdf');
  writeFileSync(path, makePdf([pageOne, pageTwo]));
  const { items, failures } = await read([path]);
  assert.deepEqual(failures, []);
  assert.equal(items[0]!.pages?.length, 2);
  const doc = toDocument(items[0]!);
  assert.deepEqual(doc.pages?.length, 2);
  const [p1, p2] = doc.pages!;
  assert.equal(p1, 0);
  assert.equal(doc.text.slice(p2!), pageTwo[0]);
  assert.equal(doc.text.slice(p1!, p2).trim(), `${paragraphs[0]}\n\n${paragraphs[1]}`, 'the wrapped line joins its paragraph');
  assert.equal(pageAt(doc.pages!, doc.text.indexOf('regatta')), 2);
  assert.equal(pageAt(doc.pages!, doc.text.indexOf('dredge')), 1);
  assert.equal(doc.title, 'Harbour report');
});

test('a Word file gives its paragraphs', async () => {
  const path = join(dir, 'harbour.docx');
  writeFileSync(path, makeDocx(paragraphs));
  const { items, failures } = await read([path]);
  assert.deepEqual(failures, []);
  const doc = toDocument(items[0]!);
  assert.equal(doc.pages, undefined, 'Word has no fixed pages');
  assert.equal(doc.text, paragraphs.join('\n'));
});

test('a folder takes PDF and Word files with the rest', async () => {
  const folder = join(dir, 'inbox');
  mkdirSync(folder);
  writeFileSync(join(folder, 'a.pdf'), makePdf([pageOne]));
  writeFileSync(join(folder, 'b.docx'), makeDocx(pageTwo));
  writeFileSync(join(folder, 'c.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  const { items, failures } = await read([folder]);
  assert.deepEqual(failures, []);
  assert.deepEqual(items.map((i) => i.origin.slice(folder.length + 1)), ['a.pdf', 'b.docx']);
});

test('bad PDF and Word files: one clear line each, naming the file', async () => {
  const bad: [string, Buffer, RegExp][] = [
    ['locked.pdf', makePdf([pageOne], { encrypt: true }), /password-protected PDF/],
    ['scan.pdf', makePdf([[], []]), /no text layer \(scanned images\?\)/],
    ['broken.pdf', Buffer.from('%PDF-1.4\nthis is not a PDF body at all\n'), /not a readable PDF/],
    ['cut.pdf', makePdf([pageOne]).subarray(0, 120), /not a readable PDF/],
    ['broken.docx', Buffer.from('PK\u0003\u0004 not a real archive'), /not a readable Word document/],
    ['old.docx', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), /password-protected Word file or an old Word 97-2003/],
    ['text.docx', Buffer.from('plain words in a file named as Word'), /not a readable Word document/],
    ['empty.docx', makeDocx([]), /Word document with no text/],
  ];
  for (const [name, bytes] of bad) writeFileSync(join(dir, name), bytes);
  const big = join(dir, 'big.pdf');
  writeFileSync(big, '%PDF-1.4\n');
  truncateSync(big, 51 * 1024 * 1024); // sparse: refused by its size before it is read
  const { items, failures } = await read([...bad.map(([name]) => join(dir, name)), big]);
  assert.deepEqual(items, []);
  for (const [name, , pattern] of bad) {
    const f = failures.find((x) => x.origin === join(dir, name));
    assert.ok(f, name);
    assert.match(f.message, pattern, name);
    assert.doesNotMatch(f.message, /\n|    at /, `${name}: one line, no stack`);
  }
  assert.match(failures.find((f) => f.origin === big)!.message, /is 51\.0 MB; a PDF file over 50 MB is refused/);
});

test('URLs are read by content type (and a PDF by its first bytes)', async () => {
  const server = createServer((req, res) => {
    if (req.url === '/report') {
      res.writeHead(200, { 'content-type': 'application/pdf' });
      res.end(makePdf([pageOne, pageTwo]));
    } else if (req.url === '/memo') {
      res.writeHead(200, { 'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
      res.end(makeDocx(pageTwo));
    } else if (req.url === '/feed') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Board</title>
        <item><title>Dredging report</title><link>/report</link><pubDate>Fri, 01 Mar 2024 09:00:00 GMT</pubDate></item></channel></rss>`);
    } else if (req.url === '/download') {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(makePdf([pageTwo]));
    } else {
      res.writeHead(200, { 'content-type': 'application/pdf' });
      res.end('<html>not a pdf</html>');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const { items, failures } = await read([`${base}/report`, `${base}/memo`, `${base}/download`, `${base}/fake`], { allowPrivate: true });
    assert.deepEqual(items.map((i) => [i.origin.slice(base.length), i.pages?.length ?? null, i.url?.slice(base.length)]),
      [['/report', 2, '/report'], ['/memo', null, '/memo'], ['/download', 1, '/download']]);
    assert.deepEqual(failures.map((f) => [f.origin.slice(base.length), f.message]), [['/fake', 'is not a readable PDF (corrupt or truncated)']]);
    const feed = await read([`${base}/feed`], { allowPrivate: true });
    assert.deepEqual(feed.items.map((i) => [i.title, i.source, i.pages?.length, i.date]), [['Dredging report', 'Harbour Board', 2, '2024-03-01']],
      'a feed item that links a PDF is read as one');
  } finally {
    server.close();
  }
});

test('an ingested PDF keeps its page starts in the store', async () => {
  const { openStore } = await import('../../store/store.js');
  const { ingest } = await import('../ingest.js');
  const { getDocument } = await import('../../service/documents.js');
  const { defaultKnowledgeBase } = await import('../../kb/load.js');
  const path = join(dir, 'stored.pdf');
  writeFileSync(path, makePdf([pageOne, pageTwo]));
  const store = await openStore({ dataDir: 'memory://' });
  try {
    const summary = await ingest(store, [path], { kb: defaultKnowledgeBase(), date: '2024-03-01' });
    assert.deepEqual([summary.new, summary.failed], [1, 0]);
    const d = (await getDocument(store.db, summary.stored[0]!))!;
    assert.equal(d.pages?.length, 2);
    assert.equal(d.text.slice(d.pages![1]!), pageTwo[0]);
    assert.equal(d.origin, path);
  } finally {
    await store.close();
  }
});

test('uploads through the API: a PDF keeps its pages and its name as origin; a bad one is named', async () => {
  const { openStore } = await import('../../store/store.js');
  const { Importer } = await import('../../server/imports.js');
  const { getDocument, listDocuments } = await import('../../service/documents.js');
  const { defaultKnowledgeBase } = await import('../../kb/load.js');
  const store = await openStore({ dataDir: 'memory://' });
  try {
    const importer = new Importer(store, defaultKnowledgeBase());
    const job = importer.submit({ date: '2024-03-01', urls: [], files: [
      { name: 'harbour report.pdf', bytes: new Uint8Array(makePdf([pageOne, pageTwo])) },
      { name: 'locked.pdf', bytes: new Uint8Array(makePdf([pageOne], { encrypt: true })) },
      { name: 'memo.docx', bytes: new Uint8Array(makeDocx(pageTwo)) },
    ] });
    const done = (await importer.wait(job.id))!;
    assert.equal(done.status, 'done', done.error ?? '');
    assert.deepEqual(done.summary.failures, [{ origin: 'locked.pdf', message: 'is a password-protected PDF; save an unprotected copy to read it' }]);
    const docs = (await listDocuments(store.db)).items;
    assert.deepEqual(docs.map((d) => d.origin).sort(), ['upload:harbour report.pdf', 'upload:memo.docx']);
    const pdf = (await getDocument(store.db, docs.find((d) => d.origin === 'upload:harbour report.pdf')!.id))!;
    assert.equal(pdf.pages?.length, 2);
  } finally {
    await store.close();
  }
});
