/**
 * Features of the part-of-speech tagger: the word, its affixes and shape, the words two either side, and the
 * two tags already predicted to its left (a greedy left-to-right averaged perceptron, as in Collins 2002 and
 * Honnibal's tagger). The same function feeds training and run time, so the two can never drift apart.
 */
import { featureKey } from './hash.js';
import type { SentenceAtoms } from './words.js';

export const TAGGER_MAX_FEATURES = 40;

const START = [0x5a17, 0x5a18];
const END = [0xe7d1, 0xe7d2];

/** Tag id used for positions before the sentence start. */
export const NO_TAG = 0xffff;

/**
 * Writes the keys of position i into `out` and returns how many. `tags` holds the tags predicted so far
 * (positions < i).
 */
export function taggerFeatures(a: SentenceAtoms, i: number, tags: ArrayLike<number>, out: Uint32Array): number {
  let n = 0;
  const w = (k: number) => (k < 0 ? START[-k - 1]! : k >= a.n ? END[k - a.n]! : a.lower[k]!);
  const t1 = i >= 1 ? tags[i - 1]! : NO_TAG;
  const t2 = i >= 2 ? tags[i - 2]! : NO_TAG - 1;
  const wi = a.lower[i]!;
  out[n++] = featureKey(0, 0);
  out[n++] = featureKey(1, wi);
  out[n++] = featureKey(2, a.suf1[i]!);
  out[n++] = featureKey(3, a.suf2[i]!);
  out[n++] = featureKey(4, a.suf3[i]!);
  out[n++] = featureKey(5, a.suf4[i]!);
  out[n++] = featureKey(6, a.pre1[i]!);
  out[n++] = featureKey(7, a.pre3[i]!);
  out[n++] = featureKey(8, a.shape[i]!);
  out[n++] = featureKey(9, a.flags[i]!);
  out[n++] = featureKey(10, t1);
  out[n++] = featureKey(11, t2);
  out[n++] = featureKey(12, t1, t2);
  out[n++] = featureKey(13, t1, wi);
  out[n++] = featureKey(14, w(i - 1));
  out[n++] = featureKey(15, w(i - 2));
  out[n++] = featureKey(16, w(i + 1));
  out[n++] = featureKey(17, w(i + 2));
  out[n++] = featureKey(18, w(i - 1), wi);
  out[n++] = featureKey(19, wi, w(i + 1));
  out[n++] = featureKey(20, i >= 1 ? a.suf3[i - 1]! : START[0]!);
  out[n++] = featureKey(21, i + 1 < a.n ? a.suf3[i + 1]! : END[0]!);
  out[n++] = featureKey(22, i + 1 < a.n ? a.shape[i + 1]! : END[0]!);
  out[n++] = featureKey(23, i >= 1 ? a.shape[i - 1]! : START[0]!);
  out[n++] = featureKey(24, t1, a.suf3[i]!);
  out[n++] = featureKey(25, a.flags[i]!, a.suf3[i]!);
  out[n++] = featureKey(26, t1, w(i + 1));
  out[n++] = featureKey(27, w(i + 1), w(i + 2));
  out[n++] = featureKey(28, w(i - 1), w(i + 1));
  out[n++] = featureKey(29, i + 1 < a.n ? a.suf2[i + 1]! : END[0]!, wi);
  return n;
}
