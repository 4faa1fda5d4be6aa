/**
 * `node --import tsx bench/views.ts --store DIR`: the API calls behind each web UI view, timed on a built store
 * (a PGlite folder, e.g. the one `npm run soak` builds; or the Postgres server in DATABASE_URL). The target
 * is that every view renders in under 1.5 s on a store of 10,000 documents; a view's calls are made one after the
 * other, as they are answered on PGlite's one thread, and the view's time is their sum. The read cache is off, so
 * every answer is computed. Each view is asked `--runs` times (default 3): the first (cold: the pages the queries
 * read are not yet in memory) and the median of the rest are printed.
 *   --store DIR   the PGlite folder (default $TMPDIR/dossier-soak-10000)
 *   --runs N      times each view is asked
 *   --json        also print the figures as one JSON object on the last line
 */
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openStore, storeOptions } from '../src/store/store.js';
import { defaultKnowledgeBase } from '../src/kb/load.js';
import { createApp } from '../src/server/app.js';

const { values } = parseArgs({ options: { store: { type: 'string' }, runs: { type: 'string', default: '3' }, json: { type: 'boolean', default: false }, only: { type: 'string' } } });
const DATA = resolve(values.store ?? join(tmpdir(), 'dossier-soak-10000'));
const RUNS = Math.max(1, Number(values.runs));

const store = await openStore({ ...storeOptions(DATA), owner: 'bench/views.ts' });
const app = createApp(store, defaultKnowledgeBase(), { readCache: false, admission: { concurrency: 1, queue: 1000, maxWaitMs: 600_000, retryAfterSeconds: 1 } });
const get = async (path: string) => {
  const res = await app.request(path);
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${(await res.text()).slice(0, 200)}`);
  return res.json() as Promise<any>;
};

const stats = await get('/api/stats');
const top = (await get('/api/entities?limit=1')).items[0]?.id as string;
const doc = (await get('/api/documents?limit=1')).items[0]?.id as string;
const topic = (await get('/api/topics')).items[0]?.label as string | undefined;
const enc = encodeURIComponent;
console.log(`views on ${DATA}: ${stats.documents} documents, ${stats.entities} actors, ${stats.events} events, ${stats.stances} stances; top actor ${top}`);

/** Each view: the calls it makes when opened (the header's /api/stats too). */
const VIEWS: [string, string[]][] = [
  ['overview', ['/api/stats', '/api/overview', '/api/documents?limit=8']],
  ['documents', ['/api/stats', '/api/documents?limit=50&offset=0']],
  ['graph', ['/api/stats', '/api/entities?limit=1', '/api/graph?maxNodes=150', `/api/graph?actor=${enc(top)}&maxNodes=60`]],
  ['timeline', ['/api/stats', '/api/timeline?limit=50&offset=0']],
  ['timeline p.20', ['/api/stats', '/api/timeline?limit=50&offset=950']],
  ['topics', ['/api/stats', '/api/topics', ...(topic ? [`/api/topics/stances?topic=${enc(topic)}`, `/api/quotes?about=${enc(topic)}&limit=20`] : [])]],
  ['map', ['/api/stats', '/api/places']],
  ['search', ['/api/stats', '/api/search?q=NATO&limit=50']],
  ['entity', ['/api/stats', `/api/entities/${enc(top)}`]],
  ['compare', ['/api/stats', `/api/entities/${enc(top)}`, `/api/timeline?actor=${enc(top)}&limit=200`, `/api/disagreements?actor=${enc(top)}&limit=100`]],
  ['doc', ['/api/stats', `/api/documents/${doc}`]],
  ['alerts', ['/api/stats', '/api/alerts', '/api/feeds']],
  ['corrections', ['/api/stats', '/api/corrections?limit=200']],
];

const figures: Record<string, { cold: number; warm: number; calls: Record<string, number> }> = {};
for (const [view, calls] of VIEWS) {
  if (values.only && !values.only.split(',').includes(view)) continue;
  const totals: number[] = [];
  const perCall: Record<string, number[]> = {};
  for (let r = 0; r < RUNS; r++) {
    let total = 0;
    for (const path of calls) {
      const t0 = performance.now();
      await get(path);
      const ms = performance.now() - t0;
      total += ms;
      (perCall[path] ??= []).push(ms);
    }
    totals.push(total);
  }
  const median = (xs: number[]) => { const s = xs.length > 1 ? [...xs.slice(1)].sort((a, b) => a - b) : xs; return s[Math.floor(s.length / 2)]!; };
  figures[view] = { cold: totals[0]!, warm: median(totals), calls: Object.fromEntries(Object.entries(perCall).map(([p, xs]) => [p, median(xs)])) };
  const slow = Object.entries(figures[view]!.calls).sort((a, b) => b[1] - a[1]).map(([p, ms]) => `${p.replace(/^\/api\//, '')} ${ms.toFixed(0)}`).join(', ');
  console.log(`${view.padEnd(14)} cold ${totals[0]!.toFixed(0).padStart(6)} ms  warm ${median(totals).toFixed(0).padStart(6)} ms   (${slow})`);
}
await store.close();
if (values.json) console.log(JSON.stringify({ documents: stats.documents, views: figures }));
