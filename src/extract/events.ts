/**
 * PLOVER-coded events: for each sentence, the lexicon's triggers (data/plover-lexicon.yaml), each with a source
 * and target actor, a location, the sentence's own date, negation, modality and a confidence built from how the
 * actors were found. Reads the entities, times and quotes layers; writes only its own.
 */
import type { Entity, EventRecord, KnowledgeBase, Quote, TimeExpression } from '../model/types.js';
import { demonymIndex } from './actors/roles.js';
import { withAgents } from './actors/agents.js';
import { aliasWords } from '../kb/matcher.js';
import type { Doc, Token } from '../nlp/doc.js';
import type { Extractor } from './pipeline.js';
import {
  HALTING, PARTAKING_LEMMAS, REPORTING, actorOfWord, anchorWord, byAgent, demandedActor, findLocation, findObject, findSubject, governingVerb, isPassive, nominalSource, nominalTarget,
  PLACE_TARGETED, STATEMENT_NOUNS, treeActors, type ActorContext, type ActorHit,
} from './event/actors.js';
import { relIs, sentenceTree, type SyntaxTree } from '../nlp/syntax/tree.js';
import { defaultLexicon, type Lexicon } from './event/lexicon.js';
import { findTriggers, type TriggerMatch } from './event/match.js';
import { defaultCameo, matchCameo, type CompiledCameo } from './event/cameo.js';
import { MentionIndex } from './event/mentions.js';
import { isNegated, modalityOf } from './event/modality.js';
import { REPORTING_LEMMAS, statedDate, withReportDates } from './event/dates.js';
import { withAllegations } from './event/allegations.js';
import { demandedAct } from './event/demands.js';
import { askedOfParties } from './event/parties.js';
import { citedAuthority } from './event/authorities.js';

/**
 * The sentence's triggers: our own lexicon's (data/plover-lexicon.yaml, matched on the words) and, where the
 * sentence has a parse, the CAMEO verb lexicon's (matched on the tree, event/cameo.ts). Ours win: a CAMEO match
 * that shares a token with one of ours, or whose verb governs one of our nouns as its object ("launched an
 * attack"), is dropped, so that one predicate gives one event.
 */
/** CAMEO types of a verb that acts on an event rather than carrying it out. */
const REPRESSIVE = new Set(['COERCE', 'ASSAULT']);

function withCameo(own: TriggerMatch[], tree: SyntaxTree | null, cameo: CompiledCameo | null): TriggerMatch[] {
  if (!tree || !cameo) return own;
  const taken = new Set<number>();
  for (const m of own) if (!m.weak) for (let i = m.first; i <= m.last; i++) taken.add(i);
  let out = [...own];
  for (const c of matchCameo(tree, cameo)) {
    // "according to X" is a preposition that cites, not the verb "accord" (to agree).
    if (tree.lower(c.verb) === 'according' && c.verb + 1 < tree.words.length && tree.lower(c.verb + 1) === 'to') continue;
    const tokens = c.words.map((w) => tree.word(w).token);
    const first = Math.min(...tokens);
    const last = Math.max(...tokens);
    let free = true;
    for (let i = first; i <= last; i++) if (taken.has(i)) free = false;
    if (!free && !specificOver(out, c.words.map((w) => tree.word(w).token), first, last, c.type)) continue;
    if (!free) {
      // "lodged a protest": the dictionary's verb-and-object pattern (CAMEO 110, a complaint) is more specific than
      // our bare noun (street protest), which it replaces.
      for (let k = out.length - 1; k >= 0; k--) if (out[k]!.first >= first && out[k]!.last <= last) out.splice(k, 1);
    }
    const governed = tree.children(c.verb).some((k) => {
      const rel = tree.word(k).rel;
      const partaking = relIs(rel, 'obl') && tree.caseOf(k) === 'in' && PARTAKING_LEMMAS.has(tree.lemma(c.verb));
      return (rel === 'obj' || rel === 'xcomp' || rel === 'nsubj:pass' || partaking) && taken.has(tree.word(k).token);
    });
    // "suppressed the protests", "crushed the demonstrations": force used on dissent is an act of its own, beside
    // the protest it is used on; other verbs over one of our nouns carry that noun's event ("held talks").
    const repressed = REPRESSIVE.has(c.type) && tree.children(c.verb).some((k) => tree.word(k).rel === 'obj' &&
      own.some((m) => m.entry.type === 'PROTEST' && m.first <= tree.word(k).token && tree.word(k).token <= m.last));
    if (governed && c.words.length === 1 && !repressed) continue;
    // "issued a statement", "released a declaration": a verb coded only by its block's default ("issue" is GRANT,
    // COOPERATE) whose object is a statement is the statement, which CAMEO codes as no event (01).
    if (c.words.length === 1 && tree.dependents(c.verb, 'obj').some((k) => STATEMENT_NOUNS.has(tree.lemma(k)))) continue;
    // A passive whose agent is one of our event nouns tells that event: "was hit by air strikes" is the strikes.
    const byOurs = tree.children(c.verb).some((k) => {
      const rel = tree.word(k).rel;
      return (rel === 'obl:agent' || (rel === 'obl' && tree.caseOf(k) === 'by' && tree.isPassive(c.verb))) && taken.has(tree.word(k).token);
    });
    if (byOurs) continue;
    for (let i = first; i <= last; i++) taken.add(i);
    // "halt the shelling", "win the backing of X": a gerund of ours inside the pattern or as its verb's object is
    // part of the pattern's event.
    const objects = tree.children(c.verb).filter((k) => tree.word(k).rel === 'obj' || tree.word(k).rel === 'xcomp' || tree.word(k).rel === 'nsubj:pass');
    const around = new Set([...tokens, ...objects.map((k) => tree.word(k).token)]);
    out = out.filter((m) => !m.weak || !around.has(m.first));
    out.push({
      entry: {
        label: c.label, kind: 'verb', type: c.type, cameo: c.code, words: [], needsActor: true,
        // A passive already has the one who undergoes as its subject: "was tried before a court" is not turned again.
        subjectIsTarget: c.subjectIsTarget && !tree.isPassive(c.verb), targetMarker: c.targetMarker, absorbsNegation: c.absorbsNegation,
        byDefault: c.words.length === 1,
      },
      first,
      last,
    });
  }
  return out.sort((a, b) => a.first - b.first);
}


