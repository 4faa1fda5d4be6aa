/**
 * The demo as a new user runs it (issue 13): the seeds go in with their manifest's dates, so every seed shows its
 * manifest date and the 2022 timeline has nothing before it happened (no invasion of Ukraine in January 2022).
 * The seeds are read from ../shared at run time, never copied; without them the test is skipped.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(root, 'bin/dossier.js');
const manifestPath = resolve(root, '../shared/corpus/seeds/manifest.json');
const dir = mkdtempSync(join(tmpdir(), 'dossier-demo-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function dossier(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, '--data', join(dir, 'store'), ...args], { encoding: 'utf8', cwd: root, env: { ...process.env, DATABASE_URL: '' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('npm run demo: every seed shows its manifest date and no 2022 event comes before its real date', { timeout: 300_000 }, (t) => {
  if (!existsSync(manifestPath)) return t.skip(`${manifestPath} not found`);
  const demo = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts.demo as string;
  assert.match(demo, /--manifest \.\.\/shared\/corpus\/seeds\/manifest\.json/, 'the demo ingests the seeds with their manifest');
  const ingest = dossier('ingest', '--quiet', '--manifest', manifestPath);
  assert.equal(ingest.status, 0, ingest.stderr);

  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { documents: { file: string; date: string }[] };
  const docs = JSON.parse(dossier('docs', '--json').stdout) as { items: { date: string; dateSource: string; origin: string }[] };
  assert.equal(docs.items.length, manifest.documents.length);
  for (const m of manifest.documents) {
    const d = docs.items.find((x) => x.origin.endsWith(m.file));
    assert.ok(d, `${m.file} is stored with its file as origin`);
    assert.equal(d.date, m.date, m.file);
    assert.equal(d.dateSource, 'given', m.file);
  }

  const year = JSON.parse(dossier('timeline', '--from', '2022-01-01', '--to', '2022-12-31', '--limit', '200', '--json').stdout) as {
    items: { type: string; date: string | null; dateBasis: string | null; sourceId: string | null; targetId: string | null }[];
  };
  assert.ok(year.items.length > 0);
  const russia = new Set(['kb:russia', 'kb:vladimir-putin']);
  const invasions = year.items.filter((e) => e.type === 'ASSAULT' && russia.has(e.sourceId ?? '') && e.targetId === 'kb:ukraine');
  assert.ok(invasions.length > 0, 'the invasion is on the 2022 timeline');
  for (const e of invasions) {
    // A stated date must not end before 24 February 2022; a "≤ date" (the report's date) only says "by then".
    if (e.dateBasis === 'report' || !e.date) continue;
    const end = e.date.length === 4 ? `${e.date}-12-31` : e.date.length === 7 ? `${e.date}-31` : e.date;
    assert.ok(end >= '2022-02-24', `an invasion dated ${e.date}`);
  }
});
