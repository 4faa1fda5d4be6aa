/**
 * Watched feeds (issue 13): the list (`feeds add/list/remove`), one poll of a feed, and the log of what each poll
 * brought. A poll is a conditional request (the ETag and Last-Modified of the last answer sent back), reads only
 * the items the feed has not given before, and stores them as `dossier ingest` would (the same fetcher with its
 * address guard, the same documents, dedup and analysis). A failure backs the feed off: the next poll waits
 * every × 2^failures, at most a day.
 */
import type { KnowledgeBase } from '../model/types.js';
import type { Queryable } from '../store/db.js';
import type { Store } from '../store/store.js';
import { refreshStatistics } from '../store/store.js';
import { fetchUrl, FetchError, type FetchOptions } from '../ingest/fetch.js';
import { looksLikeFeed, parseFeed, type FeedItem } from '../ingest/feed.js';
import { decodeBytes } from '../ingest/encoding.js';
import { DocumentError, toDocument } from '../ingest/document.js';
import { storeDocument } from '../ingest/ingest.js';
import { DEFAULT_MAX_ITEMS } from '../ingest/sources.js';

export type { Feed, FeedLogLine } from './types.js';
import type { Feed, FeedLogLine } from './types.js';

/** A problem with a feed as asked for: one line naming it. */
export class FeedError extends Error {}

/** The longest a failing feed is left before it is tried again. */
export const MAX_BACKOFF_SECONDS = 24 * 3600;
export const DEFAULT_EVERY = '30m';
/** Log lines kept per feed. */
export const LOG_LINES_KEPT = 500;

/** `90s`, `30m`, `2h`, `1d` (or a bare number of minutes) to seconds. */
export function parseEvery(v: string): number {
  const m = /^\s*(\d+)\s*(s|m|h|d)?\s*$/i.exec(v);
  const n = m ? Number(m[1]) * { s: 1, m: 60, h: 3600, d: 86400 }[(m[2] ?? 'm').toLowerCase() as 's' | 'm' | 'h' | 'd'] : NaN;
  if (!Number.isInteger(n) || n < 1 || n > 30 * 86400) throw new FeedError(`--every: expected a period such as 90s, 30m, 2h or 1d (at most 30d), got ${JSON.stringify(v)}`);
  return n;
}

const TS = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;
const FEED_COLUMNS = `id::text AS id, url, every_seconds AS "everySeconds", allow_private AS "allowPrivate", ${TS('added_at')} AS "addedAt",
  ${TS('last_polled_at')} AS "lastPolledAt", ${TS('next_poll_at')} AS "nextPollAt", failures, last_error AS "lastError"`;

