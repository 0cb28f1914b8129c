// "Add this page to the knowledge base": the article of the live page, read
// with Mozilla Readability on a clone of the document (the page itself is
// never changed), with its metadata: title, byline, site name, published date
// (article:published_time, JSON-LD datePublished, <time datetime>) and
// canonical URL. Only plain text leaves this module, to our own background.
import { Readability } from '@mozilla/readability';
import type { ArticleDraft } from '../shared/messages';
import { ARTICLE_MAX_CHARS } from '../shared/message-schemas';

/** Pages with more elements are not read: cloning and scoring them would freeze the tab. */
const MAX_ELEMENTS = 50_000;
/** JSON-LD scripts larger than this are not parsed for a date. */
const MAX_JSONLD_CHARS = 200_000;
const BLOCKS = 'h1,h2,h3,h4,h5,h6,p,li,blockquote,pre,td,dd,dt';
const OURS = 'claimlens-card, claimlens-note';
const MARK = 'claimlens-mark';

export type Extracted = { ok: true; draft: ArticleDraft } | { ok: false; message: string };

const attr = (doc: Document, selector: string, name: string): string | null => doc.querySelector(selector)?.getAttribute(name)?.trim() || null;

/** The first datePublished in JSON-LD blocks (objects, arrays and @graph lists). */
function jsonLdDate(doc: Document): string | null {
  const find = (v: unknown, depth: number): string | null => {
    if (depth > 6 || v === null || typeof v !== 'object') return null;
    if (Array.isArray(v)) {
      for (const x of v) {
        const d = find(x, depth + 1);
        if (d) return d;
      }
      return null;
    }
    const o = v as Record<string, unknown>;
    if (typeof o.datePublished === 'string') return o.datePublished;
    return find(o['@graph'], depth + 1);
  };
  for (const s of doc.querySelectorAll('script[type="application/ld+json"]')) {
    const text = s.textContent ?? '';
    if (text.length > MAX_JSONLD_CHARS) continue;
    try {
      const d = find(JSON.parse(text), 0);
      if (d) return d;
    } catch {
      // A page's broken JSON-LD is its own problem.
    }
  }
  return null;
}

function publishedDate(doc: Document): string | null {
  return (
    attr(doc, 'meta[property="article:published_time"], meta[name="article:published_time"]', 'content') ??
    jsonLdDate(doc) ??
    attr(doc, 'meta[itemprop="datePublished"]', 'content') ??
    attr(doc, 'article time[datetime], main time[datetime]', 'datetime') ??
    attr(doc, 'time[datetime]', 'datetime')
  );
}

function canonicalHref(doc: Document): string | null {
  const link = doc.querySelector<HTMLLinkElement>('link[rel~="canonical"][href]');
  return (link?.href || null) ?? attr(doc, 'meta[property="og:url"]', 'content');
}

/** The clone without Claimlens: our card and button out, our highlights unwrapped. */
function cleanClone(doc: Document): Document {
  const clone = doc.cloneNode(true) as Document;
  for (const el of clone.querySelectorAll(OURS)) el.remove();
  for (const m of clone.querySelectorAll(MARK)) m.replaceWith(...m.childNodes);
  clone.body?.normalize();
  return clone;
}

/** The article's text blocks, innermost first, cut at the length cap. */
function blocksOf(root: Node): { paragraphs: string[]; truncated: boolean } {
  const paragraphs: string[] = [];
  let total = 0;
  const el = root as Element;
  const all = typeof el.querySelectorAll === 'function' ? [...el.querySelectorAll(BLOCKS)] : [];
  for (const b of all) {
    if (b.querySelector(BLOCKS)) continue; // nested blocks are read once, at the innermost level
    const t = (b.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (!t) continue;
    if (total + t.length > ARTICLE_MAX_CHARS) return { paragraphs, truncated: true };
    paragraphs.push(t);
    total += t.length;
  }
  if (paragraphs.length === 0) {
    const t = (root.textContent ?? '').replace(/[ \t]+/g, ' ').trim().slice(0, ARTICLE_MAX_CHARS);
    paragraphs.push(...t.split(/\n\s*\n?/).map((x) => x.trim()).filter(Boolean));
  }
  return { paragraphs, truncated: false };
}

export function extractArticle(doc: Document, href: string): Extracted {
  const size = doc.getElementsByTagName('*').length;
  if (size > MAX_ELEMENTS) return { ok: false, message: `This page is too large to read as an article (${size.toLocaleString()} elements): nothing was added.` };
  const published = publishedDate(doc);
  const canonical = canonicalHref(doc);
  let article: ReturnType<Readability<Node>['parse']>;
  try {
    article = new Readability<Node>(cleanClone(doc), { charThreshold: 200, maxElemsToParse: MAX_ELEMENTS, serializer: (n) => n }).parse();
  } catch {
    return { ok: false, message: 'This page could not be read as an article: nothing was added.' };
  }
  if (!article?.content) return { ok: false, message: 'No article found on this page: nothing was added.' };
  const { paragraphs, truncated } = blocksOf(article.content);
  if (paragraphs.join(' ').length < 200) return { ok: false, message: 'No article found on this page (too little text): nothing was added.' };
  const title = (article.title || doc.title || '').replace(/\s+/g, ' ').trim().slice(0, 1_000);
  // Readability's title comes first in our text; a headline repeating it inside the body is dropped.
  if (paragraphs[0] && paragraphs[0].toLowerCase() === title.toLowerCase()) paragraphs.shift();
  const clip = (s: string | null | undefined, n: number): string | null => (s ? s.replace(/\s+/g, ' ').trim().slice(0, n) || null : null);
  return {
    ok: true,
    draft: {
      url: href,
      canonicalUrl: clip(canonical, 4_000),
      title,
      byline: clip(article.byline ?? attr(doc, 'meta[name="author"]', 'content'), 1_000),
      siteName: clip(article.siteName ?? attr(doc, 'meta[property="og:site_name"]', 'content'), 1_000),
      published: clip(published ?? article.publishedTime, 200),
      lang: clip(article.lang ?? doc.documentElement.lang, 50),
      paragraphs,
      truncated,
    },
  };
}
