/**
 * Finds quotations delimited by quote marks, in every convention news uses: “…” ‘…’ „…“ „…” «…» ‹…› "…", and the
 * typographic single quote that doubles as an apostrophe ("Serbia’s" is not a closing mark). Only outermost quotes
 * are returned: a quote inside a quote belongs to the outer speaker's words. A quote opened and never closed runs to
 * the end of its paragraph: news prints a multi-paragraph quote with no closing mark until its last paragraph.
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
  '\u201c': '\u201d\u201c', // “ closes with ” (or a second “, a common typo)
  '\u201e': '\u201c\u201d', // „ closes with “ (German style) or ” (as in Balkan English-language outlets)
  '\u00ab': '\u00bb',
  '\u2039': '\u203a',
  '"': '"',
  '\u2018': '\u2019',
  '\u201d': '\u201d', // ”…” (Nordic style)
};

const isSpace = (ch: string | undefined): boolean => ch === undefined || /\s/.test(ch);
const isWordChar = (ch: string | undefined): boolean => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
const OPEN_BEFORE = /[\s([{\u2014\u2013\-:/]/;

/** Whether the mark at `i` can open a quote: at the start of a line or after a space or bracket, before a non-space. */
function canOpen(text: string, i: number, lineStart: number): boolean {
  const before = i > lineStart ? text[i - 1]! : undefined;
  const after = text[i + 1];
  if (isSpace(after)) return false;
  if (before !== undefined && !OPEN_BEFORE.test(before) && !'\u201c\u201e"\u2018'.includes(before)) return false;
  // ‘90s is an elided century, not a quote.
  if (text[i] === '\u2018' && /\d/.test(after ?? '')) return false;
  return true;
}

/** Whether the mark at `i` can close the open quote: not an apostrophe inside a word. */
function canClose(text: string, i: number, open: number): boolean {
  if (i === open + 1) return false;
  const ch = text[i]!;
  const before = text[i - 1];
  const after = text[i + 1];
  if (ch === '\u2019' && isWordChar(before) && isWordChar(after)) return false;
  if ((ch === '"' || ch === '\u201d' || ch === '\u201c') && isSpace(before) && !isSpace(after) && isWordChar(after)) {
    // A mark after a space and before a word opens something; it only closes a quote in "…" at a line end.
    return false;
  }
  return true;
}

/** Every outermost marked quote in `text`, in order. Offsets exclude the marks and surrounding white space. */
export function findMarkedQuotes(text: string): MarkedQuote[] {
  const quotes: MarkedQuote[] = [];
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    scanLine(text, lineStart, lineEnd, quotes);
    lineStart = lineEnd + 1;
  }
  return quotes;
}

const ANY_MARK = /["\u201c\u201d\u201e\u2018\u2019\u00ab\u00bb\u2039\u203a]/g;

function scanLine(text: string, from: number, to: number, out: MarkedQuote[]): void {
  // A stack of open marks: only the bottom one makes a quote; inner ones only need to be closed to keep pairs right.
  const stack: { mark: string; at: number }[] = [];
  ANY_MARK.lastIndex = from;
  for (let hit = ANY_MARK.exec(text); hit && hit.index < to; hit = ANY_MARK.exec(text)) {
    const i = hit.index;
    const ch = hit[0];
    const top = stack[stack.length - 1];
    if (top && CLOSERS[top.mark]!.includes(ch) && canClose(text, i, top.at)) {
      stack.pop();
      if (stack.length === 0) push(text, top.at, i, true, out);
      continue;
    }
    if (ch in CLOSERS && canOpen(text, i, from)) {
      // Inside a double-quoted passage, single marks are inner quotes; a second double mark of the same kind
      // that cannot close is a stray, not a nesting.
      if (top && (ch === top.mark || (ch !== '\u2018' && top.mark !== '\u2018'))) continue;
      stack.push({ mark: ch, at: i });
    }
  }
  // Unclosed: a double-mark quote runs to the end of its paragraph. A stray single mark is ignored.
  const bottom = stack[0];
  if (bottom && bottom.mark !== '\u2018') push(text, bottom.at, to, false, out);
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
