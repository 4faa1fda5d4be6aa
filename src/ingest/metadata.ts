/**
 * Article metadata from a page's head: title, byline, publication date, site name and language.
 * Publishers state these in several overlapping vocabularies (Open Graph, Dublin Core, Parse.ly, Sailthru,
 * schema.org microdata and JSON-LD); each field takes the first vocabulary that answers, most specific first.
 */
import { calendarDate } from './calendar.js';

/** The minimal DOM surface we read; linkedom's document satisfies it. */
export interface MetaSource {
  querySelectorAll(selector: string): ArrayLike<MetaElement>;
  querySelector(selector: string): MetaElement | null;
  documentElement: MetaElement | null;
}

export interface MetaElement {
  getAttribute(name: string): string | null;
  textContent: string | null;
}

export interface PageMetadata {
  title: string | null;
  byline: string | null;
  /** `YYYY-MM-DD`. */
  date: string | null;
  /** ISO 639-1 primary subtag of `<html lang>`, lowercased. */
  language: string | null;
  siteName: string | null;
}

/** Reads the metadata of a page; `url` lets a date in the path (`/2019/12/10/`) serve as a last resort. */
export function readMetadata(doc: MetaSource, url?: string): PageMetadata {
  const meta = metaTags(doc);
  const ld = jsonLdArticle(doc);
  const siteName = firstText(meta.get('og:site_name'), ldName(ld?.publisher), meta.get('application-name'));
  const rawTitle = firstText(
    meta.get('og:title'),
    meta.get('twitter:title'),
    str(ld?.headline),
    meta.get('title'),
    doc.querySelector('title')?.textContent,
    doc.querySelector('h1')?.textContent,
  );
  const byline = firstText(
    ldName(ld?.author),
    notUrl(meta.get('author')),
    notUrl(meta.get('article:author')),
    meta.get('parsely-author'),
    meta.get('sailthru.author'),
    meta.get('dc.creator'),
    meta.get('dcterms.creator'),
    doc.querySelector('[itemprop="author"] [itemprop="name"]')?.textContent,
    doc.querySelector('[rel="author"]')?.textContent,
  );
  const dateCandidates = [
    meta.get('article:published_time'),
    meta.get('og:article:published_time'),
    meta.get('og:published_time'),
    str(ld?.datePublished),
    meta.get('parsely-pub-date'),
    meta.get('sailthru.date'),
    meta.get('date'),
    meta.get('dc.date'),
    meta.get('dc.date.issued'),
    meta.get('dcterms.created'),
    meta.get('dcterms.date'),
    meta.get('publish-date'),
    meta.get('pubdate'),
    itempropDate(doc),
    str(ld?.dateCreated),
    timeDatetime(doc),
    url ? dateInUrl(url) : null,
  ];
  let date: string | null = null;
  for (const candidate of dateCandidates) {
    date = candidate ? toIsoDate(candidate) : null;
    if (date) break;
  }
  return {
    title: rawTitle ? stripTitleSuffix(rawTitle, siteName) : null,
    byline: byline && byline.length <= 120 ? byline : null,
    date,
    language: languageOf(doc.documentElement?.getAttribute('lang')),
    siteName,
  };
}

/** `<meta>` values keyed by lowercased `property`, `name` or `itemprop`; the first occurrence wins. */
function metaTags(doc: MetaSource): Map<string, string> {
  const out = new Map<string, string>();
  const tags = doc.querySelectorAll('meta');
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i]!;
    const content = tag.getAttribute('content');
    if (!content?.trim()) continue;
    for (const attr of ['property', 'name', 'itemprop']) {
      const key = tag.getAttribute(attr)?.trim().toLowerCase();
      if (key && !out.has(key)) out.set(key, content.trim());
    }
  }
  return out;
}

type Json = Record<string, unknown>;

/** The JSON-LD object that describes the article: the first with an article-like @type, else any with a date. */
function jsonLdArticle(doc: MetaSource): Json | null {
  const found: Json[] = [];
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length; i++) {
    try {
      collectObjects(JSON.parse(scripts[i]!.textContent ?? ''), found);
    } catch {
      // Broken JSON-LD is common (trailing commas, raw newlines); the meta tags still answer.
    }
  }
  const isArticle = (o: Json) =>
    [o['@type']].flat().some((t) => typeof t === 'string' && /Article|Posting|Report|NewsMediaObject/i.test(t));
  return found.find((o) => isArticle(o)) ?? found.find((o) => 'datePublished' in o) ?? null;
}

function collectObjects(value: unknown, out: Json[], depth = 0): void {
  if (depth > 6 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const v of value) collectObjects(v, out, depth + 1);
    return;
  }
  const obj = value as Json;
  if ('@type' in obj) out.push(obj);
  if ('@graph' in obj) collectObjects(obj['@graph'], out, depth + 1);
  if ('mainEntity' in obj) collectObjects(obj.mainEntity, out, depth + 1);
}

