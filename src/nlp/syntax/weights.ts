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
 *
 * A key's first slot is its top bits. Keys are stored in ascending order in the model file, so building the
 * table walks it front to back (no random writes), and scoring first touches every feature's slot in one tight
 * loop, so that the memory system fetches them all at once instead of one miss after another.
 */
export class WeightTable implements Scorer {
  readonly nClasses: number;
  private readonly mask: number;
  /** 32 minus log2 of the slot count: a key's home slot is key >>> shift. */
  private readonly shift: number;
  /** Slot width in 32-bit words: 1 + nClasses for a dense table, 3 (key, start, end) for a sparse one. */
  private readonly stride: number;
  private readonly slotWords: Uint32Array;
  private readonly slotFloats: Float32Array;
  /** Sparse rows: the class ids and weights of row r are at rowStart[r] .. rowStart[r+1]. */
  private readonly cls: Uint8Array | Uint16Array;
  private readonly weight: Float32Array;
  private readonly dense: boolean;
  private readonly nRows: number;
  /** Where each feature of the instance being scored was found (slot word index, or -1). */
  private found = new Int32Array(128);
  /** Sink of the touching loop, so that its loads are not optimised away. */
  private touched = 0;

  constructor(data: WeightTableData) {
    const C = data.nClasses;
    this.nClasses = C;
    // Slots at most 55% full (1.8 per row, rounded up to a power of two), so linear probing stays short.
    let size = 16;
    let bits = 4;
    while (size < data.rowKeys.length * 1.8) { size *= 2; bits++; }
    this.mask = size - 1;
    this.shift = 32 - bits;
    this.nRows = data.rowStart.length - 1;
    this.dense = C <= 4;
    const stride = this.stride = this.dense ? 4 : 3;
    const buf = new ArrayBuffer(size * stride * 4);
    const words = this.slotWords = new Uint32Array(buf);
    const floats = this.slotFloats = new Float32Array(buf);
    const cls = data.cls;
    const weight = data.weight;
    // Copies (one memcpy each), so that the inflated model file need not stay in memory.
    // Class ids in one byte where they fit (the tagger's 108, the labeller's 51): rows take fewer cache lines.
    this.cls = this.dense ? new Uint16Array(0) : C <= 256 ? new Uint8Array(cls) : cls.slice();
    this.weight = this.dense ? new Float32Array(0) : weight.slice();
    if (this.dense) fillDense(words, floats, data, this.shift, this.mask);
    else fillSparse(words, data, this.shift, this.mask);
  }

  /** Finds the slots of keys[from..to) (word index, -1 when the model never weighted the key) into `this.found`. */
  private locate(keys: Uint32Array, from: number, to: number): Int32Array {
    if (this.found.length < to - from) this.found = new Int32Array(to - from);
    const found = this.found;
    const words = this.slotWords;
    const stride = this.stride;
    const shift = this.shift;
    const mask = this.mask;
    // Touch every home slot first: independent loads, so their cache misses overlap.
    let t = 0;
    for (let f = from; f < to; f++) t ^= words[(keys[f]! >>> shift) * stride]!;
    this.touched = t;
    for (let f = from; f < to; f++) {
      const key = keys[f]!;
      let s = key >>> shift;
      let at = -1;
      for (;;) {
        const k = words[s * stride]!;
        if (k === key) { at = s * stride; break; }
        if (k === 0) break;
        s = (s + 1) & mask;
      }
      found[f - from] = at;
    }
    return found;
  }

  /** Sums the weights of `n` feature keys into `scores` (length nClasses), feature by feature in order. */
  score(keys: Uint32Array, n: number, scores: Float32Array): void {
    scores.fill(0);
    this.add(keys, 0, n, scores);
  }

