/**
 * An analysis pool's worker (pool.ts): receives documents, posts back the rows each is stored as, or one line
 * saying why it could not be analysed. The knowledge base comes once, in workerData, and is frozen here as the main
 * thread's is; the syntax model and every other resource load on the first document, in this thread's own modules.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { frozenKnowledgeBase } from '../kb/load.js';
import { AnalysisBudgetError } from '../extract/budget.js';
import { analyseForStore } from './analyse.js';
import type { PoolReply, PoolRequest, PoolWorkerData } from './pool.js';

const data = workerData as PoolWorkerData;
const kb = frozenKnowledgeBase(data.kb.entries, data.kb.offices);
const port = parentPort!;

port.on('message', (req: PoolRequest) => {
  let reply: PoolReply;
  try {
    reply = { seq: req.seq, prepared: analyseForStore(req.document, kb, req.budget) };
  } catch (err) {
    reply = { seq: req.seq, error: (err as Error).message ?? String(err), standalone: err instanceof AnalysisBudgetError };
  }
  port.postMessage(reply);
});
port.postMessage({ ready: true } satisfies PoolReply);
