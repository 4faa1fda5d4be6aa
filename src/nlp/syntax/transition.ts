/**
 * The arc-hybrid transition system (Kuhlmann, Gómez-Rodríguez and Satta 2011) that the parser walks, with the
 * root at the end of the buffer (Ballesteros and Nivre 2013: fewer early root attachments than a root at the
 * start). SHIFT pushes the buffer's front; LEFT makes the stack top a dependent of the buffer's front; RIGHT makes
 * the stack top a dependent of the word below it. Every word gets its head when it leaves the stack, so a popped
 * word's subtree is complete: the labeller and the features can rely on it.
 */

export const SHIFT = 0;
export const LEFT = 1;
export const RIGHT = 2;
export const N_MOVES = 3;

export class ParseState {
  /** Words are 0..n-1; index n is the root. */
  readonly n: number;
  readonly stack: Int32Array;
  sp = 0;
  /** Front of the buffer: a word index, or n when only the root is left. */
  b = 0;
  readonly heads: Int32Array;
  /** Leftmost and second-leftmost, rightmost and second-rightmost dependents (-1 when none), and their counts. */
  readonly lc1: Int32Array;
  readonly lc2: Int32Array;
  readonly rc1: Int32Array;
  readonly rc2: Int32Array;
  readonly nLeft: Uint8Array;
  readonly nRight: Uint8Array;

  constructor(n: number) {
    this.n = n;
    // Views on one buffer (a typed array of its own costs an allocation outside the JS heap); `heads` has a buffer
    // of its own, since the parser hands it out as its result.
    const m = n + 1;
    const buf = new ArrayBuffer(4 * 5 * m + 2 * m);
    this.stack = new Int32Array(buf, 0, m);
    this.heads = new Int32Array(n).fill(-1);
    const children = new Int32Array(buf, 4 * m, 4 * m).fill(-1);
    this.lc1 = children.subarray(0, m);
    this.lc2 = children.subarray(m, 2 * m);
    this.rc1 = children.subarray(2 * m, 3 * m);
    this.rc2 = children.subarray(3 * m, 4 * m);
    this.nLeft = new Uint8Array(buf, 20 * m, m);
    this.nRight = new Uint8Array(buf, 20 * m + m, m);
  }

  /** A copy that can move on independently (beam search keeps several). */
  clone(): ParseState {
    const c = new ParseState(this.n);
    c.stack.set(this.stack);
    c.sp = this.sp;
    c.b = this.b;
    c.heads.set(this.heads);
    c.lc1.set(this.lc1);
    c.lc2.set(this.lc2);
    c.rc1.set(this.rc1);
    c.rc2.set(this.rc2);
    c.nLeft.set(this.nLeft);
    c.nRight.set(this.nRight);
    return c;
  }

  get done(): boolean {
    return this.sp === 0 && this.b === this.n;
  }

  /** Stack item k from the top (0 = top), or -1. */
  s(k: number): number {
    return this.sp > k ? this.stack[this.sp - 1 - k]! : -1;
  }

  /** Which moves are legal now. A LEFT onto the root is allowed only for the last word on the stack: one root. */
  valid(out: boolean[]): void {
    out[SHIFT] = this.b < this.n;
    out[LEFT] = this.sp > 0 && (this.b < this.n || this.sp === 1);
    out[RIGHT] = this.sp > 1;
  }

  apply(move: number): void {
    if (move === SHIFT) {
      this.stack[this.sp++] = this.b++;
    } else if (move === LEFT) {
      const d = this.stack[--this.sp]!;
      this.attach(this.b, d);
    } else {
      const d = this.stack[--this.sp]!;
      this.attach(this.stack[this.sp - 1]!, d);
    }
  }

  private attach(h: number, d: number): void {
    this.heads[d] = h;
    if (d < h) {
      // Left dependents arrive right to left: the new one is the leftmost.
      this.lc2[h] = this.lc1[h]!;
      this.lc1[h] = d;
      if (this.nLeft[h]! < 255) this.nLeft[h]!++;
    } else {
      // Right dependents arrive left to right: the new one is the rightmost.
      this.rc2[h] = this.rc1[h]!;
      this.rc1[h] = d;
      if (this.nRight[h]! < 255) this.nRight[h]!++;
    }
  }
}
