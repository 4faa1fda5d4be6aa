/**
 * Features of the arc labeller, which names each arc the moment the parser makes it, so that later moves can read
 * the relations already built (Zhang and Nivre 2011's label and label-set features). At that moment the
 * dependent's subtree is complete (arc-hybrid attaches a word when it leaves the stack) and the head has the
 * dependents it has gathered so far: for a passive subject the "was" beside the participle is already there.
 */
import { featureKey } from './hash.js';
import type { ParseState } from './transition.js';
import type { SentenceAtoms } from './words.js';

export const ARC_LABEL_MAX_FEATURES = 40;

const NONE_W = 0x6e6f6e65;
const ROOT_W = 0x726f6f74;
const NONE_T = 0xfff0;
const ROOT_T = 0xfff1;
const NONE_L = 0xfe;

function wAt(a: SentenceAtoms, n: number, k: number): number {
  return k < 0 ? NONE_W : k === n ? ROOT_W : a.lower[k]!;
}

function tAt(tags: ArrayLike<number>, n: number, k: number): number {
  return k < 0 ? NONE_T : k === n ? ROOT_T : tags[k]!;
}

function lAt(st: ParseState, k: number): number {
  return k < 0 || k >= st.n ? NONE_L : st.labels[k]! < 0 ? NONE_L : st.labels[k]!;
}

function bucket(d: number): number {
  if (d <= 3) return d;
  if (d <= 5) return 4;
  if (d <= 8) return 5;
  return 6;
}

/** Keys for labelling the arc h → d that the parser is about to make in state `st`. */
export function arcLabelFeatures(st: ParseState, a: SentenceAtoms, tags: ArrayLike<number>, h: number, d: number,
  out: Uint32Array): number {
  const n = st.n;
  const dir = d < h ? 1 : 2;
  const dist = bucket(Math.abs(h - d));
  const dw = wAt(a, n, d), dp = tAt(tags, n, d), hw = wAt(a, n, h), hp = tAt(tags, n, h);
  const dL = st.lc1[d]!, dR = st.rc1[d]!, hL = st.lc1[h]!, hR = st.rc1[h]!;
  const lo = Math.min(h, d), hi = Math.min(Math.max(h, d), n);
  const commas = Math.min(2, a.punctBefore[hi]! - a.punctBefore[lo + 1]!);
  // The word after the arc's span: what follows a dependent attached to its left (RIGHT) or the head (LEFT).
  const next = Math.max(h, d) + 1 < n ? Math.max(h, d) + 1 : -1;
  let k = 0;
  out[k++] = featureKey(0, 0);
  out[k++] = featureKey(1, dw);
  out[k++] = featureKey(2, dp);
  out[k++] = featureKey(3, hw);
  out[k++] = featureKey(4, hp);
  out[k++] = featureKey(5, dp, hp, dir);
  out[k++] = featureKey(6, dw, hp, dir);
  out[k++] = featureKey(7, dp, hw, dir);
  out[k++] = featureKey(8, dw, hw, dir);
  out[k++] = featureKey(9, dp, hp, dist * 4 + dir);
  out[k++] = featureKey(10, a.suf3[d]!, dp, hp);
  out[k++] = featureKey(11, dp, tAt(tags, n, dL), lAt(st, dL));
  out[k++] = featureKey(12, dp, wAt(a, n, dL), hp);
  out[k++] = featureKey(13, dp, tAt(tags, n, dR), lAt(st, dR));
  out[k++] = featureKey(14, dp, wAt(a, n, dR));
  out[k++] = featureKey(15, dp, st.leftLo[d]!, st.leftHi[d]!);
  out[k++] = featureKey(16, dp, st.rightLo[d]!, st.rightHi[d]!);
  out[k++] = featureKey(17, hp, st.leftLo[h]!, st.leftHi[h]! ^ (dir << 28));
  out[k++] = featureKey(18, hp, st.rightLo[h]!, st.rightHi[h]! ^ (dir << 28));
  out[k++] = featureKey(19, hp, wAt(a, n, hL), dp);
  out[k++] = featureKey(20, hp, tAt(tags, n, hL), lAt(st, hL));
  out[k++] = featureKey(21, hp, tAt(tags, n, hR), lAt(st, hR));
  out[k++] = featureKey(22, dp, hp, tAt(tags, n, next));
  out[k++] = featureKey(23, dp, tAt(tags, n, d - 1), tAt(tags, n, d + 1 < n ? d + 1 : -1));
  out[k++] = featureKey(24, dp, hp, commas * 4 + dir);
  out[k++] = featureKey(25, d === 0 ? 1 : 0, dp, hp);
  out[k++] = featureKey(26, dw, dp, dir);
  out[k++] = featureKey(27, hw, hp, dir);
  out[k++] = featureKey(28, dw, wAt(a, n, dL));
  out[k++] = featureKey(29, hw, wAt(a, n, hL), dir);
  return k;
}
