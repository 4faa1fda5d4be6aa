/** Greedy left-to-right tagging with the averaged-perceptron tagger: one joint UPOS+XPOS tag per word. */
import { TAGGER_MAX_FEATURES, TAGGER_WORD_FEATURES, taggerFeatures } from './tagger-features.js';
import { argmax, type Scorer, type WeightTable } from './weights.js';
import type { SentenceAtoms } from './words.js';

/**
 * Words that (nearly) always take one tag in the training data ("the", "of", "said"): they are tagged from this
 * table without scoring, which skips about half the words of news text. Lower-cased normalised form → tag id.
 */
export type TagDictionary = ReadonlyMap<string, number>;

/**
 * The summed weights of a word's own features (the first TAGGER_WORD_FEATURES keys: the word, its affixes, shape
 * and flags) in one tagging pass, per word form. Those features come first, so the rest of a word's score adds
 * onto the cached sum exactly as it would onto the freshly summed one: the tags are the same floats' argmax
 * either way. Keyed by the normalised form (and whether it starts the sentence, which is one of its flags) and
 * bounded: when full it is emptied, so what it returns never depends on what was tagged before.
 */
export class WordScoreCache {
  private readonly first = new Map<string, Float32Array>();
  private readonly other = new Map<string, Float32Array>();
  constructor(readonly table: WeightTable, private readonly limit = 20_000) {}

  /** Adds the word features' weights (keys[0..TAGGER_WORD_FEATURES)) to `scores`, which must be all zero. */
  wordScores(form: string, first: boolean, keys: Uint32Array, scores: Float32Array): void {
    const map = first ? this.first : this.other;
    let part = map.get(form);
    if (part === undefined) {
      if (map.size >= this.limit) map.clear();
      part = new Float32Array(this.table.nClasses);
      this.table.add(keys, 0, TAGGER_WORD_FEATURES, part);
      map.set(form, part);
    }
    scores.set(part);
  }
}

/**
 * With `ahead` (the first pass's tags), this is the second pass, which also sees the tags to the right. With a
 * cache (of the scorer's own table), a word's own features are summed once per form.
 */
export function tagSentence(scorer: Scorer, a: SentenceAtoms, ahead?: ArrayLike<number>, dict?: TagDictionary,
  cache?: WordScoreCache): Int32Array {
  const tags = new Int32Array(a.n);
  const keys = new Uint32Array(TAGGER_MAX_FEATURES);
  const scores = new Float32Array(scorer.nClasses);
  for (let i = 0; i < a.n; i++) {
    const known = dict?.get(a.lowerText[i]!);
    if (known !== undefined) {
      tags[i] = known;
      continue;
    }
    const k = taggerFeatures(a, i, tags, keys, ahead);
    if (cache) {
      cache.wordScores(a.formText[i]!, i === 0, keys, scores);
      cache.table.add(keys, TAGGER_WORD_FEATURES, k, scores);
    } else {
      scorer.score(keys, k, scores);
    }
    tags[i] = argmax(scores);
  }
  return tags;
}
