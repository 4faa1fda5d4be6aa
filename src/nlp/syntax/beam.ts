/**
 * Beam search over arc-hybrid transitions (Zhang and Clark 2008; Zhang and Nivre 2011): the K best partial parses
 * by summed move scores are kept at every step. Every parse of n words takes exactly 2n moves, so all items of a
 * beam are always the same length and their scores compare directly. Ties keep the earlier item and the lower
 * move, so decoding is deterministic.
 */
import { N_MOVES, ParseState } from './transition.js';
import { PARSER_MAX_FEATURES, parserFeatures } from './parser-features.js';
import type { Scorer } from './weights.js';
import type { SentenceAtoms } from './words.js';

export interface BeamItem {
  state: ParseState;
  score: number;
  parent: BeamItem | null;
  /** The move that led here from `parent` (-1 for the start). */
  move: number;
}

export function startItem(n: number): BeamItem {
  return { state: new ParseState(n), score: 0, parent: null, move: -1 };
}

/** The next beam: the `width` best one-move extensions of the items in `beam`. */
export function expandBeam(beam: readonly BeamItem[], scorer: Scorer, a: SentenceAtoms, tags: ArrayLike<number>,
  width: number): BeamItem[] {
  const keys = new Uint32Array(PARSER_MAX_FEATURES);
  const scores = new Float32Array(N_MOVES);
  const valid = new Array<boolean>(N_MOVES).fill(false);
  const cand: { item: number; move: number; score: number }[] = [];
  beam.forEach((it, idx) => {
    it.state.valid(valid);
    const k = parserFeatures(it.state, a, tags, keys);
    scorer.score(keys, k, scores);
    for (let m = 0; m < N_MOVES; m++) if (valid[m]) cand.push({ item: idx, move: m, score: it.score + scores[m]! });
  });
  cand.sort((x, y) => y.score - x.score || x.item - y.item || x.move - y.move);
  const out: BeamItem[] = [];
  for (let c = 0; c < cand.length && out.length < width; c++) {
    const { item, move, score } = cand[c]!;
    const parent = beam[item]!;
    const state = parent.state.clone();
    state.apply(move);
    out.push({ state, score, parent, move });
  }
  return out;
}

/** Heads (root = index n) of the best complete parse within a beam of `width`. */
export function beamParse(scorer: Scorer, a: SentenceAtoms, tags: ArrayLike<number>, width: number): Int32Array {
  let beam = [startItem(a.n)];
  for (let step = 0; step < 2 * a.n; step++) beam = expandBeam(beam, scorer, a, tags, width);
  return beam[0]!.state.heads;
}

/** The moves from the start to an item. */
export function movesOf(item: BeamItem): number[] {
  const moves: number[] = [];
  for (let it: BeamItem | null = item; it && it.parent; it = it.parent) moves.push(it.move);
  return moves.reverse();
}
