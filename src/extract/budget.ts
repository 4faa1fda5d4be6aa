/**
 * The analysis budget: how large a document the pipeline takes, and how long it may spend on one. Every step is
 * linear in the document's length (test/long-document.test.ts keeps it so), but linear is still minutes for a dump
 * of several megabytes on a busy machine, and one such input must not hold up the inputs after it. A document over
 * the size is refused before any work; one that runs over the time is stopped at the next sentence it parses or
 * the next step, whichever comes first (the parse is most of the cost, so the overrun is a sentence or one step).
 */

export interface AnalysisBudget {
  /** The longest text analysed, in characters (UTF-16 code units, as the offsets count). */
  maxChars: number;
  /** Milliseconds of analysis per document. */
  maxMs: number;
}

/**
 * A million characters is ~150,000 words, twenty times a long feature; two minutes is far beyond what one takes
 * (a 700-word article is analysed in well under a second), yet bounds what an input can cost.
 */
export const DEFAULT_BUDGET: AnalysisBudget = { maxChars: 1_000_000, maxMs: 120_000 };

/** A document the budget refused or stopped; the message reads after the input's name. */
export class AnalysisBudgetError extends Error {}

export function tooLong(chars: number, budget: AnalysisBudget): AnalysisBudgetError {
  return new AnalysisBudgetError(
    `is ${chars.toLocaleString('en')} characters of text; analysis takes at most ${budget.maxChars.toLocaleString('en')} a document (--max-chars): split it into articles`,
  );
}

export function tooSlow(budget: AnalysisBudget): AnalysisBudgetError {
  return new AnalysisBudgetError(
    `analysis ran over its budget of ${formatSeconds(budget.maxMs)} (--analysis-timeout) and was stopped; not stored`,
  );
}

function formatSeconds(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
