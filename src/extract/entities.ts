/**
 * Entity recognition: KB matches and discovered names (actors/discover.ts), grouped into entities. A discovered
 * name the KB lacks is kept with `kbId: null`. An acronym in parentheses after a name ("Individual Partnership
 * Action Plan (IPAP)") becomes that entity's alias, and its later uses mentions of it.
 */
import type { Doc } from '../nlp/doc.js';
import type { Entity, KbEntry, KnowledgeBase, MentionKind, Span } from '../model/types.js';
import { normalizeName } from '../nlp/fold.js';
import type { Extractor } from './pipeline.js';
import { findNames, type FindOptions, type Found } from './actors/discover.js';
import { EntityTable } from './actors/table.js';
import { isCommonWord } from './actors/vocabulary.js';

export const recogniseEntities: Extractor<'entities'> = (doc, ctx) => recognise(doc, ctx.kb);

/**
 * The spans the parser should read as proper names: mentions by name (not pronouns, role nominals or demonyms,
 * whose words are not names: "Russian" is an adjective).
 */
export function nameSpansForSyntax(entities: readonly Entity[]): Span[] {
  const out: Span[] = [];
  for (const e of entities) {
    if (e.type === 'NORP') continue;
    for (const m of e.mentions) if (m.kind === undefined || NAME_KINDS.has(m.kind)) out.push({ start: m.start, end: m.end });
  }
  return out;
}

const NAME_KINDS: ReadonlySet<MentionKind> = new Set(['name', 'alias', 'surname', 'metonym']);

/** Recognition with options: `{ discover: false }` is the pure KB-lookup baseline the evaluations compare with. */
export function recognise(doc: Doc, kb: KnowledgeBase, opts: FindOptions = {}): Entity[] {
  const founds = findNames(doc, kb, opts);
  const table = new EntityTable(doc);
  const acronyms = opts.discover === false ? new Map<string, Found>() : definedAcronyms(doc, founds);
  const named = opts.discover === false ? new Map<Found, KbEntry>() : namedByKbAcronym(doc, founds);
  // Discovered names typed by a strong cue anywhere in the document type every use of the name.
  const strongType = new Map<string, Found['type']>();
  for (const f of founds) if (!f.entry && f.strong) strongType.set(normalizeName(doc.text.slice(f.start, f.end)), f.type);
  for (const f of founds) {
    const surface = doc.text.slice(f.start, f.end);
    const target = f.entry ? null : acronyms.get(surface);
    if (target && target !== f) {
      const e = entityOf(table, doc, target, strongType);
      table.addMention(e, f.start, f.end, 'alias');
      continue;
    }
    const known = named.get(f);
    if (known) {
      table.addMention(table.kbEntity(known), f.start, f.end, 'alias');
      continue;
    }
    const e = entityOf(table, doc, f, strongType);
    const kind = f.kind === 'alias' && f.entry && isSurname(f.entry, surface) ? 'surname' : f.kind;
    table.addMention(e, f.start, f.end, kind);
  }
  if (opts.discover !== false) acronymUses(doc, founds, acronyms, table, strongType);
  knightsByGivenName(doc, table);
  if (opts.discover !== false) kbPeopleBySurname(doc, kb, table);
  return table.finish();
}

/**
 * An acronym defined in parentheses after a name ("the World Health Organisation (WHO)") names it wherever it
 * stands, also where the cue rules and the tagger pass it over: "WHO" reads as the word "who", so neither finds it.
 */
function acronymUses(doc: Doc, founds: Found[], acronyms: Map<string, Found>, table: EntityTable, strongType: Map<string, Found['type']>): void {
  if (!acronyms.size) return;
  const covered = new Uint8Array(doc.tokens.length);
  for (const f of founds) for (let k = f.tokenStart; k < f.tokenEnd; k++) covered[k] = 1;
  doc.tokens.forEach((t, k) => {
    const target = covered[k] ? undefined : acronyms.get(t.text);
    if (target) table.addMention(entityOf(table, doc, target, strongType), t.start, t.end, 'alias');
  });
}

