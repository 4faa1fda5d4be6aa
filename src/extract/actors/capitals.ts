/**
 * Capitals as actors: "Moscow said", "Belgrade insists", "Moscow's claims", "denied by Belgrade" name the state
 * whose seat the city is (KB `seat`); "in Moscow", "to Belgrade", "between Belgrade and Moscow" stay the city.
 * A city that seats several actors (Brussels: Belgium, NATO, the EU; Belgrade: Serbia and a NATO office) is given
 * to the one named in the same sentence, else to the one the document names most, else to the state.
 */
import type { Doc } from '../../nlp/doc.js';
import type { Entity, KbEntry, KnowledgeBase, Mention } from '../../model/types.js';
import { PLACE_NOUNS, PLACE_PREPOSITIONS, SPEECH_VERBS } from './lexicon.js';
import type { EntityTable } from './table.js';
import { WEEKDAYS } from '../time/lexicon.js';

const seatIndexes = new WeakMap<KnowledgeBase, Map<string, KbEntry[]>>();

function seatIndex(kb: KnowledgeBase): Map<string, KbEntry[]> {
  let idx = seatIndexes.get(kb);
  if (!idx) {
    idx = new Map();
    for (const e of kb.entries) {
      if (!e.seat) continue;
      const list = idx.get(e.seat) ?? [];
      list.push(e);
      idx.set(e.seat, list);
    }
    seatIndexes.set(kb, idx);
  }
  return idx;
}

const WEEKDAY = new Set<string>(WEEKDAYS);
const PART_OF_DAY = new Set(['morning', 'afternoon', 'evening', 'night']);
const DAY_WORDS = new Set(['yesterday', 'today', 'tonight']);

const AGENT_WORDS = new Set(['by', 'with', 'against', 'official', 'accuses', 'accused', 'urged', 'urges']);

/**
 * `date` is the document's: a state that has ended by then (after its KB `endDate`, a historical state) or not yet begun
 * (`date`) is not seated anywhere, whatever the document names. Without a date, a former state is still taken only
 * where the document names it (chooseActor).
 */
export function resolveCapitals(doc: Doc, kb: KnowledgeBase, table: EntityTable, date: string | null = null): void {
  const seats = seatIndex(kb);
  if (!seats.size || !table.entities.some((e) => e.kbId && seats.has(e.kbId))) return;
  // Decisions by mention start, so a second city coordinated with a first ("by Belgrade and Moscow") follows it.
  const decided = new Map<number, boolean>();
  for (const { m } of table.allMentions()) {
    const e = table.at(m.start);
    if (!e?.kbId || !seats.has(e.kbId)) decided.set(m.start, false);
  }
  for (const city of [...table.entities]) {
    const actors = city.kbId ? seats.get(city.kbId)?.filter((a) => !date || existsOn(a, date)) : undefined;
    if (!actors?.length) continue;
    for (const m of [...city.mentions]) {
      if (!actsHere(doc, table, m, decided)) continue;
      const target = chooseActor(doc, table, actors, m);
      if (target) table.moveMention(m, table.kbEntity(target), 'metonym');
    }
  }
}

/** Whether an actor exists on a date: from its `date` to its `endDate` (its last day), where the KB gives them. */
function existsOn(e: KbEntry, date: string): boolean {
  if (e.date && date < e.date) return false;
  return !(e.endDate && date.slice(0, e.endDate.length) > e.endDate);
}

/** Whether a city mention is used as an actor (subject of a verb, possessor, agent) rather than a place. */
function actsHere(doc: Doc, table: EntityTable, m: Mention, decided: Map<number, boolean>): boolean {
  const verdict = actsAsActor(doc, table, m, decided);
  decided.set(m.start, verdict);
  return verdict;
}

