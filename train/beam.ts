/**
 * Global training of the beam parser: the structured perceptron with max-violation updates (Huang, Fayong and Guo
 * 2012). The gold move sequence is what the dynamic oracle's cheapest moves build (for a non-projective tree, the
 * best projective one); the beam runs to the end, and the update is made at the step where the best item in the
 * beam outscores the gold prefix by the most, once the gold prefix has fallen out of the beam or lost at the end.
 */
import { N_MOVES, ParseState } from '../src/nlp/syntax/transition.js';
import { PARSER_MAX_FEATURES, parserFeatures } from '../src/nlp/syntax/parser-features.js';
import { expandBeam, movesOf, startItem, type BeamItem } from '../src/nlp/syntax/beam.js';
import { moveCosts } from './oracle.js';
import { seededRandom, shuffled, TrainTable } from './perceptron.js';
import type { ParserTraining, TreeSentence } from './parser.js';

/** The oracle's move sequence: at each step the cheapest legal move, ties to SHIFT, LEFT, RIGHT in that order. */
export function oracleMoves(n: number, gold: Int32Array): number[] {
  const st = new ParseState(n);
  const valid = new Array<boolean>(N_MOVES).fill(false);
  const costs = new Array<number>(N_MOVES).fill(0);
  const moves: number[] = [];
  while (!st.done) {
    st.valid(valid);
    moveCosts(st, gold, valid, costs);
    let best = 0;
    for (let m = 1; m < N_MOVES; m++) if (costs[m]! < costs[best]!) best = m;
    moves.push(best);
    st.apply(best);
  }
  return moves;
}

/** Adds `delta` to the weight of each move along a sequence, for its first `upto` moves. */
function adjustAlong(table: TrainTable, s: TreeSentence, moves: readonly number[], upto: number, delta: number,
  keys: Uint32Array, skip: number): void {
  const st = new ParseState(s.atoms.n);
  for (let t = 0; t < upto; t++) {
    if (t >= skip) {
      const k = parserFeatures(st, s.atoms, s.tags, keys);
      table.adjust(keys, k, moves[t]!, delta);
    }
    st.apply(moves[t]!);
  }
}

export function trainBeamParser(sents: readonly TreeSentence[], width: number, opts: ParserTraining): TrainTable {
  const table = new TrainTable(N_MOVES, 1 << 20);
  const rand = seededRandom(opts.seed);
  const keys = new Uint32Array(PARSER_MAX_FEATURES);
  const scores = new Float32Array(N_MOVES);
  const golds = new Map<TreeSentence, number[]>();
  for (const s of sents) golds.set(s, oracleMoves(s.atoms.n, s.heads));
  for (let e = 0; e < opts.epochs; e++) {
    for (const s of shuffled(sents, rand)) {
      const gold = golds.get(s)!;
      const goldState = new ParseState(s.atoms.n);
      let goldScore = 0;
      let beam: BeamItem[] = [startItem(s.atoms.n)];
      let goldItem: BeamItem | null = beam[0]!;
      let worst: { violation: number; step: number; item: BeamItem } | null = null;
      for (let t = 0; t < gold.length; t++) {
        const k = parserFeatures(goldState, s.atoms, s.tags, keys);
        table.score(keys, k, scores);
        goldScore += scores[gold[t]!]!;
        goldState.apply(gold[t]!);
        beam = expandBeam(beam, table, s.atoms, s.tags, width);
        const parentGold: BeamItem | null = goldItem;
        goldItem = beam.find((it) => it.parent === parentGold && it.move === gold[t]) ?? null;
        const best = beam[0]!;
        if (goldItem !== best) {
          const violation = best.score - goldScore;
          if (!worst || violation >= worst.violation) worst = { violation, step: t + 1, item: best };
        }
        if (!goldItem && !worst) break;
      }
      if (worst) {
        const pred = movesOf(worst.item);
        let common = 0;
        while (common < worst.step && pred[common] === gold[common]) common++;
        adjustAlong(table, s, gold, worst.step, 1, keys, common);
        adjustAlong(table, s, pred, worst.step, -1, keys, common);
      }
      table.step++;
    }
    opts.afterEpoch?.(e, table);
  }
  return table;
}
