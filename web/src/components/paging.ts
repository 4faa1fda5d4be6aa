/**
 * Where a page lies in a list the API pages: its first and last item (1-based), whether there is a next page and
 * where the last page starts. With `lowerBound` the API stopped counting at `total`, so a full page may have a
 * next one and there is no last page to go to.
 */
export interface PageState {
  first: number;
  last: number;
  hasPrevious: boolean;
  hasNext: boolean;
  /** Offset of the last page, or null when the total is only a lower bound. */
  lastOffset: number | null;
}

export function pageState(offset: number, limit: number, shown: number, total: number, lowerBound = false): PageState {
  return {
    first: shown ? offset + 1 : offset,
    last: offset + shown,
    hasPrevious: offset > 0,
    hasNext: lowerBound ? shown === limit : offset + shown < total,
    lastOffset: lowerBound ? null : Math.max(0, Math.ceil(total / limit) - 1) * limit,
  };
}
