/**
 * Corrections that stick (issue 13): an analyst's override of what the analysis found. Each is one row of
 * `corrections` (who, when, what, why); the analysis rows are never edited. The read functions of src/service load
 * the active corrections as `Overrides` and apply them to what they answer, so the CLI, the API, the exports and
 * the UI all see the corrected picture, and a re-analysis or re-ingest (which rewrites the analysis rows) meets the
 * same corrections again: targets are keys a re-analysis of the same text reproduces (entity store ids, a document
 * id with a character span). See docs/corrections.md.
 */
import { ENTITY_TYPES, PLOVER_TYPES } from '../model/types.js';
import type { Queryable } from '../store/db.js';

export const ENTITY_KINDS = ['merge', 'split', 'rename', 'entity-type', 'kb-link'] as const;
export const QUOTE_KINDS = ['speaker'] as const;
export const EVENT_KINDS = ['event-reject', 'event-confirm', 'event-type', 'event-actors', 'event-date'] as const;
export const CORRECTION_KINDS = [...ENTITY_KINDS, ...QUOTE_KINDS, ...EVENT_KINDS] as const;
export type CorrectionKind = (typeof CORRECTION_KINDS)[number];

/** An entity by its store id, or a quote / an event trigger by its document and character span. */
export type CorrectionTarget = { entity: string } | { document: string; start: number; end: number };

export interface Correction {
  id: string;
  kind: CorrectionKind;
  target: CorrectionTarget;
  /**
   * merge {into}; split {documents, name, type}; rename {name}; entity-type {type}; kb-link {kbId | null};
   * speaker {speaker | null}; event-type {type}; event-actors {source?, target?} (null clears); event-date {date | null};
   * event-reject and event-confirm take nothing.
   */
  value: Record<string, unknown>;
  author: string;
  reason: string | null;
  createdAt: string;
  undoneAt: string | null;
  undoneBy: string | null;
  /** What it corrects, in words ("quote “We will…” in 3f2a…"), for lists. */
  label?: string;
}

/** A problem with a correction as asked for: one line naming what is wrong (a 400 in the API, exit 2 in the CLI). */
export class CorrectionError extends Error {}

export interface CorrectionRequest {
  kind: string;
  /** An entity id, or a document id with either the span or the quote/event's id in the document (q2, v3). */
  target: { entity?: string; document?: string; start?: number; end?: number; local?: string };
  value?: Record<string, unknown>;
  author?: string;
  reason?: string;
}

const spanKey = (doc: string, start: number, end: number) => `${doc}|${start}|${end}`;

export interface EntityEdit {
  name?: string;
  type?: string;
  kbId?: string | null;
  corrections: string[];
}

export interface QuoteOverride {
  speaker: string | null;
  corrections: string[];
}

export interface EventOverride {
  rejected?: boolean;
  confirmed?: boolean;
  type?: string;
  source?: string | null;
  target?: string | null;
  date?: string | null;
  corrections: string[];
}

/** The active corrections, compiled for reading: which id an entity reads as, and what a quote or event reads as. */
export class Overrides {
  private readonly merges = new Map<string, { into: string; id: string }>();
  private readonly splits = new Map<string, { into: string; id: string }>();
  private readonly edits = new Map<string, EntityEdit>();
  readonly quotes = new Map<string, QuoteOverride>();
  readonly events = new Map<string, EventOverride>();

