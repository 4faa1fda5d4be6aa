/**
 * Features of the transition parser, after Zhang and Nivre (2011), "Transition-based dependency parsing with rich
 * non-local features", adapted to arc-hybrid: words and tags of the top three stack items and the first three
 * buffer words, the outermost dependents of s0, s1 and b0 (second order) and the next ones in (third order),
 * distance between s0 and b0, and valency (how many dependents a word already has on each side). Tags are the
 * joint UPOS+XPOS tag, so AUX and VERB readings of "has" are kept apart.
 */
import { featureKey } from './hash.js';
import type { ParseState } from './transition.js';
import type { SentenceAtoms } from './words.js';

export const PARSER_MAX_FEATURES = 96;

const NONE_W = 0x6e6f6e65;
const ROOT_W = 0x726f6f74;
const NONE_T = 0xfff0;
const ROOT_T = 0xfff1;

function distanceBucket(d: number): number {
  if (d <= 4) return d;
  if (d <= 6) return 5;
  if (d <= 9) return 6;
  return 7;
}

export function parserFeatures(st: ParseState, a: SentenceAtoms, tags: ArrayLike<number>, out: Uint32Array): number {
  const n = st.n;
  const W = (k: number) => (k < 0 ? NONE_W : k === n ? ROOT_W : a.lower[k]!);
  const T = (k: number) => (k < 0 ? NONE_T : k === n ? ROOT_T : tags[k]!);
  const s0 = st.s(0);
  const s1 = st.s(1);
  const s2 = st.s(2);
  const b0 = st.b;
  // b1 and b2 may be the root (index n); past the root there is nothing.
  const b1x = b0 < n ? b0 + 1 : -1;
  const b2x = b0 + 1 < n ? b0 + 2 : -1;

  const s0w = W(s0), s0p = T(s0), s1w = W(s1), s1p = T(s1), s2p = T(s2);
  const b0w = W(b0), b0p = T(b0), b1w = W(b1x), b1p = T(b1x), b2w = W(b2x), b2p = T(b2x);
  const s0L = s0 >= 0 ? st.lc1[s0]! : -1, s0L2 = s0 >= 0 ? st.lc2[s0]! : -1;
  const s0R = s0 >= 0 ? st.rc1[s0]! : -1, s0R2 = s0 >= 0 ? st.rc2[s0]! : -1;
  const s1L = s1 >= 0 ? st.lc1[s1]! : -1, s1R = s1 >= 0 ? st.rc1[s1]! : -1, s1R2 = s1 >= 0 ? st.rc2[s1]! : -1;
  const b0L = st.lc1[b0]!, b0L2 = st.lc2[b0]!;
  const s0Lp = T(s0L), s0L2p = T(s0L2), s0Rp = T(s0R), s0R2p = T(s0R2);
  const s1Lp = T(s1L), s1Rp = T(s1R), s1R2p = T(s1R2), b0Lp = T(b0L), b0L2p = T(b0L2);
  const d = s0 >= 0 ? distanceBucket(b0 - s0) : 0;
  const d1 = s1 >= 0 ? distanceBucket(s0 - s1) : 0;
  const s0vl = s0 >= 0 ? st.nLeft[s0]! : 0, s0vr = s0 >= 0 ? st.nRight[s0]! : 0;
  const s1vr = s1 >= 0 ? st.nRight[s1]! : 0, b0vl = st.nLeft[b0]!;

  let k = 0;
  const f = (t: number, x: number, y = 0, z = 0) => { out[k++] = featureKey(t, x, y, z); };
  // Unigrams.
  f(0, s0w, s0p); f(1, s0w); f(2, s0p);
  f(3, b0w, b0p); f(4, b0w); f(5, b0p);
  f(6, b1w, b1p); f(7, b1w); f(8, b1p);
  f(9, b2w, b2p); f(10, b2w); f(11, b2p);
  f(12, s1w, s1p); f(13, s1w); f(14, s1p); f(15, s2p);
  // Pairs.
  f(16, s0w, s0p, b0w ^ Math.imul(b0p, 0x9e3779b1)); f(17, s0w, s0p, b0w); f(18, s0w, b0w, b0p);
  f(19, s0w, s0p, b0p); f(20, s0p, b0w, b0p); f(21, s0w, b0w); f(22, s0p, b0p); f(23, b0p, b1p);
  f(24, s1w, s1p, s0w ^ Math.imul(s0p, 0x9e3779b1)); f(25, s1p, s0p); f(26, s1w, s0w); f(27, s1p, s0w); f(28, s1w, s0p);
  f(29, s1p, b0p); f(30, s1w, b0w);
  // Triples of tags.
  f(31, b0p, b1p, b2p); f(32, s0p, b0p, b1p); f(33, s1p, s0p, b0p); f(34, s0p, s0Lp, b0p); f(35, s0p, s0Rp, b0p);
  f(36, s0p, b0p, b0Lp); f(37, s1p, s1Rp, s0p); f(38, s1p, s0p, s0Rp); f(39, s1p, s0p, s0Lp); f(40, s2p, s1p, s0p);
  f(41, s1p, s1Lp, s0p);
  // Distance.
  f(42, s0w, d); f(43, s0p, d); f(44, b0w, d); f(45, b0p, d); f(46, s0w, b0w, d); f(47, s0p, b0p, d);
  f(48, s1p, s0p, d1); f(49, s1w, s0w, d1);
  // Valency.
  f(50, s0w, s0vr); f(51, s0p, s0vr); f(52, s0w, s0vl); f(53, s0p, s0vl); f(54, b0w, b0vl); f(55, b0p, b0vl);
  f(56, s1w, s1vr); f(57, s1p, s1vr);
  // Second order: outermost dependents.
  f(58, W(s0L)); f(59, s0Lp); f(60, W(s0R)); f(61, s0Rp); f(62, W(b0L)); f(63, b0Lp);
  f(64, W(s1R)); f(65, s1Rp); f(66, s1Lp);
  // Third order: the next ones in, with their neighbours.
  f(67, W(s0L2)); f(68, s0L2p); f(69, W(s0R2)); f(70, s0R2p); f(71, W(b0L2)); f(72, b0L2p);
  f(73, s0p, s0Lp, s0L2p); f(74, s0p, s0Rp, s0R2p); f(75, b0p, b0Lp, b0L2p); f(76, s1p, s1Rp, s1R2p);
  // Lexicalised combinations that carry attachment preferences (prepositions, particles, coordination).
  f(77, s0w, s0p, b1p); f(78, b0w, b0p, s1p); f(79, s0p, b0w, b1p); f(80, s1w, s0p, b0p);
  f(81, s0w, b0p, b1p); f(82, W(s0L), s0p, b0p); f(83, W(s0R), s0w, b0p); f(84, W(s1R), s1p, s0p);
  f(85, s0p, b0p, b1w); f(86, s0p, s1p, s2p ^ Math.imul(b0p, 31)); f(87, s0p, b0p, s0vl * 16 + s0vr);
  f(88, b0w, b0p, b0vl); f(89, s1p, s0p, b0p ^ Math.imul(b1p, 131)); f(90, b0p, W(b0L), b0Lp);
  return k;
}
