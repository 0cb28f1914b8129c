// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { buildPageTextMap, rangeToOffsets } from './text-map';
import { selectionOffsets } from './selection-offsets';

function page(html: string) {
  document.body.innerHTML = html;
  const map = buildPageTextMap(document);
  const text = (el: Element) => el.firstChild as Text;
  return { map, $: (s: string) => document.querySelector(s)!, text };
}

const HTML = `
<div id="stand"><p id="s">A short standfirst sits above the story.</p></div>
<main><article>
<p id="a">The ferry runs every morning since 1952.</p>
<p id="b">The council met on Friday.</p>
</article></main>
<footer><p>Contact us</p></footer>`;

describe('selectionOffsets', () => {
  it('keeps an ordinary selection as rangeToOffsets reads it', () => {
    const { map, $, text } = page(HTML);
    const r = document.createRange();
    r.setStart(text($('#a')), 4);
    r.setEnd(text($('#b')), 11);
    expect(selectionOffsets(map, r)).toEqual(rangeToOffsets(map, r));
    const o = selectionOffsets(map, r)!;
    expect(map.text.slice(o.start, o.end)).toBe('ferry runs every morning since 1952.\n\nThe council');
  });

  it('trims a paragraph plus the line break into the next block to the paragraph', () => {
    const { map, $, text } = page(HTML);
    const r = document.createRange();
    r.setStart(text($('#a')), 0);
    r.setEnd(text($('#b')), 0);
    const o = selectionOffsets(map, r)!;
    expect(map.text.slice(o.start, o.end).trim()).toBe('The ferry runs every morning since 1952.');
  });

  it('a drag from the standfirst above the article into it (the page text puts the article first) keeps the larger part', () => {
    const { map, $, text } = page(HTML);
    const r = document.createRange();
    r.setStart(text($('#s')), 30); // "the story."
    r.setEnd(text($('#a')), 30); // "The ferry runs every morning s"
    // The ends are out of order in the page text: the plain mapping gives up.
    expect(rangeToOffsets(map, r)).toBeNull();
    const o = selectionOffsets(map, r)!;
    expect(map.text.slice(o.start, o.end)).toBe('The ferry runs every morning s');
  });

  it('is null for text Claimlens does not read (page chrome)', () => {
    const { map, $ } = page(HTML);
    const r = document.createRange();
    r.selectNodeContents($('footer p'));
    expect(selectionOffsets(map, r)).toBeNull();
  });
});
