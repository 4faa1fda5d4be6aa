/**
 * Features of the relation labeller. Labels are chosen after the tree is built, one arc at a time, so every
 * feature may look at the whole tree: the dependent's own dependents (a "by" under an oblique, a "to" under an
 * infinitive), the head's other dependents (a "was" beside a participle makes its subject nsubj:pass), the
 * grandparent, direction and distance. Keeping labels out of the transition system keeps the parser's table
 * three classes wide.
 */
import { featureKey } from './hash.js';
import type { SentenceAtoms } from './words.js';

export const LABELLER_MAX_FEATURES = 80;

const NONE_W = 0x6e6f6e65;
const ROOT_W = 0x726f6f74;
const NONE_T = 0xfff0;
const ROOT_T = 0xfff1;

/** Dependents of each word (and of the root, at index n), in sentence order. */
export function childrenOf(heads: ArrayLike<number>, n: number): number[][] {
  const kids: number[][] = Array.from({ length: n + 1 }, () => []);
  for (let d = 0; d < n; d++) kids[heads[d]!]!.push(d);
  return kids;
}

function bucket(d: number): number {
  if (d <= 3) return d;
  if (d <= 5) return 4;
  if (d <= 8) return 5;
  return 6;
}

export function labellerFeatures(
  a: SentenceAtoms, tags: ArrayLike<number>, heads: ArrayLike<number>, kids: number[][], d: number, out: Uint32Array,
): number {
  const n = a.n;
  const W = (k: number) => (k < 0 ? NONE_W : k === n ? ROOT_W : a.lower[k]!);
  const T = (k: number) => (k < 0 ? NONE_T : k === n ? ROOT_T : tags[k]!);
  const h = heads[d]!;
  const dir = d < h ? 1 : 2;
  const dist = bucket(Math.abs(h - d));
  const dw = W(d), dp = T(d), hw = W(h), hp = T(h);
  const hh = h < n ? heads[h]! : -1;
  let k = 0;
  const f = (t: number, x: number, y = 0, z = 0) => { if (k < LABELLER_MAX_FEATURES) out[k++] = featureKey(t, x, y, z); };
  f(0, 0); f(1, dw); f(2, dp); f(3, hw); f(4, hp); f(5, dp, hp, dir); f(6, dw, hp, dir); f(7, dp, hw, dir);
  f(8, dw, hw, dir); f(9, dp, hp, dist * 4 + dir); f(10, dw, dp); f(11, hw, hp, dir);
  f(12, dp, hp, T(hh)); f(13, hp, T(hh), dir); f(14, dp, T(d - 1), T(d + 1 < n ? d + 1 : -1));
  f(15, a.suf3[d]!, dp, hp);
  const dk = kids[d]!;
  const lc = dk.length && dk[0]! < d ? dk[0]! : -1;
  const rc = dk.length && dk[dk.length - 1]! > d ? dk[dk.length - 1]! : -1;
  f(16, W(lc), dp, hp); f(17, T(lc), dp); f(18, W(rc), dp); f(19, T(rc), dp); f(20, dk.length > 3 ? 3 : dk.length, dp, hp);
  // Punctuation between head and dependent, and how many of the head's dependents lie between them.
  let commas = 0;
  const lo = Math.min(h, d), hi = Math.max(h, d);
  for (let i = lo + 1; i < hi && i < n; i++) if (a.lowerText[i] === ',') commas++;
  let between = 0;
  const hk = kids[h]!;
  for (const c of hk) if (c > lo && c < hi) between++;
  f(21, dp, hp, (commas > 2 ? 2 : commas) * 8 + dir); f(22, dp, hp, (between > 3 ? 3 : between) * 4 + dir);
  // The dependent's dependents: tags and words, with the side they are on.
  let m = 0;
  for (const c of dk) {
    if (m++ >= 8) break;
    const side = c < d ? 1 : 2;
    f(23, dp, T(c), side); f(24, dp, W(c), side);
  }
  // The head's other dependents.
  m = 0;
  for (const c of hk) {
    if (c === d) continue;
    if (m++ >= 10) break;
    const side = (c < d ? 1 : 2) + (c < h ? 4 : 8);
    f(25, hp, T(c), side); f(26, dp, hp, W(c) ^ side); f(27, dp, W(c), T(c));
  }
  f(28, d === 0 ? 1 : 0, dp, hp); f(29, h === n ? 1 : 0, dp);
  return k;
}
