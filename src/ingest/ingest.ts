/**
 * The main job: read every source, turn each item into a Document, skip exact duplicates (recording the new
 * source), link near-duplicates to the first copy, analyse, and store each document with its layers in one
 * transaction. One bad input never stops the others.
 */
import type { Document, KnowledgeBase } from '../model/types.js';
import { analyze } from '../extract/pipeline.js';
import { AnalysisBudgetError, type AnalysisBudget } from '../extract/budget.js';
import { wordCount } from '../nlp/doc.js';
import { addDocumentSource, documentExists, refreshStatistics, writeDocument, type NearDuplicate, type Store } from '../store/store.js';
import type { Queryable } from '../store/db.js';
import { lshBands, minhash, NEAR_DUPLICATE_THRESHOLD, similarity } from './dedup.js';
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

/** Near-duplicate candidates checked per document. */
const MAX_CANDIDATES = 25;

export type Outcome = 'new' | 'duplicate' | 'near-duplicate';

export async function ingest(store: Store, inputs: string[], opts: IngestOptions): Promise<IngestSummary> {
  const summary: IngestSummary = { read: 0, new: 0, duplicate: 0, nearDuplicate: 0, failed: 0, notEnglish: 0, failures: [], stored: [] };
  let refreshedAt = 0;
  // A manifest alone names what to read.
  const sources = inputs.length ? inputs : (opts.manifest?.entries.map((e) => e.path) ?? []);
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
      const outcome = await storeDocument(store, document, opts.kb, opts.budget);
      if (outcome === 'duplicate') summary.duplicate++;
      else {
        summary.new++;
        summary.stored.push(document.id);
        if (outcome === 'near-duplicate') summary.nearDuplicate++;
        if (document.language !== 'en' && document.language !== 'und') summary.notEnglish++;
      }
    } catch (err) {
      summary.failed++;
      summary.failures.push({ origin: item.origin, message: err instanceof DocumentError || err instanceof AnalysisBudgetError ? err.message : `could not be stored: ${(err as Error).message}` });
    }
    opts.onProgress?.(summary, item.origin);
    // A long run keeps the planner's statistics current as it goes (PGlite has no autovacuum to do it).
    if (summary.new - refreshedAt >= STATISTICS_EVERY) {
      await refreshStatistics(store.db);
      refreshedAt = summary.new;
    }
  }
  if (summary.new > 0) await refreshStatistics(store.db);
  return summary;
}

/** Documents stored between two refreshes of the planner's statistics during one run. */
const STATISTICS_EVERY = 2000;

/** Stores one document unless it is already there; returns what happened. */
export async function storeDocument(store: Store, document: Document, kb: KnowledgeBase, budget?: AnalysisBudget): Promise<Outcome> {
  const { db } = store;
  if (await documentExists(db, document.id)) {
    await addDocumentSource(db, document.id, document);
    return 'duplicate';
  }
  const signature = minhash(document.text);
  const bands = lshBands(signature);
  const analysis = analyze(document, kb, { budget });
  const stored = { ...document, ...analysis.date };
  // The near-duplicate is looked up once the write holds the store, so that a copy another writer (a second process
  // on a Postgres server) stored meanwhile is seen; that writer may even have stored this very article.
  let nearDuplicate: NearDuplicate | null = null;
  const inserted = await writeDocument(db, {
    document: stored, doc: analysis.doc, layers: analysis.layers, wordCount: wordCount(analysis.doc), signature, bands, nearDuplicate: null,
    lookupNearDuplicate: async (tx) => (nearDuplicate = await findNearDuplicate(tx, signature, bands)),
  });
  if (!inserted) return 'duplicate';
  return nearDuplicate ? 'near-duplicate' : 'new';
}

/** The first stored document this one nearly duplicates, by LSH candidates checked on their signatures. */
export async function findNearDuplicate(db: Queryable, signature: number[], bands: number[]): Promise<NearDuplicate | null> {
  // The candidates sharing the most bands, and only those: in a corpus of similar reports (one house style, one
  // template) many documents share a band or two by chance, and fetching all their signatures would grow with the
  // store. A true near-duplicate shares about 6 of the 16 bands on average.
  const { rows } = await db.query<{ id: string; minhash: number[]; root: string | null }>(
    `WITH c AS (SELECT document_id, count(*) AS shared FROM document_bands
                 WHERE (band, hash) IN (SELECT * FROM unnest($1::smallint[], $2::bigint[]))
                 GROUP BY document_id ORDER BY shared DESC, document_id LIMIT ${MAX_CANDIDATES})
     SELECT s.document_id AS id, s.minhash, d.near_duplicate_of AS root
       FROM c JOIN document_signatures s ON s.document_id = c.document_id JOIN documents d ON d.id = c.document_id`,
    [bands.map((_, i) => i), bands],
  );
  let best: NearDuplicate | null = null;
  for (const r of rows) {
    const s = similarity(signature, r.minhash);
    if (s >= NEAR_DUPLICATE_THRESHOLD && (!best || s > best.similarity)) best = { id: r.root ?? r.id, similarity: s };
  }
  return best;
}
