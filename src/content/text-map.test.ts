import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { blockTextNodes, buildPageTextMap, pointToOffset, rangeToBlocks, rangeToOffsets } from './text-map';

const PAGE = `<html><body>
<nav>Home World</nav>
<main><article>
<h1>Ferry news</h1>
<p id="a">The old <b>ferry</b> runs<script>var x = 1</script> daily.</p>
<p id="b">Second <span hidden>secret</span>paragraph here.</p>
</article></main>
<div id="c">Outside text</div>
</body></html>`;

function setup() {
  const { document } = parseHTML(PAGE);
  const map = buildPageTextMap(document as unknown as Document);
  const $ = (sel: string) => document.querySelector(sel)!;
  return { document, map, $ };
}

describe('text-map', () => {
  it('walks the same text as the block extraction', () => {
    const { map } = setup();
    expect(map.text).toBe('Ferry news\n\nThe old ferry runs daily.\n\nSecond paragraph here.\n\nOutside text');
    for (const b of map.blocks) expect(blockTextNodes(b.element).map((t) => t.data).join('')).toBe(b.text);
  });

  it('maps text-node points, across inline elements, skipping excluded text', () => {
    const { map, $ } = setup();
    const a = $('#a');
    const ferry = $('#a b').firstChild!;
    const at = map.text.indexOf('ferry runs');
    expect(pointToOffset(map, ferry, 0)).toBe(at);
    expect(pointToOffset(map, ferry, 5)).toBe(at + 5);
    // " daily." comes after the script: the script's text is not counted.
    const daily = a.lastChild!;
    expect(pointToOffset(map, daily, 1)).toBe(map.text.indexOf('daily'));
    const para = $('#b').lastChild!;
    expect(pointToOffset(map, para, 0)).toBe(map.text.indexOf('paragraph'));
  });

  it('maps element points (container, child index)', () => {
    const { map, $ } = setup();
    const a = $('#a');
    // Before <b>: "The old " only.
    expect(pointToOffset(map, a, 1)).toBe(map.text.indexOf('ferry runs'));
    // At the end of the paragraph.
    expect(pointToOffset(map, a, a.childNodes.length)).toBe(map.text.indexOf('daily.') + 'daily.'.length);
  });

  it('snaps points outside any block to the nearest block edge', () => {
    const { map, $ } = setup();
    const article = $('article');
    // The whitespace text node between the two paragraphs.
    const gap = $('#a').nextSibling!;
    expect(gap.nodeType).toBe(3);
    expect(pointToOffset(map, gap, 0, 'start')).toBe(map.text.indexOf('Second'));
    expect(pointToOffset(map, gap, 0, 'end')).toBe(map.text.indexOf('daily.') + 'daily.'.length);
    // A triple-click style range: from the start of #a to (article, index of #b).
    const idxB = [...article.childNodes].indexOf($('#b') as unknown as ChildNode);
    const r = rangeToOffsets(map, { startContainer: $('#a'), startOffset: 0, endContainer: article, endOffset: idxB });
    expect(r && map.text.slice(r.start, r.end)).toBe('The old ferry runs daily.');
  });

  it('splits page ranges per block', () => {
    const { map } = setup();
    const s = map.text.indexOf('daily');
    const e = map.text.indexOf('paragraph') + 3;
    const parts = rangeToBlocks(map, s, e);
    expect(parts.map((p) => p.block.text.slice(p.start, p.end))).toEqual(['daily.', 'Second par']);
  });
});

describe('text-map on span blocks (loose text beside child blocks)', () => {
  it('maps points in loose text and in the child block to their own blocks', () => {
    const { document } = parseHTML('<html><body>Loose <b>start</b> text<main><p id="p">Para text.</p></main>tail run</body></html>');
    const map = buildPageTextMap(document as unknown as Document);
    expect(map.text).toBe('Para text.\n\nLoose start text\n\ntail run');
    const p = document.querySelector('#p')!.firstChild!;
    expect(pointToOffset(map, p, 5)).toBe(map.text.indexOf('text.'));
    const start = document.querySelector('b')!.firstChild!;
    expect(pointToOffset(map, start, 2)).toBe(map.text.indexOf('art text'));
    const tail = document.body.lastChild!;
    expect(pointToOffset(map, tail, 4)).toBe(map.text.indexOf(' run'));
    for (const b of map.blocks) expect(blockTextNodes(b).map((t) => t.data).join('')).toContain(b.text.trim());
  });
});
