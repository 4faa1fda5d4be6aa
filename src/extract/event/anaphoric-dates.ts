/**
 * The date of an event told again by a definite noun: "Tarsk shelled Valmora on Monday. … The attack was condemned
 * by Ostrava." "The attack" names the act already told, so it takes that act's stated time, as a reader (and a
 * TimeML annotator linking the two mentions) would, rather than the report's date. The antecedent is the nearest
 * earlier event of the same PLOVER type within a few sentences whose actors do not disagree (a role both fill names
 * the same entity; past one that disagrees, it must share an actor); when that one has no stated time, nothing is
 * carried (an older dated event of the type is another act).
 */
import type { EventRecord } from '../../model/types.js';
import type { Doc } from '../../nlp/doc.js';
import type { SyntaxTree } from '../../nlp/syntax/tree.js';

/** Sentences back within which a definite event noun finds the act it names again. */
const ANAPHORA_REACH = 6;

/** Determiners that make a noun name something already known. */
const DEFINITE = new Set(['the', 'this', 'that', 'these', 'those']);

/** Whether the event's trigger is a definite noun: "the attack", "this offensive", "Tarsk's blockade", "its raid". */
export function definiteEventNoun(tree: SyntaxTree, first: number, last: number): boolean {
  const p = tree.headOf(tree.wordsOfTokens(first, last));
  if (p < 0 || tree.word(p).upos !== 'NOUN') return false;
  if (tree.dependents(p, 'nmod:poss').length) return true;
  return tree.dependents(p, 'det').some((d) => DEFINITE.has(tree.lower(d)));
}

/**
 * The date `e` takes from the act it names again, or null: the nearest earlier event of its type (within
 * ANAPHORA_REACH sentences, in an earlier sentence), when that one's date was stated in its own sentence or carried
 * from its scene.
 */
export function anaphoricDate(doc: Doc, events: readonly EventRecord[], index: number): EventRecord['date'] {
  const e = events[index]!;
  const here = doc.sentenceIndexAt(e.trigger.start);
  let passed = false;
  for (let k = index - 1; k >= 0; k--) {
    const prior = events[k]!;
    const there = doc.sentenceIndexAt(prior.trigger.start);
    if (there === here) continue;
    if (here - there > ANAPHORA_REACH) return null;
    if (prior.type !== e.type) continue;
    // An act of the type by or on others is not this one ("Russia attacked Ukraine" between "Serbia attacked Kosovo
    // on Monday" and "Serbia's attack on Kosovo"); past one, only an act sharing an actor is named again.
    if (clash(e.source, prior.source) || clash(e.target, prior.target)) {
      passed = true;
      continue;
    }
    if (passed && !shared(e, prior)) return null;
    // The nearest agreeing act is the one named again: undated, denied or dated only by the report, nothing carries.
    const basis = prior.date?.basis ?? (prior.date?.text ? 'stated' : 'report');
    return prior.date && !prior.negated && basis !== 'report' ? { value: prior.date.value, text: prior.date.text, basis: 'context' } : null;
  }
  return null;
}

const clash = (a: string | null, b: string | null): boolean => a !== null && b !== null && a !== b;
const shared = (a: EventRecord, b: EventRecord): boolean =>
  (a.source !== null && a.source === b.source) || (a.target !== null && a.target === b.target);
