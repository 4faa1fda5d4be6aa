/**
 * The date of an act told over a span that runs up to the report: "Valmora has trained 9,000 cadets over the four
 * years since the launch of its programme". The span is counted back from the report's date (the present perfect ties
 * it to now), and its start is the act's date: the training began then and goes on. Only with a count and a unit
 * and a "since" that says the span has a start; "over the past two months" alone is a stretch up to now, which the
 * report's date ("≤ date") already tells.
 */
import type { EventRecord } from '../../model/types.js';
import type { SyntaxTree } from '../../nlp/syntax/tree.js';
import { addDays, addMonths, formatValue, parseYmd, type Granularity } from '../time/calendar.js';
import { countOf } from '../time/lexicon.js';

/** Units of a span, to how far back one unit goes and the granularity its start is told at. */
const UNITS: Record<string, { months: number; days: number; granularity: Granularity }> = {
  year: { months: 12, days: 0, granularity: 'year' },
  month: { months: 1, days: 0, granularity: 'month' },
  week: { months: 0, days: 7, granularity: 'month' },
  day: { months: 0, days: 1, granularity: 'day' },
};

/** Prepositions of a span up to now: "in the four years since", "over the two weeks since", "during the …". */
const SPAN_CASES = new Set(['in', 'over', 'during', 'within']);

/**
 * The start of the span predicate `p` (a verb in the present perfect) is told over, counted back from `report`, or
 * null. `text` is the span's words ("the four years").
 */
export function spanStartDate(tree: SyntaxTree, p: number, report: string, text: string): NonNullable<EventRecord['date']> | null {
  const r = parseYmd(report);
  if (!r || p < 0) return null;
  const auxes = tree.dependents(p, 'aux');
  if (!auxes.some((a) => tree.lemma(a) === 'have' && tree.word(a).xpos !== 'VBD') || tree.word(p).xpos !== 'VBN') return null;
  // The span as the verb's oblique, or hung by the parser on its object ("detained 40 people in the two weeks …").
  const spans = [...tree.dependents(p, 'obl'), ...tree.dependents(p, 'obj').flatMap((o) => tree.dependents(o, 'nmod'))];
  for (const u of spans) {
    if (!tree.dependents(u, 'case').some((c) => SPAN_CASES.has(tree.lower(c)))) continue;
    const unit = UNITS[tree.lemma(u)];
    if (!unit) continue;
    const n = tree.dependents(u, 'nummod').map((k) => countOf(tree.lower(k)))[0];
    if (n === null || n === undefined || n < 1) continue;
    // "since the start of X", "since it began": hung on the unit or beside it on the verb.
    const since = [...tree.dependents(u, 'nmod', 'acl'), ...tree.dependents(p, 'obl', 'advcl')].some((k) =>
      k > u && tree.dependents(k, 'case', 'mark').some((m) => tree.lower(m) === 'since'));
    if (!since) continue;
    const at = unit.months ? addMonths(r, -n * unit.months) : addDays(r, -n * unit.days);
    const words = tree.subtree(u).filter((k) => k <= u && tree.word(k).rel !== 'case');
    const start = tree.word(words[0]!).start;
    const end = tree.word(u).end;
    return { value: formatValue({ at, granularity: unit.granularity }), text: text.slice(start, end), basis: 'stated' };
  }
  return null;
}