/**
 * Whether a CAMEO pattern of a verb and its object should replace the triggers of ours inside its span: only
 * where each of those is a bare noun of ours that is the pattern's own word, and the pattern codes another type.
 */
function specificOver(own: readonly TriggerMatch[], patternTokens: readonly number[], first: number, last: number, type: string | null): boolean {
  if (patternTokens.length < 2 || !type) return false;
  const inside = own.filter((m) => m.last >= first && m.first <= last);
  return inside.length > 0 && inside.every((m) => m.entry.kind === 'noun' && m.first === m.last && m.first >= first && m.last <= last &&
    patternTokens.includes(m.first) && m.entry.type !== type);
}

/** Event types whose saying is the doing: a threat uttered is a threat made. */
const SPEECH_ACTS = new Set(['ACCUSE', 'REJECT', 'REQUEST', 'THREATEN', 'SUPPORT', 'AGREE']);

export const extractEvents: Extractor<'events'> = (doc, ctx, prior) => {
  const entities = prior.entities ?? [];
  const times = prior.times ?? [];
  // Coded per sentence; then, over the document, the accusations the quoted speakers make, the report's date where the text states none, the host of a
  // meeting as its counterpart, and the agents through which states act.
  const quotes = prior.quotes ?? [];
  const treeOf = (si: number) => sentenceTree(doc, si);
  const coded = codeEvents(doc, new MentionIndex(doc, entities), times, quotes, defaultLexicon(), statesOfDemonyms(ctx.kb, entities));
  const alleged = withAllegations({ doc, events: coded, quotes, entities, times, treeOf });
  const dated = withReportDates(doc, alleged, times, ctx.date, treeOf);
  return withAgents(withHosts(dated, ctx.kb, entities), entities, ctx.kb);
};

/** Event types whose place makes its state a party: talks held in Belgrade are held with Serbia. */
const HOSTED = new Set(['CONSULT']);

/**
 * Talks and meetings held in a state's city have that state as their counterpart, as CAMEO codes a visit to its
 * host: "talks in Belgrade" with Serbia. Only where the event names no target, the city belongs to a state the
 * document names, that state is not the source's own (nor the source's state, for an agent), and the city is not
 * the seat of an international body the document names ("NATO ministers met in Brussels" meet at NATO).
 */
export function withHosts(events: EventRecord[], kb: KnowledgeBase, entities: readonly Entity[]): EventRecord[] {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const byKb = new Map(entities.filter((e) => e.kbId).map((e) => [e.kbId!, e]));
  const seatsOfNamedBodies = new Set(entities.flatMap((e) => {
    const entry = e.kbId ? kb.byId.get(e.kbId) : undefined;
    return entry && entry.type === 'ORG' && !entry.country && entry.seat ? [entry.seat] : [];
  }));
  for (const e of events) {
    if (!HOSTED.has(e.type) || e.target || !e.location) continue;
    const city = byId.get(e.location);
    const entry = city?.kbId ? kb.byId.get(city.kbId) : undefined;
    if (!entry || entry.kind !== 'city' || !entry.country || seatsOfNamedBodies.has(entry.id)) continue;
    const host = byKb.get(entry.country);
    if (!host) continue;
    const source = e.source ? byId.get(e.source) : undefined;
    if (source && (source.id === host.id || source.actsFor?.state === host.id)) continue;
    e.target = host.id;
  }
  return events;
}

/**
 * The state each demonym entity stands for when it modifies a state organ ("Serbian police", "British troops"):
 * the document's entity of the KB entry whose demonym it is. Demonyms stay NORP entities of their own (see
 * actors/table.ts); only the event coder reads "Serbian police clashed" as an act of Serbia.
 */