  constructor(readonly active: Correction[]) {
    // In the order they were made: a later correction of the same thing wins.
    for (const c of active) {
      const t = c.target as any;
      const v = c.value as any;
      switch (c.kind) {
        case 'merge': this.merges.set(t.entity, { into: v.into, id: c.id }); break;
        case 'kb-link':
          // Linking to a KB entry the store holds is a merge into it; otherwise the entity carries the link.
          if (v.into) this.merges.set(t.entity, { into: v.into, id: c.id });
          else this.edit(t.entity, c.id).kbId = v.kbId ?? null;
          break;
        case 'split': {
          const into = splitId(c.id);
          for (const d of v.documents as string[]) this.splits.set(`${d}|${t.entity}`, { into, id: c.id });
          Object.assign(this.edit(into, c.id), { name: v.name, type: v.type });
          break;
        }
        case 'rename': this.edit(t.entity, c.id).name = v.name; break;
        case 'entity-type': this.edit(t.entity, c.id).type = v.type; break;
        case 'speaker': this.quotes.set(spanKey(t.document, t.start, t.end), { speaker: v.speaker ?? null, corrections: [c.id] }); break;
        default: {
          const key = spanKey(t.document, t.start, t.end);
          const o = this.events.get(key) ?? { corrections: [] };
          o.corrections.push(c.id);
          if (c.kind === 'event-reject') Object.assign(o, { rejected: true, confirmed: false });
          if (c.kind === 'event-confirm') Object.assign(o, { rejected: false, confirmed: true });
          if (c.kind === 'event-type') o.type = v.type;
          if (c.kind === 'event-date') o.date = v.date ?? null;
          if (c.kind === 'event-actors') {
            if ('source' in v) o.source = v.source ?? null;
            if ('target' in v) o.target = v.target ?? null;
          }
          this.events.set(key, o);
        }
      }
    }
  }

  private edit(id: string, correction: string): EntityEdit {
    const e = this.edits.get(id) ?? { corrections: [] };
    e.corrections.push(correction);
    this.edits.set(id, e);
    return e;
  }

  get empty(): boolean {
    return this.active.length === 0;
  }

  /** The id an entity reads as after merges (followed to the end; a cycle cannot be made, see checkMerge). */
  canonical(id: string): string {
    let cur = id;
    for (let i = 0; i < 50; i++) {
      const next = this.merges.get(cur);
      if (!next) return cur;
      cur = next.into;
    }
    return cur;
  }

  /** The id an entity of a document reads as: a split moves it to the new entity in the documents it names. */
  entityIn(document: string | null, id: string | null): string | null {
    if (!id) return null;
    const split = document ? this.splits.get(`${document}|${id}`) : undefined;
    return this.canonical(split?.into ?? id);
  }

  /** The entity a split made of `id` in `document`, if any (no merge followed): what the graph pairs by document. */
  splitIn(document: string, id: string): { into: string; id: string } | undefined {
    return this.splits.get(`${document}|${id}`);
  }

  /** Whether reading `id` in `document` differs from the analysis (merged, split, renamed…). */
  entityCorrections(document: string | null, id: string): string[] {
    const out: string[] = [];
    const split = document ? this.splits.get(`${document}|${id}`) : undefined;
    if (split) out.push(split.id);
    for (let cur = split?.into ?? id, i = 0; i < 50; i++) {
      const m = this.merges.get(cur);
      if (!m) break;
      out.push(m.id);
      cur = m.into;
    }
    out.push(...(this.edits.get(this.entityIn(document, id)!)?.corrections ?? []));
    return [...new Set(out)];
  }

  /** Every stored id that reads as `id` (itself included): what a filter on `id` must match. */
  members(id: string): string[] {
    const out = new Set([id]);
    for (const from of this.merges.keys()) if (this.canonical(from) === id) out.add(from);
    for (const [key, s] of this.splits) if (this.canonical(s.into) === id) out.add(key.slice(key.indexOf('|') + 1));
    return [...out];
  }

  /** Name, type and KB link corrections of the entity `id` reads as. */
  editOf(id: string): EntityEdit | undefined {
    return this.edits.get(this.canonical(id));
  }

  /** Entities whose type a correction changed: a type filter must drop them or take them in. */
  typeEdits(): Map<string, string> {
    return new Map([...this.edits].filter(([, e]) => e.type).map(([id, e]) => [id, e.type!]));
  }

  /** Ids merged into another: lists leave them out (their counts go to what they were merged into). */
  mergedAway(): string[] {
    return [...this.merges.keys()];
  }

  /** Entities a correction named (renamed ones, split-off ones), so that a lookup by the new name finds them. */
  named(): { id: string; name: string }[] {
    return [...this.edits].filter(([, e]) => e.name).map(([id, e]) => ({ id, name: e.name! }));
  }

