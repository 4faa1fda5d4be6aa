/** Small shared pieces: loading and error states, event-class colours, an entity link, a date label. */
import type { ReactNode } from 'react';
import { entityHref } from '../api';

export function Status({ loading, error, empty, children }: { loading?: boolean; error?: string | null; empty?: string | false | null; children?: ReactNode }) {
  if (error) return <p className="error" role="alert">{error}</p>;
  if (loading) return <p className="muted" aria-busy="true">Loading…</p>;
  if (empty) return <p className="muted empty">{empty}</p>;
  return <>{children}</>;
}

const COOPERATIVE = new Set(['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT']);
const VERBAL = new Set(['AGREE', 'CONSULT', 'SUPPORT', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN']);
export const eventClass = (type: string) => (COOPERATIVE.has(type) ? 'cooperative' : 'conflictual');
export const eventMode = (type: string) => (VERBAL.has(type) ? 'verbal' : 'material');
export const EVENT_COLORS = { cooperative: '#2e7d32', conflictual: '#c62828', cooccurrence: '#9aa5b1' } as const;

export function EntityLink({ id, name }: { id: string | null; name: string | null }) {
  if (!id) return <span className="muted">{name ?? '?'}</span>;
  return <a href={entityHref(id)}>{name ?? id}</a>;
}

export function EventBadge({ type }: { type: string }) {
  return <span className={`badge ${eventClass(type)} ${eventMode(type)}`} title={`${eventClass(type)}, ${eventMode(type)}`}>{type}</span>;
}

export const dateLabel = (d: string | null | undefined) => d ?? 'undated';
