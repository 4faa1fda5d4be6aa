/** The graph's filters (time window, entity types, edge kinds) and the API queries they make. */
import { qs } from '../api';

export const EDGE_KINDS = ['cooccurrence', 'cooperative', 'conflictual'] as const;
export const KIND_NAMES: Record<string, string> = { cooccurrence: 'named together', cooperative: 'cooperative', conflictual: 'conflictual' };

/** The entity types offered as filters, most common in news first. */
export const ENTITY_TYPES = ['PERSON', 'ORG', 'GPE', 'NORP', 'LOC', 'FAC', 'EVENT', 'LAW', 'PRODUCT'] as const;
export const TYPE_NAMES: Record<string, string> = {
  PERSON: 'people', ORG: 'organisations', GPE: 'states and cities', NORP: 'nationalities and groups', LOC: 'regions',
  FAC: 'facilities', EVENT: 'named events', LAW: 'laws and agreements', PRODUCT: 'products',
};

export interface GraphFilters {
  from: string;
  to: string;
  kinds: ReadonlySet<string>;
  types: ReadonlySet<string>;
}

/** `/api/graph` with the filters; all types or all kinds checked means no filter at all (the view keeps one of each). */
export function graphUrl(f: GraphFilters, extra: { actor?: string; maxNodes: number }): string {
  const kinds = f.kinds.size === EDGE_KINDS.length ? '' : [...f.kinds].join(',');
  const types = f.types.size === ENTITY_TYPES.length ? '' : [...f.types].join(',');
  return `/api/graph${qs({ from: f.from, to: f.to, kinds, entityTypes: types, actor: extra.actor, maxNodes: extra.maxNodes })}`;
}
