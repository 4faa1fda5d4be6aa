/**
 * Where things are, for the map: stored actors the knowledge base can place (its own coordinates, else its seat's:
 * a state sits at its capital, an organisation at its headquarters), and events whose location can be placed.
 */
import type { KbEntry, KnowledgeBase } from '../model/types.js';
import type { Queryable } from '../store/db.js';
import { Where } from './where.js';

export interface Place {
  id: string;
  name: string;
  type: string;
  kbId: string;
  lat: number;
  lon: number;
  /** How the point was found: the entry's own coordinates, or its seat's. */
  via: 'coords' | 'seat' | 'location';
  country: string | null;
  documents: number;
  mentions: number;
}

export interface LocatedEvent {
  documentId: string;
  type: string;
  date: string | null;
  locationId: string;
  locationName: string;
  sourceName: string | null;
  targetName: string | null;
  /** Negated reports are not placed; a future, hypothetical or reported one says so. */
  modality: string;
  sentence: string;
  lat: number;
  lon: number;
}

/** The point for a KB entry, following its seat or (for summits) its location one step. */
export function locate(entry: KbEntry, kb: KnowledgeBase): { lat: number; lon: number; via: Place['via'] } | null {
  if (entry.coords) return { lat: entry.coords[0], lon: entry.coords[1], via: 'coords' };
  for (const [key, via] of [['seat', 'seat'], ['location', 'location']] as const) {
    const ref = entry[key];
    const target = ref ? kb.byId.get(ref) : undefined;
    if (target?.coords) return { lat: target.coords[0], lon: target.coords[1], via };
  }
  return null;
}

/** The located events placed on the map are those of the latest this many documents. */
export const LOCATED_FROM = 2000;

export async function listPlaces(db: Queryable, kb: KnowledgeBase, f: { from?: string; to?: string } = {}): Promise<{ places: Place[]; events: LocatedEvent[] }> {
  // Actors the KB can place, counted over their documents in range (one row per actor and document); with no range
  // the running counts on the actors answer at once (counting 200,000 rows of a 10,000-document store does not).
  const w = new Where().add('e.kb_id IS NOT NULL').dateRange('m.doc_date', f.from, f.to);
  const rows = (await db.query<{ id: string; name: string; type: string; kb_id: string; documents: number; mentions: number }>(
    f.from || f.to
      ? `SELECT e.id, e.name, e.type, e.kb_id, count(*)::int AS documents, sum(m.mentions)::int AS mentions
           FROM entities e JOIN document_entities m ON m.entity_id = e.id
          ${w.sql} GROUP BY e.id, e.name, e.type, e.kb_id ORDER BY documents DESC, e.name`
      : `SELECT e.id, e.name, e.type, e.kb_id, e.document_count AS documents, e.mention_count AS mentions
           FROM entities e WHERE e.kb_id IS NOT NULL AND e.document_count > 0 ORDER BY documents DESC, e.name`, w.params)).rows;
  const places: Place[] = [];
  for (const r of rows) {
    const entry = kb.byId.get(r.kb_id);
    const point = entry && locate(entry, kb);
    if (point) places.push({ id: r.id, name: r.name, type: r.type, kbId: r.kb_id, ...point, country: entry.country ?? null, documents: r.documents, mentions: r.mentions });
  }

  // The latest located events: those of the latest LOCATED_FROM documents in range, the latest 1,000 of them,
  // chosen on the events' own columns; only those are joined to their names and have their sentence cut from the
  // text. (Every located event of the store, sorted, took 20 s on 10,000 documents.)
  const ev = new Where().add('v.location_id IS NOT NULL').add('NOT v.negated');
  const range = new Where().dateRange('d.date', f.from, f.to);
  const evRows = (await db.query<any>(
    `WITH recent AS (SELECT d.id, d.date FROM documents d ${range.sql} ORDER BY d.date DESC NULLS LAST, d.id LIMIT ${LOCATED_FROM}),
     latest AS (
       SELECT v.document_id, v.local_id, coalesce(v.date_value, to_char(d.date, 'YYYY-MM-DD')) AS date
         FROM recent d JOIN events v ON v.document_id = d.id
        ${ev.sql} AND v.location_id IN (SELECT id FROM entities WHERE kb_id IS NOT NULL)
        ORDER BY date DESC NULLS LAST, v.document_id, v.local_id LIMIT 1000)
     SELECT v.document_id, v.type, x.date, l.id AS location_id, l.name AS location_name,
            l.kb_id, s.name AS source_name, t.name AS target_name, v.modality,
            substr(d.text, v.sentence_start + 1, v.sentence_end - v.sentence_start) AS sentence
       FROM latest x JOIN events v ON v.document_id = x.document_id AND v.local_id = x.local_id
       JOIN documents d ON d.id = v.document_id JOIN entities l ON l.id = v.location_id
       LEFT JOIN entities s ON s.id = v.source_id LEFT JOIN entities t ON t.id = v.target_id
      ORDER BY x.date DESC NULLS LAST, v.document_id, v.local_id`, range.params)).rows;
  const events: LocatedEvent[] = [];
  for (const r of evRows) {
    const entry = kb.byId.get(r.kb_id);
    const point = entry && locate(entry, kb);
    if (!point) continue;
    events.push({
      documentId: r.document_id, type: r.type, date: r.date, locationId: r.location_id, locationName: r.location_name,
      sourceName: r.source_name, targetName: r.target_name, modality: r.modality, sentence: r.sentence, lat: point.lat, lon: point.lon,
    });
  }
  return { places, events };
}
