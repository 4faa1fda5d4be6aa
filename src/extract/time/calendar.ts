/**
 * Calendar arithmetic for time normalisation: a plain year-month-day value, shifts by days, months and years, and
 * the TimeML-style strings (`2022`, `2022-06`, `2022-06-30`, `199X`) that TimeExpression.value holds.
 * Everything is proleptic Gregorian in UTC, so no time zone can move a date by a day.
 */

export type Granularity = 'day' | 'month' | 'year' | 'decade';

/** A calendar day; `m` is 1..12. */
export interface Ymd {
  y: number;
  m: number;
  d: number;
}

/** A resolved time: the day it is anchored to and how much of that day is meaningful. */
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

/** The value string of a resolved time at its granularity. */
export function formatValue(r: Resolved): string {
  const { y, m, d } = r.at;
  switch (r.granularity) {
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
    case 'day':
      return r.at;
  }
}

const RANK: Record<Granularity, number> = { day: 0, month: 1, year: 2, decade: 3 };

/** Whether `a` is at least as coarse as `b` (a year is coarser than a day). */
export const coarserOrEqual = (a: Granularity, b: Granularity): boolean => RANK[a] >= RANK[b];
