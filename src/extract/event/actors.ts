/**
 * Source, target and location of an event. With a parse of the sentence (`ctx.tree`), the actors are read off the
 * dependency tree (`treeActors`, at the end of this module): the subject (or passive agent) is the source, the
 * object or a preposition-marked oblique the target; a noun trigger takes its possessor, its "by"/"from"/"of"/"on"/
 * "with" arguments, or the subject of the verb that governs it ("reached an agreement", "imposed sanctions").
 *
 * Without a parse, or where the tree names no argument at all, the token-distance approximation below is the
 * fallback: the subject is the nearest actor to the left of the trigger within its clause (appositions and
 * prepositional phrases skipped, relative pronouns resolved to their antecedent, passives turned round); the
 * object is the nearest actor after it. It stays because a sentence can come without a parse (no model loaded,
 * a fragment the parser attaches badly) and because the stance rules still read it.
 * When the evidence is unclear the actor stays null: no actor is better than a wrong one.
 */
import type { Doc, Token } from '../../nlp/doc.js';
import { relIs, type Oblique, type SyntaxTree } from '../../nlp/syntax/tree.js';
import { ACTOR_TYPES, PLACE_TYPES, type MentionIndex, type TokenMention } from './mentions.js';
import { agentRole, isNonStateAgent } from '../actors/agents.js';

/** How an actor was found; confidence is built from this. */
export type Via = 'subject' | 'object' | 'possessive' | 'by-agent' | 'relative' | 'coordination' | 'speaker' | 'reporter';

export interface ActorHit {
  mention: TokenMention;
  via: Via;
}

export interface ActorContext {
  doc: Doc;
  mentions: MentionIndex;
  /** Token range of the sentence, [start, end). */
  sentenceStart: number;
  sentenceEnd: number;
  /** The speaker's entity, when the trigger lies inside a quote with a known speaker. */
  quoteSpeaker: string | null;
  /** The parse of the sentence, when there is one. */
  tree?: SyntaxTree | null;
  /** Demonym entity → the state entity it stands for as a state organ's modifier ("Serbian police"). */
  states?: ReadonlyMap<string, string>;
}

export const REPORTING = new Set([
  'said', 'says', 'say', 'told', 'tells', 'stated', 'states', 'announced', 'added', 'claimed', 'claims', 'noted',
  'stressed', 'emphasized', 'emphasised', 'underlined', 'insisted', 'confirmed', 'reported', 'declared', 'explained',
  'believes', 'believed', 'thinks', 'argued', 'argues', 'wrote', 'recalled', 'reiterated', 'indicated', 'warned',
]);
const CLAUSE_STOP = new Set([
  ';', ':', '(', ')', '"', '“', '”', '„', 'if', 'unless', 'because', 'although', 'though', 'whereas', 'while', 'but',
  'when', 'whether', 'so',
]);
/** Conjunctions that read like prepositions: "after Russia invaded" — the actor after them is still a subject. */
const SUBORDINATORS = new Set(['after', 'before', 'since', 'until', 'as', 'than']);
const RELATIVE = new Set(['which', 'who', 'whom']);
const LOCATIVE = new Set(['in', 'at', 'near', 'inside', 'outside', 'across', 'throughout', 'around', 'into']);
/** Prepositions whose object is not the subject of the clause. */
const PREPOSITIONS = new Set([
  'in', 'at', 'to', 'with', 'of', 'from', 'for', 'on', 'against', 'by', 'about', 'over', 'near', 'toward',
  'towards', 'into', 'between', 'among', 'under', 'through', 'within', 'without', 'inside', 'outside', 'across',
  'throughout', 'around', 'than', 'like', 'as', 'per', 'via', 'after', 'before', 'since', 'during', 'despite',
]);
const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s"]);
const PERSONAL = new Set(['he', 'she', 'it', 'they', 'we', 'i']);
const FIRST_PERSON = new Set(['we', 'i', 'us', 'our']);
/** Verbs whose object noun names the event: "launched an invasion", "waged a war", "held talks". */
export const LIGHT_VERBS = new Set([
  'launch', 'launched', 'launches', 'launching', 'wage', 'waged', 'wages', 'waging', 'conduct', 'conducted',
  'conducts', 'stage', 'staged', 'mount', 'mounted', 'start', 'started', 'begin', 'began', 'begun', 'hold', 'held',
  'holds', 'carry', 'carried', 'made', 'make', 'makes', 'impose', 'imposed', 'issue', 'issued', 'announce',
  'announced', 'sign', 'signed', 'grant', 'granted', 'offer', 'offered', 'continue', 'continued', 'lead', 'led',
  'complete', 'completed', 'order', 'ordered', 'speed', 'speeded', 'sped', 'declare', 'declared', 'end', 'ended',
  'call', 'called', 'resume', 'resumed', 'step', 'stepped', 'intensify', 'intensified', 'escalate', 'escalated',
]);
/** Words that may sit between a modifier and its noun: "Russia's brutal and unprovoked war". */
const NOUN_PREMODIFIER_POS = new Set(['ADJ', 'NUM', 'ADV', 'DET', 'NOUN']);

function lower(doc: Doc, i: number): string {
  return doc.tokens[i]?.lower ?? '';
}

/** The preposition that governs a mention ("in Brussels" → in), skipping a determiner, or null. */
export function governingPreposition(doc: Doc, m: TokenMention, floor: number): string | null {
  let k = m.first - 1;
  // "in the north of", "in southern Syria", "into neighbouring Belarus": past determiners and adjectives.
  while (k >= floor && (doc.tokens[k]!.pos === 'DET' || doc.tokens[k]!.pos === 'ADJ')) k--;
  if (k < floor) return null;
  const t = doc.tokens[k]!;
  return PREPOSITIONS.has(t.lower) && (t.pos === 'ADP' || t.pos === 'SCONJ' || t.lower === 'to') ? t.lower : null;
}

/** Whether the verb at `t` is passive: a form of "be" before it (adverbs and "not" skipped). */
export function isPassive(doc: Doc, t: number, floor: number): boolean {
  const tok = doc.tokens[t]!;
  if (!/(ed|en|wn|ught|ck|ut|et|id)$/.test(tok.lower)) return false;
  for (let k = t - 1; k >= floor && k >= t - 3; k--) {
    const w = doc.tokens[k]!;
    if (BE.has(w.lower)) return true;
    if (w.pos !== 'ADV' && w.pos !== 'PART') return false;
  }
  return false;
}

/** The actor after "by" just after the trigger: "was bombed by NATO". */
export function byAgent(ctx: ActorContext, last: number): TokenMention | null {
  const { doc, mentions } = ctx;
  for (let k = last + 1; k < ctx.sentenceEnd && k <= last + 4; k++) {
    if (doc.tokens[k]!.lower !== 'by') continue;
    for (let j = k + 1; j < ctx.sentenceEnd && j <= k + 4; j++) {
      const m = mentions.at(j);
      if (m && ACTOR_TYPES.has(m.type)) return m;
      if (doc.tokens[j]!.pos === 'PUNCT') break;
    }
    return null;
  }
  return null;
}

/**
 * The subject of the verb at token `t`: the nearest actor to its left within the clause. `previousSource` is the
 * source of the preceding verbal event in the sentence, used for coordinated verbs ("requested X and demanded Y").
 */
