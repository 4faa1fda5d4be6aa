/**
 * Several `/api/graph` answers at once (the expanded neighbourhoods), each fetched once per URL and kept while
 * the view is open, so expanding one more actor asks for one more answer only.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { api, type Graph as GraphData } from '../api';

export function useGraphs(urls: readonly string[]): { graphs: GraphData[]; loading: boolean; error: string | null } {
  const cache = useRef(new Map<string, GraphData>());
  const [tick, setTick] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const key = urls.join('\n');
  useEffect(() => {
    let live = true;
    const missing = urls.filter((u) => !cache.current.has(u));
    if (!missing.length) return;
    Promise.all(missing.map((u) => api<GraphData>(u).then((g) => cache.current.set(u, g)))).then(
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
  return { graphs, loading: graphs.length < urls.length && !error, error };
}
