/**
 * The worker of test/purity.test.ts: analyses the documents it is given, in the order given, in a module graph of
 * its own, and posts back each one's extraction as `dossier extract` prints it (src/cli/extract.ts), as JSON text.
 * The documents come cleaned (ingest/document.ts, run once by the test): what is under test is the analysis.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { frozenKnowledgeBase } from '../../src/kb/load.js';
import { toExtraction } from '../../src/cli/extract.js';
import type { Document, KbEntry, KbOffice } from '../../src/model/types.js';

export interface Job {
  /** Each document with the path its extraction prints. */
  documents: { path: string; document: Document }[];
  /** Indices into `documents`, in the order to analyse them. */
  order: number[];
  /** The knowledge base as plain data (loaded once by the test, not re-parsed in every worker). */
  kb: { entries: KbEntry[]; offices: KbOffice[] };
}

const job = workerData as Job;
const kb = frozenKnowledgeBase(job.kb.entries, job.kb.offices);
const out: string[] = [];
for (const i of job.order) {
  const { path, document } = job.documents[i]!;
  out.push(JSON.stringify(toExtraction(path, document, kb)));
}
parentPort!.postMessage(out);
