/** The UI's only way to the data: the REST API, with the server's own types (erased at build time). */
import { useCallback, useEffect, useState } from 'react';
import { fetchRetrying } from './retry.js';
export type { DocumentDetail, DocumentSummary, SearchHit, Stats } from '../../src/service/documents.js';
export type { EntityProfile, EntitySummary } from '../../src/service/entities.js';
export type { Disagreement, QuoteEntry, StanceEntry, TimelineEntry } from '../../src/service/statements.js';
export type { TopicStances, TopicSummary } from '../../src/service/topics.js';
export type { Graph, GraphEdge, GraphNode } from '../../src/service/graph.js';
export type { LocatedEvent, Place } from '../../src/service/places.js';
export type { Overview } from '../../src/server/overview.js';
export type { ImportJob } from '../../src/server/imports.js';

export interface Page<T> {
  total: number;
  items: T[];
}

export class ApiFailure extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/**
 * Answers asked for before the view that needs them is loaded (see `prefetch`), each handed out once: a later ask
 * of the same path fetches again, so nothing stale is kept.
 */
const early = new Map<string, { at: number; answer: Promise<unknown> }>();
/** An early answer is for the view being opened; one not taken within this time is dropped. */
const EARLY_MS = 15_000;

/** Starts a GET now; the next `api(path)` without options takes its answer instead of asking again. */
export function prefetch(path: string): Promise<unknown> {
  const known = early.get(path);
  if (known && Date.now() - known.at < EARLY_MS) return known.answer;
  const answer = request(path);
  answer.catch(() => {}); // a failure is reported to whoever takes the answer
  early.set(path, { at: Date.now(), answer });
  return answer;
}

export async function api<T>(path: string, init?: RequestInit): Promise<T> {
  // A plain read (no method, no body; a signal alone is still one) takes an early answer.
  const read = !init || (!init.method && !init.body && !init.headers);
  const known = read ? early.get(path) : undefined;
  if (known) {
    early.delete(path);
    if (Date.now() - known.at < EARLY_MS) return known.answer as Promise<T>;
  }
  return request<T>(path, init);
}

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  // A read refused by a busy server (503) is asked again after its Retry-After, a few times (retry.ts).
  const res = await fetchRetrying((p, i) => fetch(p, i), path, init);
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new ApiFailure(res.status, body?.error ?? `${res.status} ${res.statusText}`);
  return body as T;
}

/** A query string from the values that are set. */
export function qs(params: Record<string, string | number | null | undefined | false>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '' && v !== false) p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}

export interface Loaded<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
  reload: () => void;
}

/** Fetches `path` whenever it changes (null: nothing to fetch); the last answer wins. */
export function useApi<T>(path: string | null): Loaded<T> {
  const [state, setState] = useState<{ data: T | null; error: string | null; loading: boolean }>({ data: null, error: null, loading: !!path });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!path) return;
    let live = true;
    // An answer no longer wanted (the path changed, the view closed) is not waited for: its request is aborted, so
    // the server drops it from its queue (src/server/admission.ts) instead of running it for nobody.
    const gone = new AbortController();
    setState((s) => ({ ...s, loading: true, error: null }));
    api<T>(path, { signal: gone.signal }).then(
      (data) => live && setState({ data, error: null, loading: false }),
      (err: Error) => live && setState({ data: null, error: err.message, loading: false }),
    );
    return () => {
      live = false;
      gone.abort();
    };
  }, [path, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}

export const entityHref = (id: string) => `#/entity/${encodeURIComponent(id)}`;
export const docHref = (id: string, at?: number) => `#/doc/${id}${at !== undefined ? `/${at}` : ''}`;
export const shortId = (id: string) => id.slice(0, 10);

/** The token for write endpoints, kept for this browser session only. */
export const token = {
  get: () => sessionStorage.getItem('dossier-token') ?? '',
  set: (t: string) => sessionStorage.setItem('dossier-token', t),
};
export const authHeaders = (): Record<string, string> => (token.get() ? { Authorization: `Bearer ${token.get()}` } : {});
