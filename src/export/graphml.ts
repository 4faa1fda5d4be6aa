/**
 * The actor graph as GraphML (yEd, Cytoscape, NetworkX, igraph). GraphML has no dynamic time, so the dates are
 * plain `start`/`end` data keys; edges say whether they are directed (events) or not (co-occurrence).
 */
import type { Queryable } from '../store/db.js';
import type { ActorGraph } from './graph.js';
import { correctedActorGraph } from './corrected-graph.js';
import { attrs, xmlEscape } from './xml.js';
import { write, type Out } from './write.js';

const KEYS: [id: string, forWhat: 'node' | 'edge', type: 'string' | 'int'][] = [
  ['label', 'node', 'string'], ['type', 'node', 'string'], ['entity_id', 'node', 'string'], ['kb_id', 'node', 'string'],
  ['wikidata', 'node', 'string'], ['documents', 'node', 'int'], ['start', 'node', 'string'], ['end', 'node', 'string'],
  ['relation', 'edge', 'string'], ['event_type', 'edge', 'string'], ['cameo', 'edge', 'string'], ['weight', 'edge', 'int'],
  ['edge_start', 'edge', 'string'], ['edge_end', 'edge', 'string'], ['corrections', 'node', 'string'], ['edge_corrections', 'edge', 'string'],
];

/** The ids of the corrections behind a node or an edge, space-separated, or null. */
const fixes = (x: object) => ((x as { corrections?: string[] }).corrections?.length ? (x as { corrections: string[] }).corrections.join(' ') : null);

const data = (pairs: [string, unknown][]) =>
  pairs.filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => `<data key="${k}">${xmlEscape(v)}</data>`).join('');

export function graphmlDocument(g: ActorGraph): string[] {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
      ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...KEYS.map(([id, f, type]) => `  <key${attrs({ id, for: f, 'attr.name': id.replace(/^edge_/, ''), 'attr.type': type })}/>`),
    '  <graph id="actors" edgedefault="undirected">',
  ];
  for (const n of g.nodes) {
    lines.push(`    <node id="${n.key}">${data([['label', n.label], ['type', n.type], ['entity_id', n.entityId], ['kb_id', n.kbId],
      ['wikidata', n.wikidata], ['documents', n.documents], ['start', n.start], ['end', n.end], ['corrections', fixes(n)]])}</node>`);
  }
  for (const e of g.edges) {
    lines.push(`    <edge${attrs({ id: e.key, source: e.source, target: e.target, directed: String(e.directed) })}>${data([
      ['relation', e.relation], ['event_type', e.eventType], ['cameo', e.cameo], ['weight', e.weight], ['edge_start', e.start], ['edge_end', e.end], ['edge_corrections', fixes(e)]])}</edge>`);
  }
  lines.push('  </graph>', '</graphml>');
  return lines;
}

/** The graph as the analyst corrected it (corrected-graph.ts), like every other read. */
export async function writeGraphml(db: Queryable, out: Out): Promise<void> {
  for (const line of graphmlDocument(await correctedActorGraph(db))) await write(out, line + '\n');
}
