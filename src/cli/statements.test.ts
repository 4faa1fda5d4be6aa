import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Command } from 'commander';
import { backends } from '../../test/helpers.js';
import { article } from '../resolve/testing.js';
import { writeDocument } from '../store/store.js';
import { defaultKnowledgeBase } from '../kb/load.js';
import { registerStatementCommands } from './statements.js';

const nato = { name: 'NATO', type: 'ORG' as const, kbId: 'nato', words: ['NATO'] };
const vucic = { name: 'Aleksandar Vučić', type: 'PERSON' as const, kbId: 'aleksandar-vucic', words: ['Vučić'] };
const docs = [
  article({
    date: '2024-05-02', source: 'Morava Times',
    text: 'Vučić rejected the NATO invitation on 1 May. He said "Serbia will not be part of any military alliance in our time".',
    entities: { e1: vucic, e2: nato },
    events: [{ type: 'REJECT', source: 'e1', target: 'e2', date: '2024-05-01', trigger: 'rejected' }],
    quotes: [{ text: 'Serbia will not be part of any military alliance in our time', speaker: 'e1' }],
    stances: [{ holder: 'e1', topic: 'NATO membership', polarity: 'oppose', evidence: 'Vučić rejected the NATO invitation' }],
  }),
  article({
    date: '2024-05-03', source: 'Danube Herald',
    text: 'On 1 May Vučić turned down an invitation from NATO. Later Vučić backed closer NATO membership talks.',
    entities: { e1: vucic, e2: nato },
    events: [{ type: 'REJECT', source: 'e1', target: 'e2', date: '2024-05-01', trigger: 'turned down' }],
    stances: [{ holder: 'e1', topic: 'NATO membership', polarity: 'support', evidence: 'Vučić backed closer NATO membership talks' }],
  }),
];

for (const backend of backends) {
  test(`statement commands on ${backend.name}`, { skip: backend.skip ?? false }, async (t) => {
    const store = await backend.open();
    try {
      for (const d of docs) await writeDocument(store.db, d);
      const run = async (...args: string[]) => {
        const out: string[] = [];
        const err: string[] = [];
        const program = new Command().exitOverride().configureOutput({ writeOut: (s) => out.push(s), writeErr: (s) => err.push(s) });
        registerStatementCommands(program, { withStore: (fn) => fn(store), kbFromOptions: () => defaultKnowledgeBase(), print: (s) => out.push(s) });
        const write = process.stderr.write;
        process.stderr.write = ((s: string) => (err.push(s), true)) as typeof process.stderr.write;
        const exitCode = process.exitCode;
        try {
          await program.parseAsync(['node', 'dossier', ...args]);
        } catch (e) {
          // Commander has already written its message through writeErr; anything else is a real failure.
          if (!String((e as { code?: string }).code ?? '').startsWith('commander.')) throw e;
        } finally {
          process.stderr.write = write;
        }
        const code = process.exitCode;
        process.exitCode = exitCode;
        return { out: out.join('\n'), err: err.join(''), code };
      };

      await t.test('timeline by an actor named without diacritics prints the date, the sources and the sentences', async () => {
        const r = await run('timeline', '--actor', 'vucic');
        assert.match(r.out, /^2024-05-01 +REJECT +Aleksandar Vučić → NATO +— 2 reports/m);
        assert.match(r.out, /2024-05-02 Morava Times \[[0-9a-f]{12}\]: Vučić rejected the NATO invitation on 1 May\./);
        assert.match(r.out, /2024-05-03 Danube Herald \[[0-9a-f]{12}\]: On 1 May Vučić turned down an invitation from NATO\./);
        assert.match(r.out, /1 of 1 events/);
      });

      await t.test('--json prints the service result', async () => {
        const r = await run('timeline', '--type', 'reject', '--json');
        const parsed = JSON.parse(r.out);
        assert.equal(parsed.total, 1);
        assert.equal(parsed.items[0].mentions.length, 2);
      });

      await t.test('quotes, stances and disagreements', async () => {
        assert.match((await run('quotes', '--speaker', 'Vucic')).out, /Aleksandar Vučić: “Serbia will not be part of any military alliance in our time”\n +2024-05-02 Morava Times/);
        const st = (await run('stance', 'Aleksandar', 'Vucic')).out;
        assert.match(st, /2024-05-03 +support +NATO membership +— Danube Herald/);
        assert.match(st, /2024-05-02 +oppose +NATO membership +— Morava Times/);
        const d = (await run('disagreements')).out;
        assert.match(d, /^stance +Aleksandar Vučić — NATO membership\n +a oppose +2024-05-02 Morava Times .*\n +b support +2024-05-03 Danube Herald/m);
      });

      await t.test('stance --topic lists every holder over time, each stance with its cited sentence span', async () => {
        const r = await run('stance', '--topic', 'nato membership');
        assert.match(r.out, /^NATO membership: 2 stances by 1 holder\n\n  Aleksandar Vučić — now support \(1 support, 1 oppose\)\n/);
        // Oldest first, and where the evidence is: the document and the sentence's offsets.
        assert.match(r.out, /\n    2024-05-02 +oppose +NATO membership +— Morava Times \[[0-9a-f]{12} 0–\d+\]: Vučić rejected the NATO invitation\n    2024-05-03 +support/);
        const bad = await run('stance', '--topic', 'the weather');
        assert.match(bad.err, /^dossier: the weather: not a topic; give a topic \(NATO membership, EU membership/);
        assert.equal(bad.code, 2);
        assert.equal((await run('stance')).code, 2, 'neither an actor nor a topic');
        assert.match((await run('stance', '--topic', 'joining the EU')).out, /^no stances recorded on EU membership$/);
      });

      await t.test('quotes --about an actor or a topic', async () => {
        const r = await run('quotes', '--about', 'NATO membership');
        assert.match(r.out, /^About NATO membership:\n\n2024-05-02 +Aleksandar Vučić: “Serbia will not be part of any military alliance in our time”/);
        assert.match((await run('quotes', '--about', 'NATO')).out, /^no quotes about NATO$/, 'the quote does not name NATO');
        const bad = await run('quotes', '--about', 'Zzyzx Qwv');
        assert.match(bad.err, /^dossier: Zzyzx Qwv: neither a topic/);
      });

      await t.test('an unknown actor and a bad type are one clear line each', async () => {
        const unknown = await run('timeline', '--actor', 'Zzyzx Qwv');
        assert.equal(unknown.err, 'dossier: Zzyzx Qwv: no such actor in the store (see `dossier entities`)\n');
        assert.equal(unknown.code, 2);
        const bad = await run('timeline', '--type', 'INVADE');
        assert.match(bad.err, /option '--type <type>' argument 'INVADE' is invalid\. not a PLOVER type; use one of AGREE, CONSULT/);
        assert.equal(bad.err.trim().split('\n').length, 1);
      });
    } finally {
      await store.dispose();
    }
  });
}