export function findSubject(ctx: ActorContext, t: number, previousSource: ActorHit | null): ActorHit | null {
  const { doc, mentions } = ctx;
  const floor = ctx.sentenceStart;
  // What sits right before the verb group (auxiliaries, adverbs, "not", "to").
  let j = t - 1;
  while (j >= floor && isVerbGroupWord(doc.tokens[j]!)) j--;
  if (j >= floor) {
    const w = lower(doc, j);
    if (RELATIVE.has(w) || (w === 'that' && j > floor && !REPORTING.has(lower(doc, j - 1)) && doc.tokens[j - 1]!.pos !== 'VERB')) {
      const antecedent = nearestActorLeft(ctx, j - 1, 4);
      return antecedent ? { mention: antecedent, via: 'relative' } : null;
    }
    if ((w === 'and' || w === 'but' || w === 'or') && previousSource && mentions.at(j - 1) === undefined) {
      return { mention: previousSource.mention, via: 'coordination' };
    }
  }
  for (let k = t - 1; k >= floor; k--) {
    const tok = doc.tokens[k]!;
    if (tok.lower === ',') {
      const opening = parentheticalStart(ctx, k);
      if (opening !== null) {
        k = opening;
        continue;
      }
    }
    const m = mentions.at(k);
    if (m) {
      k = m.first;
      const prep = governingPreposition(doc, m, floor);
      if (!ACTOR_TYPES.has(m.type) || (prep && !SUBORDINATORS.has(prep))) continue;
      return { mention: preferAppositionHead(ctx, m, t) ?? m, via: 'subject' };
    }
    if (CLAUSE_STOP.has(tok.lower)) return null;
    // Another verb in between starts another clause ("asked X to help the country join"), unless the two verbs
    // are coordinated ("ordered troops in and launched").
    // Control verbs pass their subject on: "Kosovo aims to join".
    if (tok.pos === 'VERB' && !REPORTING.has(tok.lower) && k < t - 1 && lower(doc, k + 1) !== 'to' &&
      !coordinatedBetween(doc, k, t)) return null;
    if (tok.lower === 'that' && k > floor && REPORTING.has(lower(doc, k - 1))) return reporterOrSpeaker(ctx, k - 1, t);
    if (REPORTING.has(tok.lower) && tok.pos === 'VERB') return reporterOrSpeaker(ctx, k, t);
    if (PERSONAL.has(tok.lower) || FIRST_PERSON.has(tok.lower)) {
      // An unresolved pronoun is the subject: speak for it only where the quote or the report says who it is.
      if (FIRST_PERSON.has(tok.lower) && ctx.quoteSpeaker) return speakerHit(ctx, k);
      if (k > floor && (REPORTING.has(lower(doc, k - 1)) || (lower(doc, k - 1) === 'that' && REPORTING.has(lower(doc, k - 2))))) {
        return reporterOrSpeaker(ctx, lower(doc, k - 1) === 'that' ? k - 2 : k - 1, t);
      }
      return null;
    }
  }
  return null;
}

/**
 * For a comma at `closing`, the opening comma of a relative or participial phrase that ends there (", which bombed
 * …,", ", seen as a proxy for Russia,"), or null when the phrase is a plain apposition (", Igor Kalabukhov,").
 */
function parentheticalStart(ctx: ActorContext, closing: number): number | null {
  const { doc } = ctx;
  let hasVerb = false;
  for (let k = closing - 1; k >= ctx.sentenceStart && k >= closing - 15; k--) {
    const w = doc.tokens[k]!;
    if (w.lower === ',') {
      const first = doc.tokens[k + 1]!;
      return RELATIVE.has(first.lower) || hasVerb ? k : null;
    }
    if (CLAUSE_STOP.has(w.lower)) return null;
    if (w.pos === 'VERB') hasVerb = true;
  }
  return null;
}

function coordinatedBetween(doc: Doc, from: number, to: number): boolean {
  for (let k = from + 1; k < to; k++) if (doc.tokens[k]!.lower === 'and' || doc.tokens[k]!.lower === 'or') return true;
  return false;
}

/** The subject of a reporting verb at `r` ("Moscow said it will react": Moscow), when the pronoun points back. */
function reporterOrSpeaker(ctx: ActorContext, r: number, t: number): ActorHit | null {
  const { doc } = ctx;
  // Only cross the reporting verb when nothing but a pronoun and the verb group stands between it and the trigger.
  for (let k = r + 1; k < t; k++) {
    const w = doc.tokens[k]!;
    if (w.lower === 'that' || PERSONAL.has(w.lower) || isVerbGroupWord(w)) continue;
    return null;
  }
  const hit = findSubject(ctx, r, null);
  return hit ? { mention: hit.mention, via: 'reporter' } : null;
}

function speakerHit(ctx: ActorContext, k: number): ActorHit | null {
  if (!ctx.quoteSpeaker) return null;
  return {
    mention: { entityId: ctx.quoteSpeaker, type: 'PERSON', kind: 'pronoun', first: k, last: k },
    via: 'speaker',
  };
}

/**
 * "Serbia, seen as a proxy for Russia, can act": when the candidate sits in a comma-enclosed phrase right before
 * the verb and an actor stands just before the opening comma, that actor is the subject.
 */
function preferAppositionHead(ctx: ActorContext, m: TokenMention, t: number): TokenMention | null {
  const { doc, mentions } = ctx;
  let closing = -1;
  for (let k = m.last + 1; k < t; k++) if (doc.tokens[k]!.lower === ',') closing = k;
  if (closing < 0) return null;
  for (let k = m.first - 1; k >= ctx.sentenceStart && k >= m.first - 8; k--) {
    const w = doc.tokens[k]!;
    if (w.lower === ',') {
      const head = mentions.at(k - 1);
      if (head && ACTOR_TYPES.has(head.type) && !governingPreposition(doc, head, ctx.sentenceStart)) return head;
      return null;
    }
    if (CLAUSE_STOP.has(w.lower) || mentions.at(k)) return null;
  }
  return null;
}

function nearestActorLeft(ctx: ActorContext, from: number, maxDistance: number): TokenMention | null {
  for (let k = from; k >= ctx.sentenceStart && k >= from - maxDistance; k--) {
    const m = ctx.mentions.at(k);
    if (m && ACTOR_TYPES.has(m.type)) return m;
  }
  return null;
}

function isVerbGroupWord(t: Token): boolean {
  return t.pos === 'AUX' || t.pos === 'ADV' || t.pos === 'PART' || t.lower === 'not' || t.lower === "n't" ||
    t.lower === 'to' || t.lower === 'yet';
}

const TARGET_STOP = new Set([...CLAUSE_STOP, ',', 'that', 'which', 'who', 'and', 'by']);

/** The object of the trigger ending at `last`: the nearest actor after it, before the clause ends. */
export function findObject(ctx: ActorContext, last: number, maxDistance = 10): TokenMention | null {
  const { doc, mentions } = ctx;
  for (let k = last + 1; k < ctx.sentenceEnd && k <= last + maxDistance; k++) {
    const m = mentions.at(k);
    if (m) {
      const prep = governingPreposition(doc, m, last + 1);
      if (ACTOR_TYPES.has(m.type) && !(prep && (LOCATIVE.has(prep) || prep === 'by'))) return m;
      k = m.last;
      continue;
    }
    const w = doc.tokens[k]!;
    if (TARGET_STOP.has(w.lower)) return null;
    if (REPORTING.has(w.lower) || (w.pos === 'VERB' && k > last + 2 && lower(doc, k - 1) !== 'to')) return null;
  }
  return null;
}

