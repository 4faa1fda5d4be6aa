/**
 * The main job: read every source, turn each item into a Document, skip exact duplicates (recording the new
 * source), analyse, and store the documents with their layers a batch per transaction (near-duplicates linked to
 * the first copy there). One bad input never stops the others: a batch that fails is stored document by document.
 */
import type { Document, KnowledgeBase } from '../model/types.js';
import { AnalysisBudgetError, type AnalysisBudget } from '../extract/budget.js';
import { addDocumentSource, documentExists, refreshStatistics, type NearDuplicate, type Store } from '../store/store.js';
import type { Queryable } from '../store/db.js';
import { writeBatch, writeDocuments, type Outcome } from '../store/batch.js';
import { findNearDuplicates } from '../store/near-duplicates.js';
import type { PreparedDocument } from '../store/prepare.js';
import { analyseForStore } from './analyse.js';
import { AnalysisFailure, AnalysisPool, PoolUnavailable } from './pool.js';
import { DocumentError, toDocument } from './document.js';
import type { Manifest } from './manifest.js';
import { resolveOutlet } from './outlet.js';
import { readSources, type RawItem, type ReadOptions, type SourceFailure } from './sources.js';

export interface IngestOptions extends ReadOptions {
  kb: KnowledgeBase;
  /** `--date`, applied to every document read (a manifest's date for a document wins). */
  date?: string | null;
  /** `--source`: the outlet of every document read. */
  source?: string | null;
  /** `--manifest`: dates, outlets, URLs and titles by file. */
  manifest?: Manifest | null;
  /** Size and time allowed per document (`--max-chars`, `--analysis-timeout`); the default budget when absent. */
  budget?: AnalysisBudget;
  /** Documents written per transaction (default BATCH_DOCUMENTS; 1 writes each alone). */
  batchSize?: number;
  /**
   * Worker threads that analyse (`--jobs`, pool.ts); 1 (the default) analyses in this thread. Results are written
   * as they come back, so documents may be stored in another order than read: nothing stored depends on it.
   */
  jobs?: number;
  /** Told once when the pool's workers could not start and this thread analyses instead. */
  onPoolUnavailable?: (reason: string) => void;
  /** Called after each item with the running summary. */
  onProgress?: (summary: IngestSummary, origin: string) => void;
}

export interface IngestSummary {
  read: number;
  new: number;
  duplicate: number;
  nearDuplicate: number;
  failed: number;
  /** Stored but not analysed because they are not in English. */
  notEnglish: number;
  failures: SourceFailure[];
  /** Ids of the documents stored by this run. */
  stored: string[];
}

export type { Outcome };

