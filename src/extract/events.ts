/**
 * PLOVER-coded events: for each sentence, the lexicon's triggers (data/plover-lexicon.yaml), each with a source
 * and target actor, a location, the sentence's own date, negation, modality and a confidence built from how the
 * actors were found. Reads the entities, times and quotes layers; writes only its own.
 */
import type { EventRecord, Quote, TimeExpression } from '../model/types.js';
import type { Doc } from '../nlp/doc.js';
import type { Extractor } from './pipeline.js';
import {
  byAgent, findLocation, findObject, findSubject, governingVerb, isPassive, nominalSource, nominalTarget,
  type ActorContext, type ActorHit,
} from './event/actors.js';
import { defaultLexicon, type Lexicon } from './event/lexicon.js';
import { findTriggers, type TriggerMatch } from './event/match.js';
import { MentionIndex } from './event/mentions.js';
import { isNegated, modalityOf } from './event/modality.js';

/** Event types whose saying is the doing: a threat uttered is a threat made. */
const SPEECH_ACTS = new Set(['ACCUSE', 'REJECT', 'REQUEST', 'THREATEN', 'SUPPORT', 'AGREE']);

export const extractEvents: Extractor<'events'> = (doc, _ctx, prior) =>
  codeEvents(doc, new MentionIndex(doc, prior.entities ?? []), prior.times ?? [], prior.quotes ?? [], defaultLexicon());

/** The events of a document, given its mentions, times and quotes. Exposed for the evaluations and tests. */
export function codeEvents(
  doc: Doc,
  mentions: MentionIndex,
  times: readonly TimeExpression[],
  quotes: readonly Quote[],
  lexicon: Lexicon,
): EventRecord[] {
  const events: EventRecord[] = [];
  doc.sentences.forEach((sentence, si) => {
    const tokens = doc.sentenceTokens(si);
    const matches = findTriggers(tokens, lexicon);
    let previousSource: ActorHit | null = null;
    for (const match of matches) {
      // A trigger word inside a name ("Partnership for Peace", "Vilnius Summit") names an entity, not an event.
      if (mentions.at(match.first) || mentions.at(match.last)) continue;
      const quote = quoteAround(quotes, doc.tokens[match.first]!.start);
      const ctx: ActorContext = {
        doc,
        mentions,
        sentenceStart: sentence.tokenStart,
        sentenceEnd: sentence.tokenEnd,
        quoteSpeaker: quote?.speaker ?? null,
      };
      const actors = assignActors(ctx, match, previousSource);
      if (match.entry.kind !== 'noun' && actors.source) previousSource = actors.source;
      if (match.entry.needsActor && !actors.source && !actors.target) continue;
      const source = actors.source?.mention.entityId ?? null;
      const target = actors.target?.mention.entityId ?? null;
      if (source && source === target) continue;
      const exclude = new Set([source, target].filter((x): x is string => x !== null));
      const location = findLocation(ctx, match.first, match.last, exclude);
      const triggerStart = doc.tokens[match.first]!.start;
      const triggerEnd = doc.tokens[match.last]!.end;
      const speechActBySpeaker = SPEECH_ACTS.has(match.entry.type) &&
        (actors.source?.via === 'reporter' || (quote !== null && quote.speaker !== null && source === quote.speaker));
      events.push({
        id: '',
        type: match.entry.type,
        source,
        target,
        location: location?.entityId ?? null,
        date: sentenceDate(times, sentence, triggerStart),
        negated: isNegated(doc, match.first, sentence.tokenStart),
        modality: modalityOf({ doc, first: match.first, sentenceStart: sentence.tokenStart, inQuote: quote !== null, speechActBySpeaker }),
        trigger: { start: triggerStart, end: triggerEnd, text: doc.text.slice(triggerStart, triggerEnd) },
        sentence: { start: sentence.start, end: sentence.end },
        confidence: confidenceOf(match, actors),
        cameo: match.entry.cameo,
      });
    }
  });
  events.forEach((e, n) => (e.id = `v${n + 1}`));
  return events;
}

interface Actors {
  source: ActorHit | null;
  target: ActorHit | null;
}

function assignActors(ctx: ActorContext, match: TriggerMatch, previousSource: ActorHit | null): Actors {
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
    return subjectIsTarget(entry.subjectIsTarget, source, target);
  }
  if (entry.kind === 'verb' && isPassive(ctx.doc, match.first, ctx.sentenceStart)) {
    const patient = findSubject(ctx, match.first, null);
    const agent = byAgent(ctx, match.last);
    return { source: agent ? { mention: agent, via: 'by-agent' } : null, target: patient };
  }
  const source = findSubject(ctx, match.first, previousSource);
  const object = findObject(ctx, match.last);
  const target = object ? { mention: object, via: 'object' as const } : null;
  return subjectIsTarget(entry.subjectIsTarget, source, target);
}

/** "Bosnia will face consequences": the subject is the one threatened, and the threatener is unnamed. */
function subjectIsTarget(flag: boolean, source: ActorHit | null, target: ActorHit | null): Actors {
  return flag ? { source: null, target: source ?? target } : { source, target };
}

/**
 * Confidence from how the event was found: a verb with both actors named is the surest; actors reached through a
 * relative clause, a coordinated verb, a reporter or a pronoun are less sure; a bare nominal is the least.
 */
function confidenceOf(match: TriggerMatch, actors: Actors): number {
  let c = match.entry.kind === 'noun' ? 0.35 : 0.45;
  if (match.last > match.first) c += 0.05;
  for (const [hit, weight] of [[actors.source, 0.25], [actors.target, 0.2]] as const) {
    if (!hit) continue;
    const indirect = hit.via === 'relative' || hit.via === 'coordination' || hit.via === 'reporter' || hit.via === 'speaker';
    const pronoun = hit.mention.kind === 'pronoun' || hit.mention.kind === 'nominal';
    c += weight * (indirect || pronoun ? 0.6 : 1);
  }
  return Math.round(Math.min(0.95, c) * 100) / 100;
}

function quoteAround(quotes: readonly Quote[], offset: number): Quote | null {
  for (const q of quotes) if (q.start <= offset && offset < q.end) return q;
  return null;
}

/** The sentence's own time expression nearest the trigger, if any resolves to a date. */
function sentenceDate(
  times: readonly TimeExpression[],
  sentence: { start: number; end: number },
  at: number,
): EventRecord['date'] {
  let best: TimeExpression | null = null;
  let bestDistance = Infinity;
  for (const t of times) {
    if (t.value === null || t.start < sentence.start || t.end > sentence.end) continue;
    if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(t.value)) continue;
    const distance = t.start >= at ? t.start - at : at - t.end;
    if (distance < bestDistance) {
      best = t;
      bestDistance = distance;
    }
  }
  return best ? { value: best.value!, text: best.text } : null;
}