/** Source of a nominal event: "Russia's invasion", "Russian aggression", "NATO bombing". */
export function nominalSource(ctx: ActorContext, first: number): TokenMention | null {
  const { doc, mentions } = ctx;
  for (let k = first - 1; k >= ctx.sentenceStart && k >= first - 5; k--) {
    const w = doc.tokens[k]!;
    if (w.lower === "'s" || w.lower === "'") {
      const m = mentions.at(k - 1);
      return m && ACTOR_TYPES.has(m.type) ? m : null;
    }
    const m = mentions.at(k);
    if (m) return ACTOR_TYPES.has(m.type) && m.last === k && !governingPreposition(doc, m, ctx.sentenceStart) ? m : null;
    if (!NOUN_PREMODIFIER_POS.has(w.pos) && w.lower !== '-' && w.lower !== 'and') return null;
  }
  return null;
}

/** Target of a nominal event: "invasion of Ukraine", "war on/against Ukraine", "talks with X", "aid to X". */
export function nominalTarget(ctx: ActorContext, last: number): TokenMention | null {
  const { doc, mentions } = ctx;
  const prep = lower(doc, last + 1);
  if (!['of', 'on', 'against', 'with', 'to', 'toward', 'towards', 'for', 'upon', 'from'].includes(prep)) return null;
  for (let k = last + 2; k < ctx.sentenceEnd && k <= last + 5; k++) {
    const m = mentions.at(k);
    if (m) return ACTOR_TYPES.has(m.type) ? m : null;
    if (doc.tokens[k]!.pos === 'PUNCT' || doc.tokens[k]!.pos === 'VERB' || doc.tokens[k]!.pos === 'ADP') return null;
  }
  return null;
}

/**
 * The verb whose object a nominal trigger is ("launched a full-scale invasion", "held talks"), or the clause's
 * verb when the nominal is a circumstance ("made the remarks at a news conference with X"). Returns its index.
 */
export function governingVerb(ctx: ActorContext, first: number): number | null {
  const { doc } = ctx;
  for (let k = first - 1; k >= ctx.sentenceStart && k >= first - 6; k--) {
    const w = doc.tokens[k]!;
    if (LIGHT_VERBS.has(w.lower) && w.pos === 'VERB') return k;
    if (w.pos === 'ADP' && (w.lower === 'at' || w.lower === 'during' || w.lower === 'in')) {
      // A circumstance: the clause's own verb, if there is one before it.
      for (let j = k - 1; j >= ctx.sentenceStart && j >= k - 8; j--) {
        const v = doc.tokens[j]!;
        if (v.pos === 'VERB' && !REPORTING.has(v.lower)) return j;
        if (CLAUSE_STOP.has(v.lower) || v.lower === ',') return null;
      }
      return null;
    }
    if (w.pos === 'VERB' || w.pos === 'AUX' || (w.pos === 'PUNCT' && w.lower !== '-')) return null;
  }
  return null;
}

/** Where the event happened: the nearest "in/at X" place in the sentence, after the trigger first. */
export function findLocation(ctx: ActorContext, first: number, last: number, exclude: Set<string>): TokenMention | null {
  const { doc, mentions } = ctx;
  // The clause around the trigger: up to a comma or clause break on either side.
  let from = first;
  while (from > ctx.sentenceStart && !isClauseBreak(doc.tokens[from - 1]!.lower)) from--;
  let to = last;
  while (to + 1 < ctx.sentenceEnd && to - last < 25 && !isClauseBreak(doc.tokens[to + 1]!.lower)) to++;
  let best: TokenMention | null = null;
  let bestDistance = Infinity;
  // The mentions from the clause on (the list is in token order), not the whole document's for every trigger.
  const list = mentions.list;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.first < from) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < list.length && list[k]!.first <= to; k++) {
    const m = list[k]!;
    if (m.last > to) continue;
    if (!PLACE_TYPES.has(m.type) || exclude.has(m.entityId)) continue;
    const prep = governingPreposition(doc, m, ctx.sentenceStart);
    if (!prep || !LOCATIVE.has(prep)) continue;
    const distance = m.first > last ? m.first - last : (first - m.last) * 2;
    if (distance < bestDistance) {
      best = m;
      bestDistance = distance;
    }
  }
  return best;
}

function isClauseBreak(w: string): boolean {
  return w === ',' || CLAUSE_STOP.has(w) || RELATIVE.has(w);
}

// ---------------------------------------------------------------------------------------------------------------
// From the dependency tree

/** What the tree says about a trigger's actors. */
export interface TreeActors {
  source: ActorHit | null;
  target: ActorHit | null;
  /**
   * Whether the tree names a source / target argument at all. An argument that is no actor ("the envoy") still
   * counts: its actor stays null rather than falling back to the nearest name.
   */
  sourceFound: boolean;
  targetFound: boolean;
  negated: boolean;
}

export interface TriggerSpan {
  /** Token range of the trigger, inclusive. */
  first: number;
  last: number;
  kind: 'verb' | 'predicate' | 'noun';
  /** PLOVER type: reciprocal types take the subject's conjunct as target. */
  type: string;
  /** A preposition the trigger's pattern names as marking the target ("open fire on"): its oblique comes first. */
  targetMarker?: string | null;
}

/** Prepositions that mark a verb's target: "imposed on X", "clashed with X", "sent to X", "fired at X", "withdrew from X". */
const VERB_TARGET_MARKERS = new Set(['on', 'upon', 'against', 'with', 'to', 'toward', 'towards', 'at', 'into', 'for', 'from']);
/** Event types done to a place when they name no one: measures, force and their lifting ("annexed the peninsula"). */
export const PLACE_TARGETED: ReadonlySet<string> = new Set(['COERCE', 'CONCEDE', 'SANCTION', 'THREATEN', 'ASSAULT', 'MOBILIZE', 'REJECT']);
/** Prepositions by which a noun of force or of a measure names the place it is done to: "the annexation of X". */
const PLACE_TARGET_MARKERS = new Set(['of', 'on', 'upon', 'against', 'into']);

/** The place a word names, for an act done to places: the mention at the word itself, a region or a territory. */
function placeAt(ctx: ActorContext, tree: SyntaxTree, w: number): TokenMention | null {
  const m = ctx.mentions.at(tree.word(w).token);
  return m && m.type === 'LOC' ? m : null;
}

