/**
 * The averaged perceptron as trained: weights keyed by hashed feature, dense rows of one weight per class, and
 * the running totals and time stamps of the averaging trick (Daumé's lazy update), so an update costs only the
 * two classes it touches. A row is created the first time a feature is updated; features that never took part in
 * a mistake never get one. `finish()` averages the weights and hands back the sparse run-time table.
 */
import type { Scorer, WeightTableData } from '../src/nlp/syntax/weights.js';

export class TrainTable implements Scorer {
  readonly nClasses: number;
  private slots: Uint32Array;
  private slotRow: Uint32Array;
  private mask: number;
  nRows = 0;
  private keys: Uint32Array;
  private w: Float32Array;
  private total: Float64Array;
  private stamp: Int32Array;
  /** Number of instances seen: the averaging clock. */
  step = 0;

  constructor(nClasses: number, initialSlots = 1 << 16) {
    this.nClasses = nClasses;
    this.slots = new Uint32Array(initialSlots);
    this.slotRow = new Uint32Array(initialSlots);
    this.mask = initialSlots - 1;
    const rows = initialSlots >> 1;
    this.keys = new Uint32Array(rows);
    this.w = new Float32Array(rows * nClasses);
    this.total = new Float64Array(rows * nClasses);
    this.stamp = new Int32Array(rows * nClasses);
  }

  private find(key: number): number {
    let s = key & this.mask;
    for (;;) {
      const k = this.slots[s]!;
      if (k === key) return this.slotRow[s]!;
      if (k === 0) return -1;
      s = (s + 1) & this.mask;
    }
  }

  private insert(key: number, row: number): void {
    let s = key & this.mask;
    while (this.slots[s] !== 0) s = (s + 1) & this.mask;
    this.slots[s] = key;
    this.slotRow[s] = row;
  }

  private rowFor(key: number): number {
    const r = this.find(key);
    if (r >= 0) return r;
    if ((this.nRows + 1) * 2 > this.slots.length) this.grow();
    const row = this.nRows++;
    this.keys[row] = key;
    this.insert(key, row);
    return row;
  }

  private grow(): void {
    const size = this.slots.length * 2;
    this.slots = new Uint32Array(size);
    this.slotRow = new Uint32Array(size);
    this.mask = size - 1;
    for (let r = 0; r < this.nRows; r++) this.insert(this.keys[r]!, r);
    const rows = size >> 1;
    const C = this.nClasses;
    const keys = new Uint32Array(rows); keys.set(this.keys); this.keys = keys;
    const w = new Float32Array(rows * C); w.set(this.w); this.w = w;
    const total = new Float64Array(rows * C); total.set(this.total); this.total = total;
    const stamp = new Int32Array(rows * C); stamp.set(this.stamp); this.stamp = stamp;
  }

  score(keys: Uint32Array, n: number, scores: Float32Array): void {
    scores.fill(0);
    const C = this.nClasses;
    for (let f = 0; f < n; f++) {
      const r = this.find(keys[f]!);
      if (r < 0) continue;
      const base = r * C;
      for (let c = 0; c < C; c++) scores[c]! += this.w[base + c]!;
    }
  }

  /** Moves weight towards `truth` and away from `guess` for every feature of the instance. */
  update(keys: Uint32Array, n: number, truth: number, guess: number): void {
    const C = this.nClasses;
    for (let f = 0; f < n; f++) {
      const base = this.rowFor(keys[f]!) * C;
      this.bump(base + truth, 1);
      this.bump(base + guess, -1);
    }
  }

  /** Adds `delta` to class `cls` of every feature of an instance (one side of a structured update). */
  adjust(keys: Uint32Array, n: number, cls: number, delta: number): void {
    const C = this.nClasses;
    for (let f = 0; f < n; f++) this.bump(this.rowFor(keys[f]!) * C + cls, delta);
  }

  private bump(i: number, v: number): void {
    this.total[i]! += (this.step - this.stamp[i]!) * this.w[i]!;
    this.stamp[i] = this.step;
    this.w[i]! += v;
  }

  /**
   * Averaged weights as a sparse run-time table. A row is kept when its largest weight reaches `minRowWeight`
   * (on the v1 model, dropping rows below 1 cut the parser's table from 2.3M to 0.9M rows for 0.1 UAS on EWT
   * dev), and within a row weights below `epsilon` are dropped.
   */
  finish(minRowWeight = 0, epsilon = 1e-3): WeightTableData {
    const C = this.nClasses;
    const avg = new Float32Array(this.nRows * C);
    const step = Math.max(1, this.step);
    for (let i = 0; i < this.nRows * C; i++) {
      avg[i] = (this.total[i]! + (this.step - this.stamp[i]!) * this.w[i]!) / step;
    }
    // Rows in key order, so the same training gives the same file however the hash table grew.
    const order = Array.from({ length: this.nRows }, (_, r) => r).sort((x, y) => this.keys[x]! - this.keys[y]!);
    const keptRows: number[] = [];
    let nnz = 0;
    for (const r of order) {
      let any = 0;
      let max = 0;
      for (let c = 0; c < C; c++) {
        const v = Math.abs(avg[r * C + c]!);
        if (v >= epsilon) any++;
        if (v > max) max = v;
      }
      if (any && max >= minRowWeight) { keptRows.push(r); nnz += any; }
    }
    const rowStart = new Uint32Array(keptRows.length + 1);
    const cls = new Uint16Array(nnz);
    const weight = new Float32Array(nnz);
    const rowKeys = new Uint32Array(keptRows.length);
    let j = 0;
    keptRows.forEach((r, i) => {
      rowKeys[i] = this.keys[r]!;
      rowStart[i] = j;
      for (let c = 0; c < C; c++) {
        const v = avg[r * C + c]!;
        if (Math.abs(v) >= epsilon) { cls[j] = c; weight[j] = v; j++; }
      }
    });
    rowStart[keptRows.length] = j;
    return { nClasses: C, rowKeys, rowStart, cls, weight };
  }
}

/** Mulberry32: a small seeded generator, so shuffles and exploration are the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled<T>(items: readonly T[], rand: () => number): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
