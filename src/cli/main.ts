/**
 * `dossier`: the command line. Each command is a thin layer over src/service (the same functions the REST API
 * uses). Errors a user can act on print one line naming the input and what is wrong; no stack traces.
 */
import { Command, Option } from 'commander';
import { isoDate, positiveInt, UserError } from './args.js';
import { createWriteStream } from 'node:fs';
import { availableParallelism } from 'node:os';
import cliProgress from 'cli-progress';
import { defaultKnowledgeBase, KbError } from '../kb/load.js';
import type { KnowledgeBase } from '../model/types.js';
import { openStore, storeOptions, type Store } from '../store/store.js';
import { StoreError } from '../store/db.js';
import { ingest, type IngestSummary } from '../ingest/ingest.js';
import { DEFAULT_BUDGET } from '../extract/budget.js';
import { loadManifest, ManifestError } from '../ingest/manifest.js';
import { labelOf } from '../service/outlet.js';
import { extractFiles } from './extract.js';
import { parseFiles } from './parse.js';
import { getDocument, getStats, listDocuments, resolveDocumentId, searchSentences } from '../service/documents.js';
import { entityProfile, findEntity, listEntities } from '../service/entities.js';
import { NATION_MODES } from '../service/nations.js';
import { print, shortId, table, truncate } from './output.js';
import { registerStatementCommands } from './statements.js';
import { registerServeCommand } from './serve.js';
import { registerCorrectionCommands } from './corrections.js';
import { registerWatchCommands } from './watch.js';
import { exportFormats } from '../export/index.js';

const program = new Command();
program
  .name('dossier')
  .description('Reads news on a geopolitical theatre and keeps a source-cited model of it: actors, quotes, events, times.')
  .version('0.1.0')
  .option('--data <dir>', 'embedded store folder (default ./dossier-data, or $DOSSIER_DATA; DATABASE_URL selects a Postgres server)')
  .option('--kb <dir>', 'add a knowledge-base folder of YAML files (repeatable)', (v: string, prev: string[] = []) => [...prev, v])
  .showHelpAfterError('(run with --help for usage)');


// The command being run, so that another process finds `dossier ingest` named in the store's lock.
let running = '';
program.hook('preAction', (_program, action) => {
  running = action.name();
});

export function kbFromOptions(): KnowledgeBase {
  return defaultKnowledgeBase(program.opts().kb ?? []);
}