/** Nouns for the one who acts for another ("Tarsk's arms supplier", "its main backer"): see nounActors. */
const RELATION_NOUNS = new Set(['supplier', 'backer', 'sponsor', 'patron']);
/** Event types whose "from" names where or whom the act comes from, not its target. */
const FROM_IS_ORIGIN = new Set(['AID', 'SUPPORT', 'COOPERATE', 'MOBILIZE']);
/** Prepositions that mark a noun event's target: "invasion of X", "sanctions on X", "talks with X", "aid to X". */
const NOUN_TARGET_MARKERS = new Set(['of', 'on', 'upon', 'against', 'with', 'to', 'toward', 'towards', 'for', 'into']);
/** Prepositions by which a participle on an event noun marks its target: "sanctions imposed on X", "aid sent to X". */
const PARTICIPLE_TARGET_MARKERS = new Set(['on', 'upon', 'against', 'to']);
/** Nouns of speech acts, whose "of"-phrase is the speaker ("the request of X"), not the one acted on. */
const SPEECH_ACT_NOUNS = new Set(['request', 'demand', 'appeal', 'plea', 'proposal', 'offer', 'invitation', 'ultimatum', 'call', 'statement', 'warning', 'threat']);
/** Nouns of support, whose "of"-phrase is the supporter ("the backing of X"), save in "in support of X". */
const BACKING_NOUNS = new Set(['support', 'backing', 'endorsement', 'blessing']);
/** Prepositions that mark a noun event's source: "the invasion by X", "pressure from X". */
const NOUN_SOURCE_MARKERS = new Set(['by', 'from']);
/** A noun as the circumstance of a clause: "said during talks in Belgrade" — the clause's subject took part. */
const CIRCUMSTANCE_MARKERS = new Set(['at', 'during', 'in', 'after', 'on']);
/** Verbs (lemmas) that stop what their object names: "halted deliveries", "suspended talks", "froze aid". */
export const HALTING: ReadonlySet<string> = new Set(['halt', 'suspend', 'stop', 'cut', 'freeze', 'cancel', 'terminate', 'scrap', 'end', 'discontinue', 'withhold', 'curtail']);
/** Verbs whose object noun names the event their subject carries out (lemmas; LIGHT_VERBS holds their forms). */
/** Verbs whose "in" names the event the subject takes part in: "engage in talks", "participate in the raid". */
export const PARTAKING_LEMMAS = new Set(['engage', 'participate', 'take', 'join']);

const LIGHT_LEMMAS = new Set([
  'launch', 'wage', 'conduct', 'stage', 'mount', 'start', 'begin', 'hold', 'carry', 'make', 'impose', 'issue',
  'announce', 'sign', 'grant', 'offer', 'continue', 'lead', 'complete', 'order', 'speed', 'declare', 'end', 'call',
  'resume', 'step', 'intensify', 'escalate', 'reach', 'join', 'enter', 'adopt', 'introduce', 'extend', 'maintain',
  'pursue', 'give', 'provide', 'send', 'deliver', 'host', 'organise', 'organize', 'strike', 'seal', 'conclude',
  'broker', 'approve', 'pass', 'renew', 'expand', 'tighten', 'deepen', 'level', 'lodge', 'file', 'express', 'voice',
  'commit', 'perpetrate', ...HALTING,
]);
/** Verbs whose subject undergoes the noun event: "received an endorsement from X", "faces sanctions". */
const UNDERGOING_LEMMAS = new Set(['receive', 'get', 'win', 'obtain', 'secure', 'face', 'suffer', 'endure', 'accept', 'welcome']);
/** Event types where two subjects act with each other: "X and Y reached agreement" has Y as the target. */
const RECIPROCAL = new Set(['AGREE', 'CONSULT', 'COOPERATE']);
const PERSONAL_PRONOUNS = new Set([...PERSONAL, 'us', 'them', 'you']);

/** Nouns for the bodies through which a state acts: "Serbian police", "Russian drones", "British troops". */
const STATE_ORGANS = new Set([
  'police', 'army', 'military', 'troop', 'force', 'soldier', 'government', 'authority', 'official', 'ministry',
  'navy', 'diplomat', 'prosecutor', 'court', 'parliament', 'leadership', 'delegation', 'embassy', 'intelligence',
  'guard', 'regime', 'administration', 'cabinet', 'coastguard', 'drone', 'jet', 'warplane', 'missile', 'warship',
  'artillery', 'paratrooper', 'marine', 'minister', 'envoy', 'ambassador', 'state', 'security',
]);

/** Nouns whose "of"-phrase names them: "the region of X" is X. */
const NAMED_BY_OF = new Set(['region', 'city', 'town', 'village', 'province', 'district', 'territory', 'enclave', 'island', 'republic', 'state', 'port', 'capital']);

/**
 * People a state's adjective describes without making them its agents ("Serbian protesters"), beyond the Phoenix
 * dictionary's non-state agents (isNonStateAgent): the words it lacks or gives a state role we do not read as one.
 */
const NON_STATE_PEOPLE = new Set([
  'opposition', 'opponent', 'speaker', 'nationalist', 'fan', 'oligarch', 'national', 'minority', 'family',
  'prisoner', 'captive', 'hostage', 'lawmaker', 'party', 'church', 'press', 'outlet', 'channel', 'group', 'firm',
  'bank', 'team', 'player', 'artist', 'expert', 'analyst', 'critic', 'leader', 'figure', 'spy', 'paramilitary',
  'volunteer', 'suspect',
]);

/**
 * Whether a noun modified by a state's adjective stands for the state: a state organ, or a word that is neither
 * a proper name nor a kind of people who act on their own account.
 */
function standsForState(tree: SyntaxTree, w: number): boolean {
  const lemma = tree.lemma(w);
  if (STATE_ORGANS.has(lemma)) return true;
  return tree.word(w).upos === 'NOUN' && !NON_STATE_PEOPLE.has(lemma) && !isNonStateAgent(lemma) && !isNonStateAgent(tree.lower(w));
}

/** Verbs by which protesters say what they want, and so whom they protest against. */
const DEMANDING = new Set(['demand', 'call', 'urge', 'seek', 'want']);

/**
 * "protesters demanding that he step down", "rallies calling for an end to X's rule": the actor named in what a
 * protest demands is the one it is against. Read from a participle or clause hanging on the trigger or, for a
 * verb ("marched"), on its subject.
 */
export function demandedActor(ctx: ActorContext, tree: SyntaxTree, first: number, last: number): ActorHit | null {
  const p = anchorWord(tree, first, last);
  if (p < 0) return null;
  const subject = tree.subjectOf(p);
  const holders = subject ? [p, subject.word] : [p];
  // "thousands of protesters demanding …": the clause may hang on the quantity the trigger is "of".
  const up = tree.word(p);
  if (up.head >= 0 && up.rel === 'nmod' && tree.caseOf(p) === 'of') holders.push(up.head);
  for (const h of holders) {
    for (const c of tree.children(h)) {
      const rel = tree.word(c).rel;
      if (!DEMANDING.has(tree.lemma(c)) || !(rel.startsWith('acl') || rel.startsWith('advcl') || rel === 'conj')) continue;
      for (const w of tree.subtree(c)) {
        if (w === c) continue;
        const m = actorOfWord(ctx, tree, w);
        if (m && m.type !== 'NORP') return { mention: m, via: 'object' };
      }
    }
  }
  return null;
}

/** The word that heads the trigger in the tree: among its words, the one nearest the root. -1 when none. */
export function anchorWord(tree: SyntaxTree, first: number, last: number): number {
  return tree.headOf(tree.wordsOfTokens(first, last));
}

/**
 * The actor a word stands for: the mention covering it (a flat or compound name is one mention); for a common
 * noun with none, an actor that modifies it as a name part, possessor, adjective or "of"-phrase ("Serbian police",
 * "Poland's government", "the army of Mali"). Null for a mention that is no actor, or an unresolved pronoun.
 */
