/**
 * Several `/api/graph` answers at once (the expanded neighbourhoods), each fetched once per URL and kept while
 * the view is open (graph-answers.ts), so expanding one more actor asks for one more answer only. `prefetch`
 * starts a request at once (from an effect that has just chosen what to expand), instead of after the next render
 * and canvas. Every answer that arrives re-renders the view, whichever call asked for it: an answer landing
 * between a render and its effect would otherwise leave the view loading for good (graph-answers.ts says how).
 */
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { Graph as GraphData } from '../../../src/service/graph.js';
import { GraphAnswers } from './graph-answers.js';

export interface Graphs {
  graphs: GraphData[];
  loading: boolean;
  error: string | null;
  prefetch: (url: string) => void;
}

/** `fetchGraph`: how an answer is asked for (the view's `api`); the first one given is used for the view's life. */
export function useGraphs(urls: readonly string[], fetchGraph: (url: string) => Promise<GraphData>): Graphs {
  const [answers] = useState(() => new GraphAnswers(fetchGraph));
  const arrived = useSyncExternalStore(answers.subscribe, answers.version);
  const [error, setError] = useState<string | null>(null);
  const key = urls.join('\n');

  const prefetch = useCallback((url: string) => void answers.fetch(url).catch(() => {}), [answers]);

  useEffect(() => {
    let live = true;
    const missing = urls.filter((u) => !answers.get(u));
    if (!missing.length) {
      setError(null);
      return;
    }
    Promise.all(missing.map(answers.fetch)).then(
      () => live && setError(null),
      (err: Error) => live && setError(err.message),
    );
    return () => {
      live = false;
    };
    // `key` stands for `urls`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  // The same array while none of these answers is new (an answer to another URL arrives too, e.g. a prefetch),
  // so what is computed from it (the merge, the layout) is not computed again.
  const last = useRef<GraphData[]>([]);
  const graphs = useMemo(() => {
    const now = urls.map(answers.get).filter((g): g is GraphData => !!g);
    if (now.length === last.current.length && now.every((g, i) => g === last.current[i])) return last.current;
    return (last.current = now);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, arrived]);
  return { graphs, loading: graphs.length < urls.length && !error, error, prefetch };
}
