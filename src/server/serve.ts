/**
 * Running the API and the web UI on a port: builds the UI when its sources are newer than the build, opens the
 * store, and refuses to listen beyond localhost without a token for the write endpoints.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { KnowledgeBase } from '../model/types.js';
import { openStore, type Store } from '../store/store.js';
import type { OpenOptions } from '../store/db.js';
import { createApp } from './app.js';
import type { AdmissionOptions } from './admission.js';
import { startWatcher } from '../watch/watcher.js';
import { warmGraphView } from './warm.js';

export const WEB_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../web');
export const WEB_DIST = join(WEB_DIR, 'dist');
export const DEFAULT_PORT = 4173;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host.toLowerCase()) || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** Why the server must not start, or null: beyond localhost anyone on the network could import or delete. */
export function exposureProblem(host: string, token: string | null | undefined): string | null {
  if (isLoopback(host) || token) return null;
  return `listening on ${host} exposes the write endpoints (import, delete) beyond this machine: set DOSSIER_TOKEN to a secret first, or use --host 127.0.0.1`;
}

function newestMtime(path: string): number {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(path).map((n) => newestMtime(join(path, n))));
}

/** Whether web/dist is missing or older than the UI's sources. */
export function webBuildIsStale(): boolean {
  const built = join(WEB_DIST, 'index.html');
  if (!existsSync(built)) return true;
  const sources = Math.max(newestMtime(join(WEB_DIR, 'src')), newestMtime(join(WEB_DIR, 'index.html')), newestMtime(join(WEB_DIR, 'vite.config.ts')));
  return sources > statSync(built).mtimeMs;
}

/** Builds the UI with vite when needed; answers whether it built. */
export async function ensureWebBuilt(log: (s: string) => void = () => {}): Promise<boolean> {
  if (!webBuildIsStale()) return false;
  log('building the web UI (vite)…');
  const { build } = await import('vite');
  await build({ configFile: join(WEB_DIR, 'vite.config.ts'), logLevel: 'warn' });
  return true;
}

export interface ServeOptions {
  port: number;
  host: string;
  store: OpenOptions;
  kb: KnowledgeBase;
  token?: string | null;
  /** Skip building the UI (serve whatever web/dist holds). */
  noBuild?: boolean;
  /** Poll the watched feeds on their schedule while serving (default true), as `dossier watch` does. */
  watch?: boolean;
  /** Fetch from private and loopback addresses (tests with a local feed server). */
  allowPrivateFetch?: boolean;
  /** The bounded queue in front of the store (admission.ts); by default the store kind's. */
  admission?: AdmissionOptions;
  /** Compute the graph view's first answers once listening (warm.ts; default true). */
  warm?: boolean;
  log?: (s: string) => void;
}

export interface RunningServer {
  url: string;
  port: number;
  store: Store;
  /** Settles when the start's warm-up (warm.ts) has ended. */
  warmed: Promise<void>;
  close(): Promise<void>;
}

export async function startServer(opts: ServeOptions): Promise<RunningServer> {
  const problem = exposureProblem(opts.host, opts.token);
  if (problem) throw new ServeError(problem);
  if (!opts.noBuild) await ensureWebBuilt(opts.log);
  // PGlite on a thread of its own: its queries then never stop this thread reading, queueing and refusing
  // requests (store/pglite-thread.ts). DOSSIER_STORE_THREAD=0 keeps it on this thread (to compare: npm run soak).
  const store = await openStore({ thread: process.env.DOSSIER_STORE_THREAD !== '0', ...opts.store });
  // A token, when set, is needed on loopback too: any local page could otherwise post to the default server.
  const watcher = opts.watch === false ? null : startWatcher(store, {
    kb: opts.kb, onError: (err) => opts.log?.(`watch: ${err.message}`),
    onPoll: (feed, line) => line.status === 'failed' && opts.log?.(`watch: ${feed.url}: ${line.message?.split('\n')[0]}`),
  });
  const app = createApp(store, opts.kb, { token: opts.token || null, webRoot: WEB_DIST, allowPrivateFetch: opts.allowPrivateFetch, admission: opts.admission, onFeedsChanged: () => watcher?.wake() });
  let server: ReturnType<typeof serve>;
  const info = await new Promise<AddressInfo>((ok, fail) => {
    server = serve({ fetch: app.fetch, port: opts.port, hostname: opts.host }, ok);
    server.once('error', fail);
  }).catch(async (err) => {
    await watcher?.stop();
    await store.close();
    throw new ServeError(err.code === 'EADDRINUSE' ? `port ${opts.port} is in use: choose another with --port` : `cannot listen on ${opts.host}:${opts.port}: ${err.message}`);
  });
  const host = opts.host.includes(':') && !opts.host.startsWith('[') ? `[${opts.host}]` : opts.host;
  const warming = opts.warm === false ? null : warmGraphView((path) => app.request(path));
  return {
    url: `http://${host}:${info.port}/`,
    port: info.port,
    store,
    warmed: warming?.done ?? Promise.resolve(),
    async close() {
      // The warm-up asks no more, and the request it has under way ends before the store closes.
      warming?.stop();
      await warming?.done;
      await new Promise<void>((ok) => server.close(() => ok()));
      await watcher?.stop();
      await store.close();
    },
  };
}

export class ServeError extends Error {}