export function actorOfWord(ctx: ActorContext, tree: SyntaxTree, w: number): TokenMention | null {
  if (w < 0) return null;
  const word = tree.word(w);
  const own = ctx.mentions.at(word.token);
  if (own) return ACTOR_TYPES.has(own.type) ? sharedOrgan(ctx, tree, own) : null;
  if (word.upos === 'PRON' || word.upos === 'DET' || word.upos === 'NUM') return null;
  // "the Armenian region of Nagorno-Karabakh", "the city of el-Fasher": a place noun is the place its "of" names.
  const rels = NAMED_BY_OF.has(tree.lemma(w)) ? ['appos', 'flat', 'nmod', 'compound', 'nmod:poss', 'amod'] : ['appos', 'flat', 'compound', 'nmod:poss', 'amod', 'nmod'];
  for (const rel of rels) {
    for (const c of tree.dependents(w, rel)) {
      // "demonstrators in Baghdad", "students from Kosovo": people no state acts through are coded by where they
      // are from, as CAMEO codes the place's state with their role.
      const whence = rel === 'nmod' && (isNonStateAgent(tree.lemma(w)) || NON_STATE_PEOPLE.has(tree.lemma(w))) && (tree.caseOf(c) === 'in' || tree.caseOf(c) === 'from');
      if (rel === 'nmod' && (tree.word(c).rel !== 'nmod' || (tree.caseOf(c) !== 'of' && !whence))) continue;
      if (rel === 'compound' && tree.word(c).rel !== 'compound') continue;
      // "a U.S. Navy warship" where "Navy" is no mention: the compound's own modifier names whose it is.
      const deeper = rel === 'compound' && !ctx.mentions.at(tree.word(c).token)
        ? [...tree.dependents(c, 'compound'), ...tree.dependents(c, 'amod')].find((k) => ctx.mentions.at(tree.word(k).token))
        : undefined;
      const m = ctx.mentions.at(tree.word(deeper ?? c).token);
      if (!m || !ACTOR_TYPES.has(m.type)) continue;
      // "its troops", "their borders" as an object are the actor's own; only as a subject ("its forces shelled")
      // does the possessive pronoun name who acts.
      if (rel === 'nmod:poss' && m.kind === 'pronoun' && !/^nsubj/.test(word.rel)) continue;
      // "Serbian police", "British troops", "Belarusian debt", "a Russian jet": a state organ or a thing named by
      // its state's adjective stands for the state. People outside the state ("Serbian protesters") do not.
      const state = m.type === 'NORP' && standsForState(tree, w) ? ctx.states?.get(m.entityId) : undefined;
      return state ? { ...m, entityId: state, type: 'GPE' } : m;
    }
  }
  return null;
}

/**
 * "Valmoran and Tarskian forces", "US and British troops": a demonym coordinated with another before a state
 * organ shares that organ, and stands for its state as "Azerbaijani forces" would, however the parse joined them.
 */
function sharedOrgan(ctx: ActorContext, tree: SyntaxTree, m: TokenMention): TokenMention {
  if (m.type !== 'NORP') return m;
  const tokens = ctx.doc.tokens;
  const and = m.last + 1;
  if (and >= ctx.sentenceEnd || tokens[and]!.lower !== 'and') return m;
  const other = ctx.mentions.at(and + 1);
  if (!other || other.type !== 'NORP' || other.last + 1 >= ctx.sentenceEnd) return m;
  const noun = tree.wordsOfTokens(other.last + 1, other.last + 1)[0];
  if (noun === undefined || tree.word(noun).upos !== 'NOUN' || !standsForState(tree, noun)) return m;
  const state = ctx.states?.get(m.entityId);
  return state ? { ...m, entityId: state, type: 'GPE' } : m;
}

function viaOf(via: string): Via {
  if (via === 'relative' || via === 'participle') return 'relative';
  if (via === 'coordination' || via === 'adverbial') return 'coordination';
  return 'subject';
}

/** Climbs from a predicate through xcomp and conj links to the head of its clause. */
export function clauseHead(tree: SyntaxTree, p: number): number {
  let k = p;
  for (let steps = 0; steps < 6; steps++) {
    const w = tree.word(k);
    if (w.head < 0 || !(relIs(w.rel, 'xcomp') || w.rel === 'conj')) break;
    k = w.head;
  }
  return k;
}

/**
 * The actor of a subject: its mention; for a first-person pronoun inside a quote, the speaker; for an unresolved
 * pronoun in a clause reported by a speech verb ("Moscow said it would react"), the reporter.
 */
function subjectActor(ctx: ActorContext, tree: SyntaxTree, p: number, word: number, via: Via): ActorHit | null {
  const m = actorOfWord(ctx, tree, word);
  if (m) return { mention: m, via };
  const w = tree.word(word);
  // "Monks of the Valmoran Church condemned …", "soldiers of the 4th brigade": an agent noun acts for the body
  // its "of" names, as the coding dictionaries' agents act for their state; "hundreds of Tarskians marched": a
  // number of people is the people it counts.
  if ((w.upos === 'NOUN' || w.upos === 'NUM') && (agentRole(tree.lower(word)) || QUANTITIES.has(tree.lower(word)))) {
    for (const c of tree.dependents(word, 'nmod')) {
      if (tree.caseOf(c) !== 'of') continue;
      const owner = actorOfWord(ctx, tree, c);
      if (owner) return { mention: owner, via };
    }
  }
  if (w.upos !== 'PRON' || !PERSONAL_PRONOUNS.has(tree.lower(word))) return null;
  if (FIRST_PERSON.has(tree.lower(word)) && ctx.quoteSpeaker) return speakerHit(ctx, w.token);
  const clause = clauseHead(tree, p);
  const c = tree.word(clause);
  if (c.rel !== 'ccomp' || c.head < 0 || !REPORTING.has(tree.lower(c.head))) return null;
  const reporter = tree.subjectOf(c.head);
  if (!reporter || reporter.passive) return null;
  const r = actorOfWord(ctx, tree, reporter.word);
  return r ? { mention: r, via: 'reporter' } : null;
}

/** Nouns that count or gather people: "thousands of Kurds", "a group of refugees", "members of the party". */
const QUANTITIES = new Set([
  'thousands', 'hundreds', 'dozens', 'scores', 'millions', 'tens', 'hundred', 'thousand', 'dozen', 'group', 'groups',
  'crowd', 'crowds', 'number', 'majority', 'members', 'member', 'delegation', 'contingent', 'unit', 'units',
]);

/** Prepositions that say what a phrase is about or amid, never whom its act is done to. */
const TOPIC_MARKERS = new Set(['about', 'regarding', 'concerning', 'amid', 'despite']);

/** Relations that stay inside a noun phrase ("more than 100 Palestinians" as the parser may hang it included). */
const PHRASE_RELS = ['appos', 'flat', 'compound', 'nmod', 'amod', 'obl'];

/**
 * The actor named inside the phrase an argument heads, nearest the head first: "an appeal from President X",
 * "inspectors of the IAEA", "a truce with Moslem forces", "further action against Russia". Two levels deep.
 */
