// Where a card goes, as a pure function of three rectangles: the anchor (the
// highlighted words, or a selection), the card's natural size and the
// viewport. No DOM here, so the KB card and the note frame share it and it is
// tested in Node. The rules, in order:
//   1. below the words if the whole card fits there,
//   2. above them if it fits there,
//   3. beside them (right, then left) if a full-width card fits there,
//   4. otherwise in the larger room above or below, with its height capped to
//      that room (the card scrolls inside; its first view is what matters),
//      or beside at a narrower width when above and below are both cramped.
// The card never covers the anchor unless the anchor leaves no room at all
// (it fills the viewport); `covers` then says so.

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Size {
  width: number;
  height: number;
}

export type Side = 'below' | 'above' | 'right' | 'left' | 'over';

export interface Placement {
  left: number;
  top: number;
  /** The card's width: its own, or narrower when placed beside in a tight spot. */
  width: number;
  /** Cap for the card's height (it scrolls inside beyond this). */
  maxHeight: number;
  side: Side;
  /** True only when no room was left beside the anchor: the card lies over it. */
  covers: boolean;
}

/** Space kept between the card and the viewport's edges. */
export const VIEWPORT_MARGIN = 8;
/** Space between the words and the card. */
export const ANCHOR_GAP = 6;
/** Below this, a room above or below is too cramped to read in: try beside at a narrower width. */
export const MIN_USEFUL_HEIGHT = 200;
/** The narrowest card worth showing beside the words. */
export const MIN_WIDTH = 220;

const clamp = (v: number, lo: number, hi: number): number => Math.max(lo, Math.min(hi, v));

/** The part of the anchor inside the viewport: what lies outside cannot be covered. */
function visiblePart(a: Rect, vp: Size): Rect {
  const left = clamp(a.left, 0, vp.width);
  const top = clamp(a.top, 0, vp.height);
  return { left, top, right: clamp(a.right, left, vp.width), bottom: clamp(a.bottom, top, vp.height) };
}

export function placeCard(anchor: Rect, card: Size, viewport: Size): Placement {
  const M = VIEWPORT_MARGIN;
  const G = ANCHOR_GAP;
  const a = visiblePart(anchor, viewport);
  const width = Math.max(0, Math.min(card.width, viewport.width - 2 * M));
  const fullHeight = Math.max(0, viewport.height - 2 * M);
  const height = Math.min(card.height, fullHeight);
  const below = viewport.height - M - (a.bottom + G);
  const above = a.top - G - M;
  const right = viewport.width - M - (a.right + G);
  const left = a.left - G - M;
  const alignedLeft = clamp(a.left, M, viewport.width - M - width);
  const besideTop = (h: number): number => clamp(a.top, M, viewport.height - M - h);

  if (card.height <= below) return { left: alignedLeft, top: a.bottom + G, width, maxHeight: below, side: 'below', covers: false };
  if (card.height <= above) return { left: alignedLeft, top: a.top - G - card.height, width, maxHeight: above, side: 'above', covers: false };
  if (right >= width) return { left: a.right + G, top: besideTop(height), width, maxHeight: fullHeight, side: 'right', covers: false };
  if (left >= width) return { left: a.left - G - width, top: besideTop(height), width, maxHeight: fullHeight, side: 'left', covers: false };

  const vertical = Math.max(above, below);
  const side = Math.max(right, left);
  if (vertical < MIN_USEFUL_HEIGHT && side >= MIN_WIDTH && side > vertical) {
    // A narrower card is taller for the same content: give it the full height.
    const w = Math.min(width, side);
    return right >= left
      ? { left: a.right + G, top: besideTop(height), width: w, maxHeight: fullHeight, side: 'right', covers: false }
      : { left: a.left - G - w, top: besideTop(height), width: w, maxHeight: fullHeight, side: 'left', covers: false };
  }
  if (vertical > 0) {
    if (below >= above) return { left: alignedLeft, top: a.bottom + G, width, maxHeight: below, side: 'below', covers: false };
    return { left: alignedLeft, top: M, width, maxHeight: above, side: 'above', covers: false };
  }
  // The anchor fills the viewport: no place avoids it. Bottom of the viewport,
  // half its height, so some of the words stay readable above.
  const h = Math.min(height, Math.max(0, fullHeight / 2));
  return { left: alignedLeft, top: viewport.height - M - h, width, maxHeight: h, side: 'over', covers: true };
}

/** True when two rectangles share any area (touching edges do not count). */
export function intersects(a: Rect, b: Rect): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** The rectangle a placement occupies for a card of natural height `height`. */
export function placedRect(p: Placement, height: number): Rect {
  const h = Math.min(height, p.maxHeight);
  return { left: p.left, top: p.top, right: p.left + p.width, bottom: p.top + h };
}
