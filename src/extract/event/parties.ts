import type { EventRecord } from '../../model/types.js';
import type { Doc } from '../../nlp/doc.js';
import { sentenceTree } from '../../nlp/syntax/tree.js';

/**
 * "Valmora called for a ceasefire", "urged both sides to halt the fighting": an appeal to end the fighting is made
 * to those who fight, whom the text named when it told the fighting. Such a request names no one itself; its
 * target is the source of the nearest act of force told before it (within the lookback; failing that, just after
 * it) by someone other than the one who asks. Coders such as CAMEO code such appeals to the warring parties where the text has named them.
 */

/** Words of what is asked of fighting parties, or of the parties themselves ("both sides"). */
const PEACE_WORDS = new Set(['ceasefire', 'cease-fire', 'truce', 'armistice', 'restraint', 'de-escalation', 'hostilities', 'fighting', 'violence']);
/** Words that, after "both", "all", "the two" or "the warring", name the parties to a conflict. */
const PARTY_WORDS = new Set(['sides', 'parties', 'countries', 'belligerents', 'combatants']);
const PARTY_DETERMINERS = new Set(['both', 'all', 'two', 'warring']);
/** How many sentences back the fighting may have been told, and, failing that, how many ahead. */
const LOOKBACK = 6;
const LOOKAHEAD = 3;
/** Acts of fighting. */
const FORCE = new Set(['ASSAULT']);

export function askedOfParties(doc: Doc, events: EventRecord[]): void {
  for (let n = 0; n < events.length; n++) {
    const e = events[n]!;
    if (e.type !== 'REQUEST' || e.target !== null || e.negated) continue;
    const here = doc.sentenceIndexAt(e.trigger.start);
    const tree = sentenceTree(doc, here);
    if (!tree) continue;
    const p = tree.wordsOfTokens(doc.tokenIndexAt(e.trigger.start), doc.tokenIndexAt(e.trigger.end - 1));
    if (!p.length) continue;
    const head = tree.headOf(p);
    // What is asked: the words of the request's own phrase, past the trigger.
    const asked = tree.subtree(head).filter((w) => !p.includes(w));
    const peace = asked.some((w) => PEACE_WORDS.has(tree.lower(w)) || (PARTY_WORDS.has(tree.lower(w)) && asked.some((d) => PARTY_DETERMINERS.has(tree.lower(d)) && tree.word(d).head === w)));
    if (!peace) continue;
    const fighter = (other: EventRecord) => FORCE.has(other.type) && !other.negated && other.source !== null &&
      other.source !== e.source && (other.modality === 'asserted' || other.modality === 'reported');
    for (let m = n - 1; m >= 0 && e.target === null; m--) {
      const prior = events[m]!;
      if (here - doc.sentenceIndexAt(prior.trigger.start) > LOOKBACK) break;
      if (fighter(prior)) e.target = prior.source;
    }
    // A lede may tell the appeal before the fighting it is about: then the first act of force told just after.
    for (let m = n + 1; m < events.length && e.target === null; m++) {
      const next = events[m]!;
      if (doc.sentenceIndexAt(next.trigger.start) - here > LOOKAHEAD) break;
      if (fighter(next)) e.target = next.source;
    }
  }
}
