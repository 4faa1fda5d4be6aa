/**
 * The analysis pipeline: the only place that knows the order of the extractors. Each extractor is a pure function
 * of the Doc, the context (knowledge base, document date) and the layers before it; it returns its own layer.
 */
import type { Document, KnowledgeBase, Layers } from '../model/types.js';
import { DeadlineExceeded, Doc } from '../nlp/doc.js';
import type { SyntaxModel } from '../nlp/syntax/types.js';
import { DEFAULT_BUDGET, tooLong, tooSlow, type AnalysisBudget } from './budget.js';
import { recogniseEntities, nameSpansForSyntax } from './entities.js';
import { resolveCoreference } from './coref.js';
import { extractTimes } from './times.js';
import { extractQuotes } from './quotes.js';
import { extractEvents } from './events.js';
import { extractStances } from './stance.js';
import { inferPublicationDate } from './date-inference.js';

export interface Context {
  kb: KnowledgeBase;
  /** The document's publication date, `YYYY-MM-DD`, or null. */
  date: string | null;
}

export type Extractor<K extends keyof Layers> = (doc: Doc, ctx: Context, prior: Readonly<Partial<Layers>>) => Layers[K];

interface Step<K extends keyof Layers> {
  name: string;
  layer: K;
  run: Extractor<K>;
}

const step = <K extends keyof Layers>(name: string, layer: K, run: Extractor<K>): Step<K> => ({ name, layer, run });

/**
 * The parse reads the names the entity step found (a name is tagged as one): every step after it that parses sees
 * the same trees.
 */
const namesToSyntax: Extractor<'entities'> = (doc, _ctx, prior) => {
  const entities = prior.entities ?? [];
  doc.useNames(nameSpansForSyntax(entities));
  return entities;
};

/** The declared order: entities → (names to the parser) → coreference → times → quotes → events → stance. */
export const PIPELINE = [
  step('entities', 'entities', recogniseEntities),
  step('syntax-names', 'entities', namesToSyntax),
  step('coreference', 'entities', resolveCoreference),
  step('times', 'times', extractTimes),
  step('quotes', 'quotes', extractQuotes),
  step('events', 'events', extractEvents),
  step('stance', 'stances', extractStances),
] as const;

export interface Analysis {
  doc: Doc;
  layers: Layers;
  /** The date the analysis used, and where it came from (inferred from the text when the document had none). */
  date: Pick<Document, 'date' | 'dateSource' | 'dateRange'>;
}

export interface AnalyzeOptions {
  /** Run only these steps (by name); the others leave their layer empty. */
  only?: Set<string>;
  /** When given, receives the milliseconds each step took (added up across calls), for the benchmark. */
  timings?: Record<string, number>;
  /** Size and time allowed (extract/budget.ts); DEFAULT_BUDGET when absent. */
  budget?: AnalysisBudget;
  /** The parser the Doc uses; the shipped model when absent. */
  syntaxModel?: SyntaxModel;
}

/**
 * Runs every extractor over one document. Non-English documents get no layers: they are stored and flagged.
 * Throws AnalysisBudgetError for a document over the budget's size, or once its time has run out.
 */
export function analyze(document: Pick<Document, 'text' | 'date' | 'language'> & Partial<Pick<Document, 'dateSource'>>, kb: KnowledgeBase, opts: AnalyzeOptions = {}): Analysis {
  const { only, timings } = opts;
  const budget = opts.budget ?? DEFAULT_BUDGET;
  if (document.text.length > budget.maxChars) throw tooLong(document.text.length, budget);
  const t0 = performance.now();
  const doc = new Doc(document.text, opts.syntaxModel);
  doc.deadline = t0 + budget.maxMs;
  let analysis: Analysis;
  try {
    analysis = runSteps(doc, document, kb, only, timings, t0);
  } catch (err) {
    if (err instanceof DeadlineExceeded) throw tooSlow(budget);
    throw err;
  }
  // What reads the Doc afterwards (the store, `extract --syntax`) is not the analysis's to bound.
  doc.deadline = null;
  return analysis;
}

function runSteps(doc: Doc, document: Pick<Document, 'date' | 'language'> & Partial<Pick<Document, 'dateSource'>>, kb: KnowledgeBase,
  only: Set<string> | undefined, timings: Record<string, number> | undefined, t0: number): Analysis {
  if (timings) timings.doc = (timings.doc ?? 0) + performance.now() - t0;
  const layers: Layers = { entities: [], times: [], quotes: [], events: [], stances: [] };
  let date: Analysis['date'] = { date: document.date, dateSource: document.dateSource ?? null, dateRange: null };
  if (!isAnalysable(document.language)) return { doc, layers, date };
  if (!date.date) {
    const inferred = inferPublicationDate(doc, kb);
    if (inferred) date = { date: inferred.date, dateSource: 'inferred', dateRange: { from: inferred.from, to: inferred.to } };
  }
  const ctx: Context = { kb, date: date.date };
  for (const s of PIPELINE) {
    if (only && !only.has(s.name)) continue;
    doc.checkDeadline();
    const start = timings ? performance.now() : 0;
    (layers as any)[s.layer] = (s.run as Extractor<keyof Layers>)(doc, ctx, layers);
    if (timings) timings[s.name] = (timings[s.name] ?? 0) + performance.now() - start;
  }
  return { doc, layers, date };
}

export function isAnalysable(language: string): boolean {
  return language === 'en' || language === 'und';
}
