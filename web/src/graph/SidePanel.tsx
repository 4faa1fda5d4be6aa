/** The selection's properties: an actor (type, counts, community, its links) or a link (kind, types, dates). */
import { entityHref, type Graph as GraphData, type GraphEdge } from '../api';
import type { Layout } from './layout';
import type { Selection } from './GraphCanvas';
import { KIND_NAMES, TYPE_NAMES } from './filters';
import { edgeColor } from './colors';
import { CorrectedBadge } from '../views/Corrections';

interface Props {
  selected: Selection | null;
  /** What is drawn. */
  graph: GraphData;
  /** Everything fetched, to say how many links are not drawn yet. */
  known: GraphData;
  layout: Layout;
  expanded: ReadonlySet<string>;
  onSelect: (s: Selection) => void;
  onExpand: (id: string) => void;
  onCollapse: (id: string) => void;
}

const LINKS_LISTED = 12;

export function SidePanel({ selected, graph, known, layout, expanded, onSelect, onExpand, onCollapse }: Props) {
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const name = (id: string) => nodes.get(id)?.name ?? known.nodes.find((n) => n.id === id)?.name ?? id;
  if (!selected) {
    return (
      <aside className="side-panel" data-testid="graph-panel">
        <p className="muted small">Click an actor or a link to see it here; double-click an actor to bring in its neighbours. Drag to move, scroll to zoom.</p>
      </aside>
    );
  }
  if (selected.kind === 'edge') {
    const e = graph.edges.find((x) => x.id === selected.id);
    if (!e) return <aside className="side-panel" data-testid="graph-panel"><p className="muted small">That link is not drawn under these filters.</p></aside>;
    return (
      <aside className="side-panel" data-testid="graph-panel" data-selected-edge={e.id}>
        <h2><span className="swatch line" style={{ background: edgeColor(e) }} />{KIND_NAMES[e.kind]}{e.mode ? ` ${e.mode === 'verbal' ? 'words' : 'deeds'}` : ''} <CorrectedBadge ids={e.corrections} /></h2>
        <p>
          <button type="button" className="link-like" onClick={() => onSelect({ kind: 'node', id: e.source })}>{name(e.source)}</button>
          {e.kind === 'cooccurrence' ? ' and ' : ' → '}
          <button type="button" className="link-like" onClick={() => onSelect({ kind: 'node', id: e.target })}>{name(e.target)}</button>
        </p>
        <dl className="meta">
          <dt>{e.kind === 'cooccurrence' ? 'Documents' : 'Events'}</dt><dd>{e.weight}</dd>
          {Object.keys(e.types).length > 0 && <><dt>Types</dt><dd>{Object.entries(e.types).sort((a, b) => b[1] - a[1]).map(([t, n]) => `${t} ${n}`).join(', ')}</dd></>}
          <dt>Dates</dt><dd>{e.from ?? '?'} – {e.to ?? '?'}</dd>
        </dl>
        <p className="small"><a href={`#/timeline?actor=${encodeURIComponent(e.source)}`}>{name(e.source)} on the timeline</a></p>
      </aside>
    );
  }
  const n = nodes.get(selected.id);
  if (!n) return <aside className="side-panel" data-testid="graph-panel"><p className="muted small">That actor is not drawn under these filters.</p></aside>;
  const links = graph.edges.filter((e) => e.source === n.id || e.target === n.id).sort((a, b) => b.weight - a.weight || a.id.localeCompare(b.id));
  const drawnIds = new Set(graph.nodes.map((x) => x.id));
  const hidden = new Set(known.edges.filter((e) => (e.source === n.id || e.target === n.id)).map((e) => (e.source === n.id ? e.target : e.source)).filter((id) => !drawnIds.has(id)));
  const community = layout.communities[layout.community.get(n.id) ?? -1];
  return (
    <aside className="side-panel" data-testid="graph-panel" data-selected-node={n.id}>
      <h2><a href={entityHref(n.id)}>{n.name}</a> <CorrectedBadge ids={n.corrections} /></h2>
      <dl className="meta">
        <dt>Type</dt><dd>{TYPE_NAMES[n.type] ?? n.type} ({n.type})</dd>
        {n.kbId && <><dt>Knowledge base</dt><dd>{n.kbId}</dd></>}
        <dt>Documents</dt><dd>{n.documents}</dd>
        <dt>Mentions</dt><dd>{n.mentions}</dd>
        {community && <><dt>Community</dt><dd>around {community.name} ({community.size})</dd></>}
        <dt>Links drawn</dt><dd data-testid="links-drawn">{links.length}</dd>
      </dl>
      <div className="actions">
        {expanded.has(n.id)
          ? <button type="button" onClick={() => onCollapse(n.id)}>Collapse</button>
          : <button type="button" onClick={() => onExpand(n.id)} data-testid="expand">Expand neighbours{hidden.size ? ` (+${hidden.size})` : ''}</button>}
        <a href={entityHref(n.id)}>Profile</a>
        <a href={`#/timeline?actor=${encodeURIComponent(n.id)}`}>Timeline</a>
        <a href={`#/compare/${encodeURIComponent(n.id)}`}>Compare sources</a>
      </div>
      {links.length > 0 && <>
        <h3>Strongest links</h3>
        <ul className="links">
          {links.slice(0, LINKS_LISTED).map((e) => <LinkRow key={e.id} e={e} from={n.id} name={name} onSelect={onSelect} />)}
        </ul>
        {links.length > LINKS_LISTED && <p className="muted small">and {links.length - LINKS_LISTED} more</p>}
      </>}
    </aside>
  );
}

function LinkRow({ e, from, name, onSelect }: { e: GraphEdge; from: string; name: (id: string) => string; onSelect: (s: Selection) => void }) {
  const other = e.source === from ? e.target : e.source;
  const arrow = e.kind === 'cooccurrence' ? '—' : e.source === from ? '→' : '←';
  return (
    <li>
      <span className="swatch line" style={{ background: edgeColor(e) }} /> {arrow}{' '}
      <button type="button" className="link-like" onClick={() => onSelect({ kind: 'node', id: other })}>{name(other)}</button>{' '}
      <button type="button" className="link-like muted small" onClick={() => onSelect({ kind: 'edge', id: e.id })} title="this link's details">
        {e.kind === 'cooccurrence' ? `${e.weight} docs` : Object.keys(e.types).join(', ')}
      </button>
    </li>
  );
}
