/** A raw item becomes a Document: main text out of HTML, residue cleaned away, id, language and date settled. */
import { createHash } from 'node:crypto';
import type { Document } from '../model/types.js';
import { cleanText } from './clean.js';
import { extractArticle } from './html.js';
import { detectLanguage } from './language.js';
import type { RawItem } from './sources.js';

export class DocumentError extends Error {}

export interface DocumentOptions {
  /** `--date`: the publication date given by the user, `YYYY-MM-DD`. */
  date?: string | null;
}

export function toDocument(item: RawItem, opts: DocumentOptions = {}): Document {
  let text: string;
  let title = item.title ?? null;
  let metaDate = item.date ?? null;
  let byline: string | null = null;
  let url = item.url ?? null;
  let language: string | null = null;
  let pages: number[] | null = null;
  if (item.kind === 'html') {
    const article = extractArticle(item.content, url ?? undefined);
    if (!article) throw new DocumentError('no article found in the HTML');
    text = cleanText(article.text);
    title ??= article.title;
    metaDate ??= article.date;
    byline = article.byline;
    language = article.language ?? null;
  } else if (item.pages) {
    ({ text, pages } = pagedText(item.pages));
    title ??= headline(text);
  } else {
    text = cleanText(item.content);
    title ??= headline(text);
  }
  if (!text.trim()) throw new DocumentError('has no article text left after cleaning');
  const detected = detectLanguage(text);
  const date = opts.date ?? metaDate;
  return {
    id: createHash('sha256').update(text).digest('hex'),
    text,
    title,
    date,
    dateSource: opts.date ? 'given' : metaDate ? 'metadata' : null,
    source: item.source ?? null,
    origin: item.storedOrigin ?? item.origin,
    url,
    language: detected === 'und' && language ? language.slice(0, 2).toLowerCase() : detected,
    byline,
    ...(pages ? { pages } : {}),
  };
}

/**
 * A paged document's text: each page cleaned on its own (so no page's residue lines move another page's offsets),
 * joined by a blank line, with the offset where each page begins. An empty page begins where the next one does.
 */
export function pagedText(raw: string[]): { text: string; pages: number[] } {
  let text = '';
  const pages: number[] = [];
  for (const page of raw) {
    const cleaned = cleanText(page).trim();
    if (text && cleaned) text += '\n\n';
    pages.push(text.length);
    text += cleaned;
  }
  return { text, pages };
}

/** The page (1-based) an offset of a paged document's text lies on. */
export function pageAt(pages: readonly number[], offset: number): number {
  let lo = 0;
  let hi = pages.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pages[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** A plain-text article's first line is its title when it reads like a headline. */
function headline(text: string): string | null {
  const first = text.split('\n', 1)[0]!.trim();
  return first.length > 0 && first.length <= 200 && !/[.!?…]$/.test(first) && text.includes('\n') ? first : null;
}
