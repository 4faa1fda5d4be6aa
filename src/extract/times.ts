/**
 * Time expressions: every date, month, year or decade the text names, normalised against the report date
 * (ctx.date). Calendar dates to the day come from chrono-node (time/calendar-dates.ts); the news phrasing it
 * lacks — "last May", "in March", "since 2006", "the 1990s", "last year", "on Wednesday", "that year" — from our
 * own rules (time/rules.ts). Overlapping candidates keep the longest; durations ("for several years", "two
 * decades") are not times and are never produced.
 */
import type { TimeExpression } from '../model/types.js';
import type { Extractor } from './pipeline.js';
import { formatValue, parseYmd, type Resolved } from './time/calendar.js';
import { calendarDateCandidates } from './time/calendar-dates.js';
import { type Candidate, type RecalledTime, ruleCandidates, type RuleEnv } from './time/rules.js';
import { tenseAt } from './time/tense.js';

export const extractTimes: Extractor<'times'> = (doc, ctx) => {
  const env: RuleEnv = { doc, ref: parseYmd(ctx.date), tense: (start, end) => tenseAt(doc, start, end) };
  const chosen = longestFirst([...calendarDateCandidates(env), ...ruleCandidates(env)]);
  const out: TimeExpression[] = [];
  // Anaphoric expressions ("that year", "two days later") count from the latest resolved time before them, the
  // story's time: a time read from the report date that follows the story's own time in its sentence is an aside
  // ("On February 19, X, who won an election this month, said ..."; "later that month" is February).
  let anchor: Resolved | null = null;
  let storySentence = -1;
  const earlier: RecalledTime[] = [];
  for (const c of chosen) {
    const resolved: Resolved | null = c.recall ? c.recall(earlier) : c.anchored ? (anchor ? c.anchored(anchor) : null) : c.resolved;
    const sentence = doc.sentenceIndexAt(c.start);
    const aside = c.deictic && storySentence === sentence;
    if (resolved && !aside) anchor = resolved;
    if (resolved && !c.deictic) storySentence = sentence;
    if (resolved) {
      const s = doc.sentences[sentence];
      earlier.push({ resolved, sentence: s ? doc.text.slice(s.start, s.end) : '' });
    }
    out.push({
      text: doc.text.slice(c.start, c.end),
      start: c.start,
      end: c.end,
      value: resolved ? formatValue(resolved) : null,
      granularity: resolved ? resolved.granularity : null,
    });
  }
  return out;
};

/** Keeps the longest of overlapping candidates (ties: a preferred one, else the earlier source), returned in text order. */
function longestFirst(candidates: Candidate[]): Candidate[] {
  const byLength = candidates
    .map((c, order) => ({ c, order }))
    .sort((a, b) => b.c.end - b.c.start - (a.c.end - a.c.start) || Number(!!b.c.preferred) - Number(!!a.c.preferred) || a.order - b.order);
  // Each kept candidate marks the characters it covers, and a later one is kept only over unmarked ones: the cost
  // is the candidates' total length, where comparing each with every kept one would grow with the square of their
  // number (a table of years gives thousands).
  let from = Infinity;
  let to = 0;
  for (const c of candidates) {
    from = Math.min(from, c.start);
    to = Math.max(to, c.end);
  }
  const taken = new Uint8Array(Math.max(0, to - from));
  const kept: Candidate[] = [];
  for (const { c } of byLength) {
    let free = true;
    for (let k = c.start; k < c.end && free; k++) if (taken[k - from]) free = false;
    if (!free) continue;
    taken.fill(1, c.start - from, c.end - from);
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}
