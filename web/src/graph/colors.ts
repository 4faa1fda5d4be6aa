/**
 * The graph's colours, shared by the canvas and the legend: an actor by its entity type or by its community, a
 * link by its kind (grey: named together; green: cooperative; red: conflictual; lighter for words than deeds).
 */
import type { GraphEdge } from '../../../src/service/graph.js';

export const EDGE_BASE = { cooccurrence: '#b0bac5', cooperative: '#2e7d32', conflictual: '#c62828' } as const;

export const TYPE_COLORS: Record<string, string> = {
  PERSON: '#1565c0', ORG: '#6a1b9a', GPE: '#ef6c00', LOC: '#8d6e63', NORP: '#00838f',
  FAC: '#5d4037', EVENT: '#ad1457', LAW: '#546e7a', PRODUCT: '#9e9d24',
};
export const OTHER_COLOR = '#607d8b';

/** Ten colours that stay apart from each other; communities past the tenth share the last, neutral one. */
const COMMUNITY_COLORS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#bcbd22', '#7f7f7f'];
export const communityColor = (index: number) => COMMUNITY_COLORS[Math.min(index, COMMUNITY_COLORS.length - 1)]!;
export const COMMUNITY_SWATCHES = COMMUNITY_COLORS.length;

/** Mixes a colour 45 % towards white: talk is drawn lighter than action. */
export function lighten(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  const mix = (c: number) => Math.round(c + (255 - c) * 0.45);
  return `rgb(${mix(n >> 16)}, ${mix((n >> 8) & 255)}, ${mix(n & 255)})`;
}

export function edgeColor(e: Pick<GraphEdge, 'kind' | 'mode'>): string {
  if (e.kind === 'cooccurrence') return EDGE_BASE.cooccurrence;
  return e.mode === 'verbal' ? lighten(EDGE_BASE[e.kind]) : EDGE_BASE[e.kind];
}