function statesOfDemonyms(kb: KnowledgeBase, entities: readonly Entity[]): Map<string, string> {
  const out = new Map<string, string>();
  const index = demonymIndex(kb);
  const byKb = new Map(entities.filter((e) => e.kbId && e.type === 'GPE').map((e) => [e.kbId!, e.id]));
  for (const e of entities) {
    if (e.type !== 'NORP') continue;
    const entry = index.get(aliasWords(e.name).map((w) => w.key).join(' '));
    const state = entry ? byKb.get(entry.id) : undefined;
    if (state) out.set(e.id, state);
  }
  return out;
}

/** The events of a document, given its mentions, times and quotes. Exposed for the evaluations and tests. */
export function codeEvents(
  doc: Doc,
  mentions: MentionIndex,
  times: readonly TimeExpression[],
  quotes: readonly Quote[],
  lexicon: Lexicon,
  states: ReadonlyMap<string, string> = new Map(),
  cameo: CompiledCameo | null = defaultCameo(),
): EventRecord[] {
  const events: EventRecord[] = [];
  const embedded: [EventRecord, EventRecord][] = [];
  doc.sentences.forEach((sentence, si) => {
    const tokens = doc.sentenceTokens(si);
    const tree: SyntaxTree | null = sentenceTree(doc, si);
    // The parse's tags, where there is one: the token tagger reads "jets shot down" as a noun.
    const posOf = tree ? (t: Token) => { const w = tree.wordsOfTokens(t.i, t.i)[0]; return w === undefined ? t.pos : tree.word(w).upos; } : undefined;
    const matches = withCameo(findTriggers(tokens, lexicon, posOf), tree, cameo);
    let previousSource: ActorHit | null = null;
    const kept: EventRecord[] = [];
    const keptMatches: TriggerMatch[] = [];
    for (const match of matches) {
      // A trigger word inside a name ("Partnership for Peace", "Vilnius Summit") names an entity, not an event. A
      // pattern may end on an agent the coreference made a mention of its state ("send Russian police").
      const lastMention = match.last > match.first ? mentions.at(match.last) : undefined;
      if (mentions.at(match.first) || (lastMention && lastMention.kind !== 'nominal')) continue;
      if (insideModifier(doc, match.first)) continue;
      // "take back control": a particle of another verb is not the verb it is spelt like ("back" = support).
      if (tree && match.entry.kind === 'verb' && match.first === match.last && particleOf(tree, match.first)) continue;
      const quote = quoteAround(quotes, doc.tokens[match.first]!.start);
      const ctx: ActorContext = {
        doc,
        mentions,
        sentenceStart: sentence.tokenStart,
        sentenceEnd: sentence.tokenEnd,
        quoteSpeaker: quote?.speaker ?? null,
        tree,
        states,
      };
      const actors = assignActors(ctx, match, previousSource);
      if (match.entry.kind !== 'noun' && actors.source) previousSource = actors.source;
      if (match.entry.needsActor && !actors.source && !actors.target) continue;
      const source = actors.source?.mention.entityId ?? null;
      // "its troops", "their borders": a possessive pronoun names the actor's own, not the one it acts on.
      const target = actors.target && !ownPossessive(doc, actors.target) ? actors.target.mention.entityId : null;
      if (source && source === target) continue;
      // The target may be where it happened too ("lifted the curfew in X"): only the source is never the place.
      const exclude = new Set([source].filter((x): x is string => x !== null));
      const location = findLocation(ctx, match.first, match.last, exclude);
      const triggerStart = doc.tokens[match.first]!.start;
      const triggerEnd = doc.tokens[match.last]!.end;
      const halted = haltedCooperation(tree, match);
      const speechActBySpeaker = SPEECH_ACTS.has(match.entry.type) &&
        (actors.source?.via === 'reporter' || (quote !== null && quote.speaker !== null && source === quote.speaker));
      kept.push({
        id: '',
        type: halted ? 'SANCTION' : match.entry.type,
        source,
        // "lifted a curfew in Montenegro", "shelled villages in Donetsk": a measure or an attack with no one named as
        // its object is done to the place it is done in, as CAMEO codes the place's state as the target.
        target: target ?? (location && PLACE_TARGETED.has(match.entry.type) && location.type === 'GPE' ? location.entityId : null),
        location: location?.entityId ?? null,
        date: statedDate({ doc, times, sentence: si, tree, first: match.first, last: match.last, speechAct: SPEECH_ACTS.has(match.entry.type) }),
        // The tree adds negation the word window misses ("has not joined the sanctions regime"); the window stays,
        // as it does not depend on the parse being right.
        negated: !match.entry.absorbsNegation && (actors.negated === true || isNegated(doc, match.first, sentence.tokenStart)),
        modality: modalityOf({ doc, first: match.first, sentenceStart: sentence.tokenStart, inQuote: quote !== null, speechActBySpeaker }),
        trigger: { start: triggerStart, end: triggerEnd, text: doc.text.slice(triggerStart, triggerEnd) },
        sentence: { start: sentence.start, end: sentence.end },
        confidence: confidenceOf(match, actors, tree),
        cameo: halted ? '16' : match.entry.cameo,
      });
      keptMatches.push(match);
    }
    for (const [inner, outer] of embedEvents(doc, kept, keptMatches, sentence.tokenStart)) embedded.push([inner, outer]);
    kept.forEach((e, n) => threatOf(doc, e, keptMatches[n]!.first, sentence.tokenStart));
    // A reporting verb after the act ("X will visit Y, the minister said") tells an intent only when a named actor
    // says it ("…, diplomats said" reports a plan).
    const namedReporter = (k: number): boolean => {
      if (!tree) return false;
      const w = tree.wordsOfTokens(k, k)[0];
      const subject = w === undefined ? null : tree.subjectOf(w);
      return subject !== null && mentions.at(tree.word(subject.word).token) !== undefined;
    };
    // Demands the tree reads ("X said Y must …") first, with their actors; then the token rules' modals.
    if (tree) {
      const sentenceCtx: ActorContext = { doc, mentions, sentenceStart: sentence.tokenStart, sentenceEnd: sentence.tokenEnd, quoteSpeaker: null, tree, states };
      kept.forEach((e, n) => demandedAct(sentenceCtx, tree, e, keptMatches[n]!));
      kept.forEach((e, n) => citedAuthority(sentenceCtx, tree, e, keptMatches[n]!));
    }
    kept.forEach((e, n) => intentOf(doc, e, keptMatches[n]!.first, keptMatches[n]!.last, sentence.tokenStart, namedReporter));
    if (tree) kept.forEach((e, n) => codedByComplement(tree, e, keptMatches[n]!, mentions));
    events.push(...kept);
  });
  deniedActs(doc, events);
  condemnedActs(doc, events);
  askedOfParties(doc, events);
  events.forEach((e, n) => (e.id = `v${n + 1}`));
  for (const [inner, outer] of embedded) inner.embeddedIn = outer.id;
  return events;
}

