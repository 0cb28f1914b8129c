// Maps between the page text used for notes (pageText of the visible blocks)
// and DOM positions. Text nodes are walked exactly as mark.js walks them, so
// an offset here is an offset mark.js understands.
import { blockOffsets, EXCLUDE_SELECTORS, extractBlocks, pageText, type TextBlock } from '../page/visible-text';

const EXCLUDE = EXCLUDE_SELECTORS.join(',');

export interface PageTextMap {
  text: string;
  blocks: TextBlock[];
  offsets: number[];
}

export function buildPageTextMap(isHidden?: (el: Element) => boolean): PageTextMap {
  const blocks = extractBlocks(document, { isHidden });
  return { text: pageText(blocks), blocks, offsets: blockOffsets(blocks) };
}

function visibleTextNodes(block: Element): Text[] {
  const out: Text[] = [];
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const parent = n.parentElement;
    if (parent && parent !== block && parent.matches(EXCLUDE)) continue;
    if (parent === block && block.matches(EXCLUDE)) continue;
    out.push(n as Text);
  }
  return out;
}

/** Offset of a DOM point (container, offset) in the page text, or null if outside every block. */
export function pointToOffset(map: PageTextMap, container: Node, offset: number): number | null {
  const i = map.blocks.findIndex((b) => b.element === container || b.element.contains(container));
  if (i < 0) return null;
  const block = map.blocks[i].element;
  let pos = 0;
  const nodes = visibleTextNodes(block);
  if (container.nodeType === Node.TEXT_NODE) {
    for (const t of nodes) {
      if (t === container) return map.offsets[i] + pos + Math.min(offset, t.data.length);
      pos += t.data.length;
    }
    return null;
  }
  // A point given as (element, childIndex): count the text that ends before it.
  const point = document.createRange();
  point.setStart(container, offset);
  point.collapse(true);
  for (const t of nodes) {
    if (point.comparePoint(t, t.data.length) > 0) break;
    pos += t.data.length;
  }
  return map.offsets[i] + pos;
}

/** Splits a page-text range into per-block local ranges. */
export function rangeToBlocks(map: PageTextMap, start: number, end: number): Array<{ block: TextBlock; start: number; end: number }> {
  const out: Array<{ block: TextBlock; start: number; end: number }> = [];
  map.blocks.forEach((block, i) => {
    const bs = map.offsets[i];
    const be = bs + block.text.length;
    const s = Math.max(start, bs);
    const e = Math.min(end, be);
    if (e > s) out.push({ block, start: s - bs, end: e - bs });
  });
  return out;
}
