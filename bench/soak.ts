/**
 * `npm run soak`: the API under a steady load. Starts `dossier serve` on a store of synthetic articles
 * (bench/corpus.ts; built once and kept, since 10,000 documents take a while to analyse), sends requests at a fixed
 * rate whatever the answers' pace (an open loop, as many independent users do), and prints the latency
 * percentiles, errors, 503s and the server's memory growth.
 *   --docs N         documents in the store (default 10000)
 *   --store DIR      the PGlite folder to use or build (default $TMPDIR/dossier-soak-N); DATABASE_URL: that server
 *   --rate R         requests per second (default 200)
 *   --seconds S      how long (default 60)
 *   --timeout S      client timeout per request (default 10)
 *   --clients 1,8    instead of the fixed rate: that many clients each sending its next request when the last is
 *                    answered (a closed loop), --seconds each; prints throughput and latency per count, and the
 *                    throughput ratio of the last count to the first (on a Postgres server, requests run in parallel)
 *   --distinct       every request a URL of its own (an unused parameter), so none is answered from the read cache
 *   --in-process     the server's PGlite on the server's own thread (DOSSIER_STORE_THREAD=0), as before it had one
 *   --rounds N       the load N times over on the same server, figures after each (memory growth from the start of
 *                    the first: whether it levels off)
 *   --json           also print the figures as one JSON object on the last line
 * The mix: 45 % search (a rotating list of queries), 45 % entity pages (the 50 most named actors), 10 % timeline
 * pages. Not part of npm test: it takes minutes and its figures depend on the machine.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { syntheticArticle } from './corpus.js';
import { openStore, storeOptions } from '../src/store/store.js';

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '10000' }, store: { type: 'string' }, rate: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '60' }, timeout: { type: 'string', default: '10' }, json: { type: 'boolean', default: false },
    clients: { type: 'string' }, distinct: { type: 'boolean', default: false }, 'in-process': { type: 'boolean', default: false },
    rounds: { type: 'string', default: '1' },
  },
});
const N = Number(values.docs);
const RATE = Number(values.rate);
const SECONDS = Number(values.seconds);
const TIMEOUT_MS = Number(values.timeout) * 1000;
const ROUNDS = Math.max(1, Number(values.rounds));
/** Distinct URLs asked once before a --distinct run (the server's first queries). */
const WARM_DISTINCT = 40;
const DATA = resolve(values.store ?? join(tmpdir(), `dossier-soak-${N}`));
const ROOT = resolve(import.meta.dirname, '..');
const postgres = !!process.env.DATABASE_URL;
const where = postgres ? 'the Postgres server in DATABASE_URL' : DATA;

const QUERIES = ['security', 'Vucic', 'Partnership for Peace', 'sanctions Russia', 'border management', 'KFOR exercise',
  'dialogue normalisation', 'Pristina', 'energy supplies', '"red lines"', 'observers vote', 'judiciary reform', 'Brussels talks',
  'memorandum', 'protesters government building', 'cyber defence'];

async function storedDocuments(): Promise<number> {
  const store = await openStore({ ...storeOptions(DATA), owner: 'npm run soak' });
  try {
    return (await store.db.query<{ n: number }>('SELECT count(*)::int AS n FROM documents')).rows[0]!.n;
  } finally {
    await store.close();
  }
}

/** Ingests the synthetic corpus with the CLI, as a user would; articles already stored are skipped as duplicates. */
function build(have: number): void {
  const file = join(tmpdir(), `dossier-soak-${N}.jsonl`);
  if (!existsSync(file)) {
    const lines: string[] = [];
    for (let i = 0; i < N; i++) {
      const a = syntheticArticle(i);
      lines.push(JSON.stringify({ title: a.title, date: a.date, text: a.text, source: `bench-${i % 40}` }));
    }
    writeFileSync(file, lines.join('\n') + '\n');
  }
  console.log(`soak: building the store in ${where} (${have} of ${N} documents there; this takes a while: ~8 docs/s on a busy 2-core machine)`);
  const r = spawnSync(process.execPath, ['bin/dossier.js', '--data', DATA, 'ingest', '--quiet', file], {
    cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=400' },
  });
  if (r.status !== 0) throw new Error(`building the store failed (exit ${r.status})`);
}