const surnameIndexes = new WeakMap<KnowledgeBase, Map<string, KbEntry[]>>();

/** KB people by the last word of their name (folded), for kbPeopleBySurname. */
function surnameIndex(kb: KnowledgeBase): Map<string, KbEntry[]> {
  let idx = surnameIndexes.get(kb);
  if (!idx) {
    idx = new Map();
    for (const e of kb.entries) {
      if (e.type !== 'PERSON') continue;
      const words = normalizeName(e.name).split(' ');
      if (words.length < 2) continue;
      const list = idx.get(words[words.length - 1]!) ?? [];
      list.push(e);
      idx.set(words[words.length - 1]!, list);
    }
    surnameIndexes.set(kb, idx);
  }
  return idx;
}

/**
 * "Obama said", "Mr Sunak", "President Trump" in a document that never gives the full name: a surname the tagger
 * or the cue rules read as a person is the KB's one person of that surname, when no one else in the document
 * bears it (a full name there would be the surname's, coref.ts) and the KB has no namesake. An ordinary English
 * word ("Trump", "May", "Rice"), or a name read as a place or an organisation, counts only after a title or a
 * title of address. The text names the person by surname; nothing is added that it does not say.
 */
function kbPeopleBySurname(doc: Doc, kb: KnowledgeBase, table: EntityTable): void {
  const idx = surnameIndex(kb);
  const people = table.entities.filter((e) => e.type === 'PERSON' && e.mentions.length);
  // The tagger types a lone unknown surname badly ("Obama" a place): a name of another type is looked at too.
  const single = table.entities.filter((e) => !e.kbId && e.mentions.length && !e.name.includes(' ') && ['PERSON', 'GPE', 'ORG'].includes(e.type));
  for (const e of single) {
    const key = normalizeName(e.name);
    const kbPeople = idx.get(key);
    if (kbPeople?.length !== 1) continue;
    // Someone else in the document bears the surname: it is theirs (coref.ts), unless they are that KB person.
    if (people.some((p) => p !== e && p.kbId !== kbPeople[0]!.id && normalizeName(p.name).split(' ').pop() === key)) continue;
    const titled = e.mentions.some((m) => TITLES.has(doc.tokens[doc.tokenIndexAt(m.start) - 1]?.lower.replace(/\./g, '') ?? ''));
    if (isCommonWord(key) && !titled) continue;
    // One the tagger took for a place or an organisation counts after a title, or where it acts as a person does:
    // the subject of a verb or a possessor ("Obama said", "Obama's"; "visiting Austin", "south of Austin, …" are
    // the city, not Lloyd Austin).
    if (e.type !== 'PERSON' && !titled && !actsAsPerson(doc, e)) continue;
    table.merge(e, table.kbEntity(kbPeople[0]!), 'surname');
  }
}

