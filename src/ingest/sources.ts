/**
 * Every kind of input a user has, read as a stream of raw articles: files and folders (.txt, .md, .html, .htm,
 * .jsonl, .pdf, .docx), http(s) URLs of articles, documents or RSS/Atom feeds, and standard input. Problems come out as failures naming the
 * input and what is wrong, and the other inputs go on.
 */
import { createReadStream, existsSync } from 'node:fs';
import { open, readdir, realpath, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { decodeBytes, DecodeError } from './encoding.js';
import { fetchUrl, FetchError, type FetchOptions } from './fetch.js';
import { looksLikeFeed, parseFeed, toDate } from './feed.js';
import { BINARY_EXT, binaryFormat, FormatError, readBinary, type BinaryFormat } from './formats/index.js';

export interface RawItem {
  /** What to call this input in messages: a path, `path:line 3`, a URL. */
  origin: string;
  kind: 'text' | 'html';
  content: string;
  title?: string | null;
  date?: string | null;
  url?: string | null;
  /** The outlet, when the input names it: a JSONL line's `source`, a feed's title. */
  source?: string | null;
  /** A file's real path: what a manifest is matched by. */
  file?: string;
  /** The origin to store, when it is not the one messages name (an uploaded file's own name). */
  storedOrigin?: string | null;
  /** A paged document's text (a PDF), page by page; `content` is then their concatenation. */
  pages?: string[];
}

export interface SourceFailure {
  origin: string;
  message: string;
}

export type SourceEvent = { item: RawItem } | { failure: SourceFailure };

export interface ReadOptions extends FetchOptions {
  /** Reads standard input for `-`. */
  stdin?: NodeJS.ReadableStream;
  /** Items read from one feed (`--max-items`); the rest are left, with a failure saying so. */
  maxItems?: number;
  /** Article files read from one folder walk; the rest are left, with a failure saying so. */
  maxFiles?: number;
}

export const DEFAULT_MAX_ITEMS = 500;
export const DEFAULT_MAX_FILES = 10_000;

/** A single article file larger than this is refused: it is not an article. JSONL files are streamed instead. */
export const MAX_ARTICLE_BYTES = 10 * 1024 * 1024;
/** PDF and Word files carry fonts and images beside their text: a larger file is still one report. */
export const MAX_DOCUMENT_FILE_BYTES = 50 * 1024 * 1024;
const TEXT_EXT = new Set(['.txt', '.md', '.markdown', '.text']);
const HTML_EXT = new Set(['.html', '.htm', '.xhtml']);
const JSONL_EXT = new Set(['.jsonl', '.ndjson']);

const fail = (origin: string, message: string): SourceEvent => ({ failure: { origin, message } });

export async function* readSources(inputs: string[], opts: ReadOptions = {}): AsyncGenerator<SourceEvent> {
  // Real paths of the files read in this run: a folder reached twice, a link to a file already read and a symlink
  // loop add nothing a second time.
  const seen = new Set<string>();
  for (const input of inputs) {
    const scheme = /^([a-z][a-z0-9+.-]+):/i.exec(input)?.[1];
    if (input === '-') yield* readStdin(opts.stdin ?? process.stdin);
    else if (/^https?:\/\//i.test(input)) yield* readUrl(input, opts);
    else if (scheme && (input.includes('://') || !existsSync(input))) {
      yield fail(shorten(input), `unsupported scheme ${scheme.toLowerCase()}: (only http and https URLs are fetched; files, folders and - are read)`);
    } else yield* readPath(input, true, seen, opts);
  }
}

/** An input as messages name it: a long `data:` URL is cut. */
const shorten = (s: string) => (s.length > 80 ? `${s.slice(0, 77)}…` : s);

const isArticleFile = (name: string) => {
  const ext = extname(name).toLowerCase();
  return TEXT_EXT.has(ext) || HTML_EXT.has(ext) || JSONL_EXT.has(ext) || BINARY_EXT.has(ext);
};

async function* readPath(path: string, explicit: boolean, seen: Set<string>, opts: ReadOptions): AsyncGenerator<SourceEvent> {
  let st;
  try {
    st = await stat(path);
  } catch (err) {
    yield fail(path, fsMessage(err));
    return;
  }
  if (st.isDirectory()) {
    yield* readFolder(path, seen, opts.maxFiles ?? DEFAULT_MAX_FILES);
    return;
  }
  if (!st.isFile()) {
    yield fail(path, 'is not a regular file');
    return;
  }
  const real = await realpath(path).catch(() => path);
  seen.add(real);
  yield* readFile(path, real, st.size, explicit);
}

/** One file: JSONL streamed line by line, anything else read whole (size-capped) and decoded. */
async function* readFile(path: string, real: string, size: number, explicit: boolean): AsyncGenerator<SourceEvent> {
  const ext = extname(path).toLowerCase();
  if (JSONL_EXT.has(ext)) {
    yield* readJsonl(path);
    return;
  }
  if (!TEXT_EXT.has(ext) && !HTML_EXT.has(ext) && explicit && ext) {
    // Unknown extensions are still tried as text when given by name; binary content is refused below.
  }
  if (size === 0) {
    yield fail(path, 'is empty');
    return;
  }
  const named = BINARY_EXT.get(ext);
  const cap = named ? MAX_DOCUMENT_FILE_BYTES : MAX_ARTICLE_BYTES;
  if (size > cap) {
    yield fail(path, named
      ? `is ${(size / 1048576).toFixed(1)} MB; a ${named === 'pdf' ? 'PDF' : 'Word'} file over ${cap / 1048576} MB is refused`
      : `is ${(size / 1048576).toFixed(1)} MB; a single article over ${cap / 1048576} MB is refused (give many articles as JSONL, which is streamed)`);
    return;
  }
  let buf: Buffer;
  try {
    const fh = await open(path, 'r');
    try {
      buf = await fh.readFile();
    } finally {
      await fh.close();
    }
  } catch (err) {
    yield fail(path, fsMessage(err));
    return;
  }
  const format = binaryFormat(buf, { ext });
  if (format) {
    yield await binaryItem(path, format, buf, { file: real });
    return;
  }
  let text: string;
  try {
    text = decodeBytes(buf).text;
  } catch (err) {
    yield fail(path, (err as Error).message);
    return;
  }
  if (!text.trim()) {
    yield fail(path, 'has no text (only whitespace)');
    return;
  }
  const kind = HTML_EXT.has(ext) || (!TEXT_EXT.has(ext) && looksLikeHtml(text)) ? 'html' : 'text';
  yield { item: { origin: path, kind, content: text, file: real } };
}

/**
 * A folder, recursively, in name order: article files only (.txt, .md, .html, .jsonl and their kin), hidden
 * entries and node_modules skipped. Each real folder is entered once and each real file read once, so symlink
 * loops end and repeated links add nothing; at most `maxFiles` files are read. A folder that yields no article
 * file at all is a failure that says so.
 */
async function* readFolder(root: string, seen: Set<string>, maxFiles: number): AsyncGenerator<SourceEvent> {
  const entered = new Set<string>();
  let entries = 0;
  let read = 0;
  let repeated = 0;
  let capped = false;
  async function* walk(dir: string): AsyncGenerator<SourceEvent> {
    const real = await realpath(dir).catch(() => null);
    if (!real || entered.has(real)) return;
    entered.add(real);
    let names: string[];
    try {
      names = (await readdir(dir)).sort();
    } catch (err) {
      yield fail(dir, fsMessage(err));
      return;
    }
    for (const name of names) {
      if (capped) return;
      entries++;
      if (name.startsWith('.') || name === 'node_modules') continue;
      const full = join(dir, name);
      let st;
      try {
        st = await stat(full);
      } catch (err) {
        // A dangling link or a link loop where an article should be: say so; anything else is not ours.
        if (isArticleFile(name)) yield fail(full, fsMessage(err));
        continue;
      }
      if (st.isDirectory()) {
        yield* walk(full);
        continue;
      }
      if (!st.isFile() || !isArticleFile(name)) continue;
      const file = await realpath(full).catch(() => full);
      if (seen.has(file)) {
        repeated++;
        continue;
      }
      if (read >= maxFiles) {
        capped = true;
        return;
      }
      seen.add(file);
      read++;
      yield* readFile(full, file, st.size, false);
    }
  }
  yield* walk(root);
  if (capped) yield fail(root, `has more than ${maxFiles} article files; the first ${maxFiles} were read (give its subfolders one by one)`);
  else if (!read && !repeated) {
    yield fail(root, entries ? 'has no article files (.txt, .md, .html, .htm, .jsonl, .pdf, .docx)' : 'is an empty folder');
  }
}

async function* readJsonl(path: string): AsyncGenerator<SourceEvent> {
  const stream = createReadStream(path, { encoding: 'utf8' });
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let n = 0;
  try {
    for await (const line of lines) {
      n++;
      if (!line.trim()) continue;
      const origin = `${path}: line ${n}`;
      if (line.length > MAX_ARTICLE_BYTES) {
        yield fail(origin, `is over ${MAX_ARTICLE_BYTES / 1048576} MB; refused`);
        continue;
      }
      yield jsonlItem(line, origin);
    }
  } catch (err) {
    yield fail(path, fsMessage(err));
  }
}

/**
 * One JSONL line: `text`, `html` or `pages` (a paged document's text, a list of strings, page 1 first), optional
 * `title`, `date`, `url`, `source` (the outlet) and `origin` (where the article was found, stored in place of the
 * line's own name).
 */
export function jsonlItem(line: string, origin: string): SourceEvent {
  let obj: Record<string, unknown>;
  try {
    obj = JSON.parse(line);
  } catch (err) {
    return fail(origin, `not valid JSON (${(err as Error).message.replace(/^.*?JSON[^:]*: ?/, '')})`);
  }
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return fail(origin, 'is not a JSON object');
  const str = (k: string) => (typeof obj[k] === 'string' && (obj[k] as string).trim() ? (obj[k] as string) : null);
  const html = str('html');
  const text = str('text');
  const pages = Array.isArray(obj.pages) && obj.pages.length && obj.pages.every((p) => typeof p === 'string') ? obj.pages as string[] : null;
  if (obj.pages !== undefined && !pages) return fail(origin, 'has a "pages" field that is not a list of strings');
  if (!html && !text && !pages?.some((p) => p.trim())) return fail(origin, 'has neither a "text" nor an "html" field');
  const rawDate = str('date');
  const date = toDate(rawDate);
  if (rawDate && !date) return fail(origin, `has a "date" that is not a day of the calendar: ${JSON.stringify(rawDate.slice(0, 100))}`);
  return {
    item: {
      origin, kind: text || pages ? 'text' : 'html', content: text ?? pages?.join('\n\n') ?? html!, title: str('title'), date,
      ...(pages && !text ? { pages } : {}),
      url: str('url'), source: str('source'), storedOrigin: str('origin'),
    },
  };
}

async function* readStdin(stream: NodeJS.ReadableStream): AsyncGenerator<SourceEvent> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    chunks.push(Buffer.from(chunk as Buffer));
    if (size > 256 * 1024 * 1024) {
      yield fail('stdin', 'is over 256 MB; give large collections as a JSONL file');
      return;
    }
  }
  let text: string;
  try {
    text = decodeBytes(Buffer.concat(chunks)).text;
  } catch (err) {
    yield fail('stdin', (err as Error).message);
    return;
  }
  if (!text.trim()) {
    yield fail('stdin', 'is empty');
    return;
  }
  const lines = text.split('\n').filter((l) => l.trim());
  if (lines.every((l) => l.trimStart().startsWith('{'))) {
    for (let i = 0; i < lines.length; i++) yield jsonlItem(lines[i]!, `stdin: line ${i + 1}`);
    return;
  }
  yield { item: { origin: 'stdin', kind: looksLikeHtml(text) ? 'html' : 'text', content: text } };
}

