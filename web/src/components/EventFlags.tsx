/**
 * What an event report claims beyond its type and actors: that it did not happen (negated) and how it is said
 * (future, hypothetical, reported). Shown wherever an event is, so "has yet to recognise" never reads as support.
 */
export function EventFlags({ negated, modality }: { negated?: boolean | null; modality?: string | null }) {
  const flags = [negated ? 'negated' : '', modality && modality !== 'asserted' ? modality : ''].filter(Boolean);
  if (!flags.length) return null;
  return <>{flags.map((f) => <span key={f} className={`badge flag ${f}`}>{f}</span>)}</>;
}

/** An event's date, "≤ date" when no report states it (it happened by the report's date). */
export const eventDateLabel = (date: string | null | undefined, basis?: string | null) => (date ? (basis === 'report' ? `≤ ${date}` : date) : 'undated');
