/**
 * Calendar arithmetic for time normalisation: a plain year-month-day value, shifts by days, months and years, and
 * the TimeML-style strings (`2022`, `2022-06`, `2022-06-30`, `199X`, ISO weeks `2022-W26`, seasons `2022-SU`) that
 * TimeExpression.value holds.
 * Everything is proleptic Gregorian in UTC, so no time zone can move a date by a day.
 */

export type Granularity = 'day' | 'week' | 'month' | 'season' | 'year' | 'decade';

/** A calendar day; `m` is 1..12. */
export interface Ymd {
  y: number;
  m: number;
  d: number;
}

/**
 * A resolved time: the day it is anchored to and how much of that day is meaningful. A week is anchored to its
 * Monday, a season to the first day of the month it starts in (winter: December, by the year it starts in).
 */
export interface Resolved {
  at: Ymd;
  granularity: Granularity;
}

/** Parses `YYYY-MM-DD` (the format of ctx.date); anything else is null. */
export function parseYmd(value: string | null | undefined): Ymd | null {
  const m = value ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  if (!m) return null;
  const ymd = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  return ymd.m >= 1 && ymd.m <= 12 && ymd.d >= 1 && ymd.d <= daysInMonth(ymd.y, ymd.m) ? ymd : null;
}

/** Parses any of `YYYY`, `YYYY-MM`, `YYYY-MM-DD` into its first day and granularity. */
export function parseValue(value: string): Resolved | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return null;
  const at = { y: Number(m[1]), m: m[2] ? Number(m[2]) : 1, d: m[3] ? Number(m[3]) : 1 };
  return { at, granularity: m[3] ? 'day' : m[2] ? 'month' : 'year' };
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const toUtc = (a: Ymd): number => Date.UTC(a.y, a.m - 1, a.d);

function fromUtc(ms: number): Ymd {
  const t = new Date(ms);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export const addDays = (a: Ymd, n: number): Ymd => fromUtc(toUtc(a) + n * 86_400_000);

/** Shifts by whole months, clamping the day ("March 31 + 1 month" is April 30). */
export function addMonths(a: Ymd, n: number): Ymd {
  const index = a.y * 12 + (a.m - 1) + n;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return { y, m, d: Math.min(a.d, daysInMonth(y, m)) };
}

/** 0 = Sunday .. 6 = Saturday. */
export const weekday = (a: Ymd): number => new Date(toUtc(a)).getUTCDay();

/** Whole days from `a` to `b` (positive when b is later). */
export const daysBetween = (a: Ymd, b: Ymd): number => Math.round((toUtc(b) - toUtc(a)) / 86_400_000);

export const compareYmd = (a: Ymd, b: Ymd): number => toUtc(a) - toUtc(b);

const pad = (n: number): string => String(n).padStart(2, '0');

/** TimeML's season codes, by the month a season starts in. */
const SEASON_CODE: Record<number, string> = { 3: 'SP', 6: 'SU', 9: 'FA', 12: 'WI' };

/** The ISO 8601 week of a day: the week-year (the year of the week's Thursday) and the week number. */
export function isoWeek(a: Ymd): { year: number; week: number } {
  const thursday = addDays(a, 3 - ((weekday(a) + 6) % 7));
  const jan1 = { y: thursday.y, m: 1, d: 1 };
  return { year: thursday.y, week: Math.floor(daysBetween(jan1, thursday) / 7) + 1 };
}

/** The value string of a resolved time at its granularity. */
export function formatValue(r: Resolved): string {
  const { y, m, d } = r.at;
  switch (r.granularity) {
    case 'week': {
      const w = isoWeek(r.at);
      return `${w.year}-W${pad(w.week)}`;
    }
    case 'season':
      return `${y}-${SEASON_CODE[m] ?? 'SU'}`;
    case 'decade':
      return `${String(y).slice(0, 3)}X`;
    case 'year':
      return String(y);
    case 'month':
      return `${y}-${pad(m)}`;
    case 'day':
      return `${y}-${pad(m)}-${pad(d)}`;
  }
}

export const formatYmd = (a: Ymd): string => formatValue({ at: a, granularity: 'day' });

/** The last day a value covers: `2022` → 2022-12-31, `2022-06` → 2022-06-30, `199X` → 1999-12-31. */
export function lastDayOf(r: Resolved): Ymd {
  const { y, m } = r.at;
  switch (r.granularity) {
    case 'decade':
      return { y: y - (y % 10) + 9, m: 12, d: 31 };
    case 'year':
      return { y, m: 12, d: 31 };
    case 'month':
      return { y, m, d: daysInMonth(y, m) };
    case 'week':
      return addDays(r.at, 6);
    case 'season': {
      const end = addMonths({ y, m, d: 1 }, 2);
      return { ...end, d: daysInMonth(end.y, end.m) };
    }
    case 'day':
      return r.at;
  }
}

/**
 * The value as a calendar date, month or year (the forms an event's date takes): a week is the month that holds
 * it, or its year when it straddles two months; a season is its year; a decade has none.
 */
export function calendarValue(r: Resolved): string | null {
  switch (r.granularity) {
    case 'decade':
      return null;
    case 'season':
      return String(r.at.y);
    case 'week': {
      const sunday = addDays(r.at, 6);
      if (sunday.m === r.at.m) return formatValue({ at: r.at, granularity: 'month' });
      return String(sunday.y === r.at.y ? r.at.y : isoWeek(r.at).year);
    }
    default:
      return formatValue(r);
  }
}

const RANK: Record<Granularity, number> = { day: 0, week: 1, month: 2, season: 3, year: 4, decade: 5 };

/** Whether `a` is at least as coarse as `b` (a year is coarser than a day). */
export const coarserOrEqual = (a: Granularity, b: Granularity): boolean => RANK[a] >= RANK[b];

/** Parses a value this module formats (`2022`, `2022-06`, `2022-06-30`, `2022-W26`, `2022-SU`); null otherwise. */
export function parseAnyValue(value: string): Resolved | null {
  const w = /^(\d{4})-W(\d{2})$/.exec(value);
  if (w) {
    const jan4 = { y: Number(w[1]), m: 1, d: 4 };
    const monday = addDays(jan4, -((weekday(jan4) + 6) % 7) + 7 * (Number(w[2]) - 1));
    return { at: monday, granularity: 'week' };
  }
  const s = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value);
  if (s) return { at: { y: Number(s[1]), m: { SP: 3, SU: 6, FA: 9, WI: 12 }[s[2] as 'SP']!, d: 1 }, granularity: 'season' };
  return parseValue(value);
}
