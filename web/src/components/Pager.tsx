/**
 * Paging through a long list the API answers a page at a time: first, previous, next, last, and where this page
 * lies ("51–100 of 1,234"; "of at least 10,000" when the API stopped counting).
 */
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
  const last = Math.max(0, Math.ceil(total / limit) - 1) * limit;
  const end = offset + shown;
  const hasNext = lowerBound ? shown === limit : end < total;
  return (
    <nav className="pager" aria-label={label}>
      <button type="button" disabled={offset === 0} onClick={() => onOffset(0)}>First</button>
      <button type="button" disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - limit))}>Previous</button>
      <span data-testid="pager-range">{fmt(shown ? offset + 1 : offset)}–{fmt(end)} of {lowerBound ? 'at least ' : ''}{fmt(total)}</span>
      <button type="button" disabled={!hasNext} onClick={() => onOffset(offset + limit)}>Next</button>
      {!lowerBound && <button type="button" disabled={offset >= last} onClick={() => onOffset(last)}>Last</button>}
    </nav>
  );
}
