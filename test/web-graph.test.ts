/**
 * The graph view's logic without a browser: what is drawn (merging, exploring, isolated actors), the name search,
 * the label picking that keeps labels apart, and the layout (deterministic, communities, discs apart).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Graph, GraphEdge, GraphNode } from '../src/service/graph.js';
import { exploredSet, mergeGraphs, neighbours, searchNodes, seedActor, visibleGraph } from '../web/src/graph/model.js';
import { labelBox, pickLabels, type Box, type LabelCandidate } from '../web/src/graph/labels.js';
import { layoutGraph, nodeSize } from '../web/src/graph/layout.js';

const node = (id: string, name = id, documents = 1, type = 'GPE'): GraphNode => ({ id, name, type, kbId: null, documents, mentions: documents });
const co = (a: string, b: string, weight = 1): GraphEdge => ({ id: `co:${a}|${b}`, source: a, target: b, kind: 'cooccurrence', mode: null, weight, types: {}, from: null, to: null });
const ev = (a: string, b: string, type = 'ACCUSE'): GraphEdge => ({ id: `conflictual:verbal:${a}>${b}`, source: a, target: b, kind: 'conflictual', mode: 'verbal', weight: 1, types: { [type]: 1 }, from: '2023-01-01', to: '2023-01-01' });
const ids = (g: { nodes: GraphNode[] }) => g.nodes.map((n) => n.id).sort();

describe('what the graph draws', () => {
  const base: Graph = { nodes: [node('a', 'A', 5), node('b'), node('c'), node('lonely')], edges: [co('a', 'b'), co('b', 'c')] };

  test('answers merge by id, the first copy winning; an edge to an actor no answer described is dropped', () => {
    const hood: Graph = { nodes: [node('a', 'A again', 9), node('d')], edges: [co('a', 'd'), co('d', 'nowhere'), co('a', 'b', 7)] };
    const m = mergeGraphs([base, hood]);
    assert.deepEqual(ids(m), ['a', 'b', 'c', 'd', 'lonely']);
    assert.equal(m.nodes.find((n) => n.id === 'a')!.name, 'A');
    assert.deepEqual(m.edges.map((e) => e.id).sort(), ['co:a|b', 'co:a|d', 'co:b|c']);
    assert.equal(m.edges.find((e) => e.id === 'co:a|b')!.weight, 1);
  });

  test('exploring shows the expanded actors and their neighbours, with the edges among them', () => {
    assert.deepEqual([...neighbours(base, 'b')].sort(), ['a', 'c']);
    const only = exploredSet(base, ['a']);
    assert.deepEqual([...only].sort(), ['a', 'b']);
    const v = visibleGraph(base, only);
    assert.deepEqual(ids(v.graph), ['a', 'b']);
    assert.deepEqual(v.graph.edges.map((e) => e.id), ['co:a|b']);
  });

  test('an actor no drawn edge reaches is left out and counted, unless the user asked for it', () => {
    const all = visibleGraph(base, null);
    assert.deepEqual(ids(all.graph), ['a', 'b', 'c']);
    assert.equal(all.isolated, 1);
    const kept = visibleGraph(base, null, new Set(['lonely']));
    assert.deepEqual(ids(kept.graph), ['a', 'b', 'c', 'lonely']);
    assert.equal(kept.isolated, 0);
    // An edge from an actor to itself links nothing.
    assert.equal(visibleGraph({ nodes: [node('x')], edges: [co('x', 'x')] }, null).graph.nodes.length, 0);
  });

  test('exploring starts from the actor asked for, else the most documented', () => {
    assert.equal(seedActor(base, null), 'a');
    assert.equal(seedActor(base, 'c'), 'c');
    assert.equal(seedActor({ nodes: [], edges: [] }, null), null);
  });
});

describe('finding an actor by name', () => {
  const nodes = [node('kb:aleksandar-vucic', 'Aleksandar Vučić', 3, 'PERSON'), node('kb:serbia', 'Serbia', 9), node('x:NORP:serbian', 'Serbian', 4, 'NORP'),
    node('kb:bih', 'Bosnia and Herzegovina', 6), node('kb:srpska', 'Republika Srpska', 2)];

  test('diacritics and case are ignored', () => {
    assert.deepEqual(searchNodes(nodes, 'vucic').map((n) => n.id), ['kb:aleksandar-vucic']);
    assert.deepEqual(searchNodes(nodes, 'VUČ').map((n) => n.id), ['kb:aleksandar-vucic']);
  });

  test('names starting with the query come first, then a word starting with it, then any match; each by documents', () => {
    assert.deepEqual(searchNodes(nodes, 'serb').map((n) => n.name), ['Serbia', 'Serbian']);
    assert.deepEqual(searchNodes(nodes, 'herz').map((n) => n.name), ['Bosnia and Herzegovina']);
    assert.deepEqual(searchNodes(nodes, 'rb').map((n) => n.name), ['Serbia', 'Serbian']);
    assert.deepEqual(searchNodes(nodes, 'bih').map((n) => n.name), ['Bosnia and Herzegovina'], 'the id matches too');
    assert.deepEqual(searchNodes(nodes, '  '), []);
    assert.equal(searchNodes(nodes, 'a', 2).length, 2);
  });
});

describe('labels never overlap', () => {
  const cand = (key: string, x: number, y: number, priority = 2, width = 60, size = 5): LabelCandidate => ({ key, x, y, size, width, priority });
  const overlap = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

  test('of two colliding labels the higher priority (then the larger disc) is drawn', () => {
    assert.deepEqual(pickLabels([cand('small', 100, 100, 2, 60, 4), cand('big', 110, 104, 2, 60, 9)], 13).map((b) => b.key), ['big']);
    assert.deepEqual(pickLabels([cand('big', 110, 104, 2, 60, 9), cand('chosen', 100, 100, 0, 60, 4)], 13).map((b) => b.key), ['chosen']);
    assert.deepEqual(pickLabels([cand('a', 100, 100), cand('b', 100, 200)], 13).map((b) => b.key).sort(), ['a', 'b']);
  });

  test("a label over another actor's disc is not drawn, except the selection's", () => {
    // b's disc sits where a's label would go (right of a's disc).
    assert.deepEqual(pickLabels([cand('a', 100, 100, 2, 60, 5), cand('b', 130, 100, 2, 0, 5)], 13).map((b) => b.key), ['b']);
    assert.deepEqual(pickLabels([cand('a', 100, 100, 0, 60, 5), cand('b', 130, 100, 2, 0, 5)], 13).map((b) => b.key), ['a']);
  });

  test('a label off screen, or cut by its edge, is not drawn', () => {
    const view = { width: 800, height: 600 };
    assert.deepEqual(pickLabels([cand('in', 100, 100), cand('out', 2000, 100), cand('cut', 760, 300), cand('top', 400, 2)], 13, view).map((b) => b.key), ['in']);
  });

  test('in a crowd, what is drawn is free of overlaps, and every label left out would have collided', () => {
    let s = 7;
    const r = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
    const crowd = Array.from({ length: 300 }, (_, i) => cand(`n${i}`, 20 + r() * 700, 20 + r() * 500, 2, 30 + r() * 60, 3 + r() * 12));
    const boxes = pickLabels(crowd, 13, { width: 800, height: 560 });
    assert.ok(boxes.length > 10, `${boxes.length} labels`);
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) assert.ok(!overlap(boxes[i]!, boxes[j]!), `${boxes[i]!.key} / ${boxes[j]!.key}`);
    const drawn = new Set(boxes.map((b) => b.key));
    const disc = (c: LabelCandidate): Box => ({ key: c.key, x: c.x - c.size, y: c.y - c.size, w: 2 * c.size, h: 2 * c.size });
    for (const c of crowd.filter((c) => !drawn.has(c.key))) {
      const box = labelBox(c, 13);
      assert.ok(boxes.some((b) => overlap(b, box)) || crowd.some((o) => o.key !== c.key && overlap(disc(o), box)), `${c.key} had room`);
    }
  });

  test('the box is where sigma draws the text: right of the disc, centred on it', () => {
    assert.deepEqual(labelBox(cand('a', 100, 100, 2, 40, 6), 10), { key: 'a', x: 109, y: 94, w: 40, h: 12 });
  });
});

describe('layout', () => {
  // Two groups of five, each fully linked inside, one weak link between them.
  const left = ['l0', 'l1', 'l2', 'l3', 'l4'];
  const right = ['r0', 'r1', 'r2', 'r3', 'r4'];
  const pairs = (g: string[]) => g.flatMap((a, i) => g.slice(i + 1).map((b) => co(a, b, 3)));
  const g: Graph = {
    nodes: [...left.map((id, i) => node(id, id.toUpperCase(), 10 - i)), ...right.map((id, i) => node(id, id.toUpperCase(), 5 - i))],
    edges: [...pairs(left), ...pairs(right), co('l4', 'r4', 1), ev('r0', 'l0')],
  };

  test('the same graph gets the same picture', () => {
    const a = layoutGraph(g);
    const b = layoutGraph(g);
    assert.deepEqual([...a.positions], [...b.positions]);
    assert.deepEqual([...a.community], [...b.community]);
  });

  test('Louvain finds the two groups, named after their most documented actor, largest first', () => {
    const l = layoutGraph(g);
    assert.equal(l.communities.length, 2);
    assert.ok(left.every((id) => l.community.get(id) === l.community.get('l0')));
    assert.ok(right.every((id) => l.community.get(id) === l.community.get('r0')));
    assert.notEqual(l.community.get('l0'), l.community.get('r0'));
    assert.deepEqual(l.communities.map((c) => [c.name, c.size]).sort(), [['L0', 5], ['R0', 5]]);
  });

  test('fitted to the canvas as sigma fits it, no two discs overlap', () => {
    const l = layoutGraph(g);
    const ps = [...l.positions.values()];
    const extent = Math.max(Math.max(...ps.map((p) => p.x)) - Math.min(...ps.map((p) => p.x)), Math.max(...ps.map((p) => p.y)) - Math.min(...ps.map((p) => p.y)));
    const pxPerUnit = 520 / extent;
    const list = [...l.positions];
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const [a, pa] = list[i]!;
        const [b, pb] = list[j]!;
        const d = Math.hypot(pa.x - pb.x, pa.y - pb.y) * pxPerUnit;
        assert.ok(d >= 0.95 * (l.sizes.get(a)! + l.sizes.get(b)!), `${a} and ${b} are ${d.toFixed(1)} px apart`);
      }
    }
    assert.equal(l.sizes.get('l0'), nodeSize(g.nodes[0]!, 10));
  });

  test('a graph grown from a drawn one keeps its actors near where they were', () => {
    const first = layoutGraph({ nodes: g.nodes.filter((n) => left.includes(n.id)), edges: pairs(left) });
    const grown = layoutGraph(g, first);
    const moved = left.map((id) => Math.hypot(first.positions.get(id)!.x - grown.positions.get(id)!.x, first.positions.get(id)!.y - grown.positions.get(id)!.y));
    const span = Math.max(...left.map((id) => first.positions.get(id)!.x)) - Math.min(...left.map((id) => first.positions.get(id)!.x));
    const fresh = layoutGraph(g);
    const movedFresh = left.map((id) => Math.hypot(first.positions.get(id)!.x - fresh.positions.get(id)!.x, first.positions.get(id)!.y - fresh.positions.get(id)!.y));
    assert.ok(Math.max(...moved) < Math.max(...movedFresh), `kept ${Math.max(...moved).toFixed(2)} vs fresh ${Math.max(...movedFresh).toFixed(2)} (span ${span.toFixed(2)})`);
  });

  test('an actor alone, or none, is laid out without failing', () => {
    assert.equal(layoutGraph({ nodes: [node('x')], edges: [] }).positions.size, 1);
    assert.equal(layoutGraph({ nodes: [], edges: [] }).communities.length, 0);
  });
});
