/** Cross-document entity ids, shared by the store's writes and the documents it prepares. */
import type { Entity } from '../model/types.js';
import { normalizeName } from '../nlp/fold.js';

/** A document's cross-document entity id: by KB id, else by type and normalised full name. */
export function globalEntityId(e: Pick<Entity, 'kbId' | 'type' | 'name'>): string {
  return e.kbId ? `kb:${e.kbId}` : `x:${e.type}:${normalizeName(e.name)}`;
}
