import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import cases from '../page/fixtures/parser-cases.json';
import { parseHtmlDocument, plainTextDocument } from './parse-html';
import { extractBlocks, pageText } from '../page/visible-text';

// Each case's `chromium` is the page text Debian Chromium gave for its HTML
// (recorded from the browser; e2e/cli-agreement.e2e.ts checks them live).
const CASES = cases as Record<string, { html: string; chromium: string }>;
const textOf = (doc: Document): string => pageText(extractBlocks(doc));

describe('parseHtmlDocument', () => {
  it('builds the tree Chromium builds on every tree-construction case', () => {
    for (const [name, c] of Object.entries(CASES)) expect(textOf(parseHtmlDocument(c.html)), name).toBe(c.chromium);
  });

  it('is needed: linkedom’s own parser disagrees with Chromium on most cases', () => {
    const agree = Object.values(CASES).filter((c) => textOf(parseHTML(c.html).document as unknown as Document) === c.chromium);
    expect(agree.length).toBeLessThan(Object.keys(CASES).length / 2);
  });

  it('never throws on garbage, and keeps a second <body> in the first', () => {
    for (const junk of ['', '\u0000\u0001', '<', '<<>>', '</p></p>', '<body><body><body>x', '<a "=1 <=2>t</a>', '<svg><p>x</svg>']) {
      expect(() => textOf(parseHtmlDocument(junk))).not.toThrow();
    }
    const doc = parseHtmlDocument('<body><p>one</p><body class="late"><p>two</p>');
    expect(doc.getElementsByTagName('body').length).toBe(1);
    expect(doc.body.getAttribute('class')).toBe('late');
  });

  it('does not overflow the stack on deep nesting', () => {
    const deep = `${'<div>'.repeat(20_000)}deep text${'</div>'.repeat(20_000)}`;
    expect(textOf(parseHtmlDocument(deep))).toBe('deep text');
  });
});

describe('plainTextDocument', () => {
  it('shows a text file as a browser shows text/plain: one <pre>, line breaks normalised', () => {
    const doc = plainTextDocument('\nfirst\r\nsecond\rthird');
    expect(doc.body.firstElementChild?.localName).toBe('pre');
    expect(textOf(doc)).toBe('\nfirst\nsecond\nthird');
  });
});
