import type { EventRecord } from '../../model/types.js';
import type { SyntaxTree } from '../../nlp/syntax/tree.js';
import { anchorWord, phraseActor, type ActorContext } from './actors.js';
import type { TriggerMatch } from './match.js';

/**
 * "Five people were detained, according to a statement from Valmora's court", "three men were charged, police
 * said": an arrest, a charge or a sentence told in the passive with no agent is the act of the authority the
 * sentence cites for it, which only a state's organs can do. The source is then the actor named in the "according
 * to" phrase, or the subject of the reporting verb the act's clause hangs from, where that actor is a state or one
 * of its bodies (not a person: "according to his lawyer" names no jailer).
 */

/** Event types only an authority does to people in custody. */
const CUSTODY = new Set(['COERCE']);
const AUTHORITY_TYPES = new Set(['GPE', 'ORG']);

export function citedAuthority(ctx: ActorContext, tree: SyntaxTree, e: EventRecord, match: TriggerMatch): void {
  if (!CUSTODY.has(e.type) || e.source !== null || e.negated) return;
  const p = anchorWord(tree, match.first, match.last);
  if (p < 0 || !tree.isPassive(p) || tree.agentOf(p) >= 0) return;
  const cited = tree.obliquesOf(p).filter((o) => o.marker === 'according to' || o.marker === 'according').map((o) => o.word);
  const h = tree.word(p).head;
  // "…, police said": the act's clause under a reporting verb, or that verb under the act ("were detained, the
  // court said" parses both ways).
  for (const r of [h, ...tree.children(p)]) {
    if (r < 0 || !/^(ccomp|parataxis|root)$/.test(tree.word(r).rel) && r !== h) continue;
    if (tree.lemma(r) !== 'say' && tree.lemma(r) !== 'announce' && tree.lemma(r) !== 'report') continue;
    const s = tree.subjectOf(r);
    if (s && s.via === 'own' && !s.passive) cited.push(s.word);
  }
  for (const w of cited) {
    const m = phraseActor(ctx, tree, w, () => false);
    if (m && AUTHORITY_TYPES.has(m.type)) {
      // The authority cited was taken for the target where the passive's subject named no actor: it is the one
      // who detains, not the one detained.
      if (m.entityId === e.target) e.target = null;
      e.source = m.entityId;
      return;
    }
  }
}
