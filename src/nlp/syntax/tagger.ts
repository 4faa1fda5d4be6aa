/** Greedy left-to-right tagging with the averaged-perceptron tagger: one joint UPOS+XPOS tag per word. */
import { TAGGER_MAX_FEATURES, taggerFeatures } from './tagger-features.js';
import { argmax, type Scorer } from './weights.js';
import type { SentenceAtoms } from './words.js';

/** With `ahead` (the first pass's tags), this is the second pass, which also sees the tags to the right. */
export function tagSentence(scorer: Scorer, a: SentenceAtoms, ahead?: ArrayLike<number>): Int32Array {
  const tags = new Int32Array(a.n);
  const keys = new Uint32Array(TAGGER_MAX_FEATURES);
  const scores = new Float32Array(scorer.nClasses);
  for (let i = 0; i < a.n; i++) {
    const k = taggerFeatures(a, i, tags, keys, ahead);
    scorer.score(keys, k, scores);
    tags[i] = argmax(scores);
  }
  return tags;
}
