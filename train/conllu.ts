/**
 * The treebank sentences as the trainer reads them: parallel columns per sentence. Parsing is the eval suites'
 * CoNLL-U reader (eval/conllu.ts); this only reshapes its words (multi-word token lines and empty nodes are
 * already left out there).
 */
import { readFileSync } from 'node:fs';
import { readConllu as readGold } from '../eval/conllu.js';

export interface TreebankSentence {
  id: string;
  forms: string[];
  lemmas: string[];
  upos: string[];
  xpos: string[];
  feats: string[];
  /** CoNLL-U heads: 1-based, 0 for the root. */
  heads: number[];
  rels: string[];
}

export function readConllu(path: string): TreebankSentence[] {
  return readGold(readFileSync(path, 'utf8')).sentences.map((s) => ({
    id: s.id,
    forms: s.words.map((w) => w.form),
    lemmas: s.words.map((w) => w.lemma),
    upos: s.words.map((w) => w.upos),
    xpos: s.words.map((w) => w.xpos),
    feats: s.words.map((w) => w.feats),
    heads: s.words.map((w) => w.head),
    rels: s.words.map((w) => w.rel),
  }));
}