/** Whether Doc token `t` is read as a particle or adverb in the tree ("back" in "take back control"). */
function particleOf(tree: SyntaxTree, t: number): boolean {
  const words = tree.wordsOfTokens(t, t);
  if (words.length !== 1) return false;
  const w = tree.word(words[0]!);
  return w.rel === 'compound:prt' || w.upos === 'ADP' || w.upos === 'ADV' || w.upos === 'PART';
}

/** Hostile acts and shows of force whose readiness is a threat. */
const READY_FOR_FORCE = new Set(['MOBILIZE', 'ASSAULT', 'COERCE', 'SANCTION']);
/** Verbs of commitment (lemmas), whose complement says what is promised. */
const VOWING = new Set(['vow', 'pledge', 'promise', 'swear']);
/** Words of force in a promised act: a vow to use them is a threat. */
const FORCE_WORDS = new Set(['force', 'war', 'attack', 'attacks', 'strike', 'strikes', 'retaliate', 'retaliation', 'invade', 'bomb', 'destroy', 'crush', 'punish', 'retake']);

/**
 * CAMEO's reading of two promises by what they promise: a vow to use force is a threat (13: "vowed to retake the
 * valley by force if it must"), and not accepting something is rejecting it (12: "will not accept the count").
 */
function codedByComplement(tree: SyntaxTree, e: EventRecord, match: TriggerMatch, mentions: MentionIndex): void {
  const p = anchorWord(tree, match.first, match.last);
  if (p < 0) return;
  // "is ready to send troops across the border if …", "is prepared to use force": readiness for a hostile act
  // or a show of force is a threat (CAMEO 13), as a vow to use force is.
  if (READY_FOR_FORCE.has(e.type) && !e.negated) {
    const h = tree.word(p).head;
    if (relIs(tree.word(p).rel, 'xcomp') && h >= 0 && WILLING.has(tree.lower(h))) {
      e.type = 'THREATEN';
      e.cameo = '13';
    }
    return;
  }
  if (e.type !== 'AGREE') return;
  const lemma = tree.lemma(p);
  if (VOWING.has(lemma) && !e.negated) {
    // What is vowed, and how: "vowed to take back the valley, using force".
    const promised = tree.dependents(p, 'xcomp', 'ccomp', 'advcl').flatMap((c) => tree.subtree(c));
    // The force must be what is done, not a modifier ("continue aid to war-torn Mozambique").
    const forceful = (w: number) => FORCE_WORDS.has(tree.lower(w)) && tree.word(w).rel !== 'amod' && tree.word(w).rel !== 'compound';
    if (promised.some(forceful)) {
      e.type = 'THREATEN';
      e.cameo = '13';
      // "pledged to regain the valley by force": the threat is aimed at the place to be taken,
      // the first place named in what is vowed.
      if (!e.target) {
        for (const w of promised) {
          const m = mentions.at(tree.word(w).token);
          if (m && (m.type === 'GPE' || m.type === 'LOC') && m.entityId !== e.source) {
            e.target = m.entityId;
            break;
          }
        }
      }
    }
  } else if (lemma === 'accept' && e.negated) {
    e.type = 'REJECT';
    e.cameo = '12';
    e.negated = false;
  }
}


/** Noun events whose halting is a sanction: aid, supplies, cooperation, talks. */
const HALTABLE = new Set(['AID', 'COOPERATE', 'CONSULT', 'SUPPORT']);

