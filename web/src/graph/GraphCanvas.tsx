/**
 * The sigma.js canvas over a laid-out graph. A click selects an actor or a link (the rest of the graph fades
 * except its neighbours), a double click expands an actor, the camera moves to the actor asked for. Labels are
 * chosen every frame so none overlaps another (labels.ts). The container carries what a test needs to read a
 * canvas: `data-nodes`, `data-edges` and the drawn label boxes in `data-labels`.
 */
import { useEffect, useRef } from 'react';
import Graph from 'graphology';
import Sigma from 'sigma';
import { drawDiscNodeLabel } from 'sigma/rendering';
import type { Graph as GraphData, GraphNode } from '../api';
import type { Layout } from './layout';
import { pickLabels, type LabelCandidate } from './labels';
import { edgeColor } from './colors';

export type Selection = { kind: 'node'; id: string } | { kind: 'edge'; id: string };

interface Props {
  graph: GraphData;
  layout: Layout;
  nodeColor: (n: GraphNode) => string;
  selected: Selection | null;
  /** The actor to bring into view; a new value moves the camera. */
  focus: { id: string; at: number } | null;
  onSelect: (s: Selection | null) => void;
  onExpand: (id: string) => void;
}

const FONT = 'system-ui, -apple-system, "Segoe UI", sans-serif';
const FONT_SIZE = 13;
const FADED = '#e3e7ec';

