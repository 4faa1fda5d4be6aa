/**
 * Hand-made stored articles for tests of resolution, statements and exports: write the text, name the words that
 * carry each fact, and get a `WriteInput` with exact offsets (every span is found in the text, so a typo fails
 * loudly instead of producing a silently wrong fixture).
 */
import { createHash } from 'node:crypto';
import type { DateBasis, EntityType, EventAgent, Layers, Modality, PloverType, Polarity, StanceTopic } from '../model/types.js';
import { Doc } from '../nlp/doc.js';
import type { WriteInput } from '../store/store.js';

export interface ArticleSpec {
  text: string;
  date?: string | null;
  source?: string;
  url?: string | null;
  title?: string;
  /** Local id → the entity and the words that mention it (every occurrence is a mention). */
  entities?: Record<string, { name: string; type: EntityType; kbId?: string | null; wikidata?: string | null; words: string[] }>;
  /**
   * `basis` "report": the date is the report's own (stored with no words); `sourceState`/`targetState`: the local id
   * of the state the actor acts for (an official's state).
   */
  events?: { type: PloverType; source?: string | null; target?: string | null; location?: string | null; date?: string | null;
    basis?: DateBasis; trigger: string; negated?: boolean; modality?: Modality; cameo?: string; sourceState?: string; targetState?: string }[];
  quotes?: { text: string; speaker?: string | null; direct?: boolean }[];
  stances?: { holder: string; topic: StanceTopic; polarity: Polarity; evidence: string; date?: string | null }[];
}

function spanOf(text: string, words: string, from = 0): { start: number; end: number; text: string } {
  const start = text.indexOf(words, from);
  if (start < 0) throw new Error(`fixture: "${words}" is not in the text`);
  return { start, end: start + words.length, text: words };
}

export function article(spec: ArticleSpec): WriteInput {
  const { text } = spec;
  const doc = new Doc(text);
  const sentenceOf = (offset: number) => {
    const s = doc.sentences.find((x) => x.start <= offset && offset < x.end) ?? { start: 0, end: text.length };
    return { start: s.start, end: s.end };
  };
  const layers: Layers = { entities: [], times: [], quotes: [], events: [], stances: [] };
  for (const [id, e] of Object.entries(spec.entities ?? {})) {
    // Every occurrence of every word, longer words first claiming their place ("Serbian" before "Serbia").
    const mentions: { start: number; end: number; text: string }[] = [];
    for (const w of [...e.words].sort((x, y) => y.length - x.length)) {
      for (let at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + w.length)) {
        if (!mentions.some((m) => m.start < at + w.length && at < m.end)) mentions.push({ start: at, end: at + w.length, text: w });
      }
    }
    if (!mentions.length) throw new Error(`fixture: no word of ${e.name} is in the text`);
    mentions.sort((x, y) => x.start - y.start);
    layers.entities.push({ id, name: e.name, type: e.type, kbId: e.kbId ?? null, wikidata: e.wikidata ?? null, aliases: e.words, mentions });
  }
  const agent = (entity: string | null | undefined, state: string | undefined): EventAgent | undefined => (state ? {
    entity: entity ?? null, text: spec.entities?.[entity ?? '']?.words[0] ?? '', state, stateName: spec.entities?.[state]?.name ?? state, role: 'GOV', code: null,
  } : undefined);
  (spec.events ?? []).forEach((v, i) => {
    const trigger = spanOf(text, v.trigger);
    const sourceAgent = agent(v.source, v.sourceState);
    const targetAgent = agent(v.target, v.targetState);
    layers.events.push({
      id: `v${i + 1}`, type: v.type, source: v.source ?? null, target: v.target ?? null, location: v.location ?? null,
      date: v.date ? (v.basis === 'report' ? { value: v.date, text: '', basis: 'report' } : { value: v.date, text: v.date, basis: 'stated' }) : null,
      negated: v.negated ?? false, modality: v.modality ?? 'asserted',
      trigger, sentence: sentenceOf(trigger.start), confidence: 0.9, ...(v.cameo ? { cameo: v.cameo } : {}),
      ...(sourceAgent ? { sourceAgent } : {}), ...(targetAgent ? { targetAgent } : {}),
    });
  });
  (spec.quotes ?? []).forEach((q, i) => {
    const span = spanOf(text, q.text);
    layers.quotes.push({ id: `q${i + 1}`, text: q.text, start: span.start, end: span.end, direct: q.direct ?? true, speaker: q.speaker ?? null, speakerText: null });
  });
  for (const s of spec.stances ?? []) {
    const span = spanOf(text, s.evidence);
    layers.stances.push({ holder: s.holder, topic: s.topic, polarity: s.polarity, evidence: { start: span.start, end: span.end }, date: s.date ?? null });
  }
  const id = createHash('sha256').update(text).digest('hex');
  return {
    document: { id, text, title: spec.title ?? text.slice(0, 40), date: spec.date ?? null, dateSource: spec.date ? 'given' : null,
      source: spec.source ?? 'fixture', url: spec.url ?? null, language: 'en' },
    doc, layers, wordCount: text.split(/\s+/).length, signature: new Array(64).fill(0), bands: [], nearDuplicate: null,
  };
}
