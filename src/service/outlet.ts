/**
 * How a list names where a statement was reported: the outlet, or, for a document no outlet is known for (a local
 * file), the last part of its origin, its file name, rather than a long path or nothing.
 */
export const sourceLabel = (d: string): string => `COALESCE(${d}.source, substring(${d}.origin from '[^/\\\\]*$'))`;

/** The same in TypeScript, for rows read whole. */
export function labelOf(source: string | null | undefined, origin: string | null | undefined): string | null {
  return source ?? (origin ? origin.replace(/^.*[/\\]/, '') : null);
}
