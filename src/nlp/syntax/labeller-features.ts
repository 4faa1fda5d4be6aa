/**
 * Features of the relation labeller. Labels are chosen after the tree is built, one arc at a time, so every
 * feature may look at the whole tree: the dependent's own dependents (a "by" under an oblique, a "to" under an
 * infinitive), the head's other dependents (a "was" beside a participle makes its subject nsubj:pass), the
 * grandparent, direction and distance. Keeping labels out of the transition system keeps the parser's table
 * three classes wide.
 */
import { featureBits } from './hash.js';
import { tAt, wAt, type SentenceAtoms } from './words.js';

export const LABELLER_MAX_FEATURES = 80;


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
  const h = heads[d]!;
  const dir = d < h ? 1 : 2;
  const dist = bucket(Math.abs(h - d));
  const dw = wAt(a, n, d), dp = tAt(tags, n, d), hw = wAt(a, n, h), hp = tAt(tags, n, h);
  const hh = h < n ? heads[h]! : -1;
  let k = 0;
  out[k++] = featureBits(0, 0); out[k++] = featureBits(1, dw); out[k++] = featureBits(2, dp); out[k++] = featureBits(3, hw); out[k++] = featureBits(4, hp); out[k++] = featureBits(5, dp, hp, dir); out[k++] = featureBits(6, dw, hp, dir); out[k++] = featureBits(7, dp, hw, dir);
  out[k++] = featureBits(8, dw, hw, dir); out[k++] = featureBits(9, dp, hp, dist * 4 + dir); out[k++] = featureBits(10, dw, dp); out[k++] = featureBits(11, hw, hp, dir);
  out[k++] = featureBits(12, dp, hp, tAt(tags, n, hh)); out[k++] = featureBits(13, hp, tAt(tags, n, hh), dir); out[k++] = featureBits(14, dp, tAt(tags, n, d - 1), tAt(tags, n, d + 1 < n ? d + 1 : -1));
  out[k++] = featureBits(15, a.suf3[d]!, dp, hp);
  const dk = kids[d]!;
  const lc = dk.length && dk[0]! < d ? dk[0]! : -1;
  const rc = dk.length && dk[dk.length - 1]! > d ? dk[dk.length - 1]! : -1;
  out[k++] = featureBits(16, wAt(a, n, lc), dp, hp); out[k++] = featureBits(17, tAt(tags, n, lc), dp); out[k++] = featureBits(18, wAt(a, n, rc), dp); out[k++] = featureBits(19, tAt(tags, n, rc), dp); out[k++] = featureBits(20, dk.length > 3 ? 3 : dk.length, dp, hp);
  // Punctuation between head and dependent, and how many of the head's dependents lie between them.
  let commas = 0;
  const lo = Math.min(h, d), hi = Math.max(h, d);
  for (let i = lo + 1; i < hi && i < n; i++) if (a.lowerText[i] === ',') commas++;
  let between = 0;
  const hk = kids[h]!;
  for (const c of hk) if (c > lo && c < hi) between++;
  out[k++] = featureBits(21, dp, hp, (commas > 2 ? 2 : commas) * 8 + dir); out[k++] = featureBits(22, dp, hp, (between > 3 ? 3 : between) * 4 + dir);
  // The dependent's dependents: tags and words, with the side they are on.
  let m = 0;
  for (const c of dk) {
    if (m++ >= 8) break;
    const side = c < d ? 1 : 2;
    out[k++] = featureBits(23, dp, tAt(tags, n, c), side); out[k++] = featureBits(24, dp, wAt(a, n, c), side);
  }
  // The head's other dependents.
  m = 0;
  for (const c of hk) {
    if (c === d) continue;
    if (m++ >= 10) break;
    const side = (c < d ? 1 : 2) + (c < h ? 4 : 8);
    out[k++] = featureBits(25, hp, tAt(tags, n, c), side); out[k++] = featureBits(26, dp, hp, wAt(a, n, c) ^ side); out[k++] = featureBits(27, dp, wAt(a, n, c), tAt(tags, n, c));
  }
  out[k++] = featureBits(28, d === 0 ? 1 : 0, dp, hp); out[k++] = featureBits(29, h === n ? 1 : 0, dp);
  return k;
}
