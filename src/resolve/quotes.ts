/**
 * Quote groups: one quote carried by several outlets becomes one group with several sources. Two quotes are the
 * same when their normalised texts are equal, or when one contains the other and the shorter has at least
 * MIN_CONTAINED_WORDS words (an outlet trimming a long quote), and their speakers do not conflict.
 * Lookups are index probes: equal text by md5, "a stored quote contains this one" by trigrams, "this one contains
 * a stored quote" by the stored quote's first eight words.
 */
import type { Queryable } from '../store/db.js';

export const MIN_CONTAINED_WORDS = 8;
/** Below this many words, equal texts with no speaker on either side are too generic to merge ("historic"). */
const MIN_ANONYMOUS_WORDS = 8;

interface StoredQuote {
  local_id: string;
  norm_text: string;
  speaker_id: string | null;
}

/** Every run of `n` consecutive words of a normalised text (space-separated). */
export function wordWindows(norm: string, n = MIN_CONTAINED_WORDS): string[] {
  const words = norm.split(' ').filter(Boolean);
  const out = new Set<string>();
  for (let i = 0; i + n <= words.length; i++) out.add(words.slice(i, i + n).join(' '));
  return [...out];
}

export async function resolveQuotes(tx: Queryable, documentId: string, docDate: string | null): Promise<void> {
  const quotes = (await tx.query<StoredQuote>(
    'SELECT local_id, norm_text, speaker_id FROM quotes WHERE document_id = $1 ORDER BY span_start', [documentId])).rows;
  for (const q of quotes) {
    if (!q.norm_text) continue;
    const groupId = await findGroup(tx, q, documentId);
    let id: string;
    if (groupId) {
      await tx.query(
        `UPDATE quote_groups SET speaker_id = COALESCE(speaker_id, $2), quote_count = quote_count + 1,
                first_date = CASE WHEN first_date IS NULL OR $3::date < first_date THEN COALESCE($3::date, first_date) ELSE first_date END
          WHERE id = $1`, [groupId, q.speaker_id, docDate]);
      id = groupId;
    } else {
      id = (await tx.query<{ id: string }>(
        'INSERT INTO quote_groups (speaker_id, first_date, quote_count) VALUES ($1, $2, 1) RETURNING id::text AS id',
        [q.speaker_id, docDate])).rows[0]!.id;
    }
    await tx.query('UPDATE quotes SET group_id = $1 WHERE document_id = $2 AND local_id = $3', [id, documentId, q.local_id]);
  }
}

// The candidate's group must not name a different speaker; the quote itself must already be grouped.
const SPEAKER_OK = `q.group_id IS NOT NULL AND NOT (q.document_id = $2 AND q.local_id = $3)
  AND (g.speaker_id IS NULL OR $1::text IS NULL OR g.speaker_id = $1)`;

async function findGroup(tx: Queryable, q: StoredQuote, documentId: string): Promise<string | null> {
  const words = q.norm_text.split(' ').length;
  const base = [q.speaker_id, documentId, q.local_id];
  if (q.speaker_id || words >= MIN_ANONYMOUS_WORDS) {
    const equal = (await tx.query<{ id: string }>(
      `SELECT q.group_id::text AS id FROM quotes q JOIN quote_groups g ON g.id = q.group_id
        WHERE md5(q.norm_text) = md5($4) AND q.norm_text = $4 AND ${SPEAKER_OK} ORDER BY q.group_id LIMIT 1`,
      [...base, q.norm_text])).rows[0];
    if (equal) return equal.id;
  }
  if (words < MIN_CONTAINED_WORDS) return null;
  // A stored, longer quote that contains this one (on word boundaries).
  const wider = (await tx.query<{ id: string }>(
    `SELECT q.group_id::text AS id FROM quotes q JOIN quote_groups g ON g.id = q.group_id
      WHERE q.norm_text LIKE $4 AND (' ' || q.norm_text || ' ') LIKE $5 AND ${SPEAKER_OK} ORDER BY q.group_id LIMIT 1`,
    [...base, `%${q.norm_text}%`, `% ${q.norm_text} %`])).rows[0];
  if (wider) return wider.id;
  // A stored, shorter quote (eight words at least) that this one contains: its head is one of our windows.
  const narrower = (await tx.query<{ id: string }>(
    `SELECT q.group_id::text AS id FROM quotes q JOIN quote_groups g ON g.id = q.group_id
      WHERE q.head = ANY($4::text[]) AND position(' ' || q.norm_text || ' ' IN $5) > 0 AND ${SPEAKER_OK}
      ORDER BY length(q.norm_text) DESC, q.group_id LIMIT 1`,
    [...base, wordWindows(q.norm_text), ` ${q.norm_text} `])).rows[0];
  return narrower?.id ?? null;
}
