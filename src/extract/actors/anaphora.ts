/**
 * Anaphora for actors: the words by which news names a state or an organisation it has already named. "The
 * country" and "the kingdom" name the state named last; "it" and "its" the organisation or state the clause (or
 * the sentence before) is about; a bare state organ ("the government", "police", "the ministry") names the body
 * named before with the same head word, else the state the passage is about (see actors/agents.ts, which calls
 * `bareAgentState`). Event coders (PETRARCH, NGEC) read these as their antecedents; without them "the government
 * closed two newspapers" and "it never fired on the town" have no actor.
 *
 * Each rule is narrow on purpose: a pronoun outside quotation marks, in an argument position, that is not the
 * "it" of "it is clear" or "it has been reported"; an antecedent within the sentence or the two before it. A wrong
 * actor is worse than none, so where the text leaves doubt the pronoun stays unresolved.
 */
import type { Doc } from '../../nlp/doc.js';
import type { Entity, KnowledgeBase, Mention } from '../../model/types.js';
import { relIs, sentenceTree, type SyntaxTree } from '../../nlp/syntax/tree.js';
// The reporting verbs the event dates know; a reported clause's "it" is the reporter.
import { REPORTING_LEMMAS } from '../event/dates.js';
import { PLACE_PREPOSITIONS } from './lexicon.js';
import type { EntityTable } from './table.js';
// agents.js calls back into this module; both only call each other's functions at run time, so the cycle is safe.
import { countryCodeOfName, isState } from './agents.js';

/** Nouns that describe a state: "the country", "the kingdom". "State" is left out ("the state of emergency"). */
const STATE_DESCRIPTIONS = new Set(['country', 'kingdom', 'republic', 'nation', 'emirate', 'monarchy']);
/** Words that may stand between "the" and the description: "the small country", "the Gulf kingdom". */
const DESCRIPTION_MODIFIERS = new Set(['ADJ', 'NUM', 'PROPN']);
/** Predicates whose "it" names nothing: "it seems", "it takes years", "it remains unclear". */
const EMPTY_IT_LEMMAS = new Set(['be', 'seem', 'appear', 'happen', 'matter', 'take', 'remain', 'become', 'look', 'sound', 'rain', 'cost', 'mean', 'follow', 'emerge', 'turn']);
/**
 * Heads of bare agent phrases that name a state's institution rather than one person in it: "the government"
 * does, "the envoy" names someone the text has in mind and is left to the role rules.
 */
const INSTITUTION_HEADS = new Set([
  'government', 'authorities', 'administration', 'regime', 'junta', 'cabinet', 'police', 'army', 'military',
  'ministry', 'court', 'parliament', 'legislature', 'assembly', 'navy', 'forces', 'troops', 'intelligence',
  'presidency', 'embassy', 'coastguard', 'guard', 'guards', 'gendarmerie', 'prosecution', 'judiciary', 'kremlin',
]);
/** Adjectives whose subject is the one who would act: "it is ready to", "it was unwilling to". */
const WILLING = new Set(['ready', 'prepared', 'willing', 'unwilling', 'able', 'unable', 'eager', 'keen', 'determined', 'reluctant', 'committed']);
/** How many sentences back an antecedent may be. */
const LOOKBACK = 2;

interface Candidate {
  e: Entity;
  m: Mention;
  token: number;
  sentence: number;
}

/** A state: a KB state, or a place the KB lacks that the Phoenix country list names ("Moldova" on any theatre). */
const isStateEntity = (kb: KnowledgeBase, e: Entity): boolean => {
  if (e.type !== 'GPE') return false;
  return e.kbId ? isState(kb.byId.get(e.kbId)) : countryCodeOfName(e.name) !== null;
};

/**
 * Mentions of ORG and GPE entities outside quotation marks, in text order, each with its token and sentence;
 * without `places`, not those after a place preposition.
 */