/** Starts `dossier serve` on a free port; resolves with its URL once it listens. */
function startServer(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['bin/dossier.js', '--data', DATA, 'serve', '--port', '0', '--no-build'], {
    cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...(values['in-process'] ? { DOSSIER_STORE_THREAD: '0' } : {}) },
  });
  return new Promise((ok, fail) => {
    let err = '';
    child.stderr!.on('data', (b: Buffer) => {
      err += b.toString();
      const m = /serving the API and the web UI at (http:\/\/\S+?\/) /.exec(err);
      if (m) ok({ child, url: m[1]! });
    });
    child.once('exit', (code) => fail(new Error(`the server exited (${code}): ${err.trim()}`)));
  });
}

/** Resident memory of a process, in MB, from /proc (Linux). */
function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! : 0;
};

interface Outcome {
  kind: string;
  ms: number;
  status: number | 'timeout' | 'error';
}

async function one(url: string, kind: string): Promise<Outcome> {
  const t0 = performance.now();
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
    await res.arrayBuffer();
    return { kind, ms: performance.now() - t0, status: res.status };
  } catch (err) {
    const timeout = (err as Error).name === 'TimeoutError';
    return { kind, ms: performance.now() - t0, status: timeout ? 'timeout' : 'error' };
  }
}

async function main(): Promise<void> {
  const have = await storedDocuments();
  if (have < N) build(have);
  const { child, url } = await startServer();
  try {
    const top = (await (await fetch(`${url}api/entities?limit=50`)).json()) as { items: { id: string }[] };
    if (!top.items?.length) throw new Error('the store has no entities');
    const paths: [string, (k: number) => string][] = [
      ['search', (k) => `api/search?q=${encodeURIComponent(QUERIES[k % QUERIES.length]!)}`],
      ['entity', (k) => `api/entities/${encodeURIComponent(top.items[k % top.items.length]!.id)}`],
      ['timeline', (k) => `api/timeline?limit=50&offset=${(k % 10) * 50}`],
    ];
    const chosen = (k: number) => paths[k % 20 < 9 ? 0 : k % 20 < 18 ? 1 : 2]!;
    const pick = (k: number): [string, (k: number) => string] => {
      const [kind, path] = chosen(k);
      return values.distinct ? [kind, (n) => `${path(n)}${path(n).includes('?') ? '&' : '?'}soak=${n}`] : [kind, path];
    };
    // Warm-up: every distinct URL of the run once (with --distinct, 40 of them), so the figures are of a running
    // server, not of its first queries; with --distinct, every request of the run is a first one.
    const warm = new Set<string>();
    for (let k = 0; k < (values.distinct ? WARM_DISTINCT : RATE * SECONDS); k++) warm.add(pick(k)[1](k));
    for (const path of warm) await one(url + path, 'warm-up');
    if (values.clients) {
      await closedLoop(url, pick, values.clients.split(',').map(Number));
      return;
    }
    const rss0 = rssMb(child.pid!);
    console.log(`soak: ${RATE} requests/s for ${SECONDS} s against ${url} on ${where} (${Math.max(have, N)} documents); server RSS ${rss0.toFixed(0)} MB`);
    for (let round = 1; round <= ROUNDS; round++) {
      if (ROUNDS > 1) console.log(`round ${round} of ${ROUNDS}`);
      // With --distinct, each round's URLs are new too (after the warm-up's).
      const off = values.distinct ? WARM_DISTINCT + (round - 1) * RATE * SECONDS : 0;
      const outcomes: Promise<Outcome>[] = [];
      const total = RATE * SECONDS;
      const t0 = performance.now();
      let sent = 0;
      await new Promise<void>((done) => {
        const tick = () => {
          // As many as are due by now: the pace holds even when a tick comes late.
          const due = Math.min(total, Math.floor(((performance.now() - t0) / 1000) * RATE));
          for (; sent < due; sent++) {
            const [kind, path] = pick(off + sent);
            outcomes.push(one(url + path(off + sent), kind));
          }
          if (sent >= total) done();
          else setTimeout(tick, 2);
        };
        tick();
      });
      const results = await Promise.all(outcomes);
      const elapsed = (performance.now() - t0) / 1000;
      const rss1 = rssMb(child.pid!);

      const ok = results.filter((r) => r.status === 200);
      const shed = results.filter((r) => r.status === 503);
      const timeouts = results.filter((r) => r.status === 'timeout');
      const errors = results.filter((r) => r.status !== 200 && r.status !== 503);
      const figures: Record<string, number> = {
        requests: results.length, seconds: Number(elapsed.toFixed(1)), ok: ok.length, shed503: shed.length, timeouts: timeouts.length,
        errors: errors.length, p50: pct(results.map((r) => r.ms), 50), p95: pct(results.map((r) => r.ms), 95),
        p99: pct(results.map((r) => r.ms), 99), max: pct(results.map((r) => r.ms), 100), rssStartMb: rss0, rssEndMb: rss1,
        rssGrowthMb: rss1 - rss0,
      };
      const line = (name: string, v: string) => console.log(`${name.padEnd(36)} ${v}`);
      line('requests sent / seconds', `${results.length} in ${elapsed.toFixed(1)} s (${(results.length / elapsed).toFixed(0)}/s)`);
      line('answered 200', String(ok.length));
      line('answered 503 (shed, Retry-After)', String(shed.length));
      line('errors (timeouts, other statuses)', `${errors.length} (${timeouts.length} timeouts)`);
      line('latency p50 / p95 / p99 / max, all', `${figures.p50!.toFixed(1)} / ${figures.p95!.toFixed(1)} / ${figures.p99!.toFixed(1)} / ${figures.max!.toFixed(1)} ms`);
      for (const [kind] of paths) {
        const ms = ok.filter((r) => r.kind === kind).map((r) => r.ms);
        figures[`${kind}P99`] = pct(ms, 99);
        line(`  ${kind} (200s) p50 / p95 / p99`, `${pct(ms, 50).toFixed(1)} / ${pct(ms, 95).toFixed(1)} / ${pct(ms, 99).toFixed(1)} ms (${ms.length})`);
      }
      line('server RSS start → end (growth)', `${rss0.toFixed(0)} → ${rss1.toFixed(0)} MB (${(rss1 - rss0) >= 0 ? '+' : ''}${(rss1 - rss0).toFixed(0)} MB)`);
      if (values.json) console.log(JSON.stringify({ soak: Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, Number(v.toFixed(2))])) }));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((ok) => child.once('exit', ok));
  }
}

