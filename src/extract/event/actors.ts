/**
 * Source, target and location of an event, by a syntactic approximation without a parser. The subject is the
 * nearest actor to the left of the trigger within its clause (appositions and prepositional phrases skipped,
 * relative pronouns resolved to their antecedent, passives turned round); the object is the nearest actor after
 * it. Nominal events read "X's invasion of Y", "the invasion of Y by X", "Russian aggression". When the evidence is
 * unclear the actor stays null: no actor is better than a wrong one.
 */
import type { Doc, Token } from '../../nlp/doc.js';
import { ACTOR_TYPES, PLACE_TYPES, type MentionIndex, type TokenMention } from './mentions.js';

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
  while (k >= floor && doc.tokens[k]!.pos === 'DET') k--;
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
  for (const m of mentions.list) {
    if (m.first < from || m.last > to) continue;
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
