import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { blockOffsets, extractBlocks, pageText } from './visible-text';

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
      'Quote one.', 'Quote two.', 'Item one', 'Item twonested', 'Loose text para in div',
      'cell a', 'cell p', 'Caption here',
      'Subscribe now cheap',
    ]);
  });

  it('gives every text node to exactly one block', () => {
    const els = blocks.map((b) => b.element);
    for (const a of els) for (const b of els) if (a !== b) expect(a.contains(b)).toBe(false);
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
