import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { blockNodes } from './block-nodes';
import { parseHtmlDocument } from '../html/parse-html';
import { blockOffsets, blockText, extractBlocks, pageText, type TextBlock } from './visible-text';

/** Resolves every block to its nodes (as the highlighter does) and checks no text node serves two blocks. */
function expectDisjoint(blocks: TextBlock[]): void {
  const owner = new Map<Node, number>();
  // Resolve all first: resolving splits text nodes at span edges.
  const nodes = blocks.map((b) => blockNodes(b));
  nodes.forEach((ns, i) => {
    let text = '';
    for (const n of ns) {
      const texts: Node[] = n.nodeType === 3 ? [n] : [];
      if (n.nodeType === 1) {
        text += blockText(n as Element);
        const walk = (x: Node): void => x.childNodes.forEach((c) => (c.nodeType === 3 ? texts.push(c) : walk(c)));
        walk(n);
      } else text += n.nodeValue ?? '';
      for (const t of texts) {
        expect(owner.get(t), JSON.stringify(t.nodeValue)).toBeUndefined();
        owner.set(t, i);
      }
    }
    expect(text).toBe(blocks[i].text);
  });
}

const PAGE = `<html><head><title>T</title><style>p{}</style></head><body>
<header><nav><a href="/">Home</a></nav><div class="brand">The Daily</div></header>
<div class="promo">Subscribe now <span>cheap</span></div>
<main><article><header><h1>North Korea ships shells</h1></header>
<p>Pyongyang has <b>shipped</b>  artillery shells to Moscow.<script>var x=1</script></p>
<blockquote><p>Quote one.</p><p>Quote two.</p></blockquote>
<ul><li>Item <em>one</em></li><li>Item two<ul><li>nested</li></ul></li></ul>
<div>Loose text <p>para in div</p></div>
<p hidden>hidden para</p><p aria-hidden="true">aria hidden</p><div contenteditable="true">edit me</div>
<form><input value="x"><textarea>typed</textarea><button>Send</button></form>
<table><tr><td>cell a</td><td><p>cell p</p></td></tr></table>
<figure><img src=x><figcaption>Caption here</figcaption></figure>
<p class="gone">display none</p>
</article></main>
<aside>Related stuff</aside><footer>Copyright</footer>
</body></html>`;

describe('extractBlocks', () => {
  const { document } = parseHTML(PAGE);
  const blocks = extractBlocks(document, { isHidden: (el) => el.classList.contains('gone') });
  const texts = blocks.map((b) => b.text);

  it('keeps article blocks first, in order, without chrome or hidden text', () => {
    expect(texts).toEqual([
      'North Korea ships shells',
      'Pyongyang has shipped  artillery shells to Moscow.',
      'Quote one.', 'Quote two.', 'Item one', 'Item two', 'nested', 'Loose text ', 'para in div',
      'cell a', 'cell p', 'Caption here',
    ]);
  });

  it('gives every text node to at most one block, and each block exactly its text', () => {
    expectDisjoint(blocks);
  });

  it('returns text unnormalised, equal to the element text minus excluded parts', () => {
    const p = blocks[1];
    expect(p.element.textContent).toBe('Pyongyang has shipped  artillery shells to Moscow.var x=1');
    expect(p.text).toBe('Pyongyang has shipped  artillery shells to Moscow.');
  });

  it('joins blocks with a blank line and reports offsets', () => {
    const text = pageText(blocks);
    const offs = blockOffsets(blocks);
    blocks.forEach((b, i) => expect(text.slice(offs[i], offs[i] + b.text.length)).toBe(b.text));
  });
});

const doc = (html: string): Document => parseHtmlDocument(html);
const texts = (html: string, opts = {}): string[] => extractBlocks(doc(html), opts).map((b) => b.text);

describe('loose text beside child blocks', () => {
  it('reads a stray text node in <body> as its own block, not the whole body as one', () => {
    const html = `<body>stray words <b>bold</b>
      <main><p>First paragraph.</p><p>Second paragraph.</p></main>tail words<div><p>Aside para.</p></div></body>`;
    const blocks = extractBlocks(doc(html));
    expect(blocks.map((b) => b.text.trim())).toEqual(['First paragraph.', 'Second paragraph.', 'stray words bold', 'tail words', 'Aside para.']);
    expect(blocks.filter((b) => b.span).every((b) => b.element.localName === 'body')).toBe(true);
    expectDisjoint(blocks);
  });

  it('keeps a loose run whole across inline elements and excluded ones', () => {
    expect(texts('<div>Alpha <i>beta</i><script>x()</script> gamma<p>Para.</p></div>')).toEqual(['Alpha beta gamma', 'Para.']);
  });
});

