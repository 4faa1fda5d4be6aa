/**
 * Surnames to the full name introduced earlier: a one-word name that is the last word of a person's full name
 * ("Osmani" after "Vjosa Osmani") is that person. When two people share the surname, the most recent full name
 * before the mention wins; a surname used before any full name (a headline) goes to the one person in the
 * document with that surname, if there is exactly one.
 */
import type { Entity } from '../../model/types.js';
import { normalizeName } from '../../nlp/fold.js';
import type { EntityTable } from './table.js';

export function resolveSurnames(table: EntityTable): void {
  const bySurname = new Map<string, { e: Entity; first: number }[]>();
  for (const e of table.entities) {
    if (e.type !== 'PERSON' || !e.mentions.length) continue;
    const words = normalizeName(e.name).split(' ');
    if (words.length < 2) continue;
    const full = e.mentions.filter((m) => normalizeName(m.text).includes(' '));
    const first = full.length ? Math.min(...full.map((m) => m.start)) : Infinity;
    const key = words[words.length - 1]!;
    const list = bySurname.get(key) ?? [];
    list.push({ e, first });
    bySurname.set(key, list);
  }
  for (const e of [...table.entities]) {
    if (e.kbId || !e.mentions.length) continue;
    const key = normalizeName(e.name);
    if (key.includes(' ')) continue;
    const people = bySurname.get(key)?.filter((p) => p.e !== e);
    if (!people?.length) continue;
    for (const m of [...e.mentions]) {
      const before = people.filter((p) => p.first < m.start).sort((a, b) => b.first - a.first);
      const target = before[0]?.e ?? (people.length === 1 ? people[0]!.e : null);
      if (target) table.moveMention(m, target, 'surname');
    }
  }
}
