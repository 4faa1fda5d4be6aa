/**
 * Demonyms and states as one actor for counting (issue 10, item 4). A document keeps "Russian" as a NORP entity
 * of its own (the reader shows it so, and events never take an adjective for an actor that spoke), but an analyst
 * counting actors thinks of Russia and "Russian" as one: lists, counts, profiles and the graph fold each stored
 * NORP actor into the state it names, by default. Asking for them unfolded (`nations: 'separate'`, or a list of
 * NORP actors by type) shows them apart.
 *
 * The fold is read from the store and the KB: a stored NORP actor is named by its state's first demonym
 * (extract/actors/table.ts), which the KB's demonym index leads back to the state; it folds only into a state the
 * store holds. For the entity list and profiles it takes the form of merges placed before the analyst's
 * corrections (so a correction of the same actor still wins); their ids start with FOLD_PREFIX and are never
 * shown as corrections.
 */
import type { KnowledgeBase } from '../model/types.js';
import type { Queryable } from '../store/db.js';
import { defaultKnowledgeBase } from '../kb/load.js';
import { demonymIndex } from '../extract/actors/roles.js';
import { isState } from '../extract/actors/agents.js';
import { aliasWords } from '../kb/matcher.js';
import { Overrides, type Correction } from './corrections.js';

/** Whether NORP actors are counted with their states (default) or apart. */
export const NATION_MODES = ['fold', 'separate'] as const;
export type NationMode = (typeof NATION_MODES)[number];

export const FOLD_PREFIX = 'nation:';

export interface NationFold {
  /** The stored NORP actor ("x:NORP:russian") and the state it is counted with ("kb:russia"). */
  from: string;
  into: string;
}

const key = (s: string): string => aliasWords(s).map((w) => w.key).join(' ');

/** The stored NORP actors that name a state the store also holds, each with that state's id. */
export async function nationFolds(db: Queryable, kb: KnowledgeBase | null = null): Promise<NationFold[]> {
  const rows = (await db.query<{ id: string; name: string }>(
    `SELECT id, name FROM entities WHERE type = 'NORP' AND kb_id IS NULL AND document_count > 0 ORDER BY id`)).rows;
  if (!rows.length) return [];
  const demonyms = demonymIndex(kb ?? defaultKnowledgeBase());
  const wanted: NationFold[] = [];
  for (const r of rows) {
    const entry = demonyms.get(key(r.name));
    if (isState(entry)) wanted.push({ from: r.id, into: `kb:${entry.id}` });
  }
  if (!wanted.length) return [];
  const held = new Set((await db.query<{ id: string }>('SELECT id FROM entities WHERE id = ANY($1::text[])', [wanted.map((w) => w.into)])).rows.map((r) => r.id));
  return wanted.filter((w) => held.has(w.into));
}

/** The analyst's corrections with the folds put before them, as merges. */
export function withFolds(ov: Overrides, folds: NationFold[]): Overrides {
  if (!folds.length) return ov;
  const merges: Correction[] = folds.map((f) => ({
    id: `${FOLD_PREFIX}${f.from}`, kind: 'merge', target: { entity: f.from }, value: { into: f.into },
    author: 'dossier', reason: 'a people counted with its state', createdAt: '',
  } as unknown as Correction));
  return new Overrides([...merges, ...ov.active]);
}

/** The folds an Overrides built by withFolds carries. */
export function foldsIn(ov: Overrides): NationFold[] {
  return ov.active.filter((c) => c.id.startsWith(FOLD_PREFIX)).map((c) => ({ from: (c.target as { entity: string }).entity, into: (c.value as { into: string }).into }));
}

/** Correction ids without the folds: what is shown as "corrected". */
export const shownCorrections = (ids: string[]): string[] => ids.filter((id) => !id.startsWith(FOLD_PREFIX));
