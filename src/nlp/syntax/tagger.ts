/** Greedy left-to-right tagging with the averaged-perceptron tagger: one joint UPOS+XPOS tag per word. */
import { TAGGER_MAX_FEATURES, taggerFeatures } from './tagger-features.js';
import { argmax, type Scorer } from './weights.js';
import type { SentenceAtoms } from './words.js';

/**
 * Words that (nearly) always take one tag in the training data ("the", "of", "said"): they are tagged from this
 * table without scoring, which skips about half the words of news text. Lower-cased normalised form → tag id.
 */
export type TagDictionary = ReadonlyMap<string, number>;

/** With `ahead` (the first pass's tags), this is the second pass, which also sees the tags to the right. */
export function tagSentence(scorer: Scorer, a: SentenceAtoms, ahead?: ArrayLike<number>, dict?: TagDictionary): Int32Array {
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
    scorer.score(keys, k, scores);
    tags[i] = argmax(scores);
  }
  return tags;
}
