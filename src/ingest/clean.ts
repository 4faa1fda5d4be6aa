/**
 * Scraped article text → clean article text. Web pages leave residue around the prose: comment forms, share and
 * follow buttons, "Advertisement", cookie notices, "Related"/"Read more" teasers, newsletter prompts, photo
 * credits. We classify each line by its shape (length, sentence-final punctuation) and vocabulary (share of
 * interface words), and by position (residue clusters at the start and the end). A line shaped like a reported
 * sentence is never dropped. Otherwise the text's characters are kept as they are (curly quotes included).
 */
import { stripTitleSuffix } from './metadata.js';

export function cleanText(text: string): string {
  const lines = normalizeText(text).split('\n');
  const verdicts = lines.map(classifyLine);
  const drop = new Array<boolean>(lines.length).fill(false);

  // A residue line anywhere goes when the evidence is strong on its own.
  verdicts.forEach((v, i) => {
    if (v === 'residue') drop[i] = true;
  });
  markEdgeBlocks(lines, verdicts, drop);

  const kept = lines.filter((_, i) => !drop[i]);
  const firstContent = kept.findIndex((l) => l.trim() !== '');
  if (firstContent >= 0 && isHeadlineShaped(kept[firstContent]!)) {
    kept[firstContent] = stripTitleSuffix(kept[firstContent]!, null, { pipeOnly: true });
  }
  return kept.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

/** CRLF → LF, zero-width characters out, trailing spaces off, runs of blank lines down to one. */
export function normalizeText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u200b\u200c\u200d\u2060\ufeff]/g, '')
    .replace(/[ \t\u00a0]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n');
}

/**
 * `sentence`: shaped like article prose, never dropped. `residue`: interface text with strong evidence.
 * `weak`: interface-like, dropped only inside a residue block at the start or end. `blank`, or `content`.
 */
export type LineVerdict = 'blank' | 'sentence' | 'residue' | 'weak' | 'content';

/**
 * Interface vocabulary. Strong words rarely occur in news prose outside a page's furniture; weak words do occur
 * in prose, and count for half.
 */
const STRONG = new Set(
  ('advertisement advertisements advert sponsored comment comments commenting commented reply replies login logout ' +
    'signup subscribe subscribed subscriber subscribers unsubscribe newsletter newsletters inbox password username ' +
    'cookie cookies tweet retweet whatsapp pinterest linkedin reddit tumblr telegram pocket flipboard messenger ' +
    'loading notify permalink bookmark bookmarks caption gallery slideshow thumbnail avatar logo icon icons ' +
    'getty shutterstock istock afp reuters epa ap').split(' '),
);
const WEAK = new Set(
  ('share shares shared sharing like likes follow followers click tap email mail print save read more related ' +
    'recommended popular trending also see previous next prev post posts posted photo photos picture pictures ' +
    'image images video videos credit credits copyright rights reserved account log sign change continue ' +
    'privacy policy terms consent accept agree browse browsing website site settings menu home skip content ' +
    'google facebook twitter instagram youtube x details below above here view watch download app edit leave ' +
    'write join conversation submit search top back opens window new tags tag category categories filed under ' +
    'author published updated min minute minutes story stories article articles free offer deals updates ' +
    'exclusive latest learn listen archive').split(' '),
);

