/** What the colours, sizes and arrows mean, for what is drawn now (only the entity types and communities shown). */
import type { Graph as GraphData } from '../api';
import type { Community } from './layout';
import { COMMUNITY_SWATCHES, EDGE_BASE, OTHER_COLOR, TYPE_COLORS, communityColor, lighten } from './colors';
import { TYPE_NAMES } from './filters';

interface Props {
  graph: GraphData;
  colorBy: 'type' | 'community';
  communities: Community[];
  isolated: number;
}

export function Legend({ graph, colorBy, communities, isolated }: Props) {
  const types = new Map<string, number>();
  for (const n of graph.nodes) types.set(n.type, (types.get(n.type) ?? 0) + 1);
  const kinds = new Set(graph.edges.map((e) => `${e.kind}:${e.mode ?? ''}`));
  const shownCommunities = communities.filter((c) => c.size > 1).slice(0, COMMUNITY_SWATCHES - 1);
  const rest = communities.length - shownCommunities.length;
  const edgeRows: [string, string, string][] = [
    ['cooccurrence:', EDGE_BASE.cooccurrence, 'named in the same document'],
    ['cooperative:verbal', lighten(EDGE_BASE.cooperative), 'cooperative words (agree, consult, support) →'],
    ['cooperative:material', EDGE_BASE.cooperative, 'cooperative deeds (aid, cooperate, concede) →'],
    ['conflictual:verbal', lighten(EDGE_BASE.conflictual), 'conflictual words (accuse, threaten, reject) →'],
    ['conflictual:material', EDGE_BASE.conflictual, 'conflictual deeds (sanction, coerce, assault) →'],
  ];
  return (
    <aside className="legend" aria-label="Legend" data-testid="graph-legend">
      <h3>Actors</h3>
      <ul>
        {colorBy === 'type'
          ? [...types].sort((a, b) => b[1] - a[1]).map(([t, n]) => (
            <li key={t} data-legend-type={t}><span className="swatch round" style={{ background: TYPE_COLORS[t] ?? OTHER_COLOR }} />{TYPE_NAMES[t] ?? t} <span className="muted">{n}</span></li>
          ))
          : <>
            {shownCommunities.map((c) => (
              <li key={c.index} data-legend-community={c.index}><span className="swatch round" style={{ background: communityColor(c.index) }} />around {c.name} <span className="muted">{c.size}</span></li>
            ))}
            {rest > 0 && <li><span className="swatch round" style={{ background: communityColor(COMMUNITY_SWATCHES - 1) }} />{rest} smaller {rest === 1 ? 'group' : 'groups'}</li>}
          </>}
      </ul>
      <p className="muted small">Size: documents naming the actor.{colorBy === 'community' ? ' Colour: Louvain communities of the links drawn.' : ''}</p>
      <h3>Links</h3>
      <ul>
        {edgeRows.filter(([k]) => kinds.has(k)).map(([k, color, label]) => (
          <li key={k} data-legend-edge={k}><span className="swatch line" style={{ background: color }} />{label}</li>
        ))}
      </ul>
      <p className="muted small">Arrows point from the actor who acts to its target; thickness: documents or events.</p>
      {isolated > 0 && <p className="muted small" data-testid="isolated-count">{isolated} {isolated === 1 ? 'actor' : 'actors'} with no link under these filters not drawn.</p>}
    </aside>
  );
}
