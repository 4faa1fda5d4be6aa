/**
 * Finds quotations delimited by quote marks, in every convention news uses: “…” ‘…’ „…“ „…” «…» »…« ‚…‘ ‹…› "…" and the
 * straight '…' of British papers. Single marks double as apostrophes, so a closing mark is told from one by context:
 * inside a word ("Serbia’s", "don't") it is none, nor in an elision ("the '90s", "rock 'n' roll"); after a final s
 * before a word ("the teachers’ union") it is a plural possessive unless a new quote opens after it or, on a second
 * reading of the line, nothing else closes the quote. Only outermost quotes are returned: a quote inside a quote
 * belongs to the outer speaker's words. A quote opened and never closed runs to the end of its paragraph where a
 * quote would (it opens the line, a sentence or follows a colon, comma or dash, or the next paragraph reopens with
 * the same mark: news prints a multi-paragraph quote with no closing mark until its last paragraph); any other
 * unclosed mark is a stray.
 */
import type { Span } from '../../model/types.js';

export interface MarkedQuote extends Span {
  /** Offsets of the opening mark and of the closing mark (`close === end` of the paragraph when unclosed). */
  open: number;
  close: number;
  closed: boolean;
}

/** Opening mark → the marks that may close it. */
const CLOSERS: Record<string, string> = {
  '\u201c': '\u201d\u201c"', // “ closes with ” (or a second “, or a straight ", common typos)
  '\u201e': '\u201c\u201d', // „ closes with “ (German style) or ” (as in Balkan English-language outlets)
  '\u00ab': '\u00bb',
  '\u2039': '\u203a',
  '"': '"',
  '\u2018': '\u2019',
  "'": "'\u2019", // the straight single mark, as British papers print quotes ('We will …,' he said)
  '\u201d': '\u201d', // ”…” (Nordic style)
  '\u00bb': '\u00ab', // »…« (German and Danish style)
  '\u201a': '\u2018\u2019', // ‚…‘ (German low single marks)
};

/** Single marks: they double as apostrophes, and they nest inside double-marked quotes. */
const SINGLE = new Set(['\u2018', "'", '\u201a']);
/** Closing single marks, which are apostrophes too. */
const SINGLE_CLOSE = new Set(['\u2019', "'"]);

