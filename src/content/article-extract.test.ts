// @vitest-environment jsdom
// Article extraction on real DOMs (jsdom): metadata from the places news
// sites put it, our own highlights never in the text, the length cap, and a
// page with no article said as such.
import { describe, expect, it } from 'vitest';
import { ARTICLE_MAX_CHARS } from '../shared/message-schemas';
import { extractArticle } from './article-extract';

const para = (i: number) => `Paragraph ${i}: the regulator said on Tuesday that the company had left a database of customer records open for months, and it would open an inquiry.`;

function page(head: string, body: string): Document {
  document.documentElement.innerHTML = `<head><title>Site title</title>${head}</head><body>${body}</body>`;
  return document;
}

const article = (n = 6, extra = '') => `<header><nav><a href="/">Home</a></nav></header><article><h1>Regulator Opens Inquiry</h1>${extra}${Array.from({ length: n }, (_, i) => `<p>${para(i)}</p>`).join('')}</article><footer>Contact us</footer>`;

describe('extractArticle', () => {
  it('reads the article and its metadata: canonical URL, site, byline, published date (meta first)', () => {
    const doc = page(
      `<link rel="canonical" href="https://news.example/inquiry"><meta property="og:site_name" content="Harbour Times"><meta name="author" content="Ana Ruiz"><meta property="article:published_time" content="2026-03-03T08:00:00Z">`,
      article(),
    );
    const r = extractArticle(doc, 'https://m.news.example/inquiry?utm_source=x');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.draft).toMatchObject({ canonicalUrl: 'https://news.example/inquiry', siteName: 'Harbour Times', published: '2026-03-03T08:00:00Z', truncated: false });
    expect(r.draft.byline).toMatch(/Ana Ruiz/);
    expect(r.draft.paragraphs.join(' ')).toContain(para(3));
    expect(r.draft.paragraphs.join(' ')).not.toMatch(/Contact us|Home/);
  });

  it('takes datePublished from JSON-LD (inside @graph), then <time datetime>', () => {
    const ld = `<script type="application/ld+json">{"@graph":[{"@type":"WebSite"},{"@type":"NewsArticle","datePublished":"2026-02-01T10:00:00Z"}]}</script>`;
    const r = extractArticle(page(ld, article()), 'https://news.example/a');
    expect(r.ok && r.draft.published).toBe('2026-02-01T10:00:00Z');
    const t = extractArticle(page('', article(6, '<time datetime="2026-01-05">5 Jan</time>')), 'https://news.example/a');
    expect(t.ok && t.draft.published).toBe('2026-01-05');
    const none = extractArticle(page('<script type="application/ld+json">{broken</script>', article()), 'https://news.example/a');
    expect(none.ok && none.draft.published).toBeNull();
  });

  it('never reads Claimlens’s own highlights or card, and leaves the page as it was', () => {
    const doc = page('', article(6));
    const p = doc.querySelector('article p')!;
    p.innerHTML = p.innerHTML.replace('regulator', '<claimlens-mark data-claimlens-kind="actor">regulator</claimlens-mark>');
    doc.body.insertAdjacentHTML('beforeend', '<claimlens-card>card text</claimlens-card>');
    const before = doc.body.innerHTML;
    const r = extractArticle(doc, 'https://news.example/a');
    expect(r.ok && r.draft.paragraphs.find((x) => x.startsWith('Paragraph 0'))).toBe(para(0));
    expect(r.ok && r.draft.paragraphs.join(' ')).not.toContain('card text');
    expect(doc.body.innerHTML).toBe(before);
  });

  it('cuts a huge article at the cap and says so', () => {
    const r = extractArticle(page('', article(2_000)), 'https://news.example/a');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.draft.truncated).toBe(true);
    expect(r.draft.paragraphs.join('').length).toBeLessThanOrEqual(ARTICLE_MAX_CHARS);
  });

  it('says so when there is no article', () => {
    const r = extractArticle(page('', '<nav><a href="/">Home</a> <a href="/x">World</a></nav><p>Hi.</p>'), 'https://news.example/');
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/No article/) });
  });
});
