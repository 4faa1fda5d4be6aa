/**
 * Quote groups: one quote carried by several outlets becomes one group with several sources. Two quotes are the
 * same when their normalised texts are equal, or when one contains the other and the shorter has at least
 * MIN_CONTAINED_WORDS words (an outlet trimming a long quote), and their speakers do not conflict.
 * Lookups are index probes on the groups (one row per distinct quote, holding its fullest text): equal text by
 * md5; "a stored quote contains this one" when both open with the same eight words (outlets trim the end of a long
 * quote far more often than its start; an excerpt from the middle is not merged); "this one contains a stored
 * quote" by the stored quote's first eight words among this one's windows.
 */
import type { Queryable } from '../store/db.js';
import { insertRows } from '../store/rows.js';

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

/**
 * Groups every quote of one document. Set-based: one query finds, for all the document's quotes at once, a stored
 * quote with the same text, a stored longer quote that contains it, or a stored shorter one it contains (a LATERAL
 * probe per quote, each an index lookup); new groups and joined groups are then written in one statement each.
 */
export async function resolveQuotes(tx: Queryable, documentId: string, docDate: string | null): Promise<void> {
  const quotes = (await tx.query<StoredQuote>(
    'SELECT local_id, norm_text, speaker_id FROM quotes WHERE document_id = $1 AND norm_text <> \'\' ORDER BY span_start', [documentId])).rows;
  if (!quotes.length) return;
  const found = await findGroups(tx, quotes);
  const groupOf: (string | null)[] = quotes.map((_, k) => found.get(k) ?? null);
  // The same quote twice in one document (a pull quote, a repeated line) is one group too.
  const local = new Map<string, number>();
  quotes.forEach((q, k) => {
    const first = local.get(q.norm_text);
    if (first === undefined) local.set(q.norm_text, k);
    else if (!groupOf[k] && (q.speaker_id ?? null) === (quotes[first]!.speaker_id ?? null)) groupOf[k] = `local:${first}`;
  });
  const fresh = quotes.map((_, k) => k).filter((k) => !groupOf[k]);
  const ids = (await tx.query<{ id: string }>(
    `SELECT nextval(pg_get_serial_sequence('quote_groups', 'id'))::text AS id FROM generate_series(1, $1)`, [fresh.length])).rows.map((r) => r.id);
  fresh.forEach((k, n) => (groupOf[k] = ids[n]!));
  for (let k = 0; k < quotes.length; k++) if (groupOf[k]!.startsWith('local:')) groupOf[k] = groupOf[Number(groupOf[k]!.slice(6))]!;
  const count = new Map<string, number>();
  for (const g of groupOf) count.set(g!, (count.get(g!) ?? 0) + 1);
  const freshIds = new Set(ids);
  await insertRows(tx, 'quote_groups', ['id', 'speaker_id', 'first_date', 'quote_count', 'norm_text'],
    fresh.map((k) => [groupOf[k], quotes[k]!.speaker_id, docDate, count.get(groupOf[k]!), quotes[k]!.norm_text]));
  const joined = [...new Set(groupOf.filter((g) => !freshIds.has(g!)))] as string[];
  if (joined.length) {
    const member = joined.map((g) => quotes[groupOf.indexOf(g)]!);
    await tx.query(
      `UPDATE quote_groups g SET speaker_id = COALESCE(g.speaker_id, u.speaker_id), quote_count = g.quote_count + u.n,
              norm_text = CASE WHEN length(u.norm_text) > length(g.norm_text) THEN u.norm_text ELSE g.norm_text END,
              first_date = CASE WHEN g.first_date IS NULL OR $5::date < g.first_date THEN COALESCE($5::date, g.first_date) ELSE g.first_date END
         FROM unnest($1::bigint[], $2::text[], $3::int[], $4::text[]) AS u(id, speaker_id, n, norm_text) WHERE g.id = u.id`,
      [joined, member.map((q) => q.speaker_id), joined.map((g) => count.get(g)), member.map((q) => q.norm_text), docDate]);
  }
  await tx.query(
    `UPDATE quotes q SET group_id = u.group_id FROM unnest($1::text[], $2::bigint[]) AS u(local_id, group_id)
      WHERE q.document_id = $3 AND q.local_id = u.local_id`,
    [quotes.map((q) => q.local_id), groupOf, documentId]);
}

/** For each quote (by index), the group of a stored quote it is the same as, if any. */
async function findGroups(tx: Queryable, quotes: StoredQuote[]): Promise<Map<number, string>> {
  const words = quotes.map((q) => q.norm_text.split(' ').length);
  const rows = (await tx.query<{ k: number; id: string }>(
    `SELECT v.k, m.id FROM unnest($1::int[], $2::text[], $3::text[], $4::int[], $5::text[]) AS v(k, norm, speaker_id, words, windows)
       CROSS JOIN LATERAL (
         SELECT id FROM (
           (SELECT g.id::text AS id, 1 AS pref FROM quote_groups g
             WHERE (v.speaker_id IS NOT NULL OR v.words >= ${MIN_ANONYMOUS_WORDS})
               AND md5(g.norm_text) = md5(v.norm) AND g.norm_text = v.norm
               AND (g.speaker_id IS NULL OR v.speaker_id IS NULL OR g.speaker_id = v.speaker_id)
             ORDER BY g.id LIMIT 1)
           UNION ALL
           (SELECT g.id::text, 2 FROM quote_groups g
             WHERE v.words >= ${MIN_CONTAINED_WORDS} AND g.head = split_part(v.windows, '|', 1)
               AND position(' ' || v.norm || ' ' IN ' ' || g.norm_text || ' ') > 0
               AND (g.speaker_id IS NULL OR v.speaker_id IS NULL OR g.speaker_id = v.speaker_id)
             ORDER BY g.id LIMIT 1)
           UNION ALL
           (SELECT g.id::text, 3 FROM quote_groups g
             WHERE v.words >= ${MIN_CONTAINED_WORDS} AND g.head = ANY(string_to_array(v.windows, '|'))
               AND position(' ' || g.norm_text || ' ' IN ' ' || v.norm || ' ') > 0
               AND (g.speaker_id IS NULL OR v.speaker_id IS NULL OR g.speaker_id = v.speaker_id)
             ORDER BY length(g.norm_text) DESC, g.id LIMIT 1)
         ) c ORDER BY pref LIMIT 1) m`,
    [quotes.map((_, k) => k), quotes.map((q) => q.norm_text), quotes.map((q) => q.speaker_id), words,
      quotes.map((q, k) => (words[k]! >= MIN_CONTAINED_WORDS ? wordWindows(q.norm_text).join('|') : ''))])).rows;
  return new Map(rows.map((r) => [Number(r.k), r.id]));
}
