// The HTML article extractor for Node (the CLI, tests, benches): Mozilla
// Readability over a linkedom document. It lives outside the pure core
// (src/kb has no DOM): src/kb/ingest.ts takes any HtmlArticleExtractor, and
// this is the one the CLI passes.

import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { ingestDocument, type HtmlArticle, type HtmlArticleExtractor, type IngestedDoc } from '../kb/ingest';

const BLOCK_SELECTOR = 'h1,h2,h3,h4,h5,h6,p,li,blockquote,pre,td,dd,dt';

function metaContent(document: Document, selectors: string[]): string | undefined {
  for (const sel of selectors) {
    const el = document.querySelector(sel);
    const v = el?.getAttribute('content') ?? el?.getAttribute('datetime') ?? el?.getAttribute('href');
    if (v && v.trim()) return v.trim();
  }
  return undefined;
}

function parse(html: string): Document {
  // A fragment without <html> gives linkedom a document with no root element.
  const { document } = parseHTML(/<html[\s>]/i.test(html) ? html : `<!doctype html><html><body>${html}</body></html>`);
  return document as unknown as Document;
}

/** Block texts of an element, each read once at its innermost block level. */
function blocksOf(root: ParentNode): string[] {
  const blocks: string[] = [];
  for (const el of root.querySelectorAll(BLOCK_SELECTOR)) {
    // Nested blocks (p inside li/blockquote) are read once, at the innermost level.
    if (el.querySelector(BLOCK_SELECTOR)) continue;
    const t = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (t) blocks.push(t);
  }
  return blocks;
}

/** Readability over linkedom; metadata from meta tags, then from Readability's own findings. */
export const readabilityArticle: HtmlArticleExtractor = (html: string): HtmlArticle | null => {
  const document = parse(html);
  const meta: Omit<HtmlArticle, 'blocks'> = {
    date: metaContent(document, [
      'meta[property="article:published_time"]', 'meta[name="date"]', 'meta[name="pubdate"]',
      'meta[itemprop="datePublished"]', 'time[datetime]',
    ]),
    url: metaContent(document, ['link[rel="canonical"]', 'meta[property="og:url"]']),
    author: metaContent(document, ['meta[name="author"]', 'meta[property="article:author"]']),
    publisher: metaContent(document, ['meta[property="og:site_name"]', 'meta[name="publisher"]']),
  };
  // Readability relaxes its rules and retries below charThreshold, so a short
  // brief still comes back; it returns null only when it finds no content at all.
  const article = new Readability(document, { charThreshold: 200 }).parse();
  if (!article || !article.content) return null;
  const out: HtmlArticle = { ...meta, blocks: [] };
  for (const k of Object.keys(out) as Array<keyof HtmlArticle>) if (out[k] === undefined) delete out[k];
  if (article.title) out.title = article.title;
  if (article.byline && !out.author) out.author = article.byline.replace(/^by\s+/i, '');
  if (article.siteName && !out.publisher) out.publisher = article.siteName;
  if (article.publishedTime && !out.date) out.date = article.publishedTime;
  const body = parse(`<!doctype html><html><body>${article.content}</body></html>`);
  out.blocks = blocksOf(body);
  if (!out.blocks.length) out.blocks = (article.textContent ?? '').split(/\n+/);
  return out;
};

/** ingestDocument with the Readability extractor for .html files (what the CLI does). */
export function ingestFile(file: string, bytes: Uint8Array): IngestedDoc {
  return ingestDocument(file, bytes, { html: readabilityArticle });
}