  /** Entities split off from `id` (c:N), for its profile and lists. */
  splitEntities(): { id: string; from: string; documents: string[]; name: string; type: string }[] {
    return this.active.filter((c) => c.kind === 'split').map((c) => ({
      id: splitId(c.id), from: (c.target as any).entity, documents: (c.value as any).documents, name: (c.value as any).name, type: (c.value as any).type,
    }));
  }

  quote(document: string, start: number, end: number): QuoteOverride | undefined {
    return this.quotes.get(spanKey(document, start, end));
  }

  event(document: string, start: number, end: number): EventOverride | undefined {
    return this.events.get(spanKey(document, start, end));
  }
}

/** The id of an entity a split made: `c:` and the correction's number. */
export const splitId = (correction: string) => `c:${correction}`;

const COLUMNS = `id::text AS id, kind, target, value, author, reason, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "createdAt",
  to_char(undone_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "undoneAt", undone_by AS "undoneBy"`;

/**
 * The compiled corrections of each store handle, with the version they were read at. Reading every correction costs
 * more than the reads they apply to once there are a few hundred, so each read checks the version (an aggregate of
 * a small table) and compiles again only when it changed. Corrections are only ever added or undone, never deleted:
 * the highest id and the number undone change with every change, made by this process or by another one.
 */
const compiled = new WeakMap<Queryable, { version: string; overrides: Overrides }>();

/** The active corrections, compiled. Every read function calls this once. */
export async function loadOverrides(db: Queryable): Promise<Overrides> {
  const v = (await db.query<{ version: string }>(
    `SELECT coalesce(max(id), 0)::text || ':' || count(*) FILTER (WHERE undone_at IS NOT NULL)::text AS version FROM corrections`)).rows[0]!.version;
  const hit = compiled.get(db);
  if (hit?.version === v) return hit.overrides;
  const rows = v === '0:0' ? [] : (await db.query<Correction>(`SELECT ${COLUMNS} FROM corrections WHERE undone_at IS NULL ORDER BY id`)).rows;
  const overrides = new Overrides(rows);
  compiled.set(db, { version: v, overrides });
  return overrides;
}

/** Corrections, newest first; undone ones too when `all`. */
export async function listCorrections(db: Queryable, f: { all?: boolean; limit?: number; offset?: number } = {}): Promise<{ total: number; items: Correction[] }> {
  const where = f.all ? '' : 'WHERE undone_at IS NULL';
  const total = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM corrections ${where}`)).rows[0]!.n;
  const items = (await db.query<Correction>(`SELECT ${COLUMNS} FROM corrections ${where} ORDER BY id DESC LIMIT $1 OFFSET $2`,
    [f.limit ?? 100, f.offset ?? 0])).rows;
  await labelCorrections(db, items);
  return { total, items };
}

/** Undoes a correction (it stays listed as undone). Answers the correction, or null when there is none by that id. */
export async function undoCorrection(db: Queryable, id: string, author = 'analyst'): Promise<Correction | null> {
  if (!/^\d{1,18}$/.test(id)) return null;
  const row = (await db.query<Correction>(
    `UPDATE corrections SET undone_at = now(), undone_by = $2 WHERE id = $1::bigint AND undone_at IS NULL RETURNING ${COLUMNS}`, [id, author])).rows[0];
  if (row) {
    await labelCorrections(db, [row]);
    return row;
  }
  const undone = (await db.query<Correction>(`SELECT ${COLUMNS} FROM corrections WHERE id = $1::bigint`, [id])).rows[0];
  if (undone) throw new CorrectionError(`correction ${id} was already undone (${undone.undoneAt})`);
  return null;
}

/** Checks a correction against the store and records it. */
export async function addCorrection(db: Queryable, req: CorrectionRequest): Promise<Correction> {
  const kind = req.kind as CorrectionKind;
  if (!(CORRECTION_KINDS as readonly string[]).includes(kind)) throw new CorrectionError(`kind: expected one of ${CORRECTION_KINDS.join(', ')}, got ${JSON.stringify(req.kind)}`);
  const author = (req.author ?? '').trim() || 'analyst';
  const reason = req.reason?.trim() || null;
  if (author.length > 200 || (reason?.length ?? 0) > 2000) throw new CorrectionError('author or reason: too long');
  const v = req.value ?? {};
  const ov = await loadOverrides(db);
  let target: CorrectionTarget;
  let value: Record<string, unknown> = {};
  if ((ENTITY_KINDS as readonly string[]).includes(kind)) {
    const entity = await checkEntity(db, ov, req.target.entity, 'target entity');
    target = { entity };
    value = await entityValue(db, ov, kind, entity, v);
  } else if (kind === 'speaker') {
    target = await locate(db, 'quotes', 'span_start', 'span_end', req.target);
    const speaker = v.speaker === null || v.speaker === undefined || v.speaker === '' ? null : await checkEntity(db, ov, String(v.speaker), 'speaker');
    value = { speaker };
  } else {
    target = await locate(db, 'events', 'trigger_start', 'trigger_end', req.target);
    value = await eventValue(db, ov, kind, v);
  }
  const row = (await db.query<Correction>(
    `INSERT INTO corrections (kind, target, value, author, reason) VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
    [kind, JSON.stringify(target), JSON.stringify(value), author, reason])).rows[0]!;
  await labelCorrections(db, [row]);
  return row;
}

