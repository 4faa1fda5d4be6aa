/**
 * What every evaluation suite provides. `npm run eval` loads each module in eval/suites/, runs the suites whose
 * data folder exists under ../shared/eval/, and prints one table (and, with --json, one JSON object).
 */
export interface Measure {
  /** e.g. "PERSON F1 (exact)". */
  measure: string;
  value: number | string | null;
  /** A published figure to compare against, with who published it: "Readability 0.947". */
  anchor?: string;
}

export interface EvalSuite {
  /** Short name shown in the table: "article-extraction". */
  name: string;
  /** The folder under ../shared/eval (or under ../shared/data, see `root`) it reads; the suite is skipped with a
   * message when it is absent. */
  data: string;
  /** Where `data` lies: ../shared/eval (the default, gold sets) or ../shared/data (the test splits of training corpora). */
  root?: 'eval' | 'data';
  run(dataDir: string): Promise<Measure[]>;
}

/** Precision, recall and F1 from counts. */
export function prf(tp: number, fp: number, fn: number): { p: number; r: number; f1: number } {
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp + fn ? tp / (tp + fn) : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

export const round = (x: number, digits = 3): number => Math.round(x * 10 ** digits) / 10 ** digits;
