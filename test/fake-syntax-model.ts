/**
 * A tiny stand-in for the trained syntax model, for tests that must not depend on the shipped weights: it tags
 * by a small table (punctuation, a few verbs, pronouns, determiners; capitalised words are proper nouns, the
 * rest nouns), makes the first verb the root and attaches every other word to it, with a relation guessed from
 * the side it is on. It records the forms it was given.
 */
import type { SentenceAnalysis, SyntaxModel, Upos } from '../src/nlp/syntax/types.js';

const TABLE: Record<string, [Upos, string]> = {
  said: ['VERB', 'VBD'], met: ['VERB', 'VBD'], signed: ['VERB', 'VBD'], back: ['VERB', 'VBP'], backs: ['VERB', 'VBZ'], visited: ['VERB', 'VBD'],
  do: ['AUX', 'VBP'], "n't": ['PART', 'RB'], not: ['PART', 'RB'], "'s": ['PART', 'POS'], is: ['AUX', 'VBZ'],
  the: ['DET', 'DT'], a: ['DET', 'DT'], he: ['PRON', 'PRP'], she: ['PRON', 'PRP'], they: ['PRON', 'PRP'], we: ['PRON', 'PRP'],
  in: ['ADP', 'IN'], on: ['ADP', 'IN'], of: ['ADP', 'IN'], and: ['CCONJ', 'CC'],
};

export interface FakeSyntaxModel extends SyntaxModel {
  /** The forms of every sentence analysed, in order. */
  calls: string[][];
}

export function fakeSyntaxModel(): FakeSyntaxModel {
  const calls: string[][] = [];
  return {
    meta: { name: 'fake', version: 0 },
    calls,
    analyse(forms: readonly string[]): SentenceAnalysis {
      calls.push([...forms]);
      const tags = forms.map((f): [Upos, string] => TABLE[f.toLowerCase()] ??
        (/^\p{P}+$/u.test(f) ? ['PUNCT', '.'] : /^\d/.test(f) ? ['NUM', 'CD'] : /^\p{Lu}/u.test(f) ? ['PROPN', 'NNP'] : ['NOUN', 'NN']));
      let root = tags.findIndex(([u]) => u === 'VERB');
      if (root < 0) root = 0;
      const head = forms.map((_, i) => (i === root ? 0 : root + 1));
      const rel = forms.map((_, i) => {
        const u = tags[i]![0];
        if (i === root) return 'root';
        if (u === 'PUNCT') return 'punct';
        if (u === 'AUX') return 'aux';
        if (u === 'PART' && forms[i] !== "'s") return 'advmod';
        return i < root ? 'nsubj' : 'obj';
      });
      return {
        upos: tags.map(([u]) => u), xpos: tags.map(([, x]) => x), lemma: forms.map((f) => f.toLowerCase()),
        feats: forms.map(() => '_'), head, rel,
      };
    },
  };
}
