/**
 * Quote groups: one quote carried by several outlets becomes one group with several sources. Two quotes are the
 * same when their normalised texts are equal, or when one contains the other and the shorter has at least
 * MIN_CONTAINED_WORDS words (an outlet trimming a long quote), and their speakers do not conflict.
 * Lookups are index probes on the groups (one row per distinct quote, holding its fullest text): equal text by
 * md5; "a stored quote contains this one" when both open with the same eight words (outlets trim the end of a long
 * quote far more often than its start; an excerpt from the middle is not merged); "this one contains a stored
 * quote" by the stored quote's first eight words among this one's windows. Heads are probed by their hash and the
 * speaker together, so a head many quotes share (a template, a slogan) does not mean reading all of them. A batch
 * of documents is resolved in memory, as if stored one after another, and written once (store/batch.ts).
 */
import type { Queryable } from '../store/db.js';
import { takeIds } from './ids.js';

export const MIN_CONTAINED_WORDS = 8;
/** Below this many words, equal texts with no speaker on either side are too generic to merge ("historic"). */
const MIN_ANONYMOUS_WORDS = 8;

export interface StoredQuote {
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

/** A quote group as resolution sees it: stored, or made by the batch being written. */
interface GroupState {
  id: string;
  speaker_id: string | null;
  first_date: string | null;
  quote_count: number;
  norm_text: string;
}

export interface QuoteDocument {
  id: string;
  date: string | null;
  /** The quotes with text, in text order. */
  quotes: StoredQuote[];
}

export interface QuoteResult {
  /** Per document: each quote's group id, by its local id. */
  groupOf: Map<string, string>[];
  /** New groups, final: [id, speaker_id, first_date, quote_count, norm_text]. */
  groups: unknown[][];
  /** Stored groups joined by the batch: [id, speaker_id, first_date, norm_text, quotes added]. */
  updates: unknown[][];
}

const PROVISIONAL = 'new:';
const order = (id: string) => (id.startsWith(PROVISIONAL) ? 1e18 + Number(id.slice(PROVISIONAL.length)) : Number(id));

/** The first eight words, as the generated `head` column has them (null under eight). */
export function headOf(norm: string): string | null {
  return /^((?:[^ ]+ ){7}[^ ]+)/.exec(norm)?.[1] ?? null;
}

/** One quote and what its lookups compare. */
interface Probe {
  q: StoredQuote;
  words: number;
  windows: string[];
}

/** A match found for a quote: how it matches (1 same text, 2 a group contains it, 3 it contains a group) and the group. */
interface Match {
  pref: number;
  id: string;
  length: number;
}

/** Better first: the kind of match, then the oldest group (for containment of a group, the longest first). */
const better = (a: Match, b: Match) => a.pref - b.pref || (a.pref === 3 ? b.length - a.length : 0) || order(a.id) - order(b.id);

/** The matches of one quote with a group, by kind; the SQL of findGroups in memory. */
function groupMatches(g: GroupState, p: Probe): Match[] {
  const v = p.q;
  if (g.speaker_id && v.speaker_id && g.speaker_id !== v.speaker_id) return [];
  const out: Match[] = [];
  const m = (pref: number) => out.push({ pref, id: g.id, length: g.norm_text.length });
  if ((v.speaker_id || p.words >= MIN_ANONYMOUS_WORDS) && g.norm_text === v.norm_text) m(1);
  if (p.words >= MIN_CONTAINED_WORDS) {
    const head = headOf(g.norm_text);
    if (head && head === p.windows[0] && ` ${g.norm_text} `.includes(` ${v.norm_text} `)) m(2);
    if (head && p.windows.includes(head) && ` ${v.norm_text} `.includes(` ${g.norm_text} `)) m(3);
  }
  return out;
}

/**
 * Groups every quote of a batch of documents, as if they were stored one after another. The store is asked once,
 * for all the batch's quotes (findGroups); the groups the batch itself makes or grows are held here, matched in
 * memory, and stand in for their stored versions. Nothing is written: the caller inserts the result.
 */
export async function resolveQuoteGroups(tx: Queryable, docs: QuoteDocument[]): Promise<QuoteResult> {
  const touched = new Map<string, GroupState>();
  // The batch's groups by text and by head: a quote's lookups read the groups it can match, not all of them.
  const byKey = new Map<string, Set<string>>();
  const keep = (g: GroupState) => {
    touched.set(g.id, g);
    for (const key of [`n|${g.norm_text}`, `h|${headOf(g.norm_text)}`]) {
      const ids = byKey.get(key) ?? new Set<string>();
      ids.add(g.id);
      byKey.set(key, ids);
    }
  };
  const near = (p: Probe) => {
    const out = new Set<string>();
    for (const key of [`n|${p.q.norm_text}`, ...p.windows.map((w) => `h|${w}`)]) for (const id of byKey.get(key) ?? []) out.add(id);
    return out;
  };
  const added = new Map<string, number>();
  let made = 0;
  const probes = docs.map((d) => d.quotes.map((q): Probe => {
    const words = q.norm_text.split(' ').length;
    return { q, words, windows: words >= MIN_CONTAINED_WORDS ? wordWindows(q.norm_text) : [] };
  }));
  // A short quote with no speaker matches nothing (too generic): the store is not asked about it.
  const all = probes.flat().filter((p) => p.q.speaker_id || p.words >= Math.min(MIN_ANONYMOUS_WORDS, MIN_CONTAINED_WORDS));
  const known = new Map<string, GroupState>();
  const ask = async (ps: Probe[], exclude: string[]) => {
    const answer = await findGroups(tx, ps, exclude);
    for (const list of answer.values()) for (const m of list) known.set(m.id, m.g);
    return answer;
  };
  const stored = await ask(all, []);
  const groupOf = docs.map(() => new Map<string, string>());

  for (let j = 0; j < docs.length; j++) {
    const { date: docDate } = docs[j]!;
    const mine = probes[j]!;
    if (!mine.length) continue;
    const found: (string | null)[] = [];
    for (const p of mine) {
      const fromStore = stored.get(p) ?? [];
      let matches: Match[] = fromStore.filter((m) => !touched.has(m.id));
      // A group this batch changed may no longer match as its stored row did, and then hides the next one.
      const stale = fromStore.some((m) => touched.has(m.id) && !groupMatches(touched.get(m.id)!, p).some((x) => x.pref === m.pref));
      if (stale) matches = (await ask([p], [...touched.keys()].filter((id) => !id.startsWith(PROVISIONAL)))).get(p) ?? [];
      for (const id of near(p)) matches.push(...groupMatches(touched.get(id)!, p));
      found.push(matches.sort(better)[0]?.id ?? null);
    }
    const quotes = mine.map((p) => p.q);
    const of: (string | null)[] = found;
    // The same quote twice in one document (a pull quote, a repeated line) is one group too.
    const local = new Map<string, number>();
    quotes.forEach((q, k) => {
      const first = local.get(q.norm_text);
      if (first === undefined) local.set(q.norm_text, k);
      else if (!of[k] && (q.speaker_id ?? null) === (quotes[first]!.speaker_id ?? null)) of[k] = `local:${first}`;
    });
    const fresh = quotes.map((_, k) => k).filter((k) => !of[k]);
    for (const k of fresh) of[k] = `${PROVISIONAL}${made++}`;
    for (let k = 0; k < quotes.length; k++) if (of[k]!.startsWith('local:')) of[k] = of[Number(of[k]!.slice(6))]!;
    const count = new Map<string, number>();
    for (const g of of) count.set(g!, (count.get(g!) ?? 0) + 1);
    const freshIds = new Set(fresh.map((k) => of[k]!));
    for (const k of fresh) {
      const id = of[k]!;
      keep({ id, speaker_id: quotes[k]!.speaker_id, first_date: docDate, quote_count: count.get(id)!, norm_text: quotes[k]!.norm_text });
    }
    for (const id of new Set(of.filter((g) => !freshIds.has(g!))) as Set<string>) {
      // The group takes the document's first member's speaker when it had none, and its text when that is longer.
      const member = quotes[of.indexOf(id)]!;
      const g = touched.get(id) ?? known.get(id)!;
      keep({
        id, speaker_id: g.speaker_id ?? member.speaker_id, quote_count: g.quote_count + count.get(id)!,
        norm_text: member.norm_text.length > g.norm_text.length ? member.norm_text : g.norm_text,
        first_date: g.first_date === null || (docDate !== null && docDate < g.first_date) ? docDate ?? g.first_date : g.first_date,
      });
      if (!id.startsWith(PROVISIONAL)) added.set(id, (added.get(id) ?? 0) + count.get(id)!);
    }
    quotes.forEach((q, k) => groupOf[j]!.set(q.local_id, of[k]!));
  }

  const ids = await takeIds(tx, 'quote_groups', made);
  const real = (id: string) => (id.startsWith(PROVISIONAL) ? ids[Number(id.slice(PROVISIONAL.length))]! : id);
  for (const m of groupOf) for (const [local, id] of m) m.set(local, real(id));
  const groups: unknown[][] = [];
  const updates: unknown[][] = [];
  for (const g of touched.values()) {
    if (g.id.startsWith(PROVISIONAL)) groups.push([real(g.id), g.speaker_id, g.first_date, g.quote_count, g.norm_text]);
    else updates.push([g.id, g.speaker_id, g.first_date, g.norm_text, added.get(g.id) ?? 0]);
  }
  groups.sort((a, b) => Number(a[0]) - Number(b[0]));
  updates.sort((a, b) => Number(a[0]) - Number(b[0]));
  return { groupOf, groups, updates };
}

const GROUP_COLS = `g.id, g.speaker_id, to_char(g.first_date, 'YYYY-MM-DD') AS first_date, g.quote_count, g.norm_text`;
/** The speakers a group may have to match a quote's: the same, none, or any when the quote has none. */
const SPEAKERS = (probe: (speaker: string) => string) =>
  `${probe('v.speaker_id IS NOT NULL AND g.speaker_id = v.speaker_id')} UNION ALL ${probe('g.speaker_id IS NULL')}
   UNION ALL ${probe('v.speaker_id IS NULL AND g.speaker_id IS NOT NULL')}`;

/**
 * For each quote, the best stored group of each kind of match (at most three rows), with the group's row.
 * Each is an index probe: equal text by md5 of the text, containment by md5 of the head, each with the speaker.
 * `exclude`: stored groups the caller holds a newer version of.
 */
async function findGroups(tx: Queryable, probes: Probe[], exclude: string[]): Promise<Map<Probe, (Match & { g: GroupState })[]>> {
  const out = new Map<Probe, (Match & { g: GroupState })[]>();
  if (!probes.length) return out;
  const rows = (await tx.query<GroupState & { k: number; pref: number }>(
    `SELECT v.k, m.* FROM unnest($1::int[], $2::text[], $3::text[], $4::int[], $5::text[]) AS v(k, norm, speaker_id, words, windows)
       CROSS JOIN LATERAL (
         (SELECT 1 AS pref, ${GROUP_COLS} FROM quote_groups g
           WHERE (v.speaker_id IS NOT NULL OR v.words >= ${MIN_ANONYMOUS_WORDS})
             AND md5(g.norm_text) = md5(v.norm) AND g.norm_text = v.norm AND g.id <> ALL($6::bigint[])
             AND (g.speaker_id IS NULL OR v.speaker_id IS NULL OR g.speaker_id = v.speaker_id)
           ORDER BY g.id LIMIT 1)
         UNION ALL
         (SELECT 2, c.* FROM (${SPEAKERS((speaker) => `(SELECT ${GROUP_COLS} FROM quote_groups g
             WHERE v.words >= ${MIN_CONTAINED_WORDS} AND g.head IS NOT NULL AND md5(g.head) = md5(split_part(v.windows, '|', 1))
               AND g.head = split_part(v.windows, '|', 1) AND ${speaker} AND g.id <> ALL($6::bigint[])
               AND position(' ' || v.norm || ' ' IN ' ' || g.norm_text || ' ') > 0
             ORDER BY g.id LIMIT 1)`)}) c ORDER BY c.id LIMIT 1)
         UNION ALL
         (SELECT 3, c.* FROM (${SPEAKERS((speaker) => `(SELECT ${GROUP_COLS} FROM quote_groups g
             WHERE v.words >= ${MIN_CONTAINED_WORDS} AND g.head IS NOT NULL
               AND md5(g.head) = ANY(ARRAY(SELECT md5(w) FROM unnest(string_to_array(v.windows, '|')) w))
               AND g.head = ANY(string_to_array(v.windows, '|')) AND ${speaker} AND g.id <> ALL($6::bigint[])
               AND position(' ' || g.norm_text || ' ' IN ' ' || v.norm || ' ') > 0
             ORDER BY length(g.norm_text) DESC, g.id LIMIT 1)`)}) c ORDER BY length(c.norm_text) DESC, c.id LIMIT 1)
       ) m`,
    [probes.map((_, k) => k), probes.map((p) => p.q.norm_text), probes.map((p) => p.q.speaker_id), probes.map((p) => p.words),
      probes.map((p) => p.windows.join('|')), exclude])).rows;
  for (const r of rows) {
    const p = probes[Number(r.k)]!;
    const g: GroupState = { id: String(r.id), speaker_id: r.speaker_id, first_date: r.first_date, quote_count: Number(r.quote_count), norm_text: r.norm_text };
    const list = out.get(p) ?? [];
    list.push({ pref: Number(r.pref), id: g.id, length: g.norm_text.length, g });
    out.set(p, list);
  }
  return out;
}