/** Opens the store, runs `fn`, and always closes the store (PGlite keeps the process alive otherwise). */
export async function withStore<T>(fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore({ ...storeOptions(program.opts().data), owner: `dossier ${running}`.trim() });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

program
  .command('ingest')
  .description('read articles from files, folders, JSONL, URLs, RSS/Atom feeds or stdin (-), analyse and store them')
  .argument('[source...]', 'paths, folders, http(s) URLs of articles or feeds, or - for standard input (with --manifest: may be left out)')
  .option('--date <YYYY-MM-DD>', 'publication date for every document read (else from the manifest, else metadata, else inferred)', isoDate)
  .option('--source <name>', 'the outlet that published every document read (else the manifest, JSONL or feed says, else the URL\'s site)')
  .option('--manifest <file>', 'JSON list of documents: file (relative to the manifest), date, and optional source, url, title')
  .option('--allow-private', 'allow fetching from private, loopback and link-local addresses')
  .option('--timeout <seconds>', 'fetch timeout per URL', positiveInt, 15)
  .option('--max-items <n>', 'items read from one RSS/Atom feed', positiveInt, 500)
  .option('--max-chars <n>', 'longest text analysed as one document, in characters (longer ones are refused)', positiveInt, DEFAULT_BUDGET.maxChars)
  .option('--analysis-timeout <seconds>', 'analysis time allowed per document (one over it is stopped and not stored)', positiveInt, DEFAULT_BUDGET.maxMs / 1000)
  .option('--jobs <n>', 'threads that analyse (default: the number of cores); 1 analyses in the writing thread', positiveInt, availableParallelism())
  .option('--quiet', 'no progress bar and no per-input messages')
  .action(async (sources: string[], o) => {
    const kb = kbFromOptions();
    const manifest = o.manifest ? await loadManifest(o.manifest).catch((err) => {
      throw err instanceof ManifestError ? new UserError(err.message) : err;
    }) : null;
    if (!sources.length && !manifest) throw new UserError('ingest: give the articles to read (files, folders, URLs, -) or --manifest FILE');
    if (o.source !== undefined && !String(o.source).trim()) throw new UserError('--source: give the outlet\'s name');
    const summary = await withStore(async (store) => {
      const bar = process.stderr.isTTY && !o.quiet ? new cliProgress.SingleBar({
        format: 'ingest |{bar}| {value} read, {new} new, {failed} failed  {origin}', hideCursor: true, clearOnComplete: true, stream: process.stderr,
      }, cliProgress.Presets.shades_classic) : null;
      bar?.start(0, 0, { new: 0, failed: 0, origin: '' });
      let reported = 0;
      const result = await ingest(store, sources, {
        kb, date: o.date, source: o.source, manifest, allowPrivate: !!o.allowPrivate, timeoutMs: o.timeout * 1000, maxItems: o.maxItems,
        budget: { maxChars: o.maxChars, maxMs: o.analysisTimeout * 1000 }, jobs: o.jobs,
        onPoolUnavailable: (reason: string) => process.stderr.write(`dossier: ${reason}; analysing in one thread\n`),
        onProgress: (s: IngestSummary, origin: string) => {
          bar?.setTotal(s.read + s.failed);
          bar?.update(s.read + s.failed, { new: s.new, failed: s.failed, origin: truncate(origin, 40) });
          if (!bar && !o.quiet) for (; reported < s.failures.length; reported++) reportFailure(s.failures[reported]!);
        },
      });
      bar?.stop();
      if (bar && !o.quiet) result.failures.forEach(reportFailure);
      return result;
    });
    print(`read ${summary.read}, new ${summary.new}, duplicate ${summary.duplicate}, near-duplicate ${summary.nearDuplicate}, failed ${summary.failed}` +
      (summary.notEnglish ? ` (${summary.notEnglish} not in English: stored, not analysed)` : ''));
    if (summary.failed) process.exitCode = 1;
  });

function reportFailure(f: { origin: string; message: string }): void {
  process.stderr.write(`dossier: ${f.origin}: ${f.message}\n`);
}

program
  .command('extract')
  .description('analyse files without a database and print the extraction contract as JSON')
  .argument('<file...>', 'article files (.txt, .md, .html) or - for standard input')
  .option('--date <YYYY-MM-DD>', 'publication date (the reference for "last May")', isoDate)
  .addOption(new Option('--format <format>', 'one JSON array, or one line per document').choices(['json', 'jsonl']).default('json'))
  .option('--syntax', 'add `tokens`: every word tagged and parsed (UPOS, XPOS, lemma, head, relation)')
  .action(async (files: string[], o) => {
    const ok = await extractFiles(files, { date: o.date ?? null, format: o.format, kb: kbFromOptions(), syntax: !!o.syntax });
    if (!ok) process.exitCode = 1;
  });

program
  .command('parse')
  .description('tag and parse files without a database and print CoNLL-U (UD English words; MISC has TokenRange=start:end)')
  .argument('<file...>', 'article files (.txt, .md, .html) or - for standard input')
  .action(async (files: string[]) => {
    if (!(await parseFiles(files))) process.exitCode = 1;
  });

program
  .command('docs')
  .description('list stored documents, newest first')
  .option('--source <text>', 'only documents whose source or URL contains this')
  .option('--from <YYYY-MM-DD>', 'published on or after', isoDate)
  .option('--to <YYYY-MM-DD>', 'published on or before', isoDate)
  .option('--limit <n>', 'how many', positiveInt, 50)
  .option('--json', 'print JSON')
  .action(async (o) => {
    const res = await withStore((s) => listDocuments(s.db, { source: o.source, from: o.from, to: o.to, limit: o.limit }));
    if (o.json) return print(JSON.stringify(res, null, 2));
    print(table(res.items.map((d) => [shortId(d.id), d.date ?? '—', d.language, truncate(d.title ?? '(untitled)', 60), truncate(labelOf(d.source, d.origin) ?? '', 40) +
      (d.nearDuplicateOf ? ` ≈${shortId(d.nearDuplicateOf)}` : '')]), ['id', 'date', 'lang', 'title', 'source']));
    print(`${res.items.length} of ${res.total} documents`);
  });

program
  .command('show')
  .description('show a document with its layers (id or a unique prefix of 6+ characters)')
  .argument('<id>')
  .option('--json', 'print JSON')
  .action(async (idArg: string, o) => {
    const d = await withStore(async (s) => {
      const id = await resolveDocumentId(s.db, idArg);
      if (!id) throw new UserError(`${idArg}: no document with this id (give the id or a unique prefix of 6+ characters; see \`dossier docs\`)`);
      return getDocument(s.db, id);
    });
    if (!d) return;
    if (o.json) return print(JSON.stringify(d, null, 2));
    const lines = [
      `${d.title ?? '(untitled)'}`,
      `id ${d.id}`,
      `date ${d.date ?? 'unknown'}${d.dateSource ? ` (${d.dateSource}${d.dateRange ? `, between ${d.dateRange.from} and ${d.dateRange.to}` : ''})` : ''}   language ${d.language}   ${d.wordCount} words`,
      `source ${d.source ?? 'unknown'}   origin ${d.origin ?? 'unknown'}${d.pages ? `   ${d.pages.length} page${d.pages.length === 1 ? '' : 's'} (starting at ${d.pages.join(', ')})` : ''}`,
      ...(d.sourceList.length > 1 ? [`also seen: ${d.sourceList.filter((s) => s.source !== d.origin).map((s) => `${s.outlet ? `${s.outlet}: ` : ''}${s.url ?? s.source}`).join(', ')}`] : []),
    ];
    if (d.nearDuplicateOf) lines.push(`near-duplicate of ${d.nearDuplicateOf} (similarity ${d.similarity?.toFixed(2)})`);
    for (const n of d.nearDuplicates) lines.push(`near-duplicate: ${n.id} ${n.source ?? ''}`);
    lines.push('', d.text, '');
    // An analyst's correction is marked where it shows (`dossier corrections` lists them by number).
    const fixed = (x: { corrections?: string[]; rejected?: boolean }) => (x.corrections ? `  (${x.rejected ? 'rejected' : 'corrected'} #${x.corrections.join(', #')})` : '');
    if (d.entities.length) lines.push('ENTITIES', ...d.entities.map((e) => `  ${e.name} [${e.type}${e.kbId ? `, kb:${e.kbId}` : ''}] ×${e.mentions.length}: ${[...new Set(e.mentions.map((m) => m.text))].join(', ')}${fixed(e)}`));
    if (d.quotes.length) lines.push('QUOTES', ...d.quotes.map((q) => `  ${q.id} ${q.speakerName ?? q.speakerText ?? '(unknown)'}${q.direct ? '' : ' (indirect)'}: “${truncate(q.text, 140)}”${fixed(q)}`));
    if (d.events.length) lines.push('EVENTS', ...d.events.map((v) => `  ${v.id} ${v.type}${v.negated ? ' (negated)' : ''} ${v.sourceName ?? '?'} → ${v.targetName ?? '?'}  ${v.date ?? ''}  [${v.trigger.text}] ${v.modality}${fixed(v)}`));
    if (d.times.length) lines.push('TIMES', ...d.times.map((t) => `  ${t.text} = ${t.value ?? '?'}`));
    if (d.stances.length) lines.push('STANCES', ...d.stances.map((s) => `  ${s.holderName}: ${s.polarity} ${s.topic}: ${truncate(d.text.slice(s.evidence.start, s.evidence.end), 100)}`));
    print(lines.join('\n'));
  });

program
  .command('search')
  .description('full-text search over sentences, best first')
  .argument('<query...>', 'words, "a phrase", -excluded, or OR')
  .option('--limit <n>', 'how many hits', positiveInt, 20)
  .option('--json', 'print JSON')
  .action(async (words: string[], o) => {
    const hits = await withStore((s) => searchSentences(s.db, words.join(' '), { limit: o.limit }));
    if (o.json) return print(JSON.stringify(hits, null, 2));
    if (!hits.length) return print('no matches');
    for (const h of hits) print(`${h.date ?? '—'}  ${truncate(h.title ?? '(untitled)', 70)}  [${shortId(h.documentId)}]\n    ${h.sentence.replace(/\s+/g, ' ')}\n`);
  });

program
  .command('export')
  .description('export the store: documents with their layers, events (PLOVER JSONL, CSV with CAMEO roots), the actor graph (GEXF, GraphML)')
  .addOption(new Option('--format <format>', 'export format').choices(Object.keys(exportFormats)).default('jsonl'))
  .option('--out <file>', 'write to a file instead of standard output')
  .action(async (o) => {
    await withStore(async (s) => {
      const out: NodeJS.WritableStream = o.out ? createWriteStream(o.out) : process.stdout;
      await exportFormats[o.format]!(s.db, out);
      if (o.out) await new Promise<void>((r) => out.end(() => r()));
    });
  });

program
  .command('stats')
  .description('counts of what the store holds')
  .option('--json', 'print JSON')
  .action(async (o) => {
    const st = await withStore((s) => getStats(s.db));
    if (o.json) return print(JSON.stringify(st, null, 2));
    print(table([
      ['documents', `${st.documents} (${st.nearDuplicates} near-duplicates, ${st.sources} sources)`],
      ['languages', Object.entries(st.languages).map(([l, n]) => `${l} ${n}`).join(', ') || '—'],
      ['dates', st.firstDate ? `${st.firstDate} – ${st.lastDate}` : '—'],
      ['sentences', String(st.sentences)], ['words', String(st.words)],
      ['entities', `${st.entities} (${st.entitiesInKb} in the knowledge base), ${st.mentions} mentions`],
      ['quotes', String(st.quotes)], ['events', String(st.events)], ['time expressions', String(st.times)], ['stances', String(st.stances)],
    ]));
  });

/** `--nations fold|separate`: NORP actors ("Russian") counted with their states (the default) or apart. */
const nationsOption = () => new Option('--nations <mode>', 'NORP actors ("Russian") counted with the state they name, or apart')
  .choices([...NATION_MODES]).default('fold');

program
  .command('entities')
  .description('list actors with mention and document counts')
  .option('--type <type>', 'PERSON, ORG, GPE, LOC, FAC, NORP, EVENT, LAW or PRODUCT')
  .option('--name <text>', 'only names containing this')
  .option('--limit <n>', 'how many', positiveInt, 50)
  .addOption(nationsOption())
  .option('--json', 'print JSON')
  .action(async (o) => {
    const kb = kbFromOptions();
    const res = await withStore((s) => listEntities(s.db, { type: o.type, q: o.name, limit: o.limit, nations: o.nations, kb }));
    if (o.json) return print(JSON.stringify(res, null, 2));
    print(table(res.items.map((e) => [e.name, e.type, e.kbId ? 'kb' : 'new', String(e.documents), String(e.mentions)]), ['name', 'type', 'kb', 'docs', 'mentions']));
    print(`${res.items.length} of ${res.total} entities`);
  });

program
  .command('entity')
  .description('an actor\'s profile: aliases seen, KB facts, documents, quotes, events, the actors it appears with')
  .argument('<name...>', 'a name in any spelling or script, or an entity id')
  .addOption(nationsOption())
  .option('--json', 'print JSON')
  .action(async (nameParts: string[], o) => {
    const name = nameParts.join(' ');
    const kb = kbFromOptions();
    const p = await withStore(async (s) => {
      const hit = await findEntity(s.db, name, { kb, nations: o.nations });
      if (!hit) throw new UserError(`${name}: no such entity in the store (see \`dossier entities\`)`);
      return entityProfile(s.db, hit.id, kb, 50, o.nations);
    });
    if (!p) return;
    if (o.json) return print(JSON.stringify(p, null, 2));
    const lines = [`${p.name} [${p.type}]${p.kbId ? `  kb:${p.kbId}` : '  (not in the knowledge base)'}${p.wikidata ? `  wikidata:${p.wikidata}` : ''}`];
    if (p.kb?.description) lines.push(p.kb.description);
    lines.push(`aliases seen: ${p.aliasesSeen.join(', ')}`, `${p.mentions} mentions in ${p.documentCount} documents`);
    if (p.kb?.roleLabels.length) lines.push('ROLES', ...p.kb.roleLabels.map((r) => `  ${r}`));
    if (p.kb?.membershipLabels.length) lines.push('MEMBERSHIPS', ...p.kb.membershipLabels.map((r) => `  ${r}`));
    if (p.coActors.length) lines.push('APPEARS WITH', ...p.coActors.slice(0, 10).map((c) => `  ${c.name} [${c.type}] in ${c.documents} documents`));
    if (p.quotes.length) lines.push('QUOTES', ...p.quotes.slice(0, 10).map((q) => `  ${q.date ?? '—'} “${truncate(q.text, 120)}”`));
    if (p.events.length) lines.push('EVENTS', ...p.events.slice(0, 10).map((v) => `  ${v.date ?? '—'} ${v.type} (${v.role}) ${v.otherName ?? ''}: ${truncate(v.sentence, 100)}`));
    if (p.stances.length) lines.push('STANCES', ...p.stances.map((s) => `  ${s.polarity} ${s.topic} (${s.date ?? '—'}): ${truncate(s.evidence, 100)}`));
    lines.push('DOCUMENTS', ...p.documents.slice(0, 10).map((d) => `  ${d.date ?? '—'} ${truncate(d.title ?? '(untitled)', 70)} [${shortId(d.id)}]`));
    print(lines.join('\n'));
  });

registerStatementCommands(program, { withStore, kbFromOptions, print });
registerServeCommand(program);
registerCorrectionCommands(program, { withStore, kbFromOptions, print });
registerWatchCommands(program, { withStore, kbFromOptions, print });

async function main(): Promise<void> {
  try {
    await program.parseAsync(process.argv);
  } catch (err) {
    if (err instanceof UserError || err instanceof StoreError || err instanceof KbError) {
      process.stderr.write(`dossier: ${err.message}\n`);
    } else {
      process.stderr.write(`dossier: unexpected error: ${(err as Error).message}\n`);
      if (process.env.DOSSIER_DEBUG) process.stderr.write(`${(err as Error).stack}\n`);
    }
    process.exitCode = 2;
  }
}

process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});

await main();
