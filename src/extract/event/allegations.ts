/**
 * Allegations: a speaker who says that another actor attacked or coerced someone accuses that actor, and event
 * coders code the saying as ACCUSE (CAMEO 11, "accuse, allege") beside the act itself. "The US has said the RSF
 * committed genocide" is ACCUSE US → RSF as well as the ASSAULT it reports; "according to the ministry, the army
 * shelled the town" likewise. The act stays as it was (reported); the accusation is a new event whose trigger
 * is the reporting word, so every fact keeps its own span.
 */
import type { Entity, EventRecord, Quote, TimeExpression } from '../../model/types.js';
import type { Doc } from '../../nlp/doc.js';
import type { SyntaxTree } from '../../nlp/syntax/tree.js';
import { statedDate } from './dates.js';

/** Acts whose telling by someone else is an accusation of the one who did them. */
const ALLEGEABLE = new Set(['ASSAULT', 'COERCE']);
/** Verbs (lemmas) that report a claim: the trigger of the accusation. */
const CLAIMING = new Set([
  'say', 'claim', 'allege', 'charge', 'report', 'state', 'announce', 'insist', 'tell', 'write', 'assert', 'maintain',
  'believe', 'conclude', 'find', 'confirm', 'determine', 'declare', 'warn', 'argue',
]);
/** How far up the tree the reporting verb may be from the act: "said the army had begun to shell". */
const MAX_CLIMB = 4;

export interface AllegationInput {
  doc: Doc;
  events: EventRecord[];
  quotes: readonly Quote[];
  entities: readonly Entity[];
  times: readonly TimeExpression[];
  treeOf: (sentence: number) => SyntaxTree | null;
}

/** The events with each allegation inserted after the act it reports; ids renumbered in order. */
export function withAllegations(input: AllegationInput): EventRecord[] {
  const { doc, events, quotes, entities, times, treeOf } = input;
  const byId = new Map(entities.map((e) => [e.id, e]));
  const stateOf = (id: string) => byId.get(id)?.actsFor?.state ?? id;
  const out: EventRecord[] = [];
  for (const e of events) {
    out.push(e);
    if (!ALLEGEABLE.has(e.type) || !e.source || e.negated || e.modality === 'future' || e.modality === 'hypothetical') continue;
    const quote = quotes.find((q) => q.start <= e.trigger.start && e.trigger.end <= q.end);
    const speaker = quote?.speaker;
    if (!speaker || speaker === e.source || stateOf(speaker) === stateOf(e.source)) continue;
    const si = doc.sentenceIndexAt(e.trigger.start);
    const claim = claimWord(doc, treeOf(si), e);
    if (!claim) continue;
    const already = events.some((x) => x.type === 'ACCUSE' && x.source === speaker && x.target === e.source &&
      x.sentence.start === e.sentence.start);
    if (already) continue;
    const first = doc.tokenIndexAt(claim.start);
    const last = doc.tokenIndexAt(claim.end - 1);
    out.push({
      id: '',
      type: 'ACCUSE',
      source: speaker,
      target: e.source,
      location: null,
      date: statedDate({ doc, times, sentence: si, tree: treeOf(si), first, last, speechAct: true }),
      negated: false,
      modality: 'asserted',
      trigger: { start: claim.start, end: claim.end, text: doc.text.slice(claim.start, claim.end) },
      sentence: e.sentence,
      confidence: Math.round(e.confidence * 0.8 * 100) / 100,
      cameo: '11',
    });
  }
  return renumber(out);
}

/**
 * The word that reports the claim: a claiming verb the act's trigger hangs under in the tree, or "according" of
 * "according to X" before it in the sentence. Null when neither: a direct quote's words are the speaker's own
 * account, and without its verb the accusation has no span of its own.
 */
function claimWord(doc: Doc, tree: SyntaxTree | null, e: EventRecord): { start: number; end: number } | null {
  if (tree) {
    const first = doc.tokenIndexAt(e.trigger.start);
    const last = doc.tokenIndexAt(e.trigger.end - 1);
    const words = tree.wordsOfTokens(first, last);
    let w = words.length ? words[0]! : -1;
    for (let climb = 0; w >= 0 && climb <= MAX_CLIMB; climb++) {
      const h = tree.word(w).head;
      if (h < 0) break;
      if (tree.word(h).upos === 'VERB' && CLAIMING.has(tree.lemma(h))) return tree.word(h);
      w = h;
    }
  }
  const s = doc.sentences[doc.sentenceIndexAt(e.trigger.start)]!;
  for (let k = s.tokenStart; k + 1 < s.tokenEnd && doc.tokens[k]!.start < e.trigger.start; k++) {
    if (doc.tokens[k]!.lower === 'according' && doc.tokens[k + 1]!.lower === 'to') return doc.tokens[k]!;
  }
  return null;
}

/** Ids in order (`v1`, `v2`, …), and each `embeddedIn` moved to its governor's new id. */
function renumber(events: EventRecord[]): EventRecord[] {
  const ids = new Map<string, string>();
  events.forEach((e, n) => {
    if (e.id) ids.set(e.id, `v${n + 1}`);
    e.id = `v${n + 1}`;
  });
  for (const e of events) if (e.embeddedIn) e.embeddedIn = ids.get(e.embeddedIn);
  return events;
}