/**
 * "Croatia's pipeline halted oil deliveries to Serbia", "the EU suspended talks with X": stopping an act of aid or
 * cooperation is CAMEO's 16 (reduce relations: halt aid, halt negotiations), PLOVER SANCTION, with the one who
 * stops it as source; the noun's own target stays.
 */
function haltedCooperation(tree: SyntaxTree | null, match: TriggerMatch): boolean {
  if (!tree || match.entry.kind !== 'noun' || !HALTABLE.has(match.entry.type)) return false;
  const n = anchorWord(tree, match.first, match.last);
  if (n < 0) return false;
  const g = tree.governorOf(n);
  return g !== null && (g.rel === 'obj' || g.rel === 'nsubj:pass') && HALTING.has(tree.lemma(g.verb));
}

/** What a denial can deny having had in an act: "denies all involvement", "denied responsibility for". */
const DENIED_SHARE = new Set(['involvement', 'responsibility', 'role', 'part', 'participation', 'complicity', 'links']);
/** Acts a denial of involvement refers back to. */
const DENIABLE = new Set(['ASSAULT', 'COERCE', 'SANCTION', 'THREATEN']);
/** How many sentences back the denied act may be told. */
const DENIAL_LOOKBACK = 3;

/**
 * "Moscow denies all involvement": the coders' reading is the act denied, negated, with the denier as its source
 * (news-dev's own guideline; PLOVER codes what is said to have happened). The act is the nearest hostile event
 * told in the sentences before; without one the denial stays a REJECT.
 */
function deniedActs(doc: Doc, events: EventRecord[]): void {
  for (let n = 0; n < events.length; n++) {
    const e = events[n]!;
    if (e.type !== 'REJECT' || !/^den(y|ies|ied|ying)$/i.test(e.trigger.text)) continue;
    const k = doc.tokenIndexAt(e.trigger.end - 1);
    const share = [1, 2, 3].map((d) => doc.tokens[k + d]).find((t) => t && DENIED_SHARE.has(t.lower));
    if (!share || share.sentence !== doc.tokens[k]!.sentence) continue;
    const here = doc.tokens[k]!.sentence;
    let act: EventRecord | undefined;
    for (let m = n - 1; m >= 0; m--) {
      const prior = events[m]!;
      const s = doc.sentenceIndexAt(prior.trigger.start);
      if (here - s > DENIAL_LOOKBACK) break;
      if (s < here && DENIABLE.has(prior.type) && !prior.negated && (prior.source !== null || prior.target !== null)) {
        act = prior;
        break;
      }
    }
    if (!act) continue;
    e.type = act.type;
    e.cameo = act.cameo;
    e.target = e.target ?? (act.target !== e.source ? act.target : null);
    e.negated = true;
  }
}

/** What an act condemned may be called: the act itself, or a word for an act. */
const ACT_WORDS = new Set([
  'it', 'this', 'that', 'attack', 'strike', 'incursion', 'invasion', 'violation', 'bombing', 'shelling', 'killing',
  'move', 'act', 'action', 'incident', 'raid', 'assault', 'aggression', 'provocation', 'intrusion', 'breach',
]);

/**
 * "Drones struck a Valmoran village. Valmora condemned the attack." An accusation whose object is the act told
 * just before (a pronoun or a word for an act, with no actor of its own) is aimed at whoever did that act: the
 * source of the nearest hostile act before it, in its sentence or the five before, that is not the accuser (a
 * wire story often tells the act, then its aftermath over a few sentences, then the condemnation).
 */
function condemnedActs(doc: Doc, events: EventRecord[]): void {
  for (let n = 0; n < events.length; n++) {
    const e = events[n]!;
    if (e.type !== 'ACCUSE' || e.target !== null) continue;
    const here = doc.sentenceIndexAt(e.trigger.start);
    const tree = sentenceTree(doc, here);
    if (!tree) continue;
    const k = doc.tokenIndexAt(e.trigger.end - 1);
    const p = tree.wordsOfTokens(doc.tokenIndexAt(e.trigger.start), k)[0];
    if (p === undefined) continue;
    const object = tree.objectsOf(p).find((o) => ACT_WORDS.has(tree.lemma(o)) && tree.possessorOf(o) < 0 && !tree.obliquesOf(o).some((x) => x.marker === 'by'));
    if (object === undefined) continue;
    for (let m = n - 1; m >= 0; m--) {
      const prior = events[m]!;
      if (here - doc.sentenceIndexAt(prior.trigger.start) > CONDEMNED_LOOKBACK) break;
      if (!DENIABLE.has(prior.type) || prior.negated || (prior.modality !== 'asserted' && prior.modality !== 'reported') || !prior.source || prior.source === e.source) continue;
      e.target = prior.source;
      break;
    }
  }
}

const CONDEMNED_LOOKBACK = 5;

