/**
 * Agents of a state, as CAMEO/PLOVER coders read them: "Serbian police", "the Russian embassy", "Poland's
 * government", "the army of Mali", "the Biden administration" each name a body through which a state acts, with a
 * role (GOV, MIL, COP, DIP, JUD, LEG, SPY). The agent nouns and their roles, and the country names and CAMEO codes,
 * come from data/cameo-agents.json (derived by scripts/derive-agents.ts from the PETRARCH2 Phoenix dictionaries).
 *
 * In the entity layer an agent phrase adds a mention of the state on the agent's words ("police"), kind `nominal`
 * with its `role`; the whole phrase ("Serbian police") becomes one of the state's aliases. The demonym keeps its
 * own NORP mention. When the document never names the state ("Azerbaijani forces" only), the state's entity is
 * created from the knowledge base (or, for a state the KB lacks, from the Phoenix country list). Named agents
 * (a KB body of a state such as the Kremlin or a ministry, a person in a state's office, "Russia's ambassador
 * Igor X") keep their own entity and get `actsFor`: the state, the role and the CAMEO-style code (`RUSGOV`).
 * Rebels, opposition and other non-state roles are not rolled up: "Syrian rebels" are not Syria acting.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Doc, Token } from '../../nlp/doc.js';
import type { AgentRole, Entity, EventAgent, EventRecord, KbEntry, KnowledgeBase, Mention } from '../../model/types.js';
import { aliasWords } from '../../kb/matcher.js';
import { demonymIndex, holdsOn } from './roles.js';
import type { EntityTable } from './table.js';
import { sentenceTree } from '../../nlp/syntax/tree.js';
import { normalizeName } from '../../nlp/fold.js';
import { addToMentionList, bareAgentState, mentionList, type MentionList } from './anaphora.js';

export const CAMEO_AGENTS_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '../../../data/cameo-agents.json');

/** Roles through which a state itself acts. */
const STATE_ROLES = new Set(['GOV', 'MIL', 'COP', 'JUD', 'LEG', 'SPY', 'DIP']);
/** Words after an agent phrase that introduce its owner ("the government of Chad", "the authorities in Kyiv"). */
const OWNER_AFTER = new Set(['of', 'in']);
/**
 * Whether a name after the agent phrase owns it: "the government in Tirana", "the army of Ruritania" (known or not),
 * but not "blames the government of negligence".
 */
function ownerAfter(tokens: readonly Token[], end: number): boolean {
  if (!OWNER_AFTER.has(tokens[end + 1]?.lower ?? '')) return false;
  const next = tokens[end + 2]?.lower === 'the' ? tokens[end + 3] : tokens[end + 2];
  return !!next && /^\p{Lu}/u.test(next.text);
}

/** Agent heads that a person's name can own: "the Biden administration", "Lukashenko's regime". */
const PERSONAL_GOVERNMENT = new Set(['administration', 'government', 'regime', 'cabinet']);

interface Tables {
  /** Agent phrase (lower-case words) → full CAMEO agent code (GOV, GOVMIL, COP …), state roles only. */
  agents: Map<string, string>;
  /** Longest agent phrase, in words. */
  longest: number;
  /** Country term (lower case) → CAMEO code and name. */
  terms: Map<string, { code: string; name: string }>;
  /** One-word agents of no state role (protesters, rebels, journalists, civilians …). */
  nonState: Set<string>;
}

let tables: Tables | null = null;

export function agentTables(): Tables {
  if (tables) return tables;
  const json = JSON.parse(readFileSync(CAMEO_AGENTS_PATH, 'utf8')) as {
    agents: Record<string, string>;
    countries: { code: string; name: string; terms: string[] }[];
  };
  const agents = new Map<string, string>();
  const nonState = new Set<string>();
  let longest = 1;
  for (const [phrase, code] of Object.entries(json.agents)) {
    if (!STATE_ROLES.has(code.slice(0, 3))) {
      if (!phrase.includes(' ')) nonState.add(phrase);
      continue;
    }
    agents.set(phrase, code);
    longest = Math.max(longest, phrase.split(' ').length);
  }
  const terms = new Map<string, { code: string; name: string }>();
  for (const c of json.countries) for (const t of c.terms) if (!terms.has(t)) terms.set(t, { code: c.code, name: c.name });
  tables = { agents, longest, terms, nonState };
  return tables;
}

