/**
 * Negation and modality of an event, from the words around its trigger: "has not issued", "has yet to recognise"
 * (negated); "will react", "is going to" (future); "could", "would", "if …" (hypothetical); inside a quote or after
 * "X said" (reported).
 */
import type { Modality } from '../../model/types.js';
import type { Doc } from '../../nlp/doc.js';

const NEGATORS = new Set(['not', "n't", 'never', 'no', 'without', 'nor', 'neither']);
const FUTURE = new Set(['will', "'ll", 'shall', 'wo']);
const HYPOTHETICAL = new Set(['would', 'could', 'might', 'may', 'should', "'d", 'can']);
/** "plans to join", "aims to join": the act is intended, not done. */
const INTENT = new Set([
  'plan', 'plans', 'planned', 'aim', 'aims', 'aimed', 'intend', 'intends', 'intended', 'want', 'wants', 'wanted',
  'hope', 'hopes', 'hoped', 'seek', 'seeks', 'aspire', 'aspires', 'aspired', 'set', 'expected', 'going', 'ready',
  'prepared', 'about', 'wish', 'wishes', 'goal',
]);
const CONDITIONAL = new Set(['if', 'unless', 'whether']);
const REPORT_CUES = new Set([
  'said', 'says', 'told', 'stated', 'claimed', 'claims', 'reportedly', 'allegedly', 'alleged', 'according',
  'announced', 'reported', 'added', 'insisted',
]);

/** Whether the trigger starting at token `first` is negated by the words of its verb group or determiner. */
export function isNegated(doc: Doc, first: number, sentenceStart: number): boolean {
  for (let k = first - 1; k >= sentenceStart && k >= first - 4; k--) {
    const t = doc.tokens[k]!;
    if (NEGATORS.has(t.lower)) return true;
    // "has yet to recognise", "failed to join"
    if (t.lower === 'to' && k > sentenceStart) {
      const before = doc.tokens[k - 1]!.lower;
      if (before === 'yet' || before === 'failed' || before === 'fails' || before === 'fail') return true;
    }
    if (t.pos === 'VERB' || t.pos === 'PUNCT' || t.pos === 'NOUN' || t.pos === 'PROPN') return false;
  }
  return false;
}

export interface ModalityInput {
  doc: Doc;
  first: number;
  sentenceStart: number;
  /** Inside a quotation (direct or indirect). */
  inQuote: boolean;
  /** The event is a speech act by the quote's speaker or the reporting verb's subject: saying it is doing it. */
  speechActBySpeaker: boolean;
}

/** The modality of the event whose trigger starts at token `first`. */
export function modalityOf(input: ModalityInput): Modality {
  const { doc, first, sentenceStart } = input;
  let intent = false;
  for (let k = first - 1; k >= sentenceStart && k >= first - 5; k--) {
    const t = doc.tokens[k]!;
    if (HYPOTHETICAL.has(t.lower)) return 'hypothetical';
    if (FUTURE.has(t.lower)) return 'future';
    if (INTENT.has(t.lower)) intent = true;
    if (t.pos === 'PUNCT' || (t.pos === 'VERB' && !INTENT.has(t.lower) && t.lower !== 'to')) break;
  }
  if (inConditionalClause(doc, first, sentenceStart)) return 'hypothetical';
  if (intent) return 'future';
  if (input.speechActBySpeaker) return 'asserted';
  if (input.inQuote) return 'reported';
  const s = doc.sentences[doc.tokens[first]!.sentence]!;
  for (let k = s.tokenStart; k < s.tokenEnd; k++) {
    if (k !== first && REPORT_CUES.has(doc.tokens[k]!.lower)) return 'reported';
  }
  return 'asserted';
}

/** "if Sarajevo takes steps": the trigger follows "if" with no comma or clause break in between. */
function inConditionalClause(doc: Doc, first: number, sentenceStart: number): boolean {
  for (let k = first - 1; k >= sentenceStart && k >= first - 12; k--) {
    const w = doc.tokens[k]!.lower;
    if (CONDITIONAL.has(w)) return true;
    if (w === ',' || w === ';' || w === ':') return false;
  }
  return false;
}
