// Runs every *.test.ts under src/ and test/ with node's test runner (Node 20's runner does not expand globs).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const roots = process.argv.slice(2).length ? process.argv.slice(2) : ['src', 'test', 'eval', 'bench', 'train'];
const files = roots.flatMap((root) => {
  try {
    return readdirSync(root, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.test.ts') && !f.includes('node_modules'))
      .map((f) => join(root, f));
  } catch {
    return [];
  }
});
files.sort();
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);