function candidates(doc: Doc, table: EntityTable, inQuote: (offset: number) => boolean, places = false): Candidate[] {
  const out: Candidate[] = [];
  for (const { m, e } of table.allMentions()) {
    if ((e.type !== 'ORG' && e.type !== 'GPE') || inQuote(m.start)) continue;
    const token = doc.tokenIndexAt(m.start);
    const prev = doc.tokens[token - 1];
    // "in Poland", "to Belgrade": a place where something happens is not what "it" goes on to describe.
    if (!places && prev && prev.sentence === doc.tokens[token]!.sentence && PLACE_PREPOSITIONS.has(prev.lower)) continue;
    out.push({ e, m, token, sentence: doc.tokens[token]!.sentence });
  }
  return out;
}

/**
 * Every mention with its entity and sentence, in text order: what `salientState` and `bareAgentState` read. The
 * cursor keeps the state counts up to the last offset asked about, so that asking in text order costs each
 * mention once, whatever the document's length.
 */
export interface MentionList {
  items: { m: Mention; e: Entity; sentence: number; lastLower: string }[];
  cursor: number;
  counts: Map<Entity, number>;
  /** The document's entity for a KB state, when the document names it. */
  stateOf: (kbId: string) => Entity | null;
}

export function mentionList(doc: Doc, table: EntityTable): MentionList {
  return {
    items: table.allMentions().map(({ m, e }) => ({
      m, e, sentence: doc.tokens[doc.tokenIndexAt(m.start)]!.sentence, lastLower: doc.tokens[doc.tokenIndexAt(m.end - 1)]!.lower,
    })),
    cursor: 0,
    counts: new Map(),
    stateOf: (kbId) => table.byKbId(kbId) ?? null,
  };
}

/**
 * Adds a mention found after the list was made ("The country's defence ministry", resolved on the way), so that a
 * later bare organ ("the ministry") finds it. Mentions are added in text order, past the counting cursor, so the
 * counts stay right; one added before the cursor restarts them.
 */
export function addToMentionList(doc: Doc, list: MentionList, m: Mention, e: Entity): void {
  const at = firstAtOrAfter(list, m.start);
  list.items.splice(at, 0, { m, e, sentence: doc.tokens[doc.tokenIndexAt(m.start)]!.sentence, lastLower: doc.tokens[doc.tokenIndexAt(m.end - 1)]!.lower });
  if (at < list.cursor) {
    list.cursor = 0;
    list.counts.clear();
  }
}

