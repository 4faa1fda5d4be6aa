// Entry of an analysis pool's worker (pool.ts). A worker thread does not inherit the loader that `bin/dossier.js`
// registers, so it registers tsx itself before loading the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./analysis-worker.ts');
