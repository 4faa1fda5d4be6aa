/** Actors across documents: the list with counts, name lookup (fuzzy, diacritic-insensitive) and the profile. */
import type { KbEntry, KnowledgeBase } from '../model/types.js';
import type { Queryable } from '../store/db.js';
import { normalizeName } from '../nlp/fold.js';
import { entityNames, loadOverrides, type Overrides } from './corrections.js';
import { FOLD_PREFIX, foldsIn, nationFolds, shownCorrections, withFolds, type NationMode } from './nations.js';
import { positionChanges } from '../resolve/stances.js';
import { pageWithExtras, splitSummaries, type SplitSummary } from './split-entities.js';

/** Each stance marked with the opposite position held before its period, when there was one. */
function withChanges<T extends { topic: string; polarity: string; date: string | null }>(stances: T[]): (T & { changedFrom?: { polarity: string; date: string } })[] {
  const changes = positionChanges(stances);
  return stances.map((s, i) => (changes.has(i) ? { ...s, changedFrom: changes.get(i)! } : s));
}

export interface EntitySummary {
  id: string;
  name: string;
  type: string;
  kbId: string | null;
  wikidata: string | null;
  mentions: number;
  documents: number;
  /** The analyst's corrections behind what is shown (merges, renames, type or KB link). */
  corrections?: string[];
  /** NORP actors counted with this state ("x:NORP:russian" with Russia), when any (service/nations.ts). */
  nations?: string[];
}

/** How NORP actors are read: with their states (default), or apart; `kb` leads a demonym to its state. */
export interface NationOptions {
  nations?: NationMode;
  kb?: KnowledgeBase;
}

/** The corrections to read with: the analyst's, and the folds of NORP actors into their states unless kept apart. */
async function readingOverrides(db: Queryable, o: NationOptions): Promise<Overrides> {
  const ov = await loadOverrides(db);
  return o.nations === 'separate' ? ov : withFolds(ov, await nationFolds(db, o.kb));
}

export async function listEntities(db: Queryable, f: { type?: string; q?: string; limit?: number; offset?: number } & NationOptions = {}): Promise<{ total: number; items: EntitySummary[] }> {
  const where: string[] = [];
  const params: unknown[] = [];
  // Corrections: what was merged into another actor is listed as that actor; a corrected type counts for the filter.
  // A list of NORP actors asked for by type shows them, not the states they are counted with.
  const ov = await readingOverrides(db, f.type?.toUpperCase() === 'NORP' ? { ...f, nations: 'separate' } : f);
  if (!ov.empty) {
    params.push(ov.mergedAway());
    where.push(`NOT e.id = ANY($${params.length}::text[])`);
  }
  if (f.type) {
    const type = f.type.toUpperCase();
    const retyped = [...ov.typeEdits()];
    params.push(type, retyped.filter(([, t]) => t !== type).map(([id]) => id), retyped.filter(([, t]) => t === type).map(([id]) => id));
    where.push(`((e.type = $${params.length - 2} AND NOT e.id = ANY($${params.length - 1}::text[])) OR e.id = ANY($${params.length}::text[]))`);
  }
  if (f.q) {
    params.push(`%${normalizeName(f.q)}%`);
    where.push(`(e.norm_name LIKE $${params.length} OR EXISTS (SELECT 1 FROM unnest(e.aliases) a WHERE a ILIKE $${params.length}))`);
  }
  const clause = where.length ? `AND ${where.join(' AND ')}` : '';
  const base = `FROM entities e WHERE e.document_count > 0 ${clause}`;
  // Entities a split made have no stored row: they are paged in among the stored ones (split-entities.ts).
  const splits = ov.empty ? [] : await splitSummaries(db, ov, f);
  const total = (await db.query<{ n: number }>(`SELECT count(*)::int AS n ${base}`, params)).rows[0]!.n + splits.length;
  const n = params.length;
  const items = await pageWithExtras<EntitySummary, SplitSummary>(splits,
    async (x) => (await db.query<{ n: number }>(`SELECT count(*)::int AS n ${base} AND (e.document_count > $${n + 1} OR (e.document_count = $${n + 1}
      AND (e.mention_count > $${n + 2} OR (e.mention_count = $${n + 2} AND e.name < $${n + 3}))))`, [...params, x.documents, x.mentions, x.name])).rows[0]!.n,
    async (offset, limit) => (await db.query<EntitySummary>(
      `SELECT e.id, e.name, e.type, e.kb_id AS "kbId", e.wikidata, e.mention_count AS mentions, e.document_count AS documents ${base}
        ORDER BY e.document_count DESC, e.mention_count DESC, e.name LIMIT $${n + 1} OFFSET $${n + 2}`, [...params, limit, offset])).rows,
    f.offset ?? 0, f.limit ?? 50);
  if (ov.empty) return { total, items: items as EntitySummary[] };
  const names = await entityNames(db, ov, items.map((e) => e.id));
  const corrected = await Promise.all(items.map(async (e): Promise<EntitySummary> => {
    if ('from' in e) return { id: e.id, name: e.name, type: e.type, kbId: null, wikidata: null, mentions: e.mentions, documents: e.documents, corrections: e.corrections };
    const members = ov.members(e.id);
    const all = [...new Set([...members.flatMap((m) => ov.entityCorrections(null, m)), ...(ov.editOf(e.id)?.corrections ?? [])])];
    if (!all.length && !splits.some((x) => members.includes(x.from))) return e;
    const fixes = shownCorrections(all);
    const nations = members.filter((m) => all.includes(`${FOLD_PREFIX}${m}`));
    const counts = members.length > 1 ? (await db.query<{ d: number; m: number }>(
      'SELECT count(DISTINCT document_id)::int AS d, coalesce(sum(mentions), 0)::int AS m FROM document_entities WHERE entity_id = ANY($1::text[])', [members])).rows[0] : null;
    const n = names.get(e.id)!;
    const taken = splits.filter((x) => members.includes(x.from));
    const less = (k: 'documents' | 'mentions') => taken.reduce((sum, x) => sum + x[k], 0);
    return { ...e, name: n.name, type: n.type, kbId: n.kbId, documents: (counts?.d ?? e.documents) - less('documents'), mentions: (counts?.m ?? e.mentions) - less('mentions'),
      ...(fixes.length ? { corrections: fixes } : {}), ...(nations.length ? { nations } : {}) };
  }));
  // Counted with their peoples, states may pass others on the page.
  corrected.sort((a, b) => b.documents - a.documents || b.mentions - a.mentions || a.name.localeCompare(b.name));
  return { total, items: corrected };
}

