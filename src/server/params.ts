/**
 * Query-parameter parsing for the API: every bad value becomes an `ApiError` with a message naming the parameter
 * and what it expects, which the app answers as `400 { error }`.
 */
export class ApiError extends Error {
  constructor(readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415, message: string) {
    super(message);
  }
}

export const MAX_LIMIT = 200;
const MAX_OFFSET = 1_000_000;

type Query = (name: string) => string | undefined;

/** `limit` (1..MAX_LIMIT, default `def`) and `offset` (0..). */
export function paging(q: Query, def = 50): { limit: number; offset: number } {
  return { limit: intParam(q, 'limit', def, 1, MAX_LIMIT), offset: intParam(q, 'offset', 0, 0, MAX_OFFSET) };
}

export function intParam(q: Query, name: string, def: number, min: number, max: number): number {
  const raw = q(name);
  if (raw === undefined || raw === '') return def;
  if (!/^-?\d+$/.test(raw)) throw new ApiError(400, `${name}: expected a whole number, got ${JSON.stringify(raw)}`);
  const n = Number(raw);
  if (n < min || n > max) throw new ApiError(400, `${name}: ${n} is out of range (${min}–${max})`);
  return n;
}

/** A calendar date `YYYY-MM-DD` that exists (2023-02-30 is refused). */
export function dateParam(q: Query, name: string): string | undefined {
  const raw = q(name);
  if (raw === undefined || raw === '') return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  const d = m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)) : null;
  if (!m || !d || d.getUTCMonth() !== +m[2]! - 1 || d.getUTCDate() !== +m[3]!) {
    throw new ApiError(400, `${name}: expected a date as YYYY-MM-DD, got ${JSON.stringify(raw)}`);
  }
  return raw;
}

/** `from`/`to`, checked to be in order. */
export function dateRange(q: Query): { from?: string; to?: string } {
  const from = dateParam(q, 'from');
  const to = dateParam(q, 'to');
  if (from && to && from > to) throw new ApiError(400, `from (${from}) is after to (${to})`);
  return { from, to };
}

/** A value from a fixed set, case-insensitive; answers with the set when it is not one of them. */
export function oneOf<T extends string>(q: Query, name: string, allowed: readonly T[]): T | undefined {
  const raw = q(name);
  if (raw === undefined || raw === '') return undefined;
  const hit = allowed.find((a) => a.toLowerCase() === raw.toLowerCase());
  if (!hit) throw new ApiError(400, `${name}: expected one of ${allowed.join(', ')}, got ${JSON.stringify(raw)}`);
  return hit;
}

/** A comma-separated list of values from a fixed set. */
export function listOf<T extends string>(q: Query, name: string, allowed: readonly T[]): T[] | undefined {
  const raw = q(name);
  if (raw === undefined || raw === '') return undefined;
  return raw.split(',').map((v) => v.trim()).filter(Boolean).map((v) => oneOf(() => v, name, allowed)!);
}

/** Free text, trimmed, with a length cap so a query cannot be a megabyte. */
export function textParam(q: Query, name: string, max = 500): string | undefined {
  const raw = q(name)?.trim();
  if (!raw) return undefined;
  if (raw.length > max) throw new ApiError(400, `${name}: longer than ${max} characters`);
  return raw;
}