export async function addFeed(db: Queryable, url: string, opts: { everySeconds?: number; allowPrivate?: boolean } = {}): Promise<Feed> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new FeedError(`${url}: not a valid URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new FeedError(`${url}: only http and https feeds are watched`);
  const every = opts.everySeconds ?? parseEvery(DEFAULT_EVERY);
  const row = (await db.query<Feed>(
    `INSERT INTO feeds (url, every_seconds, allow_private) VALUES ($1, $2, $3)
     ON CONFLICT (url) DO UPDATE SET every_seconds = excluded.every_seconds, allow_private = excluded.allow_private
     RETURNING ${FEED_COLUMNS}`, [parsed.href, every, !!opts.allowPrivate])).rows[0]!;
  return row;
}

export async function listFeeds(db: Queryable): Promise<Feed[]> {
  return (await db.query<Feed>(`SELECT ${FEED_COLUMNS} FROM feeds ORDER BY id`)).rows;
}

/** Finds a feed by id or URL. */
export async function findFeed(db: Queryable, idOrUrl: string): Promise<Feed | null> {
  const byId = /^\d{1,18}$/.test(idOrUrl);
  return (await db.query<Feed>(`SELECT ${FEED_COLUMNS} FROM feeds WHERE ${byId ? 'id = $1::bigint' : 'url = $1 OR url = $2'}`,
    byId ? [idOrUrl] : [idOrUrl, safeHref(idOrUrl)])).rows[0] ?? null;
}

const safeHref = (u: string) => {
  try {
    return new URL(u).href;
  } catch {
    return u;
  }
};

/** Removes a feed with its log (the documents it brought stay). */
export async function removeFeed(db: Queryable, idOrUrl: string): Promise<Feed | null> {
  const feed = await findFeed(db, idOrUrl);
  if (feed) await db.query('DELETE FROM feeds WHERE id = $1::bigint', [feed.id]);
  return feed;
}

export async function feedLog(db: Queryable, feedId: string | null, limit = 50): Promise<FeedLogLine[]> {
  return (await db.query<FeedLogLine>(
    `SELECT id::text AS id, feed_id::text AS "feedId", ${TS('at')} AS at, status, items, new_documents AS "newDocuments", duplicates, failed,
            message, document_ids AS "documentIds"
       FROM feed_log ${feedId ? 'WHERE feed_id = $2::bigint' : ''} ORDER BY id DESC LIMIT $1`, feedId ? [limit, feedId] : [limit])).rows;
}

export interface PollOptions {
  kb: KnowledgeBase;
  timeoutMs?: number;
  maxItems?: number;
  /** Tests: how host names resolve, as for fetchUrl. */
  fetch?: Pick<FetchOptions, 'resolve' | 'guard'>;
}

const itemKey = (it: FeedItem) => it.link ?? `${it.title ?? ''}|${it.date ?? ''}|${(it.content ?? '').slice(0, 200)}`;

/** Polls one feed now: fetches it (conditionally), stores its new items, logs the poll, schedules the next. */
export async function pollFeed(store: Store, feed: Feed, opts: PollOptions): Promise<FeedLogLine> {
  const { db } = store;
  const state = (await db.query<{ etag: string | null; last_modified: string | null }>('SELECT etag, last_modified FROM feeds WHERE id = $1::bigint', [feed.id])).rows[0];
  const fetchOpts: FetchOptions = { ...opts.fetch, allowPrivate: feed.allowPrivate, timeoutMs: opts.timeoutMs ?? 15000 };
  const line = { status: 'fetched' as FeedLogLine['status'], items: 0, newDocuments: 0, duplicates: 0, failed: 0, messages: [] as string[], documentIds: [] as string[] };
  let validators: { etag: string | null; lastModified: string | null } = { etag: state?.etag ?? null, lastModified: state?.last_modified ?? null };
  try {
    const page = await fetchUrl(feed.url, { ...fetchOpts, conditional: validators });
    if (page.status === 304) line.status = 'not-modified';
    else {
      validators = { etag: page.etag ?? null, lastModified: page.lastModified ?? null };
      const text = decodeBytes(page.body).text;
      if (!looksLikeFeed(page.contentType, text)) throw new FeedError('is not an RSS or Atom feed');
      let items: FeedItem[];
      try {
        items = parseFeed(text);
      } catch (err) {
        throw new FeedError((err as Error).message);
      }
      items = items.slice(0, opts.maxItems ?? DEFAULT_MAX_ITEMS);
      const keys = items.map(itemKey);
      const seen = new Set((await db.query<{ key: string }>('SELECT key FROM feed_items WHERE feed_id = $1::bigint AND key = ANY($2::text[])', [feed.id, keys])).rows.map((r) => r.key));
      for (const [i, it] of items.entries()) {
        if (seen.has(keys[i]!)) continue;
        line.items++;
        const outcome = await storeItem(store, it, page.url, fetchOpts, opts.kb);
        if ('failure' in outcome) {
          line.failed++;
          line.messages.push(outcome.failure);
          continue; // not remembered: tried again at the next poll
        }
        if (outcome.stored === 'duplicate') line.duplicates++;
        else {
          line.newDocuments++;
          line.documentIds.push(outcome.id);
        }
        await db.query('INSERT INTO feed_items (feed_id, key) VALUES ($1::bigint, $2) ON CONFLICT DO NOTHING', [feed.id, keys[i]]);
      }
      if (line.newDocuments) await refreshStatistics(store.db);
    }
  } catch (err) {
    line.status = 'failed';
    line.messages.unshift(err instanceof FetchError || err instanceof FeedError ? err.message : `could not be polled: ${(err as Error).message}`);
  }
  const failed = line.status === 'failed';
  // Backoff: every × 2^failures in a row, at most a day (and never sooner than the feed's own period).
  const failures = failed ? feed.failures + 1 : 0;
  const wait = failed ? Math.min(MAX_BACKOFF_SECONDS, feed.everySeconds * 2 ** Math.min(failures, 20)) : feed.everySeconds;
  await db.query(
    `UPDATE feeds SET last_polled_at = now(), next_poll_at = now() + make_interval(secs => $2), failures = $3, last_error = $4,
            etag = $5, last_modified = $6 WHERE id = $1::bigint`,
    [feed.id, Math.max(wait, feed.everySeconds), failures, failed ? line.messages[0]!.slice(0, 1000) : null, validators.etag, validators.lastModified]);
  const row = (await db.query<FeedLogLine>(
    `INSERT INTO feed_log (feed_id, status, items, new_documents, duplicates, failed, message, document_ids)
     VALUES ($1::bigint, $2, $3, $4, $5, $6, $7, $8)
     RETURNING id::text AS id, feed_id::text AS "feedId", ${TS('at')} AS at, status, items, new_documents AS "newDocuments", duplicates, failed, message, document_ids AS "documentIds"`,
    [feed.id, line.status, line.items, line.newDocuments, line.duplicates, line.failed, line.messages.join('\n').slice(0, 10000) || null, line.documentIds])).rows[0]!;
  // A feed polled every minute for a year would log half a million lines: the latest LOG_LINES_KEPT stay.
  await db.query(`DELETE FROM feed_log WHERE feed_id = $1::bigint AND id < (SELECT min(id) FROM (SELECT id FROM feed_log WHERE feed_id = $1::bigint ORDER BY id DESC LIMIT ${LOG_LINES_KEPT}) k)`, [feed.id]);
  return row;
}

/** One feed item to a stored document, as `dossier ingest URL-of-a-feed` reads it: the linked article, else the item's content. */
async function storeItem(store: Store, it: FeedItem, feedUrl: string, fetchOpts: FetchOptions, kb: KnowledgeBase): Promise<{ id: string; stored: string } | { failure: string }> {
  const origin = it.link ?? `${feedUrl} (item "${it.title ?? '?'}")`;
  let content = it.content;
  let url = it.link;
  if (it.link) {
    try {
      const article = await fetchUrl(new URL(it.link, feedUrl).href, fetchOpts);
      content = decodeBytes(article.body).text;
      url = article.url;
    } catch (err) {
      if (!it.content) return { failure: `${origin}: ${(err as Error).message}` };
    }
  }
  if (!content) return { failure: `${origin}: feed item has neither a link nor content` };
  try {
    const document = toDocument({ origin, kind: 'html', content, title: it.title, date: it.date, url, source: it.channel });
    return { id: document.id, stored: await storeDocument(store, document, kb) };
  } catch (err) {
    return { failure: `${origin}: ${err instanceof DocumentError ? err.message : `could not be stored: ${(err as Error).message}`}` };
  }
}

/** Feeds whose next poll is due. */
export async function dueFeeds(db: Queryable): Promise<Feed[]> {
  return (await db.query<Feed>(`SELECT ${FEED_COLUMNS} FROM feeds WHERE next_poll_at <= now() ORDER BY next_poll_at, id`)).rows;
}

/** Milliseconds until the next feed is due (null: no feeds). */
export async function msUntilNextPoll(db: Queryable): Promise<number | null> {
  const row = (await db.query<{ ms: number | null }>(`SELECT (extract(epoch FROM min(next_poll_at) - now()) * 1000)::float8 AS ms FROM feeds`)).rows[0];
  return row?.ms === null || row?.ms === undefined ? null : Math.max(0, Number(row.ms));
}