/** Index of the first of `n` sorted items whose key is at least `at`. */
function lowerBound(n: number, keyAt: (k: number) => number, at: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keyAt(mid) < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first mention that starts at or after `offset`. */
const firstAtOrAfter = (list: MentionList, offset: number): number =>
  lowerBound(list.items.length, (k) => list.items[k]!.m.start, offset);

/**
 * The state a passage is about at token `i`: the state named most often so far, where a mention in this sentence
 * or the one before counts three times. Null when no state is named before `i`, or two tie.
 */
export function salientState(doc: Doc, kb: KnowledgeBase, list: MentionList, i: number): Entity | null {
  const here = doc.tokens[i]!.sentence;
  const end = firstAtOrAfter(list, doc.tokens[i]!.start);
  if (end < list.cursor) {
    list.cursor = 0;
    list.counts.clear();
  }
  // A city the passage is set in counts for its state: "protesters took to the streets of Minsk. Police said …".
  const counted = (n: number) => {
    const { m, e } = list.items[n]!;
    if (m.kind === 'pronoun') return null;
    if (isStateEntity(kb, e)) return e;
    const entry = e.kbId ? kb.byId.get(e.kbId) : undefined;
    return entry?.kind === 'city' && entry.country ? list.stateOf(entry.country) : null;
  };
  for (; list.cursor < end; list.cursor++) {
    const e = counted(list.cursor);
    if (e) list.counts.set(e, (list.counts.get(e) ?? 0) + 1);
  }
  const scores = new Map(list.counts);
  for (let n = end - 1; n >= 0 && here - list.items[n]!.sentence <= 1; n--) {
    const e = counted(n);
    if (e) scores.set(e, (scores.get(e) ?? 0) + 2);
  }
  let best: Entity | null = null;
  let top = 0;
  let tie = false;
  for (const [e, score] of scores) {
    if (score > top) [best, top, tie] = [e, score, false];
    else if (score === top) tie = true;
  }
  return tie ? null : best;
}

/**
 * The entity a bare agent phrase from token `start` to `end` names, where no owner precedes it: the body named
 * within the lookback whose mention ends in the same head word ("the defence ministry" … "the ministry"), else
 * the salient state. Only after "the" or at the start of a sentence ("Police said"): "a government", "some
 * police" name no one in particular.
 */
export function bareAgentState(doc: Doc, kb: KnowledgeBase, list: MentionList, start: number, end: number): Entity | null {
  const tokens = doc.tokens;
  const before = tokens[start - 1];
  const opensSentence = !before || before.sentence !== tokens[start]!.sentence;
  if (!opensSentence && before.lower !== 'the') return null;
  const head = tokens[end]!.lower;
  if (!INSTITUTION_HEADS.has(head)) return null;
  const here = tokens[start]!.sentence;
  for (let n = firstAtOrAfter(list, tokens[start]!.start) - 1; n >= 0; n--) {
    const { m, e, sentence, lastLower } = list.items[n]!;
    if (here - sentence > LOOKBACK) break;
    if ((e.type === 'ORG' || e.type === 'GPE') && m.kind !== 'pronoun' && lastLower === head) return e;
  }
  return salientState(doc, kb, list, start);
}

/** "The country", "the kingdom": a mention of the state named last within the lookback. */
export function resolveStateDescriptions(doc: Doc, kb: KnowledgeBase, table: EntityTable, inQuote: (offset: number) => boolean): void {
  const tokens = doc.tokens;
  // "Protests in Serbia … the country's president": a description may name a state first named as a place.
  const states = candidates(doc, table, inQuote, true).filter((c) => isStateEntity(kb, c.e));
  if (!states.length) return;
  let next = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!STATE_DESCRIPTIONS.has(t.lower) || !/^[a-z]/.test(t.text) || table.at(t.start) || inQuote(t.start)) continue;
    let k = i - 1;
    while (k >= 0 && tokens[k]!.sentence === t.sentence && DESCRIPTION_MODIFIERS.has(tokens[k]!.pos) && !table.at(tokens[k]!.start)) k--;
    // "His country", "her country": a person's own country is, in news, the state the passage is set in.
    const determiner = tokens[k]?.lower;
    const owned = (determiner === 'his' || determiner === 'her') && t.lower === 'country';
    if (k < 0 || (determiner !== 'the' && !owned) || tokens[k]!.sentence !== t.sentence) continue;
    // "the country of origin", "the nation's capital" stay; "the country's" names it, as does "the country".
    if (tokens[i + 1]?.lower === 'of') continue;
    while (next < states.length && states[next]!.token < k) next++;
    const antecedent = next > 0 ? states[next - 1]! : null;
    if (antecedent && t.sentence - antecedent.sentence <= LOOKBACK) table.addMention(antecedent.e, tokens[k]!.start, t.end, 'nominal');
  }
}

/**
 * Where a definite description headed by token `i` opens: "the" before it, over plain lower-case modifiers no
 * mention covers ("the breakaway region", "the rebel group"); -1 when it is no such description, its head is a
 * name or a mention's, or "of" follows it ("the region of Tigray" names its place itself).
 */
