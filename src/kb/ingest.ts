// Turns raw documents (.txt, .md, .html) into clean article text plus
// metadata. Pure: bytes in, IngestedDoc out; file reading lives in src/cli.

import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { cleanParagraphs, looksLikeHeadline } from './boilerplate';
import { contentId } from './hash';
import { splitSentences } from '../lang/sentences';

export type DocFormat = 'txt' | 'md' | 'html';

export interface IngestedDoc {
  id: string;
  /** Relative file name inside the corpus. */
  file: string;
  format: DocFormat;
  title: string;
  author?: string;
  publisher?: string;
  date?: string;
  url?: string;
  /** Clean article text; paragraphs separated by a blank line. */
  text: string;
}

export class IngestError extends Error {
  constructor(public readonly file: string, message: string) {
    super(`${file}: ${message}`);
    this.name = 'IngestError';
  }
}

/** Largest document accepted; news articles are a few hundred KB at most. */
export const MAX_DOC_BYTES = 5 * 1024 * 1024;
/** Fewer characters than this after cleaning means "no article here". */
export const MIN_ARTICLE_CHARS = 200;

export function formatOf(file: string): DocFormat | null {
  const m = /\.([a-z0-9]+)$/i.exec(file);
  const ext = m ? m[1].toLowerCase() : '';
  if (ext === 'txt' || ext === 'text') return 'txt';
  if (ext === 'md' || ext === 'markdown') return 'md';
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return 'html';
  return null;
}

/** Decode bytes as UTF-8, rejecting binaries, other encodings and oversized files. */
export function decodeDocument(file: string, bytes: Uint8Array): string {
  if (bytes.length > MAX_DOC_BYTES) {
    throw new IngestError(file, `too large (${(bytes.length / 1048576).toFixed(1)} MB > ${MAX_DOC_BYTES / 1048576} MB limit)`);
  }
  const probe = bytes.subarray(0, 8192);
  if (probe.includes(0)) throw new IngestError(file, 'binary file (contains NUL bytes)');
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    throw new IngestError(file, 'not valid UTF-8 text');
  }
}

interface Meta {
  title?: string;
  author?: string;
  publisher?: string;
  date?: string;
  url?: string;
}

function clip(s: string, n: number): string {
  return s.length <= n ? s : s.slice(0, n - 1).replace(/\s+\S*$/, '') + '…';
}

/** Assemble the document from raw paragraphs: clean, pick a title, join. */
function assemble(file: string, format: DocFormat, rawParagraphs: string[], meta: Meta): IngestedDoc {
  const cleaned = cleanParagraphs(rawParagraphs);
  let paras = cleaned.paragraphs;
  let title = meta.title?.trim() || '';
  if (!title) {
    // A headline is a short line near the top; shorter "kicker" lines before it
    // (section names) are page furniture.
    const idx = paras.slice(0, 4).findIndex((p) => looksLikeHeadline(p) && p.split(/\s+/).length >= 4);
    const firstProse = paras.findIndex((p) => p.split(/\s+/).length > 25);
    if (idx >= 0 && (firstProse < 0 || idx < firstProse)) {
      title = paras[idx];
      paras = paras.filter((p, i) => i >= idx || p.split(/\s+/).length > 3);
    } else if (paras.length) {
      const first = splitSentences(paras[0])[0];
      title = clip(first ? first.text : paras[0], 120);
    }
  }
  const text = paras.join('\n\n');
  if (text.replace(/\s+/g, ' ').length < MIN_ARTICLE_CHARS) {
    throw new IngestError(file, 'no article text found (page chrome only or too short)');
  }
  const author = meta.author?.trim() || cleaned.author;
  const doc: IngestedDoc = { id: contentId('d-', `${file}\u0000${text}`), file, format, title, text };
  if (author) doc.author = author;
  if (meta.publisher) doc.publisher = meta.publisher.trim();
  if (meta.date) doc.date = meta.date.trim();
  if (meta.url) doc.url = meta.url.trim();
  return doc;
}

export function ingestText(file: string, content: string): IngestedDoc {
  return assemble(file, 'txt', content.replace(/\r\n?/g, '\n').split('\n'), {});
}

