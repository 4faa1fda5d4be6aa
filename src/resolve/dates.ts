/**
 * Dates as intervals, so that reports of one event at different precision can be compared: "2022-02" covers
 * 2022-02-01..2022-02-28 and so contains "2022-02-24". Values the extractors cannot pin down (a decade "199X",
 * "XXXX") have no interval and count as undated.
 */

export interface DateInterval {
  /** First day covered, `YYYY-MM-DD`. */
  from: string;
  /** Last day covered, `YYYY-MM-DD`. */
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The days a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` value covers, or null for anything else (or an impossible date). */
export function dateInterval(value: string | null | undefined): DateInterval | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value ?? '');
  if (!m) return null;
  const year = Number(m[1]);
  if (!m[2]) return { from: `${m[1]}-01-01`, to: `${m[1]}-12-31` };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (!m[3]) return { from: `${m[1]}-${m[2]}-01`, to: `${m[1]}-${m[2]}-${pad(lastDay)}` };
  const day = Number(m[3]);
  if (day < 1 || day > lastDay) return null;
  return { from: value!, to: value! };
}

/** True when one interval lies within the other: the two values can name the same day. */
export function intervalsNest(a: DateInterval, b: DateInterval): boolean {
  return (a.from <= b.from && a.to >= b.to) || (b.from <= a.from && b.to >= a.to);
}

/** The more precise of two nested values (the shorter interval); `a` on a tie. */
export function morePrecise(a: string, b: string): string {
  const ia = dateInterval(a);
  const ib = dateInterval(b);
  if (!ia) return b;
  if (!ib) return a;
  return days(ib) < days(ia) ? b : a;
}

function days(i: DateInterval): number {
  return (Date.parse(i.to) - Date.parse(i.from)) / 86_400_000;
}
