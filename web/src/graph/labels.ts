/**
 * Which node labels to draw so that none overlaps another label or another actor's disc: greedy in priority order
 * (the selection, then its neighbours, then larger discs first), in screen pixels, every frame. Sigma's own label
 * grid only thins labels per cell, and two labels either side of a cell border still collide.
 */

export interface LabelCandidate {
  key: string;
  /** The disc's centre and radius on screen, in pixels. */
  x: number;
  y: number;
  size: number;
  /** The label's width in pixels (measured with the font it is drawn in). */
  width: number;
  /** Lower first. */
  priority: number;
}

export interface Box {
  key: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Sigma draws a label from 3 px right of the disc, its baseline a third of the font size below the centre. */
export function labelBox(c: LabelCandidate, fontSize: number): Box {
  return { key: c.key, x: c.x + c.size + 3, y: c.y - fontSize * 0.6, w: c.width, h: fontSize * 1.2 };
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** The labels that fit, as their boxes; with `viewport`, only labels wholly inside it. */
export function pickLabels(candidates: readonly LabelCandidate[], fontSize: number, viewport?: { width: number; height: number }): Box[] {
  const discs: Box[] = candidates.map((c) => ({ key: c.key, x: c.x - c.size, y: c.y - c.size, w: 2 * c.size, h: 2 * c.size }));
  const order = [...candidates].sort((a, b) => a.priority - b.priority || b.size - a.size || a.key.localeCompare(b.key));
  const kept: Box[] = [];
  for (const c of order) {
    const box = labelBox(c, fontSize);
    // A label cut by the canvas edge reads as another name ("Milorad D"): only whole labels are drawn.
    if (viewport && (box.x < 0 || box.x + box.w > viewport.width || box.y < 0 || box.y + box.h > viewport.height)) continue;
    if (kept.some((k) => overlaps(k, box))) continue;
    // The selection's own label (priority 0) may cross a disc: its name matters more than the disc under it.
    if (c.priority > 0 && discs.some((d) => d.key !== c.key && overlaps(d, box))) continue;
    kept.push(box);
  }
  return kept;
}
