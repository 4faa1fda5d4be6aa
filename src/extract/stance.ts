/**
 * Stances: for each actor, its position toward NATO membership, EU membership, NATO, Russia and the EU — support,
 * oppose or neutral — with the sentence as evidence. Two sources: wording cues (the CUES table below: "aspires to
 * join", "military neutrality", "sanctions against Russia") and the coded events (a sanction or a condemnation aimed
 * at Russia is opposition to it). The holder is the actor the sentence attributes the stance to: the quote's
 * speaker inside a quote, else the possessor ("Serbia's neutrality", "the neutrality of Serbia"), else the subject.
 * A stance names its object in full: a membership is someone's ("Republika Srpska rejects membership of Bosnia in
 * NATO" is about Bosnia's membership, not Republika Srpska's), read by `memberOf`.
 */
import { MEMBERSHIP_TOPICS, type Entity, type EventRecord, type KnowledgeBase, type Polarity, type Quote, type Stance, type StanceTopic, type TimeExpression } from '../model/types.js';
import { normalizeName } from '../nlp/fold.js';
import type { Doc } from '../nlp/doc.js';
import type { Extractor } from './pipeline.js';
import { findSubject, type ActorContext } from './event/actors.js';
import { ACTOR_TYPES, MentionIndex, type TokenMention } from './event/mentions.js';

/** A wording cue: a pattern over the folded, lower-cased sentence; `topic: 'object'` reads the topic from nearby words. */
interface Cue {
  pattern: RegExp;
  topic: StanceTopic | 'membership';
  polarity: Polarity;
  /** Polarity when the cue is negated ("does not want to join", "has not issued sanctions"). */
  negated: Polarity | null;
  /** A noun phrase whose holder may follow it: "the military neutrality of Serbia". */
  ofHolder?: boolean;
  /** The holder is named inside the cue: "9 out of 10 Serbs reject". */
  innerHolder?: boolean;
}

