/**
 * Near-duplicate detection: MinHash signatures over word shingles, with LSH bands so the store finds candidates by
 * index instead of comparing with every document. Syndicated copies and lightly edited versions share most
 * shingles; an estimated Jaccard similarity of 0.8 or more links a document to the first one stored.
 */
import { foldText } from '../nlp/fold.js';

const SHINGLE = 5;
export const NUM_HASHES = 64;
const ROWS_PER_BAND = 4; // 16 bands of 4: pairs at 0.8 similarity collide in some band with probability ≈ 0.999.
export const NEAR_DUPLICATE_THRESHOLD = 0.8;

// Fixed odd multipliers and offsets for the hash family, derived from a simple deterministic generator so that
// signatures are stable across runs and machines.
const SEEDS: Array<[number, number]> = Array.from({ length: NUM_HASHES }, (_, i) => {
  let x = (i + 1) * 0x9e3779b1;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  const a = (x | 1) >>> 0;
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return [a, (x ^ (x >>> 16)) >>> 0];
});

/** 32-bit FNV-1a of a string. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function shingleHashes(text: string): Set<number> {
  const words = foldText(text).toLowerCase().match(/[a-z0-9]+/g) ?? [];
  const out = new Set<number>();
  if (words.length < SHINGLE) {
    if (words.length) out.add(fnv1a(words.join(' ')));
    return out;
  }
  for (let i = 0; i + SHINGLE <= words.length; i++) out.add(fnv1a(words.slice(i, i + SHINGLE).join(' ')));
  return out;
}

/** The MinHash signature: for each hash function, the minimum over the shingles. Values fit in an int4 column. */
export function minhash(text: string): number[] {
  const sig = new Array<number>(NUM_HASHES).fill(0x7fffffff);
  for (const h of shingleHashes(text)) {
    for (let k = 0; k < NUM_HASHES; k++) {
      const [a, b] = SEEDS[k]!;
      const v = ((Math.imul(h, a) + b) >>> 1) & 0x7fffffff;
      if (v < sig[k]!) sig[k] = v;
    }
  }
  return sig;
}

/** One hash per LSH band. */
export function lshBands(sig: number[]): number[] {
  const bands: number[] = [];
  for (let b = 0; b < NUM_HASHES; b += ROWS_PER_BAND) bands.push(fnv1a(sig.slice(b, b + ROWS_PER_BAND).join(',')) | 0);
  return bands;
}

/** Estimated Jaccard similarity of the shingle sets behind two signatures. */
export function similarity(a: number[], b: number[]): number {
  let same = 0;
  for (let k = 0; k < NUM_HASHES; k++) if (a[k] === b[k]) same++;
  return same / NUM_HASHES;
}
