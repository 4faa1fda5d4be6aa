/**
 * The actor graph, to explore rather than to stare at. A small graph is drawn whole; a large one (more than
 * LARGE actors with a link, or LARGE_EDGES links) starts from one actor's neighbourhood, the one in the URL
 * (`#/graph?actor=kb:serbia`) or the most documented, and grows as actors are searched for or expanded (each
 * expansion asks the API for that actor's neighbourhood). What is expanded and selected, and the filters, are kept
 * in the URL (graph/url-state.ts). Filters: time window, entity types, edge kinds. Actors
 * with no drawn link are left out. The selection's properties are in the side panel; the drawn actors and links
 * are also listed as HTML, since the canvas says nothing to a screen reader. docs/graph-view.md says why.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api, entityHref, useApi, type EntitySummary, type Graph as GraphData, type GraphNode, type Page } from '../api';
import { Status } from '../components/ui';
import { GraphCanvas, type Selection } from '../graph/GraphCanvas';
import { GraphSearch } from '../graph/GraphSearch';
import { Legend } from '../graph/Legend';
import { SidePanel } from '../graph/SidePanel';
import { layoutGraph, type Layout } from '../graph/layout';
import { exploredSet, mergeGraphs, seedActor, visibleGraph, type Visible } from '../graph/model';
import { EDGE_KINDS, ENTITY_TYPES, KIND_NAMES, TYPE_NAMES, graphUrl, type GraphFilters } from '../graph/filters';
import { graphStateHash, readGraphState } from '../graph/url-state';
import { BASE_NODES, LARGE, LARGE_EDGES, NEIGHBOURHOOD_NODES } from '../graph/limits';
import { EDGE_BASE, OTHER_COLOR, TYPE_COLORS, communityColor } from '../graph/colors';
import { useGraphs } from '../graph/useGraphs';
import '../graph/graph.css';

export default function GraphView({ params }: { params: URLSearchParams }) {
  // The exploration is in the URL (graph/url-state.ts): a reload or a link opens the view as it was.
  const initial = useMemo(() => readGraphState(params), []); // eslint-disable-line react-hooks/exhaustive-deps
  const shown = useRef<{ visible: Visible; layout: Layout } | null>(null);
  const [asked, setAsked] = useState(initial.actor);
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(initial.to);
  const [kinds, setKinds] = useState<ReadonlySet<string>>(initial.kinds);
  const [types, setTypes] = useState<ReadonlySet<string>>(initial.types);
  const [mode, setMode] = useState<'explore' | 'all' | null>(initial.mode);
  const [expanded, setExpanded] = useState<string[]>(initial.expanded);
  const [selected, setSelected] = useState<Selection | null>(initial.selected);
  const [focus, setFocus] = useState<{ id: string; at: number } | null>(null);
  const [colorBy, setColorBy] = useState<'type' | 'community'>(initial.colorBy);
  const filters: GraphFilters = useMemo(() => ({ from, to, kinds, types }), [from, to, kinds, types]);

  // The state written back as it changes (replaceState: no history entry per click, no hashchange)…
  const written = useRef<string | null>(null);
  useEffect(() => {
    const hash = graphStateHash({ actor: asked, from, to, kinds, types, mode, expanded, selected, colorBy });
    written.current = hash;
    if (location.hash !== hash) history.replaceState(history.state, '', hash);
  }, [asked, from, to, kinds, types, mode, expanded, selected, colorBy]);
  // …and a URL the view did not write (a link followed while it is open) read as the new state.
  const here = `#/graph${params.toString() ? `?${params}` : ''}`;
  const lastHere = useRef(here);
  useEffect(() => {
    if (lastHere.current === here) return;
    lastHere.current = here;
    if (written.current && new URLSearchParams(written.current.split('?')[1] ?? '').toString() === params.toString()) return;
    const next = readGraphState(params);
    shown.current = null;
    setAsked(next.actor);
    setFrom(next.from);
    setTo(next.to);
    setKinds(next.kinds);
    setTypes(next.types);
    setMode(next.mode);
    setExpanded(next.expanded);
    setSelected(next.selected);
    setColorBy(next.colorBy);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [here]);

  const base = useApi<GraphData>(graphUrl(filters, { maxNodes: BASE_NODES }));
  const hoods = useGraphs(useMemo(() => expanded.map((id) => graphUrl(filters, { actor: id, maxNodes: NEIGHBOURHOOD_NODES })), [expanded, filters]), api<GraphData>);

  // The exploration most likely starts from the most documented actor (the entity list's first): its
  // neighbourhood is asked for while the store's graph is still on its way, which saves a round trip.
  useEffect(() => {
    if (asked) return;
    api<Page<EntitySummary>>('/api/entities?limit=1').then((top) => {
      const id = top.items[0]?.id;
      if (id) hoods.prefetch(graphUrl(filters, { actor: id, maxNodes: NEIGHBOURHOOD_NODES }));
    }, () => {});
    // Only for the view's first answer.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // The first answer decides how to start: whole if readable, else from one actor's neighbourhood.
  useEffect(() => {
    if (!base.data || mode) return;
    const whole = visibleGraph(base.data, null).graph;
    const seed = seedActor(whole, asked);
    if ((whole.nodes.length > LARGE || whole.edges.length > LARGE_EDGES) && seed) {
      hoods.prefetch(graphUrl(filters, { actor: seed, maxNodes: NEIGHBOURHOOD_NODES }));
      setMode('explore');
      setExpanded([seed]);
      setSelected({ kind: 'node', id: seed });
    } else setMode('all');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [base.data, mode, asked]);

  const known = useMemo(() => mergeGraphs([...(base.data ? [base.data] : []), ...hoods.graphs]), [base.data, hoods.graphs]);
  // While a neighbourhood is on its way the last picture stays. At the start there is none: what the store's
  // graph already knows of the neighbourhood is drawn meanwhile, and the rest joins it where it lies (layout.ts
  // keeps drawn actors in place).
  const visible = useMemo(() => {
    if (!mode || (hoods.loading && shown.current)) return shown.current?.visible ?? null;
    return visibleGraph(known, mode === 'explore' ? exploredSet(known, expanded) : null, new Set(expanded));
  }, [known, mode, expanded, hoods.loading]);
  const layout = useMemo(() => {
    if (!visible) return null;
    if (shown.current?.visible === visible) return shown.current.layout;
    const t0 = performance.now();
    const laid = layoutGraph(visible.graph, shown.current?.layout ?? null);
    // Read by bench/views.ts --browser, which reports where a first visit spends its time.
    performance.measure('dossier:layout', { start: t0 });
    return laid;
  }, [visible]);
  if (visible && layout) shown.current = { visible, layout };
  const nodeColor = useCallback(
    (n: GraphNode) => (colorBy === 'community' ? communityColor(layout?.community.get(n.id) ?? 0) : TYPE_COLORS[n.type] ?? OTHER_COLOR),
    [colorBy, layout],
  );

  const expand = useCallback((id: string) => setExpanded((xs) => (xs.includes(id) ? xs : [...xs, id])), []);
  const collapse = (id: string) => setExpanded((xs) => (xs.length > 1 ? xs.filter((x) => x !== id) : xs));
  const choose = (id: string) => {
    expand(id);
    setSelected({ kind: 'node', id });
    setFocus({ id, at: Date.now() });
  };
  /** A selection from the panel also brings the actor into view; one clicked on the canvas is already there. */
  const select = (s: Selection | null) => {
    setSelected(s);
    if (s?.kind === 'node') setFocus({ id: s.id, at: Date.now() });
  };
  const explore = () => {
    const seed = expanded.length ? null : seedActor(known, asked);
    if (seed) setExpanded([seed]);
    setMode('explore');
  };
  const toggle = (set: ReadonlySet<string>, k: string, apply: (s: ReadonlySet<string>) => void) => {
    const next = new Set(set);
    if (next.has(k)) next.delete(k);
    else next.add(k);
    if (next.size) apply(next); // at least one stays checked: an empty filter would mean "everything" to the API
  };
  const names = useMemo(() => new Map(known.nodes.map((n) => [n.id, n.name])), [known]);
  const linkedTotal = useMemo(() => (base.data ? visibleGraph(base.data, null).graph.nodes.length : 0), [base.data]);

  return (
    <div className="graph" data-pending={hoods.loading || undefined}>
      <h1>Graph{mode === 'explore' && expanded.length ? ` around ${expanded.map((id) => names.get(id) ?? id).join(', ')}` : ''}</h1>
      <div className="filters">
        <GraphSearch known={known} onChoose={choose} />
        <label>From<input type="date" value={from} onChange={(e) => setFrom(e.target.value)} /></label>
        <label>To<input type="date" value={to} onChange={(e) => setTo(e.target.value)} /></label>
        <span className="scale" role="group" aria-label="What to draw">
          <button type="button" className={mode === 'explore' ? 'active' : undefined} onClick={() => explore()}>Explore</button>
          <button type="button" className={mode === 'all' ? 'active' : undefined} onClick={() => setMode('all')}>Whole graph ({linkedTotal})</button>
        </span>
        <label className="inline">Colour by
          <select value={colorBy} onChange={(e) => setColorBy(e.target.value as 'type' | 'community')} aria-label="Colour by">
            <option value="type">entity type</option><option value="community">community</option>
          </select>
        </label>
      </div>
      <div className="filters">
        <fieldset className="checks" aria-label="Links">
          {EDGE_KINDS.map((k) => (
            <label key={k} className="check"><input type="checkbox" name={`kind-${k}`} checked={kinds.has(k)} onChange={() => toggle(kinds, k, setKinds)} /><span className="swatch" style={{ background: EDGE_BASE[k] }} />{KIND_NAMES[k]}</label>
          ))}
        </fieldset>
        <fieldset className="checks" aria-label="Entity types">
          {ENTITY_TYPES.map((t) => (
            <label key={t} className="check"><input type="checkbox" name={`type-${t}`} checked={types.has(t)} onChange={() => toggle(types, t, setTypes)} /><span className="swatch round" style={{ background: TYPE_COLORS[t] }} />{TYPE_NAMES[t]}</label>
          ))}
        </fieldset>
      </div>
      <Status loading={base.loading && !base.data} error={base.error ?? hoods.error} empty={base.data && !base.data.nodes.length && 'No actors in this range yet.'}>
        {visible && layout && <>
        <div className="graph-body">
          <div className="graph-stage">
            <GraphCanvas graph={visible.graph} layout={layout} nodeColor={nodeColor} selected={selected} focus={focus} onSelect={setSelected} onExpand={expand} />
            {!visible.graph.nodes.length && <p className="muted empty">No linked actors under these filters.</p>}
            <p className="muted small" data-testid="graph-summary">
              {visible.graph.nodes.length} actors and {visible.graph.edges.length} links drawn{mode === 'explore' ? ` (exploring; ${linkedTotal} linked actors in the whole graph)` : ''}.
              {hoods.loading ? ' Loading neighbours…' : ''}
            </p>
          </div>
          <div className="graph-side">
            <SidePanel selected={selected} graph={visible.graph} known={known} layout={layout} expanded={new Set(expanded)} onSelect={select} onExpand={expand} onCollapse={collapse} />
            <Legend graph={visible.graph} colorBy={colorBy} communities={layout.communities} isolated={visible.isolated} />
          </div>
        </div>
        <details className="graph-lists">
          <summary>Actors and links as a list ({visible.graph.nodes.length} actors, {visible.graph.edges.length} links)</summary>
          <ul aria-label="Actors in the graph" className="graph-nodes">
            {visible.graph.nodes.map((n) => <li key={n.id} data-node-id={n.id}><a href={entityHref(n.id)}>{n.name}</a> <span className="muted small">{n.type} · {n.documents} docs</span></li>)}
          </ul>
          <table className="graph-edges">
            <thead><tr><th>From</th><th>To</th><th>Kind</th><th>Weight</th><th>Dates</th></tr></thead>
            <tbody>
              {visible.graph.edges.slice(0, 300).map((e) => (
                <tr key={e.id}><td>{names.get(e.source)}</td><td>{names.get(e.target)}</td><td>{e.kind}{e.mode ? ` (${e.mode}: ${Object.keys(e.types).join(', ')})` : ''}</td><td>{e.weight}</td><td>{e.from ?? '?'} – {e.to ?? '?'}</td></tr>
              ))}
            </tbody>
          </table>
        </details>
        </>}
      </Status>
    </div>
  );
}