/** Governing event types and what they do to an event embedded under them ("refused to join", "threatened to"). */
const EMBEDDING: Partial<Record<string, { negated?: boolean; modality?: EventRecord['modality'] }>> = {
  REJECT: { negated: true },
  THREATEN: { modality: 'hypothetical' },
  REQUEST: { modality: 'hypothetical' },
  AGREE: { modality: 'future' },
};
/** Hostile acts announced for the future are threats: "said they would boycott", "will impose a curfew". */
const HOSTILE = new Set(['SANCTION', 'COERCE', 'ASSAULT', 'PROTEST']);
const ANNOUNCING = new Set(['said', 'says', 'announced', 'confirmed', 'told', 'warned', 'declared', 'stated']);
/**
 * An announced hostile measure is a decision made, not a threat: "announced it would shut the crossings", "would
 * ban all flights" are the closure and the ban, said for the days ahead.
 */
const DECIDING = new Set(['announced']);

/**
 * Within a sentence, an event whose trigger is non-finite ("to impose", "demanding") and follows another event's
 * trigger is embedded in it: it is less likely the sentence's main event, and the governor can negate it or make
 * it hypothetical. Returns each embedded event with its governor.
 */
function embedEvents(doc: Doc, events: EventRecord[], matches: TriggerMatch[], sentenceStart: number): [EventRecord, EventRecord][] {
  const pairs: [EventRecord, EventRecord][] = [];
  for (let n = 1; n < events.length; n++) {
    const e = events[n]!;
    const first = matches[n]!.first;
    const prev = doc.tokens[first - 1];
    const prev2 = doc.tokens[first - 2];
    const nonFinite = prev?.lower === 'to' || (prev2?.lower === 'to' && prev?.pos === 'ADV') ||
      (doc.tokens[first]!.lower.endsWith('ing') && matches[n]!.entry.kind === 'verb' && !/^(is|are|was|were|be|been)$/.test(prev?.lower ?? ''));
    if (!nonFinite) continue;
    const governor = events[n - 1]!;
    if (first - matches[n - 1]!.last > 12 || first < sentenceStart) continue;
    e.confidence = Math.round(e.confidence * 0.7 * 100) / 100;
    const effect = EMBEDDING[governor.type];
    if (effect?.negated) e.negated = !governor.negated;
    if (effect?.modality && e.modality === 'asserted') e.modality = effect.modality;
    pairs.push([e, governor]);
  }
  return pairs;
}

/** A hostile act announced with "will"/"would" in a reported statement is coded as the threat it is. */
function threatOf(doc: Doc, e: EventRecord, first: number, sentenceStart: number): void {
  if (!HOSTILE.has(e.type) || e.modality !== 'future' && e.modality !== 'hypothetical') return;
  let modal = false;
  for (let k = first - 1; k >= sentenceStart && k >= first - 3; k--) {
    const w = doc.tokens[k]!.lower;
    if (w === 'will' || w === 'would' || w === "'ll") modal = true;
  }
  if (!modal) return;
  const s = doc.sentences[doc.tokens[first]!.sentence]!;
  let announced = false;
  for (let k = s.tokenStart; k < first; k++) if (ANNOUNCING.has(doc.tokens[k]!.lower) && !DECIDING.has(doc.tokens[k]!.lower)) announced = true;
  if (!announced) return;
  e.type = 'THREATEN';
  e.cameo = '13';
}

/** Cooperative acts: announced for the future they are the intent CAMEO codes 03 (AGREE). */
const COOPERATIVE = new Set(['SUPPORT', 'CONSULT', 'AID', 'COOPERATE', 'CONCEDE', 'RETREAT']);
const WILLING = new Set(['willing', 'ready', 'prepared']);

/**
 * The CAMEO coders' reading of a stated future act: "X said it will withdraw its troops", "is willing to send aid"
 * express intent (03, PLOVER AGREE); "X said Y must release them" is a demand (10, REQUEST). Only in a sentence
 * that reports the statement, with the modal right before the trigger.
 */
function intentOf(doc: Doc, e: EventRecord, first: number, last: number, sentenceStart: number, namedReporter: (k: number) => boolean): void {
  let modal: 'will' | 'willing' | 'must' | null = null;
  for (let k = first - 1; k >= sentenceStart && k >= first - 3; k--) {
    const w = doc.tokens[k]!.lower;
    if (w === 'will' || w === 'would' || w === "'ll") modal = 'will';
    else if (WILLING.has(w) && doc.tokens[k + 1]?.lower === 'to') modal = 'willing';
    else if (w === 'must') modal = 'must';
    if (modal || doc.tokens[k]!.pos === 'PUNCT') break;
  }
  if (!modal || e.negated) return;
  const s = doc.sentences[doc.tokens[first]!.sentence]!;
  let announced = false;
  for (let k = s.tokenStart; k < s.tokenEnd && !announced; k++) {
    if (k >= first && k <= last) continue;
    if (ANNOUNCING.has(doc.tokens[k]!.lower) || doc.tokens[k]!.lower === 'says') announced = k < first || namedReporter(k);
  }
  if (modal === 'must') {
    if (announced && e.type !== 'REQUEST') {
      e.type = 'REQUEST';
      e.cameo = '10';
    }
    return;
  }
  if (!COOPERATIVE.has(e.type) || (modal === 'will' && !announced)) return;
  e.type = 'AGREE';
  e.cameo = '03';
}

