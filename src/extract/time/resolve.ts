/**
 * Resolving partial dates against the report date: which year a "March" or a "February 19" falls in, which
 * Wednesday "on Wednesday" means, which week "last week" is. News writes relative to its own publication date,
 * and mostly about the past: a bare month or weekday is the most recent one unless the clause looks forward.
 */
import type { Tense } from './tense.js';
import { addDays, compareYmd, daysBetween, type Resolved, weekday, type Ymd } from './calendar.js';

/** How a "last/this/next" word or the clause's tense steers the choice. */
export type Direction = 'last' | 'this' | 'next' | Tense;

/** The year of a named month: "last May" never lies ahead, "in March" is the latest one unless the clause is future. */
export function yearOfMonth(ref: Ymd, month: number, direction: Direction): number {
  switch (direction) {
    case 'last':
      return month < ref.m ? ref.y : ref.y - 1;
    case 'next':
      return month > ref.m ? ref.y : ref.y + 1;
    case 'this':
      return ref.y;
    case 'future':
      return month >= ref.m ? ref.y : ref.y + 1;
    case 'nearest': {
      // The nearer of the latest and the next such month; a tie goes to the past, as news mostly reports.
      const back = (ref.m - month + 12) % 12;
      const ahead = (month - ref.m + 12) % 12;
      return back <= ahead ? (month <= ref.m ? ref.y : ref.y - 1) : (month > ref.m ? ref.y : ref.y + 1);
    }
    default:
      return month <= ref.m ? ref.y : ref.y - 1;
  }
}

/**
 * The year of a month and day written without one ("February 19"). A future clause looks forward, a past one
 * back; with no cue the nearest such day wins (a report of June 30 meaning "July 2" means the coming one).
 */
export function yearOfDay(ref: Ymd, month: number, day: number, tense: Tense): number {
  const candidates = [ref.y - 1, ref.y, ref.y + 1].map((y) => ({ y, m: month, d: day }));
  if (tense === 'future') return candidates.find((c) => compareYmd(c, ref) >= 0)!.y;
  if (tense === 'past') return [...candidates].reverse().find((c) => compareYmd(c, ref) <= 0)!.y;
  let best = candidates[0]!;
  for (const c of candidates) if (Math.abs(daysBetween(ref, c)) < Math.abs(daysBetween(ref, best))) best = c;
  return best.y;
}

/** The day a weekday names: the latest one on or before the report date, the next one in a future clause. */
export function dayOfWeekday(ref: Ymd, target: number, direction: Direction): Ymd {
  const today = weekday(ref);
  const back = (today - target + 7) % 7; // 0 when the report date is that weekday
  switch (direction) {
    case 'last':
      return addDays(ref, -(back || 7));
    case 'next':
      return addDays(ref, (target - today + 7) % 7 || 7);
    case 'future':
      // A future clause in the same day's report ("storms will hit on Friday", printed on a Friday) means today.
      return addDays(ref, (target - today + 7) % 7);
    default:
      return addDays(ref, -back);
  }
}

/** The ISO week (Monday to Sunday) that holds a day, as a value (`2022-W26`). */
export function weekContaining(day: Ymd): Resolved {
  return { at: addDays(day, -((weekday(day) + 6) % 7)), granularity: 'week' };
}

/** The year a season named relative to the report date starts in ("last summer" in March 2013 is 2012). */
export function yearOfSeason(ref: Ymd, startMonth: number, direction: Direction): number {
  // The season in progress (or the latest begun) at the report date, by the year it started.
  const startedThisYear = ref.m >= startMonth;
  let current = startedThisYear ? ref.y : ref.y - 1;
  if (startMonth === 12 && ref.m <= 2) current = ref.y - 1;
  const monthsIn = ((ref.m - startMonth + 12) % 12);
  const inProgress = monthsIn < 3;
  if (direction === 'this') return current;
  if (direction === 'next') return current + 1;
  if (direction === 'last') return inProgress ? current - 1 : current;
  // A bare "in the summer": the latest begun (the one in progress included), or in a future clause the one to come.
  if (direction === 'future') return inProgress ? current : current + 1;
  return current;
}
