/**
 * Bytes to text. UTF-8 first (BOMs honoured); otherwise the region's legacy encodings — Windows-1250 and
 * ISO-8859-2 (Latin script: Serbian, Bosnian, Croatian, Albanian) and Windows-1251 (Cyrillic) — chosen by which
 * decoding yields the most plausible letters. Binary data is refused.
 */
import iconv from 'iconv-lite';

export class DecodeError extends Error {}

const LEGACY = ['windows-1251', 'windows-1250', 'iso-8859-2'] as const;
// Letters that legacy-encoded text of the region is made of; a wrong guess turns them into symbols.
const PLAUSIBLE = /[a-zA-Z\s.,;:!?'"()\-0-9čćžšđČĆŽŠĐëçÇËäöüÄÖÜáéíóúýőűłńśźżęąÁÉÍÓÚ\u0400-\u045f]/g;

export function looksBinary(buf: Buffer): boolean {
  const n = Math.min(buf.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return n > 0 && control / n > 0.02;
}

export interface Decoded {
  text: string;
  encoding: string;
}

export function decodeBytes(buf: Buffer): Decoded {
  // A byte-order mark first: UTF-16 text is full of zero bytes, which the binary check would take for binary.
  if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)) {
    const le = buf[0] === 0xff;
    const text = iconv.decode(buf.subarray(2), le ? 'utf-16le' : 'utf-16be');
    // What decodes to control characters was binary data behind two lucky bytes.
    if (looksBinary(Buffer.from(text.slice(0, 8192), 'utf8'))) throw new DecodeError(`starts with a UTF-16${le ? 'LE' : 'BE'} byte-order mark but does not decode to text`);
    return { text, encoding: le ? 'utf-16le' : 'utf-16be' };
  }
  if (looksBinary(buf)) throw new DecodeError('looks like a binary file, not text');
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { text: buf.subarray(3).toString('utf8'), encoding: 'utf-8' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'utf-8' };
  } catch {
    // not UTF-8: try the region's legacy encodings
  }
  let best: Decoded | null = null;
  let bestScore = -1;
  for (const enc of LEGACY) {
    const text = iconv.decode(buf, enc);
    const sample = text.slice(0, 20000);
    const score = (sample.match(PLAUSIBLE)?.length ?? 0) / Math.max(1, sample.length) + cyrillicBonus(sample, enc);
    if (score > bestScore) {
      bestScore = score;
      best = { text, encoding: enc };
    }
  }
  if (!best || bestScore < 0.9) throw new DecodeError('is not UTF-8 and does not decode as Windows-1250/1251 or ISO-8859-2');
  return best;
}

// Windows-1251 decodes any high byte to a Cyrillic letter, so it would always look plausible; only prefer it when
// the result has whole Cyrillic words rather than Cyrillic letters stuck inside Latin words.
function cyrillicBonus(text: string, enc: string): number {
  if (enc !== 'windows-1251') return 0;
  const mixed = text.match(/[a-zA-Z][\u0400-\u045f]|[\u0400-\u045f][a-zA-Z]/g)?.length ?? 0;
  const cyr = text.match(/[\u0400-\u045f]{3,}/g)?.length ?? 0;
  return mixed > cyr / 4 ? -1 : 0;
}
