import type { EventRecord } from '../../model/types.js';
import { relIs, type SyntaxTree } from '../../nlp/syntax/tree.js';
import { actorOfWord, anchorWord, clauseHead, type ActorContext } from './actors.js';
import { REPORTING_LEMMAS } from './dates.js';
import type { TriggerMatch } from './match.js';

/**
 * Demands told as obligations: "Valmora said Tarsk must withdraw its troops", "the council's demand that Kelm
 * free the prisoners". The act in the clause is not done; what happens is that one actor demands it of another,
 * which CAMEO codes as 10 (demand) and PLOVER as REQUEST, from the one who says it to the one who must. So the
 * clause's event is re-coded as that request.
 *
 * The clause must be another's: its subject an actor other than the one who speaks ("we must act", said by a
 * minister of his own side, is no demand). Only "must" marks the obligation in a reported clause; "should" is as
 * often advice or a forecast. After a noun of demanding the subjunctive needs no modal ("demanded that X leave").
 */

/** Nouns whose "that"-clause says what is demanded. */
const DEMAND_NOUNS = new Set(['demand', 'reminder', 'call', 'insistence', 'ultimatum', 'condition']);
/** Verbs (lemmas) whose "that"-clause is demanded, with or without "must". */
const DEMAND_VERBS = new Set(['demand', 'insist', 'urge', 'require']);

export function demandedAct(ctx: ActorContext, tree: SyntaxTree, e: EventRecord, match: TriggerMatch): void {
  if (e.type === 'REQUEST' || e.negated) return;
  const p = anchorWord(tree, match.first, match.last);
  if (p < 0) return;
  const clause = clauseHead(tree, p);
  const c = tree.word(clause);
  if (c.head < 0) return;
  const must = [p, clause].some((k) => tree.dependents(k, 'aux').some((a) => tree.lower(a) === 'must'));
  const h = c.head;
  let demander = -1;
  // Whom the demand is told to: "told Tarsk that it must", "a reminder to Tarsk that it must".
  let addressees: number[] = [];
  const isVerb = tree.word(h).upos === 'VERB';
  // The parser may hang the clause on the verb whose object is the demand ("reiterated its demand that …").
  const demandObject = isVerb ? tree.objectsOf(h).find((o) => DEMAND_NOUNS.has(tree.lemma(o))) : undefined;
  if (c.rel === 'ccomp' && isVerb && (DEMAND_VERBS.has(tree.lemma(h)) || (must && REPORTING_LEMMAS.has(tree.lemma(h))) || (demandObject !== undefined && hasThat(tree, clause)))) {
    const owner = demandObject === undefined ? -1 : tree.possessorOf(demandObject);
    const s = tree.subjectOf(h);
    demander = owner >= 0 && actorOfWord(ctx, tree, owner) ? owner : s && !s.passive ? s.word : -1;
    addressees = [...tree.dependents(h, 'iobj'), ...tree.objectsOf(h)];
  } else if ((relIs(c.rel, 'acl') || c.rel === 'ccomp') && !isVerb && DEMAND_NOUNS.has(tree.lemma(h)) && hasThat(tree, clause)) {
    // "its demand that …" names who demands; "issued a reminder to X that …", the verb's subject.
    const owner = tree.possessorOf(h);
    const g = tree.governorOf(h);
    const s = g ? tree.subjectOf(g.verb) : null;
    demander = owner >= 0 && actorOfWord(ctx, tree, owner) ? owner : s && !s.passive ? s.word : -1;
    addressees = tree.dependents(h, 'nmod').filter((k) => tree.caseOf(k) === 'to');
  }
  if (demander < 0) return;
  const subject = tree.subjectOf(clause);
  if (!subject || subject.passive || subject.via !== 'own') return;
  const from = actorOfWord(ctx, tree, demander);
  let obliged = actorOfWord(ctx, tree, subject.word);
  // "Valmora reminded Tarsk that it must …": a pronoun subject told to someone is the one told, however the
  // pronoun was resolved.
  if (tree.word(subject.word).upos === 'PRON') {
    const told = addressees.map((k) => actorOfWord(ctx, tree, k)).find((m) => m && m.entityId !== from?.entityId);
    if (told) obliged = told;
  }
  if (!obliged || (from && from.entityId === obliged.entityId)) return;
  e.type = 'REQUEST';
  e.cameo = '10';
  e.source = from?.entityId ?? null;
  e.target = obliged.entityId;
}

function hasThat(tree: SyntaxTree, clause: number): boolean {
  return tree.dependents(clause, 'mark').some((m) => tree.lower(m) === 'that');
}
