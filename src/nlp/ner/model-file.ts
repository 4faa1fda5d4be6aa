/**
 * The NER model file: gzip of a magic line, a JSON header (metadata, labels, the gazetteer's phrases) and one
 * weight table as little-endian typed arrays (keys in row order; the hash slots are rebuilt on load by
 * WeightTable, as for the syntax model).
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import type { WeightTableData } from '../syntax/weights.js';

const MAGIC = 'DOSSIER-NER 1\n';

export interface NerHeader {
  meta: Record<string, unknown>;
  labels: string[];
  /** Gazetteer phrases (lower case) and their kind bits, in key order. */
  gazetteer: [string, number][];
}

export function encodeNerModel(header: NerHeader, table: WeightTableData): Buffer {
  const nRows = table.rowKeys.length;
  const json = Buffer.from(JSON.stringify({ ...header, nClasses: table.nClasses, nRows, nnz: table.cls.length }), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32LE(json.length);
  const arrays = [table.rowKeys, table.rowStart, table.weight, table.cls].map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength));
  return gzipSync(Buffer.concat([Buffer.from(MAGIC, 'latin1'), len, json, ...arrays]), { level: 9 });
}

export function decodeNerModel(file: Buffer, name: string): { header: NerHeader; table: WeightTableData } {
  let body: Buffer;
  try {
    body = gunzipSync(file);
  } catch {
    throw new Error(`${name}: not a name-tagger model (not gzip)`);
  }
  if (body.toString('latin1', 0, MAGIC.length) !== MAGIC) throw new Error(`${name}: not a name-tagger model of this version`);
  const len = body.readUInt32LE(MAGIC.length);
  let at = MAGIC.length + 4;
  const parsed = JSON.parse(body.toString('utf8', at, at + len)) as NerHeader & { nClasses: number; nRows: number; nnz: number };
  at += len;
  // One aligned copy of the arrays (the JSON before them has any length).
  const take = (bytes: number): ArrayBuffer => {
    const out = new ArrayBuffer(bytes);
    new Uint8Array(out).set(body.subarray(at, at + bytes));
    at += bytes;
    return out;
  };
  const rowKeys = new Uint32Array(take(4 * parsed.nRows));
  const rowStart = new Uint32Array(take(4 * (parsed.nRows + 1)));
  const weight = new Float32Array(take(4 * parsed.nnz));
  const cls = new Uint16Array(take(2 * parsed.nnz));
  if (at !== body.length) throw new Error(`${name}: not a name-tagger model of this version (size)`);
  const { nClasses, nRows: _r, nnz: _z, ...header } = parsed;
  return { header, table: { nClasses, rowKeys, rowStart, cls, weight } };
}
