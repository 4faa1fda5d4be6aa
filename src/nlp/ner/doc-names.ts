/**
 * The name tagger over a Doc: the names of one sentence, tagged on its UD words (the same words the syntax model
 * reads, syntax/tokenise.ts, without parsing them), as character spans of the Doc's text. A pure function of the
 * sentence: the model is read-only and nothing is kept here.
 */
import type { Doc } from '../doc.js';
import type { NerType } from './decode.js';
import { loadNerModel, type NerModel } from './model.js';

export interface NameSpan {
  start: number;
  end: number;
  type: NerType;
  /** The Doc tokens the span covers: [tokenStart, tokenEnd). */
  tokenStart: number;
  tokenEnd: number;
}

export function sentenceNames(doc: Doc, index: number, model: NerModel = loadNerModel()): NameSpan[] {
  const words = doc.udWords(index);
  if (!words.length) return [];
  const spans = model.tag(words.map((w) => w.form));
  return spans.map((s) => {
    const first = words[s.start]!;
    const last = words[s.end - 1]!;
    return { start: first.start, end: last.end, type: s.type, tokenStart: first.token, tokenEnd: last.token + 1 };
  });
}

/** The names of every sentence of the Doc, in text order. */
export function docNames(doc: Doc, model?: NerModel): NameSpan[] {
  const out: NameSpan[] = [];
  for (let i = 0; i < doc.sentences.length; i++) out.push(...sentenceNames(doc, i, model));
  return out;
}
