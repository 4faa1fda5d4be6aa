/**
 * Our own time-expression patterns: the news phrasing chrono-node misses or gets wrong ("last May", "in March",
 * "since 2006", "the 1990s", "last year", "on Wednesday", "two days later", "that year"). Each rule is one regular
 * expression over the folded shadow of the text (same offsets as the original) and a function that turns a
 * match into a candidate, or rejects it. The whole match is always the span; context that must not be in the
 * span (the "in" of "in March") is read around it.
 */
import type { Doc } from '../../nlp/doc.js';
import { addDays, addMonths, coarserOrEqual, daysInMonth, type Granularity, parseYmd, type Resolved, type Ymd } from './calendar.js';
import { countOf, MONTH_ANY, MONTH_FULL, MONTH_NUMBER, NUMBER, SEASON_START, VAGUE_NUMBER, WEEKDAY, WEEKDAYS } from './lexicon.js';
import { dayOfWeekday, type Direction, weekContaining, yearOfMonth, yearOfSeason } from './resolve.js';
import { type Tense, tenseAt } from './tense.js';

/** A possible time expression. `anchored` ones take their value from the previous resolved expression. */
export interface Candidate {
  start: number;
  end: number;
  /** The value, or null when the expression is a time that cannot be resolved here. */
  resolved: Resolved | null;
  anchored?: (anchor: Resolved) => Resolved | null;
  /** Read from the report date ("this month", "last May", "yesterday") rather than from the story's own time. */
  deictic?: boolean;
  /** Wins a tie with a candidate of the same length (a month read with the year the next words name). */
  preferred?: boolean;
  /** Takes its value from the times resolved before it ("on election day": the day the vote was dated). */
  recall?: (earlier: readonly RecalledTime[]) => Resolved | null;
}

/** A time resolved earlier in the text, with its sentence. */
export interface RecalledTime {
  resolved: Resolved;
  sentence: string;
}

/** Rules whose values count from the report date. */
const DEICTIC_RULES = new Set([
  'relative-unit', 'end-of-the-unit', 'relative-month', 'bare-month', 'weekday', 'deictic-day', 'ago', 'relative-season',
  'bare-season', 'month-relative-year',
]);

export interface RuleEnv {
  doc: Doc;
  /** The report date, or null: relative expressions then get no value. */
  ref: Ymd | null;
  tense(start: number, end: number): Tense;
}

interface Rule {
  name: string;
  pattern: RegExp;
  build(m: RegExpExecArray, env: RuleEnv): Candidate | null;
}

// "early", "mid-", "the end of": they narrow an expression but do not change its value at our granularities.
const NARROWER = '(?:(?:early|late|mid|the (?:end|beginning|start|middle|first half|second half|rest) of|' +
  '(?:end|beginning|start|middle) of)[\\s-]+)?';
const YEAR = '(?:1[89]|20)\\d\\d';

/** Prepositions that introduce a time: "in March", "since 2006". */
const TIME_PREPOSITIONS = new Set([
  'in', 'since', 'until', 'till', 'by', 'from', 'during', 'through', 'before', 'after', 'of', 'on', 'between',
  'early', 'late', 'mid', 'last', 'this', 'next', 'around', 'throughout', 'to', 'and', 'or', 'as',
]);

/** Prepositions that, before a month name, make it a month whatever follows. */
const STRONG_TIME_PREPOSITIONS = new Set(['in', 'since', 'until', 'till', 'during', 'through', 'throughout', 'before', 'after']);

/** Words before a number that make it a quantity or a label, not a year: "about 2000", "Resolution 1244". */
const QUANTITY_BEFORE = new Set([
  'about', 'some', 'nearly', 'almost', 'over', 'around', 'approximately', 'roughly', 'than', 'total', 'least',
  'estimated', 'only', 'just', 'no', 'number', 'resolution', 'article', 'paragraph', 'section', 'flight', 'route',
  'page', 'pages', 'model', 'code', 'with', 'all', 'additional', 'another', 'extra',
]);

/** Prepositions that join quantities as readily as years ("a total of 2000 troops", "from 2014 to 2024"). */
const WEAK_PREPOSITIONS = new Set(['of', 'to', 'and', 'or', 'as', 'around']);

