/**
 * Word (.docx) text through mammoth: paragraphs in reading order, without styles. A .docx is a zip; an encrypted
 * one, like a Word 97-2003 .doc, is an OLE compound file instead, which is said as such.
 */
import mammoth from 'mammoth';
import { FormatError } from './errors.js';

/** The OLE compound-file signature: .doc, .xls and password-protected .docx files all begin with it. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export async function docxText(bytes: Uint8Array): Promise<string> {
  if (OLE.every((b, i) => bytes[i] === b)) {
    throw new FormatError('is a password-protected Word file or an old Word 97-2003 .doc; save it as an unprotected .docx');
  }
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new FormatError('is not a readable Word document (a .docx is a zip archive; this is not one)');
  let value: string;
  try {
    ({ value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }));
  } catch {
    throw new FormatError('is not a readable Word document (corrupt, or a zip without word/document.xml)');
  }
  // mammoth ends every paragraph with a blank line; the cleaner reads blocks by lines, so one break is enough.
  const text = value.replace(/\r\n?/g, '\n').replace(/\n{2,}/g, '\n').trim();
  if (!text) throw new FormatError('is a Word document with no text');
  return text;
}