const isSpace = (ch: string | undefined): boolean => ch === undefined || /\s/.test(ch);
const isWordChar = (ch: string | undefined): boolean => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
const OPEN_BEFORE = /[\s([{\u2014\u2013\-:/]/;
/** What follows an apostrophe that elides letters at a word's start: '90s, 'em, 'til, 'cause, rock 'n' roll. */
const ELISION = /^['\u2018\u2019](?:\d0s|\d\ds|\d\d\b|em\b|til\b|cause\b|tis\b|twas\b|n['\u2019]|bout\b)/i;

/** Whether the mark at `i` can open a quote: at the start of a line or after a space or bracket, before a non-space. */
function canOpen(text: string, i: number, lineStart: number): boolean {
  const before = i > lineStart ? text[i - 1]! : undefined;
  const after = text[i + 1];
  // French spacing puts a (no-break) space inside guillemets: « Nous restons ».
  if (isSpace(after) && !(text[i] === '\u00ab' && /^[ \u00a0\u202f][\p{L}\p{N}]/u.test(text.slice(i + 1, i + 3)))) return false;
  if (before !== undefined && !OPEN_BEFORE.test(before) && !'\u201c\u201e"\u2018\''.includes(before)) return false;
  // ‘90s is an elided century, not a quote.
  if (text[i] === '\u2018' && /\d/.test(after ?? '')) return false;
  if (SINGLE.has(text[i]!) && ELISION.test(text.slice(i, i + 6))) return false;
  // A straight single mark opens only before a word (or a bracket, a dash or another mark).
  if (text[i] === "'" && !isWordChar(after) && !/[([\u2014\u2013"\u201c.\u2026]/.test(after!)) return false;
  return true;
}

/** Whether the mark at `i` can close the open quote: not an apostrophe inside a word. */
function canClose(text: string, i: number, open: number, lineEnd: number, strict: boolean): boolean {
  if (i === open + 1) return false;
  const ch = text[i]!;
  const before = text[i - 1];
  const after = text[i + 1];
  if (SINGLE_CLOSE.has(ch)) {
    // Russia’s, don't: an apostrophe inside a word; a closing mark never follows a space.
    if (isWordChar(before) && isWordChar(after)) return false;
    if (isSpace(before)) return false;
    // rock 'n' roll: the end of an elided word.
    if (/['\u2018\u2019]n$/i.test(text.slice(i - 2, i))) return false;
    // "the teachers’ union": after a final s and before a word, a plural possessive unless a new quote opens after
    // it; on a second reading of the line (the quote would stay open), unless another mark closes the quote later.
    if (/[sSzZ]/.test(before!) && after === ' ' && isWordChar(text[i + 2])) {
      const next = nextSingle(text, i, lineEnd, ch);
      return next === 'opener' || (!strict && next === 'none');
    }
    return true;
  }
  // A straight mark closes a curly “ only where no ” follows in the line: otherwise it is an inner quote's.
  if (ch === '"' && text[open] === '\u201c' && text.slice(i, lineEnd).includes('\u201d')) return false;
  if ((ch === '"' || ch === '\u201d' || ch === '\u201c') && isSpace(before) && !isSpace(after) && isWordChar(after)) {
    // A mark after a space and before a word opens something; it only closes a quote in "…" at a line end.
    return false;
  }
  return true;
}

/**
 * After an ambiguous s’ at `i`: the next mark of the same kind in the line that is not an apostrophe inside a word —
 * a plain closing mark (then the s’ was a possessive inside the quote), an opening one (then the s’ closed the
 * quote before a new one opens), or none.
 */
function nextSingle(text: string, i: number, lineEnd: number, mark: string): 'closer' | 'opener' | 'none' {
  for (let k = i + 1; k < lineEnd; k++) {
    const c = text[k]!;
    if (c !== mark && !(mark === "'" && c === '\u2019')) continue;
    const before = text[k - 1];
    const after = text[k + 1];
    if (isWordChar(before) && isWordChar(after)) continue;
    // "in the ’90s": an elision after a space opens nothing.
    if (ELISION.test(text.slice(k, k + 6))) continue;
    if (isSpace(before)) return 'opener';
    if (/[sSzZ]/.test(before!) && after === ' ' && isWordChar(text[k + 2])) continue;
    return 'closer';
  }
  return 'none';
}

/**
 * Whether an offset lies inside a marked quote of `text`: the same reading of quote marks as the quotes layer,
 * for the rules that must not take a word inside a quotation for the narrator's.
 */
export function insideMarkedQuote(text: string): (offset: number) => boolean {
  const quoted = findMarkedQuotes(text);
  return (offset) => quoted.some((q) => offset > q.open && offset < q.close);
}

/** Every outermost marked quote in `text`, in order. Offsets exclude the marks and surrounding white space. */
export function findMarkedQuotes(text: string): MarkedQuote[] {
  const quotes: MarkedQuote[] = [];
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    scanLine(text, lineStart, lineStart, lineEnd, quotes, true);
    lineStart = lineEnd + 1;
  }
  return quotes;
}

const ANY_MARK = /["'\u201c\u201d\u201e\u2018\u2019\u201a\u00ab\u00bb\u2039\u203a]/g;

function scanLine(text: string, lineStart: number, from: number, to: number, out: MarkedQuote[], strict: boolean): void {
  const found: MarkedQuote[] = [];
  // A stack of open marks: only the bottom one makes a quote; inner ones only need to be closed to keep pairs right.
  const stack: { mark: string; at: number }[] = [];
  const re = new RegExp(ANY_MARK.source, 'g');
  re.lastIndex = from;
  for (let hit = re.exec(text); hit && hit.index < to; hit = re.exec(text)) {
    const i = hit.index;
    const ch = hit[0];
    // The innermost open mark this one closes; inner single marks left open (apostrophes taken for marks) go.
    let closes = -1;
    for (let d = stack.length - 1; d >= 0; d--) {
      const open = stack[d]!;
      if (CLOSERS[open.mark]!.includes(ch) && canClose(text, i, open.at, to, strict)) { closes = d; break; }
      if (!SINGLE.has(open.mark)) break;
    }
    if (closes >= 0) {
      const open = stack[closes]!;
      stack.length = closes;
      if (closes === 0) push(text, open.at, i, true, found);
      continue;
    }
    if (ch in CLOSERS && canOpen(text, i, lineStart)) {
      const top = stack[stack.length - 1];
      // Inside a double-quoted passage, single marks are inner quotes; a second double mark of the same kind
      // that cannot close is a stray, not a nesting.
      // Straight double marks do not nest: a second one that opens (after a space, before a word) while one is open
      // means the first was a stray ('known as "Comet 2) … Nobody "saw" it').
      if (ch === '"' && top?.mark === '"' && stack.length === 1 && !runsOn(text, lineStart, top, to)) {
        stack[0] = { mark: ch, at: i };
        continue;
      }
      if (top && (ch === top.mark || (!SINGLE.has(ch) && !SINGLE.has(top.mark)))) continue;
      stack.push({ mark: ch, at: i });
    }
  }
  const bottom = stack[0];
  if (!bottom) {
    out.push(...found);
    return;
  }
  // Unclosed: a quote runs to the end of its paragraph when it opens the paragraph or follows a colon, a comma or
  // a dash ("he said: 'We …"), or the next paragraph reopens with the same mark (a quote over several paragraphs),
  // or, for double marks, when it opens a sentence.
  // Any other unclosed mark was a stray or, for a single mark, an apostrophe: read past it.
  if (runsOn(text, lineStart, bottom, to)) {
    out.push(...found);
    push(text, bottom.at, to, false, out);
  } else if (strict) {
    scanLine(text, lineStart, from, to, out, false);
  } else {
    out.push(...found);
    scanLine(text, lineStart, bottom.at + 1, to, out, true);
  }
}

function runsOn(text: string, lineStart: number, open: { mark: string; at: number }, lineEnd: number): boolean {
  const before = text.slice(lineStart, open.at).trimEnd();
  if (!before || /[:,\u2014\u2013-]$/.test(before)) return true;
  // A quote that opens a sentence (“…,” he said. “We …) and loses its closing mark runs on; one opened mid-phrase
  // ("known as "Wild 2) …") was a stray.
  if (!SINGLE.has(open.mark) && /[.!?]["'\u201d\u2019]?$/.test(before)) return true;
  const next = /^\s*(\S)/.exec(text.slice(lineEnd, lineEnd + 200));
  return next?.[1] === open.mark;
}

function push(text: string, open: number, close: number, closed: boolean, out: MarkedQuote[]): void {
  let start = open + 1;
  let end = close;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  // “…,” he said: the comma belongs to the sentence around the quote, not to the quoted words.
  if (closed && end > start && text[end - 1] === ',') end--;
  if (end > start) out.push({ open, close, closed, start, end });
}
