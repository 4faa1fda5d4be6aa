/**
 * CAMEO root codes for PLOVER types, for events stored without one (the extractor normally records the code of
 * the trigger that matched). Each type gets the root the bundled lexicon uses most for it; ASSAULT gets 18, the
 * CAMEO root of that name, since 18/19/20 are all assaults and the root is the conservative reading.
 */
import type { PloverType } from '../model/types.js';

export const CAMEO_ROOT: Record<PloverType, string> = {
  AGREE: '03', CONSULT: '04', SUPPORT: '05', COOPERATE: '06', AID: '07', CONCEDE: '08', RETREAT: '08',
  REQUEST: '10', ACCUSE: '11', REJECT: '12', THREATEN: '13', PROTEST: '14', MOBILIZE: '15', SANCTION: '16',
  COERCE: '17', ASSAULT: '18',
};

/** The stored code when there is one, else the type's root; null for a type outside PLOVER. */
export function cameoRoot(type: string, stored: string | null | undefined): string | null {
  if (stored && /^\d{2}/.test(stored)) return stored.slice(0, 2);
  return CAMEO_ROOT[type as PloverType] ?? null;
}