interface Actors {
  source: ActorHit | null;
  target: ActorHit | null;
  /** Negation read off the tree (of the trigger or the verb governing it); undefined when there is no parse. */
  negated?: boolean;
}

/**
 * The actors from the tree where it names the argument; the token-distance rules where the sentence has no parse
 * or the tree names no argument for a role (see event/actors.ts).
 */
function assignActors(ctx: ActorContext, match: TriggerMatch, previousSource: ActorHit | null): Actors {
  const { entry } = match;
  const byTree = ctx.tree
    ? treeActors(ctx, ctx.tree, { first: match.first, last: match.last, kind: entry.kind, type: entry.type, targetMarker: entry.targetMarker ?? null })
    : null;
  if (!byTree) return subjectIsTarget(entry.subjectIsTarget, tokenActors(ctx, match, previousSource));
  let fallback: Actors | null = null;
  const tokens = () => (fallback ??= tokenActors(ctx, match, previousSource));
  const source = byTree.sourceFound ? byTree.source : tokens().source;
  let target = byTree.targetFound ? byTree.target : tokens().target;
  // The word rules may take the tree's source again as the target ("at the request of X"): it is not both.
  if (!byTree.targetFound && target && source && target.mention.entityId === source.mention.entityId) target = null;
  const turned = subjectIsTarget(entry.subjectIsTarget, { source, target });
  // "X received an endorsement from Y", "X was granted asylum by Y": the subject undergoes, "from"/"by" acts.
  if (entry.subjectIsTarget && !turned.source && ctx.tree) turned.source = fromOrBy(ctx, ctx.tree, match);
  // "X claims that Bosniak politicians have a secret plan": the one a claim is about is the subject of what is claimed.
  // "demanded that the US cancel the sale", "urged that Serbia join": a demand is made of the subject of what is
  // demanded; "threatened to strike unless Israel withdrew": a threat is aimed at whoever must meet its condition.
  if (CLAIM_TYPES.has(entry.type) && entry.kind === 'verb' && !turned.target && ctx.tree) {
    const claimed = claimedActor(ctx, ctx.tree, match, entry.type === 'THREATEN');
    if (claimed && claimed.mention.entityId !== turned.source?.mention.entityId) turned.target = claimed;
  }
  if (entry.type === 'PROTEST' && !turned.target && ctx.tree) {
    const demanded = demandedActor(ctx, ctx.tree, match.first, match.last);
    if (demanded) {
      turned.target = demanded;
      if (turned.source?.mention.entityId === demanded.mention.entityId) turned.source = null;
    }
  }
  return { ...turned, negated: byTree.negated };
}

/** Speech acts whose complement clause names the one they are about (its subject). */
const CLAIM_TYPES = new Set(['ACCUSE', 'REQUEST', 'THREATEN']);
/** Subordinators of a threat's condition: "unless X withdraws", "if X goes ahead". */
const CONDITION_MARKS = new Set(['unless', 'if']);

/**
 * The actor that is the subject of the trigger's clausal complement ("claims that X …", "demanded that X …") or,
 * for a threat, of its condition ("… unless X withdraws", also on the threatened act), or null.
 */
function claimedActor(ctx: ActorContext, tree: SyntaxTree, match: TriggerMatch, conditions: boolean): ActorHit | null {
  const p = anchorWord(tree, match.first, match.last);
  if (p < 0) return null;
  const clauses = [...tree.dependents(p, 'ccomp')];
  if (conditions) {
    // The condition may hang on the threatened act or deeper in it ("threatened to stop talks to cut arms if X …").
    for (const c of tree.subtree(p)) {
      if (c !== p && relIs(tree.word(c).rel, 'advcl') && tree.dependents(c, 'mark').some((m) => CONDITION_MARKS.has(tree.lower(m)))) clauses.push(c);
    }
  }
  for (const c of clauses) {
    const subject = tree.subjectOf(c);
    if (!subject || subject.via !== 'own') continue;
    const m = actorOfWord(ctx, tree, subject.word);
    if (m) return { mention: m, via: 'object' };
  }
  return null;
}

/** The actor of a "from" or "by" oblique of the trigger's head word. */
function fromOrBy(ctx: ActorContext, tree: SyntaxTree, match: TriggerMatch): ActorHit | null {
  const p = anchorWord(tree, match.first, match.last);
  if (p < 0) return null;
  for (const o of tree.obliquesOf(p)) {
    if (o.marker !== 'from' && o.marker !== 'by') continue;
    const m = actorOfWord(ctx, tree, o.word);
    if (m) return { mention: m, via: 'by-agent' };
  }
  return null;
}