/** Markdown: front matter for metadata, inline syntax reduced to its text. */
export function ingestMarkdown(file: string, content: string): IngestedDoc {
  let body = content.replace(/\r\n?/g, '\n');
  const meta: Meta = {};
  const fm = /^---\n([\s\S]*?)\n---\n/.exec(body);
  if (fm) {
    for (const line of fm[1].split('\n')) {
      const m = /^(title|author|publisher|source|date|url)\s*:\s*["']?(.*?)["']?\s*$/i.exec(line);
      if (!m) continue;
      const key = m[1].toLowerCase();
      if (key === 'source') meta.publisher = m[2];
      else meta[key as keyof Meta] = m[2];
    }
    body = body.slice(fm[0].length);
  }
  const lines = body.split('\n').map((l) => l
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+\.\s+)/, '')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|\W)[*_]([^*_]+)[*_](?=\W|$)/g, '$1$2')
    .replace(/`([^`]*)`/g, '$1'));
  if (!meta.title) {
    const h = /^#\s+(.+)$/m.exec(body);
    if (h) meta.title = h[1].trim();
  }
  return assemble(file, 'md', lines, meta);
}

const BLOCK_SELECTOR = 'h1,h2,h3,h4,h5,h6,p,li,blockquote,pre,td,dd,dt';

function metaContent(document: Document, selectors: string[]): string | undefined {
  for (const sel of selectors) {
    const el = document.querySelector(sel);
    const v = el?.getAttribute('content') ?? el?.getAttribute('datetime') ?? el?.getAttribute('href');
    if (v && v.trim()) return v.trim();
  }
  return undefined;
}

/** HTML: Mozilla Readability over linkedom extracts the article; metadata from meta tags. */
export function ingestHtml(file: string, html: string): IngestedDoc {
  try {
    return ingestHtmlUnsafe(file, html);
  } catch (e) {
    // Readability and linkedom can throw on malformed markup: report it as this file's problem.
    if (e instanceof IngestError) throw e;
    throw new IngestError(file, `could not parse the HTML (${e instanceof Error ? e.message : String(e)})`);
  }
}

function ingestHtmlUnsafe(file: string, html: string): IngestedDoc {
  // A fragment without <html> gives linkedom a document with no root element.
  const { document } = parseHTML(/<html[\s>]/i.test(html) ? html : `<!doctype html><html><body>${html}</body></html>`);
  const meta: Meta = {
    date: metaContent(document as unknown as Document, [
      'meta[property="article:published_time"]', 'meta[name="date"]', 'meta[name="pubdate"]',
      'meta[itemprop="datePublished"]', 'time[datetime]',
    ]),
    url: metaContent(document as unknown as Document, ['link[rel="canonical"]', 'meta[property="og:url"]']),
    author: metaContent(document as unknown as Document, ['meta[name="author"]', 'meta[property="article:author"]']),
    publisher: metaContent(document as unknown as Document, ['meta[property="og:site_name"]', 'meta[name="publisher"]']),
  };
  const article = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
  if (!article || !article.content) throw new IngestError(file, 'no article found in HTML page');
  meta.title = article.title ?? undefined;
  if (article.byline && !meta.author) meta.author = article.byline.replace(/^by\s+/i, '');
  if (article.siteName && !meta.publisher) meta.publisher = article.siteName;
  if (article.publishedTime && !meta.date) meta.date = article.publishedTime;
  const { document: body } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
  const blocks: string[] = [];
  for (const el of body.querySelectorAll(BLOCK_SELECTOR)) {
    // Nested blocks (p inside li/blockquote) are read once, at the innermost level.
    if (el.querySelector(BLOCK_SELECTOR)) continue;
    const t = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (t) blocks.push(t);
  }
  if (!blocks.length) blocks.push(...(article.textContent ?? '').split(/\n+/));
  // Readability's title is the page title; the headline inside the body should not repeat it.
  if (meta.title && blocks[0] && blocks[0].toLowerCase() === meta.title.toLowerCase()) blocks.shift();
  const doc = assemble(file, 'html', meta.title ? [meta.title, ...blocks] : blocks, meta);
  return doc;
}

/** Ingest one document by its file name's extension. */
export function ingestDocument(file: string, bytes: Uint8Array): IngestedDoc {
  const format = formatOf(file);
  if (!format) throw new IngestError(file, 'unsupported file type (expected .txt, .md or .html)');
  const text = decodeDocument(file, bytes);
  if (!text.trim()) throw new IngestError(file, 'empty file');
  if (format === 'html') return ingestHtml(file, text);
  if (format === 'md') return ingestMarkdown(file, text);
  return ingestText(file, text);
}
