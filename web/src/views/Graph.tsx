/**
 * The actor graph: sigma.js over graphology, laid out by ForceAtlas2 for a fixed number of iterations (the same
 * picture for the same data). Filters by date range and edge kind; a click on a node opens its entity. The nodes
 * and edges are also listed as HTML, since the canvas says nothing to a screen reader.
 */
import { useEffect, useRef, useState } from 'react';
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import Sigma from 'sigma';
import { entityHref, qs, useApi, type Graph as GraphData } from '../api';
import { EVENT_COLORS, Status } from '../components/ui';

const KINDS = ['cooccurrence', 'cooperative', 'conflictual'] as const;
const TYPE_COLORS: Record<string, string> = { PERSON: '#1565c0', ORG: '#6a1b9a', GPE: '#ef6c00', LOC: '#8d6e63', NORP: '#00838f' };
const ITERATIONS = 200;

export default function GraphView({ params }: { params: URLSearchParams }) {
  const [from, setFrom] = useState(params.get('from') ?? '');
  const [to, setTo] = useState(params.get('to') ?? '');
  const [kinds, setKinds] = useState<Set<string>>(new Set(KINDS));
  const actor = params.get('actor') ?? '';
  const { data, error, loading } = useApi<GraphData>(`/api/graph${qs({ from, to, actor, kinds: [...kinds].join(',') || 'cooccurrence', maxNodes: 80 })}`);
  const box = useRef<HTMLDivElement>(null);
  const names = new Map(data?.nodes.map((n) => [n.id, n.name]));

  useEffect(() => {
    if (!data || !box.current || !data.nodes.length) return;
    const g = new Graph({ multi: true, type: 'mixed' });
    const maxDocs = Math.max(...data.nodes.map((n) => n.documents));
    // Start on a circle, so the layout is deterministic.
    data.nodes.forEach((n, i) => {
      const a = (2 * Math.PI * i) / data.nodes.length;
      g.addNode(n.id, { label: n.name, x: Math.cos(a), y: Math.sin(a), size: 4 + 14 * Math.sqrt(n.documents / maxDocs), color: TYPE_COLORS[n.type] ?? '#607d8b' });
    });
    const maxW = Math.max(1, ...data.edges.map((e) => e.weight));
    for (const e of data.edges) {
      const attrs = { size: 1 + 4 * (e.weight / maxW), color: e.kind === 'cooccurrence' ? '#cfd8dc' : e.mode === 'verbal' ? lighten(EVENT_COLORS[e.kind]) : EVENT_COLORS[e.kind], weight: e.weight };
      if (e.kind === 'cooccurrence') g.addUndirectedEdgeWithKey(e.id, e.source, e.target, attrs);
      else g.addDirectedEdgeWithKey(e.id, e.source, e.target, { ...attrs, type: 'arrow' });
    }
    forceAtlas2.assign(g, { iterations: ITERATIONS, settings: { ...forceAtlas2.inferSettings(g), edgeWeightInfluence: 1 } });
    const renderer = new Sigma(g, box.current, { renderEdgeLabels: false, labelDensity: 0.7, labelRenderedSizeThreshold: 6 });
    renderer.on('clickNode', ({ node }) => {
      location.hash = entityHref(node);
    });
    renderer.on('enterNode', () => box.current && (box.current.style.cursor = 'pointer'));
    renderer.on('leaveNode', () => box.current && (box.current.style.cursor = ''));
    return () => renderer.kill();
  }, [data]);

  const toggle = (k: string) => {
    const next = new Set(kinds);
    if (next.has(k)) next.delete(k);
    else next.add(k);
    setKinds(next);
  };
  return (
    <div className="graph">
      <h1>Graph{actor ? ` around ${names.get(actor) ?? actor}` : ''}</h1>
      <div className="filters">
        <label>From<input type="date" value={from} onChange={(e) => setFrom(e.target.value)} /></label>
        <label>To<input type="date" value={to} onChange={(e) => setTo(e.target.value)} /></label>
        {KINDS.map((k) => (
          <label key={k} className="check"><input type="checkbox" checked={kinds.has(k)} onChange={() => toggle(k)} /><span className="swatch" style={{ background: EVENT_COLORS[k] }} />{k === 'cooccurrence' ? 'appear together' : k}</label>
        ))}
        {actor && <a href="#/graph">whole graph</a>}
      </div>
      <Status loading={loading && !data} error={error} empty={data && !data.nodes.length && 'No actors in this range yet.'}>
        <div ref={box} className="sigma-box" data-testid="graph-canvas" />
        <p className="muted small">Node size: documents naming the actor. Edges: grey, named in the same document; green, cooperative events; red, conflictual (lighter: words, darker: deeds).</p>
        <details className="graph-lists">
          <summary>Actors and links as a list ({data?.nodes.length ?? 0} actors, {data?.edges.length ?? 0} links)</summary>
          <ul aria-label="Actors in the graph" className="graph-nodes">
            {data?.nodes.map((n) => <li key={n.id} data-node-id={n.id}><a href={entityHref(n.id)}>{n.name}</a> <span className="muted small">{n.type} · {n.documents} docs</span></li>)}
          </ul>
          <table className="graph-edges">
            <thead><tr><th>From</th><th>To</th><th>Kind</th><th>Weight</th><th>Dates</th></tr></thead>
            <tbody>
              {data?.edges.slice(0, 300).map((e) => (
                <tr key={e.id}><td>{names.get(e.source)}</td><td>{names.get(e.target)}</td><td>{e.kind}{e.mode ? ` (${e.mode}: ${Object.keys(e.types).join(', ')})` : ''}</td><td>{e.weight}</td><td>{e.from ?? '?'} – {e.to ?? '?'}</td></tr>
              ))}
            </tbody>
          </table>
        </details>
      </Status>
    </div>
  );
}

function lighten(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  const mix = (c: number) => Math.round(c + (255 - c) * 0.45);
  return `rgb(${mix(n >> 16)}, ${mix((n >> 8) & 255)}, ${mix(n & 255)})`;
}
