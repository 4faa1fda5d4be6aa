import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LEFT, N_MOVES, ParseState, RIGHT, SHIFT } from '../src/nlp/syntax/transition.js';
import { moveCosts } from './oracle.js';

/** Follows the cheapest legal move (ties: SHIFT, LEFT, RIGHT) and returns the heads and the cost paid. */
function followOracle(gold: number[]): { heads: number[]; paid: number } {
  const n = gold.length;
  const st = new ParseState(n);
  const valid = new Array<boolean>(N_MOVES).fill(false);
  const costs = new Array<number>(N_MOVES).fill(0);
  let paid = 0;
  while (!st.done) {
    st.valid(valid);
    moveCosts(st, Int32Array.from(gold), valid, costs);
    let best = -1;
    for (const m of [SHIFT, LEFT, RIGHT]) if (best < 0 || costs[m]! < costs[best]!) best = m;
    paid += costs[best]!;
    st.apply(best);
  }
  return { heads: [...st.heads], paid };
}

test('on a projective tree the zero-cost moves rebuild the gold tree exactly', () => {
  // "The minister said Serbia would not join NATO ." with the root at index 9.
  //   0 The→1, 1 minister→2, 2 said→root, 3 Serbia→6, 4 would→6, 5 not→6, 6 join→2, 7 NATO→6, 8 .→2
  const gold = [1, 2, 9, 6, 6, 6, 2, 6, 2];
  const { heads, paid } = followOracle(gold);
  assert.deepEqual(heads, gold);
  assert.equal(paid, 0);
});

test('after a wrong move the oracle still reaches every arc that remains reachable', () => {
  const gold = [1, 2, 9, 6, 6, 6, 2, 6, 2];
  const n = gold.length;
  const st = new ParseState(n);
  // Shift "The", shift "minister", then wrongly attach "minister" to "The" (RIGHT): one arc lost.
  st.apply(SHIFT); st.apply(SHIFT);
  const valid = new Array<boolean>(N_MOVES).fill(false);
  const costs = new Array<number>(N_MOVES).fill(0);
  st.valid(valid);
  moveCosts(st, Int32Array.from(gold), valid, costs);
  assert.equal(costs[RIGHT], 1, 'minister→The loses the arc minister→said');
  // Shifting "said" loses minister→said and strands "said", the gold root, above other words.
  assert.equal(costs[SHIFT], 2);
  assert.equal(costs[LEFT], 0, 'minister←said is gold');
  st.apply(RIGHT);
  let paid = 0;
  while (!st.done) {
    st.valid(valid);
    moveCosts(st, Int32Array.from(gold), valid, costs);
    let best = -1;
    for (const m of [SHIFT, LEFT, RIGHT]) if (best < 0 || costs[m]! < costs[best]!) best = m;
    paid += costs[best]!;
    st.apply(best);
  }
  const right = [...st.heads].filter((h, d) => h === gold[d]).length;
  assert.equal(paid, 0, 'no further loss');
  assert.equal(right, n - 2, 'only "minister" and "The" (which had to take a new head) are wrong');
});

test('LEFT onto the root is legal only for the last word on the stack', () => {
  const st = new ParseState(2);
  const valid = new Array<boolean>(N_MOVES).fill(false);
  st.apply(SHIFT); st.apply(SHIFT);
  st.valid(valid);
  assert.deepEqual(valid, [false, false, true]);
  st.apply(RIGHT);
  st.valid(valid);
  assert.deepEqual(valid, [false, true, false]);
  st.apply(LEFT);
  assert.ok(st.done);
  assert.deepEqual([...st.heads], [2, 0]);
});