function descriptionStart(doc: Doc, table: EntityTable, i: number): number {
  const tokens = doc.tokens;
  const t = tokens[i]!;
  if (!/^[a-z]/.test(t.text) || table.at(t.start) || tokens[i + 1]?.lower === 'of') return -1;
  let k = i - 1;
  while (k >= 0 && tokens[k]!.sentence === t.sentence && (tokens[k]!.pos === 'ADJ' || tokens[k]!.pos === 'NOUN') && /^[a-z]/.test(tokens[k]!.text) && !table.at(tokens[k]!.start)) k--;
  return k >= 0 && tokens[k]!.lower === 'the' && tokens[k]!.sentence === t.sentence ? k : -1;
}

/** Nouns that describe a place named before: "the territory", "the breakaway region", "the enclave". */
const PLACE_DESCRIPTIONS = new Set(['territory', 'region', 'enclave', 'province', 'peninsula']);

/**
 * "The territory", "the breakaway region" (see descriptionStart): a mention of the place named last within the
 * lookback that is neither a city nor a state (a state before "the territory" is as often the one that holds it).
 */
export function resolvePlaceDescriptions(doc: Doc, kb: KnowledgeBase, table: EntityTable, inQuote: (offset: number) => boolean): void {
  const tokens = doc.tokens;
  const places: Candidate[] = [];
  for (const { m, e } of table.allMentions()) {
    if ((e.type !== 'GPE' && e.type !== 'LOC') || inQuote(m.start) || (e.kbId && kb.byId.get(e.kbId)?.kind === 'city')) continue;
    const token = doc.tokenIndexAt(m.start);
    places.push({ e, m, token, sentence: doc.tokens[token]!.sentence });
  }
  if (!places.length) return;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!PLACE_DESCRIPTIONS.has(t.lower) || inQuote(t.start)) continue;
    const k = descriptionStart(doc, table, i);
    if (k < 0) continue;
    let region: Candidate | null = null;
    for (let n = firstFrom(places, k) - 1; n >= 0 && t.sentence - places[n]!.sentence <= LOOKBACK && !region; n--) {
      if (!isStateEntity(kb, places[n]!.e)) region = places[n]!;
    }
    if (region) table.addMention(region.e, tokens[k]!.start, t.end, 'nominal');
  }
}

/** Heads of descriptions of an armed or political group the text has named: "the rebel group", "the jihadists". */
const GROUP_DESCRIPTIONS = new Set(['group', 'militia', 'jihadists', 'rebels', 'militants', 'insurgents', 'paramilitaries']);
/** Kinds of KB organisations that news calls "the group": armed groups and parties, not states' organs. */
const GROUP_KINDS = new Set(['armed-group', 'party']);
/** How far back (sentences) a group description looks for the group. */
const GROUP_LOOKBACK = 6;

/**
 * "The group said", "the rebel group announced", "talks with the rebels": an organisation named before that
 * the knowledge base does not know, or knows as an armed group or a party. (The KB's other bodies are states' organs
 * and international organisations, which news calls by descriptions of their own: "the alliance", "the bloc".)
 * Where the text names none, the description stays unresolved.
 */
export function resolveGroupDescriptions(doc: Doc, kb: KnowledgeBase, table: EntityTable, inQuote: (offset: number) => boolean): void {
  const tokens = doc.tokens;
  const group = (e: Entity) => e.type === 'ORG' && (!e.kbId || GROUP_KINDS.has(kb.byId.get(e.kbId)?.kind ?? ''));
  const groups = candidates(doc, table, inQuote, true).filter((c) => group(c.e) && c.m.kind !== 'pronoun');
  if (!groups.length) return;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!GROUP_DESCRIPTIONS.has(t.lower) || inQuote(t.start)) continue;
    const k = descriptionStart(doc, table, i);
    if (k < 0) continue;
    // A description with a kind ("the jihadists", "the rebel group") goes to the nearest group introduced in a
    // sentence that uses that word ("the Tarsk Front, a rebel group of the north"); a bare "the group" to the
    // nearest group.
    // Failing such a group, the nearest within six sentences.
    const kinds = tokens.slice(k + 1, i + 1).map((x) => x.lower.replace(/e?s$/, '')).filter((w) => w !== 'group');
    const at = firstFrom(groups, k);
    let chosen: Candidate | null = null;
    for (let n = at - 1; n >= 0 && kinds.length && !chosen; n--) if (kinds.some((w) => introducedAs(doc, groups[n]!.e, w))) chosen = groups[n]!;
    const nearest = groups[at - 1];
    if (!chosen && nearest && t.sentence - nearest.sentence <= GROUP_LOOKBACK) chosen = nearest;
    if (chosen) table.addMention(chosen.e, tokens[k]!.start, t.end, 'nominal');
  }
}