async function* readUrl(url: string, opts: ReadOptions): AsyncGenerator<SourceEvent> {
  let page;
  try {
    page = await fetchUrl(url, opts);
  } catch (err) {
    yield fail(url, err instanceof FetchError ? err.message : `could not be fetched: ${(err as Error).message}`);
    return;
  }
  const format = binaryFormat(page.body, { contentType: page.contentType, ext: extname(new URL(page.url).pathname) });
  if (format) {
    yield await binaryItem(url, format, page.body, { url: page.url });
    return;
  }
  let text: string;
  try {
    text = decodeBytes(page.body).text;
  } catch (err) {
    yield fail(url, err instanceof DecodeError ? err.message : String(err));
    return;
  }
  if (looksLikeFeed(page.contentType, text)) {
    let items;
    try {
      items = parseFeed(text);
    } catch (err) {
      yield fail(url, (err as Error).message);
      return;
    }
    if (!items.length) yield fail(url, 'is a feed with no items');
    const maxItems = opts.maxItems ?? DEFAULT_MAX_ITEMS;
    if (items.length > maxItems) {
      yield fail(url, `is a feed of ${items.length} items; only the first ${maxItems} are read (--max-items)`);
      items = items.slice(0, maxItems);
    }
    for (const it of items) {
      const origin = it.link ?? `${url} (item "${it.title ?? '?'}")`;
      if (it.link) {
        try {
          const article = await fetchUrl(new URL(it.link, page.url).href, opts);
          // An item may link a report as a PDF or a Word file rather than a page.
          const format = binaryFormat(article.body, { contentType: article.contentType, ext: extname(new URL(article.url).pathname) });
          yield format
            ? await binaryItem(origin, format, article.body, { title: it.title, date: it.date, url: article.url, source: it.channel })
            : { item: { origin, kind: 'html', content: decodeBytes(article.body).text, title: it.title, date: it.date, url: article.url, source: it.channel } };
          continue;
        } catch (err) {
          if (!it.content) {
            yield fail(origin, (err as Error).message);
            continue;
          }
        }
      }
      if (it.content) yield { item: { origin, kind: 'html', content: it.content, title: it.title, date: it.date, url: it.link, source: it.channel } };
      else yield fail(origin, 'feed item has neither a link nor content');
    }
    return;
  }
  const kind = /html/i.test(page.contentType) || looksLikeHtml(text) ? 'html' : 'text';
  yield { item: { origin: url, kind, content: text, url: page.url } };
}

/** A PDF or Word file as an item: its text, a PDF's page by page; or the one line saying why it has none. */
async function binaryItem(origin: string, format: BinaryFormat, bytes: Uint8Array, extra: Partial<RawItem>): Promise<SourceEvent> {
  let pages: string[];
  try {
    pages = await readBinary(format, bytes);
  } catch (err) {
    if (err instanceof FormatError) return fail(origin, err.message);
    return fail(origin, `could not be read as ${format === 'pdf' ? 'a PDF' : 'a Word document'} (${(err as Error).message})`);
  }
  return { item: { origin, kind: 'text', content: pages.join('\n\n'), ...(format === 'pdf' ? { pages } : {}), ...extra } };
}

function looksLikeHtml(text: string): boolean {
  return /<(!doctype html|html|body|article|p|div)[\s>]/i.test(text.slice(0, 5000));
}

function fsMessage(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT': return 'no such file or folder';
    case 'EACCES': case 'EPERM': return 'cannot be read (permission denied)';
    case 'EISDIR': return 'is a folder';
    case 'ELOOP': return 'is a symbolic link loop';
    default: return `cannot be read (${code ?? (err as Error).message})`;
  }
}