function actsAsPerson(doc: Doc, e: Entity): boolean {
  return e.mentions.some((m) => {
    const k = doc.tokenIndexAt(m.end - 1);
    const next = doc.tokens[k + 1];
    // "a centre in Austin told media": the verb is the centre's.
    if (doc.tokens[doc.tokenIndexAt(m.start) - 1]?.pos === 'ADP') return false;
    return !!next && next.sentence === doc.tokens[k]!.sentence && (next.pos === 'VERB' || next.pos === 'AUX' || /^['’]s$/.test(next.text));
  });
}

/** Titles and titles of address before a surname. */
const TITLES = new Set(['mr', 'mrs', 'ms', 'dr', 'president', 'chancellor', 'minister', 'premier', 'secretary', 'senator', 'governor', 'general']);

/**
 * "Sir Tony" after "Sir Tony Blair": a knight or dame is called by the given name, so a lone given name after "Sir"
 * or "Dame" is the one person of the document whose full name begins with it.
 */
function knightsByGivenName(doc: Doc, table: EntityTable): void {
  for (const e of [...table.entities]) {
    if (e.kbId || e.type !== 'PERSON' || e.name.includes(' ') || !e.mentions.length) continue;
    const titled = e.mentions.every((m) => {
      const k = doc.tokenIndexAt(m.start);
      return /^(?:sir|dame)$/.test(doc.tokens[k - 1]?.lower ?? '');
    });
    if (!titled) continue;
    const given = normalizeName(e.name);
    const full = table.entities.filter((p) => p !== e && p.type === 'PERSON' && p.mentions.length &&
      normalizeName(p.name).split(' ').length > 1 && normalizeName(p.name).split(' ')[0] === given);
    if (full.length === 1) table.merge(e, full[0]!, 'alias');
  }
}

function entityOf(table: EntityTable, doc: Doc, f: Found, strongType: Map<string, Found['type']>): Entity {
  if (f.entry) return f.kind === 'demonym' ? table.norpEntity(f.entry) : table.kbEntity(f.entry);
  const name = doc.text.slice(f.start, f.end).replace(/\s+/g, ' ');
  return table.discovered(name, strongType.get(normalizeName(name)) ?? f.type);
}

/** A one-word alias of a person that is the last word of the name: "Stoltenberg" for Jens Stoltenberg. */
function isSurname(entry: KbEntry, surface: string): boolean {
  if (entry.type !== 'PERSON') return false;
  const name = normalizeName(entry.name).split(' ');
  const s = normalizeName(surface);
  return name.length > 1 && !s.includes(' ') && name[name.length - 1] === s;
}

/**
 * Discovered names followed by the parenthesised acronym of a KB entry ("the Rule of Law Mission (EULEX)"): the
 * name is that entry under a wording the KB lacks.
 */
function namedByKbAcronym(doc: Doc, founds: Found[]): Map<Found, KbEntry> {
  const out = new Map<Found, KbEntry>();
  const byToken = new Map<number, Found>();
  for (const f of founds) byToken.set(f.tokenStart, f);
  for (const f of founds) {
    if (f.entry || f.type === 'PERSON') continue;
    const k = f.tokenEnd;
    if (doc.tokens[k]?.text !== '(') continue;
    const there = byToken.get(k + 1);
    if (!there?.entry || there.kind === 'demonym' || there.entry.type === 'PERSON' || there.tokenEnd !== k + 2) continue;
    if (doc.tokens[k + 2]?.text !== ')' || !isAcronymText(doc.tokens[k + 1]!.text)) continue;
    out.set(f, there.entry);
  }
  return out;
}

const isAcronymText = (s: string): boolean => /^[A-Z][A-Za-z]*[A-Z]$/.test(s);

/** Acronyms defined in parentheses right after a name, within a few lower-case words: "... mission (EULEX)". */
function definedAcronyms(doc: Doc, founds: Found[]): Map<string, Found> {
  const out = new Map<string, Found>();
  const byToken = new Map<number, Found>();
  for (const f of founds) byToken.set(f.tokenStart, f);
  for (let n = 0; n < founds.length; n++) {
    const f = founds[n]!;
    let k = f.tokenEnd;
    while (k < doc.tokens.length && k - f.tokenEnd < 3 && /^[a-z]/.test(doc.tokens[k]!.text)) k++;
    if (doc.tokens[k]?.text !== '(' || doc.tokens[k + 2]?.text !== ')') continue;
    const acr = doc.tokens[k + 1]!;
    if (!/^[A-Z][A-Za-z]*[A-Z]$/.test(acr.text)) continue;
    const there = byToken.get(k + 1);
    if (there?.entry && there.entry !== f.entry) continue;
    if (!out.has(acr.text)) out.set(acr.text, f);
  }
  return out;
}
