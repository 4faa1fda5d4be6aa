/**
 * Definite descriptions of an organisation already named in the document: "the alliance", "the 30-member
 * alliance", "the bloc", "the union", "the mission". The KB's capitalised aliases ("the Alliance") are matched
 * as names; these lower-case heads are common nouns, so they only corefer when the document has named an actor
 * they describe, and only with the nearest such actor before them.
 */
import type { Doc } from '../../nlp/doc.js';
import type { EntityTable } from './table.js';

/** Head noun → KB ids it can describe, most likely first. Data: a theatre can extend it. */
export const NOMINAL_HEADS: Record<string, string[]> = {
  alliance: ['nato'],
  bloc: ['eu', 'nato'],
  union: ['eu'],
  mission: ['kfor', 'eulex', 'eufor-althea', 'unmik', 'osce-mission-kosovo'],
  organisation: ['osce', 'nato', 'un'],
  organization: ['osce', 'nato', 'un'],
};

/** Modifiers that may stand between "the" and the head: "the 30-member alliance", "the military alliance". */
const MODIFIER = /^(?:\d+-member|\d+|-|member|military|western|transatlantic|north|atlantic|defensive|defence|defense|security|european|peacekeeping|nato-led|eu-led|rule-of-law|27-nation|european-led)$/;

export function resolveNominals(doc: Doc, table: EntityTable): void {
  const tokens = doc.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const ids = NOMINAL_HEADS[tokens[i]!.lower];
    if (!ids || tokens[i]!.text[0] !== tokens[i]!.text[0]!.toLowerCase()) continue;
    // Walk back over modifiers to "the".
    let k = i - 1;
    while (k >= 0 && MODIFIER.test(tokens[k]!.lower) && tokens[k]!.sentence === tokens[i]!.sentence) k--;
    if (k < 0 || tokens[k]!.lower !== 'the') continue;
    const start = tokens[k]!.start;
    const target = nearestNamed(table, ids, start);
    if (target) table.addMention(target, start, tokens[i]!.end, 'nominal');
  }
}

/** The actor among `ids` whose name or alias appears last before `offset`. */
function nearestNamed(table: EntityTable, ids: string[], offset: number) {
  let best: { at: number; e: ReturnType<EntityTable['byKbId']> } | null = null;
  for (const id of ids) {
    const e = table.byKbId(id);
    if (!e) continue;
    for (const m of e.mentions) {
      if (m.start < offset && (m.kind === undefined || m.kind === 'name' || m.kind === 'alias') && (!best || m.start > best.at)) best = { at: m.start, e };
    }
  }
  return best?.e ?? null;
}
