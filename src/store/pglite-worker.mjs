// The embedded store on a thread of its own (src/store/pglite-thread.ts starts it). A PGlite query runs
// synchronously inside WASM, so on the server's thread every query stops the event loop: sockets go unread and the
// API's queue (src/server/admission.ts) cannot refuse what it never sees. Here the queries run on this thread and
// the server's thread only passes messages.
//
// Plain JavaScript on purpose: a worker thread does not inherit a loader registered with tsx's `register()`
// (bin/dossier.js), and this file needs nothing of the project's TypeScript, only PGlite.
//
// Messages in:  { id, op: 'query', sql, params, tx? } | { id, op: 'exec', sql } | { id, op: 'begin' }
//               | { id, op: 'end', tx, commit } | { id, op: 'close' }
// Messages out: { id, ok: true, value } | { id, ok: false, error: { message, code, ... } }; first { ready: true }
//               or { ready: false, error } once the database is open (or cannot be).
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

const port = parentPort;
/** @type {PGlite} */
let pg;
try {
  pg = await PGlite.create({ dataDir: workerData.dataDir, extensions: { pg_trgm }, postgresqlconf: workerData.settings });
  port.postMessage({ ready: true });
} catch (err) {
  port.postMessage({ ready: false, error: plain(err) });
  process.exit(0);
}

/** Open transactions by id: the handle to query through, and how to end it. */
const open = new Map();
let nextTx = 1;

/** What survives a message: the fields callers read (`code` for unique violations and retries), not the class. */
function plain(err) {
  const e = err ?? {};
  const out = { message: String(e.message ?? e) };
  for (const k of ['code', 'detail', 'hint', 'constraint', 'table', 'column', 'severity', 'position', 'where']) {
    if (e[k] !== undefined) out[k] = e[k];
  }
  return out;
}

async function run(msg) {
  switch (msg.op) {
    case 'query': {
      const on = msg.tx ? open.get(msg.tx)?.tx : pg;
      if (!on) throw new Error('the transaction has ended');
      return (await on.query(msg.sql, msg.params)).rows;
    }
    case 'exec':
      await pg.exec(msg.sql);
      return null;
    case 'begin':
      // PGlite's transaction() holds the database for the callback's whole life; the callback waits here until
      // the server's thread says how it ends, and queries outside it wait their turn meanwhile, as in-process.
      return new Promise((started, failed) => {
        const id = nextTx++;
        pg.transaction((tx) => new Promise((commit, rollback) => {
          open.set(id, { tx, commit, rollback });
          started(id);
        })).catch((err) => {
          const t = open.get(id);
          open.delete(id);
          if (t?.ending) t.ending.failed(err);
          else failed(err);
        }).then(() => {
          const t = open.get(id);
          open.delete(id);
          t?.ending?.done(null);
        });
      });
    case 'end': {
      const t = open.get(msg.tx);
      if (!t) throw new Error('the transaction has ended');
      return new Promise((done, failed) => {
        t.ending = { done, failed };
        if (msg.commit) t.commit();
        else t.rollback(Object.assign(new Error('rolled back'), { rolledBack: true }));
      }).catch((err) => {
        if (err?.rolledBack) return null;
        throw err;
      });
    }
    case 'close':
      await pg.close();
      return null;
    default:
      throw new Error(`unknown operation ${msg.op}`);
  }
}

port.on('message', (msg) => {
  run(msg).then(
    (value) => port.postMessage({ id: msg.id, ok: true, value }),
    (err) => port.postMessage({ id: msg.id, ok: false, error: plain(err) }),
  ).then(() => {
    if (msg.op === 'close') port.close();
  });
});
