/** Dates as the model gives them (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) placed on a time axis. */
export function dayMs(value: string | null | undefined): number | null {
  const m = value ? /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(value) : null;
  if (!m) return null;
  return Date.UTC(+m[1]!, m[2] ? +m[2] - 1 : 0, m[3] ? +m[3] : 1);
}

export const DAY = 86_400_000;

/** Tick marks for a visible range: years, months or days, whichever gives a handful. */
export function ticks(from: number, to: number): { at: number; label: string }[] {
  const span = to - from;
  const out: { at: number; label: string }[] = [];
  const start = new Date(from);
  if (span > 3 * 365 * DAY) {
    const step = Math.max(1, Math.ceil(span / (365 * DAY) / 8));
    for (let y = start.getUTCFullYear(); Date.UTC(y, 0, 1) <= to; y += step) if (Date.UTC(y, 0, 1) >= from) out.push({ at: Date.UTC(y, 0, 1), label: String(y) });
  } else if (span > 60 * DAY) {
    const step = Math.max(1, Math.ceil(span / (30 * DAY) / 8));
    for (let d = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1)); d.getTime() <= to; d.setUTCMonth(d.getUTCMonth() + step)) {
      if (d.getTime() >= from) out.push({ at: d.getTime(), label: d.toISOString().slice(0, 7) });
    }
  } else {
    const step = Math.max(1, Math.ceil(span / DAY / 8));
    for (let t = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate()); t <= to; t += step * DAY) if (t >= from) out.push({ at: t, label: new Date(t).toISOString().slice(0, 10) });
  }
  return out;
}
