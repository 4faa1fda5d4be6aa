/**
 * Import jobs for the API: pasted text, uploaded files and URLs become one `ingest` run in the background, one
 * run at a time (the embedded store has a single connection), with progress a client can poll.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import type { KnowledgeBase } from '../model/types.js';
import type { Store } from '../store/store.js';
import { ingest, type IngestSummary } from '../ingest/ingest.js';
import { decodeBytes } from '../ingest/encoding.js';
import { MAX_ARTICLE_BYTES, type SourceFailure } from '../ingest/sources.js';
import { binaryFormat, FormatError, readBinary } from '../ingest/formats/index.js';
import { ApiError } from './params.js';

export interface ImportFile {
  name: string;
  bytes: Uint8Array;
}

export interface ImportRequest {
  text?: string;
  title?: string;
  /** Publication date for everything in this import, `YYYY-MM-DD`. */
  date?: string;
  files: ImportFile[];
  urls: string[];
}

export interface ImportJob {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  inputs: number;
  /** The input being read now. */
  current: string | null;
  summary: IngestSummary;
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
}

const MAX_URLS = 50;
const MAX_JOBS_KEPT = 100;
const HTML_EXT = new Set(['.html', '.htm', '.xhtml']);
const JSONL_EXT = new Set(['.jsonl', '.ndjson']);

export class Importer {
  private jobs = new Map<string, ImportJob>();
  private done = new Map<string, Promise<void>>();
  private queue: Promise<void> = Promise.resolve();

  constructor(private store: Store, private kb: KnowledgeBase, private opts: { allowPrivate?: boolean; timeoutMs?: number } = {}) {}

  /** Checks the request, queues the run and answers at once with the job. */
  submit(req: ImportRequest): ImportJob {
    const inputs = (req.text?.trim() ? 1 : 0) + req.files.length + req.urls.length;
    if (!inputs) throw new ApiError(400, 'nothing to import: give text, files or urls');
    if (req.urls.length > MAX_URLS) throw new ApiError(400, `urls: at most ${MAX_URLS} per import`);
    for (const u of req.urls) {
      if (!/^https?:\/\/[^\s]+$/i.test(u)) throw new ApiError(400, `urls: not an http(s) URL: ${JSON.stringify(u.slice(0, 200))}`);
    }
    for (const f of req.files) {
      if (f.bytes.length > MAX_ARTICLE_BYTES && !JSONL_EXT.has(extname(f.name).toLowerCase())) {
        throw new ApiError(413, `${f.name}: over ${MAX_ARTICLE_BYTES / 1048576} MB; give large collections as JSONL`);
      }
    }
    const job: ImportJob = {
      id: randomUUID(), status: 'queued', inputs, current: null, error: null, startedAt: new Date().toISOString(), finishedAt: null,
      summary: { read: 0, new: 0, duplicate: 0, nearDuplicate: 0, failed: 0, notEnglish: 0, failures: [], stored: [] },
    };
    this.remember(job);
    const run = this.queue.then(() => this.run(job, req));
    this.queue = run;
    this.done.set(job.id, run);
    return job;
  }

  get(id: string): ImportJob | null {
    return this.jobs.get(id) ?? null;
  }

  async wait(id: string): Promise<ImportJob | null> {
    await this.done.get(id);
    return this.get(id);
  }

  private remember(job: ImportJob): void {
    this.jobs.set(job.id, job);
    if (this.jobs.size > MAX_JOBS_KEPT) {
      const oldest = this.jobs.keys().next().value as string;
      this.jobs.delete(oldest);
      this.done.delete(oldest);
    }
  }

