/**
 * Training of the transition parser: greedy arc-hybrid with the dynamic oracle and error exploration (after the
 * first epoch the trainer follows its own wrong move with probability `explore`), and of the relation labeller
 * on gold trees over jack-knifed tags.
 */
import { N_MOVES, ParseState } from '../src/nlp/syntax/transition.js';
import { PARSER_MAX_FEATURES, parserFeatures } from '../src/nlp/syntax/parser-features.js';
import { childrenOf, LABELLER_MAX_FEATURES, labellerFeatures } from '../src/nlp/syntax/labeller-features.js';
import { argmax } from '../src/nlp/syntax/weights.js';
import type { SentenceAtoms } from '../src/nlp/syntax/words.js';
import { moveCosts } from './oracle.js';
import { seededRandom, shuffled, TrainTable } from './perceptron.js';

export interface TreeSentence {
  atoms: SentenceAtoms;
  /** Tags the parser sees (jack-knifed predictions for training). */
  tags: Int32Array;
  /** Gold heads with the root as index n. */
  heads: Int32Array;
  labels: Int32Array;
}

export interface ParserTraining {
  epochs: number;
  explore: number;
  seed: number;
  /** Called after each epoch with the table, e.g. to score the dev set. */
  afterEpoch?: (epoch: number, table: TrainTable) => void;
}

export function trainParser(sents: readonly TreeSentence[], opts: ParserTraining): TrainTable {
  const table = new TrainTable(N_MOVES, 1 << 20);
  const rand = seededRandom(opts.seed);
  const keys = new Uint32Array(PARSER_MAX_FEATURES);
  const scores = new Float32Array(N_MOVES);
  const valid = new Array<boolean>(N_MOVES).fill(false);
  const costs = new Array<number>(N_MOVES).fill(0);
  for (let e = 0; e < opts.epochs; e++) {
    for (const s of shuffled(sents, rand)) {
      const st = new ParseState(s.atoms.n);
      while (!st.done) {
        st.valid(valid);
        moveCosts(st, s.heads, valid, costs);
        let minCost = Infinity;
        for (let m = 0; m < N_MOVES; m++) if (costs[m]! < minCost) minCost = costs[m]!;
        const k = parserFeatures(st, s.atoms, s.tags, keys);
        table.score(keys, k, scores);
        const guess = argmax(scores, valid);
        const goldMoves = costs.map((c) => c === minCost);
        const best = argmax(scores, goldMoves);
        if (!goldMoves[guess]) table.update(keys, k, best, guess);
        table.step++;
        const follow = !goldMoves[guess] && e > 0 && rand() < opts.explore ? guess : best;
        st.apply(follow);
      }
    }
    opts.afterEpoch?.(e, table);
  }
  return table;
}

export function trainLabeller(sents: readonly TreeSentence[], nLabels: number, rootLabel: number, epochs: number,
  seed: number): TrainTable {
  const table = new TrainTable(nLabels, 1 << 18);
  const rand = seededRandom(seed);
  const keys = new Uint32Array(LABELLER_MAX_FEATURES);
  const scores = new Float32Array(nLabels);
  const notRoot = Array.from({ length: nLabels }, (_, c) => c !== rootLabel);
  for (let e = 0; e < epochs; e++) {
    for (const s of shuffled(sents, rand)) {
      const kids = childrenOf(s.heads, s.atoms.n);
      for (let d = 0; d < s.atoms.n; d++) {
        if (s.heads[d] === s.atoms.n) continue;
        const k = labellerFeatures(s.atoms, s.tags, s.heads, kids, d, keys);
        table.score(keys, k, scores);
        const guess = argmax(scores, notRoot);
        if (guess !== s.labels[d]) table.update(keys, k, s.labels[d]!, guess);
        table.step++;
      }
    }
  }
  return table;
}

export type { SentenceAtoms };