/** A JSON-LD person or organisation (or a list of them, or a bare string) as display text. */
function ldName(value: unknown): string | null {
  if (typeof value === 'string') return notUrl(value);
  if (Array.isArray(value)) {
    const names = value.map(ldName).filter((n): n is string => !!n);
    return names.length ? names.join(', ') : null;
  }
  if (value && typeof value === 'object') return str((value as Json).name);
  return null;
}

function itempropDate(doc: MetaSource): string | null {
  const el = doc.querySelector('[itemprop="datePublished"]');
  return el ? (el.getAttribute('content') ?? el.getAttribute('datetime') ?? el.textContent) : null;
}

/** `<time datetime>`: one marked as the publication time if any, else the first. */
function timeDatetime(doc: MetaSource): string | null {
  const marked = doc.querySelector('time[pubdate][datetime]') ?? doc.querySelector('article time[datetime]');
  return (marked ?? doc.querySelector('time[datetime]'))?.getAttribute('datetime') ?? null;
}

function dateInUrl(url: string): string | null {
  const m = /\/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:\/|-|$)/.exec(url);
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : null;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * A date string in any of the forms publishers use, as `YYYY-MM-DD`. An ISO timestamp keeps the publisher's own
 * calendar day (its first ten characters), not the UTC day.
 */
export function toIsoDate(value: string): string | null {
  const s = value.trim();
  let m = /^(\d{4})-?(\d{2})-?(\d{2})(?:$|[T\s_])/.exec(s) ?? /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b/.exec(s);
  if (m) return validDate(+m[1]!, +m[2]!, +m[3]!);
  m = /\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\b/.exec(s);
  if (m) return validDate(+m[3]!, +m[2]!, +m[1]!);
  m = /\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3})[a-z]*\.?,?\s+(\d{4})\b/.exec(s);
  if (m && MONTHS.includes(m[2]!.toLowerCase())) return validDate(+m[3]!, MONTHS.indexOf(m[2]!.toLowerCase()) + 1, +m[1]!);
  m = /\b([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/.exec(s);
  if (m && MONTHS.includes(m[1]!.toLowerCase())) return validDate(+m[3]!, MONTHS.indexOf(m[1]!.toLowerCase()) + 1, +m[2]!);
  if (/^\d{10}(\d{3})?$/.test(s)) {
    const d = new Date(s.length === 10 ? +s * 1000 : +s);
    return validDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  return null;
}

function validDate(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2100) return null;
  return calendarDate(y, m, d);
}

/** `en-US` → `en`; anything that is not a language subtag → null. */
function languageOf(lang: string | null | undefined): string | null {
  const m = /^([a-z]{2,3})(?:[-_]|$)/i.exec(lang?.trim() ?? '');
  return m ? m[1]!.toLowerCase() : null;
}

const SEPARATOR = /\s+[|\-–—·•»]\s+/g;

/**
 * Drops a trailing " | Site Name" or " - Site Name" from a headline. The tail goes when it names the site, or when
 * it is short (up to four words) and the head is clearly the longer, headline part. With `pipeOnly` (no site name
 * known, as in plain text) only a '|' tail goes.
 */
export function stripTitleSuffix(title: string, siteName?: string | null, opts: { pipeOnly?: boolean } = {}): string {
  let current = title.replace(/\s+/g, ' ').trim();
  for (let round = 0; round < 2; round++) {
    const seps = [...current.matchAll(SEPARATOR)];
    const last = seps[seps.length - 1];
    if (!last || last.index === undefined) break;
    const head = current.slice(0, last.index).trim();
    const tail = current.slice(last.index + last[0].length).trim();
    const headWords = head.split(' ').length;
    const tailWords = tail.split(' ').length;
    const namesSite = !!siteName && squash(siteName).length > 1 && (squash(tail).includes(squash(siteName)) || squash(siteName).includes(squash(tail)));
    const pipe = last[0].includes('|');
    // Without a known site name, a dash may join two halves of a headline; only a pipe reliably marks a site.
    if (opts.pipeOnly && !pipe) break;
    const short = tailWords <= 4 && headWords >= 3 && head.length > tail.length * 1.5;
    if (!(namesSite || (short && (pipe || /^[A-Z0-9]/.test(tail))))) break;
    current = head;
  }
  return current;
}

const squash = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

function str(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

function notUrl(value: string | null | undefined): string | null {
  return value && !/^https?:\/\//i.test(value.trim()) ? value : null;
}

function firstText(...values: (string | null | undefined)[]): string | null {
  for (const v of values) {
    const t = v?.replace(/\s+/g, ' ').trim();
    if (t) return t;
  }
  return null;
}