/** Finds an entity by id, exact name or alias (any spelling or script), else the closest name by trigrams. */
export async function findEntity(db: Queryable, nameOrId: string, o: NationOptions = {}): Promise<{ id: string; name: string } | null> {
  const ov = await readingOverrides(db, o);
  const hit = await findStoredEntity(db, nameOrId, ov.named());
  if (!hit || ov.empty) return hit;
  // What was merged into another actor is found as that actor, under its corrected name.
  const id = ov.canonical(hit.id);
  return { id, name: (await entityNames(db, ov, [id])).get(id)?.name ?? hit.name };
}

async function findStoredEntity(db: Queryable, nameOrId: string, corrected: { id: string; name: string }[]): Promise<{ id: string; name: string } | null> {
  const norm0 = normalizeName(nameOrId);
  const named = corrected.find((c) => c.id === nameOrId || normalizeName(c.name) === norm0);
  if (named) return named;
  const byId = (await db.query<{ id: string; name: string }>('SELECT id, name FROM entities WHERE id = $1 OR kb_id = $1', [nameOrId])).rows[0];
  if (byId) return byId;
  const norm = normalizeName(nameOrId);
  if (!norm) return null;
  const exact = (await db.query<{ id: string; name: string }>(
    `SELECT e.id, e.name FROM entities e
      WHERE e.norm_name = $1 OR EXISTS (SELECT 1 FROM unnest(e.aliases) a WHERE lower(a) = lower($2))
      ORDER BY e.mention_count DESC LIMIT 1`, [norm, nameOrId])).rows[0];
  if (exact) return exact;
  const fuzzy = (await db.query<{ id: string; name: string }>(
    `SELECT id, name FROM entities WHERE norm_name % $1 OR norm_name LIKE $2
      ORDER BY similarity(norm_name, $1) DESC LIMIT 1`, [norm, `%${norm}%`])).rows[0];
  return fuzzy ?? null;
}

/** How many of an actor's latest documents its co-actors are counted over. */
export const CO_ACTOR_WINDOW = 50;

