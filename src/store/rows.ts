/** Multi-row writes shared by the store and cross-document resolution. */
import type { Queryable } from './db.js';

const MAX_PARAMS = 30000;

/**
 * Multi-row INSERT in chunks below Postgres's parameter limit. `wrap` maps a column to an SQL expression around its
 * parameter (`$` stands for it), e.g. `to_tsvector('english', $)`.
 */
export async function insertRows(tx: Queryable, table: string, columns: string[], rows: unknown[][],
  wrap: Record<string, string> = {}, suffix = ''): Promise<void> {
  if (!rows.length) return;
  const perChunk = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  for (let i = 0; i < rows.length; i += perChunk) {
    const chunk = rows.slice(i, i + perChunk);
    const params: unknown[] = [];
    const tuples = chunk.map((row) => '(' + row.map((v, c) => {
      params.push(v);
      const p = `$${params.length}`;
      const w = wrap[columns[c]!];
      return w ? w.replace('$', () => p) : p;
    }).join(',') + ')');
    await tx.query(`INSERT INTO ${table} (${columns.join(',')}) VALUES ${tuples.join(',')} ${suffix}`, params);
  }
}
