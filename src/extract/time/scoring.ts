/**
 * Scoring time expressions against a gold standard, shared by the TempEval-3 and GUM evaluations: one-to-one
 * span matching (exact or overlapping, as TempEval-3's strict and relaxed extent scores) and value agreement on
 * the matched pairs.
 */
import type { Span } from '../../model/types.js';

export interface GoldTime extends Span {
  /** The gold value as the corpus writes it (TimeML `value`, GUM `when`), or null when it has none. */
  value: string | null;
  /** TimeML type (DATE, DURATION, SET, TIME) or the corpus's own label. */
  type: string;
}

export interface PredictedTime extends Span {
  value: string | null;
}

export interface TimeMatch<G extends GoldTime = GoldTime> {
  gold: G;
  predicted: PredictedTime;
}

/**
 * Pairs each gold span with at most one prediction: exact matches first, then (when `relaxed`) the prediction
 * that overlaps it most. Returns the pairs; unmatched items are the false negatives and positives.
 */
export function matchTimes<G extends GoldTime>(gold: G[], predicted: PredictedTime[], relaxed: boolean): TimeMatch<G>[] {
  const used = new Set<PredictedTime>();
  const pairs: TimeMatch<G>[] = [];
  const unmatched: G[] = [];
  for (const g of gold) {
    const exact = predicted.find((p) => !used.has(p) && p.start === g.start && p.end === g.end);
    if (exact) {
      used.add(exact);
      pairs.push({ gold: g, predicted: exact });
    } else unmatched.push(g);
  }
  if (!relaxed) return pairs;
  for (const g of unmatched) {
    let best: PredictedTime | null = null;
    let bestOverlap = 0;
    for (const p of predicted) {
      if (used.has(p)) continue;
      const overlap = Math.min(p.end, g.end) - Math.max(p.start, g.start);
      if (overlap > bestOverlap) {
        best = p;
        bestOverlap = overlap;
      }
    }
    if (best) {
      used.add(best);
      pairs.push({ gold: g, predicted: best });
    }
  }
  return pairs;
}

/** Whether two values agree: exact string equality, as TempEval-3 scores `value` (a day is not a time of day). */
export function sameValue(gold: string | null, predicted: string | null): boolean {
  return gold !== null && predicted !== null && gold === predicted;
}
