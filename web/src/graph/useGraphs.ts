/**
 * Several `/api/graph` answers at once (the expanded neighbourhoods), each fetched once per URL and kept while
 * the view is open, so expanding one more actor asks for one more answer only. `prefetch` starts a request at
 * once (from an effect that has just chosen what to expand), instead of after the next render and canvas.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api, type Graph as GraphData } from '../api';

export interface Graphs {
  graphs: GraphData[];
  loading: boolean;
  error: string | null;
  prefetch: (url: string) => void;
}

export function useGraphs(urls: readonly string[]): Graphs {
  const cache = useRef(new Map<string, GraphData>());
  const inflight = useRef(new Map<string, Promise<GraphData>>());
  const [tick, setTick] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const key = urls.join('\n');

  const fetchOnce = useCallback((url: string): Promise<GraphData> => {
    const known = cache.current.get(url);
    if (known) return Promise.resolve(known);
    let p = inflight.current.get(url);
    if (!p) {
      p = api<GraphData>(url).then((g) => {
        cache.current.set(url, g);
        return g;
      }).finally(() => inflight.current.delete(url));
      inflight.current.set(url, p);
    }
    return p;
  }, []);
  const prefetch = useCallback((url: string) => void fetchOnce(url).catch(() => {}), [fetchOnce]);

  useEffect(() => {
    let live = true;
    const missing = urls.filter((u) => !cache.current.has(u));
    if (!missing.length) return;
    Promise.all(missing.map(fetchOnce)).then(
      () => live && (setError(null), setTick((t) => t + 1)),
      (err: Error) => live && setError(err.message),
    );
    return () => {
      live = false;
    };
    // `key` stands for `urls`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  // The same array while nothing new arrived, so what is computed from it is not computed again.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const graphs = useMemo(() => urls.map((u) => cache.current.get(u)).filter((g): g is GraphData => !!g), [key, tick]);
  return { graphs, loading: graphs.length < urls.length && !error, error, prefetch };
}