/** Whether a word names people the Phoenix dictionary gives no state role ("protesters", "rebels", "civilians"). */
export function isNonStateAgent(word: string): boolean {
  return agentTables().nonState.has(word.toLowerCase());
}

/** The role (first three letters of the CAMEO agent code) of an agent phrase, or null. */
export function agentRole(phrase: string): AgentRole | null {
  const code = agentTables().agents.get(phrase.toLowerCase().replace(/\s+/g, ' ').trim());
  return code ? (code.slice(0, 3) as AgentRole) : null;
}

const codeCache = new WeakMap<KbEntry, string | null>();

/** The CAMEO country code of a KB state, by its name, aliases or demonyms in the Phoenix country list. */
export function countryCode(entry: KbEntry): string | null {
  if (codeCache.has(entry)) return codeCache.get(entry)!;
  const { terms } = agentTables();
  let code: string | null = null;
  for (const n of [entry.name, ...entry.aliases, ...(entry.demonyms ?? [])]) {
    const hit = terms.get(n.toLowerCase());
    if (hit) {
      code = hit.code;
      break;
    }
  }
  codeCache.set(entry, code);
  return code;
}

/** The CAMEO country code for a state's name as the text or the entity gives it ("Azerbaijan", "Britain"). */
export function countryCodeOfName(name: string): string | null {
  return agentTables().terms.get(name.toLowerCase())?.code ?? null;
}

/** A CAMEO-style actor code: country code and role ("RUS" + "GOV"); DIP is CAMEO's GOV. */
export function cameoActorCode(country: string | null, role: AgentRole | null): string | null {
  if (!country) return null;
  return country + (role ? (role === 'DIP' ? 'GOV' : role) : '');
}

/** A KB state (an entry of type GPE that is no city, region or former state). */
export const isState = (e: KbEntry | undefined): e is KbEntry => !!e && e.type === 'GPE' && (e.kind === undefined || e.kind === 'state');

/** A link from an agent entity to its state, resolved to entity ids when the layer is finished. */
export interface PendingLink {
  agent: Entity;
  state: Entity | null;
  stateName: string;
  code: string | null;
  role: AgentRole;
}

interface Located {
  e: Entity;
  m: Mention;
  first: number;
  last: number;
}

/**
 * Whether the agent words ending at token `end` end their noun phrase ("military machinery" is machinery): by the
 * parse when there is one (the word is no compound modifier of a later noun), else by the next word's tag.
 */
function endsPhrase(doc: Doc, end: number): boolean {
  const tok = doc.tokens[end]!;
  const tree = sentenceTree(doc, tok.sentence);
  const w = tree ? tree.wordsOfTokens(end, end)[0] : undefined;
  if (tree && w !== undefined) {
    const word = tree.word(w);
    return !((word.rel === 'compound' || word.rel === 'amod') && word.head > w);
  }
  const next = doc.tokens[end + 1];
  return !(next && next.sentence === tok.sentence && (next.pos === 'NOUN' || next.pos === 'PROPN'));
}

/**
 * The state a person acts for through an office held on the document's date (the latest begun, when several), or
 * null: a role is used only inside its dates, so a former minister, or any holder in an undated document, acts for
 * no state by office.
 */
