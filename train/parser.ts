/**
 * Training of the transition parser: greedy arc-hybrid with the dynamic oracle and error exploration (after the
 * first epoch the trainer follows its own wrong move with probability `explore`), and of the relation labeller
 * on gold trees over jack-knifed tags.
 */
import { N_MOVES, ParseState, SHIFT } from '../src/nlp/syntax/transition.js';
import { ARC_LABEL_MAX_FEATURES, arcLabelFeatures } from '../src/nlp/syntax/arc-label-features.js';
import { arcLabel } from '../src/nlp/syntax/parser.js';
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
  /** Label arcs as they are made, training the arc labeller alongside (label features for the parser). */
  arcLabels?: { nLabels: number; rootLabel: number };
  /** Called after each epoch with the table, e.g. to score the dev set. */
  afterEpoch?: (epoch: number, table: TrainTable, labeller: TrainTable | null) => void;
}

export interface TrainedParser {
  parser: TrainTable;
  /** The arc labeller, when trained with `arcLabels`. */
  labeller: TrainTable | null;
}

export function trainParser(sents: readonly TreeSentence[], opts: ParserTraining): TrainedParser {
  const table = new TrainTable(N_MOVES, 1 << 20);
  const lab = opts.arcLabels;
  const labeller = lab ? new TrainTable(lab.nLabels, 1 << 18) : null;
  const labelKeys = new Uint32Array(ARC_LABEL_MAX_FEATURES);
  const labelScores = new Float32Array(lab?.nLabels ?? 1);
  const notRoot = Array.from({ length: lab?.nLabels ?? 1 }, (_, c) => c !== lab?.rootLabel);
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
        let label = -1;
        if (labeller && lab && follow !== SHIFT) {
          // The labeller learns on gold arcs only; the label it predicts is what the parser's features see, as at
          // run time.
          const { h, d } = st.arcOf(follow);
          label = arcLabel(labeller, st, s.atoms, s.tags, follow, lab.rootLabel, labelKeys, labelScores, notRoot);
          if (h !== s.atoms.n && s.heads[d] === h) {
            if (label !== s.labels[d]) {
              const kk = arcLabelFeatures(st, s.atoms, s.tags, h, d, labelKeys);
              labeller.update(labelKeys, kk, s.labels[d]!, label);
            }
            labeller.step++;
          }
        }
        st.apply(follow, label);
      }
    }
    opts.afterEpoch?.(e, table, labeller);
  }
  return { parser: table, labeller };
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
