/** Small formatting helpers for the command line. */
export function truncate(s: string, n: number): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? one.slice(0, n - 1) + '…' : one;
}

export function table(rows: string[][], head?: string[]): string {
  const all = head ? [head, ...rows] : rows;
  if (!all.length) return '';
  const widths = all[0]!.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  const out = all.map(line);
  if (head) out.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
  return out.join('\n');
}

export const shortId = (id: string) => id.slice(0, 12);

/** Prints to stdout, respecting a closed pipe (`dossier docs | head`). */
export function print(s: string): void {
  process.stdout.write(s.endsWith('\n') ? s : s + '\n');
}
