/**
 * Events as flat records, one per stored report: PLOVER-style JSONL (field names after the PLOVER/POLECAT event
 * records: event_type, mode, source/target actors) and CSV (RFC 4180: CRLF line ends, fields with commas, quotes or
 * line breaks quoted, quotes doubled). `entry_id` links reports of the same real-world event (the timeline).
 */
import type { Queryable } from '../store/db.js';
import { cameoRoot } from './cameo.js';
import { agentRole, cameoActorCode, countryCodeOfName } from '../extract/actors/agents.js';
import { write, type Out } from './write.js';
import type { DateBasis } from '../model/types.js';
import { dateBasisOf } from '../extract/event/dates.js';
import { entityNames, loadOverrides } from '../service/corrections.js';

export interface EventExportRecord {
  id: string;
  entry_id: string | null;
  event_type: string;
  mode: string;
  negated: boolean;
  cameo_root: string | null;
  date: string | null;
  date_text: string | null;
  /** `stated`: the text dates the event (date_text holds the words); `report`: the report's date, an upper bound. */
  date_basis: DateBasis | null;
  source_actor: string | null;
  source_id: string | null;
  source_wikidata: string | null;
  /** When the source acts through an agent of a state ("Serbian police"): the words naming it and its role. */
  source_agent: string | null;
  source_role: string | null;
  /** CAMEO-style actor code: the state's country code with the agent's role ("RUSMIL"), or the bare code ("RUS"). */
  source_cameo: string | null;
  target_actor: string | null;
  target_id: string | null;
  target_wikidata: string | null;
  target_agent: string | null;
  target_role: string | null;
  target_cameo: string | null;
  location: string | null;
  location_id: string | null;
  location_wikidata: string | null;
  trigger: string;
  sentence: string;
  confidence: number;
  document_id: string;
  document_url: string | null;
  document_title: string | null;
  document_date: string | null;
  publisher: string | null;
  /** The analyst's corrections applied to this report (ids, space-separated), or null; rejected reports are left out. */
  corrections: string | null;
}

/**
 * The actor's nominal mention in the event's sentence nearest the trigger ("police" in "Serbian police clashed"):
 * agent mentions are stored as nominal mentions of the state, and their words give the role.
 */
const AGENT_MENTION = (actor: string) => `
  SELECT m.text FROM mentions m
   WHERE m.document_id = v.document_id AND m.entity_id = ${actor} AND m.kind = 'nominal'
     AND m.span_start >= v.sentence_start AND m.span_end <= v.sentence_end
   ORDER BY abs(m.span_start - v.trigger_start) LIMIT 1`;

/** An actor's agent words, role and CAMEO-style code ("RUSMIL"; "RUS" for the state acting by name). */
function agentFields<K extends 'source' | 'target'>(side: K, name: string | null, aliases: string[] | null, agentText: string | null) {
  const role = agentText ? agentRole(agentText) : null;
  let country: string | null = null;
  for (const n of [name, ...(aliases ?? [])]) if (n && !country) country = countryCodeOfName(n);
  return {
    [`${side}_agent`]: role ? agentText : null,
    [`${side}_role`]: role,
    [`${side}_cameo`]: cameoActorCode(country, role),
  } as Record<`${K}_agent` | `${K}_role` | `${K}_cameo`, string | null>;
}

