// Maps between the page text used for notes (pageText of the visible blocks)
// and DOM positions. Text nodes are walked exactly as extractBlocks /
// mark.js walk them (excluded elements are skipped whole), so an offset here
// is an offset mark.js understands. DOM-generic (no Range, no TreeWalker,
// no globals): runs on linkedom in Node tests and on the live page.
import { blockTextNodes, elementTextNodes } from '../page/block-nodes';
import { blockOffsets, extractBlocks, pageText, type TextBlock } from '../page/visible-text';

export { blockTextNodes } from '../page/block-nodes';

const TEXT_NODE = 3;

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
 * The block holding a DOM point and the point's offset in it: the block of
 * the innermost element that contains the point; among span blocks of one
 * element (loose text beside child blocks, pieces of a long text), the span
 * the point falls in. Null if the point is in no block.
 */
function locate(map: PageTextMap, container: Node, offset: number): { index: number; local: number } | null {
  let best = -1;
  for (let i = 0; i < map.blocks.length; i++) {
    const el = map.blocks[i].element;
    if (el !== container && !el.contains(container)) continue;
    if (best < 0 || (el !== map.blocks[best].element && map.blocks[best].element.contains(el))) best = i;
  }
  if (best < 0) return null;
  const el = map.blocks[best].element;
  const at = localOffset(elementTextNodes(el), container, offset);
  for (let i = 0; i < map.blocks.length; i++) {
    const b = map.blocks[i];
    if (b.element !== el) continue;
    const s = b.span?.start ?? 0;
    if (at >= s && at <= s + b.text.length) return { index: i, local: at - s };
  }
  return null;
}

/** Order of two blocks in the document: by their first text node (span blocks share an element). */
function blockBefore(a: TextBlock, b: TextBlock): boolean {
  if (a.element === b.element) return (a.span?.start ?? 0) < (b.span?.start ?? 0);
  const na = blockTextNodes(a)[0] ?? a.element;
  const nb = blockTextNodes(b)[0] ?? b.element;
  return na !== nb && follows(na, nb);
}

/**
 * Offset of a DOM point in the page text. A point outside every block (the
 * whitespace between paragraphs, a triple-click's end at the next block's
 * edge, page chrome) is snapped to the nearest block edge in the direction
 * given: `start` moves forward to the next block, `end` back to the previous
 * one. Null when there is no block that way.
 */
export function pointToOffset(map: PageTextMap, container: Node, offset: number, side: 'start' | 'end' = 'start'): number | null {
  const hit = locate(map, container, offset);
  if (hit) return map.offsets[hit.index] + Math.min(hit.local, map.blocks[hit.index].text.length);
  // Blocks in document order (the page text puts the article first).
  const order = map.blocks.map((b, j) => j).sort((a, b) => {
    const ba = map.blocks[a];
    const bb = map.blocks[b];
    return ba === bb ? 0 : blockBefore(ba, bb) ? -1 : 1;
  });
  if (side === 'start') {
    for (const j of order) {
      const nodes = blockTextNodes(map.blocks[j]);
      if (nodes.length > 0 && !textBeforePoint(nodes[0], container, offset)) return map.offsets[j];
    }
  } else {
    for (let k = order.length - 1; k >= 0; k--) {
      const j = order[k];
      const nodes = blockTextNodes(map.blocks[j]);
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
