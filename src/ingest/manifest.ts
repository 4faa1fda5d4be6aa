/**
 * `--manifest FILE`: what a collection's keeper knows about its documents and the text does not say. JSON, either
 * `{ "documents": [...] }` or a bare list; each document has `file` (relative to the manifest's folder), and
 * optionally `date` (YYYY-MM-DD), `source` (the outlet), `url` and `title`. Other fields are ignored (the seeds'
 * manifest has `topic`). Documents are matched to what is read by real path, so a manifest applies whether the
 * files are given one by one, as their folder, or not at all (then the manifest's files are what is read).
 */
import { readFile, realpath } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { isCalendarDate } from './calendar.js';

export interface ManifestEntry {
  /** The file as the manifest's folder resolves it. */
  path: string;
  date: string | null;
  source: string | null;
  url: string | null;
  title: string | null;
}

export interface Manifest {
  /** The manifest file, for messages. */
  file: string;
  entries: ManifestEntry[];
  /** Entries by the real path of their file (files that do not exist are left out: reading them says so). */
  byRealPath: Map<string, ManifestEntry>;
}

/** A manifest that cannot be used: the message names the file and, where it can, the document. */
export class ManifestError extends Error {}

export async function loadManifest(file: string): Promise<Manifest> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ManifestError(`${file}: ${code === 'ENOENT' ? 'no such manifest file' : code === 'EISDIR' ? 'is a folder, not a manifest file' : `cannot be read (${code})`}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (err) {
    throw new ManifestError(`${file}: not valid JSON (${(err as Error).message.replace(/^.*?JSON[^:]*: ?/, '')})`);
  }
  const list = Array.isArray(data) ? data : (data as { documents?: unknown })?.documents;
  if (!Array.isArray(list)) throw new ManifestError(`${file}: expected a list of documents, or an object with "documents": [...]`);
  const base = dirname(file);
  const entries: ManifestEntry[] = [];
  const byRealPath = new Map<string, ManifestEntry>();
  for (const [n, item] of list.entries()) {
    const where = `${file}: document ${n + 1}`;
    if (!item || typeof item !== 'object' || Array.isArray(item)) throw new ManifestError(`${where}: is not a JSON object`);
    const o = item as Record<string, unknown>;
    const text = (k: string) => {
      const v = o[k];
      if (v === undefined || v === null) return null;
      if (typeof v !== 'string') throw new ManifestError(`${where}: "${k}" must be text`);
      return v.trim() || null;
    };
    const name = text('file');
    if (!name) throw new ManifestError(`${where}: has no "file"`);
    const date = text('date');
    if (date && !(/^\d{4}-\d{2}-\d{2}$/.test(date) && isCalendarDate(date))) {
      throw new ManifestError(`${where} (${name}): "date" is not a day of the calendar as YYYY-MM-DD: ${JSON.stringify(date.slice(0, 40))}`);
    }
    const url = text('url');
    if (url && !/^https?:\/\//i.test(url)) throw new ManifestError(`${where} (${name}): "url" must be an http(s) URL`);
    const entry: ManifestEntry = { path: join(base, name), date, source: text('source'), url, title: text('title') };
    entries.push(entry);
    const real = await realpath(entry.path).catch(() => null);
    if (real) {
      if (byRealPath.has(real)) throw new ManifestError(`${where} (${name}): the file is listed twice`);
      byRealPath.set(real, entry);
    }
  }
  if (!entries.length) throw new ManifestError(`${file}: lists no documents`);
  return { file, entries, byRealPath };
}
