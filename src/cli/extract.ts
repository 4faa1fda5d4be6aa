/** `dossier extract`: the contract (../shared/docs/contract.md) for each file, without a database. */
import type { Extraction, KnowledgeBase } from '../model/types.js';
import { analyze, isAnalysable } from '../extract/pipeline.js';
import type { Doc } from '../nlp/doc.js';
import type { toDocument } from '../ingest/document.js';
import { eachDocument } from './documents.js';

export interface ExtractOptions {
  date: string | null;
  format: 'json' | 'jsonl';
  kb: KnowledgeBase;
  /** `--syntax`: add the parsed words as `tokens`. */
  syntax?: boolean;
}

/** One word of the contract's `tokens` array (`dossier extract --syntax`). */
export interface ContractToken {
  start: number;
  end: number;
  text: string;
  upos: string;
  xpos: string;
  lemma: string;
  feats: string;
  /** Index of the head word in the document's `tokens`, -1 for a sentence's root. */
  head: number;
  rel: string;
  /** Index of the sentence (in the Doc's sentence order). */
  sentence: number;
}

/** Every sentence of the Doc parsed, as the contract's `tokens`: heads as document-wide indices. */
export function contractTokens(doc: Doc): ContractToken[] {
  const out: ContractToken[] = [];
  for (let s = 0; s < doc.sentences.length; s++) {
    const offset = out.length;
    for (const w of doc.syntax(s).words) {
      out.push({
        start: w.start, end: w.end, text: w.text, upos: w.upos, xpos: w.xpos, lemma: w.lemma, feats: w.feats,
        head: w.head < 0 ? -1 : offset + w.head, rel: w.rel, sentence: s,
      });
    }
  }
  return out;
}

/** The contract for one document; with `syntax`, also its `tokens` (none for a language we do not analyse). */
export function toExtraction(path: string, document: ReturnType<typeof toDocument>, kb: KnowledgeBase, syntax = false): Extraction & { tokens?: ContractToken[] } {
  const { doc, layers, date } = analyze(document, kb);
  return {
    document: { id: document.id, path, title: document.title, date: date.date, dateSource: date.dateSource, language: document.language, text: document.text },
    entities: layers.entities,
    quotes: layers.quotes,
    events: layers.events,
    times: layers.times,
    stances: layers.stances,
    ...(syntax ? { tokens: isAnalysable(document.language) ? contractTokens(doc) : [] } : {}),
  };
}

/** Prints the extraction of every file; returns false when any file could not be read. */
export async function extractFiles(files: string[], opts: ExtractOptions): Promise<boolean> {
  const results: Extraction[] = [];
  // Each argument is one document: a file, or stdin (JSONL lines on stdin are several).
  const ok = await eachDocument(files, { date: opts.date }, (document, _origin, file) => {
    const result = toExtraction(file, document, opts.kb, opts.syntax);
    if (opts.format === 'jsonl') process.stdout.write(JSON.stringify(result) + '\n');
    else results.push(result);
  });
  if (opts.format === 'json') process.stdout.write(JSON.stringify(results, null, 2) + '\n');
  return ok;
}
