/**
 * The graph view's exploration in the URL (`#/graph?expanded=kb:serbia,kb:nato&sel=node:kb:nato&kinds=cooperative`),
 * so that a view can be reloaded, bookmarked or sent as it is: which actors are expanded, what is selected, whether
 * the whole graph is drawn, the filters and the colouring. `actor` stays the actor a link asked for.
 */
import { qs } from '../api';
import type { Selection } from './GraphCanvas';
import { EDGE_KINDS, ENTITY_TYPES } from './filters';

export interface GraphState {
  actor: string | null;
  from: string;
  to: string;
  kinds: ReadonlySet<string>;
  types: ReadonlySet<string>;
  mode: 'explore' | 'all' | null;
  expanded: string[];
  selected: Selection | null;
  colorBy: 'type' | 'community';
}

const list = (raw: string | null, allowed: readonly string[]): Set<string> | null => {
  const items = (raw ?? '').split(',').map((s) => s.trim()).filter((s) => allowed.includes(s));
  return items.length ? new Set(items) : null;
};

/** The state a URL describes; what it leaves out is the view's default (an actor asked for is explored). */
export function readGraphState(params: URLSearchParams): GraphState {
  const actor = params.get('actor');
  const expanded = (params.get('expanded') ?? '').split(',').filter(Boolean);
  const sel = /^(node|edge):(.+)$/.exec(params.get('sel') ?? '');
  const mode = params.get('mode');
  return {
    actor, from: params.get('from') ?? '', to: params.get('to') ?? '',
    kinds: list(params.get('kinds'), EDGE_KINDS) ?? new Set(EDGE_KINDS),
    types: list(params.get('types'), ENTITY_TYPES) ?? new Set(ENTITY_TYPES),
    mode: mode === 'explore' || mode === 'all' ? mode : actor || expanded.length ? 'explore' : null,
    expanded: expanded.length ? expanded : actor ? [actor] : [],
    selected: sel ? { kind: sel[1] as 'node' | 'edge', id: sel[2]! } : actor ? { kind: 'node', id: actor } : null,
    colorBy: params.get('color') === 'community' ? 'community' : 'type',
  };
}

/** The URL of a state: only what differs from the defaults. */
export function graphStateHash(s: GraphState): string {
  const all = (set: ReadonlySet<string>, every: readonly string[]) => (set.size === every.length ? null : [...set].join(','));
  return `#/graph${qs({
    actor: s.actor, from: s.from, to: s.to, kinds: all(s.kinds, EDGE_KINDS), types: all(s.types, ENTITY_TYPES),
    mode: s.mode, expanded: s.mode === 'explore' && s.expanded.join(',') !== s.actor ? s.expanded.join(',') : null,
    sel: s.selected && !(s.selected.kind === 'node' && s.selected.id === s.actor && s.expanded.join(',') === s.actor) ? `${s.selected.kind}:${s.selected.id}` : null,
    color: s.colorBy === 'community' ? 'community' : null,
  })}`;
}
