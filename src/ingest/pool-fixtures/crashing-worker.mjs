// A stand-in for the analysis worker (pool.test.ts): answers with the document's id alone, dies (as a worker that
// ran out of memory would) on a text holding CRASH, and reports an error on one holding FAIL.
import { parentPort } from 'node:worker_threads';

parentPort.on('message', (req) => {
  if (req.document.text.includes('CRASH')) process.exit(3);
  if (req.document.text.includes('FAIL')) parentPort.postMessage({ seq: req.seq, error: 'the extractor broke', standalone: false });
  else parentPort.postMessage({ seq: req.seq, prepared: { id: req.document.id } });
});
parentPort.postMessage({ ready: true });
