/**
 * `npm run eval`: runs every suite in eval/suites/ against the gold sets in ../shared/eval/ and prints one table.
 * `npm run eval -- --json` also prints the figures as one JSON object (suite → measure → value) on the last line.
 * `npm run eval -- NAME...` runs only the named suites.
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { EvalSuite, Measure } from './suite.js';

const here = dirname(fileURLToPath(import.meta.url));
const shared = resolve(process.env.DOSSIER_SHARED ?? join(here, '../../shared'));
const sharedEval = join(shared, 'eval');
const args = process.argv.slice(2);
const json = args.includes('--json');
const only = args.filter((a) => !a.startsWith('--'));

async function main(): Promise<void> {
  if (!existsSync(sharedEval)) {
    console.log(`eval: ${sharedEval} not found; the gold sets live in ../shared/eval. Nothing to evaluate.`);
    if (json) console.log('{}');
    return;
  }
  const suiteDir = join(here, 'suites');
  const files = readdirSync(suiteDir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).sort();
  const results: Record<string, Record<string, number | string | null>> = {};
  const rows: [string, string, string, string][] = [];
  for (const file of files) {
    const suite = (await import(pathToFileURL(join(suiteDir, file)).href)).default as EvalSuite;
    if (only.length && !only.includes(suite.name)) continue;
    const dataDir = join(shared, suite.root ?? 'eval', suite.data);
    if (!existsSync(dataDir)) {
      console.log(`eval: skipping ${suite.name}: ${dataDir} not found`);
      continue;
    }
    const t0 = performance.now();
    let measures: Measure[];
    try {
      measures = await suite.run(dataDir);
    } catch (err) {
      console.log(`eval: ${suite.name} failed: ${(err as Error).stack ?? err}`);
      results[suite.name] = { error: String((err as Error).message ?? err) };
      continue;
    }
    const secs = ((performance.now() - t0) / 1000).toFixed(1);
    console.error(`eval: ${suite.name} done in ${secs}s`);
    results[suite.name] = {};
    for (const m of measures) {
      results[suite.name]![m.measure] = m.value;
      rows.push([suite.name, m.measure, format(m.value), m.anchor ?? '']);
    }
  }
  printTable(['suite', 'measure', 'value', 'published anchor'], rows);
  if (json) console.log(JSON.stringify(results));
}

function format(v: number | string | null): string {
  if (v === null) return '—';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v.toFixed(3);
  return v;
}

function printTable(head: string[], rows: string[][]): void {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}

main().catch((err) => {
  console.error(`eval: ${(err as Error).message}`);
  process.exit(1);
});
