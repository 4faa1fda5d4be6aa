/** `dossier serve`: the REST API and the web UI over the store, on localhost unless told otherwise. */
import { Command, InvalidArgumentError } from 'commander';
import { defaultKnowledgeBase } from '../kb/load.js';
import { storeOptions } from '../store/store.js';
import { DEFAULT_PORT, startServer } from '../server/serve.js';

const port = (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('expected a port number (0–65535)');
  return n;
};

/** Adds the serve options to a command (the `serve` subcommand, or the whole program for `npm start`). */
export function serveCommand(cmd: Command): Command {
  return cmd
    .option('--port <n>', `port to listen on (default $PORT or ${DEFAULT_PORT})`, port)
    .option('--host <host>', 'address to listen on; beyond localhost DOSSIER_TOKEN must be set', '127.0.0.1')
    .option('--no-build', 'do not rebuild the web UI even when its sources changed')
    .option('--no-watch', 'do not poll the watched feeds while serving (`dossier feeds`)')
    .action(async (_o, command: Command) => {
      const o = command.optsWithGlobals();
      const server = await startServer({
        port: o.port ?? (process.env.PORT ? port(process.env.PORT) : DEFAULT_PORT),
        host: o.host,
        store: { ...storeOptions(o.data), owner: 'dossier serve' },
        kb: defaultKnowledgeBase(o.kb ?? []),
        token: process.env.DOSSIER_TOKEN || null,
        noBuild: o.build === false,
        watch: o.watch !== false,
        log: (s) => process.stderr.write(`dossier: ${s}\n`),
      });
      process.stderr.write(`dossier: serving the API and the web UI at ${server.url} (API description: ${server.url}api/openapi.json)\n`);
      const stop = () => {
        server.close().finally(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}

export function registerServeCommand(program: Command): void {
  serveCommand(program.command('serve').description('serve the REST API and the web UI (import, entities, graph, timeline, map, reader, search)'));
}
