/**
 * Interview labels: a line opening with "EWB:", "GR:", "Q:", "A:" or a full name and a colon names who speaks
 * that turn. A full name is the entity it names (a name that splits into KB parts, "European Western Balkans",
 * is taken whole as the outlet); initials go to the person or organisation whose name has them (GR → Giampiero
 * Romano); Q goes to the interviewer (the outlet labelled elsewhere), A to the interviewee the introduction names
 * ("we spoke with ...").
 */
import type { Doc } from '../../nlp/doc.js';
import type { Entity } from '../../model/types.js';
import { normalizeName } from '../../nlp/fold.js';
import type { EntityTable } from './table.js';

const LABEL = /(^|\n)[ \t]*([A-Z][A-Za-z.'’ -]{0,60}?):[ \t]/g;
const INTRO = /\b(?:spoke|speak|talked|talk|sat down)\s+(?:with|to)\b|\binterview(?:ed)?\b/i;

interface Label {
  start: number;
  end: number;
  text: string;
}

export function resolveInterviewLabels(doc: Doc, table: EntityTable): void {
  const labels = findLabels(doc.shadow);
  if (labels.length < 2) return;
  const resolved = new Map<string, Entity>();
  const whole: Label[] = [];
  const initialsOnly: Label[] = [];
  for (const l of labels) {
    if (/^[A-Z]{1,5}$/.test(l.text)) initialsOnly.push(l);
    else whole.push(l);
  }
  // Full names first: they may define the outlet that initials refer to.
  for (const l of whole) {
    const e = wholeLabelEntity(doc, table, l);
    if (e) {
      resolved.set(l.text, e);
      mark(table, l, e);
    }
  }
  const interviewee = findInterviewee(doc, table);
  const outlet = [...resolved.values()].find((e) => e.type === 'ORG') ?? null;
  for (const l of initialsOnly) {
    let e = resolved.get(l.text) ?? byInitials(table, l.text);
    if (!e && l.text === 'A') e = interviewee;
    if (!e && l.text === 'Q') e = outlet;
    if (!e) continue;
    resolved.set(l.text, e);
    mark(table, l, e);
  }
}

function findLabels(shadow: string): Label[] {
  const out: Label[] = [];
  for (const m of shadow.matchAll(LABEL)) {
    const text = m[2]!.trim();
    if (text.split(/\s+/).length > 5) continue;
    if (!/^[A-Z]{1,5}$/.test(text) && !text.split(/\s+/).every((w) => /^[A-Z]/.test(w))) continue;
    const start = m.index! + m[1]!.length + m[0]!.slice(m[1]!.length).indexOf(text);
    out.push({ start, end: start + text.length, text });
  }
  return out;
}

function mentionsIn(table: EntityTable, l: Label) {
  const out = [];
  for (const e of table.entities) for (const m of e.mentions) if (m.start >= l.start && m.end <= l.end) out.push({ m, e });
  return out;
}

function wholeLabelEntity(doc: Doc, table: EntityTable, l: Label): Entity | null {
  const inside = mentionsIn(table, l);
  const exact = inside.find(({ m }) => m.start === l.start && m.end === l.end);
  if (exact && (exact.e.type === 'PERSON' || exact.e.type === 'ORG')) return exact.e;
  // A name the KB splits into parts: a person named in full elsewhere, else the outlet.
  const name = doc.text.slice(l.start, l.end);
  for (const { m } of inside) table.removeMention(m);
  const person = table.entities.find((e) => e.type === 'PERSON' && normalizeName(e.name) === normalizeName(name));
  return person ?? table.discovered(name, 'ORG');
}

function mark(table: EntityTable, l: Label, e: Entity): void {
  for (const { m } of mentionsIn(table, l)) table.removeMention(m);
  table.addMention(e, l.start, l.end, 'label');
}

function initials(name: string): string {
  return name.split(/[\s-]+/).filter((w) => /^[A-Z]/.test(w)).map((w) => w[0]).join('');
}

function byInitials(table: EntityTable, text: string): Entity | null {
  const hits = table.entities.filter((e) =>
    (e.type === 'PERSON' || e.type === 'ORG') && e.mentions.length && normalizeName(e.name).includes(' ') &&
    initials(e.name) === text);
  return hits.length === 1 ? hits[0]! : null;
}

function findInterviewee(doc: Doc, table: EntityTable): Entity | null {
  const people = table.allMentions().filter(({ e }) => e.type === 'PERSON');
  for (const s of doc.sentences.slice(0, 6)) {
    const text = doc.text.slice(s.start, s.end);
    const intro = INTRO.exec(text);
    if (!intro) continue;
    const after = s.start + intro.index;
    const hit = people.find(({ m }) => m.start > after && m.start < s.end);
    if (hit) return hit.e;
  }
  return people[0]?.e ?? null;
}