export function GraphCanvas({ graph, layout, nodeColor, selected, focus, onSelect, onExpand }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const sigma = useRef<Sigma | null>(null);
  const selection = useRef<Selection | null>(selected);
  const handlers = useRef({ onSelect, onExpand });
  handlers.current = { onSelect, onExpand };

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const t0 = performance.now();
    const g = new Graph({ multi: true, type: 'mixed' });
    for (const n of graph.nodes) {
      const p = layout.positions.get(n.id);
      if (!p) continue;
      g.addNode(n.id, { label: n.name, x: p.x, y: p.y, size: layout.sizes.get(n.id) ?? 4, color: nodeColor(n) });
    }
    const maxW = Math.max(1, ...graph.edges.map((e) => e.weight));
    for (const e of graph.edges) {
      if (!g.hasNode(e.source) || !g.hasNode(e.target)) continue;
      const attrs = { size: 1 + 4 * (e.weight / maxW), color: edgeColor(e) };
      if (e.kind === 'cooccurrence') g.addUndirectedEdgeWithKey(e.id, e.source, e.target, attrs);
      else g.addDirectedEdgeWithKey(e.id, e.source, e.target, { ...attrs, type: 'arrow' });
    }

    const ctx = document.createElement('canvas').getContext('2d')!;
    ctx.font = `${FONT_SIZE}px ${FONT}`;
    const widths = new Map<string, number>();
    const width = (label: string) => widths.get(label) ?? widths.set(label, ctx.measureText(label).width).get(label)!;
    let drawn = new Set<string>();
    let stale = true;
    // Set once the renderer exists: sigma's constructor draws a first frame before it can be asked anything.
    let pick: (() => void) | null = null;

    /** The selection and what it touches: drawn in colour, the rest faded (worked out once per selection). */
    let cached: { for: Selection | null; value: { nodes: Set<string>; edge: string | null } | null } | null = null;
    const focusSet = (): { nodes: Set<string>; edge: string | null } | null => {
      const s = selection.current;
      if (cached && cached.for === s) return cached.value;
      let value: { nodes: Set<string>; edge: string | null } | null = null;
      if (s?.kind === 'edge' && g.hasEdge(s.id)) value = { nodes: new Set(g.extremities(s.id)), edge: s.id };
      else if (s?.kind === 'node' && g.hasNode(s.id)) value = { nodes: new Set([s.id, ...g.neighbors(s.id)]), edge: null };
      cached = { for: s, value };
      return value;
    };

    const renderer = new Sigma(g, el, {
      enableEdgeEvents: true,
      zIndex: true,
      labelFont: FONT,
      labelSize: FONT_SIZE,
      labelRenderedSizeThreshold: 0,
      // Every node is a candidate; drawLabel below draws only those picked for this frame.
      defaultDrawNodeLabel: (context, data, settings) => {
        if (stale && pick) {
          stale = false;
          pick();
        }
        if (drawn.has(data.key)) drawDiscNodeLabel(context, data, settings);
      },
      nodeReducer: (node, data) => {
        const f = focusSet();
        const on = !f || f.nodes.has(node);
        const sel = selection.current?.kind === 'node' && selection.current.id === node;
        return { ...data, forceLabel: on, label: on ? data.label : '', color: on ? data.color : FADED, zIndex: sel ? 2 : on ? 1 : 0, highlighted: sel };
      },
      edgeReducer: (edge, data) => {
        const f = focusSet();
        if (!f) return data;
        const touches = f.edge ? f.edge === edge : g.extremities(edge).includes((selection.current as Selection).id);
        return touches ? { ...data, size: (data.size as number) + (f.edge ? 2 : 0), zIndex: 1 } : { ...data, color: '#f0f2f5', zIndex: 0 };
      },
    });

    pick = () => {
      const f = focusSet();
      const chosen = selection.current?.kind === 'node' ? selection.current.id : null;
      const candidates: LabelCandidate[] = [];
      g.forEachNode((id, a) => {
        if (f && !f.nodes.has(id)) return;
        const d = renderer.getNodeDisplayData(id);
        if (!d || d.hidden) return;
        const v = renderer.framedGraphToViewport(d);
        candidates.push({ key: id, x: v.x, y: v.y, size: renderer.scaleSize(d.size), width: width(a.label as string), priority: id === chosen ? 0 : f ? 1 : 2 });
      });
      const dims = renderer.getDimensions();
      const boxes = pickLabels(candidates, FONT_SIZE, dims);
      drawn = new Set(boxes.map((b) => b.key));
      if (!el.dataset.labels) performance.mark('dossier:labelled');
      el.dataset.labels = JSON.stringify(boxes.map((b) => [b.key, Math.round(b.x), Math.round(b.y), Math.round(b.w), Math.round(b.h)]));
    };
    // Sigma processes its data and camera after 'beforeRender' and draws labels last: the labels are picked on the
    // first label drawn in a frame, when positions on screen are final.
    renderer.on('beforeRender', () => {
      stale = true;
    });
    renderer.on('clickNode', ({ node }) => handlers.current.onSelect({ kind: 'node', id: node }));
    renderer.on('clickEdge', ({ edge }) => handlers.current.onSelect({ kind: 'edge', id: edge }));
    renderer.on('clickStage', () => handlers.current.onSelect(null));
    renderer.on('doubleClickNode', (e) => {
      e.preventSigmaDefault();
      handlers.current.onExpand(e.node);
    });
    renderer.on('enterNode', () => (el.style.cursor = 'pointer'));
    renderer.on('leaveNode', () => (el.style.cursor = ''));
    renderer.on('enterEdge', () => (el.style.cursor = 'pointer'));
    renderer.on('leaveEdge', () => (el.style.cursor = ''));
    el.dataset.nodes = String(g.order);
    el.dataset.edges = String(g.size);
    sigma.current = renderer;
    renderer.refresh(); // the constructor's frame had no labels: `pick` did not exist yet
    performance.measure('dossier:sigma', { start: t0 }); // (bench/views.ts --browser reports it)
    return () => {
      sigma.current = null;
      renderer.kill();
    };
  }, [graph, layout, nodeColor]);

  useEffect(() => {
    selection.current = selected;
    sigma.current?.refresh();
  }, [selected]);

  useEffect(() => {
    const r = sigma.current;
    if (!r || !focus) return;
    const d = r.getNodeDisplayData(focus.id);
    if (d) r.getCamera().animate({ x: d.x, y: d.y, ratio: Math.min(r.getCamera().ratio, 0.6) }, { duration: 400 });
  }, [focus, graph, layout]);

  return <div ref={box} className="sigma-box" data-testid="graph-canvas" />;
}