/** The token-distance actors (event/actors.ts), before "subjectIsTarget" turns them round. */
function tokenActors(ctx: ActorContext, match: TriggerMatch, previousSource: ActorHit | null): Actors {
  const { entry } = match;
  if (entry.kind === 'noun') {
    let source: ActorHit | null = null;
    const possessor = nominalSource(ctx, match.first);
    if (possessor) source = { mention: possessor, via: 'possessive' };
    const agent = byAgent(ctx, match.last);
    if (agent) source = { mention: agent, via: 'by-agent' };
    if (!source) {
      const verb = governingVerb(ctx, match.first);
      if (verb !== null) source = findSubject(ctx, verb, null);
    }
    const object = nominalTarget(ctx, match.last);
    const target = object ? { mention: object, via: 'object' as const } : null;
    return { source, target };
  }
  if (entry.kind === 'verb' && isPassive(ctx.doc, match.first, ctx.sentenceStart)) {
    const patient = findSubject(ctx, match.first, null);
    const agent = byAgent(ctx, match.last);
    return { source: agent ? { mention: agent, via: 'by-agent' } : null, target: patient };
  }
  const source = findSubject(ctx, match.first, previousSource);
  const object = findObject(ctx, match.last);
  const target = object ? { mention: object, via: 'object' as const } : null;
  return { source, target };
}

/** "Bosnia will face consequences": the subject is the one threatened, and the threatener is unnamed. */
function subjectIsTarget(flag: boolean, { source, target }: Actors): Actors {
  return flag ? { source: null, target: source ?? target } : { source, target };
}

/**
 * Confidence from how the event was found: a verb with both actors named is the surest; actors reached through a
 * relative clause, a coordinated verb, a reporter or a pronoun are less sure; a bare nominal is the least.
 */
function confidenceOf(match: TriggerMatch, actors: Actors, tree: SyntaxTree | null): number {
  let c = match.entry.kind === 'noun' ? 0.35 : 0.45;
  // A CAMEO verb coded only by its block's default ("issued", "linked") says less than a pattern that matched.
  if (match.entry.byDefault) c -= DEFAULT_PENALTY;
  if (match.last > match.first) c += 0.05;
  for (const [hit, weight] of [[actors.source, 0.25], [actors.target, 0.2]] as const) {
    if (!hit) continue;
    const indirect = hit.via === 'relative' || hit.via === 'coordination' || hit.via === 'reporter' || hit.via === 'speaker';
    const pronoun = hit.mention.kind === 'pronoun' || hit.mention.kind === 'nominal';
    c += weight * (indirect || pronoun ? 0.6 : 1);
  }
  if (tree) {
    const p = anchorWord(tree, match.first, match.last);
    c *= DEPTH_FACTOR ** Math.min(3, clauseDepth(tree, p));
    // "the occupied West Bank", "a banned party": a participle used as an adjective describes, it does not report.
    if (p >= 0 && match.entry.kind === 'verb' && tree.word(p).rel === 'amod') c *= 0.5;
  }
  return Math.round(Math.min(0.95, c) * 100) / 100;
}

/** Measured on plover-gsr among 0, 0.05, 0.1 and 0.15 (type 0.727 / 0.730 / 0.733 / 0.730); news-dev unchanged. */
const DEFAULT_PENALTY = 0.1;

/**
 * Each clause between a trigger and the sentence's root takes this share of its confidence: an act told in a
 * complement, an adverbial or a relative clause is less often the one the sentence asserts ("X agreed on Monday
 * that they should cooperate to encourage refugees to return": the agreement). 0.7 measured best on plover-gsr's
 * one-event-per-sentence gold among 1, 0.9, 0.8, 0.7, 0.6 and 0.5 (type 0.652 → 0.689).
 */
const DEPTH_FACTOR = 0.7;
/** Clause relations: each one between a trigger and the root puts the act one clause further from what is asserted. */
const CLAUSAL = ['ccomp', 'xcomp', 'advcl', 'acl', 'csubj', 'parataxis'];

/** How many clauses down from the sentence's root the word lies ("said that X would, if Y, …"). */
function clauseDepth(tree: SyntaxTree, w: number): number {
  let depth = 0;
  for (let k = w, steps = 0; k >= 0 && steps < 30; k = tree.word(k).head, steps++) {
    if (CLAUSAL.some((r) => relIs(tree.word(k).rel, r)) && !REPORTING_LEMMAS.has(tree.lemma(tree.word(k).head))) depth++;
  }
  return depth;
}

/**
 * "its long-threatened invasion", "a much-promised visit": a verb joined by a hyphen to a lower-case word before
 * it is part of an adjective, which describes the noun rather than reporting an act. "Russian-backed" (a name
 * before the hyphen) keeps its event.
 */
function insideModifier(doc: Doc, first: number): boolean {
  const hyphen = doc.tokens[first - 1];
  const left = doc.tokens[first - 2];
  if (!hyphen || !left || hyphen.text !== '-' || hyphen.end !== doc.tokens[first]!.start || left.end !== hyphen.start) return false;
  return /^[a-z]/.test(left.text);
}

function ownPossessive(doc: Doc, hit: ActorHit): boolean {
  if (hit.mention.kind !== 'pronoun') return false;
  const w = doc.tokens[hit.mention.first]!.lower;
  return w === 'its' || w === 'their';
}

function quoteAround(quotes: readonly Quote[], offset: number): Quote | null {
  for (const q of quotes) if (q.start <= offset && offset < q.end) return q;
  return null;
}
