// From a TextBlock back to the DOM: the nodes mark.js gets as its context
// (so its text for them is exactly the block's text), and the text nodes that
// hold a span block's edges. A span is resolved from offsets each time, not
// kept as node references: marking splits text nodes and unmarking merges
// them again, but neither changes the element's text, so offsets stay true.
// DOM-generic (Node/Element members and Text.splitText only).
import { blockText, isExcluded, type TextBlock } from './visible-text';

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Length of a node's text as mark.js sees it (excluded elements have none). */
export function textLength(n: Node): number {
  if (n.nodeType === TEXT_NODE) return (n.nodeValue ?? '').length;
  if (n.nodeType !== ELEMENT_NODE || isExcluded(n as Element)) return 0;
  return blockText(n as Element).length;
}

/**
 * Text.splitText where the DOM has it (browsers: live ranges such as the
 * reader's selection follow the split), else by hand (linkedom lacks it).
 * Returns the new node holding the text from `at` on.
 */
function split(t: Text, at: number): Text {
  if (typeof t.splitText === 'function') return t.splitText(at);
  const rest = t.ownerDocument.createTextNode(t.data.slice(at));
  t.data = t.data.slice(0, at);
  t.parentNode!.insertBefore(rest, t.nextSibling);
  return rest;
}

/**
 * The largest nodes lying wholly inside [start, end) of `el`'s text, in
 * document order, splitting a text node where an edge falls inside it.
 * Excluded elements are left out; so are nodes with no text outside the span.
 */
export function spanNodes(el: Element, start: number, end: number): Node[] {
  const out: Node[] = [];
  // Explicit stack of (next child to look at, its offset): any depth is safe.
  const stack: Array<{ node: ChildNode | null; pos: number }> = [{ node: el.firstChild, pos: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    const n = top.node;
    if (!n || top.pos >= end) {
      stack.pop();
      continue;
    }
    const len = textLength(n);
    const s = top.pos;
    const e = s + len;
    top.node = n.nextSibling;
    top.pos = e;
    if (e <= start || len === 0) continue;
    if (s >= start && e <= end) {
      out.push(n);
    } else if (n.nodeType === TEXT_NODE) {
      // An edge inside this text node: cut it there (the rest becomes its next sibling).
      let t = n as Text;
      if (s < start) {
        t = split(t, start - s);
        top.node = t;
        top.pos = start;
        continue;
      }
      split(t, end - s);
      out.push(t);
      top.node = t.nextSibling;
      top.pos = end;
    } else {
      stack.push({ node: n.firstChild, pos: s });
    }
  }
  return out;
}

/** The nodes to give mark.js for this block: the element, or the span's nodes. */
export function blockNodes(block: TextBlock): Node[] {
  return block.span ? spanNodes(block.element, block.span.start, block.span.end) : [block.element];
}

/** Text nodes under `el` in the order mark.js walks them (excluded elements skipped). */
export function elementTextNodes(el: Element): Text[] {
  const out: Text[] = [];
  let node: Node | null = el.firstChild;
  while (node) {
    if (node.nodeType === TEXT_NODE) out.push(node as Text);
    else if (node.nodeType === ELEMENT_NODE && node.firstChild && !isExcluded(node as Element)) {
      node = node.firstChild;
      continue;
    }
    while (node && !node.nextSibling) {
      node = node.parentNode;
      if (node === el) node = null;
    }
    if (node) node = node.nextSibling;
  }
  return out;
}

/**
 * The text nodes holding the block's text (for a span block, those that
 * overlap the span, its edge nodes possibly only in part), without changing
 * the DOM.
 */
export function blockTextNodes(block: TextBlock | Element): Text[] {
  const b: TextBlock = 'nodeType' in block ? { element: block, text: '' } : block;
  const all = elementTextNodes(b.element);
  if (!b.span) return all;
  const out: Text[] = [];
  let pos = 0;
  for (const t of all) {
    const s = pos;
    pos += t.data.length;
    if (pos > b.span.start && s < b.span.end) out.push(t);
  }
  return out;
}
