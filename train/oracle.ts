/**
 * The dynamic oracle of the arc-hybrid system (Goldberg and Nivre 2013, "Training deterministic parsers with
 * non-deterministic oracles"): the cost of a move is the number of gold arcs it makes unreachable. Training
 * follows any zero-cost move, and also the model's own mistakes, so the parser learns to act well in states that
 * a static oracle never shows it. On a non-projective tree no move may be free; the cheapest ones are then gold.
 */
import { LEFT, RIGHT, SHIFT, type ParseState } from '../src/nlp/syntax/transition.js';

/** Costs of the three moves in this state (Infinity for an illegal one). `gold[d]` is d's gold head, n = root. */
export function moveCosts(st: ParseState, gold: Int32Array, valid: boolean[], out: number[]): void {
  const n = st.n;
  const b = st.b;
  const s0 = st.s(0);
  const s1 = st.s(1);
  // Gold dependents of s0 still in the buffer: lost by LEFT and RIGHT alike, since s0 leaves the stack.
  let s0DepsInBuffer = 0;
  if (s0 >= 0) for (let k = b; k < n; k++) if (gold[k] === s0) s0DepsInBuffer++;

  if (valid[LEFT]) {
    const g = gold[s0]!;
    out[LEFT] = s0DepsInBuffer + (g === s1 || g > b ? 1 : 0);
  } else out[LEFT] = Infinity;

  if (valid[RIGHT]) {
    const g = gold[s0]!;
    out[RIGHT] = s0DepsInBuffer + (g >= b ? 1 : 0);
  } else out[RIGHT] = Infinity;

  if (valid[SHIFT]) {
    const g = gold[b]!;
    let c = 0;
    for (let j = 0; j < st.sp; j++) {
      const k = st.stack[j]!;
      if (gold[k] === b) c++;
      // b's head deeper in the stack than s0 can no longer be reached once b sits on top of s0.
      if (k === g && j < st.sp - 1) c++;
    }
    // With one root at the end of the buffer, the gold root must be alone on the stack when the root takes it:
    // shifting it over other words forces one of them, or it, onto a wrong head.
    if (g === n && st.sp > 0) c++;
    out[SHIFT] = c;
  } else out[SHIFT] = Infinity;
}
