/**
 * The words time expressions are built from: month and weekday names, small number words, seasons. Kept apart
 * from the rules so that the patterns read as sentences and the vocabulary can grow without touching them.
 */

export const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
] as const;

/** Full names and the usual news abbreviations, lower-cased, to month number 1..12. */
export const MONTH_NUMBER: ReadonlyMap<string, number> = new Map([
  ...MONTHS.map((name, i) => [name, i + 1] as const),
  ['jan', 1], ['feb', 2], ['mar', 3], ['apr', 4], ['jun', 6], ['jul', 7], ['aug', 8],
  ['sep', 9], ['sept', 9], ['oct', 10], ['nov', 11], ['dec', 12],
]);

/** Regex source for a full month name (capitalised; used case-sensitively so "may" the verb never matches). */
export const MONTH_FULL = '(?:January|February|March|April|May|June|July|August|September|October|November|December)';

/** Regex source for a month name or abbreviation ("Feb.", "Sept"). */
export const MONTH_ANY =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|' +
  '(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?)';

export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

export const WEEKDAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';

/** Number words that count units in "three days ago", "two years later". */
export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ['a', 1], ['an', 1], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6],
  ['seven', 7], ['eight', 8], ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13],
  ['fourteen', 14], ['fifteen', 15], ['sixteen', 16], ['seventeen', 17], ['eighteen', 18], ['nineteen', 19],
  ['twenty', 20], ['thirty', 30], ['forty', 40], ['fifty', 50], ['a hundred', 100],
]);

export const NUMBER = '(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|' +
  'fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|a hundred|\\d{1,3})';

/** Vague counts: the expression is a time, but no value can be computed from it. */
export const VAGUE_NUMBER = '(?:a few|few|several|many|some)';

/** The month each season starts in (northern hemisphere, as the theatre's news means it). */
export const SEASON_START: ReadonlyMap<string, number> = new Map([
  ['spring', 3], ['summer', 6], ['autumn', 9], ['fall', 9], ['winter', 12],
]);

/** Parses a count word or digits ("three", "3", "a"); null for vague counts. */
export function countOf(word: string): number | null {
  const w = word.toLowerCase().replace(/\s+/g, ' ');
  if (/^\d+$/.test(w)) return Number(w);
  return NUMBER_WORDS.get(w) ?? null;
}
