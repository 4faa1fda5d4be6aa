/**
 * Turns a text and the spans laid over it into React elements. The text only ever becomes text nodes, never
 * markup: whatever an article contains (`<script>`, `<img onerror>`) is shown as the characters it is.
 */
import type { ReactNode } from 'react';

export interface Annotation {
  start: number;
  end: number;
  /** CSS class for the layer: mention, quote, event, time, hit. */
  kind: string;
  /** Hover text. */
  title?: string;
  /** Makes the piece a link (mentions link to their entity). */
  href?: string;
  /** Extra classes, e.g. the event's class (cooperative/conflictual). */
  extra?: string;
}

/**
 * Cuts the text at every span boundary; each piece carries the classes of the spans covering it. A piece inside a
 * mention is a link; pieces keep their offset as `data-at` so a view can scroll to a position.
 */
export function renderSpans(text: string, annotations: Annotation[], opts: { markAt?: number } = {}): ReactNode[] {
  const cuts = new Set<number>([0, text.length]);
  const spans = annotations.filter((a) => a.start < a.end && a.start >= 0 && a.end <= text.length);
  for (const a of spans) {
    cuts.add(a.start);
    cuts.add(a.end);
  }
  if (opts.markAt !== undefined && opts.markAt >= 0 && opts.markAt <= text.length) cuts.add(opts.markAt);
  const points = [...cuts].sort((a, b) => a - b);
  const out: ReactNode[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    const piece = text.slice(from, to);
    const covering = spans.filter((a) => a.start <= from && a.end >= to);
    const isMark = opts.markAt === from;
    if (!covering.length && !isMark) {
      out.push(piece);
      continue;
    }
    const classes = [...new Set(covering.flatMap((a) => [a.kind, a.extra ?? '']).filter(Boolean))];
    if (isMark) classes.push('target');
    const title = covering.map((a) => a.title).filter(Boolean).join(' · ') || undefined;
    const link = covering.find((a) => a.href);
    const props = { key: from, className: classes.join(' '), title, 'data-at': from, id: isMark ? 'reader-target' : undefined };
    out.push(link ? <a {...props} href={link.href}>{piece}</a> : <span {...props}>{piece}</span>);
  }
  return out;
}

/** Folds one character for matching: no accents, lower case, always one character so offsets stay put. */
const SPECIAL: Record<string, string> = { đ: 'd', Đ: 'd', ł: 'l', Ł: 'l', ø: 'o', Ø: 'o', ß: 's', æ: 'a', Æ: 'a', œ: 'o', Œ: 'o' };
export function foldForMatch(text: string): string {
  let out = '';
  for (const ch of text) {
    const f = SPECIAL[ch] ?? ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    // Astral characters are two code units: keep the width so positions line up with the original.
    out += (f[0] ?? ch).padEnd(ch.length, ' ');
  }
  return out;
}

/** Marks every occurrence of the query's words (diacritic-insensitive) with `<mark>`, by splitting into elements. */
export function highlightTerms(text: string, query: string): ReactNode[] {
  const terms = [...new Set(foldForMatch(query).replace(/\b(or|and)\b|["\-]/g, ' ').split(/\s+/).filter((t) => t.length > 1))];
  const folded = foldForMatch(text);
  const ranges: [number, number][] = [];
  for (const t of terms) {
    // A stem: "neutral" also marks "neutrality", as the full-text search matched it.
    const stem = t.slice(0, Math.max(4, t.length - 2)).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const re = new RegExp(`\\b${stem}\\w*`, 'g');
    for (let m = re.exec(folded); m; m = re.exec(folded)) ranges.push([m.index, m.index + m[0].length]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const out: ReactNode[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start < at) continue;
    if (start > at) out.push(text.slice(at, start));
    out.push(<mark key={start}>{text.slice(start, end)}</mark>);
    at = end;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}
