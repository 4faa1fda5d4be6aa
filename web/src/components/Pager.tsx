/**
 * Paging through a long list the API answers a page at a time: first, previous, next, last, and where this page
 * lies ("51–100 of 1,234"; "of at least 10,000" when the API stopped counting). The arithmetic is in paging.ts.
 */
import { pageState } from './paging';

const fmt = (n: number) => n.toLocaleString('en');

export function Pager({ offset, limit, shown, total, lowerBound, onOffset, label }: {
  offset: number;
  limit: number;
  /** Items on this page. */
  shown: number;
  total: number;
  /** The API counted up to a cap: there may be more than `total`. */
  lowerBound?: boolean;
  onOffset: (offset: number) => void;
  label: string;
}) {
  if (total <= limit && offset === 0) return null;
  const p = pageState(offset, limit, shown, total, lowerBound);
  return (
    <nav className="pager" aria-label={label}>
      <button type="button" disabled={!p.hasPrevious} onClick={() => onOffset(0)}>First</button>
      <button type="button" disabled={!p.hasPrevious} onClick={() => onOffset(Math.max(0, offset - limit))}>Previous</button>
      <span data-testid="pager-range">{shown ? `${fmt(p.first)}–${fmt(p.last)}` : 'none on this page'} of {lowerBound ? 'at least ' : ''}{fmt(total)}</span>
      <button type="button" disabled={!p.hasNext} onClick={() => onOffset(offset + limit)}>Next</button>
      {p.lastOffset !== null && <button type="button" disabled={offset >= p.lastOffset} onClick={() => onOffset(p.lastOffset!)}>Last</button>}
    </nav>
  );
}
