/**
 * Statements across documents: the merged timeline, quotes with all their sources, stances, disagreements.
 * Placeholder implementations: the types are the interface the CLI and the API build on.
 */
import type { Queryable } from '../store/db.js';

export interface TimelineFilter {
  /** Entity id (as source or target). */
  actor?: string;
  type?: string;
  from?: string;
  to?: string;
  source?: string;
  limit?: number;
  offset?: number;
}

export interface EventMention {
  documentId: string;
  documentTitle: string | null;
  documentDate: string | null;
  source: string | null;
  trigger: string;
  sentence: string;
  sentenceStart: number;
  sentenceEnd: number;
  negated: boolean;
  modality: string;
}

/** One real-world event, with every document that reports it. */
export interface TimelineEntry {
  id: string;
  type: string;
  cameo: string | null;
  sourceId: string | null;
  sourceName: string | null;
  targetId: string | null;
  targetName: string | null;
  locationId: string | null;
  locationName: string | null;
  date: string | null;
  negated: boolean;
  modality: string;
  mentions: EventMention[];
}

export async function timeline(_db: Queryable, _f: TimelineFilter = {}): Promise<{ total: number; items: TimelineEntry[] }> {
  return { total: 0, items: [] };
}

export interface QuoteSource {
  documentId: string;
  documentTitle: string | null;
  documentDate: string | null;
  source: string | null;
  start: number;
  end: number;
  speakerText: string | null;
}

/** One quote, however many outlets carried it. */
export interface QuoteEntry {
  id: string;
  speakerId: string | null;
  speakerName: string | null;
  text: string;
  direct: boolean;
  date: string | null;
  sources: QuoteSource[];
}

export interface QuoteFilter {
  speaker?: string;
  q?: string;
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

export async function listQuotes(_db: Queryable, _f: QuoteFilter = {}): Promise<{ total: number; items: QuoteEntry[] }> {
  return { total: 0, items: [] };
}

export interface StanceEntry {
  holderId: string;
  holderName: string;
  topic: string;
  polarity: string;
  date: string | null;
  documentId: string;
  documentTitle: string | null;
  evidence: string;
  evidenceStart: number;
  evidenceEnd: number;
}

export async function listStances(_db: Queryable, _f: { holder?: string; topic?: string } = {}): Promise<StanceEntry[]> {
  return [];
}

export interface DisagreementSide {
  documentId: string;
  documentTitle: string | null;
  source: string | null;
  date: string | null;
  /** The sentence that states it. */
  text: string;
  start: number;
  end: number;
  /** What this side says: a polarity ("support") or "asserted"/"denied". */
  claim: string;
}

/** Two sources that state opposite things about the same actor and topic. */
export interface Disagreement {
  id: string;
  kind: 'stance' | 'event';
  actorId: string;
  actorName: string;
  /** The stance topic, or the event type and target ("ASSAULT → Ukraine"). */
  topic: string;
  a: DisagreementSide;
  b: DisagreementSide;
}

export async function listDisagreements(_db: Queryable, _f: { actor?: string; limit?: number; offset?: number } = {}): Promise<{ total: number; items: Disagreement[] }> {
  return { total: 0, items: [] };
}
