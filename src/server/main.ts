/** `npm start`: the server on its own (the same options as `dossier serve`). */
import { Command } from 'commander';
import { serveCommand } from '../cli/serve.js';
import { ServeError } from './serve.js';
import { StoreError } from '../store/db.js';
import { KbError } from '../kb/load.js';

const program = serveCommand(new Command('dossier-serve'))
  .option('--data <dir>', 'embedded store folder (default ./dossier-data, or $DOSSIER_DATA; DATABASE_URL selects a Postgres server)')
  .option('--kb <dir>', 'add a knowledge-base folder of YAML files (repeatable)', (v: string, prev: string[] = []) => [...prev, v]);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  const known = err instanceof ServeError || err instanceof StoreError || err instanceof KbError;
  process.stderr.write(`dossier: ${known ? '' : 'unexpected error: '}${(err as Error).message}\n`);
  process.exit(2);
}
