/**
 * Greedy arc-hybrid parsing: at each step the highest-scoring legal move. Returns heads with the root as index
 * n (the trainer and the labeller use the same convention; the model turns it into CoNLL-U numbering).
 */
import { N_MOVES, ParseState, SHIFT } from './transition.js';
import { ARC_LABEL_MAX_FEATURES, arcLabelFeatures } from './arc-label-features.js';
import { PARSER_MAX_FEATURES, parserFeatures } from './parser-features.js';
import { argmax, type Scorer } from './weights.js';
import type { SentenceAtoms } from './words.js';

export function parseSentence(scorer: Scorer, a: SentenceAtoms, tags: ArrayLike<number>): Int32Array {
  const st = new ParseState(a.n);
  const keys = new Uint32Array(PARSER_MAX_FEATURES);
  const scores = new Float32Array(N_MOVES);
  const valid = new Array<boolean>(N_MOVES).fill(false);
  while (!st.done) {
    st.valid(valid);
    // One legal move (an empty stack, or only the root left in the buffer): nothing to score.
    const only = (valid[0] ? 1 : 0) + (valid[1] ? 1 : 0) + (valid[2] ? 1 : 0) === 1;
    if (only) {
      st.apply(valid[0] ? 0 : valid[1] ? 1 : 2);
      continue;
    }
    const k = parserFeatures(st, a, tags, keys);
    scorer.score(keys, k, scores);
    st.apply(argmax(scores, valid));
  }
  return st.heads;
}

/**
 * Greedy parsing that labels each arc as it is made (with the arc labeller), so the parser's label features see
 * the relations built so far. Returns the final state: heads (root = n) and labels.
 */
export function parseLabelled(scorer: Scorer, labeller: Scorer, a: SentenceAtoms, tags: ArrayLike<number>,
  rootLabel: number): ParseState {
  const st = new ParseState(a.n);
  const keys = new Uint32Array(PARSER_MAX_FEATURES);
  const labelKeys = new Uint32Array(ARC_LABEL_MAX_FEATURES);
  const scores = new Float32Array(N_MOVES);
  const labelScores = new Float32Array(labeller.nClasses);
  const notRoot = Array.from({ length: labeller.nClasses }, (_, c) => c !== rootLabel);
  const valid = new Array<boolean>(N_MOVES).fill(false);
  while (!st.done) {
    st.valid(valid);
    let move: number;
    if ((valid[0] ? 1 : 0) + (valid[1] ? 1 : 0) + (valid[2] ? 1 : 0) === 1) move = valid[0] ? 0 : valid[1] ? 1 : 2;
    else {
      const k = parserFeatures(st, a, tags, keys);
      scorer.score(keys, k, scores);
      move = argmax(scores, valid);
    }
    st.apply(move, move === SHIFT ? -1 : arcLabel(labeller, st, a, tags, move, rootLabel, labelKeys, labelScores, notRoot));
  }
  return st;
}

/** The relation of the arc that `move` (LEFT or RIGHT) would make now: `root` for the root's arc. */
export function arcLabel(labeller: Scorer, st: ParseState, a: SentenceAtoms, tags: ArrayLike<number>, move: number,
  rootLabel: number, keys: Uint32Array, scores: Float32Array, notRoot: boolean[]): number {
  const { h, d } = st.arcOf(move);
  if (h === st.n) return rootLabel;
  const k = arcLabelFeatures(st, a, tags, h, d, keys);
  labeller.score(keys, k, scores);
  return argmax(scores, notRoot);
}
