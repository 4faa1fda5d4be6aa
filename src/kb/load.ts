/**
 * Loads a knowledge base from YAML files (format: docs/kb-format.md). The bundled theatre lives in `kb/`; a user
 * adds theirs with `--kb DIR`, whose entries extend the bundled ones (an entry with an existing id replaces it).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { ENTITY_TYPES, type KbEntry, type KbOffice, type KnowledgeBase } from '../model/types.js';

export const BUNDLED_KB_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../kb');

export class KbError extends Error {}

/** Reads every `.yaml`/`.yml` file under each directory, in order; later entries override earlier ones by id. */
export function loadKnowledgeBase(dirs: string[] = [BUNDLED_KB_DIR]): KnowledgeBase {
  const byId = new Map<string, KbEntry>();
  const offices = new Map<string, KbOffice>();
  for (const dir of dirs) {
    for (const file of yamlFiles(dir)) {
      let data: unknown;
      try {
        data = parse(readFileSync(file, 'utf8'));
      } catch (err) {
        throw new KbError(`${file}: not valid YAML: ${(err as Error).message.split('\n')[0]}`);
      }
      if (data == null) continue;
      if (typeof data !== 'object' || Array.isArray(data)) {
        throw new KbError(`${file}: expected a mapping with "entries" and/or "offices"`);
      }
      const { entries = [], offices: officeList = [] } = data as { entries?: unknown[]; offices?: unknown[] };
      entries.forEach((raw, n) => {
        const entry = checkEntry(raw, `${file}: entry ${n + 1}`);
        byId.set(entry.id, entry);
      });
      for (const raw of officeList as KbOffice[]) offices.set(raw.id, { id: raw.id, names: raw.names ?? [] });
    }
  }
  return frozenKnowledgeBase([...byId.values()], [...offices.values()]);
}

/**
 * A knowledge base nobody can change: every entry and office frozen to the leaves, the lists frozen, and an id index
 * that refuses writes. One KB serves every document of a process (and the per-KB indexes the extractors build on
 * first use assume it stays as it was), so an extractor that wrote to it would carry one document into the next;
 * frozen, such a write throws instead.
 */
export function frozenKnowledgeBase(entries: KbEntry[], offices: KbOffice[]): KnowledgeBase {
  for (const e of entries) deepFreeze(e);
  for (const o of offices) deepFreeze(o);
  return Object.freeze({
    entries: Object.freeze(entries) as KbEntry[],
    offices: Object.freeze(offices) as KbOffice[],
    byId: new ReadonlyIndex(entries.map((e) => [e.id, e] as const)),
  });
}

function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const v of Object.values(value)) deepFreeze(v);
}

/** A Map filled once: `set`, `delete` and `clear` throw. */
class ReadonlyIndex<K, V> extends Map<K, V> {
  constructor(entries: Iterable<readonly [K, V]>) {
    super();
    for (const [k, v] of entries) super.set(k, v);
    Object.freeze(this);
  }

  override set(): this {
    throw new TypeError('the knowledge base is read-only');
  }

  override delete(): boolean {
    throw new TypeError('the knowledge base is read-only');
  }

  override clear(): void {
    throw new TypeError('the knowledge base is read-only');
  }
}

function yamlFiles(dir: string): string[] {
  let st;
  try {
    st = statSync(dir);
  } catch {
    throw new KbError(`${dir}: knowledge-base folder not found`);
  }
  if (!st.isDirectory()) return [dir];
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => join(dir, f));
}

const TYPES = new Set<string>(ENTITY_TYPES);

function checkEntry(raw: unknown, where: string): KbEntry {
  if (!raw || typeof raw !== 'object') throw new KbError(`${where}: not a mapping`);
  const e = raw as Partial<KbEntry>;
  if (!e.id || typeof e.id !== 'string') throw new KbError(`${where}: missing "id"`);
  if (!e.name || typeof e.name !== 'string') throw new KbError(`${where} (${e.id}): missing "name"`);
  if (!e.type || !TYPES.has(e.type)) {
    throw new KbError(`${where} (${e.id}): "type" must be one of ${ENTITY_TYPES.join(', ')}`);
  }
  if (e.wikidata !== undefined && !/^Q\d+$/.test(String(e.wikidata))) {
    throw new KbError(`${where} (${e.id}): "wikidata" must look like Q123`);
  }
  if (e.sites !== undefined && (!Array.isArray(e.sites) || e.sites.some((h) => typeof h !== 'string' || !/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(h)))) {
    throw new KbError(`${where} (${e.id}): "sites" must be a list of host names in lower case (aljazeera.com)`);
  }
  return { ...e, aliases: (e.aliases ?? []).map(String) } as KbEntry;
}

let bundled: KnowledgeBase | null = null;

/** The bundled theatre plus any user folders, loaded once per process. */
export function defaultKnowledgeBase(extraDirs: string[] = []): KnowledgeBase {
  if (extraDirs.length) return loadKnowledgeBase([BUNDLED_KB_DIR, ...extraDirs]);
  bundled ??= loadKnowledgeBase([BUNDLED_KB_DIR]);
  return bundled;
}

/** A knowledge base with nothing in it: for steps that do not read one (times) and for tests. */
export function emptyKnowledgeBase(): KnowledgeBase {
  return { entries: [], offices: [], byId: new Map() };
}
