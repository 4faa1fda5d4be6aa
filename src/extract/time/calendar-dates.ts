/**
 * Calendar dates to the day — "Feb. 24, 2022", "24 February 2022", "the 24th of February", "2022-02-24",
 * "24.02.2022", "June 28-30, 2022", "three days after February 24" — from chrono-node's strict parser, which
 * reads these forms well and fast (about 0.1 ms for 700 words). We keep only results that name a month and a
 * day, and choose the year ourselves when the text gives none: chrono picks the nearest, we follow the tense.
 */
import * as chrono from 'chrono-node';
import { daysInMonth, type Ymd } from './calendar.js';
import type { Candidate, RuleEnv } from './rules.js';
import { yearOfDay } from './resolve.js';
import { MONTH_ANY } from './lexicon.js';

const MONTH_NAME = new RegExp(`\\b${MONTH_ANY}`);

// chrono needs some reference to run; when the document has none, values without a year are dropped anyway. A
// number, not a shared Date: a Date handed to a library is an object it could change for the next document.
const FALLBACK_REFERENCE = Date.UTC(2000, 0, 1, 12);

// Words chrono includes before the date ("on 5 July") that are not part of the expression.
const LEADING_WORDS = /^(?:(?:on|in|at|by|from|since|of|the)\s+)+/i;

export function calendarDateCandidates(env: RuleEnv): Candidate[] {
  const ref = env.ref;
  const reference = new Date(ref ? Date.UTC(ref.y, ref.m - 1, ref.d, 12) : FALLBACK_REFERENCE);
  const out: Candidate[] = [];
  for (const result of chrono.strict.parse(env.doc.shadow, reference)) {
    const c = result.start;
    if (!c.isCertain('month') || !c.isCertain('day')) continue;
    let text = result.text;
    const hasYear = /\d{4}|\d{1,2}[/.]\d{1,2}[/.]\d{2}\b/.test(text);
    // A date must name its month or write it in digits: chrono also reads "three days after <anything>" as three
    // days after the reference date. Digits alone without a year ("3.5", "1/2") are numbers, not dates.
    if (!MONTH_NAME.test(text) && !(hasYear && /\d[-/.]\d/.test(text))) continue;
    let start = result.index;
    const lead = LEADING_WORDS.exec(text);
    if (lead) {
      start += lead[0].length;
      text = text.slice(lead[0].length);
    }
    const end = start + text.trimEnd().length;
    const day: Ymd = { y: c.get('year')!, m: c.get('month')!, d: c.get('day')! };
    let resolved: Candidate['resolved'] = null;
    if (hasYear) resolved = { at: day, granularity: 'day' };
    else if (ref) {
      // A range ("from January 23 through March 9") often spans the report date: take its nearest year.
      const y = yearOfDay(ref, day.m, day.d, result.end ? null : env.tense(start, end));
      resolved = { at: { y, m: day.m, d: Math.min(day.d, daysInMonth(y, day.m)) }, granularity: 'day' };
    }
    out.push({ start, end, resolved });
  }
  return out;
}
