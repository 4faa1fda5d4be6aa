/**
 * Features of the name tagger, one function for training and run time so the two cannot drift apart. A word is
 * seen through its own atoms (form, lower case, shape, affixes: the syntax model's `sentenceAtoms`), its
 * neighbours two either side, the gazetteer matches over it and its neighbours, the cue rules' word lists, and
 * the two labels already given to its left (greedy left-to-right, as the POS tagger). No part-of-speech tags:
 * with the syntax model's UPOS and XPOS the held-out F1 was 0.698, without them 0.700, and without them the tagger
 * needs no parse of the sentence.
 */
import { featureBits } from '../syntax/hash.js';
import type { SentenceAtoms } from '../syntax/words.js';
import { isCommonWord } from '../../extract/actors/vocabulary.js';
import { isGivenName } from '../../extract/actors/givennames.js';
import { TITLE_WORDS } from '../../extract/actors/lexicon.js';

export const NER_MAX_FEATURES = 64;
/**
 * The first keys nerFeatures writes (templates 100-109) read only the word's own atoms and the sentence's casing,
 * so the decoder may memoise their summed weights per form (decode.ts); keep them first and word-only.
 */
export const NER_WORD_FEATURES = 10;

/** What the tagger reads of one sentence besides its atoms. */
export interface NerContext {
  atoms: SentenceAtoms;
  /** Gazetteer kind bits and part (Gazetteer.match). */
  gazKind: Uint8Array;
  gazPart: Uint8Array;
  /** Word-list bits of each word (lexBits): the cue rules' word lists, as evidence the weights can weigh. */
  lex: Uint8Array;
}

/**
 * 1 an ordinary English word (wink's lexicon, proper nouns left out), 2 a given name, 4 a title or office word
 * ("minister", "Dr"). These lists live with the cue rules (src/extract/actors/); the tagger reads them too.
 */
export function lexBits(lower: string): number {
  let bits = LEX_BITS.get(lower);
  if (bits === undefined) {
    if (LEX_BITS.size >= 50_000) LEX_BITS.clear();
    const key = lower.replace(/\./g, '');
    bits = (isCommonWord(key) ? 1 : 0) | (isGivenName(key) ? 2 : 0) | (TITLE_WORDS.has(key) ? 4 : 0);
    LEX_BITS.set(lower, bits);
  }
  return bits;
}

/** lexBits per lower-cased form: a pure function of the form over fixed word lists, asked for every word tagged. */
const LEX_BITS = new Map<string, number>();

const START = 0x5157a27;
const END = 0xe4d0e4d;
const NO_LABEL = 0xffff;

/** Builds the context of a sentence from its atoms and gazetteer matches. */
export function nerContext(atoms: SentenceAtoms, gaz: { kind: Uint8Array; part: Uint8Array }): NerContext {
  return {
    atoms,
    gazKind: gaz.kind,
    gazPart: gaz.part,
    lex: lexBitsOf(atoms.lowerText),
  };
}

function lexBitsOf(lower: readonly string[]): Uint8Array {
  const out = new Uint8Array(lower.length);
  for (let i = 0; i < lower.length; i++) out[i] = lexBits(lower[i]!);
  return out;
}

// What word k of the sentence reads as (past either end: a marker of the distance). Functions of the module, not
// closures made per call: tsx names each closure as it is made, which cost more than the features themselves.
const lowAt = (a: SentenceAtoms, k: number): number => (k < 0 ? START + k : k >= a.n ? END + k - a.n : a.lower[k]!);
const shapeAt = (a: SentenceAtoms, k: number): number => (k < 0 ? START : k >= a.n ? END : a.shape[k]!);
const gazAt = (c: NerContext, k: number): number => (k < 0 || k >= c.atoms.n ? 0xff : c.gazKind[k]! | (c.gazPart[k]! << 5));
const flagsAt = (a: SentenceAtoms, k: number): number => (k < 0 || k >= a.n ? 0xff : a.flags[k]!);
const lexAt = (c: NerContext, k: number): number => (k < 0 || k >= c.atoms.n ? 0xff : c.lex[k]!);

/** Writes the keys of word i into `out` and returns how many; `labels` holds the labels given to words < i. */
export function nerFeatures(c: NerContext, i: number, labels: ArrayLike<number>, out: Uint32Array): number {
  const a = c.atoms;
  const t1 = i >= 1 ? labels[i - 1]! : NO_LABEL;
  const t2 = i >= 2 ? labels[i - 2]! : NO_LABEL - 1;
  const wi = a.lower[i]!;
  let f = 0;
  out[f++] = featureBits(100, 0);
  out[f++] = featureBits(101, wi);
  out[f++] = featureBits(102, a.form[i]!);
  out[f++] = featureBits(103, a.shape[i]!);
  out[f++] = featureBits(104, a.suf2[i]!);
  out[f++] = featureBits(105, a.suf3[i]!);
  out[f++] = featureBits(106, a.suf4[i]!);
  out[f++] = featureBits(107, a.pre3[i]!);
  out[f++] = featureBits(108, a.flags[i]!, a.casing);
  out[f++] = featureBits(109, a.lastPart[i]!);
  out[f++] = featureBits(110, lowAt(a, i - 1));
  out[f++] = featureBits(111, lowAt(a, i + 1));
  out[f++] = featureBits(112, lowAt(a, i - 2));
  out[f++] = featureBits(113, lowAt(a, i + 2));
  out[f++] = featureBits(114, lowAt(a, i - 1), wi);
  out[f++] = featureBits(115, wi, lowAt(a, i + 1));
  out[f++] = featureBits(116, shapeAt(a, i - 1));
  out[f++] = featureBits(117, shapeAt(a, i + 1));
  out[f++] = featureBits(118, shapeAt(a, i - 1), a.shape[i]!, shapeAt(a, i + 1));
  out[f++] = featureBits(119, flagsAt(a, i - 1), a.flags[i]!, flagsAt(a, i + 1));
  out[f++] = featureBits(128, t1);
  out[f++] = featureBits(129, t1, t2);
  out[f++] = featureBits(130, t1, wi);
  out[f++] = featureBits(131, t1, a.shape[i]!);
  out[f++] = featureBits(133, t1, lowAt(a, i - 1));
  out[f++] = featureBits(134, gazAt(c, i));
  out[f++] = featureBits(135, gazAt(c, i), a.flags[i]!);
  out[f++] = featureBits(136, gazAt(c, i - 1), gazAt(c, i), gazAt(c, i + 1));
  out[f++] = featureBits(137, gazAt(c, i), t1);
  out[f++] = featureBits(139, lowAt(a, i - 1), a.shape[i]!);
  out[f++] = featureBits(140, a.shape[i]!, lowAt(a, i + 1));
  out[f++] = featureBits(142, lowAt(a, i - 1), lowAt(a, i - 2));
  out[f++] = featureBits(143, lowAt(a, i + 1), lowAt(a, i + 2));
  out[f++] = featureBits(145, lexAt(c, i), a.flags[i]!);
  out[f++] = featureBits(146, lexAt(c, i - 1), lexAt(c, i), flagsAt(a, i - 1));
  out[f++] = featureBits(147, lexAt(c, i), lexAt(c, i + 1), flagsAt(a, i + 1));
  out[f++] = featureBits(148, lexAt(c, i), t1);
  out[f++] = featureBits(149, lexAt(c, i), gazAt(c, i), a.flags[i]!);
  return f;
}
