// Maps between the page text used for notes (pageText of the visible blocks)
// and DOM positions. Text nodes are walked exactly as extractBlocks /
// mark.js walk them (excluded elements are skipped whole), so an offset here
// is an offset mark.js understands. DOM-generic (no Range, no TreeWalker,
// no globals): runs on linkedom in Node tests and on the live page.
import { blockOffsets, EXCLUDE_SELECTORS, extractBlocks, pageText, type TextBlock } from '../page/visible-text';

/** Only the element forms: the walk never descends into an excluded element. */
const EXCLUDE = EXCLUDE_SELECTORS.filter((s) => !s.endsWith(' *')).join(',');

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Child indices from the root down to `n`. */
function pathOf(n: Node): number[] {
  const path: number[] = [];
  for (let c: Node | null = n; c?.parentNode; c = c.parentNode) {
    let i = 0;
    for (let s = c.previousSibling; s; s = s.previousSibling) i++;
    path.push(i);
  }
  return path.reverse();
}

/**
 * True when `b` comes after `a` in document order (pre-order: an ancestor
 * comes before its descendants). Computed by hand: linkedom's
 * compareDocumentPosition is wrong for nodes at different depths.
 */
function follows(a: Node, b: Node): boolean {
  const pa = pathOf(a);
  const pb = pathOf(b);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) if (pa[i] !== pb[i]) return pb[i] > pa[i];
  return pb.length > pa.length;
}

export interface PageTextMap {
  text: string;
  blocks: TextBlock[];
  offsets: number[];
}

export function buildPageTextMap(root: Document = document, isHidden?: (el: Element) => boolean): PageTextMap {
  const blocks = extractBlocks(root, { isHidden });
  return { text: pageText(blocks), blocks, offsets: blockOffsets(blocks) };
}

/** The text nodes whose data make up the block's text, in order. */
export function blockTextNodes(block: Element): Text[] {
  const out: Text[] = [];
  const walk = (node: Node): void => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === TEXT_NODE) out.push(c as Text);
      else if (c.nodeType === ELEMENT_NODE && !(c as Element).matches(EXCLUDE)) walk(c);
    }
  };
  walk(block);
  return out;
}

/** True when the whole of text node `t` lies before the DOM point (container, offset). */
function textBeforePoint(t: Text, container: Node, offset: number): boolean {
  if (container.nodeType === TEXT_NODE) return t !== container && follows(t, container);
  const child = container.childNodes[offset] ?? null;
  if (child) return child !== t && follows(t, child) && !child.contains(t);
  // The point is at the end of `container`.
  return container.contains(t) || follows(t, container);
}

/** Characters of the block's text before the point (the point must be inside or beside the block). */
function localOffset(nodes: readonly Text[], container: Node, offset: number): number {
  let pos = 0;
  for (const t of nodes) {
    if (t === container) return pos + Math.max(0, Math.min(offset, t.data.length));
    if (!textBeforePoint(t, container, offset)) break;
    pos += t.data.length;
  }
  return pos;
}

/**
 * Offset of a DOM point in the page text. A point outside every block (the
 * whitespace between paragraphs, a triple-click's end at the next block's
 * edge, page chrome) is snapped to the nearest block edge in the direction
 * given: `start` moves forward to the next block, `end` back to the previous
 * one. Null when there is no block that way.
 */
export function pointToOffset(map: PageTextMap, container: Node, offset: number, side: 'start' | 'end' = 'start'): number | null {
  const i = map.blocks.findIndex((b) => b.element === container || b.element.contains(container));
  if (i >= 0) return map.offsets[i] + Math.min(localOffset(blockTextNodes(map.blocks[i].element), container, offset), map.blocks[i].text.length);
  // Blocks in document order (the page text puts the article first).
  const order = map.blocks.map((b, j) => j).sort((a, b) => {
    const ea = map.blocks[a].element;
    const eb = map.blocks[b].element;
    return ea === eb ? 0 : follows(ea, eb) ? -1 : 1;
  });
  if (side === 'start') {
    for (const j of order) {
      const nodes = blockTextNodes(map.blocks[j].element);
      if (nodes.length > 0 && !textBeforePoint(nodes[0], container, offset)) return map.offsets[j];
    }
  } else {
    for (let k = order.length - 1; k >= 0; k--) {
      const j = order[k];
      const nodes = blockTextNodes(map.blocks[j].element);
      if (nodes.length > 0 && textBeforePoint(nodes[nodes.length - 1], container, offset)) return map.offsets[j] + map.blocks[j].text.length;
    }
  }
  return null;
}

/** Page-text offsets of a DOM range (a selection), or null if it covers no block text. */
export function rangeToOffsets(
  map: PageTextMap,
  range: { startContainer: Node; startOffset: number; endContainer: Node; endOffset: number },
): { start: number; end: number } | null {
  const start = pointToOffset(map, range.startContainer, range.startOffset, 'start');
  const end = pointToOffset(map, range.endContainer, range.endOffset, 'end');
  if (start === null || end === null || end <= start) return null;
  return { start, end };
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
