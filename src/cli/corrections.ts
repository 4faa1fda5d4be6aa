/**
 * `dossier correct …` records an analyst's correction; `dossier corrections` lists them and `corrections undo ID`
 * takes one back. Thin over src/service/corrections.ts: corrections apply on read, so every other command shows them.
 */
import type { Command } from 'commander';
import { guarded, UserError } from './args.js';
import { addCorrection, CorrectionError, listCorrections, undoCorrection, type Correction, type CorrectionRequest } from '../service/corrections.js';
import { findEntity } from '../service/entities.js';
import type { Queryable } from '../store/db.js';
import type { CliDeps } from './statements.js';

/** An entity by id or name (any spelling), as every other command takes it. */
async function entity(db: Queryable, name: string): Promise<string> {
  if (name === 'none') return name;
  const hit = await findEntity(db, name);
  if (!hit) throw new UserError(`${name}: no such entity in the store (see \`dossier entities\`)`);
  return hit.id;
}

export function formatCorrection(c: Correction): string {
  return `#${c.id.padEnd(4)} ${c.createdAt}  ${c.author}  ${c.label ?? c.kind}${c.reason ? `  — ${c.reason}` : ''}${c.undoneAt ? `  (undone ${c.undoneAt} by ${c.undoneBy})` : ''}`;
}

export function registerCorrectionCommands(program: Command, deps: CliDeps): void {
  const { withStore, print } = deps;
  const record = async (build: (db: Queryable) => Promise<CorrectionRequest>, o: { by?: string; why?: string }) => {
    const c = await withStore(async (s) => {
      try {
        return await addCorrection(s.db, { ...(await build(s.db)), author: o.by ?? process.env.USER, reason: o.why });
      } catch (err) {
        if (err instanceof CorrectionError) throw new UserError(err.message);
        throw err;
      }
    });
    print(`recorded ${formatCorrection(c)}`);
  };
  const common = (cmd: Command) => cmd.option('--why <text>', 'why (kept with the correction)').option('--by <name>', 'who (default $USER)');

  const correct = program.command('correct').description('correct what the analysis found; kept apart from it and applied on read, so it survives re-analysis');
  common(correct.command('merge').description('read entity FROM as entity INTO everywhere').argument('<from>').argument('<into>'))
    .action(guarded(async (from: string, into: string, o) => record(async (db) => ({ kind: 'merge', target: { entity: await entity(db, from) }, value: { into: await entity(db, into) } }), o)));
  common(correct.command('split').description('the entity\'s mentions in these documents are another entity').argument('<entity>')
    .requiredOption('--docs <ids>', 'document ids (or prefixes), comma-separated').requiredOption('--name <name>', 'the other entity\'s name').option('--type <type>', 'its type'))
    .action(guarded(async (e: string, o) => record(async (db) => ({ kind: 'split', target: { entity: await entity(db, e) }, value: { documents: o.docs, name: o.name, type: o.type } }), o)));
  common(correct.command('rename').description('give an entity another name').argument('<entity>').argument('<name>'))
    .action(guarded(async (e: string, name: string, o) => record(async (db) => ({ kind: 'rename', target: { entity: await entity(db, e) }, value: { name } }), o)));
  common(correct.command('type').description('set an entity\'s type (PERSON, ORG, GPE…)').argument('<entity>').argument('<type>'))
    .action(guarded(async (e: string, type: string, o) => record(async (db) => ({ kind: 'entity-type', target: { entity: await entity(db, e) }, value: { type } }), o)));
  common(correct.command('kb').description('link an entity to a knowledge-base id, or none to unlink it').argument('<entity>').argument('<kbId>'))
    .action(guarded(async (e: string, kbId: string, o) => record(async (db) => ({ kind: 'kb-link', target: { entity: await entity(db, e) }, value: { kbId } }), o)));
  common(correct.command('speaker').description('set a quote\'s speaker (none clears it)').argument('<document>').argument('<quote>', 'its id in the document (q1…, see `dossier show --json`)').argument('<speaker>'))
    .action(guarded(async (doc: string, quote: string, speaker: string, o) => record(async (db) => ({
      kind: 'speaker', target: { document: doc, local: quote }, value: { speaker: speaker === 'none' ? null : await entity(db, speaker) },
    }), o)));
  common(correct.command('event').description('reject, confirm or change an event: its type, actors or date').argument('<document>').argument('<event>', 'its id in the document (v1…)')
    .option('--reject', 'it did not happen (or is not an event)').option('--confirm', 'it is right as read')
    .option('--type <type>', 'a PLOVER type').option('--source <entity>', 'who acts (none clears)').option('--target <entity>', 'who is acted upon (none clears)')
    .option('--date <date>', 'YYYY, YYYY-MM or YYYY-MM-DD (none clears)'))
    .action(guarded(async (doc: string, event: string, o) => {
      const target = { document: doc, local: event };
      const asks: ((db: Queryable) => Promise<CorrectionRequest>)[] = [];
      if (o.reject) asks.push(async () => ({ kind: 'event-reject', target }));
      if (o.confirm) asks.push(async () => ({ kind: 'event-confirm', target }));
      if (o.type) asks.push(async () => ({ kind: 'event-type', target, value: { type: o.type } }));
      if (o.source || o.target) {
        asks.push(async (db) => ({ kind: 'event-actors', target, value: {
          ...(o.source ? { source: o.source === 'none' ? null : await entity(db, o.source) } : {}),
          ...(o.target ? { target: o.target === 'none' ? null : await entity(db, o.target) } : {}),
        } }));
      }
      if (o.date) asks.push(async () => ({ kind: 'event-date', target, value: { date: o.date } }));
      if (!asks.length) throw new UserError('correct event: give --reject, --confirm, --type, --source, --target or --date');
      for (const ask of asks) await record(ask, o);
    }));

  const list = program.command('corrections').description('list the corrections (newest first); `corrections undo ID` takes one back')
    .option('--all', 'undone ones too').option('--json', 'print JSON')
    .action(guarded(async (o) => {
      const res = await withStore((s) => listCorrections(s.db, { all: !!o.all, limit: 1000 }));
      if (o.json) return print(JSON.stringify(res, null, 2));
      if (!res.items.length) return print('no corrections');
      print(res.items.map(formatCorrection).join('\n'));
    }));
  list.command('undo').description('undo a correction: the analysis shows through again').argument('<id>').option('--by <name>', 'who (default $USER)')
    .action(guarded(async (id: string, o) => {
      const c = await withStore(async (s) => {
        try {
          return await undoCorrection(s.db, id.replace(/^#/, ''), o.by ?? process.env.USER ?? 'analyst');
        } catch (err) {
          if (err instanceof CorrectionError) throw new UserError(err.message);
          throw err;
        }
      });
      if (!c) throw new UserError(`${id}: no such correction (see \`dossier corrections --all\`)`);
      print(`undone ${formatCorrection(c)}`);
    }));
}
