/**
 * The `dossier` command as a user runs it: a child process, real files, the exit status and what it prints.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_MODEL_PATH } from '../src/nlp/syntax/model.js';

const BIN = resolve(dirname(fileURLToPath(import.meta.url)), '../bin/dossier.js');
const dir = mkdtempSync(join(tmpdir(), 'dossier-cli-'));
const data = join(dir, 'store');

function dossier(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, '--data', data, ...args], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

// An article written for this test.
const article = [
  'Envoys meet in Skopje',
  '',
  'Jens Stoltenberg met Prime Minister Hristijan Mickoski in Skopje on Tuesday to discuss the reform of the army.',
  '“We stand with North Macedonia,” Stoltenberg said after the talks.',
  'Last May, the government asked NATO for more training missions.',
].join('\n');

before(() => writeFileSync(join(dir, 'envoys.txt'), article));
after(() => rmSync(dir, { recursive: true, force: true }));

test('extract prints the contract, with offsets that index the cleaned text', () => {
  const r = dossier('extract', join(dir, 'envoys.txt'), '--date', '2024-06-12');
  assert.equal(r.status, 0, r.stderr);
  const [doc] = JSON.parse(r.stdout);
  assert.equal(doc.document.date, '2024-06-12');
  assert.equal(doc.document.dateSource, 'given');
  assert.equal(doc.document.language, 'en');
  assert.match(doc.document.id, /^[0-9a-f]{64}$/);
  const text: string = doc.document.text;
  const spans = [
    ...doc.entities.flatMap((e: any) => e.mentions),
    ...doc.times,
    ...doc.quotes,
    ...doc.events.map((v: any) => v.trigger),
  ];
  assert.ok(spans.length > 5);
  for (const s of spans) assert.equal(text.slice(s.start, s.end), s.text);
  const stoltenberg = doc.entities.find((e: any) => e.name === 'Jens Stoltenberg');
  assert.equal(stoltenberg?.type, 'PERSON');
  assert.ok(doc.quotes.some((q: any) => q.speaker === stoltenberg.id && q.text.startsWith('We stand with')));
  assert.ok(doc.times.some((t: any) => t.text === 'Last May' && t.value === '2024-05'));
});

// The parse needs the trained weights; without them (before `npm run train` has shipped them) these are skipped.
const noModel = existsSync(DEFAULT_MODEL_PATH) ? false : `the syntax model is not built (${DEFAULT_MODEL_PATH}): run npm run train`;

test('extract without --syntax prints no tokens', () => {
  const r = dossier('extract', join(dir, 'envoys.txt'), '--date', '2024-06-12');
  assert.equal(r.status, 0, r.stderr);
  assert.equal('tokens' in JSON.parse(r.stdout)[0], false);
});

test('extract --syntax adds the parsed words as tokens', { skip: noModel }, () => {
  const r = dossier('extract', join(dir, 'envoys.txt'), '--date', '2024-06-12', '--syntax');
  assert.equal(r.status, 0, r.stderr);
  const [doc] = JSON.parse(r.stdout);
  const text: string = doc.document.text;
  assert.ok(doc.entities.length > 0, 'the layers are still there');
  const tokens: any[] = doc.tokens;
  assert.ok(tokens.length > 40);
  for (const t of tokens) {
    assert.equal(text.slice(t.start, t.end), t.text);
    assert.ok(t.head === -1 || tokens[t.head].sentence === t.sentence);
    for (const k of ['upos', 'xpos', 'lemma', 'rel']) assert.equal(typeof t[k], 'string');
  }
  const met = tokens.find((t) => t.text === 'met');
  assert.equal(met.upos, 'VERB');
  assert.equal(tokens.filter((t) => t.sentence === met.sentence && t.head === -1).length, 1, 'one root per sentence');
});

test('parse prints CoNLL-U whose offsets index the cleaned text', { skip: noModel }, () => {
  const r = dossier('parse', join(dir, 'envoys.txt'));
  assert.equal(r.status, 0, r.stderr);
  const text = JSON.parse(dossier('extract', join(dir, 'envoys.txt')).stdout)[0].document.text as string;
  const sentences = r.stdout.trim().split('\n\n');
  assert.ok(sentences.length >= 4);
  for (const s of sentences) {
    const lines = s.split('\n');
    assert.ok(lines.some((l) => /^# sent_id = \d+$/.test(l)));
    assert.ok(lines.some((l) => l.startsWith('# text = ')));
    const rows = lines.filter((l) => !l.startsWith('#')).map((l) => l.split('\t'));
    assert.equal(rows.filter((c) => c[6] === '0').length, 1, 'one root');
    for (const c of rows) {
      assert.equal(c.length, 10);
      const [start, end] = /TokenRange=(\d+):(\d+)/.exec(c[9]!)!.slice(1).map(Number);
      assert.equal(text.slice(start, end), c[1]);
    }
  }
});

test('parse names a file it cannot read', () => {
  const r = dossier('parse', join(dir, 'missing.txt'));
  assert.equal(r.status, 1);
  assert.match(r.stderr, /missing\.txt: no such file or folder/);
});

test('ingest reports one summary line and names each bad input; the exit status says not everything went in', () => {
  const r = dossier('ingest', join(dir, 'envoys.txt'), join(dir, 'missing.txt'), '--date', '2024-06-12');
  assert.equal(r.status, 1);
  assert.match(r.stdout, /^read 1, new 1, duplicate 0, near-duplicate 0, failed 1/m);
  assert.match(r.stderr, /missing\.txt: no such file or folder/);
  assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
  const again = dossier('ingest', join(dir, 'envoys.txt'));
  assert.equal(again.status, 0);
  assert.match(again.stdout, /read 1, new 0, duplicate 1/);
});

test('the store answers docs, entity and search', () => {
  assert.match(dossier('docs').stdout, /Envoys meet in Skopje/);
  assert.match(dossier('entity', 'stoltenberg').stdout, /Jens Stoltenberg \[PERSON\]/);
  const hits = JSON.parse(dossier('search', 'training', 'missions', '--json').stdout);
  assert.equal(hits[0].title, 'Envoys meet in Skopje');
});

test('bad arguments get one clear line, not a stack trace', () => {
  const r = dossier('docs', '--from', 'yesterday');
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /expected a date as YYYY-MM-DD/);
  const unknown = dossier('entity', 'Nobody', 'Atall');
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /no such entity/);
});

test('an impossible --date is refused before anything is read, naming the option and the value', () => {
  const r = dossier('ingest', join(dir, 'envoys.txt'), '--date', '2023-02-30');
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /--date.*'2023-02-30'.*2023-02-30 is not a day of the calendar/);
  assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
});

test('an empty folder, a folder with no articles, data: and javascript: inputs: one line each, exit status 1', () => {
  const empty = join(dir, 'nothing-here');
  const photos = join(dir, 'photos');
  mkdirSync(empty);
  mkdirSync(photos);
  writeFileSync(join(photos, 'harbour.jpg'), 'JFIF');
  const r = dossier('ingest', empty, photos, 'data:text/plain,hello', 'javascript:alert(1)');
  assert.equal(r.status, 1);
  assert.match(r.stdout, /read 0, new 0, duplicate 0, near-duplicate 0, failed 4/);
  const lines = r.stderr.trim().split('\n');
  assert.deepEqual(lines, [
    `dossier: ${empty}: is an empty folder`,
    `dossier: ${photos}: has no article files (.txt, .md, .html, .htm, .jsonl, .pdf, .docx)`,
    'dossier: data:text/plain,hello: unsupported scheme data: (only http and https URLs are fetched; files, folders and - are read)',
    'dossier: javascript:alert(1): unsupported scheme javascript: (only http and https URLs are fetched; files, folders and - are read)',
  ]);
});
