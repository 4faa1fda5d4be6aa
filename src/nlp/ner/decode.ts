/**
 * The name tagger's labels and its greedy decoding. Labels are BILOU over four kinds of name (PER, ORG, PLACE,
 * MISC: what the training corpora share; MISC is UNER's and wikigold's other names, typed later by the cue
 * rules). Decoding goes left to right and only ever picks a label that may follow the one before, so every
 * output is a well-formed set of spans.
 */
import { NER_MAX_FEATURES, NER_WORD_FEATURES, nerFeatures, type NerContext } from './features.js';
import type { Scorer, WeightTable } from '../syntax/weights.js';

export const NER_TYPES = ['PER', 'ORG', 'PLACE', 'MISC'] as const;
export type NerType = (typeof NER_TYPES)[number];

/** Class 0 is O; type t has B, I, L, U at 1 + 4t + 0..3. */
export const NER_LABELS: string[] = ['O', ...NER_TYPES.flatMap((t) => ['B', 'I', 'L', 'U'].map((p) => `${p}-${t}`))];
export const N_LABELS = NER_LABELS.length;

const part = (c: number): number => (c - 1) & 3; // 0 B, 1 I, 2 L, 3 U
const typeOf = (c: number): number => (c - 1) >> 2;

/** Whether label c may follow label prev (-1 at the sentence start), and may stand at the end when last. */
export function allowed(prev: number, c: number, last: boolean): boolean {
  const open = prev > 0 && part(prev) <= 1; // prev is B or I: a span is open
  if (open) return c > 0 && (part(c) === 1 || part(c) === 2) && typeOf(c) === typeOf(prev) && (!last || part(c) === 2);
  return c === 0 || part(c) === 3 || (part(c) === 0 && !last);
}

const ALLOWED: boolean[][][] = [false, true].map((last) =>
  Array.from({ length: N_LABELS + 1 }, (_, p) => Array.from({ length: N_LABELS }, (_, c) => allowed(p - 1, c, last))));

/** The allowed labels after `prev` (-1 at the start) as a mask. */
export function allowedAfter(prev: number, last: boolean): boolean[] {
  return ALLOWED[last ? 1 : 0]![prev + 1]!;
}

/** Highest-scoring allowed label; ties go to the lower class. */
export function bestAllowed(scores: Float32Array, prev: number, last: boolean): number {
  const mask = allowedAfter(prev, last);
  let best = 0;
  let bestScore = -Infinity;
  for (let c = 0; c < scores.length; c++) {
    if (mask[c] && scores[c]! > bestScore) { bestScore = scores[c]!; best = c; }
  }
  return best;
}

// Scratch of one call (tagging is synchronous): holds nothing between calls.
const KEYS = new Uint32Array(NER_MAX_FEATURES);
const SCORES = new Float32Array(N_LABELS);

/**
 * The summed weights of a word's own features (the first NER_WORD_FEATURES keys: its atoms, flags and the
 * sentence's casing) per normalised form, first-word flag and casing, as the POS tagger's WordScoreCache does:
 * the rest of the word's features add onto the cached sum in the same order as onto a fresh one, so the scores
 * are the same floats. Bounded (emptied when full), so what it returns never depends on what was tagged before.
 * Only for a table that never changes (the shipped model's), never for the trainer's.
 */
export class NerWordScores {
  /** One map per first-word flag and casing (0-3): (first ? 4 : 0) + casing. */
  private readonly maps: Map<string, number>[] = Array.from({ length: 8 }, () => new Map<string, number>());
  private readonly sums: Float32Array;
  private used = 0;

  constructor(readonly table: WeightTable, private readonly limit = 8192) {
    this.sums = new Float32Array(limit * table.nClasses);
  }

