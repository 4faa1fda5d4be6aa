/**
 * A PDF page's text items back into paragraphs. A PDF places text line by line with no paragraphs, and a line
 * wrapped before a capitalised word ("met President / Petrov") would otherwise end a sentence where it does not
 * end: lines are joined into one paragraph while the gap between baselines stays close to the page's usual line
 * spacing, and a wider gap (or a line that moves back up the page, a new column) starts a new paragraph.
 */

/** What is read of each text item: its text, baseline position, height, and whether a line ends after it. */
export interface PlacedText {
  str: string;
  /** `[a, b, c, d, x, y]`: the item's transform; x and y place its baseline. */
  transform: number[];
  height: number;
  hasEOL: boolean;
}

interface Line {
  text: string;
  y: number;
  height: number;
}

/** A gap this many times the usual line spacing (or the line's height) ends a paragraph. */
const PARAGRAPH_GAP = 1.4;

export function reflowPage(items: PlacedText[]): string {
  const lines: Line[] = [];
  let current: Line | null = null;
  for (const it of items) {
    const y = it.transform[5] ?? 0;
    const height = Math.abs(it.height || it.transform[3] || 0);
    // An item well off the current baseline starts a line, even without an end-of-line mark.
    if (current && Math.abs(current.y - y) > Math.max(current.height, height, 1) * 0.5) {
      lines.push(current);
      current = null;
    }
    if (!current) current = { text: '', y, height };
    current.text += it.str;
    current.height = Math.max(current.height, height);
    if (it.hasEOL) {
      lines.push(current);
      current = null;
    }
  }
  if (current) lines.push(current);
  const kept = lines.map((l) => ({ ...l, text: l.text.replace(/\s+/g, ' ').trim() })).filter((l) => l.text);
  if (!kept.length) return '';
  // The page's usual line spacing: the lower quartile of the downward gaps between consecutive lines (most gaps are
  // within paragraphs; a page of short paragraphs still has more line gaps than paragraph gaps, or about as many).
  const gaps = kept.slice(1).map((l, i) => kept[i]!.y - l.y).filter((g) => g > 0).sort((a, b) => a - b);
  const usual = gaps.length ? gaps[Math.floor(gaps.length / 4)]! : 0;
  let out = kept[0]!.text;
  for (let i = 1; i < kept.length; i++) {
    const prev = kept[i - 1]!;
    const line = kept[i]!;
    const gap = prev.y - line.y;
    const sameParagraph = gap > 0 && usual > 0 && gap <= usual * PARAGRAPH_GAP && gap <= Math.max(prev.height, line.height) * 2.2;
    if (!sameParagraph) out += '\n\n';
    else if (/[A-Za-z]-$/.test(prev.text) && /^[a-z]/.test(line.text)) out += ''; // a word broken at the line's end
    else out += ' ';
    out += line.text;
  }
  return out;
}