export function phraseActor(ctx: ActorContext, tree: SyntaxTree, w: number, exclude: (w: number) => boolean, fromIsOrigin = false): TokenMention | null {
  const own = actorOfWord(ctx, tree, w);
  if (own || ctx.mentions.at(tree.word(w).token)) return own;
  let level = [w];
  for (let depth = 0; depth < 2 && level.length; depth++) {
    const next: number[] = [];
    for (const k of level) {
      for (const c of tree.children(k)) {
        // "closed bridges connecting X to Y", "sanctions targeting X's banks": a participle on the head is part of
        // its phrase, and its object names whom the phrase is about.
        if (!exclude(c) && relIs(tree.word(c).rel, 'acl') && (tree.word(c).xpos === 'VBG' || tree.word(c).xpos === 'VBN')) {
          for (const o of tree.objectsOf(c)) {
            const m = actorOfWord(ctx, tree, o);
            if (m) return m;
            next.push(o);
          }
          // "promised 20km of fencing sent to Tarsk", "a loan granted to Kelm": a participle's "to" or "on" names
          // whom the thing goes to or bears on.
          for (const o of tree.obliquesOf(c)) {
            if (o.marker === null || !PARTICIPLE_TARGET_MARKERS.has(o.marker) || exclude(o.word)) continue;
            const m = actorOfWord(ctx, tree, o.word);
            if (m) return m;
          }
          continue;
        }
        if (exclude(c) || !PHRASE_RELS.some((r) => relIs(tree.word(c).rel, r)) || tree.word(c).rel === 'obl:tmod') continue;
        // "talks about X's future", "sanctions amid its invasion of Y": what the act is about is not whom it is done
        // to. ("Over" stays: "control over the territory" names what is controlled.)
        const marker = tree.caseOf(c);
        if (marker !== null && TOPIC_MARKERS.has(marker)) continue;
        // "stepped in with supplies from Valmora": what is given comes from its giver, never goes to it.
        if (fromIsOrigin && marker === 'from') continue;
        // "its troops", "their war with X": the possessive pronoun is the actor's own; look past it.
        if (tree.word(c).rel === 'nmod:poss' && tree.word(c).upos === 'PRON') continue;
        const m = actorOfWord(ctx, tree, c);
        if (m) return m;
        if (!ctx.mentions.at(tree.word(c).token)) next.push(c);
      }
    }
    level = next.sort((a, b) => a - b);
  }
  return null;
}

/**
 * "sanctions on senior officials of the regime, including its spokesman, Ivo Brenk": where a plural phrase
 * names some of its members after "including", the first named is the one the act is done to (the phrase
 * itself names a kind, or only their owner). Looked for within the phrase, three levels down.
 */
function includedActor(ctx: ActorContext, tree: SyntaxTree, w: number): TokenMention | null {
  if (tree.word(w).xpos !== 'NNS') return null;
  let level = [w];
  for (let depth = 0; depth < 3 && level.length; depth++) {
    const next: number[] = [];
    for (const k of level) {
      for (const c of tree.children(k)) {
        if (tree.caseOf(c) === 'including') {
          for (const x of [c, ...tree.dependents(c, 'appos'), ...tree.conjunctsOf(c)]) {
            const m = actorOfWord(ctx, tree, x);
            if (m) return m;
          }
        } else if (relIs(tree.word(c).rel, 'nmod') || tree.word(c).rel === 'appos') next.push(c);
      }
    }
    level = next;
  }
  return null;
}

/**
 * ", which bombed …" where the parser hung the relative clause on a noun that is no actor: the actor right
 * before the relative pronoun (across its comma) is the antecedent.
 */
function besideRelative(ctx: ActorContext, tree: SyntaxTree, p: number): ActorHit | null {
  const pronoun = tree.dependent(p, 'nsubj');
  if (pronoun < 0) return null;
  let k = pronoun - 1;
  if (k >= 0 && tree.word(k).upos === 'PUNCT') k--;
  const m = k >= 0 ? actorOfWord(ctx, tree, k) : null;
  return m ? { mention: m, via: 'relative' } : null;
}

/** The first of `words` that stands for an actor, as a hit. */
function firstActor(ctx: ActorContext, tree: SyntaxTree, words: number[], via: Via): ActorHit | null {
  for (const w of words) {
    const m = actorOfWord(ctx, tree, w);
    if (m) return { mention: m, via };
  }
  return null;
}

/**
 * Source and target of the trigger from the tree: for a verb or predicate, its subject (the agent of a passive)
 * and its object or marked oblique (the patient of a passive); for a noun, its arguments or the verb that
 * governs it. Null when the trigger has no word in the tree.
 */
export function treeActors(ctx: ActorContext, tree: SyntaxTree, trigger: TriggerSpan): TreeActors | null {
  const p = anchorWord(tree, trigger.first, trigger.last);
  if (p < 0) return null;
  const inTrigger = (w: number) => tree.word(w).token >= trigger.first && tree.word(w).token <= trigger.last;
  // A verb entry the tree reads as a noun ("at the request of", "an attack on") takes a noun's arguments.
  const nominal = trigger.kind === 'noun' ? tree.word(p).upos !== 'VERB' : tree.word(p).upos === 'NOUN' && tree.word(p).rel !== 'root';
  const out: TreeActors = nominal
    ? nounActors(ctx, tree, p, inTrigger, trigger.type)
    : verbActors(ctx, tree, p, inTrigger, trigger);
  // "Serbian police clashed with protesters in Serbia": an actor reached inside the target's phrase that is the
  // source itself names a place, not a target.
  if (out.source && out.target && out.source.mention.entityId === out.target.mention.entityId && out.target.mention.first !== out.source.mention.first) out.target = null;
  // "X and Y reached agreement", "X and Y held talks": the second is the first's partner.
  if (!out.target && out.source && RECIPROCAL.has(trigger.type)) {
    const s = subjectWordOf(tree, p);
    if (s >= 0) {
      const partner = firstActor(ctx, tree, tree.conjunctsOf(s), 'coordination');
      if (partner && partner.mention.entityId !== out.source.mention.entityId) {
        out.target = partner;
        out.targetFound = true;
      }
    }
  }
  return out;
}

/** The subject word itself (before mapping to an actor), for a verb or for the verb governing a noun. */
function subjectWordOf(tree: SyntaxTree, p: number): number {
  const own = tree.subjectOf(p);
  if (own) return own.word;
  const g = tree.governorOf(p);
  return g ? tree.subjectOf(g.verb)?.word ?? -1 : -1;
}

/** Nouns for a statement or document someone issues: its participles are its issuer's acts. */
export const STATEMENT_NOUNS = new Set([
  'statement', 'declaration', 'reminder', 'communique', 'communiqué', 'announcement', 'message', 'note', 'notice',
  'comment', 'remark', 'memo', 'memorandum', 'release', 'report', 'bulletin', 'clarification', 'letter',
  'resolution', 'decree', 'order', 'appeal', 'motion',
]);

/**
 * "issued a statement condemning X", "adopted a resolution demanding …": a participle on a statement that is a
 * verb's object has that verb's subject, the issuer, for its own.
 */
function issuerOf(tree: SyntaxTree, subject: { word: number; via: string }): ReturnType<SyntaxTree['subjectOf']> {
  if (subject.via !== 'participle' || !STATEMENT_NOUNS.has(tree.lemma(subject.word)) || tree.word(subject.word).rel !== 'obj') return null;
  const issuer = tree.subjectOf(tree.word(subject.word).head);
  return issuer && !issuer.passive ? { ...issuer, via: 'participle' } : null;
}

