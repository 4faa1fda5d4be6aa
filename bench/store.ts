/**
 * The store's write path, measured: documents are analysed ahead, outside the clock, then written the way ingest
 * writes them; the same rows are written again into a second, fresh store by plain multi-row INSERTs, a batch per
 * transaction and no lookups at all (the ceiling: what the engine itself can take). Both clocks run batch by
 * batch, interleaved, so a noisy machine slows both alike and their ratio stays meaningful.
 *
 * Standalone: node --import tsx bench/store.ts [--docs N] [--store pglite|postgres] [--batch N] [--json]
 * (`npm run bench` runs it too; `--long` there: 20,000 documents, for the flatness figure.)
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { syntheticArticle } from './corpus.js';
import { cleanText } from '../src/ingest/clean.js';
import { analyze } from '../src/extract/pipeline.js';
import { wordCount } from '../src/nlp/doc.js';
import { defaultKnowledgeBase } from '../src/kb/load.js';
import type { Document, KnowledgeBase } from '../src/model/types.js';
import { openStore, refreshStatistics, type Store, type WriteInput } from '../src/store/store.js';
import { lshBands, minhash } from '../src/ingest/dedup.js';
import { prepareDocument, type PreparedDocument } from '../src/store/prepare.js';
import { emptyBatchRows, insertBatchRows, type BatchRows } from '../src/store/insert-batch.js';
import { writeBatch } from '../src/store/batch.js';

export interface StoreBenchOptions {
  docs: number;
  store: 'pglite' | 'postgres';
  /** Documents per transaction, for the write and for the ceiling. */
  batch: number;
  kb: KnowledgeBase;
  /** The first document's index in the synthetic corpus (another run's documents are other documents). */
  offset?: number;
  log?: (line: string) => void;
  /** Runs on the written store before it is removed (the bench's search and API latency). */
  onStore?: (store: Store) => Promise<void>;
}

export interface StoreBenchFigures {
  docs: number;
  store: string;
  batch: number;
  writeDocsPerSec: number;
  ceilingDocsPerSec: number;
  ratio: number;
  /** Write rate of each window of 1,000 documents (the last window may be shorter). */
  windows: number[];
  /** Last window's rate over the first's. */
  flatness: number | null;
  bytesPerDoc: number;
  /** PGlite: the whole folder, WAL included, per document. */
  folderBytesPerDoc: number | null;
  /** Analysis (outside the write clock) and write together. */
  endToEndDocsPerSec: number;
}

const WINDOW = 1000;

/** The i-th synthetic article as ingest would hand it to the store. */
export function benchInput(i: number, kb: KnowledgeBase): WriteInput {
  const a = syntheticArticle(i);
  const text = cleanText(a.text);
  const analysis = analyze({ text, date: a.date, language: 'en' }, kb);
  const document: Document = { id: createHash('sha256').update(text).digest('hex'), text, title: a.title, date: a.date, dateSource: 'given',
    source: `bench-${i % 40}`, url: null, origin: `bench/${i}.txt`, language: 'en' };
  const signature = minhash(text);
  return { document, doc: analysis.doc, layers: analysis.layers, wordCount: wordCount(analysis.doc), signature, bands: lshBands(signature),
    nearDuplicate: null, lookupNearDuplicate: true };
}

