// Worker entry for the issue-14 tests: a worker thread does not inherit the tsx loader, so it registers it, then
// runs the TypeScript worker named in workerData.entry (analyse.ts by default). Each worker is a fresh module
// graph: wink-nlp, the syntax model and every cache new.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(new URL(workerData?.entry ?? './analyse.ts', import.meta.url).href);
