/**
 * The document loop that `dossier extract` and `dossier parse` share: each argument read as one or more documents
 * (a file, a folder, JSONL, stdin), each cleaned into a Document. A bad input gets one line naming it and the
 * loop goes on; the result says whether every argument gave at least one document and none failed.
 */
import { toDocument, DocumentError, type DocumentOptions } from '../ingest/document.js';
import type { Document } from '../model/types.js';
import { readSources } from '../ingest/sources.js';

export async function eachDocument(files: string[], opts: DocumentOptions,
  use: (document: Document, origin: string, file: string) => void): Promise<boolean> {
  let ok = true;
  for (const file of files) {
    let produced = false;
    for await (const ev of readSources([file])) {
      if ('failure' in ev) {
        process.stderr.write(`dossier: ${ev.failure.origin}: ${ev.failure.message}\n`);
        ok = false;
        continue;
      }
      try {
        use(toDocument(ev.item, opts), ev.item.origin, file);
        produced = true;
      } catch (err) {
        process.stderr.write(`dossier: ${ev.item.origin}: ${err instanceof DocumentError ? err.message : (err as Error).message}\n`);
        ok = false;
      }
    }
    if (!produced) ok = false;
  }
  return ok;
}
