// Wraps matches in <claimlens-mark> elements, one text block at a time.
// mark.js `markRanges` rebuilds the block's text for every range and tests
// each text node's parent against every exclude selector, which made marking
// the bulk of the page's cost (~120 ms of 1,100 ranges on a 20,000-word page).
// Here each pass walks the block's text nodes once, with the same exclusions
// mark.js applies, and wraps ranges from last to first so no offset ever
// moves; the marks are what mark.js makes (data-markjs), so mark.js
// `unmark` still removes them.
import Mark from 'mark.js';
import { EXCLUDE_SELECTORS, isExcluded } from '../page/visible-text';

export const MARK_TAG = 'claimlens-mark';

export type HighlightKind = 'actor' | 'claim' | 'note';

export interface HighlightRange {
  start: number;
  end: number;
  kind: HighlightKind;
  id: string;
  stance?: 'supports' | 'contradicts';
}

// Our own marks and the card are never part of the text we hand to mark.js as
// excluded; only page chrome is. Marks nest (an actor inside a claim), so the
// text stays the same after each pass and offsets stay valid.
const EXCLUDE = [...EXCLUDE_SELECTORS, 'claimlens-card', 'claimlens-card *'];
const EXCLUDE_SELECTOR = EXCLUDE.join(',');

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** The block's text nodes in document order (as mark.js with EXCLUDE sees them) and their start offsets. */
function textNodesOf(block: Element): { nodes: Text[]; starts: number[]; length: number } {
  const nodes: Text[] = [];
  const starts: number[] = [];
  let length = 0;
  // The full selector list (with its `x *` forms) once for the block; inside
  // it, an excluded element's subtree is skipped, so the element-level test
  // is enough (matches() of descendant selectors costs O(depth) per element).
  if (block.matches(EXCLUDE_SELECTOR)) return { nodes, starts, length };
  // Iterative walk (parent pointers): deep markup cannot overflow the stack.
  let node: Node | null = block.firstChild;
  while (node) {
    if (node.nodeType === TEXT_NODE) {
      nodes.push(node as Text);
      starts.push(length);
      length += (node as Text).data.length;
    } else if (node.nodeType === ELEMENT_NODE && node.firstChild && !isExcluded(node as Element) && (node as Element).localName !== 'claimlens-card') {
      node = node.firstChild;
      continue;
    }
    while (node && !node.nextSibling) {
      node = node.parentNode;
      if (node === block) node = null;
    }
    if (node) node = node.nextSibling;
  }
  return { nodes, starts, length };
}

/** Index of the last node starting at or before `offset`. */
function nodeAt(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function markElement(doc: Document, r: HighlightRange): HTMLElement {
  const el = doc.createElement(MARK_TAG);
  el.setAttribute('data-markjs', 'true');
  el.setAttribute('data-claimlens-kind', r.kind);
  el.setAttribute('data-claimlens-id', r.id);
  if (r.stance) el.setAttribute('data-claimlens-stance', r.stance);
  return el;
}

/** One kind's ranges, sorted, without overlaps (the first wins), clipped, not whitespace-only. */
function passRanges(ranges: readonly HighlightRange[], kind: HighlightKind, text: () => string, length: number): HighlightRange[] {
  const pass = ranges.filter((r) => r.kind === kind && r.end > r.start && r.start >= 0 && r.start < length).sort((a, b) => a.start - b.start);
  const out: HighlightRange[] = [];
  let lastEnd = -1;
  for (const r of pass) {
    if (r.start < lastEnd) continue;
    const end = Math.min(r.end, length);
    if (!/\S/.test(text().slice(r.start, end))) continue;
    out.push(end === r.end ? r : { ...r, end });
    lastEnd = end;
  }
  return out;
}

/**
 * Highlights ranges (offsets into the block's visible text) inside `block`.
 * Kinds are applied in passes (claims, then notes, then actors) so that
 * overlapping ranges of different kinds nest instead of being dropped.
 */
export function highlightBlock(block: Element, ranges: readonly HighlightRange[]): void {
  const doc = block.ownerDocument;
  for (const kind of ['claim', 'note', 'actor'] as const) {
    if (!ranges.some((r) => r.kind === kind)) continue;
    const { nodes, starts, length } = textNodesOf(block);
    if (nodes.length === 0) return;
    let joined: string | null = null;
    const text = (): string => (joined ??= nodes.map((n) => n.data).join(''));
    const pass = passRanges(ranges, kind, text, length);
    // Last range first, and inside a range last node first: splitting a text
    // node keeps its head in place, so every earlier offset stays valid.
    for (let k = pass.length - 1; k >= 0; k--) {
      const r = pass[k];
      let first: HTMLElement | null = null;
      for (let i = nodeAt(starts, r.end - 1); i >= 0 && starts[i] + nodes[i].data.length > r.start; i--) {
        let t = nodes[i];
        const from = Math.max(r.start - starts[i], 0);
        const to = Math.min(r.end - starts[i], t.data.length);
        if (to <= from) continue;
        if (to < t.data.length) t.splitText(to);
        if (from > 0) t = t.splitText(from);
        const parent = t.parentNode;
        if (!parent) continue;
        const mark = markElement(doc, r);
        parent.replaceChild(mark, t);
        mark.appendChild(t);
        first = mark;
      }
      // A range split across inline elements yields several marks; only the
      // first is a tab stop so keyboard users meet each highlight once.
      first?.setAttribute('tabindex', '0');
    }
  }
}

/** Removes Claimlens marks under `root`, restoring the original text nodes. */
export function clearHighlights(root: Element, kind?: HighlightKind): void {
  const marker = new Mark(root as HTMLElement);
  marker.unmark({ element: MARK_TAG + (kind ? `[data-claimlens-kind="${kind}"]` : '') } as Mark.MarkOptions);
}
