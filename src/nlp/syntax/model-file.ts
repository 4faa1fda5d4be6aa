/**
 * The syntax model file: gzip of a magic line, a JSON header (metadata, tag and label sets, lexicon, table
 * sizes) and the weight tables as little-endian typed arrays. Keys are stored in row order and the hash slots
 * are rebuilt on load, which keeps the file a third smaller than storing the slots.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Lexicon } from './lexicon.js';
import { WeightTable, type WeightTableData } from './weights.js';

const MAGIC = 'DOSSIER-SYNTAX 1\n';

export interface ModelHeader {
  meta: Record<string, unknown>;
  /** Joint tags, "UPOS XPOS", indexed by class. */
  tags: string[];
  labels: string[];
  lexicon: Lexicon;
  /** Unambiguous frequent words: lower-cased form → joint tag. */
  tagDict: Record<string, string>;
  /** The tagger's lexicon (TagLexicon): lower-cased form → its ambiguity class ("ADJ JJ|VERB VBN"). */
  tagClasses?: Record<string, string>;
  /** The tagger's lexicon: lower-cased form → its verb readings in the event dictionary ("VBD"). */
  verbForms?: Record<string, string>;
}

export interface ModelTables {
  tagger: WeightTableData;
  /** The second tagging pass, which also reads the first pass's tags. */
  tagger2: WeightTableData;
  parser: WeightTableData;
  labeller: WeightTableData;
}

const TABLES = ['tagger', 'tagger2', 'parser', 'labeller'] as const;

interface TableHeader { nClasses: number; nRows: number; nnz: number }

export function encodeModel(header: ModelHeader, tables: ModelTables): Buffer {
  const sizes: Record<string, TableHeader> = {};
  const blobs: Buffer[] = [];
  for (const name of TABLES) {
    const t = tables[name];
    const nRows = t.rowStart.length - 1;
    sizes[name] = { nClasses: t.nClasses, nRows, nnz: t.cls.length };
    blobs.push(bytes(t.rowKeys), bytes(t.rowStart), bytes(t.weight), padded(bytes(t.cls)));
  }
  const json = Buffer.from(JSON.stringify({ ...header, sizes }), 'utf8');
  const head = Buffer.alloc(4);
  head.writeUInt32LE(json.length);
  const body = Buffer.concat([Buffer.from(MAGIC, 'latin1'), head, padded(json, MAGIC.length + 4), ...blobs]);
  return gzipSync(body, { level: 9 });
}

/** The model file's bytes inflated. */
export function inflateModel(file: Buffer, name: string): Buffer {
  try {
    // gzip ends with the inflated size (mod 2^32): inflating into one buffer of that size saves joining 16 kB
    // chunks, a copy of the whole 36 MB. The size is only a hint to zlib: a wrong one costs speed, not bytes.
    const hint = file.length >= 18 ? file.readUInt32LE(file.length - 4) : 0;
    return gunzipSync(file, hint >= 64 && hint <= 1 << 30 ? { chunkSize: hint + 1 } : {});
  } catch {
    throw new Error(`${name}: not a syntax model (not gzip)`);
  }
}

/** The model in a file, or in its bytes already inflated (`inflated`, model-cache.ts). */
export function decodeModel(file: Buffer | null, name: string, inflated?: Buffer): { header: ModelHeader; tables: Record<keyof ModelTables, WeightTable> } {
  const body = inflated ?? inflateModel(file ?? Buffer.alloc(0), name);
  if (body.toString('latin1', 0, MAGIC.length) !== MAGIC) throw new Error(`${name}: not a syntax model of this version`);
  const len = body.readUInt32LE(MAGIC.length);
  let at = MAGIC.length + 4;
  const parsed = JSON.parse(body.toString('utf8', at, at + len)) as ModelHeader & { sizes: Record<string, TableHeader> };
  at = align(at + len);
  // Typed arrays view the inflated bytes in place when they are 4-byte aligned (they are when zlib hands back a
  // buffer of its own); otherwise one aligned copy.
  let aligned: ArrayBuffer;
  let base = 0;
  if (body.byteOffset % 4 === 0) {
    aligned = body.buffer as ArrayBuffer;
    base = body.byteOffset;
  } else {
    aligned = new ArrayBuffer(body.length);
    new Uint8Array(aligned).set(body);
  }
  at += base;
  const view = <T>(Ctor: { new (b: ArrayBuffer, o: number, n: number): T; BYTES_PER_ELEMENT: number }, n: number): T => {
    const arr = new Ctor(aligned, at, n);
    at = base + align(at - base + n * Ctor.BYTES_PER_ELEMENT);
    return arr;
  };
  const tables = {} as Record<keyof ModelTables, WeightTable>;
  for (const t of TABLES) {
    const s = parsed.sizes[t];
    if (!s) throw new Error(`${name}: not a syntax model of this version (no ${t} table)`);
    const rowKeys = view(Uint32Array, s.nRows);
    const rowStart = view(Uint32Array, s.nRows + 1);
    const weight = view(Float32Array, s.nnz);
    const cls = view(Uint16Array, s.nnz);
    tables[t] = new WeightTable({ nClasses: s.nClasses, rowKeys, rowStart, cls, weight });
  }
  const { sizes: _sizes, ...header } = parsed;
  return { header, tables };
}

function align(n: number): number {
  return (n + 3) & ~3;
}

function bytes(a: ArrayBufferView): Buffer {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}

/** Pads to a multiple of four bytes, counting from `offset`. */
function padded(b: Buffer, offset = 0): Buffer {
  const extra = align(offset + b.length) - (offset + b.length);
  return extra ? Buffer.concat([b, Buffer.alloc(extra)]) : b;
}
