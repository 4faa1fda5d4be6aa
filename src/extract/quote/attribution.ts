/**
 * Who said a marked quote: the attribution after it ("…,” he said / “…,” said X / “…,” X told reporters / “…,”
 * according to X) or before it in the same sentence ("X said: “…”", "X said the ties were “…”"). Speech verbs are
 * found on the Doc's tokens; the speaker is the noun phrase that is their subject.
 */
import type { Doc, Token } from '../../nlp/doc.js';
import type { Span } from '../../model/types.js';
import { nounPhraseRight, subjectBefore, type SpeakerPhrase } from './phrase.js';
import { ALWAYS_VERB, SPEECH_FORMS } from './verbs.js';

export interface Attribution {
  phrase: SpeakerPhrase;
  /** The speech verb token (or "according" for "according to X"). */
  verb: Token;
  /** Tokens between the quote mark and the verb: short quotes need their verb right next to them. */
  distance: number;
}

const SENTENCE_END = new Set(['.', '!', '?', ';']);
const BE_FORMS = new Set(['was', 'were', 'is', 'are', 'be', 'been', 'being']);

/** The base of a speech verb at token `i`, or null: a noun reading ("claims", "notes") or a passive does not count. */
export function speechVerbAt(doc: Doc, i: number): string | null {
  const t = doc.tokens[i];
  if (!t) return null;
  const base = SPEECH_FORMS.get(t.lower);
  if (!base) return null;
  if (t.pos !== 'VERB' && t.pos !== 'ADJ' && !ALWAYS_VERB.has(t.lower)) return null;
  if (base === 'point out' && doc.tokens[i + 1]?.lower !== 'out') return null;
  // A participle ("…, saying", "whilst promising") has its subject elsewhere in the sentence.
  if (t.lower.endsWith('ing')) return null;
  const before = doc.tokens[i - 1];
  if (before && BE_FORMS.has(before.lower)) return null;
  return base;
}

/** True when tokens `i`, `i+1` are "according to". */
export function isAccordingTo(doc: Doc, i: number): boolean {
  return doc.tokens[i]?.lower === 'according' && doc.tokens[i + 1]?.lower === 'to';
}

/** The attribution right after a quote's closing mark, up to the end of the clause or the next quote. */
export function attributionAfter(doc: Doc, quote: Span & { close: number }, regionEnd: number): Attribution | null {
  const tokens = doc.tokens;
  let i = doc.tokenIndexAt(quote.close + 1);
  // Skip the punctuation around the closing mark (“…,” / “…”, / ” —).
  while (i < tokens.length && tokens[i]!.start < regionEnd && tokens[i]!.pos === 'PUNCT' && !SENTENCE_END.has(tokens[i]!.lower)) i++;
  const first = i;
  let limit = first;
  while (limit < tokens.length && tokens[limit]!.start < regionEnd && !SENTENCE_END.has(tokens[limit]!.lower) && limit - first < 14) limit++;
  if (first >= limit) return null;
  if (isAccordingTo(doc, first)) {
    const phrase = nounPhraseRight(doc, first + 2, limit);
    return phrase ? { phrase, verb: tokens[first]!, distance: 0 } : null;
  }
  // "said X" / "added KCNA" / "it added".
  if (speechVerbAt(doc, first)) {
    const phrase = nounPhraseRight(doc, first + 1, limit);
    return phrase ? { phrase, verb: tokens[first]!, distance: 0 } : null;
  }
  for (let v = first + 1; v < limit && v - first <= 9; v++) {
    if (tokens[v]!.lower === ',' && v - first > 1) break;
    if (!speechVerbAt(doc, v)) continue;
    const phrase = subjectBefore(doc, v, first);
    // The subject must start right after the quote: otherwise the verb belongs to another clause.
    if (phrase && phrase.start === tokens[first]!.start) return { phrase, verb: tokens[v]!, distance: 0 };
    return null;
  }
  return null;
}

/** The attribution before a quote's opening mark in the same sentence: the nearest speech verb with a subject. */
export function attributionBefore(doc: Doc, quote: Span & { open: number }, regionStart: number): Attribution | null {
  const tokens = doc.tokens;
  const openTok = doc.tokenIndexAt(quote.open) - 1;
  let floor = openTok;
  while (floor >= 0 && tokens[floor]!.start >= regionStart && !SENTENCE_END.has(tokens[floor]!.lower) && openTok - floor < 40) floor--;
  floor++;
  for (let v = openTok; v >= floor; v--) {
    if (isAccordingTo(doc, v)) {
      const phrase = nounPhraseRight(doc, v + 2, openTok + 1);
      if (phrase) return { phrase, verb: tokens[v]!, distance: openTok - v };
      continue;
    }
    if (!speechVerbAt(doc, v)) continue;
    const phrase = subjectBefore(doc, v, floor);
    if (phrase) return { phrase, verb: tokens[v]!, distance: openTok - v };
    // "…, saying: “…”": a participle with its subject far away; the verb is right but the speaker unknown.
    return null;
  }
  return null;
}
