/**
 * Which way in time a clause points, for expressions that name a month or day without a year ("in March",
 * "on Wednesday"): a report dated June that says "talks were held in March" means the March before it, one that
 * says "elections will be held in March" means the next one. We read the verb nearest to the expression in the
 * same sentence: first looking back from it, then forward.
 */
import type { Doc } from '../../nlp/doc.js';

export type Tense = 'future' | 'past' | null;

const FUTURE = new Set([
  'will', "'ll", 'shall', 'would', 'going', 'expected', 'scheduled', 'due', 'plans', 'plan', 'planned', 'planning',
  'intends', 'set', 'upcoming', 'next', 'forthcoming', 'aims',
]);

// Common irregular past forms; regular ones are recognised by their -ed ending and verb tag.
const PAST = new Set([
  'was', 'were', 'had', 'did', 'said', 'told', 'met', 'held', 'took', 'made', 'came', 'went', 'began', 'became',
  'saw', 'gave', 'left', 'sent', 'won', 'lost', 'led', 'spoke', 'wrote', 'brought', 'thought', 'found', 'felt',
  'kept', 'fell', 'rose', 'broke', 'chose', 'drew', 'fought', 'flew', 'grew', 'knew', 'paid', 'put', 'ran',
  'sought', 'stood', 'struck', 'took', 'ago', 'last', 'since', 'earlier', 'former',
]);

// Where a clause ends: a cue beyond it belongs to another verb ("the flight which launches June 28"). Commas are
// not boundaries: lists share their verb ("going to Rome next month, Paris in November, Oslo in December").
const CLAUSE_BOUNDARY = new Set([
  ';', ':', '(', ')', '"', 'which', 'who', 'whom', 'whose', 'where', 'while', 'whereas', 'because',
  'although', 'but',
]);

/** The tense of the clause around the character offset `at`: the nearest tense cue back, else forward. */
export function tenseAt(doc: Doc, at: number, end: number): Tense {
  if (doc.tokens.length === 0) return null;
  const first = doc.tokenIndexAt(at);
  const sentence = doc.sentences[doc.sentenceIndexAt(at)];
  if (!sentence) return null;
  for (let k = Math.min(first, sentence.tokenEnd) - 1; k >= sentence.tokenStart; k--) {
    if (CLAUSE_BOUNDARY.has(doc.tokens[k]!.lower)) break;
    const cue = cueOf(doc, k);
    if (cue) return cue;
  }
  for (let k = doc.tokenIndexAt(end); k < sentence.tokenEnd; k++) {
    if (CLAUSE_BOUNDARY.has(doc.tokens[k]!.lower)) break;
    const cue = cueOf(doc, k);
    if (cue) return cue;
  }
  return null;
}

function cueOf(doc: Doc, k: number): Tense {
  const t = doc.tokens[k]!;
  const w = t.lower;
  // "the referendum is to be held": an obligation or plan, so forward.
  if (w === 'to' && /^(?:is|are|was|were)$/.test(doc.tokens[k - 1]?.lower ?? '')) return 'future';
  if (FUTURE.has(w)) {
    // "set", "due" and "plan" point forward only as "set to", "due to", "plan to": not "a set of", "plan for".
    if (w === 'set' || w === 'due' || w === 'plan' || w === 'plans') return doc.tokens[k + 1]?.lower === 'to' ? 'future' : null;
    return 'future';
  }
  if (PAST.has(w)) {
    // "will be held", "is being sent": a participle after "be" takes its tense from the auxiliary before it.
    const before = doc.tokens[k - 1]?.lower;
    return before === 'be' || before === 'being' || before === 'is' || before === 'are' ? null : 'past';
  }
  if ((t.pos === 'VERB' || t.pos === 'AUX') && w.length > 4 && w.endsWith('ed')) {
    // "is expected to", "has agreed" — a participle after a present auxiliary is not a past clause.
    const before = doc.tokens[k - 1]?.lower;
    if (before === 'is' || before === 'are' || before === 'be' || before === 'being') return null;
    return 'past';
  }
  return null;
}
