/**
 * PDF text through unpdf (Mozilla's pdf.js, bundled for servers): the text layer, page by page, so that page
 * numbers survive as positions (see docs/formats.md), each page's lines joined back into paragraphs (reflow.ts). A PDF that cannot give text says why in one line: password-
 * protected, no text layer (scanned images), or not a readable PDF.
 */
import { getDocumentProxy } from 'unpdf';
import { FormatError } from './errors.js';
import { reflowPage, type PlacedText } from './reflow.js';

/** Pages read from one PDF: more is a book, not an article, and is refused rather than half read. */
export const MAX_PDF_PAGES = 2000;

/** Fewer letters than this on every page together: the PDF is images of pages, not text. */
const MIN_TEXT_CHARS = 20;

export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  let pdf;
  try {
    // verbosity 0: pdf.js would otherwise print its repair notes ("Indexing all PDF objects") to the console.
    // A copy: pdf.js takes the buffer over (it is detached afterwards), and the caller may still need it.
    pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0, isEvalSupported: false, stopAtErrors: false });
  } catch (err) {
    const name = (err as Error)?.name;
    if (name === 'PasswordException') throw new FormatError('is a password-protected PDF; save an unprotected copy to read it');
    throw new FormatError('is not a readable PDF (corrupt or truncated)');
  }
  try {
    if (pdf.numPages > MAX_PDF_PAGES) throw new FormatError(`is a PDF of ${pdf.numPages} pages; at most ${MAX_PDF_PAGES} are read (split it)`);
    const pages: string[] = [];
    try {
      for (let n = 1; n <= pdf.numPages; n++) {
        const page = await pdf.getPage(n);
        const content = await page.getTextContent();
        pages.push(reflowPage(content.items.filter((it): it is PlacedText & typeof it => 'str' in it)).replace(/\u0000/g, ''));
        page.cleanup();
      }
    } catch {
      throw new FormatError('is a PDF whose text cannot be read (corrupt page content)');
    }
    if (pages.join('').replace(/\s+/g, '').length < MIN_TEXT_CHARS) {
      throw new FormatError('is a PDF with no text layer (scanned images?); run it through OCR first');
    }
    return pages;
  } finally {
    await pdf.destroy().catch(() => {});
  }
}
