/**
 * The run-time weight table of one averaged-perceptron classifier: feature keys in an open-addressing hash table,
 * each pointing at a sparse row of (class, weight) pairs. Perceptron rows are sparse (a word feature is only
 * ever updated for the few classes it was confused with), so a sparse row keeps a 108-class tagger small and
 * makes scoring cost the number of non-zero weights, not features × classes.
 */

export interface WeightTableData {
  nClasses: number;
  /** Open-addressing slots (length a power of two): the feature key, 0 when empty. */
  slots: Uint32Array;
  /** Row index of each slot. */
  slotRow: Uint32Array;
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

export class WeightTable implements Scorer {
  readonly nClasses: number;
  /** Key and row of each slot side by side, so a probe touches one cache line. */
  private readonly slots: Uint32Array;
  private readonly mask: number;
  private readonly rowStart: Uint32Array;
  private readonly cls: Uint16Array;
  private readonly weight: Float32Array;
  /** For narrow tables (the parser's three moves): rows laid out densely, one read per feature. */
  private readonly dense: Float32Array | null;

  constructor(data: WeightTableData) {
    this.nClasses = data.nClasses;
    const size = data.slots.length;
    this.slots = new Uint32Array(size * 2);
    for (let s = 0; s < size; s++) {
      this.slots[2 * s] = data.slots[s]!;
      this.slots[2 * s + 1] = data.slotRow[s]!;
    }
    this.mask = size - 1;
    this.rowStart = data.rowStart;
    this.cls = data.cls;
    this.weight = data.weight;
    this.dense = null;
    if (data.nClasses <= 4) {
      const C = data.nClasses;
      const nRows = data.rowStart.length - 1;
      const dense = new Float32Array(nRows * C);
      for (let r = 0; r < nRows; r++) {
        for (let j = data.rowStart[r]!; j < data.rowStart[r + 1]!; j++) dense[r * C + data.cls[j]!] = data.weight[j]!;
      }
      this.dense = dense;
    }
  }

  /** The row of a feature key, or -1 when the model never weighted it. */
  row(key: number): number {
    const slots = this.slots;
    let s = key & this.mask;
    for (;;) {
      const k = slots[2 * s]!;
      if (k === key) return slots[2 * s + 1]!;
      if (k === 0) return -1;
      s = (s + 1) & this.mask;
    }
  }

  /** Sums the weights of `n` feature keys into `scores` (length nClasses). */
  score(keys: Uint32Array, n: number, scores: Float32Array): void {
    scores.fill(0);
    const dense = this.dense;
    if (dense) {
      const C = this.nClasses;
      for (let f = 0; f < n; f++) {
        const r = this.row(keys[f]!);
        if (r < 0) continue;
        for (let c = 0, base = r * C; c < C; c++) scores[c]! += dense[base + c]!;
      }
      return;
    }
    const { rowStart, cls, weight } = this;
    for (let f = 0; f < n; f++) {
      const r = this.row(keys[f]!);
      if (r < 0) continue;
      for (let j = rowStart[r]!, end = rowStart[r + 1]!; j < end; j++) scores[cls[j]!]! += weight[j]!;
    }
  }

  /** Bytes held by the table's arrays. */
  get bytes(): number {
    return this.slots.byteLength + this.rowStart.byteLength + this.cls.byteLength + this.weight.byteLength +
      (this.dense?.byteLength ?? 0);
  }

  /** Keys in row order, for writing the table back to a file. */
  rowKeys(): Uint32Array {
    const keys = new Uint32Array(this.rowStart.length - 1);
    for (let s = 0; s <= this.mask; s++) if (this.slots[2 * s] !== 0) keys[this.slots[2 * s + 1]!] = this.slots[2 * s]!;
    return keys;
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

/** Builds the open-addressing slots for keys given in row order (the trainer's output and a loaded model file). */
export function slotsFor(rowKeys: Uint32Array): { slots: Uint32Array; slotRow: Uint32Array } {
  let size = 16;
  while (size < rowKeys.length * 2) size <<= 1;
  const slots = new Uint32Array(size);
  const slotRow = new Uint32Array(size);
  const mask = size - 1;
  for (let r = 0; r < rowKeys.length; r++) {
    let s = rowKeys[r]! & mask;
    while (slots[s] !== 0) s = (s + 1) & mask;
    slots[s] = rowKeys[r]!;
    slotRow[s] = r;
  }
  return { slots, slotRow };
}
