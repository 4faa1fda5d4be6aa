/** Calendar days that exist: 2024-02-29 does, 2023-02-30 and 2024-13-45 do not (Date.parse accepts both). */

/** `YYYY-MM-DD` when year, month and day name a real day, else null. */
export function calendarDate(y: number, m: number, d: number): string | null {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d) || y < 1 || y > 9999) return null;
  const t = new Date(Date.UTC(2000, m - 1, d));
  t.setUTCFullYear(y);
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Whether `s` is exactly `YYYY-MM-DD` and a real day. */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return !!m && calendarDate(+m[1]!, +m[2]!, +m[3]!) === s;
}