/**
 * Whether the text describes `e` with the word `stem` where it names it: in an apposition after a name of it ("the
 * Tarsk Front (TF), the oldest rebel group of the north"; past a bracketed short form) or in the description right
 * before one ("the rebel group TF"), not merely near it ("rebels allied with TF").
 */
function introducedAs(doc: Doc, e: Entity, stem: string): boolean {
  const tokens = doc.tokens;
  const is = (k: number) => tokens[k]!.lower.replace(/e?s$/, '') === stem;
  for (const m of e.mentions) {
    if (m.kind !== undefined && m.kind !== 'name' && m.kind !== 'alias') continue;
    const first = doc.tokenIndexAt(m.start);
    const sentence = tokens[first]!.sentence;
    for (let k = first - 1; k >= 0 && tokens[k]!.sentence === sentence && /^[a-z]/.test(tokens[k]!.text) && (tokens[k]!.pos === 'ADJ' || tokens[k]!.pos === 'NOUN'); k--) if (is(k)) return true;
    let k = doc.tokenIndexAt(m.end - 1) + 1;
    if (tokens[k]?.text === '(') while (k < tokens.length && tokens[k]!.text !== ')' && tokens[k]!.sentence === sentence) k++;
    if (tokens[k]?.text === ')') k++;
    if (tokens[k]?.text !== ',') continue;
    for (k++; k < tokens.length && tokens[k]!.sentence === sentence && tokens[k]!.text !== ',' && tokens[k]!.text !== '.'; k++) if (is(k)) return true;
  }
  return false;
}

/** Whether the pronoun word `w` names something: an argument, not the empty "it" of "it is clear that". */
function referring(tree: SyntaxTree, w: number): boolean {
  const word = tree.word(w);
  if (tree.lower(w) === 'its' || tree.lower(w) === 'their') return word.rel === 'nmod:poss';
  if (word.rel === 'obj' || word.rel === 'iobj') return true;
  if ((word.rel !== 'nsubj' && word.rel !== 'nsubj:pass') || word.head < 0) return false;
  const head = tree.word(word.head);
  // "It was reported that …": a passive "it" with a clause of its own names nothing; "it is said to have signed a
  // truce" (raised from the infinitive) names who signed it.
  if (word.rel === 'nsubj:pass' && tree.children(word.head).some((c) => /^(ccomp|csubj)/.test(tree.word(c).rel))) return false;
  // "It was ready to talk": an adjective of will says something of its subject; "it is clear that" does not.
  if (head.upos === 'ADJ') return WILLING.has(tree.lower(word.head));
  return head.upos === 'VERB' && !EMPTY_IT_LEMMAS.has(tree.lemma(word.head));
}

/**
 * "It" and "its" for an organisation or state: within the sentence, the nearest one named before the pronoun;
 * else, in the two sentences before, the one that is the subject of its sentence, or failing that the first named.
 */
