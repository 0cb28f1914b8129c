// A tiny static news site on 127.0.0.1 for the demo, the browser tests and the
// browser bench: corpus articles rendered as realistic pages, plus fixtures.
import { createServer, type Server } from 'node:http';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, basename, extname } from 'node:path';
import type { AddressInfo } from 'node:net';
import { ingestDocument } from '../src/kb/ingest';

export interface NewsServer {
  origin: string;
  /** Paths of the corpus articles, e.g. /news/000_x.html */
  articles: string[];
  /** Every request the server answered (path). */
  served: string[];
  close(): Promise<void>;
  /** Adds or replaces a page at runtime. */
  setPage(path: string, html: string): void;
}

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Wraps article paragraphs in the chrome of a typical news site. */
export function newsPage(title: string, paragraphs: string[], opts: { canonical?: string; extraHead?: string; extraBody?: string } = {}): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
${opts.canonical ? `<link rel="canonical" href="${escapeHtml(opts.canonical)}">` : ''}
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
  body { font: 18px/1.6 Georgia, 'Times New Roman', serif; margin: 0; color: #222; background: #fff; }
  header.site { background: #111; color: #eee; padding: 10px 24px; font: 15px system-ui, sans-serif; }
  header.site nav a { color: #ccc; margin-right: 14px; text-decoration: none; }
  main { max-width: 720px; margin: 24px auto; padding: 0 20px; }
  h1 { font-size: 34px; line-height: 1.2; }
  footer.site { border-top: 1px solid #ddd; padding: 16px 24px; color: #777; font: 13px system-ui, sans-serif; }
</style>${opts.extraHead ?? ''}</head>
<body>
<header class="site"><strong>The Daily Ledger</strong> <nav><a href="/">World</a><a href="/">Politics</a><a href="/">Opinion</a></nav></header>
<main><article>
<h1>${escapeHtml(title)}</h1>
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
</article></main>
<footer class="site">© The Daily Ledger · <a href="/">Privacy</a> · <a href="/">Contact us</a></footer>
${opts.extraBody ?? ''}
</body></html>`;
}

/**
 * Turns a corpus text file into a title and paragraphs. The title is the one the KB pipeline reads
 * (`ingestDocument`): a scraped file may open with site chrome ("Connect with us"), which is left out
 * with everything before the headline.
 */
export function corpusArticle(text: string, file = 'article.txt'): { title: string; paragraphs: string[] } {
  const lines = text.split(/\n/).map((l) => l.trim()).filter(Boolean);
  let read = '';
  try {
    read = ingestDocument(file, Buffer.from(text)).title;
  } catch {
    // Not an article the pipeline reads: the first line is the title.
  }
  // Only a headline that is a line of its own (not a title made from the first sentence) moves the start.
  const at = read ? lines.indexOf(read) : -1;
  return at >= 0 ? { title: read, paragraphs: lines.slice(at + 1) } : { title: lines[0] ?? 'Untitled', paragraphs: lines.slice(1) };
}

export async function startNewsServer(opts: { corpusDir?: string; pagesDir?: string } = {}): Promise<NewsServer> {
  const pages = new Map<string, string>();
  const articles: string[] = [];
  if (opts.corpusDir && existsSync(opts.corpusDir)) {
    for (const f of readdirSync(opts.corpusDir).sort()) {
      if (!/\.(txt|md)$/.test(f)) continue;
      const { title, paragraphs } = corpusArticle(readFileSync(join(opts.corpusDir, f), 'utf8'), f);
      const path = `/news/${basename(f, extname(f))}.html`;
      pages.set(path, newsPage(title, paragraphs));
      articles.push(path);
    }
  }
  if (opts.pagesDir && existsSync(opts.pagesDir)) {
    for (const f of readdirSync(opts.pagesDir)) {
      if (f.endsWith('.html')) pages.set(`/pages/${f}`, readFileSync(join(opts.pagesDir, f), 'utf8'));
    }
  }
  pages.set('/', `<!doctype html><title>The Daily Ledger</title><h1>The Daily Ledger</h1><ul>${articles.map((a) => `<li><a href="${a}">${a}</a></li>`).join('')}</ul>`);
  const served: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    served.push(req.url ?? '/');
    const html = pages.get(path);
    if (path === '/favicon.ico') {
      res.writeHead(204);
      res.end();
      return;
    }
    if (html === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    articles,
    served,
    setPage: (path, html) => void pages.set(path, html),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
