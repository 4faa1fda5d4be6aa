/**
 * Features of the part-of-speech tagger: the word, its affixes and shape, the words two either side, and the
 * two tags already predicted to its left (a greedy left-to-right averaged perceptron, as in Collins 2002 and
 * Honnibal's tagger). The same function feeds training and run time, so the two can never drift apart.
 */
import { featureBits } from './hash.js';
import type { SentenceAtoms } from './words.js';

export const TAGGER_MAX_FEATURES = 64;
/**
 * The first keys taggerFeatures writes (templates 0-9) read only the word itself: its form, affixes, shape and
 * flags. The tagger caches their summed weights per word form (tagger.ts); keep them first and word-only.
 */
export const TAGGER_WORD_FEATURES = 10;

const START = [0x5a17, 0x5a18];
const END = [0xe7d1, 0xe7d2];

/**
 * What a lexicon says of each word of a sentence, as atoms (0: it says nothing): `cls`, the set of tags the
 * training treebanks gave the word (its ambiguity class), and `verb`, the verb forms an event dictionary lists it
 * as ("froze": a past form). Both are properties of the word type, so they generalise where the word's own
 * weights are thin: every word of the class "NOUN NN|VERB VB" shares what the context says of that class.
 */
export interface LexAtoms {
  cls: Uint32Array;
  verb: Uint32Array;
}

const NO_LEX = 0x6e6c6578;

/** Tag id used for positions before the sentence start. */
export const NO_TAG = 0xffff;

function wAt(a: SentenceAtoms, k: number): number {
  return k < 0 ? START[-k - 1]! : k >= a.n ? END[k - a.n]! : a.lower[k]!;
}

/**
 * Writes the keys of position i into `out` and returns how many. `tags` holds the tags predicted so far
 * (positions < i).
 */
export function taggerFeatures(a: SentenceAtoms, i: number, tags: ArrayLike<number>, out: Uint32Array, ahead?: ArrayLike<number>,
  lex?: LexAtoms): number {
  let n = 0;
  const t1 = i >= 1 ? tags[i - 1]! : NO_TAG;
  const t2 = i >= 2 ? tags[i - 2]! : NO_TAG - 1;
  const wi = a.lower[i]!;
  out[n++] = featureBits(0, 0);
  out[n++] = featureBits(1, wi);
  out[n++] = featureBits(2, a.suf1[i]!);
  out[n++] = featureBits(3, a.suf2[i]!);
  out[n++] = featureBits(4, a.suf3[i]!);
  out[n++] = featureBits(5, a.suf4[i]!);
  out[n++] = featureBits(6, a.pre1[i]!);
  out[n++] = featureBits(7, a.pre3[i]!);
  out[n++] = featureBits(8, a.shape[i]!);
  out[n++] = featureBits(9, a.flags[i]!);
  out[n++] = featureBits(10, t1);
  out[n++] = featureBits(11, t2);
  out[n++] = featureBits(12, t1, t2);
  out[n++] = featureBits(13, t1, wi);
  out[n++] = featureBits(14, wAt(a, i - 1));
  out[n++] = featureBits(15, wAt(a, i - 2));
  out[n++] = featureBits(16, wAt(a, i + 1));
  out[n++] = featureBits(17, wAt(a, i + 2));
  out[n++] = featureBits(18, wAt(a, i - 1), wi);
  out[n++] = featureBits(19, wi, wAt(a, i + 1));
  out[n++] = featureBits(20, i >= 1 ? a.suf3[i - 1]! : START[0]!);
  out[n++] = featureBits(21, i + 1 < a.n ? a.suf3[i + 1]! : END[0]!);
  out[n++] = featureBits(22, i + 1 < a.n ? a.shape[i + 1]! : END[0]!);
  out[n++] = featureBits(23, i >= 1 ? a.shape[i - 1]! : START[0]!);
  out[n++] = featureBits(24, t1, a.suf3[i]!);
  out[n++] = featureBits(25, a.flags[i]!, a.suf3[i]!);
  out[n++] = featureBits(26, t1, wAt(a, i + 1));
  out[n++] = featureBits(27, wAt(a, i + 1), wAt(a, i + 2));
  out[n++] = featureBits(28, wAt(a, i - 1), wAt(a, i + 1));
  out[n++] = featureBits(29, i + 1 < a.n ? a.suf2[i + 1]! : END[0]!, wi);
  out[n++] = featureBits(30, a.form[i]!);
  out[n++] = featureBits(31, i + 1 < a.n ? a.form[i + 1]! : END[0]!);
  out[n++] = featureBits(32, i >= 1 ? a.form[i - 1]! : START[0]!);
  out[n++] = featureBits(33, a.suf3[i]!, wAt(a, i + 1));
  out[n++] = featureBits(34, t1, a.shape[i]!);
  out[n++] = featureBits(35, wAt(a, i - 1), a.suf3[i]!);
  out[n++] = featureBits(36, a.flags[i]!, a.casing);
  out[n++] = featureBits(37, a.suf3[i]!, a.flags[i]!, a.casing);
  out[n++] = featureBits(38, a.lastPart[i]!);
  if (lex) {
    // The word's ambiguity class alone, with the tag before, and with its neighbours' classes and words; the
    // event dictionary's verb reading alone, with the tag before and with the word before ("to" + base form).
    const c0 = lex.cls[i]!, cNext = i + 1 < a.n ? lex.cls[i + 1]! : NO_LEX, cPrev = i >= 1 ? lex.cls[i - 1]! : NO_LEX;
    const v0 = lex.verb[i]!;
    out[n++] = featureBits(50, c0);
    out[n++] = featureBits(51, c0, t1);
    out[n++] = featureBits(52, c0, cNext);
    out[n++] = featureBits(53, cPrev, c0);
    out[n++] = featureBits(54, c0, wAt(a, i + 1));
    out[n++] = featureBits(55, c0, t1, t2);
    out[n++] = featureBits(56, v0);
    out[n++] = featureBits(57, v0, t1);
    out[n++] = featureBits(58, v0, wAt(a, i - 1));
    out[n++] = featureBits(59, v0, c0);
  }
  if (ahead) {
    // Second pass: the first pass's tags, for the right context a left-to-right tagger cannot see.
    const f0 = ahead[i]!;
    const f1 = i + 1 < a.n ? ahead[i + 1]! : NO_TAG - 2;
    const f2 = i + 2 < a.n ? ahead[i + 2]! : NO_TAG - 3;
    out[n++] = featureBits(40, f0);
    out[n++] = featureBits(41, f1);
    out[n++] = featureBits(42, f2);
    out[n++] = featureBits(43, f1, f2);
    out[n++] = featureBits(44, t1, f1);
    out[n++] = featureBits(45, f1, wi);
    out[n++] = featureBits(46, f0, wi);
    out[n++] = featureBits(47, t1, f0, f1);
    out[n++] = featureBits(48, f1, a.suf3[i]!);
    if (lex) out[n++] = featureBits(49, lex.cls[i]!, f1);
  }
  return n;
}