  /**
   * Adds the weights of keys[from..to) to `scores`, feature by feature in order: score() is add() from zero, so
   * scores summed in two steps (a cached first part, then the rest) are the same floats as in one.
   */
  add(keys: Uint32Array, from: number, to: number, scores: Float32Array): void {
    const n = to - from;
    if (n <= 0) return;
    if (this.nClasses === 3) {
      this.add3(keys, from, to, scores);
      return;
    }
    const found = this.locate(keys, from, to);
    if (this.dense) {
      const floats = this.slotFloats;
      const C = this.nClasses;
      for (let f = 0; f < n; f++) {
        const at = found[f]!;
        if (at < 0) continue;
        for (let c = 0; c < C; c++) scores[c]! += floats[at + 1 + c]!;
      }
      return;
    }
    const words = this.slotWords;
    const cls = this.cls;
    const weight = this.weight;
    // Touch both ends of each row's classes and weights, then add the rows up in feature order.
    let t = 0;
    for (let f = 0; f < n; f++) {
      const at = found[f]!;
      if (at < 0) continue;
      const j = words[at + 1]!, end = words[at + 2]!;
      if (end > j) t ^= cls[j]! ^ cls[end - 1]! ^ (weight[j]! > 0 ? 1 : 0) ^ (weight[end - 1]! > 0 ? 2 : 0);
    }
    this.touched ^= t;
    for (let f = 0; f < n; f++) {
      const at = found[f]!;
      if (at < 0) continue;
      for (let j = words[at + 1]!, end = words[at + 2]!; j < end; j++) scores[cls[j]!]! += weight[j]!;
    }
  }

  /**
   * add() for a dense table of three classes (the parser's moves), in one pass after the touching loop, with the
   * sums kept in locals: Math.fround of each addition is what storing it in the Float32Array did, so the floats
   * are the same.
   */
  private add3(keys: Uint32Array, from: number, to: number, scores: Float32Array): void {
    const words = this.slotWords;
    const floats = this.slotFloats;
    const shift = this.shift;
    const mask = this.mask;
    let t = 0;
    for (let f = from; f < to; f++) t ^= words[(keys[f]! >>> shift) << 2]!;
    this.touched = t;
    let s0 = scores[0]!, s1 = scores[1]!, s2 = scores[2]!;
    for (let f = from; f < to; f++) {
      const key = keys[f]!;
      let s = key >>> shift;
      for (;;) {
        const at = s << 2;
        const k = words[at]!;
        if (k === key) {
          s0 = Math.fround(s0 + floats[at + 1]!);
          s1 = Math.fround(s1 + floats[at + 2]!);
          s2 = Math.fround(s2 + floats[at + 3]!);
          break;
        }
        if (k === 0) break;
        s = (s + 1) & mask;
      }
    }
    scores[0] = s0;
    scores[1] = s1;
    scores[2] = s2;
  }

  /** Bytes held by the table's arrays. */
  get bytes(): number {
    return this.slotWords.byteLength + this.cls.byteLength + this.weight.byteLength;
  }

  /** Number of weighted features. */
  get rows(): number {
    return this.nRows;
  }
}

/** Places each row of a dense table (key, then one weight per class) at its slot; rows come in key order. */
function fillDense(words: Uint32Array, floats: Float32Array, data: WeightTableData, shift: number, mask: number): void {
  const keys = data.rowKeys, start = data.rowStart, cls = data.cls, weight = data.weight;
  let j = start[0] ?? 0;
  for (let r = 0, nRows = keys.length; r < nRows; r++) {
    const key = keys[r]!;
    let s = key >>> shift;
    while (words[s << 2] !== 0) s = (s + 1) & mask;
    const at = s << 2;
    words[at] = key;
    for (const end = start[r + 1]!; j < end; j++) floats[at + 1 + cls[j]!] = weight[j]!;
  }
}

/** Places each row of a sparse table (key, start and end of its pairs) at its slot. */
function fillSparse(words: Uint32Array, data: WeightTableData, shift: number, mask: number): void {
  const keys = data.rowKeys, start = data.rowStart;
  for (let r = 0, nRows = keys.length; r < nRows; r++) {
    const key = keys[r]!;
    let s = key >>> shift;
    while (words[s * 3] !== 0) s = (s + 1) & mask;
    const at = s * 3;
    words[at] = key;
    words[at + 1] = start[r]!;
    words[at + 2] = start[r + 1]!;
  }
}

/** Index of the highest score among the allowed classes (all when `allowed` is omitted); ties go to the lower index. */
export function argmax(scores: Float32Array, allowed?: ArrayLike<boolean | number>): number {
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
