/**
 * The run-time weight table of one averaged-perceptron classifier: feature keys in an open-addressing hash table,
 * each pointing at a sparse row of (class, weight) pairs. Perceptron rows are sparse (a word feature is only
 * ever updated for the few classes it was confused with), so a sparse row keeps a 108-class tagger small and
 * makes scoring cost the number of non-zero weights, not features × classes.
 */

export interface WeightTableData {
  nClasses: number;
  /** The feature key of each row (non-zero, distinct). */
  rowKeys: Uint32Array;
  /** CSR rows: the non-zeros of row r are rowStart[r] .. rowStart[r+1]. */
  rowStart: Uint32Array;
  cls: Uint16Array;
  weight: Float32Array;
}

/** What tagging and parsing need of a weight table: the trainer's table and the run-time one both provide it. */
export interface Scorer {
  readonly nClasses: number;
  score(keys: Uint32Array, n: number, scores: Float32Array): void;
}

/**
 * The run-time layout favours the cache, since a probe that misses it costs more than all the arithmetic around
 * it: a narrow table (the parser's three moves) keeps the key and the row's weights in one 16-byte slot, so a
 * feature costs one memory access; a wide sparse table keeps the key with its row's bounds, and each row's
 * (class, weight) pairs side by side, so a feature costs two.
 */
export class WeightTable implements Scorer {
  readonly nClasses: number;
  private readonly mask: number;
  /** Slot width in 32-bit words: 1 + nClasses for a dense table, 3 (key, start, end) for a sparse one. */
  private readonly stride: number;
  private readonly slotWords: Uint32Array;
  private readonly slotFloats: Float32Array;
  /** Sparse rows: class ids and weights interleaved (views on one buffer). */
  private readonly pairWords: Uint32Array;
  private readonly pairFloats: Float32Array;
  private readonly dense: boolean;
  private readonly nRows: number;

  constructor(data: WeightTableData) {
    const C = data.nClasses;
    this.nClasses = C;
    // At most half the slots are used, so linear probing stays short.
    let size = 16;
    while (size < data.rowKeys.length * 2) size <<= 1;
    this.mask = size - 1;
    this.nRows = data.rowStart.length - 1;
    this.dense = C <= 4;
    this.stride = this.dense ? 4 : 3;
    const buf = new ArrayBuffer(size * this.stride * 4);
    this.slotWords = new Uint32Array(buf);
    this.slotFloats = new Float32Array(buf);
    const pairs = new ArrayBuffer(this.dense ? 0 : data.cls.length * 8);
    this.pairWords = new Uint32Array(pairs);
    this.pairFloats = new Float32Array(pairs);
    if (!this.dense) {
      for (let j = 0; j < data.cls.length; j++) {
        this.pairWords[2 * j] = data.cls[j]!;
        this.pairFloats[2 * j + 1] = data.weight[j]!;
      }
    }
    for (let r = 0; r < data.rowKeys.length; r++) {
      const key = data.rowKeys[r]!;
      let s = key & this.mask;
      while (this.slotWords[s * this.stride] !== 0) s = (s + 1) & this.mask;
      const at = s * this.stride;
      this.slotWords[at] = key;
      if (this.dense) {
        for (let j = data.rowStart[r]!; j < data.rowStart[r + 1]!; j++) this.slotFloats[at + 1 + data.cls[j]!] = data.weight[j]!;
      } else {
        this.slotWords[at + 1] = data.rowStart[r]!;
        this.slotWords[at + 2] = data.rowStart[r + 1]!;
      }
    }
  }

  /** The slot of a feature key (its index times the stride), or -1 when the model never weighted it. */
  private slot(key: number): number {
    const words = this.slotWords;
    const stride = this.stride;
    let s = key & this.mask;
    for (;;) {
      const k = words[s * stride]!;
      if (k === key) return s * stride;
      if (k === 0) return -1;
      s = (s + 1) & this.mask;
    }
  }

  /** Sums the weights of `n` feature keys into `scores` (length nClasses). */
  score(keys: Uint32Array, n: number, scores: Float32Array): void {
    scores.fill(0);
    if (this.dense) {
      const floats = this.slotFloats;
      const C = this.nClasses;
      for (let f = 0; f < n; f++) {
        const at = this.slot(keys[f]!);
        if (at < 0) continue;
        for (let c = 0; c < C; c++) scores[c]! += floats[at + 1 + c]!;
      }
      return;
    }
    const words = this.slotWords;
    const pw = this.pairWords;
    const pf = this.pairFloats;
    for (let f = 0; f < n; f++) {
      const at = this.slot(keys[f]!);
      if (at < 0) continue;
      for (let j = words[at + 1]!, end = words[at + 2]!; j < end; j++) scores[pw[2 * j]!]! += pf[2 * j + 1]!;
    }
  }

  /** Bytes held by the table's arrays. */
  get bytes(): number {
    return this.slotWords.byteLength + this.pairWords.byteLength;
  }

  /** Number of weighted features. */
  get rows(): number {
    return this.nRows;
  }
}

/** Index of the highest score among the allowed classes (all when `allowed` is omitted); ties go to the lower index. */
export function argmax(scores: Float32Array, allowed?: ArrayLike<boolean>): number {
  let best = -1;
  let bestScore = -Infinity;
  for (let c = 0; c < scores.length; c++) {
    if (allowed && !allowed[c]) continue;
    if (scores[c]! > bestScore) {
      bestScore = scores[c]!;
      best = c;
    }
  }
  return best;
}
