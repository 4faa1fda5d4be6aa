/**
 * The analysis pool (issue 11, "both cores"): documents analysed in worker threads, so that analysis, the costly
 * part of an ingest, runs on every core while the ingest's own thread writes (one writer, as before). Each worker
 * is a module graph of its own (wink-nlp, the syntax model, every cache), and an analysis is a function of the
 * document, its date and the knowledge base alone (docs/purity.md), so where a document is analysed changes
 * nothing in what is stored.
 *
 * A document that cannot be analysed (over the budget, an error in an extractor) is answered with one line for
 * that document. A worker that dies (out of memory, a crash) costs the document it was analysing: that one fails
 * with one line, the documents queued behind it go to a new worker. A pool whose workers cannot start at all says
 * so with PoolUnavailable, and the ingest analyses in its own thread instead.
 */
import { Worker } from 'node:worker_threads';
import type { Document, KbEntry, KbOffice, KnowledgeBase } from '../model/types.js';
import type { AnalysisBudget } from '../extract/budget.js';
import type { PreparedDocument } from '../store/prepare.js';

export interface PoolWorkerData {
  kb: { entries: KbEntry[]; offices: KbOffice[] };
}
export interface PoolRequest {
  seq: number;
  document: Document;
  budget?: AnalysisBudget;
}
export type PoolReply =
  | { ready: true }
  | { seq: number; prepared: PreparedDocument }
  | { seq: number; error: string; standalone: boolean };

/** One document the pool could not analyse; the message reads after the input's name. */
export class AnalysisFailure extends Error {
  /** True when the message stands alone (the budget refused or stopped the document, its worker died); else it reads after "could not be stored:". */
  constructor(message: string, readonly standalone: boolean) {
    super(message);
  }
}

/** The pool's workers could not start: analyse in this thread instead. */
export class PoolUnavailable extends Error {}

const DEFAULT_ENTRY = new URL('./analysis-worker.mjs', import.meta.url);

interface Job {
  request: PoolRequest;
  resolve: (p: PreparedDocument) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  /** Jobs sent to this worker, in the order it takes them: the first is the one being analysed. */
  jobs: Job[];
  ready: boolean;
  error: Error | null;
}

export interface PoolOptions {
  /** The worker's entry module (tests give one of their own); analysis-worker.mjs when absent. */
  entry?: URL;
}

export class AnalysisPool {
  private readonly slots: Slot[] = [];
  private readonly data: PoolWorkerData;
  private readonly entry: URL;
  private seq = 0;
  private closing = false;
  private unavailable: Error | null = null;

  constructor(kb: KnowledgeBase, readonly size: number, opts: PoolOptions = {}) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`a pool needs at least one worker (given ${size})`);
    // Plain data: workerData is copied by structured clone, and the worker freezes its copy as load.ts does.
    this.data = { kb: { entries: kb.entries, offices: kb.offices } };
    this.entry = opts.entry ?? DEFAULT_ENTRY;
  }

  /** The rows `document` is stored as, analysed in a worker; rejects with AnalysisFailure or PoolUnavailable. */
  analyse(document: Document, budget?: AnalysisBudget): Promise<PreparedDocument> {
    if (this.unavailable) return Promise.reject(new PoolUnavailable(this.unavailable.message));
    if (this.closing) return Promise.reject(new Error('the analysis pool is closed'));
    return new Promise((resolve, reject) => {
      this.send({ request: { seq: ++this.seq, document, ...(budget ? { budget } : {}) }, resolve, reject });
    });
  }

  /** Documents sent and not yet answered. */
  get outstanding(): number {
    return this.slots.reduce((n, s) => n + s.jobs.length, 0);
  }

  async close(): Promise<void> {
    this.closing = true;
    const slots = this.slots.splice(0);
    for (const s of slots) for (const j of s.jobs.splice(0)) j.reject(new Error('the analysis pool was closed'));
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  /** To the worker with the fewest jobs waiting; workers start on first need, up to the pool's size. */
  private send(job: Job): void {
    let slot = this.slots.reduce<Slot | null>((best, s) => (!best || s.jobs.length < best.jobs.length ? s : best), null);
    if (!slot || (slot.jobs.length > 0 && this.slots.length < this.size)) slot = this.start();
    slot.jobs.push(job);
    slot.worker.postMessage(job.request);
  }

  private start(): Slot {
    const worker = new Worker(this.entry, { workerData: this.data });
    const slot: Slot = { worker, jobs: [], ready: false, error: null };
    worker.on('message', (reply: PoolReply) => {
      if ('ready' in reply) {
        slot.ready = true;
        return;
      }
      const k = slot.jobs.findIndex((j) => j.request.seq === reply.seq);
      if (k < 0) return;
      const [job] = slot.jobs.splice(k, 1);
      if ('prepared' in reply) job!.resolve(reply.prepared);
      else job!.reject(new AnalysisFailure(reply.error, reply.standalone));
    });
    worker.on('error', (err) => {
      slot.error = err;
    });
    worker.on('exit', (code) => this.lost(slot, code));
    this.slots.push(slot);
    return slot;
  }

  /** A worker ended: blame the document it was analysing, give the rest to another worker. */
  private lost(slot: Slot, code: number): void {
    const k = this.slots.indexOf(slot);
    if (k < 0 || this.closing) return;
    this.slots.splice(k, 1);
    const reason = slot.error?.message ?? `exited with code ${code}`;
    if (!slot.ready) {
      // It never started: the others would fail the same way.
      this.unavailable = new Error(`analysis workers could not start (${reason})`);
      const waiting = [...slot.jobs.splice(0), ...this.slots.flatMap((s) => s.jobs.splice(0))];
      for (const s of this.slots.splice(0)) void s.worker.terminate();
      for (const j of waiting) j.reject(new PoolUnavailable(this.unavailable.message));
      return;
    }
    const [current, ...rest] = slot.jobs.splice(0);
    current?.reject(new AnalysisFailure(`could not be analysed: the analysis worker stopped (${reason})`, true));
    for (const j of rest) this.send(j);
  }
}