const WORD = /[\p{L}\p{N}%@._'-]+/gu;
/** Ends like a sentence: terminal punctuation, optionally followed by closing quotes or brackets. */
const SENTENCE_END = /[.!?…]["'”’»)\]]*$/;
/** Reported speech is article prose even when it mentions comments or sharing. */
const REPORTING = /\b(said|says|told|according|stated|added|asked|wrote|announced)\b/i;
/** Template placeholders and UI glyph runs that only page furniture produces. */
const TEMPLATE = /%[sd]\b|\{\{|\}\}|^[\s|/•·>»«<-]+$|\b(?:log out|sign in|sign up)\b|\s\/\s+\w+\s*\)$/i;
const CALL_TO_ACTION = /^(?:follow|share|subscribe|sign|click|tap|join|download|read|watch|listen|like|register)\b/i;
/** Words of a dateline ("Updated 4:10pm, Tuesday, November 19, 2019"): numbers, times, months, weekdays. */
const DATE_WORD = /^(?:\d[\d:.,/-]*(?:am|pm)?|am|pm|[ap]\.m\.?|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?|est|cst|pst|gmt|utc|cet)$/i;
/** "Read more:", "Related:", "Photo:", "Credit:" and the like, introducing a teaser or a credit. */
const LABEL_PREFIX = /^(?:[\p{L}]+\s){0,2}[\p{L}]+:\s*/u;

export function classifyLine(line: string): LineVerdict {
  const trimmed = line.trim();
  if (!trimmed) return 'blank';
  const words = trimmed.match(WORD) ?? [];
  const n = words.length;
  let ui = 0;
  let strongCount = 0;
  for (const w of words) {
    const key = w.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    if (STRONG.has(key)) {
      ui += 1;
      strongCount++;
    }
    else if (WEAK.has(key)) ui += 0.5;
  }
  const density = n ? ui / n : 0;
  const sentenceShaped = SENTENCE_END.test(trimmed) && n >= 6 && /\p{Ll}{2,}/u.test(trimmed);
  const addressesReader = /\b(you|your|we|our|us)\b/i.test(trimmed);

  if (sentenceShaped) {
    // A sentence goes only when it is plainly a notice to the reader ("We use cookies…", "Notify me of new
    // posts by email."): dense interface vocabulary, addressed to the reader, no reported speech.
    const notice = addressesReader ? density >= 0.15 && strongCount >= 2 : n <= 8 && density >= 0.3;
    if (notice && !REPORTING.test(trimmed) && !/["“”„«»]/.test(trimmed)) {
      return 'residue';
    }
    return 'sentence';
  }
  if (TEMPLATE.test(trimmed)) return 'residue';
  const label = LABEL_PREFIX.exec(trimmed);
  if (label && n <= 20) {
    // The label itself must be interface talk ("Read more", "Photo", "Image credit"), not a product or a name.
    const labelWords = (label[0].match(WORD) ?? []).map((w) => w.toLowerCase());
    const strong = labelWords.some((w) => STRONG.has(w));
    const weak = labelWords.filter((w) => WEAK.has(w)).length;
    if (strong || weak * 2 >= labelWords.length) return 'residue';
  }
  if (n <= 12 && density >= 0.5) return 'residue';
  // A short call to action: an imperative interface verb first ("Follow us on …", "Download the app").
  if (n <= 8 && CALL_TO_ACTION.test(trimmed)) return 'residue';
  // A short copyright line is a photo or page credit.
  if (n <= 8 && /^(?:©|\(c\)|copyright\b)/i.test(trimmed)) return 'residue';
  // A line of nothing but a date, a time and interface words is a dateline or a "Posted/Updated" stamp.
  if (n >= 2 && n <= 14) {
    const leftover = words.filter((w) => {
      const key = w.toLowerCase().replace(/[:,]$/, '');
      return !DATE_WORD.test(key) && !STRONG.has(key) && !WEAK.has(key);
    });
    const named = words.some((w) => DATE_WORD.test(w.replace(/[:,]$/, '')) && /\p{L}{3}/u.test(w));
    if (leftover.length === 0 && named) {
      return 'residue';
    }
  }
  if (density >= 0.3) return 'weak';
  if (n <= 3 && ui > 0) return 'weak';
  return 'content';
}

/**
 * Residue clusters at the edges: from the end, the longest trailing block that holds no sentence and where most
 * lines are residue goes whole (it may hold headline-like lines: teasers under "Related"); likewise at the start
 * a run of residue or weak lines before the first content.
 */
function markEdgeBlocks(lines: string[], verdicts: LineVerdict[], drop: boolean[]): void {
  let residueLines = 0;
  let otherLines = 0;
  let blockStart = verdicts.length;
  for (let i = verdicts.length - 1; i >= 0; i--) {
    const v = verdicts[i]!;
    if (v === 'blank') continue;
    if (v === 'sentence') break;
    // A headline-like line among residue is usually a teaser of another article: it counts half.
    if (v === 'residue' || v === 'weak') residueLines++;
    else otherLines += 0.5;
    if ((v === 'residue' || v === 'weak') && residueLines > otherLines) blockStart = i;
  }
  for (let i = blockStart; i < verdicts.length; i++) drop[i] = true;

  for (let i = 0; i < verdicts.length; i++) {
    const v = verdicts[i]!;
    if (v === 'blank') continue;
    if (v !== 'residue' && v !== 'weak') break;
    drop[i] = true;
  }

  // A menu before the article: a run of at least MENU_MIN_ITEMS very short lines ("Local", "Sports", "Jobs").
  let menuEnd = -1;
  let items = 0;
  for (let i = 0; i < verdicts.length; i++) {
    const v = verdicts[i]!;
    if (v === 'blank') continue;
    if (v === 'sentence' || (v === 'content' && (lines[i]!.match(WORD)?.length ?? 0) > 4)) break;
    items++;
    menuEnd = i;
  }
  if (items >= MENU_MIN_ITEMS) for (let i = 0; i <= menuEnd; i++) drop[i] = true;
}

const MENU_MIN_ITEMS = 6;

/** A first line that reads as a headline: no sentence-final punctuation and not paragraph-long. */
function isHeadlineShaped(line: string): boolean {
  const n = line.match(WORD)?.length ?? 0;
  return n >= 2 && n <= 30 && !SENTENCE_END.test(line.trim());
}
