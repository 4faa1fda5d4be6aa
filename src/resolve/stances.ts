/**
 * Stance disagreements: a document that has a holder support a topic while another document has the same holder
 * oppose it (or the reverse). Each (holder, topic, polarity) of the new document is paired with the other
 * document closest to it in time — the nearest contradiction is the telling one — once.
 */
import type { Queryable } from '../store/db.js';

const OPPOSITE: Record<string, string> = { support: 'oppose', oppose: 'support' };

interface StanceClaim {
  holder_id: string;
  topic: string;
  polarity: string;
  evidence_start: number;
  evidence_end: number;
}

export async function resolveStances(tx: Queryable, documentId: string, docDate: string | null): Promise<void> {
  // One claim per holder, topic and polarity: the first piece of evidence the document gives for it.
  const claims = (await tx.query<StanceClaim>(
    `SELECT DISTINCT ON (holder_id, topic, polarity) holder_id, topic, polarity, evidence_start, evidence_end
       FROM stances WHERE document_id = $1 AND polarity IN ('support', 'oppose')
      ORDER BY holder_id, topic, polarity, evidence_start`, [documentId])).rows;
  for (const c of claims) {
    const other = (await tx.query<{ document_id: string; evidence_start: number; evidence_end: number }>(
      `SELECT s.document_id, s.evidence_start, s.evidence_end FROM stances s JOIN documents d ON d.id = s.document_id
        WHERE s.holder_id = $1 AND s.topic = $2 AND s.polarity = $3 AND s.document_id <> $4
        ORDER BY abs(d.date - $5::date) NULLS LAST, d.date DESC NULLS LAST, s.document_id, s.evidence_start
        LIMIT 1`, [c.holder_id, c.topic, OPPOSITE[c.polarity], documentId, docDate])).rows[0];
    if (!other) continue;
    await tx.query(
      `INSERT INTO disagreements (kind, actor_id, topic, a_document_id, a_start, a_end, a_claim, b_document_id, b_start, b_end, b_claim)
       VALUES ('stance', $1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [c.holder_id, c.topic, other.document_id, other.evidence_start, other.evidence_end, OPPOSITE[c.polarity],
        documentId, c.evidence_start, c.evidence_end, c.polarity]);
  }
}
