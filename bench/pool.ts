/**
 * Both cores (issue 11 item 3, item 8's figures): the same synthetic documents analysed for the store in this
 * thread and in a pool of `--jobs` worker threads, then ingested end to end (read from a JSONL file, analysed in the
 * pool, written to a fresh PGlite store) with `--jobs`. Wall time, one run: on a shared machine only the ratios
 * printed here compare. The workers are started and warmed before the analysis clock starts (each loads its own
 * modules and model); the ingest's figure includes their start, as a user's ingest does.
 *
 * Standalone: node --import tsx bench/pool.ts [--docs N] [--ingest-docs N] [--jobs N] [--json]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { syntheticArticle } from './corpus.js';
import { defaultKnowledgeBase } from '../src/kb/load.js';
import type { Document, KnowledgeBase } from '../src/model/types.js';
import { toDocument } from '../src/ingest/document.js';
import { analyseForStore } from '../src/ingest/analyse.js';
import { AnalysisPool } from '../src/ingest/pool.js';
import { ingest } from '../src/ingest/ingest.js';
import { openStore } from '../src/store/store.js';

export interface PoolBenchFigures {
  jobs: number;
  docs: number;
  oneThreadDocsPerSec: number;
  poolDocsPerSec: number;
  ingestDocs: number;
  ingestDocsPerSec: number;
}

function documents(from: number, n: number): Document[] {
  return Array.from({ length: n }, (_, k) => {
    const a = syntheticArticle(from + k);
    return toDocument({ origin: `bench/${from + k}.txt`, kind: 'text', content: a.text, title: a.title }, { date: a.date });
  });
}

export async function poolBench(opts: { docs: number; ingestDocs: number; jobs: number; kb: KnowledgeBase }): Promise<PoolBenchFigures> {
  const { kb, jobs } = opts;
  const docs = documents(0, opts.docs);
  // This thread: warmed on other documents first, as the pool's workers are.
  for (const d of documents(50_000, 5)) analyseForStore(d, kb);
  let t0 = performance.now();
  for (const d of docs) analyseForStore(d, kb);
  const oneThreadDocsPerSec = docs.length / ((performance.now() - t0) / 1000);

  const pool = new AnalysisPool(kb, jobs);
  try {
    await Promise.all(documents(60_000, 5 * jobs).map((d) => pool.analyse(d)));
    t0 = performance.now();
    await Promise.all(docs.map((d) => pool.analyse(d)));
  } finally {
    await pool.close();
  }
  const poolDocsPerSec = docs.length / ((performance.now() - t0) / 1000);

  // Ingest end to end: other documents, so that none is a copy of one analysed above (nothing is stored there).
  const dir = mkdtempSync(join(tmpdir(), 'dossier-bench-pool-'));
  const file = join(dir, 'corpus.jsonl');
  writeFileSync(file, Array.from({ length: opts.ingestDocs }, (_, k) => {
    const a = syntheticArticle(100_000 + k);
    return JSON.stringify({ text: a.text, title: a.title, date: a.date });
  }).join('\n') + '\n');
  const store = await openStore({ dataDir: join(dir, 'store') });
  let ingestDocsPerSec = 0;
  try {
    t0 = performance.now();
    const summary = await ingest(store, [file], { kb, jobs });
    if (summary.new !== opts.ingestDocs) throw new Error(`ingest stored ${summary.new} of ${opts.ingestDocs}: ${summary.failures[0]?.message ?? ''}`);
    ingestDocsPerSec = summary.new / ((performance.now() - t0) / 1000);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return { jobs, docs: docs.length, oneThreadDocsPerSec, poolDocsPerSec, ingestDocs: opts.ingestDocs, ingestDocsPerSec };
}

export function poolReport(f: PoolBenchFigures, report: (name: string, value: number, unit: string, digits?: number) => void): void {
  report('analysis for the store docs/s, one thread', f.oneThreadDocsPerSec, 'docs/s');
  report(`analysis for the store docs/s, --jobs ${f.jobs}`, f.poolDocsPerSec, 'docs/s');
  report(`  --jobs ${f.jobs} / one thread`, f.poolDocsPerSec / f.oneThreadDocsPerSec, 'x', 2);
  report(`ingest end to end docs/s, --jobs ${f.jobs} (${f.ingestDocs} docs)`, f.ingestDocsPerSec, 'docs/s');
  report(`  ingest / analysis, --jobs ${f.jobs}`, f.ingestDocsPerSec / f.poolDocsPerSec, 'x', 2);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({ options: {
    docs: { type: 'string', default: '300' }, 'ingest-docs': { type: 'string', default: '1000' }, jobs: { type: 'string', default: '2' },
    json: { type: 'boolean', default: false },
  } });
  const figures: Record<string, number> = {};
  const f = await poolBench({ docs: Number(values.docs), ingestDocs: Number(values['ingest-docs']), jobs: Number(values.jobs), kb: defaultKnowledgeBase() });
  poolReport(f, (name, value, unit, digits = 1) => {
    figures[name] = Number(value.toFixed(3));
    console.log(`${name.padEnd(56)} ${value.toFixed(digits).padStart(10)} ${unit}`);
  });
  if (values.json) console.log(JSON.stringify({ pool: figures }));
}
