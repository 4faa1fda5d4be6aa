/**
 * Entities a split correction made (`c:<n>`, src/service/corrections.ts) in the entity list. They have no row in
 * `entities`, so the list's query cannot page them: each is given its place among the stored rows (how many of
 * those sort before it, by the list's order) and the page is cut from the stored rows and these together. The
 * entity split from loses the documents and mentions the split took.
 */
import type { Queryable } from '../store/db.js';
import { normalizeName } from '../nlp/fold.js';
import type { Overrides } from './corrections.js';

export interface SplitSummary {
  id: string;
  name: string;
  type: string;
  kbId: null;
  wikidata: null;
  mentions: number;
  documents: number;
  corrections: string[];
  /** The entity it was split from, and what it took from it. */
  from: string;
}

/** The split-off entities that pass the list's filters, with their counts, in the list's order. */
export async function splitSummaries(db: Queryable, ov: Overrides, f: { type?: string; q?: string }): Promise<SplitSummary[]> {
  const splits = ov.splitEntities().filter((s) => {
    if (ov.canonical(s.id) !== s.id) return false; // merged into another: listed as that one
    const edit = ov.editOf(s.id);
    const name = edit?.name ?? s.name;
    const type = edit?.type ?? s.type;
    if (f.type && type.toUpperCase() !== f.type.toUpperCase()) return false;
    return !f.q || normalizeName(name).includes(normalizeName(f.q));
  });
  if (!splits.length) return [];
  const out: SplitSummary[] = [];
  for (const s of splits) {
    const r = (await db.query<{ d: number; m: number }>(
      `SELECT count(*)::int AS d, coalesce(sum(mentions), 0)::int AS m FROM document_entities WHERE entity_id = $1 AND document_id = ANY($2::text[])`,
      [s.from, s.documents])).rows[0]!;
    if (!r.d) continue;
    const edit = ov.editOf(s.id);
    out.push({ id: s.id, name: edit?.name ?? s.name, type: edit?.type ?? s.type, kbId: null, wikidata: null, mentions: r.m, documents: r.d,
      corrections: edit?.corrections ?? [], from: s.from });
  }
  return out.sort((a, b) => b.documents - a.documents || b.mentions - a.mentions || a.name.localeCompare(b.name));
}

/**
 * One page of stored rows and extra items together. `before(item)` counts the stored rows (under the list's filters)
 * that sort before an extra item; `rows(offset, limit)` reads stored rows. Extra items are few (one per correction).
 */
export async function pageWithExtras<R, X>(
  extras: X[], before: (x: X) => Promise<number>, rows: (offset: number, limit: number) => Promise<R[]>, offset: number, limit: number,
): Promise<(R | X)[]> {
  if (!extras.length) return rows(offset, limit);
  // Extra item i stands at (stored rows before it) + i in the combined order.
  const at = await Promise.all(extras.map(async (x, i) => ({ x, pos: (await before(x)) + i })));
  at.sort((a, b) => a.pos - b.pos);
  const earlier = at.filter((a) => a.pos < offset).length;
  const inPage = at.filter((a) => a.pos >= offset && a.pos < offset + limit);
  const stored = await rows(offset - earlier, limit - inPage.length);
  const out: (R | X)[] = [];
  let k = 0;
  // An extra item takes its position; when the stored rows run out first, the rest follow them.
  for (let pos = offset; out.length < limit && (k < stored.length || inPage.length); pos++) {
    if (inPage.length && (inPage[0]!.pos <= pos || k >= stored.length)) out.push(inPage.shift()!.x);
    else out.push(stored[k++]!);
  }
  return out;
}
