/**
 * Cross-document resolution, run inside the transaction that stores a document: its events join (or start)
 * timeline entries, its quotes join quotes carried by other outlets, its stances and events are checked against
 * other sources for disagreement. Placeholder until the statements work lands.
 */
import type { Queryable } from '../store/db.js';

export async function resolveDocument(_tx: Queryable, _documentId: string): Promise<void> {}
