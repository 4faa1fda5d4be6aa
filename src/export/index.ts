/**
 * Every export format, by the name `dossier export --format NAME` takes. Each writes the whole store to a stream
 * and resolves when it has written the last byte it will (the caller ends the stream).
 */
import type { Queryable } from '../store/db.js';
import { exportDocuments } from '../service/documents.js';
import { writeEventsCsv, writeEventsJsonl } from './events.js';
import { writeGexf } from './gexf.js';
import { writeGraphml } from './graphml.js';
import { write, type Out } from './write.js';

export type ExportFormat = (db: Queryable, out: Out) => Promise<void>;

async function writeDocumentsJsonl(db: Queryable, out: Out): Promise<void> {
  for await (const d of exportDocuments(db)) await write(out, JSON.stringify(d) + '\n');
}

export const exportFormats: Record<string, ExportFormat> = {
  /** Every document with all its layers, one per line. */
  jsonl: writeDocumentsJsonl,
  /** One event report per line, PLOVER-style fields, with actor ids, Wikidata ids and the CAMEO root. */
  'events-jsonl': writeEventsJsonl,
  /** The same records as RFC 4180 CSV with a header row. */
  'events-csv': writeEventsCsv,
  /** The actor graph, dynamic (dated nodes and edges), for Gephi. */
  gexf: writeGexf,
  /** The actor graph as GraphML. */
  graphml: writeGraphml,
};
