// Wraps matches in <claimlens-mark> elements with mark.js `markRanges`, one
// text block at a time (markRanges rebuilds the context's text for each call,
// so a per-block context keeps the cost proportional to the block).
import Mark from 'mark.js';
import { EXCLUDE_SELECTORS } from '../page/visible-text';

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

interface RangeWithMeta {
  start: number;
  length: number;
  meta: HighlightRange;
}

/**
 * Highlights ranges (offsets into the block's visible text) inside `block`.
 * Kinds are applied in passes (claims, then notes, then actors) so that
 * overlapping ranges of different kinds nest instead of being dropped.
 */
export function highlightBlock(block: Element, ranges: readonly HighlightRange[]): void {
  const marker = new Mark(block as HTMLElement);
  for (const kind of ['claim', 'note', 'actor'] as const) {
    const pass: RangeWithMeta[] = ranges
      .filter((r) => r.kind === kind && r.end > r.start)
      .map((r) => ({ start: r.start, length: r.end - r.start, meta: r }));
    if (pass.length === 0) continue;
    const firstPart = new Set<HighlightRange>();
    marker.markRanges(pass, {
      element: MARK_TAG,
      exclude: EXCLUDE,
      each: (el: Element, range: object) => {
        const meta = (range as RangeWithMeta).meta;
        el.setAttribute('data-claimlens-kind', meta.kind);
        el.setAttribute('data-claimlens-id', meta.id);
        if (meta.stance) el.setAttribute('data-claimlens-stance', meta.stance);
        // A range split across inline elements yields several marks; only the
        // first is a tab stop so keyboard users meet each highlight once.
        if (!firstPart.has(meta)) {
          firstPart.add(meta);
          el.setAttribute('tabindex', '0');
        }
      },
    } as Mark.MarkRangesOptions);
  }
}

/** Removes Claimlens marks under `root`, restoring the original text nodes. */
export function clearHighlights(root: Element, kind?: HighlightKind): void {
  const marker = new Mark(root as HTMLElement);
  marker.unmark({ element: MARK_TAG + (kind ? `[data-claimlens-kind="${kind}"]` : '') } as Mark.MarkOptions);
}
