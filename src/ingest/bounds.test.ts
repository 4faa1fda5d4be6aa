/**
 * Inputs that used to be misread, read forever or read many times, each with the one line it now gets:
 * UTF-16 with a byte-order mark, symlink loops and repeated links in a folder, very large folders and feeds,
 * empty folders and folders with no article, impossible dates, `data:`/`javascript:` inputs, a body that stops.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server } from 'node:http';
import iconv from 'iconv-lite';
import { readSources, type ReadOptions, type RawItem, type SourceFailure } from './sources.js';
import { decodeBytes } from './encoding.js';
import { toDate } from './feed.js';
import { toIsoDate } from './metadata.js';
import { isoDate } from '../cli/args.js';
import { calendarDate, isCalendarDate } from './calendar.js';

const dir = mkdtempSync(join(tmpdir(), 'dossier-bounds-'));
let server: Server;
let base = '';
let articleHits = 0;

// Text written for these tests.
const note = (n: number) => `Note ${n}: the library in the old town will stay open until eight on weekdays from next month.`;

const feed = (items: number, withLinks: boolean) => `<?xml version="1.0"?><rss version="2.0"><channel><title>Town notes</title>${
  Array.from({ length: items }, (_, i) => `<item><title>Note ${i}</title>${withLinks ? `<link>${base}/note/${i}</link>` : ''}<description>${note(i)}</description></item>`).join('')
}</channel></rss>`;

before(async () => {
  server = createServer((req, res) => {
    if (req.url === '/big-feed') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(feed(600, false));
    } else if (req.url === '/linked-feed') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(feed(40, true));
    } else if (req.url?.startsWith('/note/')) {
      articleHits++;
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(note(Number(req.url.slice(6))));
    } else if (req.url === '/trickle') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('The first half of a sentence, ');
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

after(() => {
  server.closeAllConnections();
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

async function read(inputs: string[], opts: ReadOptions = {}): Promise<{ items: RawItem[]; failures: SourceFailure[]; lines: string[] }> {
  const items: RawItem[] = [];
  const failures: SourceFailure[] = [];
  for await (const e of readSources(inputs, opts)) {
    if ('item' in e) items.push(e.item);
    else failures.push(e.failure);
  }
  return { items, failures, lines: failures.map((f) => `${f.origin}: ${f.message}`) };
}

test('UTF-16LE and UTF-16BE files with a byte-order mark are read as text, not refused as binary', async () => {
  const text = 'Ministarka je rekla da će most biti gotov do zime. Đaci su pozdravili vijest.';
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]);
  const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')]);
  assert.deepEqual(decodeBytes(le), { text, encoding: 'utf-16le' });
  assert.deepEqual(decodeBytes(be), { text, encoding: 'utf-16be' });
  writeFileSync(join(dir, 'le.txt'), le);
  writeFileSync(join(dir, 'be.txt'), be);
  const r = await read([join(dir, 'le.txt'), join(dir, 'be.txt')]);
  assert.deepEqual(r.lines, []);
  assert.deepEqual(r.items.map((i) => i.content), [text, text]);
  // Binary data behind the two bytes of a mark is still refused, by name.
  writeFileSync(join(dir, 'fake.txt'), Buffer.from([0xff, 0xfe, 0x01, 0x00, 0x02, 0x00, 0x03, 0x00, 0x04, 0x00]));
  const fake = await read([join(dir, 'fake.txt')]);
  assert.match(fake.lines[0]!, /fake\.txt: starts with a UTF-16LE byte-order mark but does not decode to text/);
});

test('a folder is walked by real paths: a symlink loop and repeated links read each file once', async () => {
  const folder = join(dir, 'looped');
  mkdirSync(join(folder, 'sub'), { recursive: true });
  writeFileSync(join(folder, 'a.txt'), note(1));
  writeFileSync(join(folder, 'sub', 'b.txt'), note(2));
  symlinkSync('..', join(folder, 'sub', 'up'));            // a loop: sub/up/sub/up/…
  symlinkSync('sub', join(folder, 'again'));               // a second way into sub
  symlinkSync(join(folder, 'a.txt'), join(folder, 'sub', 'a-link.txt')); // a second name for a.txt
  symlinkSync('nowhere.txt', join(folder, 'dangling.txt'));
  const r = await read([folder]);
  assert.deepEqual(r.items.map((i) => i.content).sort(), [note(1), note(2)]);
  assert.deepEqual(r.lines, [`${join(folder, 'dangling.txt')}: no such file or folder`]);
  // Named again in the same run, nothing is read twice.
  const twice = await read([folder, join(folder, 'again')]);
  assert.equal(twice.items.length, 2);
});

test('a folder walk reads at most its cap of files and says what it left', async () => {
  const folder = join(dir, 'many');
  mkdirSync(folder);
  for (let i = 0; i < 7; i++) writeFileSync(join(folder, `n${i}.txt`), note(i));
  const r = await read([folder], { maxFiles: 5 });
  assert.equal(r.items.length, 5);
  assert.deepEqual(r.lines, [`${folder}: has more than 5 article files; the first 5 were read (give its subfolders one by one)`]);
});

test('an empty folder, and a folder without article files, each get a line', async () => {
  const empty = join(dir, 'empty');
  const other = join(dir, 'other');
  mkdirSync(empty);
  mkdirSync(join(other, 'deeper'), { recursive: true });
  writeFileSync(join(other, 'scan.tiff'), 'II*');
  writeFileSync(join(other, '.hidden.txt'), note(3));
  writeFileSync(join(other, 'deeper', 'photo.jpg'), 'JFIF');
  const r = await read([empty, other]);
  assert.deepEqual(r.items, []);
  assert.deepEqual(r.lines, [
    `${empty}: is an empty folder`,
    `${other}: has no article files (.txt, .md, .html, .htm, .jsonl, .pdf, .docx)`,
  ]);
});

test('a feed gives at most --max-items items (500 unless told), and says how many it left', async () => {
  const big = await read([`${base}/big-feed`], { allowPrivate: true });
  assert.equal(big.items.length, 500);
  assert.deepEqual(big.lines, [`${base}/big-feed: is a feed of 600 items; only the first 500 are read (--max-items)`]);
  articleHits = 0;
  const linked = await read([`${base}/linked-feed`], { allowPrivate: true, maxItems: 7 });
  assert.equal(linked.items.length, 7);
  assert.equal(articleHits, 7, 'only the items read are fetched');
  assert.match(linked.lines[0]!, /is a feed of 40 items; only the first 7 are read/);
});

test('impossible dates are refused at the edge, naming the input', async () => {
  for (const bad of ['2023-02-30', '2024-13-45', '2023-02-29', '2024-04-31', '2024-00-10']) {
    assert.equal(isCalendarDate(bad), false, bad);
    assert.throws(() => isoDate(bad), /is not a day of the calendar/);
    assert.equal(toDate(bad), null);
    assert.equal(toIsoDate(bad), null);
  }
  assert.equal(isoDate('2024-02-29'), '2024-02-29');
  assert.equal(calendarDate(2024, 2, 29), '2024-02-29');
  assert.throws(() => isoDate('yesterday'), /expected a date as YYYY-MM-DD/);
  const dump = join(dir, 'dates.jsonl');
  writeFileSync(dump, [
    JSON.stringify({ text: note(4), date: '2024-13-45' }),
    JSON.stringify({ text: note(5), date: '2023-02-30T10:00:00Z' }),
    JSON.stringify({ text: note(6), date: '2024-02-29' }),
  ].join('\n'));
  const r = await read([dump]);
  assert.deepEqual(r.lines, [
    `${dump}: line 1: has a "date" that is not a day of the calendar: "2024-13-45"`,
    `${dump}: line 2: has a "date" that is not a day of the calendar: "2023-02-30T10:00:00Z"`,
  ]);
  assert.equal(r.items[0]?.date, '2024-02-29');
});

test('data: and javascript: inputs, and other schemes, are named as unsupported, not as missing files', async () => {
  const long = `data:text/plain;base64,${Buffer.from(note(7).repeat(3)).toString('base64')}`;
  const r = await read(['data:text/plain,hello', 'javascript:alert(1)', 'ftp://example.org/news.txt', 'file:///etc/hostname', long]);
  assert.deepEqual(r.items, []);
  assert.deepEqual(r.lines.slice(0, 4), [
    'data:text/plain,hello: unsupported scheme data: (only http and https URLs are fetched; files, folders and - are read)',
    'javascript:alert(1): unsupported scheme javascript: (only http and https URLs are fetched; files, folders and - are read)',
    'ftp://example.org/news.txt: unsupported scheme ftp: (only http and https URLs are fetched; files, folders and - are read)',
    'file:///etc/hostname: unsupported scheme file: (only http and https URLs are fetched; files, folders and - are read)',
  ]);
  assert.ok(r.failures[4]!.origin.length <= 80 && r.failures[4]!.origin.endsWith('…'), 'a long data: URL is cut in the message');
});

test('a body that stops arriving: the line names the URL and says it timed out', async () => {
  const r = await read([`${base}/trickle`], { allowPrivate: true, timeoutMs: 400 });
  assert.deepEqual(r.lines, [`${base}/trickle: timed out after 0.4 s while reading the body`]);
});