async function checkEntity(db: Queryable, ov: Overrides, id: unknown, what: string): Promise<string> {
  if (typeof id !== 'string' || !id.trim()) throw new CorrectionError(`${what}: an entity id is required (see \`dossier entities --json\`)`);
  if (id.startsWith('c:')) {
    if (ov.splitEntities().some((s) => s.id === id)) return id;
  } else if ((await db.query('SELECT 1 FROM entities WHERE id = $1', [id])).rows.length) return id;
  throw new CorrectionError(`${what}: no entity ${JSON.stringify(id)} in the store`);
}

async function entityValue(db: Queryable, ov: Overrides, kind: CorrectionKind, entity: string, v: Record<string, unknown>): Promise<Record<string, unknown>> {
  const text = (key: string) => {
    const s = typeof v[key] === 'string' ? (v[key] as string).trim() : '';
    if (!s || s.length > 300) throw new CorrectionError(`${key}: required, at most 300 characters`);
    return s;
  };
  const type = (key: string) => {
    const t = String(v[key] ?? '').toUpperCase();
    if (!(ENTITY_TYPES as readonly string[]).includes(t)) throw new CorrectionError(`${key}: expected one of ${ENTITY_TYPES.join(', ')}, got ${JSON.stringify(v[key] ?? null)}`);
    return t;
  };
  switch (kind) {
    case 'merge': {
      const into = await checkEntity(db, ov, v.into, 'into');
      if (into !== entity && ov.members(entity).includes(into)) throw new CorrectionError(`into: ${into} was merged into ${entity}; undo that merge first`);
      if (ov.canonical(into) === ov.canonical(entity)) throw new CorrectionError(`into: ${entity} already reads as ${ov.canonical(into)}`);
      return { into };
    }
    case 'split': {
      const docs = Array.isArray(v.documents) ? v.documents.map(String) : typeof v.documents === 'string' ? v.documents.split(/[,\s]+/).filter(Boolean) : [];
      if (!docs.length) throw new CorrectionError('documents: the documents whose mentions are another entity are required');
      const full: string[] = [];
      for (const d of docs) {
        const rows = (await db.query<{ id: string }>('SELECT id FROM documents WHERE id LIKE $1 LIMIT 2', [`${d.toLowerCase()}%`])).rows;
        if (rows.length !== 1 || !/^[0-9a-f]{6,64}$/i.test(d)) throw new CorrectionError(`documents: ${d}: no document with this id (or prefix of 6+ characters)`);
        const named = await db.query('SELECT 1 FROM document_entities WHERE document_id = $1 AND entity_id = ANY($2::text[])', [rows[0]!.id, ov.members(entity)]);
        if (!named.rows.length) throw new CorrectionError(`documents: ${d} does not name ${entity}`);
        full.push(rows[0]!.id);
      }
      const current = (await db.query<{ type: string }>('SELECT type FROM entities WHERE id = $1', [entity])).rows[0]?.type;
      return { documents: full, name: text('name'), type: v.type ? type('type') : ov.editOf(entity)?.type ?? current ?? 'PERSON' };
    }
    case 'rename': return { name: text('name') };
    case 'entity-type': return { type: type('type') };
    case 'kb-link': {
      if (v.kbId === null || v.kbId === '' || v.kbId === 'none') return { kbId: null };
      const kbId = text('kbId').replace(/^kb:/, '');
      const stored = (await db.query<{ id: string }>('SELECT id FROM entities WHERE kb_id = $1', [kbId])).rows[0];
      if (stored && stored.id !== entity) {
        if (ov.members(entity).includes(ov.canonical(stored.id))) throw new CorrectionError(`kbId: ${stored.id} was merged into ${entity}; undo that merge first`);
        return { kbId, into: stored.id };
      }
      return { kbId };
    }
    default: throw new CorrectionError(`kind: ${kind} is not a correction of an entity`);
  }
}