describe('long blocks', () => {
  const sentence = (i: number): string => `Sentence number ${i} says something long enough to matter here. `;

  it('cuts a text longer than the limit at sentence ends, losing nothing', () => {
    const body = Array.from({ length: 40 }, (_, i) => sentence(i)).join('');
    const blocks = extractBlocks(doc(`<body><p>${body}</p></body>`), { maxBlockChars: 500 });
    expect(blocks.length).toBeGreaterThanOrEqual(5);
    for (const b of blocks) {
      expect(b.text.length).toBeLessThanOrEqual(500);
      expect(b.text).toMatch(/^Sentence number \d+/);
    }
    expect(blocks.map((b) => b.text).join('')).toBe(body);
    expectDisjoint(blocks);
  });

  it('cuts through inline markup and one huge text node alike', () => {
    const body = Array.from({ length: 30 }, (_, i) => (i % 3 ? sentence(i) : `<a href="/x">${sentence(i)}</a>`)).join('');
    const blocks = extractBlocks(doc(`<body><div><p>${body}</p><pre>${'word '.repeat(300)}</pre></div></body>`), { maxBlockChars: 400 });
    expect(blocks.every((b) => b.text.length <= 400)).toBe(true);
    expectDisjoint(blocks);
  });

  it('uses the 20,000-character limit by default: a 64k-character body is read, in pieces', () => {
    const body = Array.from({ length: 1000 }, (_, i) => sentence(i)).join('');
    const blocks = extractBlocks(doc(`<body>${body}<div><p>After.</p></div></body>`));
    expect(blocks.map((b) => b.text).join('').length).toBe(body.length + 'After.'.length);
    expect(Math.max(...blocks.map((b) => b.text.length))).toBeLessThanOrEqual(20_000);
  });
});

describe('page chrome', () => {
  const PAGE = `<html lang="en"><body>
    <div class="site-nav"><a href="/">World</a> <a href="/us">US &amp; Canada</a></div>
    <div role="navigation"><span>Markets</span></div>
    <ul class="lang-picker"><li><a href="/en">English (US)</a></li><li lang="fr"><a href="/fr">Français</a></li></ul>
    <div id="page" class="layout has-sidebar"><main><article>
      <p class="byline">By Alex Kirby and Jane Roe</p>
      <p>By the end of the year, the ministry said, exports had doubled.</p>
      <p><span class="dateline">SEOUL —</span> Officials met on Monday.</p>
      <p>Read more: <a href="/a">Markets fall as yen slides against the dollar</a></p>
      <p>Prices rose <a href="/b">sharply</a> in the capital, where traders had expected a calm week after the holiday.</p>
      <p lang="de">Ein Satz auf Deutsch.</p>
      <div class="share-tools"><span>Share this story</span></div>
    </article></main>
    <div class="related"><h3><a href="/r">Related headline</a></h3></div></div>
    <p>© 2025 The Daily Ledger. All rights reserved.</p>
    <p>Photo: Jane Roe/Agency</p>
  </body></html>`;

  it('leaves out navigation, pickers, bylines, datelines in their own element, link lists and copyright lines', () => {
    expect(texts(PAGE)).toEqual([
      'By the end of the year, the ministry said, exports had doubled.',
      ' Officials met on Monday.',
      'Prices rose sharply in the capital, where traders had expected a calm week after the holiday.',
    ]);
  });

  it('never takes the wrapper of the article, or a long prose container, for chrome', () => {
    const prose = '<p>A long paragraph of real reporting that goes on and on. </p>'.repeat(40);
    expect(texts(`<body><div class="sidebar-layout">${prose}</div></body>`).length).toBe(40);
    expect(texts('<body class="nav-open menu"><p>Body text.</p></body>')).toEqual(['Body text.']);
  });
});

describe('partial extraction (text that arrives after load)', () => {
  it('reads nothing under a chrome or skipped ancestor, and tests the root itself', () => {
    const d = doc(`<body><div class="related-stories"><ul><li id="late"><p>Late headline about markets</p></li></ul></div>
      <nav><p id="in-nav">Menu text</p></nav><main><p id="body-p">Article text.</p><div class="share-bar" id="share">Share this</div></main></body>`);
    expect(extractBlocks(d.querySelector('#late')!).map((b) => b.text)).toEqual([]);
    expect(extractBlocks(d.querySelector('#in-nav')!).map((b) => b.text)).toEqual([]);
    expect(extractBlocks(d.querySelector('#share')!).map((b) => b.text)).toEqual([]);
    expect(extractBlocks(d.querySelector('#body-p')!).map((b) => b.text)).toEqual(['Article text.']);
  });
});
