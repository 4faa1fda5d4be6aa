/**
 * Document files that are not text: which format a file or a fetched body is (by its name, its content type and
 * its first bytes), and its text, page by page where the format has pages.
 */
import { docxText } from './docx.js';
import { pdfPages } from './pdf.js';

export { FormatError } from './errors.js';

export type BinaryFormat = 'pdf' | 'docx';

export const BINARY_EXT: ReadonlyMap<string, BinaryFormat> = new Map([['.pdf', 'pdf'], ['.docx', 'docx']]);

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The format of a file or response, from its extension or content type, confirmed or found by its first bytes. */
export function binaryFormat(bytes: Uint8Array, hint: { ext?: string; contentType?: string } = {}): BinaryFormat | null {
  const byName = hint.ext ? BINARY_EXT.get(hint.ext.toLowerCase()) : undefined;
  const type = (hint.contentType ?? '').toLowerCase();
  if (byName) return byName;
  if (type.includes('application/pdf')) return 'pdf';
  if (type.includes(DOCX_TYPE)) return 'docx';
  // Sniffed: a PDF says so in its first bytes; a zip is only taken for Word when it is served or named as one.
  if (bytes.length > 4 && bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46 && bytes[4] === 0x2d) return 'pdf';
  return null;
}

/** The text of a document file: a PDF's pages, or a Word document as one page. Throws FormatError. */
export async function readBinary(format: BinaryFormat, bytes: Uint8Array): Promise<string[]> {
  return format === 'pdf' ? pdfPages(bytes) : [await docxText(bytes)];
}