export async function ingest(store: Store, inputs: string[], opts: IngestOptions): Promise<IngestSummary> {
  const summary: IngestSummary = { read: 0, new: 0, duplicate: 0, nearDuplicate: 0, failed: 0, notEnglish: 0, failures: [], stored: [] };
  let refreshedAt = 0;
  // Documents analysed and waiting for the next write: written together, each row once (store/batch.ts).
  const pending: { prepared: PreparedDocument; document: Document; origin: string }[] = [];
  let weight = 0;
  const flush = async () => {
    if (!pending.length) return;
    const results = await writeDocuments(store.db, pending.map((p) => p.prepared));
    results.forEach((r, k) => {
      const { document, origin } = pending[k]!;
      if ('error' in r) {
        summary.failed++;
        summary.failures.push({ origin, message: `could not be stored: ${r.error.message}` });
      } else count(summary, document, r.outcome);
      opts.onProgress?.(summary, origin);
    });
    pending.length = 0;
    weight = 0;
    // A long run keeps the planner's statistics current as it goes (PGlite has no autovacuum to do it).
    if (summary.new - refreshedAt >= STATISTICS_EVERY) {
      await refreshStatistics(store.db);
      refreshedAt = summary.new;
    }
  };
  const jobs = Math.max(1, Math.floor(opts.jobs ?? 1));
  const started = jobs > 1 ? new AnalysisPool(opts.kb, jobs) : null;
  let pool = started;
  // With a pool: documents sent to it and not yet taken (ids, for copies read meanwhile), and its answers waiting.
  const analysing = new Set<string>();
  const answered: { document: Document; origin: string; result: PreparedDocument | Error }[] = [];
  let wake: (() => void) | null = null;
  // Enough sent ahead that the workers stay busy while a batch is written.
  const ahead = jobs * AHEAD_PER_JOB;
  const take = async (a: (typeof answered)[number]) => {
    analysing.delete(a.document.id);
    if (a.result instanceof Error) {
      summary.failed++;
      summary.failures.push({ origin: a.origin, message: failureMessage(a.result) });
      opts.onProgress?.(summary, a.origin);
      return;
    }
    pending.push({ prepared: a.result, document: a.document, origin: a.origin });
    weight += a.result.weight;
    if (pending.length >= (opts.batchSize ?? BATCH_DOCUMENTS) || weight >= BATCH_WEIGHT) await flush();
  };
  /** Takes the pool's answers until at most `most` documents are left with it. */
  const settle = async (most: number) => {
    for (;;) {
      while (answered.length) await take(answered.shift()!);
      if (analysing.size <= most) return;
      await new Promise<void>((ok) => { wake = ok; });
    }
  };
  const answer = (document: Document, origin: string, result: PreparedDocument | Error) => {
    answered.push({ document, origin, result });
    wake?.();
    wake = null;
  };
  const dispatch = (p: AnalysisPool, document: Document, origin: string) => {
    analysing.add(document.id);
    p.analyse(document, opts.budget).then((prepared) => answer(document, origin, prepared), (err: Error) => {
      if (!(err instanceof PoolUnavailable)) return answer(document, origin, err);
      // The workers could not start: this thread analyses, this document and the rest.
      if (pool) opts.onPoolUnavailable?.(err.message);
      pool = null;
      try {
        answer(document, origin, analyseForStore(document, opts.kb, opts.budget));
      } catch (e) {
        answer(document, origin, e as Error);
      }
    });
  };
  // A manifest alone names what to read.
  const sources = inputs.length ? inputs : (opts.manifest?.entries.map((e) => e.path) ?? []);
  try {
    for await (const event of readSources(sources, opts)) {
      if ('failure' in event) {
        summary.failed++;
        summary.failures.push(event.failure);
        opts.onProgress?.(summary, event.failure.origin);
        continue;
      }
      summary.read++;
      const listed = event.item.file ? opts.manifest?.byRealPath.get(event.item.file) : undefined;
      const item: RawItem = listed ? { ...event.item, url: listed.url ?? event.item.url, title: listed.title ?? event.item.title } : event.item;
      try {
        const document = toDocument(item, { date: listed?.date ?? opts.date });
        document.source = resolveOutlet({ given: opts.source, stated: listed?.source ?? item.source, url: document.url }, opts.kb);
        // A copy of a document being analysed or waiting in the batch is recorded once that document is stored.
        if (analysing.has(document.id)) await settle(0);
        if (pending.some((p) => p.document.id === document.id)) await flush();
        if (await documentExists(store.db, document.id)) {
          await addDocumentSource(store.db, document.id, document);
          count(summary, document, 'duplicate');
        } else if (pool) {
          dispatch(pool, document, item.origin);
          await settle(ahead - 1);
        } else {
          const prepared = analyseForStore(document, opts.kb, opts.budget);
          pending.push({ prepared, document, origin: item.origin });
          weight += prepared.weight;
          if (pending.length >= (opts.batchSize ?? BATCH_DOCUMENTS) || weight >= BATCH_WEIGHT) await flush();
        }
      } catch (err) {
        summary.failed++;
        summary.failures.push({ origin: item.origin, message: failureMessage(err as Error) });
      }
      opts.onProgress?.(summary, item.origin);
    }
    await settle(0);
    await flush();
  } finally {
    await started?.close();
  }
  if (summary.new > 0) await refreshStatistics(store.db);
  return summary;
}

/** The one line a document that could not be analysed or stored gets. */
function failureMessage(err: Error): string {
  if (err instanceof DocumentError || err instanceof AnalysisBudgetError) return err.message;
  if (err instanceof AnalysisFailure) return err.standalone ? err.message : `could not be stored: ${err.message}`;
  return `could not be stored: ${err.message}`;
}

/**
 * Documents per write transaction, and the size (characters of text plus rows, prepare.ts `weight`) at which a
 * batch is written sooner: a hundred ordinary articles, or fewer long ones, so a batch's rows stay a few MB.
 */
export const BATCH_DOCUMENTS = 100;
export const BATCH_WEIGHT = 4_000_000;

/** Documents sent to each of the pool's workers ahead of the writer. */
const AHEAD_PER_JOB = 16;

/** Documents stored between two refreshes of the planner's statistics during one run. */
const STATISTICS_EVERY = 2000;

function count(summary: IngestSummary, document: Document, outcome: Outcome): void {
  if (outcome === 'duplicate') {
    summary.duplicate++;
    return;
  }
  summary.new++;
  summary.stored.push(document.id);
  if (outcome === 'near-duplicate') summary.nearDuplicate++;
  if (document.language !== 'en' && document.language !== 'und') summary.notEnglish++;
}

/** Stores one document unless it is already there; returns what happened. */
export async function storeDocument(store: Store, document: Document, kb: KnowledgeBase, budget?: AnalysisBudget): Promise<Outcome> {
  const { db } = store;
  if (await documentExists(db, document.id)) {
    await addDocumentSource(db, document.id, document);
    return 'duplicate';
  }
  return (await writeBatch(db, [analyseForStore(document, kb, budget)])).outcomes[0]!;
}

/** The first stored document this one nearly duplicates, by LSH candidates checked on their signatures. */
export async function findNearDuplicate(db: Queryable, signature: number[], bands: number[]): Promise<NearDuplicate | null> {
  return (await findNearDuplicates(db, [{ id: '', signature, bands }]))[0] ?? null;
}