export interface EntityProfile {
  id: string;
  name: string;
  type: string;
  kbId: string | null;
  wikidata: string | null;
  aliasesSeen: string[];
  kb: (KbEntry & { roleLabels: string[]; membershipLabels: string[] }) | null;
  mentions: number;
  /** Documents naming the actor, in all (the list below is the latest of them). */
  documentCount: number;
  documents: { id: string; title: string | null; date: string | null; mentions: number }[];
  coActors: { id: string; name: string; type: string; documents: number }[];
  quotes: { documentId: string; text: string; direct: boolean; date: string | null; start: number; end: number }[];
  events: { documentId: string; type: string; role: 'source' | 'target'; otherId: string | null; otherName: string | null; date: string | null; trigger: string; sentence: string;
    negated: boolean; modality: string; corrections?: string[] }[];
  /** `changedFrom`: the opposite position held before this stance's period (a change, not a disagreement). */
  stances: { documentId: string; topic: string; polarity: string; date: string | null; evidence: string; changedFrom?: { polarity: string; date: string } }[];
  corrections?: string[];
  /** The NORP actors counted with this state ("Russian" with Russia), when any (service/nations.ts). */
  nations?: { id: string; name: string }[];
}

export async function entityProfile(db: Queryable, requested: string, kb: KnowledgeBase, limit = 50, nations: NationMode = 'fold'): Promise<EntityProfile | null> {
  // Corrections: an actor merged into another shows that one; a profile reads every id merged into it, and leaves
  // out what a split moved to another entity (or, for a split-off entity, keeps only that). A state's profile
  // reads its people's NORP actor with it, and a NORP actor's profile is its state's, unless kept apart.
  const ov = await readingOverrides(db, { nations, kb });
  const id = ov.canonical(requested);
  const members = ov.members(id);
  const split = ov.splitEntities().find((x) => x.id === id);
  const base = split ? split.from : id;
  const e = (await db.query<any>('SELECT id, name, type, kb_id, wikidata, aliases, document_count FROM entities WHERE id = $1', [base])).rows[0];
  if (!e) return null;
  const keep = (documentId: string, entity: string) => ov.empty || ov.entityIn(documentId, entity) === id;
  // Everything below looks at the actor's latest documents (an index scan), so a profile costs the same for an
  // actor named ten times or ten thousand. Their quotes, events and stances are read document by document (a
  // LATERAL probe; OFFSET 0 keeps the actor's condition outside it): joined on the actor instead, the planner reads
  // every event of the actor in the store through its index and sorts them.
  // One id (no merge): an equality, so the index on (entity_id, doc_date) is read in order and stops after the
  // window; `= ANY` with DISTINCT would read and sort every row of the actor (thousands in a large store).
  const RECENT = `recent AS (SELECT ${members.length === 1 ? '' : 'DISTINCT '}document_id, doc_date FROM document_entities
                              WHERE ${members.length === 1 ? 'entity_id = ($1::text[])[1]' : 'entity_id = ANY($1::text[])'}
                              ${split ? `AND document_id = ANY(ARRAY[${split.documents.map((d) => `'${d.replace(/[^0-9a-f]/g, '')}'`).join(',')}]::text[])` : ''}
                              ORDER BY doc_date DESC NULLS LAST, document_id LIMIT ${CO_ACTOR_WINDOW})`;
  const docs = await db.query<any>(`WITH ${RECENT}
                   SELECT d.id, d.title, to_char(d.date, 'YYYY-MM-DD') AS date,
                          (SELECT sum(de.mentions)::int FROM document_entities de WHERE de.entity_id = ANY($1::text[]) AND de.document_id = r.document_id) AS mentions,
                          (SELECT array_agg(de.entity_id) FROM document_entities de WHERE de.entity_id = ANY($1::text[]) AND de.document_id = r.document_id) AS ids
                     FROM recent r JOIN documents d ON d.id = r.document_id
                    ORDER BY r.doc_date DESC NULLS LAST, r.document_id LIMIT $2`, [members, limit]);
  const count = await db.query<any>(`SELECT coalesce(sum(mention_count), 0)::int AS n, coalesce(sum(document_count), 0)::int AS d FROM entities WHERE id = ANY($1::text[])`, [members]);
  // Several ids read as one: the documents naming any of them, each once (their own counts would add up overlaps).
  const distinctDocs = members.length > 1 && !split
    ? (await db.query<{ d: number }>('SELECT count(DISTINCT document_id)::int AS d FROM document_entities WHERE entity_id = ANY($1::text[])', [members])).rows[0]!.d
    : null;
  // Co-actors read through the NORP folds: a document naming Serbia and "Serbian" counts once for Serbia.
  const folds = foldsIn(ov);
  const co = await db.query<any>(`WITH ${RECENT}, de AS (
                   SELECT DISTINCT de.document_id, coalesce(fo.into_id, de.entity_id) AS entity_id
                     FROM recent r JOIN document_entities de ON de.document_id = r.document_id
                     LEFT JOIN unnest($2::text[], $3::text[]) AS fo(from_id, into_id) ON fo.from_id = de.entity_id)
                   SELECT o.id, o.name, o.type, count(*)::int AS documents
                     FROM de JOIN entities o ON o.id = de.entity_id WHERE NOT de.entity_id = ANY($1::text[])
                    GROUP BY o.id, o.name, o.type ORDER BY documents DESC, o.name LIMIT 20`, [members, folds.map((x) => x.from), folds.map((x) => x.into)]);
  const quotes = await db.query<any>(`WITH ${RECENT}
                   SELECT q.document_id, q.speaker_id, q.text, q.direct, q.span_start, q.span_end, to_char(r.doc_date, 'YYYY-MM-DD') AS date
                     FROM recent r CROSS JOIN LATERAL (SELECT * FROM quotes q WHERE q.document_id = r.document_id OFFSET 0) q WHERE q.speaker_id = ANY($1::text[])
                    ORDER BY r.doc_date DESC NULLS LAST, q.document_id, q.span_start LIMIT $2`, [members, limit]);
  const eventRows = await db.query<any>(`WITH ${RECENT}, hits AS (
                   SELECT v.* FROM recent r CROSS JOIN LATERAL (SELECT * FROM events v WHERE v.document_id = r.document_id OFFSET 0) v
                    WHERE v.source_id = ANY($1::text[]) OR v.target_id = ANY($1::text[])
                    ORDER BY v.date_value DESC NULLS LAST, r.doc_date DESC NULLS LAST, v.document_id, v.trigger_start LIMIT $2)
                   SELECT v.document_id, v.type, v.source_id, v.target_id, v.date_value, v.trigger_text, v.trigger_start, v.trigger_end, v.negated, v.modality,
                          substr(d.text, v.sentence_start + 1, v.sentence_end - v.sentence_start) AS sentence,
                          s.name AS source_name, t.name AS target_name
                     FROM hits v JOIN documents d ON d.id = v.document_id
                     LEFT JOIN entities s ON s.id = v.source_id LEFT JOIN entities t ON t.id = v.target_id
                    ORDER BY v.date_value DESC NULLS LAST, v.document_id, v.trigger_start`, [members, limit]);
  const stances = await db.query<any>(`WITH ${RECENT}, hits AS (
                   SELECT st.* FROM recent r CROSS JOIN LATERAL (SELECT * FROM stances st WHERE st.document_id = r.document_id OFFSET 0) st
                    WHERE st.holder_id = ANY($1::text[]) ORDER BY st.date DESC NULLS LAST, st.document_id, st.evidence_start LIMIT $2)
                   SELECT st.document_id, st.holder_id, st.topic, st.polarity, st.date,
                          substr(d.text, st.evidence_start + 1, st.evidence_end - st.evidence_start) AS evidence
                     FROM hits st JOIN documents d ON d.id = st.document_id ORDER BY st.date DESC NULLS LAST, st.document_id, st.evidence_start`, [members, limit]);
  const names = ov.empty ? null : await entityNames(db, ov, [id]);
  const shown = names?.get(id);
  const kbId = shown ? shown.kbId : e.kb_id;
  const entry = kbId ? kb.byId.get(kbId) ?? null : null;
  const quoteRows = quotes.rows.filter((q: any) => {
    const o = ov.quote(q.document_id, q.span_start, q.span_end);
    return o ? ov.entityIn(q.document_id, o.speaker) === id : keep(q.document_id, q.speaker_id);
  });
  // Quotes a correction gave to this actor, wherever the analysis put them.
  const given = [...ov.quotes].filter(([key, o]) => ov.entityIn(key.split('|')[0]!, o.speaker) === id).map(([key]) => key.split('|'));
  if (given.length) {
    const seen = new Set(quoteRows.map((q: any) => `${q.document_id}|${q.span_start}`));
    const more = (await db.query<any>(
      `SELECT q.document_id, q.speaker_id, q.text, q.direct, q.span_start, q.span_end, to_char(d.date, 'YYYY-MM-DD') AS date
         FROM quotes q JOIN documents d ON d.id = q.document_id JOIN unnest($1::text[], $2::int[], $3::int[]) AS k(d, s, e)
           ON q.document_id = k.d AND q.span_start = k.s AND q.span_end = k.e`,
      [given.map((k) => k[0]), given.map((k) => Number(k[1])), given.map((k) => Number(k[2]))])).rows;
    quoteRows.push(...more.filter((q: any) => !seen.has(`${q.document_id}|${q.span_start}`)));
    quoteRows.sort((a: any, b: any) => (b.date ?? '').localeCompare(a.date ?? '') || a.document_id.localeCompare(b.document_id) || a.span_start - b.span_start);
  }
  const eventList = eventRows.rows.flatMap((v: any) => {
    const o = ov.event(v.document_id, v.trigger_start, v.trigger_end);
    if (o?.rejected) return [];
    const source = o && 'source' in o ? o.source ?? null : v.source_id;
    const target = o && 'target' in o ? o.target ?? null : v.target_id;
    const role: 'source' | 'target' | null = ov.entityIn(v.document_id, source) === id ? 'source' : ov.entityIn(v.document_id, target) === id ? 'target' : null;
    if (!role) return [];
    const other = role === 'source' ? target : source;
    const otherName = other === (role === 'source' ? v.target_id : v.source_id) ? (role === 'source' ? v.target_name : v.source_name) : other;
    return [{
      documentId: v.document_id, type: o?.type ?? v.type, role, otherId: ov.entityIn(v.document_id, other), otherName, date: o && 'date' in o ? o.date ?? null : v.date_value,
      trigger: v.trigger_text, sentence: v.sentence, negated: v.negated, modality: v.modality, ...(o ? { corrections: o.corrections } : {}),
    }];
  });
  if (!ov.empty) {
    const others = await entityNames(db, ov, eventList.map((v) => v.otherId).filter((x): x is string => !!x));
    for (const v of eventList) if (v.otherId) v.otherName = others.get(v.otherId)?.name ?? v.otherName;
  }
  const nationIds = folds.filter((x) => x.into === id && members.includes(x.from)).map((x) => x.from);
  const peoples = nationIds.length
    ? (await db.query<{ id: string; name: string }>('SELECT id, name FROM entities WHERE id = ANY($1::text[]) ORDER BY name', [nationIds])).rows
    : [];
  const fixes = shownCorrections([...new Set([...members.flatMap((m) => ov.entityCorrections(null, m)), ...(ov.editOf(id)?.corrections ?? []), ...(split ? [split.id.slice(2)] : [])])]);
  return {
    id, name: shown?.name ?? e.name, type: shown?.type ?? e.type, kbId, wikidata: e.wikidata, aliasesSeen: e.aliases,
    kb: entry ? { ...entry, roleLabels: roleLabels(entry, kb), membershipLabels: membershipLabels(entry, kb) } : null,
    mentions: split ? docs.rows.reduce((n: number, d: any) => n + (d.mentions ?? 0), 0) : count.rows[0]?.n ?? 0,
    documentCount: split ? split.documents.length : distinctDocs ?? e.document_count,
    documents: docs.rows.filter((d: any) => (d.ids as string[]).some((m) => keep(d.id, m))).map(({ ids: _ids, ...d }: any) => d),
    coActors: co.rows.filter((c: any) => !members.includes(c.id)),
    quotes: quoteRows.map((q: any) => ({ documentId: q.document_id, text: q.text, direct: q.direct, date: q.date, start: q.span_start, end: q.span_end })),
    events: eventList,
    stances: withChanges(stances.rows.filter((s: any) => keep(s.document_id, s.holder_id))
      .map((s: any) => ({ documentId: s.document_id, topic: s.topic, polarity: s.polarity, date: s.date, evidence: s.evidence }))),
    ...(fixes.length ? { corrections: fixes } : {}),
    ...(peoples.length ? { nations: peoples } : {}),
  };
}

const nameOf = (kb: KnowledgeBase, id: string) => kb.byId.get(id)?.name ?? id;
const range = (from?: string, to?: string) => `${from ?? '?'} – ${to ?? 'now'}`;

/** "Secretary General of NATO, 2014-10-01 – 2024-10-01". */
export function roleLabels(entry: KbEntry, kb: KnowledgeBase): string[] {
  return (entry.roles ?? []).map((r) => {
    const office = kb.offices.find((o) => o.id === r.office)?.names[0] ?? r.office.replace(/-/g, ' ');
    return `${office} of ${nameOf(kb, r.of)}, ${range(r.from, r.to)}`;
  });
}

export function membershipLabels(entry: KbEntry, kb: KnowledgeBase): string[] {
  return (entry.memberships ?? []).map((m) => `${m.kind} of ${nameOf(kb, m.of)}, ${range(m.from, m.to)}`);
}
