/**
 * The graph view's answers by URL (web/src/graph/graph-answers.ts) and the hook over them (useGraphs.ts): each URL
 * asked once, failures not kept, and every arrival re-rendering the view, also one that lands between a render
 * and its effect (the "Loading neighbours…" that never ended on a loaded machine).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import { createElement, useLayoutEffect, useState } from 'react';
import type { Graph } from '../src/service/graph.js';
import { GraphAnswers } from '../web/src/graph/graph-answers.js';

const graph = (id: string): Graph => ({ nodes: [{ id, name: id, type: 'GPE', kbId: null, documents: 1, mentions: 1 }], edges: [] });

/** A request the test answers when it chooses. */
function deferred<T>() {
  let ok!: (v: T) => void;
  let fail!: (e: Error) => void;
  const promise = new Promise<T>((a, b) => ((ok = a), (fail = b)));
  return { promise, ok, fail };
}

describe('graph answers by URL', () => {
  test('one request per URL, shared while on its way and kept after', async () => {
    const asked: string[] = [];
    const tarsk = deferred<Graph>();
    const answers = new GraphAnswers((url) => (asked.push(url), tarsk.promise));
    const a = answers.fetch('/api/graph?actor=tarsk');
    const b = answers.fetch('/api/graph?actor=tarsk');
    assert.equal(answers.get('/api/graph?actor=tarsk'), undefined);
    tarsk.ok(graph('tarsk'));
    assert.equal(await a, await b);
    assert.equal(answers.get('/api/graph?actor=tarsk'), await a);
    await answers.fetch('/api/graph?actor=tarsk');
    assert.deepEqual(asked, ['/api/graph?actor=tarsk']);
  });

  test('every arrival is announced, also of a request nobody waits for', async () => {
    const valmora = deferred<Graph>();
    const answers = new GraphAnswers(() => valmora.promise);
    const calls: number[] = [];
    answers.subscribe(() => calls.push(answers.version()));
    // A prefetch: its promise is dropped, and what it brings must still reach the view.
    void answers.fetch('/api/graph?actor=valmora');
    const before = answers.version();
    valmora.ok(graph('valmora'));
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(calls, [before + 1]);
  });

  test('a failure is not kept or announced: the next ask asks again', async () => {
    let n = 0;
    const answers = new GraphAnswers(async () => {
      if (n++ === 0) throw new Error('503 the server is busy');
      return graph('brenk');
    });
    let announced = 0;
    const stop = answers.subscribe(() => announced++);
    await assert.rejects(answers.fetch('/api/graph?actor=brenk'), /busy/);
    assert.equal(answers.get('/api/graph?actor=brenk'), undefined);
    assert.equal(announced, 0);
    assert.equal((await answers.fetch('/api/graph?actor=brenk')).nodes[0]!.id, 'brenk');
    assert.equal(announced, 1);
    stop();
    await answers.fetch('/api/graph?actor=other');
    assert.equal(announced, 1, 'no call after unsubscribing');
  });

  test('an answer that is no graph (an unreadable body) is a failure, not an arrival that is never drawn', async () => {
    const answers = new GraphAnswers(async () => null as unknown as Graph);
    await assert.rejects(answers.fetch('/api/graph?actor=ivo-brenk'), /not a graph/);
    assert.equal(answers.get('/api/graph?actor=ivo-brenk'), undefined);
    assert.equal(answers.version(), 0);
  });
});

describe('useGraphs in React', () => {
  test('an answer that lands between the render that needs it and that render\'s effect is drawn', async () => {
    const { window } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
    Object.assign(globalThis, { window, document: window.document });
    if (!('navigator' in globalThis)) Object.assign(globalThis, { navigator: { userAgent: 'node' } });
    const { createRoot } = await import('react-dom/client');
    const { useGraphs } = await import('../web/src/graph/useGraphs.js');
    const url = '/api/graph?actor=valmora&maxNodes=60';
    const reply = deferred<void>();
    // Answers after a few more steps, as a response and its JSON body do.
    const fetchGraph = async () => {
      await reply.promise;
      await Promise.resolve();
      return graph('valmora');
    };
    const renders: string[] = [];
    let expand!: (urls: string[]) => void;
    let prefetch!: (url: string) => void;
    function View() {
      const [urls, setUrls] = useState<string[]>([]);
      expand = setUrls;
      const hoods = useGraphs(urls, fetchGraph);
      prefetch = hoods.prefetch;
      renders.push(`${hoods.graphs.length}/${urls.length}${hoods.loading ? ' loading' : ''}`);
      // Runs after the render, before its passive effects: the answer arrives in between, as it does when the
      // paint of a large graph keeps the browser busy.
      useLayoutEffect(() => {
        if (urls.length) reply.ok();
      });
      return null;
    }
    const root = createRoot(document.getElementById('root')!);
    try {
      root.render(createElement(View));
      await new Promise((r) => setTimeout(r, 20));
      // As the view does: the neighbourhood asked for at once, then the state that needs it.
      prefetch(url);
      expand([url]);
      for (let i = 0; i < 50 && renders.at(-1) !== '1/1'; i++) await new Promise((r) => setTimeout(r, 10));
      assert.equal(renders.at(-1), '1/1', renders.join(', '));
    } finally {
      root.unmount();
    }
  });
});
