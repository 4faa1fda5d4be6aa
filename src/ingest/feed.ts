/** RSS 2.0, RSS 1.0 (RDF) and Atom feeds to a list of items, with each item's title, link and date kept. */
import { XMLParser } from 'fast-xml-parser';
import { calendarDate } from './calendar.js';

export interface FeedItem {
  title: string | null;
  link: string | null;
  date: string | null;
  /** Full content or summary, when the feed carries it. */
  content: string | null;
  /** The feed's own title (RSS channel, Atom feed): the outlet its items come from. */
  channel?: string | null;
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', textNodeName: '#text', processEntities: true });

/** True when the bytes look like a feed rather than a web page. */
export function looksLikeFeed(contentType: string, text: string): boolean {
  if (/(rss|atom)\+xml/.test(contentType)) return true;
  const head = text.slice(0, 2000);
  return /<(rss|feed|rdf:RDF)[\s>]/i.test(head) && !/<html[\s>]/i.test(head);
}

export function parseFeed(xml: string): FeedItem[] {
  const data = parser.parse(xml) as Record<string, any>;
  const rss = data.rss?.channel?.item ?? data['rdf:RDF']?.item;
  if (rss) {
    const channel = str(data.rss?.channel?.title ?? data['rdf:RDF']?.channel?.title);
    return list(rss).map((it: any) => ({
      channel,
      title: str(it.title),
      link: str(it.link),
      date: toDate(str(it.pubDate) ?? str(it['dc:date'])),
      content: str(it['content:encoded']) ?? str(it.description),
    }));
  }
  const atom = data.feed?.entry;
  if (atom !== undefined) {
    const channel = str(data.feed?.title);
    return list(atom).map((it: any) => ({
      channel,
      title: str(it.title),
      link: atomLink(it.link),
      date: toDate(str(it.published) ?? str(it.updated)),
      content: str(it.content) ?? str(it.summary),
    }));
  }
  if (data.rss || data.feed || data['rdf:RDF']) return [];
  throw new Error('is not an RSS or Atom feed');
}

const list = (x: unknown): any[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

function str(x: unknown): string | null {
  if (x == null) return null;
  if (typeof x === 'object') return str((x as Record<string, unknown>)['#text']);
  const s = String(x).trim();
  return s || null;
}

function atomLink(link: unknown): string | null {
  const links = list(link);
  const alt = links.find((l) => !l['@rel'] || l['@rel'] === 'alternate') ?? links[0];
  return alt ? str(alt['@href']) : null;
}

/** Any date a feed writes (RFC 822 or ISO 8601) to `YYYY-MM-DD`, or null (also for a day that does not exist). */
export function toDate(s: string | null): string | null {
  if (!s) return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (iso) return calendarDate(+iso[1]!, +iso[2]!, +iso[3]!);
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : new Date(t).toISOString().slice(0, 10);
}
