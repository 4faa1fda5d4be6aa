/**
 * The actor graph as GEXF 1.3 for Gephi: a dynamic graph (timeformat "date") whose nodes and edges carry
 * `start`/`end`, so Gephi's timeline can play the theatre forward. Nodes have a `type` attribute (PERSON, GPE, ...);
 * edges a `relation` (co-occurrence or event) and, for events, the PLOVER type and CAMEO root.
 */
import type { Queryable } from '../store/db.js';
import type { ActorGraph } from './graph.js';
import { correctedActorGraph } from './corrected-graph.js';
import { attrs } from './xml.js';
import { write, type Out } from './write.js';

export function gexfDocument(g: ActorGraph, generated = new Date()): string[] {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
      ' xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    `  <meta lastmodifieddate="${generated.toISOString().slice(0, 10)}"><creator>Dossier</creator>` +
      '<description>Actors, their co-occurrence in documents, and the events between them</description></meta>',
    '  <graph mode="dynamic" defaultedgetype="directed" timeformat="date">',
    '    <attributes class="node">',
    '      <attribute id="type" title="type" type="string"/>',
    '      <attribute id="entity_id" title="entity id" type="string"/>',
    '      <attribute id="kb_id" title="knowledge-base id" type="string"/>',
    '      <attribute id="wikidata" title="Wikidata" type="string"/>',
    '      <attribute id="documents" title="documents" type="integer"/>',
    '    </attributes>',
    '    <attributes class="edge">',
    '      <attribute id="relation" title="relation" type="string"/>',
    '      <attribute id="event_type" title="PLOVER type" type="string"/>',
    '      <attribute id="cameo" title="CAMEO root" type="string"/>',
    '    </attributes>',
    '    <nodes>',
  ];
  for (const n of g.nodes) {
    const values = [['type', n.type], ['entity_id', n.entityId], ['kb_id', n.kbId], ['wikidata', n.wikidata], ['documents', n.documents], ['corrections', fixes(n)]]
      .filter(([, v]) => v !== null).map(([k, v]) => `<attvalue${attrs({ for: k, value: v })}/>`).join('');
    lines.push(`      <node${attrs({ id: n.key, label: n.label, start: n.start, end: n.end })}><attvalues>${values}</attvalues></node>`);
  }
  lines.push('    </nodes>', '    <edges>');
  for (const e of g.edges) {
    const values = [['relation', e.relation], ['event_type', e.eventType], ['cameo', e.cameo], ['corrections', fixes(e)]]
      .filter(([, v]) => v !== null).map(([k, v]) => `<attvalue${attrs({ for: k, value: v })}/>`).join('');
    lines.push(`      <edge${attrs({
      id: e.key, source: e.source, target: e.target, type: e.directed ? 'directed' : 'undirected',
      label: e.eventType ?? e.relation, weight: e.weight, start: e.start, end: e.end,
    })}><attvalues>${values}</attvalues></edge>`);
  }
  lines.push('    </edges>', '  </graph>', '</gexf>');
  return lines;
}

/** The ids of the corrections behind a node or an edge, space-separated (as the events export has them), or null. */
const fixes = (x: object) => ((x as { corrections?: string[] }).corrections?.length ? (x as { corrections: string[] }).corrections.join(' ') : null);

/** The graph as the analyst corrected it (corrected-graph.ts), like every other read. */
export async function writeGexf(db: Queryable, out: Out): Promise<void> {
  for (const line of gexfDocument(await correctedActorGraph(db))) await write(out, line + '\n');
}