function personState(kb: KnowledgeBase, e: Entity, date: string | null, anyTime = false): { entry: KbEntry; office: string } | null {
  const entry = e.kbId ? kb.byId.get(e.kbId) : undefined;
  if (!entry || entry.type !== 'PERSON' || (!date && !anyTime)) return null;
  const current = (entry.roles ?? []).filter((r) => isState(kb.byId.get(r.of)) && (anyTime || holdsOn(r.from, r.to, date!)));
  if (!current.length) return null;
  const pick = current.slice().sort((a, b) => (b.from ?? '').localeCompare(a.from ?? ''))[0]!;
  return { entry: kb.byId.get(pick.of)!, office: pick.office };
}

/**
 * "The Biden administration" where the text names no Biden in full: the one KB person with that surname who held a
 * state's office. The phrase names that state's government of the person's time, so any of their terms counts
 * (here, and for "Lukashenko's regime"): the state is the same whenever it was.
 */
function surnameState(kb: KnowledgeBase, surname: string, _date: string | null): { entry: KbEntry; office: string } | null {
  const key = normalizeName(surname);
  if (!key || key.includes(' ')) return null;
  const found: { entry: KbEntry; office: string }[] = [];
  for (const p of kb.entries) {
    if (p.type !== 'PERSON' || !p.roles?.length) continue;
    const words = normalizeName(p.name).split(' ');
    if (words.length < 2 || words[words.length - 1] !== key) continue;
    const ps = personState(kb, { kbId: p.id, type: 'PERSON' } as Entity, null, true);
    if (ps && !found.some((f) => f.entry === ps.entry)) found.push(ps);
  }
  return found.length === 1 ? found[0]! : null;
}

/** The role of a person's office: diplomats DIP, commanders MIL, prosecutors JUD, the rest of a state's offices GOV. */
function officeRole(office: string): AgentRole {
  if (office.startsWith('ambassador') || office === 'foreign-minister' || office === 'special-representative') return 'DIP';
  if (office === 'commander' || office === 'chief-of-general-staff') return 'MIL';
  if (office === 'chief-prosecutor') return 'JUD';
  if (office === 'intelligence-director') return 'SPY';
  if (office === 'speaker') return 'LEG';
  return 'GOV';
}

/** The role of a KB body of a state, by its kind or the last word of its name. */
function bodyRole(entry: KbEntry): AgentRole | null {
  switch (entry.kind) {
    case 'presidency': case 'government': return 'GOV';
    case 'ministry': return /foreign/i.test(entry.name) ? 'DIP' : 'GOV';
    case 'military': return 'MIL';
    case 'police': return 'COP';
    case 'court': return 'JUD';
    case 'intelligence': return 'SPY';
    case 'embassy': return 'DIP';
  }
  const words = entry.name.toLowerCase().split(/\s+/);
  return agentRole(words[words.length - 1]!) ?? agentRole(words[0]!);
}

/**
 * Finds agent phrases and named agents; adds the agents' mentions of their states to the table and returns the
 * named agents' links, for `applyLinks` once the layer is numbered.
 */