/** Plural nouns after a year that still make it a year ("the 2022 elections"). */
const EVENT_PLURALS = new Set([
  'elections', 'olympics', 'games', 'talks', 'negotiations', 'protests', 'riots', 'floods', 'bombings', 'attacks',
  'hearings', 'polls', 'consultations', 'sanctions', 'accords', 'agreements', 'championships', 'celebrations',
  'events', 'wars', 'clashes', 'strikes', 'demonstrations', 'exercises', 'drills', 'summits', 'meetings',
  'reforms', 'amendments', 'changes', 'estimates', 'figures', 'results', 'levels', 'guidelines',
]);

/** Count nouns that do not end in -s. */
const COUNT_NOUNS = new Set(['year', 'people', 'police', 'personnel', 'staff', 'children', 'men', 'women', 'km', 'kg', 'percent', 'per', 'troops']);

/** The word before `at`, skipping spaces (and a hyphen), in original case; '' at the start. */
export function wordBefore(text: string, at: number): string {
  let i = at;
  while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\t' || text[i - 1] === '\n')) i--;
  const end = i;
  while (i > 0 && /[A-Za-z'.]/.test(text[i - 1]!)) i--;
  return text.slice(i, end).replace(/^'+|\.+$/g, '');
}

/** The word after `at`, skipping spaces, in original case; '' when punctuation or the end follows. */
export function wordAfter(text: string, at: number): string {
  let i = at;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  const start = i;
  while (i < text.length && /[A-Za-z]/.test(text[i]!)) i++;
  return text.slice(start, i);
}

const isCapitalised = (w: string): boolean => /^[A-Z]/.test(w);

// Words that may stand capitalised before a year or month without making it part of a name ("The 2022 summit",
// "So 2009 was").
const DETERMINERS = new Set([
  'the', 'a', 'its', 'their', 'his', 'her', 'our', 'this', 'that', 'each', 'every', 'so', 'but', 'then', 'now',
  'also', 'yet', 'even', 'only', 'while', 'when', 'whereas', 'not',
]);

/**
 * Whether a capitalised word stands right before `at`, making the number or month part of a name: "Agenda 2030",
 * "Resolution 1244", "Good Friday", "Theresa May". Prepositions, months and determiners do not count.
 */
function capitalisedNameBefore(text: string, at: number): boolean {
  if (text[at - 1] !== ' ') return false; // "Madrid, 2022" or a line break: not a name + number
  const w = wordBefore(text, at);
  if (!w || !isCapitalised(w)) return false;
  const lower = w.toLowerCase();
  return !TIME_PREPOSITIONS.has(lower) && !MONTH_NUMBER.has(lower) && !DETERMINERS.has(lower);
}

const monthOf = (name: string): number => MONTH_NUMBER.get(name.toLowerCase().replace(/\.$/, ''))!;
const at = (y: number, m = 1, d = 1): Ymd => ({ y, m, d });
const r = (a: Ymd, granularity: Granularity): Resolved => ({ at: a, granularity });
const relative = (env: RuleEnv, f: (ref: Ymd) => Resolved | null): Resolved | null => (env.ref ? f(env.ref) : null);
const span = (m: RegExpExecArray) => ({ start: m.index, end: m.index + m[0].length });

const UNIT_GRANULARITY: Record<string, Granularity> = { day: 'day', week: 'day', month: 'month', year: 'year', decade: 'year' };

function shift(a: Ymd, unit: string, n: number): Ymd {
  switch (unit) {
    case 'day':
      return addDays(a, n);
    case 'week':
      return addDays(a, 7 * n);
    case 'month':
      return addMonths(a, n);
    case 'decade':
      return addMonths(a, 120 * n);
    default:
      return addMonths(a, 12 * n);
  }
}

export const RULES: Rule[] = [
  {
    name: 'month-year', // "November 2023", "Feb. 2022", "early March 2022"
    pattern: new RegExp(`\\b${NARROWER}(${MONTH_ANY}),? (?:of )?(${YEAR})\\b`, 'g'),
    build: (m) => ({ ...span(m), resolved: r(at(Number(m[2]), monthOf(m[1]!)), 'month') }),
  },
  {
    name: 'year', // "in 2022", "since 2006", "the 2022 Madrid Summit", "mid-2023", "the end of 2022"
    pattern: new RegExp(`(?:\\b(?:early|late|mid|the (?:end|beginning|start|middle|first half|second half) of|` +
      `(?:end|beginning|start|middle) of)[\\s-]+)?(?<![\\w$€£,./:'])(\\d{4})(?![\\w%]|[,.:]\\d|-(?:0\\d|1[0-2])(?!\\d))`, 'g'),
    build: (m, env) => {
      const year = Number(m[1]);
      const text = env.doc.shadow;
      const numberStart = m.index + m[0].length - 4;
      const before = wordBefore(text, numberStart).toLowerCase();
      const hasPrefix = numberStart > m.index;
      const prepositional = hasPrefix || (TIME_PREPOSITIONS.has(before) && !WEAK_PREPOSITIONS.has(before));
      // Medieval years only after a preposition ("in 1389"); otherwise stay with 1800..2099.
      if (year > 2099 || year < 1000 || (year < 1800 && !prepositional)) return null;
      // A hyphen before the number is only a year range ("2009-2010").
      if (text[numberStart - 1] === '-' && !hasPrefix && !/\d{4}-$/.test(text.slice(numberStart - 5, numberStart))) return null;
      if (!prepositional) {
        if (QUANTITY_BEFORE.has(before)) return null;
        if (capitalisedNameBefore(text, numberStart)) return null;
        const after = wordAfter(text, m.index + m[0].length);
        const lower = after.toLowerCase();
        if (COUNT_NOUNS.has(lower)) return null;
        if (after === lower && /[^siu]s$/.test(lower) && !EVENT_PLURALS.has(lower)) return null;
      }
      return { ...span(m), resolved: r(at(year), 'year') };
    },
  },
  {
    name: 'year-range-end', // the "58" of "1957-58"
    pattern: /(?<=\b(1[89]|20)\d\d-)\d\d\b(?![-/.]\d)/g,
    build: (m) => {
      const year = Number(m[1]) * 100 + Number(m[0]);
      return year > Number(m.input.slice(m.index - 5, m.index - 1)) ? { ...span(m), resolved: r(at(year), 'year') } : null;
    },
  },
  {
    name: 'decade', // "the 1990s", "in the early 2000s", "1930's"
    pattern: new RegExp(`\\b(?:the )?(?:(?:early|late|mid)[\\s-]+)?(${YEAR.replace('\\d\\d', '\\d')}0)'?s\\b`, 'g'),
    build: (m) => ({ ...span(m), resolved: r(at(Number(m[1])), 'decade') }),
  },
  {
    name: 'relative-unit', // "last year", "this month", "next week", "earlier this year", "the end of last year"
    pattern: new RegExp(`\\b(?:(?:earlier|later) |${NARROWER})(last|this|next) (?:fiscal |calendar )?(year|month|week|weekend)\\b`, 'gi'),
    build: (m, env) => {
      // "over the last year" is a duration, not last calendar year.
      if (/^the$/i.test(wordBefore(env.doc.shadow, m.index)) && /^last/i.test(m[0])) return null;
      const step = { last: -1, this: 0, next: 1 }[m[1]!.toLowerCase() as 'last' | 'this' | 'next'];
      const unit = m[2]!.toLowerCase();
      return {
        ...span(m),
        resolved: relative(env, (ref) =>
          unit === 'year' ? r(at(ref.y + step), 'year')
          : unit === 'month' ? r(addMonths(at(ref.y, ref.m), step), 'month')
          : weekContaining(addDays(ref, 7 * step))),
      };
    },
  },
  {
    name: 'end-of-the-unit', // "the end of the year", "the start of the month", "year-end"
    pattern: /\b(?:(?:the )?(?:end|beginning|start|middle|rest) of (?:the )?(year|month)|(?:the )?(year)[- ]end)\b/gi,
    build: (m, env) => {
      const year = (m[1] ?? m[2])!.toLowerCase() === 'year';
      // "peaked by the end of the year" in a March report: this year's end has not come, so it is last year's.
      const endPassed = /\bend\b/i.test(m[0]) && env.tense(m.index, m.index + m[0].length) === 'past';
      return {
        ...span(m),
        resolved: relative(env, (ref) => year
          ? r(at(endPassed && ref.m < 12 ? ref.y - 1 : ref.y), 'year')
          : r(endPassed && ref.d <= daysInMonth(ref.y, ref.m) - 3 ? addMonths(at(ref.y, ref.m), -1) : at(ref.y, ref.m), 'month')),
      };
    },
  },
  {
    name: 'relative-month', // "last May", "this February", "next March", "this past June"
    pattern: new RegExp(`\\b${NARROWER}([Ll]ast|[Tt]his|[Nn]ext|[Pp]ast) (${MONTH_FULL})\\b`, 'g'),
    build: (m, env) => {
      const word = m[1]!.toLowerCase();
      const direction: Direction = word === 'next' ? 'next' : word === 'this' ? 'this' : 'last';
      const month = monthOf(m[2]!);
      return { ...span(m), resolved: relative(env, (ref) => r(at(yearOfMonth(ref, month, direction), month), 'month')) };
    },
  },
  {
    name: 'bare-month', // "in March", "since October", "early December" — not "Theresa May", not "March Madness"
    pattern: new RegExp(`\\b${NARROWER}(${MONTH_FULL})\\b`, 'g'),
    build: (m, env) => {
      const text = env.doc.shadow;
      const monthStart = m.index + m[0].length - m[1]!.length;
      const narrowed = monthStart > m.index;
      const before = wordBefore(text, m.index);
      const after = wordAfter(text, m.index + m[0].length);
      // "August Bebel", "May Day": a capitalised word after makes a name, except after a preposition that only
      // times take ("In August Mr X visited", "since November Belgrade has").
      const strong = STRONG_TIME_PREPOSITIONS.has(before.toLowerCase()) && !narrowed;
      if (after && isCapitalised(after) && text[m.index + m[0].length] === ' ' && (!strong || after === 'Day')) return null;
      if (!narrowed) {
        const prepositional = TIME_PREPOSITIONS.has(before.toLowerCase());
        // "May" and "March" are also a name, a verb, a noun: only after a preposition.
        if ((m[1] === 'May' || m[1] === 'March') && !prepositional) return null;
        if (!prepositional && capitalisedNameBefore(text, m.index)) return null;
      }
      const month = monthOf(m[1]!);
      return {
        ...span(m),
        resolved: relative(env, (ref) => r(at(yearOfMonth(ref, month, env.tense(m.index, m.index + m[0].length)), month), 'month')),
      };
    },
  },
  {
    name: 'weekday', // "on Wednesday", "last Friday", "Tuesday night" — not "Good Friday"
    pattern: new RegExp(`\\b(?:([Ll]ast|[Tt]his|[Nn]ext|[Pp]ast) )?(${WEEKDAY})(?: (?:morning|afternoon|evening|night))?\\b`, 'g'),
    build: (m, env) => {
      if (!m[1] && capitalisedNameBefore(env.doc.shadow, m.index)) return null;
      // "on a Monday", "every Friday": any such day, not a date.
      if (!m[1] && /^(?:a|an|every|each|any|some)$/i.test(wordBefore(env.doc.shadow, m.index))) return null;
      const target = WEEKDAYS.indexOf(m[2]!.toLowerCase() as (typeof WEEKDAYS)[number]);
      const word = m[1]?.toLowerCase() as 'last' | 'this' | 'next' | 'past' | undefined;
      return {
        ...span(m),
        resolved: relative(env, (ref) => {
          const tense = env.tense(m.index, m.index + m[0].length);
          const direction: Direction = word === 'past' ? 'last' : word === 'this' ? tense : word ?? tense;
          return r(dayOfWeekday(ref, target, direction), 'day');
        }),
      };
    },
  },
  {
    name: 'deictic-day', // "yesterday", "today", "tomorrow morning"
    pattern: /\b(yesterday|today|tonight|tomorrow)(?: (?:morning|afternoon|evening|night))?\b/gi,
    build: (m, env) => {
      const offset = { yesterday: -1, today: 0, tonight: 0, tomorrow: 1 }[m[1]!.toLowerCase() as 'today'];
      return { ...span(m), resolved: relative(env, (ref) => r(addDays(ref, offset), 'day')) };
    },
  },
  {
    name: 'ago', // "three days ago", "two years ago"; "several years ago" is a time without a value
    pattern: new RegExp(`\\b(${NUMBER}|${VAGUE_NUMBER}) (day|week|month|year|decade)s? ago\\b`, 'gi'),
    build: (m, env) => {
      const n = countOf(m[1]!);
      const unit = m[2]!.toLowerCase();
      return {
        ...span(m),
        resolved: n === null ? null : relative(env, (ref) => r(shift(ref, unit, -n), UNIT_GRANULARITY[unit]!)),
      };
    },
  },
  {
    name: 'later', // "two days later", "a year earlier": counted from the previous time in the text
    pattern: new RegExp(`\\b(${NUMBER}) (day|week|month|year)s? (later|earlier|afterwards?)\\b`, 'gi'),
    build: (m, env) => {
      if (/^(than|about|almost|nearly|some|over)$/i.test(wordBefore(env.doc.shadow, m.index))) return null;
      const n = countOf(m[1]!);
      const unit = m[2]!.toLowerCase();
      const sign = /^earlier/i.test(m[3]!) ? -1 : 1;
      const granularity = UNIT_GRANULARITY[unit]!;
      return {
        ...span(m),
        resolved: null,
        anchored: (anchor) =>
          n === null || !coarserThanOrSame(granularity, anchor.granularity) ? null : r(shift(anchor.at, unit, sign * n), granularity),
      };
    },
  },
  {
    name: 'anaphoric-unit', // "that year", "later that month", "the following day", "the same day"
    pattern: /\b(?:(?:earlier|later) )?(that|the same|the following|the previous|the preceding|the next) (day|week|month|year)\b/gi,
    build: (m) => {
      const word = m[1]!.toLowerCase();
      const unit = m[2]!.toLowerCase();
      // "over the next year" is a duration; "the next day" is a date.
      if (word === 'the next' && unit !== 'day') return null;
      const step = word === 'the following' || word === 'the next' ? 1 : word === 'the previous' || word === 'the preceding' ? -1 : 0;
      const granularity: Granularity = unit === 'week' ? 'day' : UNIT_GRANULARITY[unit]!;
      return {
        ...span(m),
        resolved: null,
        anchored: (anchor) => {
          if (!coarserThanOrSame(granularity, anchor.granularity)) return null;
          const moved = shift(anchor.at, unit, step);
          return unit === 'week' ? weekContaining(moved) : r(moved, granularity);
        },
      };
    },
  },
  {
    name: 'season-year', // "the spring of 2012", "winter 2021": the season of the year it starts in
    pattern: new RegExp(`\\b(?:(?:early|late|mid)[\\s-]+)?(?:the )?(spring|summer|autumn|fall|winter) (?:of )?(${YEAR})\\b`, 'gi'),
    build: (m) => ({ ...span(m), resolved: r(at(Number(m[2]), SEASON_START.get(m[1]!.toLowerCase())!), 'season') }),
  },
  {
    name: 'relative-season', // "last summer", "this winter", "the past spring"
    pattern: /\b(?:(?:early|late|mid)[\s-]+)?(last|this|next|past) (spring|summer|autumn|fall|winter)\b/gi,
    build: (m, env) => {
      const word = m[1]!.toLowerCase();
      const direction = word === 'past' ? 'last' : (word as 'last' | 'this' | 'next');
      const start = SEASON_START.get(m[2]!.toLowerCase())!;
      return { ...span(m), resolved: relative(env, (ref) => r(at(yearOfSeason(ref, start, direction), start), 'season')) };
    },
  },
  {
    // "in the summer", "over the winter": the latest such season (the one in progress included), or in a future
    // clause the next. Not "the fall" (of a city), not "the summer of ..." (of a year, or of something else).
    name: 'bare-season',
    pattern: /(?<=\b(?:in|during|over|through|throughout|since|until|by|before|after|early in|late in) )the (early |late )?(spring|summer|autumn|winter)\b(?! of\b)(?![- ](?:[Oo]lympics|[Gg]ames|[Ss]chool|[Ss]ession))/gi,
    build: (m, env) => {
      const start = SEASON_START.get(m[2]!.toLowerCase())!;
      return {
        ...span(m),
        resolved: relative(env, (ref) => r(at(yearOfSeason(ref, start, env.tense(m.index, m.index + m[0].length)), start), 'season')),
      };
    },
  },
  {
    // "December last year", "5 March this year", "June of next year": the month (or day) takes the year the words
    // after it name; those words stay an expression of their own, as the corpora annotate them.
    name: 'month-relative-year',
    pattern: new RegExp(`\\b${NARROWER}(?:(\\d{1,2})(?:st|nd|rd|th)? (?:of )?)?(${MONTH_FULL})(?: (\\d{1,2})(?:st|nd|rd|th)?)?(?=,? (?:of )?(last|this|next) year\\b)`, 'g'),
    build: (m, env) => {
      const step = { last: -1, this: 0, next: 1 }[m[4]!.toLowerCase() as 'last'];
      return { ...span(m), preferred: true, resolved: relative(env, (ref) => monthOfYear(ref.y + step, m[2]!, m[1] ?? m[3])) };
    },
  },
  {
    // "in June of that year", "in March the following year": the year of the story's time (the words after the
    // month stay an expression of their own).
    name: 'month-anaphoric-year',
    pattern: new RegExp(`\\b${NARROWER}(?:(\\d{1,2})(?:st|nd|rd|th)? (?:of )?)?(${MONTH_FULL})(?: (\\d{1,2})(?:st|nd|rd|th)?)?(?=,? (?:of )?` +
      `(that|the same|the previous|the preceding|the following|the next) year\\b)`, 'g'),
    build: (m) => {
      const word = m[4]!.toLowerCase();
      const step = word === 'the following' || word === 'the next' ? 1 : word === 'the previous' || word === 'the preceding' ? -1 : 0;
      return { ...span(m), preferred: true, resolved: null, anchored: (anchor) => monthOfYear(anchor.at.y + step, m[2]!, m[1] ?? m[3]) };
    },
  },
  {
    // "on election day", "on polling day": the day the text dated the vote earlier, if it did.
    name: 'election-day',
    pattern: /(?<=\b[Oo]n )(?:the )?(?:election|polling|voting|referendum) day\b/g,
    build: (m) => ({ ...span(m), resolved: null, recall: (earlier) => electionDate(earlier) }),
  },
];

/** Whether a unit's granularity can be counted from an anchor of granularity `anchor` ("a day later" needs a day). */
const coarserThanOrSame = (unit: Granularity, anchor: Granularity): boolean => coarserOrEqual(unit, anchor);

/** A month of a given year, to the day when one is given. */
function monthOfYear(y: number, monthName: string, day: string | undefined): Resolved {
  const month = monthOf(monthName);
  const d = day ? Number(day) : 0;
  if (d >= 1 && d <= daysInMonth(y, month)) return r(at(y, month, d), 'day');
  return r(at(y, month), 'month');
}

/** Words that make a sentence about a vote. */
const VOTE_WORDS = /\b(?:elections?|electoral|vot(?:e|es|ed|ing)|polls?|polling|ballots?|referendum)\b/i;

/** The latest day-precise time before, in a sentence about a vote: the day "election day" means. */
function electionDate(earlier: readonly RecalledTime[]): Resolved | null {
  for (let i = earlier.length - 1; i >= 0; i--) {
    const t = earlier[i]!;
    if (t.resolved.granularity === 'day' && VOTE_WORDS.test(t.sentence)) return t.resolved;
  }
  return null;
}

/** Runs every rule over the shadow text. */
export function ruleCandidates(env: RuleEnv): Candidate[] {
  const out: Candidate[] = [];
  for (const rule of RULES) {
    rule.pattern.lastIndex = 0;
    for (let m = rule.pattern.exec(env.doc.shadow); m; m = rule.pattern.exec(env.doc.shadow)) {
      const c = rule.build(m, env);
      if (c) out.push(DEICTIC_RULES.has(rule.name) ? { ...c, deictic: true } : c);
    }
  }
  return out;
}

export { parseYmd };