/** A fresh, empty store of the kind asked for, and how to measure and remove it. */
async function scratchStore(kind: 'pglite' | 'postgres', label: string): Promise<{ store: Store; bytes(): Promise<number>; folderBytes(): number | null; dispose(): Promise<void> }> {
  if (kind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), `dossier-bench-${label}-`));
    const store = await openStore({ dataDir: dir });
    return {
      store, bytes: () => relationBytes(store), folderBytes: () => folderSize(dir),
      dispose: async () => {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('--store postgres needs DATABASE_URL');
  const schema = `dossier_bench_${label}_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query('CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public').catch(() => {});
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema},public`);
  const store = await openStore({ databaseUrl: u.href });
  return {
    store, bytes: () => relationBytes(store), folderBytes: () => null,
    dispose: async () => {
      await store.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
}

/** Tables, their indexes and TOAST in the store's schema. */
async function relationBytes(store: Store): Promise<number> {
  const r = await store.db.query<{ n: string }>(
    `SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)::text AS n FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace
      WHERE s.nspname = current_schema() AND c.relkind IN ('r', 'm')`);
  return Number(r.rows[0]!.n);
}

function folderSize(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    n += e.isDirectory() ? folderSize(p) : statSync(p).size;
  }
  return n;
}

/** The rows of prepared documents as plain INSERTs would write them, with no cross-document resolution. */
function unresolvedRows(docs: PreparedDocument[]): BatchRows {
  const b = emptyBatchRows();
  for (const p of docs) {
    b.documents.push([...p.document, null, null]);
    b.sources.push(p.source);
    b.signatures.push([p.id, p.signature]);
    b.bands.push(...p.bands.map((h, k) => [k, h, p.id]));
    b.sentences.push(...p.sentences);
    b.mentions.push(...p.mentions);
    b.documentEntities.push(...p.documentEntities);
    b.times.push(...p.times);
    b.quotes.push(...p.quotes.map((r) => [...r, null]));
    b.events.push(...p.events.map((r) => [...r, null]));
    b.stances.push(...p.stances);
  }
  const entities = new Map<string, unknown[]>();
  for (const p of docs) for (const e of p.entities) if (!entities.has(e[0] as string)) entities.set(e[0] as string, e);
  b.entities = [...entities.values()].sort((x, y) => String(x[0]).localeCompare(String(y[0])));
  return b;
}

export async function storeBench(o: StoreBenchOptions): Promise<StoreBenchFigures> {
  const log = o.log ?? ((l: string) => process.stderr.write(l));
  const target = await scratchStore(o.store, 'w');
  const ceiling = await scratchStore(o.store, 'c');
  try {
    let writeMs = 0;
    let analyseMs = 0;
    let ceilingMs = 0;
    let windowMs = 0;
    let windowDocs = 0;
    const windows: number[] = [];
    const offset = o.offset ?? 0;
    for (let start = 0; start < o.docs; start += o.batch) {
      const n = Math.min(o.batch, o.docs - start);
      // Each Doc is dropped once its rows are made: a batch holds plain rows only, as ingest's does.
      const a0 = performance.now();
      const prepared = Array.from({ length: n }, (_, k) => prepareDocument(benchInput(offset + start + k, o.kb)));
      analyseMs += performance.now() - a0;
      const w0 = performance.now();
      const written: BatchRows | null = (await writeBatch(target.store.db, prepared)).rows;
      const w = performance.now() - w0;
      const c0 = performance.now();
      await ceiling.store.db.transaction((tx) => insertBatchRows(tx, written ?? unresolvedRows(prepared)));
      ceilingMs += performance.now() - c0;
      writeMs += w;
      windowMs += w;
      windowDocs += n;
      if (windowDocs >= WINDOW || start + n >= o.docs) {
        windows.push((windowDocs * 1000) / windowMs);
        log(`  window ${windows.length}: ${windows[windows.length - 1]!.toFixed(1)} docs/s written (${start + n} stored)\n`);
        windowMs = 0;
        windowDocs = 0;
      }
      // As ingest does: the planner's statistics kept current during a long run (outside the clocks).
      if (Math.floor((start + n) / 2000) > Math.floor(start / 2000)) {
        await refreshStatistics(target.store.db);
        await refreshStatistics(ceiling.store.db);
      }
      log(`  stored ${start + n}/${o.docs}\r`);
    }
    await refreshStatistics(target.store.db);
    await o.onStore?.(target.store);
    const bytes = await target.bytes();
    const folder = target.folderBytes();
    const write = (o.docs * 1000) / writeMs;
    const ceil = (o.docs * 1000) / ceilingMs;
    return {
      docs: o.docs, store: o.store, batch: o.batch, writeDocsPerSec: write, ceilingDocsPerSec: ceil, ratio: write / ceil, windows,
      flatness: windows.length > 1 ? windows[windows.length - 1]! / windows[0]! : null,
      bytesPerDoc: bytes / o.docs, folderBytesPerDoc: folder === null ? null : folder / o.docs,
      endToEndDocsPerSec: (o.docs * 1000) / (analyseMs + writeMs),
    };
  } finally {
    await target.dispose();
    await ceiling.dispose();
  }
}

/** The figures as lines of the bench's report. */
export function storeReport(f: StoreBenchFigures, report: (name: string, value: number, unit: string, digits?: number) => void): void {
  report('ingest end to end (analyse + store) docs/s', f.endToEndDocsPerSec, 'docs/s');
  report(`store write (${f.store}, ${f.docs} docs) docs/s`, f.writeDocsPerSec, 'docs/s');
  report(`batched-INSERT ceiling (${f.batch}/tx) docs/s`, f.ceilingDocsPerSec, 'docs/s');
  report('store write / ceiling', f.ratio, 'x', 2);
  f.windows.forEach((w, k) => report(`  write docs ${k * WINDOW + 1}-${Math.min((k + 1) * WINDOW, f.docs)}`, w, 'docs/s'));
  if (f.flatness !== null) report('  last window / first window', f.flatness, 'x', 2);
  report('bytes on disk per document (tables+indexes)', f.bytesPerDoc, 'B', 0);
  if (f.folderBytesPerDoc !== null) report('  PGlite folder (with WAL) per document', f.folderBytesPerDoc, 'B', 0);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: {
    docs: { type: 'string', default: '1000' }, store: { type: 'string', default: 'pglite' }, batch: { type: 'string', default: '100' },
    json: { type: 'boolean', default: false },
  } });
  const figures: Record<string, number> = {};
  const report = (name: string, value: number, unit: string, digits = 1) => {
    figures[name] = Number(value.toFixed(3));
    console.log(`${name.padEnd(44)} ${value.toFixed(digits).padStart(10)} ${unit}`);
  };
  const f = await storeBench({ docs: Number(values.docs), store: values.store === 'postgres' ? 'postgres' : 'pglite', batch: Number(values.batch), kb: defaultKnowledgeBase() });
  storeReport(f, report);
  if (values.json) console.log(JSON.stringify({ store: f }));
}
