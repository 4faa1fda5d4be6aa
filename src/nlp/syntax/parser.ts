/**
 * Greedy arc-hybrid parsing: at each step the highest-scoring legal move. Returns heads with the root as index
 * n (the trainer and the labeller use the same convention; the model turns it into CoNLL-U numbering).
 */
import { N_MOVES, ParseState } from './transition.js';
import { PARSER_MAX_FEATURES, parserFeatures } from './parser-features.js';
import { argmax, type Scorer } from './weights.js';
import type { SentenceAtoms } from './words.js';

// Scratch space of every call, reused: it holds nothing between calls (parsing is synchronous).
const KEYS = new Uint32Array(PARSER_MAX_FEATURES);
const SCORES = new Float32Array(N_MOVES);
const VALID = new Array<boolean>(N_MOVES).fill(false);

export function parseSentence(scorer: Scorer, a: SentenceAtoms, tags: ArrayLike<number>): Int32Array {
  const st = new ParseState(a.n);
  const keys = KEYS;
  const scores = SCORES;
  const valid = VALID;
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

