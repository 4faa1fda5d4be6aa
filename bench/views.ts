/**
 * `node --import tsx bench/views.ts --store DIR`: the API calls behind each web UI view, timed on a built store
 * (a PGlite folder, e.g. the one `npm run soak` builds; or the Postgres server in DATABASE_URL). The issue's target
 * is that every view renders in under 1.5 s on a store of 10,000 documents; a view's calls are made one after the
 * other, as they are answered on PGlite's one thread, and the view's time is their sum. The read cache is off, so
 * every answer is computed. Each view is asked `--runs` times (default 3): the first (cold: the pages the queries
 * read are not yet in memory) and the median of the rest are printed.
 *   --store DIR   the PGlite folder (default $TMPDIR/dossier-soak-10000)
 *   --runs N      times each view is asked
 *   --json        also print the figures as one JSON object on the last line
 *   --browser     instead: each view opened in Chromium (playwright-core, /usr/bin/chromium), timed from navigation
 *                 to its content, as a user's first visit after a write (read cache off); with the API answers'
 *                 times and sizes as the page saw them, and the page's own marks (`dossier:*`, the graph's layout
 *                 and first drawing)
 *   --read-cache  with --browser: the server keeps read answers until a write, as `dossier serve` does
 *   --warm        with --browser: the server computes the graph view's first answers when it starts, as
 *                 `dossier serve` does (src/server/warm.ts); with --read-cache, a first visit is answered from them
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openStore, storeOptions } from '../src/store/store.js';
import { defaultKnowledgeBase } from '../src/kb/load.js';
import { createApp } from '../src/server/app.js';
import { ensureWebBuilt, WEB_DIST } from '../src/server/serve.js';
import { warmGraphView } from '../src/server/warm.js';

const { values } = parseArgs({
  options: {
    store: { type: 'string' }, runs: { type: 'string', default: '3' }, json: { type: 'boolean', default: false }, only: { type: 'string' },
    browser: { type: 'boolean', default: false }, serve: { type: 'boolean', default: false }, web: { type: 'string' },
    'read-cache': { type: 'boolean', default: false }, warm: { type: 'boolean', default: false },
  },
});
const DATA = resolve(values.store ?? join(tmpdir(), 'dossier-soak-10000'));
const RUNS = Math.max(1, Number(values.runs));
const admission = { concurrency: 1, queue: 1000, maxWaitMs: 600_000, retryAfterSeconds: 1 };

if (values.serve) {
  // The browser run's server, in a process of its own as `dossier serve` is: in the same process as the browser's
  // driver, a query holding the thread also held the driver, and each view was timed ~800 ms late.
  if (!values.web) await ensureWebBuilt();
  // As `dossier serve` opens it: PGlite on a thread of its own unless DOSSIER_STORE_THREAD=0.
  const store = await openStore({ thread: process.env.DOSSIER_STORE_THREAD !== '0', ...storeOptions(DATA), owner: 'bench/views.ts --serve' });
  const { serve } = await import('@hono/node-server');
  const app = createApp(store, defaultKnowledgeBase(), { readCache: values['read-cache'], webRoot: values.web ? resolve(values.web) : WEB_DIST, admission });
  serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => console.log(`serving http://127.0.0.1:${info.port}/`));
  if (values.warm) {
    const t0 = performance.now();
    void warmGraphView((path) => app.request(path)).done.then(() => console.error(`bench: the warm-up took ${(performance.now() - t0).toFixed(0)} ms`));
  }
  await new Promise(() => {});
}

let server: ChildProcess | null = null;
let base = '';
let get: (path: string) => Promise<any>;
let store: Awaited<ReturnType<typeof openStore>> | null = null;
if (values.browser) {
  const passed = [...(values.web ? ['--web', values.web] : []), ...(values['read-cache'] ? ['--read-cache'] : []), ...(values.warm ? ['--warm'] : [])];
  server = spawn(process.execPath, ['--import', 'tsx', import.meta.filename, '--serve', '--store', DATA, ...passed], { stdio: ['ignore', 'pipe', 'inherit'] });
  base = await new Promise<string>((ok, fail) => {
    let out = '';
    server!.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /serving (http:\/\/\S+)/.exec(out);
      if (m) ok(m[1]!);
    });
    server!.once('exit', (code) => fail(new Error(`the server exited (${code})`)));
  });
  get = async (path) => {
    const res = await fetch(new URL(path, base));
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${(await res.text()).slice(0, 200)}`);
    return res.json();
  };
} else {
  store = await openStore({ ...storeOptions(DATA), owner: 'bench/views.ts' });
  const app = createApp(store, defaultKnowledgeBase(), { readCache: false, admission });
  get = async (path) => {
    const res = await app.request(path);
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${(await res.text()).slice(0, 200)}`);
    return res.json();
  };
}

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

if (values.browser) {
  await browserViews();
  server!.kill();
  process.exit(0);
}

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
await store!.close();
if (values.json) console.log(JSON.stringify({ documents: stats.documents, views: figures }));

/** Each view in Chromium: navigation to content, `--runs` times; the first and the median of the rest. */
async function browserViews(): Promise<void> {
  const { chromium } = await import('playwright-core');
  const server = { url: base };
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(60_000);
  // When the content first appears, in the page's own clock (from navigation start): the driver's own wait polls
  // and adds its latency, hundreds of milliseconds on a loaded machine.
  await page.addInitScript(() => {
    const w = window as any;
    new MutationObserver(() => {
      if (w.__contentAt || !w.__contentSelector) return;
      if (document.querySelector(w.__contentSelector)) w.__contentAt = performance.now();
    }).observe(document, { subtree: true, childList: true, attributes: true });
    w.__contentSelector = new URLSearchParams(location.search).get('benchContent') ?? sessionStorage.getItem('benchContent');
  });
  const BROWSER_VIEWS: [string, string, string][] = [
    ['graph', '#/graph', '.sigma-box[data-labels]'], ['overview', '#/overview', '.actors li'], ['timeline', '#/timeline', '.entries li'],
    ['topics', `#/topics${topic ? `?topic=${enc(topic)}` : ''}`, 'main h1'], ['map', '#/map', '.worldmap path.country'],
    ['compare', `#/compare/${enc(top)}`, 'main h1 a'], ['entity', `#/entity/${enc(top)}`, 'main h1'],
  ];
  // The UI's own files once, so each timing is the view's data and drawing (a returning user's cache).
  await page.goto(`${server.url}#/documents`);
  await page.waitForSelector('table.docs tbody tr');
  const out: Record<string, { first: number; median: number; driver: number[]; requests: string[]; marks: string[] }> = {};
  for (const [name, hash, selector] of BROWSER_VIEWS) {
    if (values.only && !values.only.split(',').includes(name)) continue;
    const times: number[] = [];
    const inPage: number[] = [];
    let requests: string[] = [];
    let firstRequests: string[] = [];
    let marks: string[] = [];
    for (let r = 0; r < RUNS; r++) {
      await page.goto('about:blank');
      const seen: string[] = [];
      const onDone = async (req: import('playwright-core').Request) => {
        if (!req.url().includes('/api/')) return;
        const t = req.timing();
        const size = (await req.sizes().catch(() => null))?.responseBodySize ?? 0;
        seen.push(`${new URL(req.url()).pathname.replace('/api/', '')}${new URL(req.url()).search.slice(0, 40)} ${(t.startTime % 100000).toFixed(0)}+${t.responseEnd.toFixed(0)}ms ${(size / 1024).toFixed(0)}KB`);
      };
      page.on('requestfinished', onDone);
      const start = Date.now();
      await page.goto(`${server.url}?benchContent=${encodeURIComponent(selector)}${hash}`);
      await page.waitForSelector(selector);
      times.push(Date.now() - start);
      const seenAt = await page.evaluate(() => performance.now());
      inPage.push(await page.evaluate(() => Math.round((window as any).__contentAt ?? NaN)));
      page.off('requestfinished', onDone);
      requests = seen;
      if (r === 0 && RUNS > 1) firstRequests = seen;
      await page.evaluate(([t, seen]) => Object.assign(window, { __benchStart: t, __seenAt: seen }), [start, seenAt]);
      marks = await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
        const own = [...performance.getEntriesByType('measure'), ...performance.getEntriesByType('mark')].filter((m) => m.name.startsWith('dossier:'))
          .sort((a, b) => a.startTime - b.startTime).map((m) => `${m.name.slice(8)} ${m.startTime.toFixed(0)}${m.duration ? `+${m.duration.toFixed(0)}` : ''}ms`);
        return [`navigation started ${(performance.timeOrigin - (window as any).__benchStart).toFixed(0)}ms after the goto`, `content at ${(window as any).__contentAt?.toFixed(0)}ms (the driver saw it by ${(window as any).__seenAt.toFixed(0)})`, ...(nav ? [`html ${nav.responseEnd.toFixed(0)}ms`, `domcontentloaded ${nav.domContentLoadedEventEnd.toFixed(0)}ms`, `load ${nav.loadEventEnd.toFixed(0)}ms`] : []), ...own];
      });
    }
    const med = (xs: number[]) => { const rest = xs.length > 1 ? xs.slice(1).sort((a, b) => a - b) : xs; return rest[Math.floor(rest.length / 2)]!; };
    out[name] = { first: inPage[0]!, median: med(inPage), driver: times, requests, marks };
    console.log(`${name.padEnd(10)} content in page: first ${String(inPage[0]).padStart(5)} ms  median ${String(med(inPage)).padStart(5)} ms  (${inPage.join(', ')}; as the driver waited: ${times.join(', ')})`);
    if (firstRequests.length) console.log(`           api, first visit: ${firstRequests.join('; ')}`);
    console.log(`           api: ${requests.join('; ')}`);
    if (marks.length) console.log(`           page: ${marks.join('; ')}`);
  }
  await browser.close();
  if (values.json) console.log(JSON.stringify({ documents: stats.documents, browser: out }));
}
