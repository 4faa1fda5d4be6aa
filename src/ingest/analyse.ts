/**
 * A document analysed and turned into the rows it is stored as: what ingest does for each new document, in the
 * ingest's own thread (`--jobs 1`) or in a worker of the analysis pool (pool.ts). It reads nothing from the store,
 * so it may run anywhere; the near-duplicate is looked up at write time.
 */
import type { Document, KnowledgeBase } from '../model/types.js';
import { analyze } from '../extract/pipeline.js';
import type { AnalysisBudget } from '../extract/budget.js';
import { wordCount } from '../nlp/doc.js';
import { prepareDocument, type PreparedDocument } from '../store/prepare.js';
import { lshBands, minhash } from './dedup.js';

export function analyseForStore(document: Document, kb: KnowledgeBase, budget?: AnalysisBudget): PreparedDocument {
  const signature = minhash(document.text);
  const bands = lshBands(signature);
  const analysis = analyze(document, kb, { budget });
  const stored = { ...document, ...analysis.date };
  // The near-duplicate is looked up once the write holds the store, so that a copy another writer (a second process
  // on a Postgres server) stored meanwhile is seen; that writer may even have stored this very article.
  return prepareDocument({
    document: stored, doc: analysis.doc, layers: analysis.layers, wordCount: wordCount(analysis.doc), signature, bands,
    nearDuplicate: null, lookupNearDuplicate: true,
  });
}
