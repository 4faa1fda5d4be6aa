/**
 * Issue 14, the store's side: ingesting the same articles in two orders stores the same model. Per document: its
 * row, mentions (with the cross-document entity each points to), times, quotes (with speakers), events (with
 * actors, dates and trigger), stances and its line in document_entities; across documents: the entities (ids are
 * deterministic: `kb:<id>` or `x:<TYPE>:<name>`, so they must match too, with their aliases and counts) and how
 * events are grouped into timeline entries and quotes into quote groups (as groups of document rows: their own
 * ids are serial numbers and may differ). Each order runs in a fresh worker thread of its own, so neither reads
 * anything the other left in the process. Articles written for this test, and the seeds when ../shared is there.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { defaultKnowledgeBase } from '../src/kb/load.js';
import type { IngestSummary } from '../src/ingest/ingest.js';
import type { IngestJob } from './purity/ingest.js';

const here = dirname(fileURLToPath(import.meta.url));
const shared = resolve(process.env.DOSSIER_SHARED ?? join(here, '../../shared'));
const seeds = join(shared, 'corpus/seeds');

// Written for this test: the same actors and one quote across articles, so that resolution has work to do.
const ARTICLES: Record<string, string> = {
  'a-talks.txt': [
    'Belgrade and Pristina resume talks in Brussels',
    '',
    'Serbian and Kosovan negotiators met in Brussels on 12 March 2024, the first meeting since the autumn.',
    '"We came to listen, not to lecture," the EU envoy Miroslav Lajčák told reporters after the session.',
    'Serbia accused Kosovo of blocking the agreement on licence plates, while Pristina rejected the charge.',
    'A U.S. envoy followed the session as an observer.',
    '',
  ].join('\n'),
  'b-exercise.txt': [
    'NATO drill in Romania draws a warning from Moscow',
    '',
    'NATO began a two-week exercise in Romania on Monday, with troops from eleven allies taking part.',
    'Russia warned the alliance that the drill threatened stability on the Black Sea, the Russian foreign ministry said.',
    'A spokesperson for the alliance said the exercise was defensive and had been planned for a year.',
    // Before the fix, "U.S government" taught wink a word that cut every later "U.S." in two (issue 14): read after
    // this article, the envoy of the first one lost the period of his "U.S.", so the two orders stored different
    // mentions.
    'Observers said the U.S government had sent a general to watch the first day.',
    '',
  ].join('\n'),
  'c-followup.txt': [
    'Kosovo and Serbia trade blame after Brussels meeting',
    '',
    'A day after the talks in Brussels, Kosovo accused Serbia of stalling on the agreement.',
    '"We came to listen, not to lecture," Miroslav Lajčák said again on 13 March 2024, urging both sides to return.',
    'Serbian President Aleksandar Vučić said Belgrade supports dialogue but will not recognise Kosovo.',
    '',
  ].join('\n'),
  'd-sanctions.txt': [
    'EU extends sanctions on Russia',
    '',
    'The European Union extended its sanctions on Russia for six more months on 15 March 2024.',
    'Hungary had threatened to block the decision, diplomats said, but dropped its objection on Friday.',
    'Moscow condemned the move and promised a response.',
    '',
  ].join('\n'),
};

type Rows = Record<string, unknown>[];

/** Ingests the files in this order in a fresh worker (new modules: nothing left from the other order). */
function ingestInWorker(job: IngestJob): Promise<{ summary: IngestSummary; snapshot: Record<string, unknown> }> {
  return new Promise((ok, fail) => {
    const w = new Worker(new URL('./purity/worker.mjs', import.meta.url), { workerData: job });
    w.once('message', (m) => {
      ok(m);
      void w.terminate();
    });
    w.once('error', fail);
    w.once('exit', (code) => code !== 0 && fail(new Error(`ingest worker exited with ${code}`)));
  });
}

/** Names of the parts (and documents) where two snapshots differ. */
function differences(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const part of Object.keys(a)) {
    const x = a[part];
    const y = b[part];
    if (JSON.stringify(x) === JSON.stringify(y)) continue;
    if (x && y && !Array.isArray(x) && typeof x === 'object') {
      const keys = new Set([...Object.keys(x), ...Object.keys(y as object)]);
      for (const k of keys) {
        if (JSON.stringify((x as Record<string, unknown>)[k]) !== JSON.stringify((y as Record<string, unknown>)[k])) out.push(`${part} of ${k}`);
      }
    } else if (Array.isArray(x) && Array.isArray(y)) {
      const xs = new Set(x.map((v) => JSON.stringify(v)));
      const ys = new Set(y.map((v) => JSON.stringify(v)));
      const only = (p: Set<string>, q: Set<string>) => [...p].filter((v) => !q.has(v)).slice(0, 3).join('; ');
      out.push(`${part}: only in the first order ${only(xs, ys) || '-'}; only in the second ${only(ys, xs) || '-'}`);
    } else out.push(part);
  }
  return out;
}

test('ingesting the same articles in two orders stores the same model', { timeout: 600_000 }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-order-'));
  try {
    const files = Object.entries(ARTICLES).map(([name, text]) => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    });
    if (existsSync(join(seeds, 'manifest.json'))) {
      for (const f of (JSON.parse(readFileSync(join(seeds, 'manifest.json'), 'utf8')) as { documents: { file: string }[] }).documents) {
        files.push(join(seeds, f.file));
      }
    } else t.diagnostic(`${seeds} not found: only this test's own articles are ingested`);
    const kb = defaultKnowledgeBase();
    const kbData = { entries: kb.entries, offices: kb.offices };
    const entry = './ingest.ts';
    const runs = await Promise.all([files, [...files].reverse()].map((order) => ingestInWorker({ entry, files: order, kb: kbData })));
    for (const r of runs) assert.equal(r.summary.new, files.length, JSON.stringify(r.summary.failures));
    const snapshots = runs.map((r) => r.snapshot);
    const [forward, reverse] = snapshots;
    assert.equal((forward!.documents as Rows).length, files.length);
    assert.ok((forward!.quoteGroups as string[]).some((g) => g.split(' ').length > 1), 'the repeated quote makes one group of two');
    assert.deepEqual(differences(forward!, reverse!), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