function verbActors(ctx: ActorContext, tree: SyntaxTree, p: number, inTrigger: (w: number) => boolean, markers: TriggerSpan): TreeActors {
  const out: TreeActors = { source: null, target: null, sourceFound: false, targetFound: false, negated: tree.isNegated(p) };
  let subject = tree.subjectOf(p);
  if (subject) subject = issuerOf(tree, subject) ?? subject;
  // A subject after an event verb is a misparse ("Beijing on Tuesday accused Washington"), unless the verb reports
  // speech ("…, said X"): the token rules decide instead.
  if (subject?.via === 'own' && subject.word > p && !REPORTING.has(tree.lower(p))) subject = null;
  const passive = (subject?.passive ?? false) || tree.isPassive(p);
  if (passive) {
    const agent = tree.agentOf(p);
    if (agent >= 0) {
      out.sourceFound = true;
      const m = actorOfWord(ctx, tree, agent);
      out.source = m ? { mention: m, via: 'by-agent' } : null;
    }
    if (subject && !inTrigger(subject.word)) {
      out.targetFound = true;
      out.target = subjectActor(ctx, tree, p, subject.word, viaOf(subject.via));
    }
  } else if (subject && !inTrigger(subject.word)) {
    out.sourceFound = true;
    out.source = subjectActor(ctx, tree, p, subject.word, viaOf(subject.via)) ??
      (subject.via === 'relative' ? besideRelative(ctx, tree, p) : null);
  }
  if (!out.target) {
    // The trigger's own prepositions mark its target: "arrived in X", "called on X", "protest at X".
    const own = new Set(tree.wordsOfTokens(markers.first, markers.last).filter((w) => tree.word(w).upos === 'ADP').map((w) => tree.lower(w)));
    if (markers.targetMarker) own.add(markers.targetMarker);
    // A passive's "with" is its instrument ("were poisoned with a nerve agent"), never whom it is done to.
    // "helped out with grain from Valmora", "sent troops from Kosovo": giving and sending come from a place or a
    // giver, never at it.
    const origin = (o: Oblique) => o.marker === 'from' && FROM_IS_ORIGIN.has(markers.type) && !own.has('from');
    const marked = (o: Oblique) => o.marker !== null && (VERB_TARGET_MARKERS.has(o.marker) || own.has(o.marker)) && !(passive && (o.marker === 'by' || o.marker === 'with')) && !origin(o);
    const argumentsOf = (h: number): number[] => {
      const objects = tree.objectsOf(h).filter((o) => !inTrigger(o));
      // A trigger that spans its object noun ("imposed sanctions on X") reads the obliques of that noun too.
      const spanned = tree.objectsOf(h).filter(inTrigger);
      const obliques = [
        ...tree.obliquesOf(h).filter((o) => !inTrigger(o.word) && marked(o)),
        ...spanned.flatMap((k) => tree.obliquesOf(k)).filter((o) => !inTrigger(o.word) && o.marker !== null && NOUN_TARGET_MARKERS.has(o.marker)),
      ].sort((a, b) => Number(b.marker === markers.targetMarker) - Number(a.marker === markers.targetMarker) || a.word - b.word).map((o) => o.word);
      // A spanned object's owner is the one it is done to: "breached Poland's airspace", "restructure Belarusian
      // debt" (actorOfWord reads the object's possessor and state adjective, inside the trigger's span, since the
      // pattern's wildcard covers them); after the obliques, so "closed its border with Belarus" stays Belarus.
      // Only an owner that is an actor counts as a found target (see below), so the token rules still run after
      // a spanned object that names no one.
      const owners = spanned.filter((k) => phraseActor(ctx, tree, k, inTrigger) !== null);
      // The pattern's own target preposition comes before the object: "sent police to Belarus".
      if (markers.targetMarker && obliques.length && tree.caseOf(obliques[0]!) === markers.targetMarker) return [...obliques, ...objects, ...owners];
      return [...objects, ...obliques, ...owners];
    };
    // "offered to negotiate with X", "threatened to break relations with X": then the complement's arguments.
    const args = [...argumentsOf(p), ...tree.dependents(p, 'xcomp').flatMap(argumentsOf)];
    if (args.length) out.targetFound = true;
    for (const a of args) {
      const m = includedActor(ctx, tree, a) ?? phraseActor(ctx, tree, a, inTrigger, FROM_IS_ORIGIN.has(markers.type));
      // "closed its border": the source's own thing names no target.
      if (m && m.entityId === out.source?.mention.entityId) continue;
      if (m) {
        out.target = { mention: m, via: 'object' };
        break;
      }
    }
    // "annexed the peninsula", "shelled the Donbas": a force or a measure done to a place no state is named for.
    if (!out.target && PLACE_TARGETED.has(markers.type)) {
      const place = args.map((a) => placeAt(ctx, tree, a)).find((m) => m !== null);
      if (place) out.target = { mention: place, via: 'object' };
    }
  }
  between(ctx, tree, p, out);
  return out;
}

/** "talks between X and Y": X the source, Y the target, where the tree named neither. */
function between(ctx: ActorContext, tree: SyntaxTree, p: number, out: TreeActors): void {
  if (out.source && out.target) return;
  // The parser may hang the "between" phrase on a time or place before it ("erupted on Sunday between …").
  // Only a time or a place: "since the accord between X and Y" is the accord's.
  const nested = tree.children(p).filter((c) => TIME_OR_PLACE.test(tree.lower(c)) || isPlaceWord(ctx, tree, c))
    .flatMap((c) => tree.dependents(c, 'nmod')).map((w) => ({ word: w, marker: tree.caseOf(w) }));
  for (const o of [...tree.obliquesOf(p), ...nested]) {
    if (o.marker !== 'between') continue;
    const first = actorOfWord(ctx, tree, o.word);
    const second = firstActor(ctx, tree, tree.conjunctsOf(o.word), 'object') ?? (first ? afterAnd(ctx, first) : null);
    if (!out.source && first) {
      out.source = { mention: first, via: 'object' };
      out.sourceFound = true;
      if (!out.target && second) out.target = second;
    } else if (!out.target && first) {
      out.target = { mention: first, via: 'object' };
    }
    if (out.target) out.targetFound = true;
    return;
  }
}

const TIME_OR_PLACE = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|day|night|morning|afternoon|evening|weekend|week|month|year)s?$/;

function isPlaceWord(ctx: ActorContext, tree: SyntaxTree, w: number): boolean {
  const m = ctx.mentions.at(tree.word(w).token);
  return m !== undefined && PLACE_TYPES.has(m.type);
}

/** "between Valmoran and Tarskian troops", where the parse lost the conjunct: the actor right after the "and". */
function afterAnd(ctx: ActorContext, first: TokenMention): ActorHit | null {
  const and = first.last + 1;
  if (and >= ctx.sentenceEnd || ctx.doc.tokens[and]!.lower !== 'and') return null;
  const m = findObject(ctx, and, 4);
  return m && m.entityId !== first.entityId ? { mention: m, via: 'object' } : null;
}

