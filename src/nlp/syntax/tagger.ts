/** Greedy left-to-right tagging with the averaged-perceptron tagger: one joint UPOS+XPOS tag per word. */
import { TAGGER_MAX_FEATURES, taggerFeatures } from './tagger-features.js';
import { argmax, type Scorer } from './weights.js';
import type { SentenceAtoms } from './words.js';

export function tagSentence(scorer: Scorer, a: SentenceAtoms): Int32Array {
  const tags = new Int32Array(a.n);
  const keys = new Uint32Array(TAGGER_MAX_FEATURES);
  const scores = new Float32Array(scorer.nClasses);
  for (let i = 0; i < a.n; i++) {
    const k = taggerFeatures(a, i, tags, keys);
    scorer.score(keys, k, scores);
    tags[i] = argmax(scores);
  }
  return tags;
}
