/**
 * The documents the actor graph is counted over: the latest GRAPH_WINDOW originals in the date range, or, for one
 * actor's neighbourhood, the latest that name it (through the demonym folds: "Russian" counts for Russia). A busy
 * store names every actor with every other, so links counted over ten thousand documents say little more than over
 * the latest few hundred, and cost thirty times as much (a 10,000-document store took 18 s a graph; see
 * docs/graph-view.md). As with an actor's co-actors (entities.ts), the cost stays flat as the store grows.
 */
import type { Queryable } from '../store/db.js';
import type { NationFold } from './nations.js';

/** As many as an actor's co-actors are counted over (entities.ts): the latest 300. Each with its date, which the
 * co-occurrence links are dated by. */
export const GRAPH_WINDOW = 300;

/**
 * `as`: the stored ids the actor is read from (an analyst's merges: every id merged into it; a split-off actor: the
 * one it was split from), and `only`, the documents it is read in (a split's), when corrections say so.
 */
export async function graphWindow(db: Queryable, f: { from?: string; to?: string; actor?: string }, folds: NationFold[],
  as: { ids?: string[]; only?: string[] } = {}): Promise<{ id: string; date: string | null }[]> {
  const params: unknown[] = [];
  const p = (v: unknown) => (params.push(v), `$${params.length}`);
  const range = [f.from ? `d.date >= ${p(f.from)}::date` : '', f.to ? `d.date <= ${p(f.to)}::date` : '', as.only ? `d.id = ANY(${p(as.only)}::text[])` : '']
    .filter(Boolean).map((c) => ` AND ${c}`).join('');
  if (f.actor) {
    const own = as.ids ?? [f.actor];
    const ids = [...new Set([...own, ...folds.filter((x) => own.includes(x.into)).map((x) => x.from)])];
    // The actor's rows in date order (the (entity_id, doc_date) index), newest first, up to the window: one id is
    // read in the index's order and stops there; several (a state and its people) are merged and sorted.
    if (ids.length === 1) {
      return (await db.query<{ id: string; date: string | null }>(
        `SELECT m.document_id AS id, to_char(d.date, 'YYYY-MM-DD') AS date FROM document_entities m JOIN documents d ON d.id = m.document_id
          WHERE m.entity_id = ${p(ids[0])} AND d.near_duplicate_of IS NULL${range}
          ORDER BY m.doc_date DESC NULLS LAST, m.document_id LIMIT ${GRAPH_WINDOW}`, params)).rows;
    }
    return (await db.query<{ id: string; date: string | null }>(
      `SELECT DISTINCT ON (m.doc_date, m.document_id) m.document_id AS id, to_char(d.date, 'YYYY-MM-DD') AS date FROM document_entities m JOIN documents d ON d.id = m.document_id
        WHERE m.entity_id = ANY(${p(ids)}::text[]) AND d.near_duplicate_of IS NULL${range}
        ORDER BY m.doc_date DESC NULLS LAST, m.document_id LIMIT ${GRAPH_WINDOW}`, params)).rows;
  }
  return (await db.query<{ id: string; date: string | null }>(
    `SELECT d.id, to_char(d.date, 'YYYY-MM-DD') AS date FROM documents d WHERE d.near_duplicate_of IS NULL${range} ORDER BY d.date DESC NULLS LAST, d.id LIMIT ${GRAPH_WINDOW}`, params)).rows;
}
