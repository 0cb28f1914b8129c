// Wraps matches in <claimlens-mark> elements with mark.js `markRanges`, one
// text block at a time (markRanges rebuilds the context's text for each call,
// so a per-block context keeps the cost proportional to the block).
//
// mark.js tests every text node's parent against every `exclude` selector.
// With the `x *` descendant forms that cost O(depth) per node and tripled the
// marking time (measured on a 20,000-word page in Chromium: 95-133 ms with the
// full list vs 36-37 ms without, 1,150 ranges). So the list is chosen per
// block: none when the block holds nothing excluded (almost always), the
// element-level list when excluded elements hold only text, and the full list
// only when excluded elements nest markup of their own.
import Mark from 'mark.js';
import { blockNodes, spanNodes } from '../page/block-nodes';
import { EXCLUDE_SELECTORS, isExcluded, type TextBlock } from '../page/visible-text';
import { addHighlight, repairStop } from './roving-focus';

export const MARK_TAG = 'claimlens-mark';

export type HighlightKind = 'actor' | 'claim' | 'note';

export interface HighlightRange {
  start: number;
  end: number;
  kind: HighlightKind;
  id: string;
  stance?: 'supports' | 'contradicts';
}

// Our own card is never part of a block's text; page chrome is excluded as
// the extractor excludes it. Marks nest (an actor inside a claim), so the
// text stays the same after each pass and offsets stay valid.
const FULL_EXCLUDE = [...EXCLUDE_SELECTORS, 'claimlens-card', 'claimlens-card *'];
const FULL_SELECTOR = FULL_EXCLUDE.join(',');
const ELEMENT_EXCLUDE = FULL_EXCLUDE.filter((s) => !s.endsWith(' *'));
const ELEMENT_SELECTOR = ELEMENT_EXCLUDE.join(',');
/** Past this many elements under excluded markup, a block is left alone (deeply nested hostile markup). */
const MAX_NESTED_EXCLUDED = 2000;

/** The exclude list mark.js needs for this block, or null to skip the block. */
function excludeFor(block: Element): string[] | null {
  if (block.matches(FULL_SELECTOR)) return null;
  // Text only (most paragraphs): nothing inside can be excluded.
  if (block.firstElementChild === null) return [];
  const excluded = block.querySelectorAll(ELEMENT_SELECTOR);
  if (excluded.length === 0) return [];
  let nested = 0;
  for (const el of excluded) {
    if (!isExcluded(el) && el.localName !== 'claimlens-card') continue;
    nested += el.getElementsByTagName('*').length;
  }
  if (nested === 0) return ELEMENT_EXCLUDE;
  return nested > MAX_NESTED_EXCLUDED ? null : FULL_EXCLUDE;
}

/**
 * The exclude list for a block given as nodes (a span of its element's text):
 * text nodes need none, elements what excludeFor says; null if one of them
 * must be left alone.
 */
function excludeForNodes(nodes: readonly Node[]): string[] | null {
  let out: string[] = [];
  for (const n of nodes) {
    if (n.nodeType !== 1) continue;
    const ex = excludeFor(n as Element);
    if (ex === null) return null;
    if (ex.length > out.length) out = ex;
  }
  return out;
}

/** What mark.js gets: offsets only (it logs JSON.stringify(ranges) on every call, debug or not). */
interface MarkRange {
  start: number;
  length: number;
}

/**
 * Highlights ranges (offsets into the block's visible text) inside `block`.
 * Kinds are applied in passes (claims, then notes, then actors) so that
 * overlapping ranges of different kinds nest instead of being dropped.
 */
export function highlightBlock(block: Element | TextBlock, ranges: readonly HighlightRange[]): void {
  // A span block (part of its element's text) is marked through its own nodes,
  // found again before each pass: a pass splits the text nodes it marks.
  const span = 'nodeType' in block ? null : block.span ? block : null;
  const element = 'nodeType' in block ? block : block.element;
  if (!span && excludeFor(element) === null) return;
  for (const kind of ['claim', 'note', 'actor'] as const) {
    const meta = new Map<MarkRange, HighlightRange>();
    for (const r of ranges) if (r.kind === kind && r.end > r.start) meta.set({ start: r.start, length: r.end - r.start }, r);
    if (meta.size === 0) continue;
    const nodes = span ? blockNodes(span) : null;
    const exclude = nodes ? excludeForNodes(nodes) : excludeFor(element);
    if (exclude === null) return;
    // mark.js walks any node given as a context, text nodes included.
    const marker = new Mark((nodes ?? element) as unknown as HTMLElement);
    const firstPart = new Set<HighlightRange>();
    marker.markRanges([...meta.keys()], {
      element: MARK_TAG,
      exclude,
      each: (el: Element, range: object) => {
        // mark.js hands back the range object it was given.
        const m = meta.get(range as MarkRange);
        if (!m) return;
        el.setAttribute('data-claimlens-kind', m.kind);
        el.setAttribute('data-claimlens-id', m.id);
        if (m.stance) el.setAttribute('data-claimlens-stance', m.stance);
        // A range split across inline elements yields several marks; only the
        // first joins the highlights' one Tab stop (roving-focus.ts), so
        // keyboard users meet each highlight once.
        if (!firstPart.has(m)) {
          firstPart.add(m);
          addHighlight(el);
        }
      },
    } as Mark.MarkRangesOptions);
  }
}

/** Removes Claimlens marks of one block (only those inside its span, for a span block). */
export function clearBlockHighlights(block: TextBlock, kind?: HighlightKind): void {
  if (!block.span) return clearHighlights(block.element, kind);
  const marker = new Mark(spanNodes(block.element, block.span.start, block.span.end) as unknown as HTMLElement);
  marker.unmark({ element: MARK_TAG + (kind ? `[data-claimlens-kind="${kind}"]` : '') } as Mark.MarkOptions);
  repairStop(block.element.ownerDocument);
}

/** Removes Claimlens marks under `root`, restoring the original text nodes. */
export function clearHighlights(root: Element, kind?: HighlightKind): void {
  const marker = new Mark(root as HTMLElement);
  marker.unmark({ element: MARK_TAG + (kind ? `[data-claimlens-kind="${kind}"]` : '') } as Mark.MarkOptions);
  repairStop(root.ownerDocument);
}
