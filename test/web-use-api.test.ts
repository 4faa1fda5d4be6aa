/**
 * `useApi` (web/src/api.ts) in React: an answer no longer wanted is not waited for. When the path changes, the
 * request for the old one is aborted, so the server drops it from its queue (src/server/admission.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import { createElement, useState } from 'react';

test('a changed path aborts the request for the old one; the new answer is the one shown', async () => {
  const { window } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
  Object.assign(globalThis, { window, document: window.document });
  if (!('navigator' in globalThis)) Object.assign(globalThis, { navigator: { userAgent: 'node' } });
  const { createRoot } = await import('react-dom/client');
  const { useApi } = await import('../web/src/api.js');
  const asked: { path: string; signal: AbortSignal | null | undefined; answer: () => void }[] = [];
  const realFetch = globalThis.fetch;
  globalThis.fetch = ((path: string, init?: RequestInit) => new Promise<Response>((ok, fail) => {
    const answer = () => ok(new Response(JSON.stringify({ path }), { status: 200 }));
    asked.push({ path, signal: init?.signal, answer });
    init?.signal?.addEventListener('abort', () => fail(new DOMException('aborted', 'AbortError')));
  })) as typeof fetch;
  const shown: string[] = [];
  let go!: (p: string) => void;
  function View() {
    const [path, setPath] = useState('/api/graph?maxNodes=150');
    go = setPath;
    const { data } = useApi<{ path: string }>(path);
    shown.push(data?.path ?? '-');
    return null;
  }
  const root = createRoot(document.getElementById('root')!);
  const tick = () => new Promise((r) => setTimeout(r, 20));
  try {
    root.render(createElement(View));
    await tick();
    go('/api/graph?kinds=cooperative&maxNodes=150');
    await tick();
    assert.deepEqual(asked.map((a) => a.path), ['/api/graph?maxNodes=150', '/api/graph?kinds=cooperative&maxNodes=150']);
    assert.equal(asked[0]!.signal?.aborted, true, 'the superseded request is aborted');
    assert.equal(asked[1]!.signal?.aborted, false);
    asked[1]!.answer();
    await tick();
    assert.equal(shown.at(-1), '/api/graph?kinds=cooperative&maxNodes=150');
  } finally {
    root.unmount();
    globalThis.fetch = realFetch;
  }
});
