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
/** How a sentence cites the one who tells of the act: "according to X", "X said". */
const CITING_MARKERS = new Set(['according to', 'according']);
const CITING_VERBS = new Set(['say', 'announce', 'report']);

export function citedAuthority(ctx: ActorContext, tree: SyntaxTree, e: EventRecord, match: TriggerMatch): void {
  if (!CUSTODY.has(e.type) || e.source !== null || e.negated) return;
  const p = anchorWord(tree, match.first, match.last);
  if (p < 0 || !tree.isPassive(p) || tree.agentOf(p) >= 0) return;
  const cited = tree.obliquesOf(p).filter((o) => o.marker !== null && CITING_MARKERS.has(o.marker)).map((o) => o.word);
  // "…, police said": the act's clause under a reporting verb, or that verb under the act ("were detained, the
  // court said" parses both ways).
  const reporters = [tree.word(p).head, ...tree.children(p).filter((c) => /^(ccomp|parataxis)$/.test(tree.word(c).rel))];
  for (const r of reporters) {
    if (r < 0 || !CITING_VERBS.has(tree.lemma(r))) continue;
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