function nounActors(ctx: ActorContext, tree: SyntaxTree, n: number, inTrigger: (w: number) => boolean, type: string): TreeActors {
  const out: TreeActors = { source: null, target: null, sourceFound: false, targetFound: false, negated: tree.negatedHere(n) };
  const possessor = tree.possessorOf(n);
  // "Valmora is Tarsk's largest arms supplier", "Ruritania, Borduria's firmest backer": a noun for the one who
  // acts is said of its copula's subject or of the noun it stands beside, and its possessor is whom it acts for.
  if (RELATION_NOUNS.has(tree.lemma(n))) {
    if (possessor >= 0) {
      out.targetFound = true;
      const m = actorOfWord(ctx, tree, possessor);
      if (m) out.target = { mention: m, via: 'possessive' };
    }
    const w = tree.word(n);
    const holder = tree.dependent(n, 'cop') >= 0 ? tree.dependent(n, 'nsubj') : w.rel === 'appos' ? w.head : -1;
    if (holder >= 0) {
      out.sourceFound = true;
      const m = actorOfWord(ctx, tree, holder);
      if (m) out.source = { mention: m, via: 'subject' };
    }
    return out;
  }
  if (possessor >= 0) {
    out.sourceFound = true;
    const m = actorOfWord(ctx, tree, possessor);
    if (m) out.source = { mention: m, via: 'possessive' };
  }
  for (const o of tree.obliquesOf(n)) {
    if (inTrigger(o.word) || o.marker === null) continue;
    // "withdrawal from the town of X" names where from, not who.
    if (o.marker === 'from' && NAMED_BY_OF.has(tree.lemma(o.word))) continue;
    // "at the request of Valmora", "the demands of the strikers": a speech act's "of" names who makes it.
    // "the backing of most parties", "the support of the US": a supporter's "of", except "in support of X".
    const backer = o.marker === 'of' && BACKING_NOUNS.has(tree.lemma(n)) && tree.caseOf(n) !== 'in';
    const agentive = NOUN_SOURCE_MARKERS.has(o.marker) || (o.marker === 'of' && SPEECH_ACT_NOUNS.has(tree.lemma(n))) || backer;
    if (agentive && !out.source) {
      out.sourceFound = true;
      const m = actorOfWord(ctx, tree, o.word);
      if (m) out.source = { mention: m, via: 'by-agent' };
    } else if (NOUN_TARGET_MARKERS.has(o.marker) && !out.target) {
      out.targetFound = true;
      const m = actorOfWord(ctx, tree, o.word) ?? (PLACE_TARGETED.has(type) && PLACE_TARGET_MARKERS.has(o.marker) ? placeAt(ctx, tree, o.word) : null);
      if (m) out.target = { mention: m, via: 'object' };
    }
  }
  // "the sanctions package imposed on Moscow", "aid sent to Ukraine": a participle on the noun (or on the noun it
  // is a compound of) marks the target with its preposition.
  if (!out.target) {
    const heads = [n, ...(tree.word(n).rel === 'compound' && tree.word(n).head >= 0 ? [tree.word(n).head] : [])];
    const participles = heads.flatMap((h) => tree.dependents(h, 'acl')).filter((a) => tree.word(a).xpos === 'VBN');
    const marked = participles.flatMap((a) => tree.obliquesOf(a)).filter((o) => o.marker !== null && PARTICIPLE_TARGET_MARKERS.has(o.marker));
    if (marked.length) {
      out.targetFound = true;
      out.target = firstActor(ctx, tree, marked.map((o) => o.word), 'object');
    }
  }
  // "Russian aggression", "NATO bombing", "US and UK sanctions": an actor modifying the noun is its source.
  if (!out.source) {
    const modifiers = [...tree.dependents(n, 'amod'), ...tree.dependents(n, 'compound')].filter((w) => !inTrigger(w)).sort((a, b) => a - b);
    const hit = firstActor(ctx, tree, modifiers, 'possessive');
    if (hit) {
      out.source = hit;
      out.sourceFound = true;
    }
  }
  between(ctx, tree, n, out);
  const g = tree.governorOf(n);
  if (!g) return out;
  // "Clashes broke out between X and Y", "fighting erupted between …": an event noun that is its verb's subject
  // takes the verb's "between".
  if (g.rel === 'nsubj' || g.rel === 'nsubj:pass') between(ctx, tree, g.verb, out);
  const v = g.verb;
  const lemma = tree.lemma(v);
  const light = LIGHT_LEMMAS.has(lemma) || LIGHT_VERBS.has(tree.lower(v));
  const undergoing = UNDERGOING_LEMMAS.has(lemma);
  const object = g.rel === 'obj' || g.rel === 'iobj';
  const subject = tree.subjectOf(v);
  const passive = (subject?.passive ?? false) || tree.isPassive(v);
  if (object && undergoing) {
    // "received an endorsement from X": the subject is the one the event is done to, "from X" its source.
    if (!out.target && subject && !passive) {
      out.targetFound = true;
      out.target = subjectActor(ctx, tree, v, subject.word, viaOf(subject.via));
    }
    if (!out.source) {
      const from = tree.obliquesOf(v).filter((o) => o.marker === 'from' || o.marker === 'by').map((o) => o.word);
      if (from.length) out.sourceFound = true;
      out.source = firstActor(ctx, tree, from, 'by-agent');
    }
    return out;
  }
  // "She is still under EU sanctions", "the city came under attack": whoever is under the event undergoes it. (The
  // parser may hang "under" on the noun's first modifier: "under both EU and Swiss sanctions".)
  const under = g.marker === 'under' || tree.children(n).some((c) => (tree.word(c).rel === 'compound' || relIs(tree.word(c).rel, 'nmod')) && c < n && tree.caseOf(c) === 'under');
  if (under && (relIs(g.rel, 'obl') || g.rel === 'obj') && subject && !passive) {
    if (!out.target) {
      out.targetFound = true;
      out.target = subjectActor(ctx, tree, v, subject.word, viaOf(subject.via));
    }
    return out;
  }
  // "Mr X has been rattled by protests", "the town was hit by air strikes": the event is the passive's agent, and
  // the passive's subject the one it is done to.
  if (relIs(g.rel, 'obl') && g.marker === 'by' && passive && tree.word(n).head === v) {
    if (!out.target && subject) {
      out.targetFound = true;
      out.target = subjectActor(ctx, tree, v, subject.word, viaOf(subject.via));
    }
    return out;
  }
  // Only a meeting has the clause's subject taking part: "said after talks with X" (the speaker talked), but not
  // "will seek backing after weeks of protests" (the protests were against him).
  const circumstance = relIs(g.rel, 'obl') && g.marker !== null && CIRCUMSTANCE_MARKERS.has(g.marker) && RECIPROCAL.has(type);
  // "engaged in talks with X", "took part in the attack": taking part in the event is doing it.
  const partaking = relIs(g.rel, 'obl') && g.marker === 'in' && PARTAKING_LEMMAS.has(lemma);
  // "Valmora cut off gas deliveries to Tarsk": who halts an act of aid is who the halting (a sanction) is by.
  const halting = object && HALTING.has(lemma);
  const carried = (object && (light || halting)) || (g.rel === 'nsubj:pass' && light) || partaking;
  if (!carried && !circumstance) return out;
  if (carried) out.negated = out.negated || tree.isNegated(v);
  if (!out.source) {
    if (passive) {
      const agent = tree.agentOf(v);
      if (agent >= 0) {
        out.sourceFound = true;
        const m = actorOfWord(ctx, tree, agent);
        if (m) out.source = { mention: m, via: 'by-agent' };
      }
    } else if (subject) {
      out.sourceFound = true;
      out.source = subjectActor(ctx, tree, v, subject.word, viaOf(subject.via));
    }
  }
  if (!out.target && carried) {
    // "imposed sanctions on X", "gave Ukraine aid", "held talks with X".
    const args = [
      ...tree.dependents(v, 'iobj'),
      ...tree.obliquesOf(v).filter((o) => o.marker !== null && NOUN_TARGET_MARKERS.has(o.marker)).map((o) => o.word),
    ].filter((w) => w !== n && !inTrigger(w)).sort((a, b) => a - b);
    if (args.length) out.targetFound = true;
    out.target = firstActor(ctx, tree, args, 'object');
  }
  return out;
}