/** Every stored event report, in (document, event) order, read a page at a time. */
export async function* eventRecords(db: Queryable, pageSize = 1000): AsyncGenerator<EventExportRecord> {
  let afterDoc = '';
  let afterLocal = '';
  const ov = await loadOverrides(db);
  for (;;) {
    const rows = (await db.query<any>(
      `SELECT v.document_id, v.local_id, v.trigger_start, v.trigger_end, v.entry_id::text AS entry_id, v.type, v.cameo, v.modality, v.negated, v.date_value, v.date_text,
              v.trigger_text, v.confidence, substr(d.text, v.sentence_start + 1, v.sentence_end - v.sentence_start) AS sentence,
              s.name AS s_name, s.id AS s_id, s.wikidata AS s_wd, t.name AS t_name, t.id AS t_id, t.wikidata AS t_wd,
              s.aliases AS s_aliases, t.aliases AS t_aliases, sa.text AS s_agent, ta.text AS t_agent,
              l.name AS l_name, l.id AS l_id, l.wikidata AS l_wd,
              d.url, d.title, to_char(d.date, 'YYYY-MM-DD') AS doc_date, d.source
         FROM events v JOIN documents d ON d.id = v.document_id
         LEFT JOIN entities s ON s.id = v.source_id LEFT JOIN entities t ON t.id = v.target_id LEFT JOIN entities l ON l.id = v.location_id
         LEFT JOIN LATERAL (${AGENT_MENTION('v.source_id')}) sa ON true
         LEFT JOIN LATERAL (${AGENT_MENTION('v.target_id')}) ta ON true
        WHERE (v.document_id, v.local_id) > ($1, $2)
        ORDER BY v.document_id, v.local_id LIMIT $3`, [afterDoc, afterLocal, pageSize])).rows;
    if (!rows.length) return;
    // Corrections, applied as every read applies them: type, date and actors as corrected, rejected ones left out.
    const names = ov.empty ? null : await entityNames(db, ov, rows.flatMap((r) => {
      const o = ov.event(r.document_id, r.trigger_start, r.trigger_end);
      return [o?.source, o?.target, r.s_id, r.t_id, r.l_id].filter((x): x is string => !!x).map((x) => ov.entityIn(r.document_id, x)!);
    }));
    for (const r of rows) {
      const o = ov.event(r.document_id, r.trigger_start, r.trigger_end);
      if (o?.rejected) continue;
      const fixes = new Set(o?.corrections ?? []);
      if (names) {
        for (const [k, role] of [['s', 'source'], ['t', 'target'], ['l', null]] as const) {
          const raw = role && o && role in o ? o[role] ?? null : r[`${k}_id`];
          const id = ov.entityIn(r.document_id, raw);
          if (r[`${k}_id`]) for (const f of ov.entityCorrections(r.document_id, r[`${k}_id`])) fixes.add(f);
          if (id === r[`${k}_id`] && !ov.editOf(id ?? '')) continue;
          const n = id ? names.get(id) : null;
          Object.assign(r, { [`${k}_id`]: id, [`${k}_name`]: n?.name ?? null, [`${k}_wd`]: id === r[`${k}_id`] ? r[`${k}_wd`] : null, [`${k}_agent`]: null });
        }
        if (o?.type) r.type = o.type;
        if (o && 'date' in o) Object.assign(r, { date_value: o.date ?? null, date_text: null });
      }
      yield {
        id: `${r.document_id}:${r.local_id}`, entry_id: r.entry_id, event_type: r.type, mode: r.modality, negated: r.negated,
        cameo_root: cameoRoot(r.type, r.cameo), date: r.date_value, date_text: r.date_text || null,
        date_basis: r.date_value ? dateBasisOf({ text: r.date_text }) : null,
        source_actor: r.s_name, source_id: r.s_id, source_wikidata: r.s_wd, ...agentFields('source', r.s_name, r.s_aliases, r.s_agent),
        target_actor: r.t_name, target_id: r.t_id, target_wikidata: r.t_wd, ...agentFields('target', r.t_name, r.t_aliases, r.t_agent),
        location: r.l_name, location_id: r.l_id, location_wikidata: r.l_wd, trigger: r.trigger_text, sentence: r.sentence,
        confidence: Number(r.confidence), document_id: r.document_id, document_url: r.url, document_title: r.title,
        document_date: r.doc_date, publisher: r.source, corrections: fixes.size ? [...fixes].join(' ') : null,
      };
    }
    const last = rows[rows.length - 1]!;
    [afterDoc, afterLocal] = [last.document_id, last.local_id];
  }
}

export async function writeEventsJsonl(db: Queryable, out: Out): Promise<void> {
  for await (const r of eventRecords(db)) await write(out, JSON.stringify(r) + '\n');
}

const CSV_COLUMNS: (keyof EventExportRecord)[] = [
  'id', 'entry_id', 'date', 'event_type', 'cameo_root', 'mode', 'negated', 'source_actor', 'source_id', 'source_wikidata',
  'target_actor', 'target_id', 'target_wikidata', 'source_cameo', 'source_agent', 'source_role', 'target_cameo', 'target_agent', 'target_role', 'location', 'location_id', 'location_wikidata', 'trigger', 'sentence',
  'confidence', 'date_text', 'document_id', 'document_url', 'document_title', 'document_date', 'publisher', 'date_basis', 'corrections',
];

/** One RFC 4180 field: quoted when it holds a comma, a quote, or a line break. */
export function csvField(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export async function writeEventsCsv(db: Queryable, out: Out): Promise<void> {
  await write(out, CSV_COLUMNS.join(',') + '\r\n');
  for await (const r of eventRecords(db)) await write(out, CSV_COLUMNS.map((c) => csvField(r[c])).join(',') + '\r\n');
}
