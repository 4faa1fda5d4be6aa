/** `dossier extract`: the contract (../shared/docs/contract.md) for each file, without a database. */
import type { Extraction, KnowledgeBase } from '../model/types.js';
import { analyze } from '../extract/pipeline.js';
import { toDocument, DocumentError } from '../ingest/document.js';
import { readSources } from '../ingest/sources.js';

export interface ExtractOptions {
  date: string | null;
  format: 'json' | 'jsonl';
  kb: KnowledgeBase;
}

export function toExtraction(path: string, document: ReturnType<typeof toDocument>, kb: KnowledgeBase): Extraction {
  const { layers, date } = analyze(document, kb);
  return {
    document: { id: document.id, path, title: document.title, date: date.date, dateSource: date.dateSource, language: document.language, text: document.text },
    entities: layers.entities,
    quotes: layers.quotes,
    events: layers.events,
    times: layers.times,
    stances: layers.stances,
  };
}

/** Prints the extraction of every file; returns false when any file could not be read. */
export async function extractFiles(files: string[], opts: ExtractOptions): Promise<boolean> {
  let ok = true;
  const results: Extraction[] = [];
  for (const file of files) {
    let produced = false;
    // Each argument is one document: a file, or stdin (JSONL lines on stdin are several).
    for await (const ev of readSources([file])) {
      if ('failure' in ev) {
        process.stderr.write(`dossier: ${ev.failure.origin}: ${ev.failure.message}\n`);
        ok = false;
        continue;
      }
      try {
        const document = toDocument(ev.item, { date: opts.date });
        const result = toExtraction(file, document, opts.kb);
        if (opts.format === 'jsonl') process.stdout.write(JSON.stringify(result) + '\n');
        else results.push(result);
        produced = true;
      } catch (err) {
        process.stderr.write(`dossier: ${ev.item.origin}: ${err instanceof DocumentError ? err.message : (err as Error).message}\n`);
        ok = false;
      }
    }
    if (!produced) ok = false;
  }
  if (opts.format === 'json') process.stdout.write(JSON.stringify(results, null, 2) + '\n');
  return ok;
}