  /** Sets `scores` to the summed weights of keys[0..NER_WORD_FEATURES) of word i. */
  wordScores(c: NerContext, i: number, keys: Uint32Array, scores: Float32Array): void {
    const map = this.maps[(i === 0 ? 4 : 0) + c.atoms.casing]!;
    const form = c.atoms.formText[i]!;
    const C = this.table.nClasses;
    const sums = this.sums;
    let at = map.get(form);
    if (at === undefined) {
      if (this.used === this.limit) {
        for (const m of this.maps) m.clear();
        this.used = 0;
      }
      at = this.used++ * C;
      scores.fill(0);
      this.table.add(keys, 0, NER_WORD_FEATURES, scores);
      for (let k = 0; k < C; k++) sums[at + k] = scores[k]!;
      map.set(form, at);
      return;
    }
    for (let k = 0; k < C; k++) scores[k] = sums[at + k]!;
  }
}

/** Greedy constrained decoding of one sentence; with a memo of the scorer's own table, word sums come from it. */
export function decodeNer(scorer: Scorer, c: NerContext, cache?: NerWordScores): Int32Array {
  const n = c.atoms.n;
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const k = nerFeatures(c, i, labels, KEYS);
    if (cache) {
      cache.wordScores(c, i, KEYS, SCORES);
      cache.table.add(KEYS, NER_WORD_FEATURES, k, SCORES);
    } else {
      scorer.score(KEYS, k, SCORES);
    }
    labels[i] = bestAllowed(SCORES, i ? labels[i - 1]! : -1, i === n - 1);
  }
  return labels;
}

export interface WordSpan {
  /** Word range [start, end). */
  start: number;
  end: number;
  type: NerType;
}

/** The spans of a well-formed label sequence. */
export function spansOfLabels(labels: ArrayLike<number>): WordSpan[] {
  const out: WordSpan[] = [];
  let open = -1;
  for (let i = 0; i < labels.length; i++) {
    const c = labels[i]!;
    if (c === 0) { open = -1; continue; }
    const p = part(c);
    if (p === 3) out.push({ start: i, end: i + 1, type: NER_TYPES[typeOf(c)]! });
    else if (p === 0) open = i;
    else if (p === 2 && open >= 0) { out.push({ start: open, end: i + 1, type: NER_TYPES[typeOf(c)]! }); open = -1; }
  }
  return out;
}

/** BILOU labels of spans over n words (spans must not overlap). */
export function labelsOfSpans(n: number, spans: readonly WordSpan[]): Int32Array {
  const labels = new Int32Array(n);
  for (const s of spans) {
    const base = 1 + 4 * NER_TYPES.indexOf(s.type);
    if (s.end - s.start === 1) labels[s.start] = base + 3;
    else {
      labels[s.start] = base;
      for (let i = s.start + 1; i < s.end - 1; i++) labels[i] = base + 1;
      labels[s.end - 1] = base + 2;
    }
  }
  return labels;
}

/** Lower-case words that may stand inside a name ("Bank of England", "Sérgio Vieira de Mello", "bin Farhan"). */
const INSIDE_WORDS = new Set(['of', 'for', 'and', 'the', 'on', 'in', 'at', 'de', 'da', 'del', 'der', 'du', 'van', 'von', 'la', 'le',
  'al', 'el', 'bin', 'ibn', 'y', 'e', 'di', '&', '-', '.', "'s", "'"]);

const namePart = (w: string): boolean => /\p{Lu}|\p{N}/u.test(w);

/**
 * Greedy decoding can open a span and, never taught what follows a span opened in error, run it on over lower-case
 * words ("Tony, who has deep, if controversial, experience"). A span ends before the first word that is neither
 * capitalised (or a number) nor a word that names hold, and its trailing such words are not part of it.
 */
export function trimSpans(forms: readonly string[], spans: readonly WordSpan[]): WordSpan[] {
  const out: WordSpan[] = [];
  for (const s of spans) {
    let end = s.start;
    while (end < s.end && (namePart(forms[end]!) || (end > s.start && INSIDE_WORDS.has(forms[end]!.toLowerCase())))) end++;
    while (end > s.start && !namePart(forms[end - 1]!)) end--;
    if (end > s.start) out.push(end === s.end ? s : { ...s, end });
  }
  return out;
}