  private async run(job: ImportJob, req: ImportRequest): Promise<void> {
    job.status = 'running';
    const dir = await mkdtemp(join(tmpdir(), 'dossier-import-'));
    try {
      const { inputs, labels, failures } = await writeInputs(dir, req);
      // Failures name the user's input ("report.html"), not the temporary file it was written to.
      const relabel = (origin: string) => {
        const m = /^(.*): line (\d+)$/.exec(origin);
        if (m && m[1]!.startsWith(dir)) return labels.get(m[1]!)?.[Number(m[2]) - 1] ?? labels.get(m[1]!)?.[0] ?? origin;
        return labels.get(origin)?.[0] ?? origin;
      };
      const tidy = (s: IngestSummary): IngestSummary => ({
        ...s, failed: s.failed + failures.length, stored: [...s.stored],
        failures: [...failures, ...s.failures.map((f) => ({ ...f, origin: relabel(f.origin) }))],
      });
      const empty: IngestSummary = { ...job.summary, failures: [], stored: [] };
      job.summary = tidy(empty);
      const summary = inputs.length
        ? await ingest(this.store, inputs, {
          kb: this.kb, date: req.date ?? null, allowPrivate: !!this.opts.allowPrivate, timeoutMs: this.opts.timeoutMs ?? 15000,
          onProgress: (s, origin) => {
            job.summary = tidy(s);
            job.current = relabel(origin);
          },
        })
        : empty;
      job.summary = tidy(summary);
      job.status = 'done';
    } catch (err) {
      job.status = 'failed';
      job.error = (err as Error).message;
    } finally {
      job.current = null;
      job.finishedAt = new Date().toISOString();
      await rm(dir, { recursive: true, force: true });
    }
  }
}

/**
 * Pasted text and uploaded files go into one JSONL file (so each keeps its own name as its source and the pasted
 * text its title); uploaded JSONL files are written as they are; URLs are passed through.
 */
async function writeInputs(dir: string, req: ImportRequest): Promise<{ inputs: string[]; labels: Map<string, string[]>; failures: SourceFailure[] }> {
  const lines: string[] = [];
  const lineLabels: string[] = [];
  const inputs: string[] = [];
  const labels = new Map<string, string[]>();
  const failures: SourceFailure[] = [];
  if (req.text?.trim()) {
    // `origin`, not `source`: a paste or an upload says where the text came from, not which outlet published it.
    lines.push(JSON.stringify({ text: req.text, title: req.title?.trim() || undefined, origin: 'pasted' }));
    lineLabels.push('pasted text');
  }
  for (const [i, f] of req.files.entries()) {
    const name = f.name.replace(/[^\w.\- ]+/g, '_').slice(-120) || `file-${i}`;
    const ext = extname(name).toLowerCase();
    const format = binaryFormat(f.bytes, { ext });
    if (format) {
      // Read here, so that the document keeps the upload's name as its origin and a PDF its pages.
      try {
        const pages = await readBinary(format, f.bytes);
        lines.push(JSON.stringify(format === 'pdf' ? { pages, origin: `upload:${name}` } : { text: pages[0], origin: `upload:${name}` }));
        lineLabels.push(name);
      } catch (err) {
        failures.push({ origin: name, message: err instanceof FormatError ? err.message : `could not be read (${(err as Error).message})` });
      }
      continue;
    }
    if (JSONL_EXT.has(ext)) {
      const path = join(dir, `upload-${i}${ext}`);
      await writeFile(path, f.bytes);
      inputs.push(path);
      labels.set(path, [name]);
      continue;
    }
    let text: string;
    try {
      text = decodeBytes(Buffer.from(f.bytes)).text;
    } catch (err) {
      // A line the reader rejects reports the failure under the file's name, like every other input problem.
      failures.push({ origin: name, message: (err as Error).message });
      continue;
    }
    lineLabels.push(name);
    lines.push(JSON.stringify(HTML_EXT.has(ext) || /^\s*<(!doctype html|html)/i.test(text) ? { html: text, origin: `upload:${name}` } : { text, origin: `upload:${name}` }));
  }
  if (lines.length) {
    const path = join(dir, 'import.jsonl');
    await writeFile(path, lines.join('\n') + '\n');
    inputs.unshift(path);
    labels.set(path, lineLabels);
  }
  return { inputs: [...inputs, ...req.urls], labels, failures };
}
