/** The numbers the Overview page opens with, gathered in one answer so the page needs one request. */
import type { Queryable } from '../store/db.js';
import { getStats, type Stats } from '../service/documents.js';
import { listEntities, type EntitySummary } from '../service/entities.js';
import { timeline, type TimelineEntry } from '../service/statements.js';

export interface Overview {
  stats: Stats;
  topActors: EntitySummary[];
  latestEvents: TimelineEntry[];
  /** Documents per month (`YYYY-MM`), near-duplicates not counted; undated documents are left out. */
  documentsByMonth: { month: string; documents: number }[];
}

export async function overview(db: Queryable): Promise<Overview> {
  const [stats, actors, events, months] = await Promise.all([
    getStats(db, { estimate: true }),
    listEntities(db, { limit: 12 }),
    timeline(db, { limit: 10, newestFirst: true }),
    db.query<{ month: string; documents: number }>(
      `SELECT to_char(date, 'YYYY-MM') AS month, count(*)::int AS documents FROM documents
        WHERE date IS NOT NULL AND near_duplicate_of IS NULL GROUP BY 1 ORDER BY 1`),
  ]);
  return { stats, topActors: actors.items, latestEvents: events.items, documentsByMonth: months.rows };
}
