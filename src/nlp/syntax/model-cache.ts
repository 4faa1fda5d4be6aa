/**
 * The inflated model file, kept on disk for the next process. Inflating the 23 MB gzip of the syntax model is
 * more than half of its load (~150 of ~260 ms CPU); reading the 34 MB it inflates to takes a tenth of that. Every
 * `dossier` command that parses, and every worker of an ingest's analysis pool, loads the model afresh, so the
 * first process inflates and leaves the bytes in the cache folder and the others read them.
 *
 * A cached copy is named by the gzip file's size and its trailer (the CRC-32 and length of the inflated bytes,
 * which gzip records), so a retrained model never meets an old copy; one of the wrong length is ignored. Copies
 * are written to a file of their own and renamed into place, so a reader never sees one half-written. Any failure
 * to read or write the cache costs only the speed: the file is inflated as before.
 *
 * The folder: DOSSIER_CACHE, else $XDG_CACHE_HOME/dossier, else ~/.cache/dossier; DOSSIER_CACHE=off keeps nothing.
 */
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, join } from 'node:path';

/** The cache folder, or null when caching is off. */
export function modelCacheDir(env: NodeJS.ProcessEnv = process.env): string | null {
  const given = env.DOSSIER_CACHE;
  if (given !== undefined) return given === '' || given === 'off' ? null : given;
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'dossier');
}

/**
 * The inflated bytes of the gzip file at `path`: the cached copy when there is one, else `inflate` of the file's
 * bytes (then cached). `inflate` is the caller's own, so its checks and messages stay the same.
 */
export function inflatedFile(path: string, inflate: (file: Buffer) => Buffer, dir: string | null = modelCacheDir()): Buffer {
  if (!dir) return inflate(readFileSync(path));
  const id = fileId(path);
  if (!id) return inflate(readFileSync(path));
  const cached = join(dir, `${id.stem}-${id.key}.bin`);
  try {
    const body = readFileSync(cached);
    if (body.length % 2 ** 32 === id.length) return body;
  } catch {
    // Not there yet (or unreadable): inflate below.
  }
  const body = inflate(readFileSync(path));
  try {
    mkdirSync(dir, { recursive: true });
    const tmp = `${cached}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(tmp, body);
    renameSync(tmp, cached);
    // Copies of earlier versions of the same model are of no more use.
    for (const f of readdirSync(dir)) {
      if (f.startsWith(`${id.stem}-`) && f.endsWith('.bin') && join(dir, f) !== cached) rmSync(join(dir, f), { force: true });
    }
  } catch {
    // A read-only or full disk: the next process inflates again.
  }
  return body;
}

/** The file's name stem, its size and gzip trailer as a key, and the inflated length the trailer records. */
function fileId(path: string): { stem: string; key: string; length: number } | null {
  let fd: number | null = null;
  try {
    fd = openSync(path, 'r');
    const size = fstatSync(fd).size;
    if (size < 18) return null;
    const trailer = Buffer.alloc(8);
    if (readSync(fd, trailer, 0, 8, size - 8) !== 8) return null;
    const crc = trailer.readUInt32LE(0).toString(16).padStart(8, '0');
    return { stem: basename(path).replace(/\.gz$/, '').replace(/[^\w.-]/g, '_'), key: `${size}-${crc}`, length: trailer.readUInt32LE(4) };
  } catch {
    return null;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}