export function resolveActorPronouns(doc: Doc, table: EntityTable, inQuote: (offset: number) => boolean): void {
  const tokens = doc.tokens;
  let pool: Candidate[] | null = null;
  let covering: Map<number, Entity> | null = null;
  for (let si = 0; si < doc.sentences.length; si++) {
    const sentence = doc.sentences[si]!;
    let tree: SyntaxTree | null | undefined;
    for (let i = sentence.tokenStart; i < sentence.tokenEnd; i++) {
      const t = tokens[i]!;
      const plural = t.lower === 'they' || t.lower === 'their';
      const them = t.lower === 'them';
      if ((t.lower !== 'it' && t.lower !== 'its' && !plural && !them) || table.at(t.start) || inQuote(t.start)) continue;
      tree ??= sentenceTree(doc, si);
      if (!tree) break;
      const w = tree.wordsOfTokens(i, i)[0];
      if (them) {
        if (w === undefined || si === 0 || !objectWithoutPluralBefore(tree, w)) continue;
        covering ??= tokenEntities(doc, table);
        const group = pluralSubjectOf(doc, si - 1, covering);
        const own = mainSubjectEntity(tree, covering);
        if (group && group !== own) table.addMention(group, t.start, t.end, 'pronoun');
        continue;
      }
      if (w === undefined || !referring(tree, w)) continue;
      if (plural) {
        covering ??= tokenEntities(doc, table);
        const group = groupSubjectBefore(tree, covering, w) ?? (opensClause(tree, w) && si > 0 ? pluralSubjectOf(doc, si - 1, covering) : null);
        if (group) table.addMention(group, t.start, t.end, 'pronoun');
        continue;
      }
      pool ??= candidates(doc, table, inQuote);
      const at = firstFrom(pool, i);
      covering ??= tokenEntities(doc, table);
      const target = reportingSubject(tree, covering, w) ?? antecedentOf(doc, pool, at, si);
      // A resolved pronoun is a mention like any other: a later "it" may find it as the clause's subject.
      if (target && table.addMention(target, t.start, t.end, 'pronoun')) {
        pool.splice(at, 0, { e: target, m: target.mentions[target.mentions.length - 1]!, token: i, sentence: si });
      }
    }
  }
}

/**
 * "They" and "their" only within their sentence, and only for a single named group, organisation or state that
 * is the subject of a clause before them ("Bosnian Serbs said their forces had withdrawn"): a plural has too many
 * readings to look further back. A coordinated subject ("X and Y said they") is left alone.
 */
function groupSubjectBefore(tree: SyntaxTree, covering: Map<number, Entity>, w: number): Entity | null {
  for (let k = w - 1; k >= 0; k--) {
    const word = tree.word(k);
    if (!/^nsubj/.test(word.rel) || tree.conjunctsOf(k).length) continue;
    const e = covering.get(word.token);
    return e && (e.type === 'ORG' || e.type === 'GPE' || e.type === 'NORP') ? e : null;
  }
  return null;
}

/**
 * "The ministry said the jets were lost over Ruritania and that it never aimed at them": the subject of a reported
 * clause that is "it" is, in news, the body that reports it, not the nearest name. The reporting verb's subject,
 * when one organisation or state covers it.
 */
function reportingSubject(tree: SyntaxTree, covering: Map<number, Entity>, w: number): Entity | null {
  if (!/^nsubj/.test(tree.word(w).rel)) return null;
  let clause = tree.word(w).head;
  if (clause < 0) return null;
  // "said the flights were an error, and that it never …": a "that" clause the parser coordinated with the
  // reporting verb is still what it reports.
  const marked = tree.dependents(clause, 'mark').some((m) => tree.lower(m) === 'that');
  while (clause >= 0 && tree.word(clause).rel === 'conj' && !(marked && REPORTING_LEMMAS.has(tree.lemma(tree.word(clause).head)))) clause = tree.word(clause).head;
  if (clause < 0 || !(relIs(tree.word(clause).rel, 'ccomp') || tree.word(clause).rel === 'conj')) return null;
  const verb = tree.word(clause).head;
  if (verb < 0 || !REPORTING_LEMMAS.has(tree.lemma(verb))) return null;
  const subject = tree.subjectOf(verb);
  if (!subject || subject.passive || subject.word === w) return null;
  const e = covering.get(tree.word(subject.word).token);
  return e && (e.type === 'ORG' || e.type === 'GPE') ? e : null;
}