function actsAsActor(doc: Doc, table: EntityTable, m: Mention, decided: Map<number, boolean>): boolean {
  const first = doc.tokenIndexAt(m.start);
  const last = doc.tokenIndexAt(m.end - 1);
  const prev = doc.tokens[first - 1];
  if (prev && PLACE_PREPOSITIONS.has(prev.lower)) return false;
  // "between Belgrade and Moscow": the preposition governs the whole pair.
  if (prev?.lower === 'and' || prev?.lower === 'or') {
    const partner = startOfPrevMention(decided, prev.start);
    const verdict = decided.get(partner);
    if (verdict !== undefined && table.at(partner)?.type !== 'PERSON') {
      const partnerCity = table.at(partner);
      if (verdict || partnerCity?.type === 'GPE') return verdict;
    }
    let b = doc.tokenIndexAt(partner) - 1;
    if (doc.tokens[b]?.lower === 'both') b--;
    const before = doc.tokens[b];
    if (before && PLACE_PREPOSITIONS.has(before.lower)) return false;
    if (before && AGENT_WORDS.has(before.lower)) return true;
  }
  if (prev?.lower === 'both' && doc.tokens[first - 2] && AGENT_WORDS.has(doc.tokens[first - 2]!.lower)) return true;
  if (prev && AGENT_WORDS.has(prev.lower)) return true;
  let k = last + 1;
  const next = doc.tokens[k];
  if (!next) return false;
  if (next.lower === "'s") return !PLACE_NOUNS.has(doc.tokens[k + 1]?.lower ?? '');
  // Skip a coordinated actor ("Moscow and Belgrade have"), auxiliaries and adverbs, then want a verb.
  for (let steps = 0; k < doc.tokens.length && steps < 8; steps++) {
    const t = doc.tokens[k]!;
    if (t.sentence !== doc.tokens[first]!.sentence) return false;
    if ((t.lower === 'and' || t.lower === ',') && table.at(doc.tokens[k + 1]?.start ?? -1)) {
      k = doc.tokenIndexAt(mentionEnd(table, doc.tokens[k + 1]!.start) - 1) + 1;
      continue;
    }
    if (t.lower === 'and' && doc.tokens[k + 1]?.lower === 'both') {
      k++;
      continue;
    }
    if (SPEECH_VERBS.has(t.lower)) return true;
    // "Beijing on Tuesday accused", "Moscow yesterday said": a day between the city and its verb.
    if (t.lower === 'on' && WEEKDAY.has(doc.tokens[k + 1]?.lower ?? '')) {
      k += PART_OF_DAY.has(doc.tokens[k + 2]?.lower ?? '') ? 3 : 2;
      continue;
    }
    if (t.pos === 'AUX' || t.pos === 'ADV' || t.pos === 'PART' || DAY_WORDS.has(t.lower)) {
      k++;
      continue;
    }
    return t.pos === 'VERB';
  }
  return false;
}

function mentionEnd(table: EntityTable, start: number): number {
  const e = table.at(start)!;
  return e.mentions.find((m) => m.start === start)!.end;
}

/** The start of the last mention before an offset, from the starts recorded in `decided`. */
function startOfPrevMention(decided: Map<number, boolean>, before: number): number {
  let best = before;
  let bestStart = -1;
  for (const start of decided.keys()) if (start < before && start > bestStart) bestStart = best = start;
  return best;
}

/**
 * The actor a capital names: the only one seated there; else one of them named in the same sentence (nearest);
 * else the one the document names most; else the state seated there; else none (it stays the city).
 */
function chooseActor(doc: Doc, table: EntityTable, actors: KbEntry[], m: Mention): KbEntry | null {
  if (actors.length === 1) return actors[0]!;
  const sent = doc.sentences[doc.sentenceIndexAt(m.start)]!;
  let near: { e: KbEntry; d: number } | null = null;
  let most: { e: KbEntry; n: number } | null = null;
  for (const a of actors) {
    const ent: Entity | undefined = table.byKbId(a.id);
    const named = (ent?.mentions ?? []).filter((x) => x.start !== m.start && x.kind !== 'metonym');
    for (const x of named) {
      if (x.start < sent.start || x.start > sent.end) continue;
      const d = Math.abs(x.start - m.start);
      if (!near || d < near.d) near = { e: a, d };
    }
    if (named.length && (!most || named.length > most.n)) most = { e: a, n: named.length };
  }
  // A former state seated in the city (the Soviet Union in Moscow) only where the document names it.
  return near?.e ?? most?.e ?? actors.find((a) => a.type === 'GPE' && a.kind !== 'historical-state') ?? null;
}