async function eventValue(db: Queryable, ov: Overrides, kind: CorrectionKind, v: Record<string, unknown>): Promise<Record<string, unknown>> {
  switch (kind) {
    case 'event-reject':
    case 'event-confirm': return {};
    case 'event-type': {
      const t = String(v.type ?? '').toUpperCase();
      if (!(PLOVER_TYPES as readonly string[]).includes(t)) throw new CorrectionError(`type: expected a PLOVER type (${PLOVER_TYPES.join(', ')}), got ${JSON.stringify(v.type ?? null)}`);
      return { type: t };
    }
    case 'event-actors': {
      const out: Record<string, unknown> = {};
      for (const role of ['source', 'target'] as const) {
        if (!(role in v)) continue;
        out[role] = v[role] === null || v[role] === '' || v[role] === 'none' ? null : await checkEntity(db, ov, v[role], role);
      }
      if (!Object.keys(out).length) throw new CorrectionError('source or target: give at least one (an entity id, or none to clear it)');
      return out;
    }
    case 'event-date': {
      const d = v.date === null || v.date === '' || v.date === 'none' ? null : String(v.date ?? '');
      if (d !== null && !/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/.test(d)) throw new CorrectionError(`date: expected YYYY, YYYY-MM or YYYY-MM-DD (or none), got ${JSON.stringify(v.date ?? null)}`);
      return { date: d };
    }
    default: throw new CorrectionError(`kind: ${kind} is not a correction of an event`);
  }
}

/** A quote or event of a document by its span or its id in the document (q2, v3); the span is what is stored. */
async function locate(db: Queryable, table: 'quotes' | 'events', startCol: string, endCol: string, t: CorrectionRequest['target']): Promise<CorrectionTarget> {
  const what = table === 'quotes' ? 'quote' : 'event';
  if (!t.document || !/^[0-9a-f]{6,64}$/i.test(t.document)) throw new CorrectionError(`document: the ${what}'s document id (or a prefix of 6+ characters) is required`);
  const docs = (await db.query<{ id: string }>('SELECT id FROM documents WHERE id LIKE $1 LIMIT 2', [`${t.document.toLowerCase()}%`])).rows;
  if (docs.length !== 1) throw new CorrectionError(`document: ${t.document}: no document with this id (or a unique prefix)`);
  const document = docs[0]!.id;
  const rows = t.local
    ? (await db.query<{ s: number; e: number }>(`SELECT ${startCol} AS s, ${endCol} AS e FROM ${table} WHERE document_id = $1 AND local_id = $2`, [document, t.local])).rows
    : Number.isInteger(t.start) && Number.isInteger(t.end)
      ? (await db.query<{ s: number; e: number }>(`SELECT ${startCol} AS s, ${endCol} AS e FROM ${table} WHERE document_id = $1 AND ${startCol} = $2 AND ${endCol} = $3`, [document, t.start, t.end])).rows
      : null;
  if (rows === null) throw new CorrectionError(`${what}: give its id in the document (${table === 'quotes' ? 'q1' : 'v1'}…, see \`dossier show\`) or its start and end offsets`);
  if (!rows.length) throw new CorrectionError(`${what}: ${t.local ?? `${t.start}–${t.end}`} is not ${what === 'event' ? 'an' : 'a'} ${what} of document ${document.slice(0, 12)}`);
  return { document, start: rows[0]!.s, end: rows[0]!.e };
}

