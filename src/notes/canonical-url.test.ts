import { describe, expect, it } from 'vitest';
import { canonicalUrl, isTrackingParam } from './canonical-url';

describe('canonicalUrl', () => {
  it('strips tracking parameters and the fragment, keeps real ones', () => {
    expect(
      canonicalUrl('https://news.example.com/a/story?utm_source=tw&id=7&fbclid=xyz&UTM_Medium=social#comments'),
    ).toBe('https://news.example.com/a/story?id=7');
  });

  it('drops the bare "?" when only tracking params were present', () => {
    expect(canonicalUrl('https://example.com/story?gclid=1&_ga=2&mc_cid=3&mc_eid=4')).toBe('https://example.com/story');
  });

  it('sorts remaining params so order does not split an article', () => {
    const a = canonicalUrl('https://example.com/s?page=2&id=1');
    const b = canonicalUrl('https://example.com/s?id=1&utm_campaign=x&page=2');
    expect(a).toBe('https://example.com/s?id=1&page=2');
    expect(b).toBe(a);
  });

  it('keeps repeated keys in their original relative order', () => {
    expect(canonicalUrl('https://example.com/s?t=b&a=1&t=a')).toBe('https://example.com/s?a=1&t=b&t=a');
  });

  it('lower-cases the host, drops default port and credentials, keeps path case', () => {
    expect(canonicalUrl('HTTPS://user:pw@News.Example.COM:443/World/Story')).toBe('https://news.example.com/World/Story');
  });

  it('prefers the canonical link, resolved against the page', () => {
    expect(canonicalUrl('https://m.example.com/amp/story-1?utm_source=x', '/news/story-1')).toBe(
      'https://m.example.com/news/story-1',
    );
    expect(canonicalUrl('https://amp.example.net/s/1', 'https://www.example.com/news/story-1#top')).toBe(
      'https://www.example.com/news/story-1',
    );
  });

  it('cleans tracking params from the canonical link too', () => {
    expect(canonicalUrl('https://a.com/x', 'https://a.com/x?utm_source=rss')).toBe('https://a.com/x');
  });

  it('ignores non-http(s) or unparsable canonical links', () => {
    expect(canonicalUrl('https://a.com/story', 'javascript:alert(1)')).toBe('https://a.com/story');
    expect(canonicalUrl('https://a.com/story', 'http://[bad')).toBe('https://a.com/story');
    expect(canonicalUrl('https://a.com/story', '   ')).toBe('https://a.com/story');
    expect(canonicalUrl('https://a.com/story', null)).toBe('https://a.com/story');
  });

  it('ignores a canonical link pointing at the site root from an article', () => {
    expect(canonicalUrl('https://a.com/2026/story', 'https://a.com/')).toBe('https://a.com/2026/story');
    // …but a home page may name itself.
    expect(canonicalUrl('https://a.com/?utm_source=x', 'https://a.com/')).toBe('https://a.com/');
  });

  it('returns unparsable page URLs unchanged', () => {
    expect(canonicalUrl('not a url')).toBe('not a url');
  });

  it('recognises tracking params by name and prefix', () => {
    for (const p of ['utm_source', 'utm_whatever', 'fbclid', 'GCLID', 'dclid', 'msclkid', 'igshid', 'ref_src', '_ga', 'yclid']) {
      expect(isTrackingParam(p)).toBe(true);
    }
    for (const p of ['id', 'page', 'ref', 'q', 'article']) expect(isTrackingParam(p)).toBe(false);
  });
});