/**
 * "Twelve Tarskian drones crossed the border. Valmoran jets shot down some of them.": "them" as an object (or the
 * "of" of a quantity) is the plural subject of the sentence before, when nothing plural stands between: no plural
 * noun earlier in its own sentence outside the subject of its main clause.
 */
function objectWithoutPluralBefore(tree: SyntaxTree, w: number): boolean {
  const word = tree.word(w);
  const quantity = relIs(word.rel, 'nmod') && tree.caseOf(w) === 'of';
  if (word.rel !== 'obj' && word.rel !== 'iobj' && !quantity) return false;
  const subject = mainSubject(tree);
  for (let k = 0; k < w; k++) {
    if (!/^NNP?S$/.test(tree.word(k).xpos)) continue;
    if (subject === undefined || !(k === subject || tree.dominates(subject, k))) return false;
  }
  return true;
}

/** The entity covering the subject of the sentence's main clause, if any. */
function mainSubjectEntity(tree: SyntaxTree, covering: Map<number, Entity>): Entity | null {
  const subject = mainSubject(tree);
  return subject === undefined ? null : covering.get(tree.word(subject).token) ?? null;
}

/** The (active) subject word of the sentence's main clause. */
function mainSubject(tree: SyntaxTree): number | undefined {
  const root = tree.words.findIndex((x) => x.rel === 'root');
  return root < 0 ? undefined : tree.dependents(root, 'nsubj')[0];
}

/** Whether "they" is the subject of its sentence's main clause: "They occupied territory in …". */
function opensClause(tree: SyntaxTree, w: number): boolean {
  const word = tree.word(w);
  return word.rel === 'nsubj' && word.head >= 0 && tree.word(word.head).rel === 'root';
}

/**
 * The group the sentence before names as its main clause's plural subject ("Israeli troops crossed into Syria.
 * They occupied …": Israel, through its troops), when one entity covers it and it is not coordinated. One sentence
 * back only, and only a plural: a singular state before "they" is rarely what it means.
 */
function pluralSubjectOf(doc: Doc, si: number, covering: Map<number, Entity>): Entity | null {
  const tree = sentenceTree(doc, si);
  if (!tree) return null;
  const subject = mainSubject(tree);
  if (subject === undefined || tree.conjunctsOf(subject).length || !/^NNP?S$/.test(tree.word(subject).xpos)) return null;
  const e = covering.get(tree.word(subject).token);
  return e && (e.type === 'ORG' || e.type === 'GPE' || e.type === 'NORP') ? e : null;
}

/** Token index → the entity whose mention covers it. */
function tokenEntities(doc: Doc, table: EntityTable): Map<number, Entity> {
  const out = new Map<number, Entity>();
  for (const { m, e } of table.allMentions()) {
    for (let k = doc.tokenIndexAt(m.start); k <= doc.tokenIndexAt(m.end - 1); k++) out.set(k, e);
  }
  return out;
}

/** Index of the first candidate at or after token `i`. */
const firstFrom = (pool: Candidate[], i: number): number => lowerBound(pool.length, (k) => pool[k]!.token, i);

/** The antecedent for a pronoun in sentence `si`, given the index of the first candidate after it. */
function antecedentOf(doc: Doc, pool: Candidate[], at: number, si: number): Entity | null {
  const before = pool[at - 1];
  if (!before || si - before.sentence > LOOKBACK) return null;
  if (before.sentence === si) return before.e;
  const back = before.sentence;
  let first = at - 1;
  while (first > 0 && pool[first - 1]!.sentence === back) first--;
  const inSentence = pool.slice(first, at);
  const tree = sentenceTree(doc, back);
  const subject = tree
    ? inSentence.find((c) => {
      const words = tree.wordsOfTokens(c.token, doc.tokenIndexAt(c.m.end - 1));
      return words.some((w) => /^nsubj/.test(tree.word(w).rel));
    })
    : undefined;
  return (subject ?? inSentence[0]!).e;
}