export function resolveAgents(doc: Doc, kb: KnowledgeBase, date: string | null, table: EntityTable): PendingLink[] {
  const links: PendingLink[] = [];
  const { agents, longest, terms } = agentTables();
  const tokens = doc.tokens;
  const covered = new Map<number, Located>();
  for (const { m, e } of table.allMentions()) {
    const first = doc.tokenIndexAt(m.start);
    const last = doc.tokenIndexAt(m.end - 1);
    for (let k = first; k <= last; k++) covered.set(k, { e, m, first, last });
  }
  const demonyms = demonymIndex(kb);
  const stateOfMention = (l: Located | undefined): Entity | null => {
    if (!l) return null;
    if (l.e.type === 'NORP') {
      const entry = demonyms.get(aliasWords(l.m.text).map((w) => w.key).join(' '));
      return isState(entry) ? table.kbEntity(entry) : null;
    }
    if (l.e.type === 'GPE' && l.e.kbId) return isState(kb.byId.get(l.e.kbId)) ? l.e : null;
    return null;
  };
  const linked = new Set<Entity>();
  const link = (agent: Entity, state: Entity | null, stateEntry: KbEntry | null, stateName: string, role: AgentRole) => {
    if (linked.has(agent) || agent === state) return;
    linked.add(agent);
    links.push({ agent, state, stateName, code: stateEntry ? countryCode(stateEntry) : countryCodeOfName(stateName), role });
  };
  const entryOfState = (s: Entity): KbEntry | null => (s.kbId ? kb.byId.get(s.kbId) ?? null : null);
  let bare: MentionList | null = null;

  for (let i = 0; i < tokens.length; i++) {
    if (covered.has(i)) continue;
    // The longest agent phrase starting here, within the sentence, of words no mention covers.
    let end = -1;
    let code = '';
    let phrase = '';
    let words = '';
    for (let n = 1; n <= longest && i + n <= tokens.length; n++) {
      const last = i + n - 1;
      if (covered.has(last) || tokens[last]!.sentence !== tokens[i]!.sentence) break;
      // Grown a word at a time: the same string as joining the phrase's words, without a slice per length.
      words = n === 1 ? tokens[i]!.lower : `${words} ${tokens[last]!.lower}`;
      const c = agents.get(words);
      if (c) {
        end = last;
        code = c;
        phrase = words;
      }
    }
    if (end < 0) continue;
    // A capitalised agent word inside a sentence is part of a name ("Kosovo Police" the force's own name), except
    // one word alone after a lower-case "the", as British usage writes "the Government", "the Army".
    const britishCapital = end === i && tokens[i - 1]?.text === 'the' && !/^[A-Z]/.test(tokens[end + 1]?.text ?? '');
    if (!britishCapital && tokens.slice(i, end + 1).some((t, n) => /^[A-Z]/.test(t.text) && !(i + n === 0 || tokens[i + n - 1]!.sentence !== t.sentence))) {
      i = end;
      continue;
    }
    // The phrase must end its noun phrase: "military machinery" is machinery, not the military.
    if (!endsPhrase(doc, end)) {
      i = end;
      continue;
    }
    const role = code.slice(0, 3) as AgentRole;
    // The owner: a demonym or state right before (over up to two plain modifiers), a possessive, or "of X" after.
    let k = i - 1;
    for (let skip = 0; skip < 2 && k >= 0 && !covered.has(k) && (tokens[k]!.pos === 'ADJ' || tokens[k]!.pos === 'NOUN') && /^[a-z]/.test(tokens[k]!.text); skip++) k--;
    let state: Entity | null = null;
    let ownerStart = -1;
    const before = covered.get(k);
    const possessive = k >= 1 && /^['’]s$/.test(tokens[k]!.lower) ? covered.get(k - 1) : undefined;
    const owner = before && before.last === k ? before : possessive && possessive.last === k - 1 ? possessive : undefined;
    if (owner) {
      if (PERSONAL_GOVERNMENT.has(phrase) && (owner.e.type === 'PERSON' || !owner.e.kbId)) {
        const ps = personState(kb, owner.e, date, true) ?? surnameState(kb, owner.m.text, date);
        if (ps) state = table.kbEntity(ps.entry);
      } else if (owner.e.type !== 'PERSON') {
        state = stateOfMention(owner);
      }
      if (state) ownerStart = owner.first;
    } else if (k >= 0 && k === i - 1 && !covered.has(k) && PERSONAL_GOVERNMENT.has(phrase) && /^[A-Z][a-z]+$/.test(tokens[k]!.text)) {
      // "the Trump administration" where recognition left the name alone.
      const ps = surnameState(kb, tokens[k]!.text, date);
      if (ps) {
        state = table.kbEntity(ps.entry);
        ownerStart = k;
      }
    } else if (k >= 0 && k === i - 1 && !covered.has(k) && /^[A-Z][a-z]+$/.test(tokens[k]!.text) && (tokens[k]!.pos === 'ADJ' || tokens[k]!.pos === 'PROPN')) {
      // A demonym the knowledge base lacks but the Phoenix country list knows.
      const country = terms.get(tokens[k]!.lower);
      if (country && /(an|ese|ish|i|ic|ch)$/.test(tokens[k]!.lower)) {
        const entry = kb.entries.find((x) => isState(x) && countryCode(x) === country.code);
        state = entry ? table.kbEntity(entry) : table.discovered(country.name, 'GPE');
        ownerStart = k;
      }
    }
    if (!state && tokens[end + 1]?.lower === 'of') {
      const at = tokens[end + 2]?.lower === 'the' ? end + 3 : end + 2;
      const l = covered.get(at);
      if (l && l.first === at) state = stateOfMention(l);
      if (state) ownerStart = i;
    }
    // "The government", "police" with no owner: the body named before with the same head, else the state the
    // passage is about.
    if (!state && !owner && !ownerAfter(tokens, end)) {
      bare ??= mentionList(doc, table);
      const found = bareAgentState(doc, kb, bare, i, end);
      if (found) {
        state = found;
        ownerStart = i;
      }
    }
    if (!state) {
      i = end;
      continue;
    }
    // "Tomas Kerbel, a former French foreign minister", "Ana X, a Brazilian diplomat": the words describe the
    // person before them; a former office acts for no state, a present one links the person to it.
    const described = describedPerson(doc, covered, ownerStart >= 0 ? Math.min(ownerStart, i) : i);
    if (described) {
      if (!described.former && described.person) link(described.person, state, entryOfState(state), state.name, role);
      i = end;
      continue;
    }
    // "Russia's ambassador Igor X": the person named after the agent words acts for the state.
    const named = covered.get(end + 1) ?? (tokens[end + 1]?.lower === ',' ? covered.get(end + 2) : undefined);
    if (named && named.e.type === 'PERSON' && named.first >= end + 1) {
      link(named.e, state, entryOfState(state), state.name, role);
      i = end;
      continue;
    }
    const start = tokens[i]!.start;
    if (table.addMention(state, start, tokens[end]!.end, 'nominal')) {
      const m = state.mentions[state.mentions.length - 1]!;
      m.role = role;
      if (bare) addToMentionList(doc, bare, m, state);
      const whole = doc.text.slice(tokens[ownerStart]!.start, tokens[end]!.end).replace(/\s+/g, ' ');
      if (!state.aliases.includes(whole)) state.aliases.push(whole);
    }
    i = end;
  }

  // Named agents: KB bodies of a state, and people in a state's office.
  for (const e of table.entities) {
    if (!e.kbId || linked.has(e)) continue;
    const entry = kb.byId.get(e.kbId);
    if (!entry) continue;
    if (entry.type === 'ORG' && entry.country) {
      const stateEntry = kb.byId.get(entry.country);
      const role = bodyRole(entry);
      if (isState(stateEntry) && role && STATE_ROLES.has(role)) link(e, table.byKbId(stateEntry.id) ?? null, stateEntry, stateEntry.name, role);
    } else if (entry.type === 'PERSON') {
      const ps = personState(kb, e, date);
      if (ps) link(e, table.byKbId(ps.entry.id) ?? null, ps.entry, ps.entry.name, officeRole(ps.office));
    }
  }
  return links;
}

/** Words before an agent phrase that put its office in the past: "a former French foreign minister". */
const FORMER = new Set(['former', 'ex', 'then', 'late', 'onetime', 'erstwhile', 'retired']);

/**
 * Whether the agent phrase starting at token `front` describes someone rather than naming the state's agent: an
 * appositive after a person ("X, a Brazilian diplomat") or a former office ("a former British prime minister").
 * Returns the person described (null when none is named) and whether the office is past; null when neither.
 */
function describedPerson(doc: Doc, covered: Map<number, Located>, front: number): { person: Entity | null; former: boolean } | null {
  const tokens = doc.tokens;
  const sentence = tokens[front]!.sentence;
  let former = false;
  let k = front - 1;
  for (let steps = 0; k >= 0 && steps < 4 && tokens[k]!.sentence === sentence && !covered.has(k); steps++, k--) {
    const t = tokens[k]!;
    if (FORMER.has(t.lower)) former = true;
    else if (!((t.pos === 'ADJ' || t.pos === 'ADV' || /ed$/.test(t.lower)) && /^\p{Ll}/u.test(t.text))) break;
  }
  const det = tokens[k];
  if (!det || det.sentence !== sentence || !['a', 'an', 'the'].includes(det.lower)) return former ? { person: null, former } : null;
  const comma = tokens[k - 1];
  const before = comma?.text === ',' ? covered.get(k - 2) : undefined;
  const person = before && before.last === k - 2 && before.e.type === 'PERSON' ? before.e : null;
  if (!person && !former) return null;
  // "a former minister" with no one named is still no act of the state.
  return { person, former };
}

/** Sets `actsFor` on the named agents, once the layer's ids are final. */
export function applyLinks(links: PendingLink[], entities: readonly Entity[]): void {
  const kept = new Set(entities);
  for (const l of links) {
    if (!kept.has(l.agent)) continue;
    l.agent.actsFor = {
      state: l.state && kept.has(l.state) ? l.state.id : null,
      stateName: l.state?.name ?? l.stateName,
      role: l.role,
      code: cameoActorCode(l.code, l.role),
    };
  }
}

/**
 * The agent an event's source or target acts through: for a state reached through an agent mention ("Serbian
 * police clashed"), that mention's words and role; for an actor that is a named agent of a state (the Kremlin, a
 * minister), its own entity with its link. The mention read is the actor's mention in the event's sentence nearest
 * the trigger.
 */
export function eventAgent(e: EventRecord, actor: string | null, byId: ReadonlyMap<string, Entity>, kb: KnowledgeBase | null): EventAgent | null {
  if (!actor) return null;
  const entity = byId.get(actor);
  if (!entity) return null;
  if (entity.actsFor) {
    const m = nearest(entity, e);
    return { entity: entity.id, text: m?.text ?? entity.name, ...entity.actsFor };
  }
  const m = nearest(entity, e);
  if (!m?.role) return null;
  const entry = entity.kbId && kb ? kb.byId.get(entity.kbId) : undefined;
  const code = entry ? countryCode(entry) : countryCodeOfName(entity.name);
  return { entity: null, text: m.text, state: entity.id, stateName: entity.name, role: m.role, code: cameoActorCode(code, m.role) };
}

function nearest(entity: Entity, e: EventRecord): Mention | null {
  // Mentions are in text order (the layer's contract): the sentence's are found by a binary search, so an actor
  // named thousands of times is not read in full for each of its events.
  const list = entity.mentions;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.start < e.sentence.start) lo = mid + 1;
    else hi = mid;
  }
  let best: Mention | null = null;
  for (let k = lo; k < list.length && list[k]!.start < e.sentence.end; k++) {
    const m = list[k]!;
    if (m.end > e.sentence.end) continue;
    if (!best || Math.abs(m.start - e.trigger.start) < Math.abs(best.start - e.trigger.start)) best = m;
  }
  return best;
}

/** Adds `sourceAgent`/`targetAgent` to events whose actors act through an agent. */
export function withAgents(events: EventRecord[], entities: readonly Entity[], kb: KnowledgeBase | null): EventRecord[] {
  const byId = new Map(entities.map((x) => [x.id, x]));
  for (const e of events) {
    const s = eventAgent(e, e.source, byId, kb);
    const t = eventAgent(e, e.target, byId, kb);
    if (s) e.sourceAgent = s;
    if (t) e.targetAgent = t;
  }
  return events;
}
