/** What every command shares: argument parsers and the error a user can act on (printed as one line). */
import { InvalidArgumentError } from 'commander';
import { isCalendarDate } from '../ingest/calendar.js';

/** A problem with what the user asked for: printed as one line, never as a stack trace, exit status 2. */
export class UserError extends Error {}

export const isoDate = (v: string): string => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new InvalidArgumentError(`expected a date as YYYY-MM-DD, got ${JSON.stringify(v)}`);
  if (!isCalendarDate(v)) throw new InvalidArgumentError(`${v} is not a day of the calendar`);
  return v;
};

export const positiveInt = (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number above 0');
  return n;
};

/**
 * Wraps a command's action so that a UserError becomes one line on stderr and exit status 2 right there, wherever
 * the command is registered (the top-level handler in main.ts does the same for anything that escapes).
 */
export function guarded<A extends unknown[]>(fn: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await fn(...args);
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      process.stderr.write(`dossier: ${err.message}\n`);
      process.exitCode = 2;
    }
  };
}