/** Each count of clients in turn, each client sending its next request as soon as the last is answered. */
async function closedLoop(url: string, pick: (k: number) => [string, (k: number) => string], counts: number[]): Promise<void> {
  const figures: Record<string, number> = {};
  const rates: number[] = [];
  for (const clients of counts) {
    const until = performance.now() + SECONDS * 1000;
    const results: Outcome[] = [];
    let next = 0;
    await Promise.all(Array.from({ length: clients }, async () => {
      while (performance.now() < until) {
        const k = next++;
        const [kind, path] = pick(k);
        results.push(await one(url + path(k), kind));
      }
    }));
    const ok = results.filter((r) => r.status === 200);
    const rate = ok.length / SECONDS;
    rates.push(rate);
    const ms = ok.map((r) => r.ms);
    Object.assign(figures, { [`c${clients}PerSecond`]: rate, [`c${clients}P50`]: pct(ms, 50), [`c${clients}P95`]: pct(ms, 95), [`c${clients}Failed`]: results.length - ok.length });
    console.log(`${String(clients).padStart(3)} clients: ${rate.toFixed(1)} answers/s, p50 ${pct(ms, 50).toFixed(1)} ms, p95 ${pct(ms, 95).toFixed(1)} ms, ${results.length - ok.length} not 200`);
  }
  if (rates.length > 1) {
    figures.ratio = rates[rates.length - 1]! / rates[0]!;
    console.log(`throughput at ${counts[counts.length - 1]} clients / at ${counts[0]}: ${figures.ratio.toFixed(2)}x`);
  }
  if (values.json) console.log(JSON.stringify({ soak: Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, Number(v.toFixed(2))])) }));
}

main().catch((err) => {
  console.error(`soak: ${(err as Error).message}`);
  process.exit(1);
});