/** Adds a label in words to each correction: the entity's name, or the quoted words / the trigger and its document. */
async function labelCorrections(db: Queryable, items: Correction[]): Promise<void> {
  const ids = [...new Set(items.flatMap((c) => {
    const t = c.target as any;
    const v = c.value as any;
    return [t.entity, v.into, v.speaker, v.source, v.target].filter((x): x is string => typeof x === 'string');
  }))];
  const names = new Map((await db.query<{ id: string; name: string }>('SELECT id, name FROM entities WHERE id = ANY($1::text[])', [ids])).rows.map((r) => [r.id, r.name]));
  const name = (id: unknown) => (typeof id === 'string' ? names.get(id) ?? id : 'nobody');
  for (const c of items) {
    const t = c.target as any;
    const v = c.value as any;
    if ('entity' in t) {
      const what = c.kind === 'merge' ? `merged into ${name(v.into)}` : c.kind === 'split' ? `split: ${v.documents.length} document(s) as ${v.name} [${v.type}]`
        : c.kind === 'rename' ? `renamed ${v.name}` : c.kind === 'entity-type' ? `type ${v.type}` : v.kbId ? `KB link ${v.kbId}` : 'KB link cleared';
      c.label = `${name(t.entity)}: ${what}`;
      continue;
    }
    const table = c.kind === 'speaker' ? 'quotes' : 'events';
    const col = c.kind === 'speaker' ? 'text' : 'trigger_text';
    const start = c.kind === 'speaker' ? 'span_start' : 'trigger_start';
    const words = (await db.query<{ w: string }>(`SELECT ${col} AS w FROM ${table} WHERE document_id = $1 AND ${start} = $2 LIMIT 1`, [t.document, t.start])).rows[0]?.w;
    const shown = words ? `“${words.length > 60 ? words.slice(0, 59) + '…' : words}”` : `${t.start}–${t.end}`;
    const what = c.kind === 'speaker' ? `speaker ${name(v.speaker)}` : c.kind === 'event-type' ? `type ${v.type}`
      : c.kind === 'event-date' ? `date ${v.date ?? 'none'}` : c.kind === 'event-actors'
        ? Object.entries(v).map(([k, x]) => `${k} ${name(x)}`).join(', ') : c.kind.replace('event-', '') + 'ed';
    c.label = `${c.kind === 'speaker' ? 'quote' : 'event'} ${shown} in ${t.document.slice(0, 12)}: ${what}`;
  }
}

/** Names and types of entities as corrected (renamed, retyped; split-off entities by their correction). */
export async function entityNames(db: Queryable, ov: Overrides, ids: Iterable<string>): Promise<Map<string, { name: string; type: string; kbId: string | null }>> {
  const wanted = [...new Set(ids)];
  const out = new Map<string, { name: string; type: string; kbId: string | null }>();
  const stored = wanted.filter((id) => !id.startsWith('c:'));
  const rows = stored.length ? (await db.query<{ id: string; name: string; type: string; kb_id: string | null }>(
    'SELECT id, name, type, kb_id FROM entities WHERE id = ANY($1::text[])', [stored])).rows : [];
  for (const r of rows) out.set(r.id, { name: r.name, type: r.type, kbId: r.kb_id });
  for (const id of wanted) {
    const e = ov.editOf(id);
    const base = out.get(id) ?? { name: id, type: 'PERSON', kbId: null };
    if (e) out.set(id, { name: e.name ?? base.name, type: e.type ?? base.type, kbId: e.kbId !== undefined ? e.kbId : base.kbId });
  }
  return out;
}
