// Turns raw documents (.txt, .md, .html) into clean article text plus
// metadata. Pure: bytes in, IngestedDoc out; file reading lives in src/cli,
// HTML parsing is passed in (HtmlArticleExtractor, see src/html/).

import { cleanParagraphs, isChromeLine, looksLikeHeadline } from './boilerplate';
import { dateline, readHeaderLines, readMetaLines, type TextMeta } from './doc-meta';
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

type Meta = TextMeta;

function clip(s: string, n: number): string {
  return s.length <= n ? s : s.slice(0, n - 1).replace(/\s+\S*$/, '') + '…';
}

const words = (p: string): number => p.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;

/** Assemble the document from raw paragraphs: clean, read metadata lines, pick a title, join. */
function assemble(file: string, format: DocFormat, rawParagraphs: string[], given: Meta): IngestedDoc {
  const cleaned = cleanParagraphs(rawParagraphs);
  if (!cleaned.paragraphs.length) {
    const eg = cleaned.dropped[0];
    throw new IngestError(file, eg
      ? `no article text found: only page chrome (${cleaned.dropped.length} line(s) such as "${clip(eg, 40)}")`
      : 'no article text found (the file has no text)');
  }
  const found = readMetaLines(cleaned.paragraphs);
  let paras = found.paragraphs;
  if (!paras.length) throw new IngestError(file, 'no article text found: only a byline or date line');
  // A title from the file's metadata, unless it is page chrome ("Connect with us").
  let title = given.title?.trim() && !isChromeLine(given.title.trim()) ? given.title.trim() : '';
  let headline = -1;
  if (title) {
    headline = paras.findIndex((p) => p.toLowerCase() === title.toLowerCase());
  } else {
    // A headline is a short line near the top; shorter "kicker" lines before it
    // (section names) are page furniture. A first line of two or three words
    // counts when nothing longer is there ("Report on Crabzilla").
    const firstProse = paras.findIndex((p) => p.split(/\s+/).length > 25);
    let idx = paras.slice(0, 4).findIndex((p) => looksLikeHeadline(p) && p.split(/\s+/).length >= 4);
    if (idx < 0 && paras.length > 1 && looksLikeHeadline(paras[0], 2) && words(paras[0]) >= 2) idx = 0;
    if (idx >= 0 && (firstProse < 0 || idx < firstProse)) {
      title = paras[idx];
      headline = idx;
      paras = paras.filter((p, i) => i >= idx || p.split(/\s+/).length > 3);
      headline = paras.indexOf(title);
    } else {
      // No headline: the first sentence, without its dateline ("OSLO, March 3 (Reuters) -").
      const d = dateline(paras[0]);
      const lead = d ? paras[0].slice(d.length) : paras[0];
      const first = splitSentences(lead)[0];
      title = clip((first ? first.text : lead).trim() || paras[0], 120);
    }
  }
  // Something to read besides the headline: a one-sentence brief is an article, a lone headline is not.
  const body = paras.filter((_, i) => i !== headline);
  if (!body.length) throw new IngestError(file, `no article text found: only a headline ("${clip(title, 60)}")`);
  if (body.reduce((n, p) => n + words(p), 0) < 3) {
    throw new IngestError(file, `no article text found: ${body.join(' ').length} character(s) and fewer than 3 words`);
  }
  const text = paras.join('\n\n');
  const meta: Meta = { ...found.meta };
  if (cleaned.author) meta.author ??= cleaned.author;
  for (const k of ['author', 'publisher', 'date', 'url'] as const) {
    const v = given[k]?.trim();
    if (v) meta[k] = v;
  }
  const doc: IngestedDoc = { id: contentId('d-', `${file}\u0000${text}`), file, format, title, text };
  if (meta.author) doc.author = meta.author.trim();
  if (meta.publisher) doc.publisher = meta.publisher.trim();
  if (meta.date) doc.date = meta.date.trim();
  if (meta.url) doc.url = meta.url.trim();
  return doc;
}

/**
 * Plain text: optional header lines at the top (`Title:`, `Author:`/`By:`,
 * `Publisher:`/`Source:`, `Date:`, `URL:`), then one paragraph per line. A
 * `Title:` becomes the first paragraph, as an HTML page's headline is.
 */
export function ingestText(file: string, content: string): IngestedDoc {
  const { meta, rest } = readHeaderLines(content.replace(/\r\n?/g, '\n').split('\n'));
  const firstLine = rest.find((l) => l.trim())?.trim() ?? '';
  const lines = meta.title && firstLine.toLowerCase() !== meta.title.toLowerCase() ? [meta.title, ...rest] : rest;
  return assemble(file, 'txt', lines, meta);
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

/** What an HTML extractor finds in a page: its article's text blocks and metadata. */
export interface HtmlArticle extends TextMeta {
  /** Text blocks of the article in reading order (headings, paragraphs, list items), whitespace collapsed. */
  blocks: string[];
}

/**
 * Finds the article in an HTML page, or returns null when there is none. HTML
 * parsing needs a DOM, which the pure core does not have: the host passes one
 * in (the CLI: src/html/readability.ts, Mozilla Readability over linkedom).
 * It may throw on markup it cannot parse; ingest reports that as the file's error.
 */
export type HtmlArticleExtractor = (html: string) => HtmlArticle | null;

export interface IngestOptions {
  /** How to read .html documents; without one, an .html file is refused with a message saying so. */
  html?: HtmlArticleExtractor;
}

/** HTML: the extractor's article blocks and metadata, then the same cleaning as text. */
export function ingestHtml(file: string, html: string, extract: HtmlArticleExtractor): IngestedDoc {
  let article: HtmlArticle | null;
  try {
    article = extract(html);
  } catch (e) {
    // Parsers can throw on malformed markup: report it as this file's problem.
    throw new IngestError(file, `could not parse the HTML (${e instanceof Error ? e.message : String(e)})`);
  }
  if (!article) throw new IngestError(file, 'no article found in HTML page');
  const { blocks: found, ...meta } = article;
  const blocks = [...found];
  // The extractor's title is the page's headline; the body should not repeat it.
  if (meta.title && blocks[0] && blocks[0].toLowerCase() === meta.title.toLowerCase()) blocks.shift();
  return assemble(file, 'html', meta.title ? [meta.title, ...blocks] : blocks, meta);
}

/** Ingest one document by its file name's extension. */
export function ingestDocument(file: string, bytes: Uint8Array, opts: IngestOptions = {}): IngestedDoc {
  const format = formatOf(file);
  if (!format) throw new IngestError(file, 'unsupported file type (expected .txt, .md or .html)');
  const text = decodeDocument(file, bytes);
  if (!text.trim()) throw new IngestError(file, 'empty file');
  if (format === 'html') {
    if (!opts.html) throw new IngestError(file, 'HTML needs an article extractor (ingestDocument(file, bytes, { html }))');
    return ingestHtml(file, text, opts.html);
  }
  if (format === 'md') return ingestMarkdown(file, text);
  return ingestText(file, text);
}
