/** Actors across documents: the list with counts, name lookup (fuzzy, diacritic-insensitive) and the profile. */
import type { KbEntry, KnowledgeBase } from '../model/types.js';
import type { Queryable } from '../store/db.js';
import { normalizeName } from '../nlp/fold.js';

export interface EntitySummary {
  id: string;
  name: string;
  type: string;
  kbId: string | null;
  wikidata: string | null;
  mentions: number;
  documents: number;
}

export async function listEntities(db: Queryable, f: { type?: string; q?: string; limit?: number; offset?: number } = {}): Promise<{ total: number; items: EntitySummary[] }> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.type) {
    params.push(f.type.toUpperCase());
    where.push(`e.type = $${params.length}`);
  }
  if (f.q) {
    params.push(`%${normalizeName(f.q)}%`);
    where.push(`(e.norm_name LIKE $${params.length} OR EXISTS (SELECT 1 FROM unnest(e.aliases) a WHERE a ILIKE $${params.length}))`);
  }
  const clause = where.length ? `AND ${where.join(' AND ')}` : '';
  const base = `FROM entities e WHERE e.document_count > 0 ${clause}`;
  const total = (await db.query<{ n: number }>(`SELECT count(*)::int AS n ${base}`, params)).rows[0]!.n;
  params.push(f.limit ?? 50, f.offset ?? 0);
  const items = (await db.query<EntitySummary>(
    `SELECT e.id, e.name, e.type, e.kb_id AS "kbId", e.wikidata, e.mention_count AS mentions, e.document_count AS documents ${base}
      ORDER BY e.document_count DESC, e.mention_count DESC, e.name LIMIT $${params.length - 1} OFFSET $${params.length}`, params)).rows;
  return { total, items };
}

/** Finds an entity by id, exact name or alias (any spelling or script), else the closest name by trigrams. */
export async function findEntity(db: Queryable, nameOrId: string): Promise<{ id: string; name: string } | null> {
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
  events: { documentId: string; type: string; role: 'source' | 'target'; otherId: string | null; otherName: string | null; date: string | null; trigger: string; sentence: string }[];
  stances: { documentId: string; topic: string; polarity: string; date: string | null; evidence: string }[];
}

export async function entityProfile(db: Queryable, id: string, kb: KnowledgeBase, limit = 50): Promise<EntityProfile | null> {
  const e = (await db.query<any>('SELECT id, name, type, kb_id, wikidata, aliases, document_count FROM entities WHERE id = $1', [id])).rows[0];
  if (!e) return null;
  // Everything below looks at the actor's latest documents (an index scan), so a profile costs the same for an
  // actor named ten times or ten thousand.
  const RECENT = `recent AS (SELECT document_id, doc_date FROM document_entities WHERE entity_id = $1
                              ORDER BY doc_date DESC NULLS LAST, document_id LIMIT ${CO_ACTOR_WINDOW})`;
  const docs = await db.query<any>(`WITH ${RECENT}
                   SELECT d.id, d.title, to_char(d.date, 'YYYY-MM-DD') AS date, de.mentions
                     FROM recent r JOIN document_entities de ON de.entity_id = $1 AND de.document_id = r.document_id
                     JOIN documents d ON d.id = r.document_id
                    ORDER BY r.doc_date DESC NULLS LAST, r.document_id LIMIT $2`, [id, limit]);
  const count = await db.query<any>(`SELECT mention_count AS n FROM entities WHERE id = $1`, [id]);
  const co = await db.query<any>(`WITH ${RECENT}
                   SELECT o.id, o.name, o.type, count(*)::int AS documents
                     FROM recent r JOIN document_entities de ON de.document_id = r.document_id AND de.entity_id <> $1
                     JOIN entities o ON o.id = de.entity_id
                    GROUP BY o.id, o.name, o.type ORDER BY documents DESC, o.name LIMIT 20`, [id]);
  const quotes = await db.query<any>(`WITH ${RECENT}
                   SELECT q.document_id, q.text, q.direct, q.span_start, q.span_end, to_char(r.doc_date, 'YYYY-MM-DD') AS date
                     FROM recent r JOIN quotes q ON q.document_id = r.document_id WHERE q.speaker_id = $1
                    ORDER BY r.doc_date DESC NULLS LAST, q.document_id, q.span_start LIMIT $2`, [id, limit]);
  const eventRows = await db.query<any>(`WITH ${RECENT}, hits AS (
                   SELECT v.* FROM recent r JOIN events v ON v.document_id = r.document_id
                    WHERE v.source_id = $1 OR v.target_id = $1
                    ORDER BY v.date_value DESC NULLS LAST, r.doc_date DESC NULLS LAST LIMIT $2)
                   SELECT v.document_id, v.type, v.source_id, v.target_id, v.date_value, v.trigger_text,
                          substr(d.text, v.sentence_start + 1, v.sentence_end - v.sentence_start) AS sentence,
                          s.name AS source_name, t.name AS target_name
                     FROM hits v JOIN documents d ON d.id = v.document_id
                     LEFT JOIN entities s ON s.id = v.source_id LEFT JOIN entities t ON t.id = v.target_id
                    ORDER BY v.date_value DESC NULLS LAST`, [id, limit]);
  const stances = await db.query<any>(`WITH ${RECENT}, hits AS (
                   SELECT st.* FROM recent r JOIN stances st ON st.document_id = r.document_id
                    WHERE st.holder_id = $1 ORDER BY st.date DESC NULLS LAST LIMIT $2)
                   SELECT st.document_id, st.topic, st.polarity, st.date,
                          substr(d.text, st.evidence_start + 1, st.evidence_end - st.evidence_start) AS evidence
                     FROM hits st JOIN documents d ON d.id = st.document_id ORDER BY st.date DESC NULLS LAST`, [id, limit]);
  const events = eventRows;
  const entry = e.kb_id ? kb.byId.get(e.kb_id) ?? null : null;
  return {
    id: e.id, name: e.name, type: e.type, kbId: e.kb_id, wikidata: e.wikidata, aliasesSeen: e.aliases,
    kb: entry ? { ...entry, roleLabels: roleLabels(entry, kb), membershipLabels: membershipLabels(entry, kb) } : null,
    mentions: count.rows[0]?.n ?? 0,
    documentCount: e.document_count,
    documents: docs.rows,
    coActors: co.rows,
    quotes: quotes.rows.map((q: any) => ({ documentId: q.document_id, text: q.text, direct: q.direct, date: q.date, start: q.span_start, end: q.span_end })),
    events: events.rows.map((v: any) => {
      const role = v.source_id === id ? 'source' : 'target';
      return {
        documentId: v.document_id, type: v.type, role, otherId: role === 'source' ? v.target_id : v.source_id,
        otherName: role === 'source' ? v.target_name : v.source_name, date: v.date_value, trigger: v.trigger_text, sentence: v.sentence,
      };
    }),
    stances: stances.rows.map((s: any) => ({ documentId: s.document_id, topic: s.topic, polarity: s.polarity, date: s.date, evidence: s.evidence })),
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