const CUES: Cue[] = [
  { pattern: /\b(?:reject|rejects|rejected|rejecting|oppose|opposes|opposed|opposing|opposition to|against|protest|protests|protested|protesting)\b[^.;]{0,40}\b(?:membership|accession|(?:nato|eu) bid)\b/, topic: 'membership', polarity: 'oppose', negated: null },
  { pattern: /\b(?:\d+ out of \d+|majority of|most) [a-z]+ (?:reject|rejects|oppose|opposes)\b/, topic: 'membership', polarity: 'oppose', negated: null, innerHolder: true },
  { pattern: /\bmilitary neutrality\b|\bmilitarily neutral\b/, topic: 'NATO membership', polarity: 'neutral', negated: null, ofHolder: true },
  { pattern: /\b(?:aspires?|aspired|aspiring|wants?|wanted|aims?|aimed|seeks?|sought|hopes?|hoped|desire|goal|bid|determined|decided|ready) to (?:join|become a member)\b/, topic: 'membership', polarity: 'support', negated: 'oppose' },
  { pattern: /\b(?:call|calls|called|calling|push|pushes|pushing|apply|applies|applied|applying|application|request|requested) for (?:accelerated |full |nato |eu |its )*membership\b/, topic: 'membership', polarity: 'support', negated: 'oppose' },
  { pattern: /\brequested (?:accelerated |full )?(?:nato|eu) membership\b/, topic: 'membership', polarity: 'support', negated: 'oppose' },
  { pattern: /\baspiring member\b|\baspirant\b/, topic: 'membership', polarity: 'support', negated: 'oppose' },
  { pattern: /\bmembership (?:is|was|would be|will be|remains) (?:essential|a priority|a strategic goal|our goal)|\bindispensable membership\b|\bhow indispensable membership\b/, topic: 'membership', polarity: 'support', negated: null },
  { pattern: /\beuro-atlantic (?:path|integration|future|aspirations|course)\b|\bnato path\b/, topic: 'NATO membership', polarity: 'support', negated: 'oppose', ofHolder: true },
  { pattern: /\b(?:eu|european) (?:path|integration|perspective|future|course)\b|\bjoin(?:ing)? the (?:eu|european union)\b/, topic: 'EU membership', polarity: 'support', negated: 'oppose' },
  // Someone else's joining: "called for Ukraine to join NATO", "backs Bosnia's membership", "opposes Ukraine joining".
  { pattern: /\b(?:call|calls|called|calling|urge|urges|urged|urging|want|wants|wanted|support|supports|supported|supporting|back|backs|backed|backing|welcome|welcomes|welcomed|endorse|endorses|endorsed)\b[^.;]{0,40}\b(?:to join|joining|membership)\b/, topic: 'membership', polarity: 'support', negated: 'oppose' },
  { pattern: /\b(?:reject|rejects|rejected|rejecting|oppose|opposes|opposed|opposing|against|block|blocks|blocked|blocking|veto|vetoes|vetoed)\b[^.;]{0,40}\b(?:joining|accession|to join)\b/, topic: 'membership', polarity: 'oppose', negated: null },
  { pattern: /\bsanctions? (?:against|on) (?:russia|moscow)\b/, topic: 'Russia', polarity: 'oppose', negated: 'neutral' },
  { pattern: /\bsolidarity with (?:putin|russia|moscow|the kremlin)\b/, topic: 'Russia', polarity: 'support', negated: null },
  { pattern: /\bclose (?:ties|relations|links) with (?:russia|moscow)\b/, topic: 'Russia', polarity: 'support', negated: null },
  { pattern: /\b(?:regards?|considers?|sees?) (?:nato|the alliance) as (?:its |an? )?.?enemy\b/, topic: 'NATO', polarity: 'oppose', negated: null },
  { pattern: /\bcondemns?\b[^.;]{0,30}\b(?:russia|moscow)'s\b/, topic: 'Russia', polarity: 'oppose', negated: null },
];

const NEGATION = /\b(?:not|n't|never|refuses?|refused|declines?|declined|yet to|no longer|without)\b[^.;,]{0,30}$/;

export const extractStances: Extractor<'stances'> = (doc, ctx, prior) => {
  const entities = prior.entities ?? [];
  const mentions = new MentionIndex(doc, entities);
  const topics = topicEntities(entities, ctx.kb);
  const out: Stance[] = [];
  const seen = new Set<string>();
  const names = new Map(entities.map((e) => [e.id, e.name]));
  const add = (s: Stance) => {
    const key = `${s.holder}|${s.topic}|${s.object ?? ''}|${s.polarity}|${s.evidence.start}`;
    if (seen.has(key) || topics.get(s.holder) === s.topic) return;
    seen.add(key);
    out.push({ ...s, object: s.object ?? null, label: stanceLabel(s.topic, s.object ? names.get(s.object) ?? null : null) });
  };
  const cued = cueStances(doc, mentions, prior.quotes ?? [], prior.times ?? [], ctx.date, entities, topics);
  for (const s of cued) add(s);
  // "Moscow opposes Bosnia's NATO membership" is also a REJECT aimed at NATO: one claim, about the membership, which
  // the cue reads better than the event ("Russia's opposition to Ukraine's NATO membership" has Ukraine oppose NATO).
  const onJoining = new Set(cued.filter((s) => isMembership(s.topic)).map((s) => s.evidence.start));
  for (const s of eventStances(prior.events ?? [], topics, prior.times ?? [], ctx.date)) {
    if ((s.topic === 'NATO' || s.topic === 'EU') && onJoining.has(s.evidence.start)) continue;
    add(s);
  }
  return out;
};

const isMembership = (topic: string) => (MEMBERSHIP_TOPICS as readonly string[]).includes(topic);

/** A stance's object in words: "Bosnia and Herzegovina's NATO membership"; an actor topic is its own name. */
export function stanceLabel(topic: string, objectName: string | null): string {
  if (!objectName || !isMembership(topic)) return topic;
  return `${objectName}${/s$/i.test(objectName) ? "'" : "'s"} ${topic}`;
}

/** Stances read from the wording cues. */
// One pass over a sentence tells whether any cue can match; most sentences have none.
const ANY_CUE = new RegExp(CUES.map((c) => `(?:${c.pattern.source})`).join('|'));

export function cueStances(
  doc: Doc,
  mentions: MentionIndex,
  quotes: readonly Quote[],
  times: readonly TimeExpression[],
  docDate: string | null,
  entities: readonly Entity[] = [],
  topics: Map<string, StanceTopic> = new Map(),
): Stance[] {
  const out: Stance[] = [];
  const byId = new Map(entities.map((e) => [e.id, e]));
  const folded = doc.shadow.toLowerCase();
  doc.sentences.forEach((sentence) => {
    const text = folded.slice(sentence.start, sentence.end);
    if (!ANY_CUE.test(text)) return;
    const found: Stance[] = [];
    for (const cue of CUES) {
      const m = cue.pattern.exec(text);
      if (!m) continue;
      const at = sentence.start + m.index;
      const negated = NEGATION.test(text.slice(0, m.index));
      const polarity = negated ? cue.negated : cue.polarity;
      if (!polarity) continue;
      const topic = cue.topic === 'membership' ? membershipTopic(text) : cue.topic;
      const ctx: ActorContext = {
        doc, mentions, sentenceStart: sentence.tokenStart, sentenceEnd: sentence.tokenEnd,
        quoteSpeaker: quoteAt(quotes, at)?.speaker ?? null,
      };
      const last = doc.tokenIndexAt(sentence.start + m.index + m[0].length - 1);
      const inner = cue.innerHolder ? firstActorAfter(mentions, doc.tokenIndexAt(at), last + 1) : null;
      const holder = inner?.entityId ?? holderOf(ctx, doc.tokenIndexAt(at), cue.ofHolder ? last : null);
      if (!holder) continue;
      const object = isMembership(topic)
        ? memberOf(doc, mentions, sentence, topics, byId, holder)
        : topicActorIn(mentions, sentence, topics, topic);
      // The sentence's time dates the stance only when it stands before the cue ("In 2017, Serbia declared …").
      const before = { start: sentence.start, end: at };
      found.push({ holder, topic, polarity, object, evidence: { start: sentence.start, end: sentence.end }, date: sentenceDate(times, before) ?? docDate });
    }
    // "Serbia backs Kosovo joining the EU": Kosovo is what Serbia's stance is about, not a second holder that the
    // shorter cue ("joining the EU") reads as its subject.
    const others = new Set(found.filter((s) => s.object && s.object !== s.holder).map((s) => `${s.object}|${s.topic}|${s.polarity}`));
    out.push(...found.filter((s) => !(s.object === s.holder && others.has(`${s.holder}|${s.topic}|${s.polarity}`))));
  });
  return out;
}

/** "membership" alone: NATO's, unless the sentence speaks of the EU and not NATO. */
function membershipTopic(sentence: string): StanceTopic {
  const eu = /\b(?:eu|european union)\b/.test(sentence);
  const nato = /\b(?:nato|alliance|north atlantic)\b/.test(sentence);
  return eu && !nato ? 'EU membership' : 'NATO membership';
}

/** Words that carry someone's joining: "Bosnia's membership", "the accession of Montenegro", "Ukraine's bid". */
const JOINING_NOUNS = new Set(['membership', 'accession', 'bid', 'candidacy', 'aspirations', 'aspiration', 'integration', 'path', 'entry', 'neutrality']);
/** Words between a possessor and its joining noun: "Bosnia's eventual NATO membership". */
const BEFORE_NOUN = new Set(['nato', 'eu', 'european', 'union', 'euro-atlantic', 'euro', '-', 'atlantic', 'full', 'future', 'eventual', 'potential', 'accelerated', 'military', 'alliance', 'membership']);

/**
 * Whose membership a stance is about. Said in the sentence: the possessor of the joining noun ("Bosnia's NATO
 * membership"), its `of` ("membership of Bosnia in NATO"), or the one to join ("called for Ukraine to join",
 * "opposes Ukraine joining"). Else the holder's own: a state's ("Kosovo aspires to join"), or the state a person
 * or organ acts for. Only a state (GPE) can join; a name of NATO or the EU is never the member.
 */
function memberOf(
  doc: Doc, mentions: MentionIndex, sentence: { tokenStart: number; tokenEnd: number },
  topics: Map<string, StanceTopic>, entities: Map<string, Entity>, holder: string,
): string | null {
  const state = (k: number): string | null => {
    const m = k >= sentence.tokenStart && k < sentence.tokenEnd ? mentions.at(k) : undefined;
    return m && m.type === 'GPE' && !topics.has(m.entityId) ? m.entityId : null;
  };
  const lower = (k: number) => doc.tokens[k]?.lower ?? '';
  for (let k = sentence.tokenStart; k < sentence.tokenEnd; k++) {
    const w = lower(k);
    if (JOINING_NOUNS.has(w)) {
      let j = k - 1;
      while (j > sentence.tokenStart && BEFORE_NOUN.has(lower(j))) j--;
      if ((lower(j) === "'s" || lower(j) === "'") && state(j - 1)) return state(j - 1);
      if (lower(k + 1) === 'of') {
        for (let i = k + 2; i <= k + 4; i++) if (state(i)) return state(i);
      }
    } else if (w === 'joining' || (w === 'join' && lower(k - 1) === 'to')) {
      const at = w === 'joining' ? k - 1 : k - 2;
      // "Ukraine's joining", "for Ukraine to join": the last word of the name stands right before.
      const before = lower(at) === "'s" ? at - 1 : at;
      if (state(before)) return state(before);
    }
  }
  const h = entities.get(holder);
  if (h?.type === 'GPE' && !topics.has(holder)) return holder;
  const actsFor = h?.actsFor?.state;
  return actsFor && entities.get(actsFor)?.type === 'GPE' ? actsFor : null;
}

/** The topic's actor as the sentence names it (Russia in "sanctions against Moscow"), for an actor topic. */
function topicActorIn(mentions: MentionIndex, sentence: { tokenStart: number; tokenEnd: number }, topics: Map<string, StanceTopic>, topic: StanceTopic): string | null {
  for (let k = sentence.tokenStart; k < sentence.tokenEnd; k++) {
    const m = mentions.at(k);
    if (m && topics.get(m.entityId) === topic) return m.entityId;
  }
  return null;
}

/** Who holds the stance whose cue spans tokens first..last. */
function holderOf(ctx: ActorContext, first: number, last: number | null): string | null {
  const { doc, mentions } = ctx;
  // "Serbia's (position on) military neutrality", a few words before the cue.
  for (let k = first - 1; k >= ctx.sentenceStart && k >= first - 6; k--) {
    const w = doc.tokens[k]!.lower;
    if (w === "'s" || w === "'") {
      const m = mentions.at(k - 1);
      if (m && ACTOR_TYPES.has(m.type)) return m.entityId;
    }
    if (doc.tokens[k]!.pos === 'VERB' || w === ',') break;
  }
  // "the military neutrality of Serbia"
  if (last !== null && doc.tokens[last + 1]?.lower === 'of') {
    const m = firstActorAfter(mentions, last + 2, Math.min(ctx.sentenceEnd, last + 5));
    if (m) return m.entityId;
  }
  const subject = findSubject(ctx, first, null);
  if (subject) return subject.mention.entityId;
  if (ctx.quoteSpeaker) return ctx.quoteSpeaker;
  // An unresolved "it"/"they" subject: the sentence's first actor, when it opens the sentence's main clause.
  const opening = firstActorAfter(mentions, ctx.sentenceStart, Math.min(first, ctx.sentenceStart + 3));
  return opening?.entityId ?? null;
}

function firstActorAfter(mentions: MentionIndex, from: number, to: number): TokenMention | null {
  for (let k = from; k < to; k++) {
    const m = mentions.at(k);
    if (m && ACTOR_TYPES.has(m.type)) return m;
  }
  return null;
}

/** Event types that show a side taken toward their target. */
const EVENT_POLARITY: Partial<Record<string, Polarity>> = {
  ACCUSE: 'oppose', SANCTION: 'oppose', THREATEN: 'oppose', REJECT: 'oppose', COERCE: 'oppose', ASSAULT: 'oppose',
  SUPPORT: 'support', AID: 'support', COOPERATE: 'support', AGREE: 'support',
};

/** Stances read from events aimed at a topic actor: sanctions on Russia, joining NATO, praise for the EU. */
export function eventStances(
  events: readonly EventRecord[],
  topics: Map<string, StanceTopic>,
  times: readonly TimeExpression[],
  docDate: string | null,
): Stance[] {
  const out: Stance[] = [];
  for (const e of events) {
    if (!e.source || !e.target || e.modality === 'hypothetical') continue;
    let topic = topics.get(e.target);
    if (!topic) continue;
    let polarity = EVENT_POLARITY[e.type];
    if (!polarity) continue;
    if (e.negated) {
      if (e.type !== 'SANCTION') continue;
      polarity = 'neutral';
    }
    // Joining (or wanting to join) NATO or the EU is a stance on the joiner's membership, not only on the alliance.
    let object: string | null = e.target;
    if ((topic === 'NATO' || topic === 'EU') && (e.type === 'COOPERATE' || e.type === 'REQUEST') && /join|member|appl/i.test(e.trigger.text)) {
      topic = topic === 'NATO' ? 'NATO membership' : 'EU membership';
      object = e.source;
    }
    const date = e.date?.value ?? sentenceDate(times, e.sentence) ?? docDate;
    out.push({ holder: e.source, topic, polarity, object, evidence: { ...e.sentence }, date });
  }
  return out;
}

const TOPIC_NAMES: [StanceTopic, string[]][] = [
  ['NATO', ['nato', 'north atlantic treaty organization', 'north atlantic treaty organisation', 'north atlantic alliance']],
  ['Russia', ['russia', 'russian federation', 'kremlin']],
  ['EU', ['eu', 'european union']],
];

/** Entity id → the topic it stands for: NATO, the EU, Russia (and Russia's office holders and organs). */
export function topicEntities(entities: readonly Entity[], kb: KnowledgeBase): Map<string, StanceTopic> {
  const russiaIds = russiaIdsOf(kb);
  const map = new Map<string, StanceTopic>();
  for (const e of entities) {
    const names = [e.name, ...e.aliases].map(normalizeName);
    // (normalizeName is memoised, so the KB's aliases are folded once per process, not once per document.)
    for (const [topic, known] of TOPIC_NAMES) if (names.some((n) => known.includes(n))) map.set(e.id, topic);
    if (map.has(e.id) || !e.kbId) continue;
    const entry = kb.byId.get(e.kbId);
    if (!entry) continue;
    if (TOPIC_NAMES.some(([, known]) => known.includes(normalizeName(entry.name)))) continue;
    // Putin, the Kremlin's ministers, Russian state organs speak for Russia.
    if ((entry.country && russiaIds.has(entry.country)) || entry.roles?.some((r) => russiaIds.has(r.of) && !r.to)) {
      if (entry.type === 'PERSON' || entry.type === 'ORG') map.set(e.id, 'Russia');
    }
  }
  return map;
}

const russiaCache = new WeakMap<KnowledgeBase, Set<string>>();

/** KB ids of Russia itself, computed once per knowledge base. */
function russiaIdsOf(kb: KnowledgeBase): Set<string> {
  let ids = russiaCache.get(kb);
  if (!ids) {
    ids = new Set(kb.entries.filter((e) => TOPIC_NAMES[1]![1].includes(normalizeName(e.name))).map((e) => e.id));
    russiaCache.set(kb, ids);
  }
  return ids;
}

function quoteAt(quotes: readonly Quote[], offset: number): Quote | null {
  for (const q of quotes) if (q.start <= offset && offset < q.end) return q;
  return null;
}

function sentenceDate(times: readonly TimeExpression[], sentence: { start: number; end: number }): string | null {
  for (const t of times) {
    if (t.start >= sentence.start && t.end <= sentence.end && t.value && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(t.value)) return t.value;
  }
  return null;
}
