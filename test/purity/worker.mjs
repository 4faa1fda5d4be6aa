// Worker entry for test/purity.test.ts: a worker thread does not inherit the tsx loader, so it registers it, then
// runs the TypeScript worker. Each worker is a fresh module graph: wink-nlp, the syntax model and every cache new.
import { register } from 'tsx/esm/api';

register();
await import('./analyse.ts');
