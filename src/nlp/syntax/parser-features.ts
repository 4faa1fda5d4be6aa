/**
 * Features of the transition parser, after Zhang and Nivre (2011), "Transition-based dependency parsing with rich
 * non-local features", adapted to arc-hybrid: words and tags of the top three stack items and the first three
 * buffer words, the outermost dependents of s0, s1 and b0 (second order) and the next ones in (third order),
 * distance between s0 and b0, and valency (how many dependents a word already has on each side). Tags are the
 * joint UPOS+XPOS tag, so AUX and VERB readings of "has" are kept apart.
 */
import { featureBits } from './hash.js';
import type { ParseState } from './transition.js';
import { coarseOf } from './tagset.js';
import { tAt, wAt, type SentenceAtoms } from './words.js';

export const PARSER_MAX_FEATURES = 108;


function distanceBucket(d: number): number {
  if (d <= 4) return d;
  if (d <= 6) return 5;
  if (d <= 9) return 6;
  return 7;
}

export function parserFeatures(st: ParseState, a: SentenceAtoms, tags: ArrayLike<number>, out: Uint32Array): number {
  const n = st.n;
  const s0 = st.s(0);
  const s1 = st.s(1);
  const s2 = st.s(2);
  const b0 = st.b;
  // b1 and b2 may be the root (index n); past the root there is nothing.
  const b1x = b0 < n ? b0 + 1 : -1;
  const b2x = b0 + 1 < n ? b0 + 2 : -1;

  const s0w = wAt(a, n, s0), s0p = tAt(tags, n, s0), s1w = wAt(a, n, s1), s1p = tAt(tags, n, s1), s2p = tAt(tags, n, s2);
  const b0w = wAt(a, n, b0), b0p = tAt(tags, n, b0), b1w = wAt(a, n, b1x), b1p = tAt(tags, n, b1x), b2w = wAt(a, n, b2x), b2p = tAt(tags, n, b2x);
  const s0L = s0 >= 0 ? st.lc1[s0]! : -1, s0L2 = s0 >= 0 ? st.lc2[s0]! : -1;
  const s0R = s0 >= 0 ? st.rc1[s0]! : -1, s0R2 = s0 >= 0 ? st.rc2[s0]! : -1;
  const s1L = s1 >= 0 ? st.lc1[s1]! : -1, s1R = s1 >= 0 ? st.rc1[s1]! : -1, s1R2 = s1 >= 0 ? st.rc2[s1]! : -1;
  const b0L = st.lc1[b0]!, b0L2 = st.lc2[b0]!;
  const s0Lp = tAt(tags, n, s0L), s0L2p = tAt(tags, n, s0L2), s0Rp = tAt(tags, n, s0R), s0R2p = tAt(tags, n, s0R2);
  const s1Lp = tAt(tags, n, s1L), s1Rp = tAt(tags, n, s1R), s1R2p = tAt(tags, n, s1R2), b0Lp = tAt(tags, n, b0L), b0L2p = tAt(tags, n, b0L2);
  const d = s0 >= 0 ? distanceBucket(b0 - s0) : 0;
  const d1 = s1 >= 0 ? distanceBucket(s0 - s1) : 0;
  const s0vl = s0 >= 0 ? st.nLeft[s0]! : 0, s0vr = s0 >= 0 ? st.nRight[s0]! : 0;
  const s1vr = s1 >= 0 ? st.nRight[s1]! : 0, b0vl = st.nLeft[b0]!;

  let k = 0;
  // Unigrams.
  out[k++] = featureBits(0, s0w, s0p); out[k++] = featureBits(1, s0w); out[k++] = featureBits(2, s0p);
  out[k++] = featureBits(3, b0w, b0p); out[k++] = featureBits(4, b0w); out[k++] = featureBits(5, b0p);
  out[k++] = featureBits(6, b1w, b1p); out[k++] = featureBits(7, b1w); out[k++] = featureBits(8, b1p);
  out[k++] = featureBits(9, b2w, b2p); out[k++] = featureBits(10, b2w); out[k++] = featureBits(11, b2p);
  out[k++] = featureBits(12, s1w, s1p); out[k++] = featureBits(13, s1w); out[k++] = featureBits(14, s1p); out[k++] = featureBits(15, s2p);
  // Pairs.
  out[k++] = featureBits(16, s0w, s0p, b0w ^ Math.imul(b0p, 0x9e3779b1)); out[k++] = featureBits(17, s0w, s0p, b0w); out[k++] = featureBits(18, s0w, b0w, b0p);
  out[k++] = featureBits(19, s0w, s0p, b0p); out[k++] = featureBits(20, s0p, b0w, b0p); out[k++] = featureBits(21, s0w, b0w); out[k++] = featureBits(22, s0p, b0p); out[k++] = featureBits(23, b0p, b1p);
  out[k++] = featureBits(24, s1w, s1p, s0w ^ Math.imul(s0p, 0x9e3779b1)); out[k++] = featureBits(25, s1p, s0p); out[k++] = featureBits(26, s1w, s0w); out[k++] = featureBits(27, s1p, s0w); out[k++] = featureBits(28, s1w, s0p);
  out[k++] = featureBits(29, s1p, b0p); out[k++] = featureBits(30, s1w, b0w);
  // Triples of tags.
  out[k++] = featureBits(31, b0p, b1p, b2p); out[k++] = featureBits(32, s0p, b0p, b1p); out[k++] = featureBits(33, s1p, s0p, b0p); out[k++] = featureBits(34, s0p, s0Lp, b0p); out[k++] = featureBits(35, s0p, s0Rp, b0p);
  out[k++] = featureBits(36, s0p, b0p, b0Lp); out[k++] = featureBits(37, s1p, s1Rp, s0p); out[k++] = featureBits(38, s1p, s0p, s0Rp); out[k++] = featureBits(39, s1p, s0p, s0Lp); out[k++] = featureBits(40, s2p, s1p, s0p);
  out[k++] = featureBits(41, s1p, s1Lp, s0p);
  // Distance.
  out[k++] = featureBits(42, s0w, d); out[k++] = featureBits(43, s0p, d); out[k++] = featureBits(44, b0w, d); out[k++] = featureBits(45, b0p, d); out[k++] = featureBits(46, s0w, b0w, d); out[k++] = featureBits(47, s0p, b0p, d);
  out[k++] = featureBits(48, s1p, s0p, d1); out[k++] = featureBits(49, s1w, s0w, d1);
  // Valency.
  out[k++] = featureBits(50, s0w, s0vr); out[k++] = featureBits(51, s0p, s0vr); out[k++] = featureBits(52, s0w, s0vl); out[k++] = featureBits(53, s0p, s0vl); out[k++] = featureBits(54, b0w, b0vl); out[k++] = featureBits(55, b0p, b0vl);
  out[k++] = featureBits(56, s1w, s1vr); out[k++] = featureBits(57, s1p, s1vr);
  // Second order: outermost dependents.
  out[k++] = featureBits(58, wAt(a, n, s0L)); out[k++] = featureBits(59, s0Lp); out[k++] = featureBits(60, wAt(a, n, s0R)); out[k++] = featureBits(61, s0Rp); out[k++] = featureBits(62, wAt(a, n, b0L)); out[k++] = featureBits(63, b0Lp);
  out[k++] = featureBits(64, wAt(a, n, s1R)); out[k++] = featureBits(65, s1Rp); out[k++] = featureBits(66, s1Lp);
  // Third order: the next ones in, with their neighbours.
  out[k++] = featureBits(67, wAt(a, n, s0L2)); out[k++] = featureBits(68, s0L2p); out[k++] = featureBits(69, wAt(a, n, s0R2)); out[k++] = featureBits(70, s0R2p); out[k++] = featureBits(71, wAt(a, n, b0L2)); out[k++] = featureBits(72, b0L2p);
  out[k++] = featureBits(73, s0p, s0Lp, s0L2p); out[k++] = featureBits(74, s0p, s0Rp, s0R2p); out[k++] = featureBits(75, b0p, b0Lp, b0L2p); out[k++] = featureBits(76, s1p, s1Rp, s1R2p);
  // Lexicalised combinations that carry attachment preferences (prepositions, particles, coordination).
  out[k++] = featureBits(77, s0w, s0p, b1p); out[k++] = featureBits(78, b0w, b0p, s1p); out[k++] = featureBits(79, s0p, b0w, b1p); out[k++] = featureBits(80, s1w, s0p, b0p);
  out[k++] = featureBits(81, s0w, b0p, b1p); out[k++] = featureBits(82, wAt(a, n, s0L), s0p, b0p); out[k++] = featureBits(83, wAt(a, n, s0R), s0w, b0p); out[k++] = featureBits(84, wAt(a, n, s1R), s1p, s0p);
  out[k++] = featureBits(85, s0p, b0p, b1w); out[k++] = featureBits(86, s0p, s1p, s2p ^ Math.imul(b0p, 31)); out[k++] = featureBits(87, s0p, b0p, s0vl * 16 + s0vr);
  out[k++] = featureBits(88, b0w, b0p, b0vl); out[k++] = featureBits(89, s1p, s0p, b0p ^ Math.imul(b1p, 131)); out[k++] = featureBits(90, b0p, wAt(a, n, b0L), b0Lp);
  // Coarse tags (UPOS alone) of the core positions, for pairs and triples that generalise over rare XPOS pairs.
  const s0c = coarseOf(s0p), s1c = coarseOf(s1p), b0c = coarseOf(b0p), b1c = coarseOf(b1p);
  const s0Lc = coarseOf(s0Lp), s0Rc = coarseOf(s0Rp), b0Lc = coarseOf(b0Lp);
  out[k++] = featureBits(94, s0c, b0c); out[k++] = featureBits(95, s0c, b0c, b1c); out[k++] = featureBits(96, s1c, s0c, b0c);
  out[k++] = featureBits(97, s0c, s0Lc, b0c); out[k++] = featureBits(98, s0c, s0Rc, b0c); out[k++] = featureBits(99, s0c, b0c, b0Lc);
  out[k++] = featureBits(100, s0w, b0c); out[k++] = featureBits(101, s0c, b0w); out[k++] = featureBits(102, s1c, s0c, d1);
  out[k++] = featureBits(103, s0c, b0c, d);
  // Clause boundaries: commas or semicolons between s0 and b0, and between s1 and s0.
  const pb = s0 >= 0 ? Math.min(2, a.punctBefore[b0]! - a.punctBefore[s0 + 1]!) : 3;
  const p1 = s1 >= 0 ? Math.min(2, a.punctBefore[s0]! - a.punctBefore[s1 + 1]!) : 3;
  out[k++] = featureBits(91, s0p, b0p, pb); out[k++] = featureBits(92, s1p, s0p, p1); out[k++] = featureBits(93, s0w, b0p, pb);
  return k;
}
