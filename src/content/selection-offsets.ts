// The page-text offsets of a reader's selection, whatever its shape. A plain
// rangeToOffsets maps the two ends; that fails when the ends fall in blocks
// whose order in the page text differs from their order on screen (the page
// text puts the article first, so a drag from a standfirst above the article
// into its first paragraph "ends before it starts"), or when an end sits in
// page chrome. Here the selection is cut into the blocks it touches; runs of
// blocks that are consecutive in the page text are candidates, and the run
// holding the most selected text wins: the note is on the words the reader
// meant, trimmed of the over-selection. Null only when the selection touches
// no block's text at all (a menu, a footer: text Claimlens does not read).
import { blockTextNodes, pointToOffset, type PageTextMap } from './text-map';

export interface LiveRange {
  startContainer: Node;
  startOffset: number;
  endContainer: Node;
  endOffset: number;
  intersectsNode(node: Node): boolean;
}

export function selectionOffsets(map: PageTextMap, range: LiveRange): { start: number; end: number } | null {
  const s = pointToOffset(map, range.startContainer, range.startOffset, 'start');
  const e = pointToOffset(map, range.endContainer, range.endOffset, 'end');
  if (s !== null && e !== null && e > s) {
    // The usual case: both ends in reading order, and every block between them selected.
    const inside = map.blocks.every((b, i) => {
      const lo = map.offsets[i];
      const hi = lo + b.text.length;
      return hi <= s || lo >= e || touches(b, range);
    });
    if (inside) return { start: s, end: e };
  }
  const pieces: Array<{ index: number; start: number; end: number }> = [];
  map.blocks.forEach((b, i) => {
    if (!touches(b, range)) return;
    const lo = map.offsets[i];
    const hi = lo + b.text.length;
    const start = s !== null && s >= lo && s <= hi ? s : lo;
    const end = e !== null && e >= lo && e <= hi ? e : hi;
    if (end > start) pieces.push({ index: i, start, end });
  });
  let best: { start: number; end: number; chars: number } | null = null;
  for (let k = 0; k < pieces.length; ) {
    let j = k;
    let chars = pieces[k].end - pieces[k].start;
    while (j + 1 < pieces.length && pieces[j + 1].index === pieces[j].index + 1) {
      j++;
      chars += pieces[j].end - pieces[j].start;
    }
    if (!best || chars > best.chars) best = { start: pieces[k].start, end: pieces[j].end, chars };
    k = j + 1;
  }
  return best ? { start: best.start, end: best.end } : null;
}

/** True when the range covers some of the block's own text. */
function touches(block: PageTextMap['blocks'][number], range: LiveRange): boolean {
  return blockTextNodes(block).some((t) => range.intersectsNode(t) && !edgeOnly(t, range));
}

/** A text node the range only touches at its very end or start (the line break of an over-selection). */
function edgeOnly(t: Text, range: LiveRange): boolean {
  if (range.startContainer === t && range.startOffset >= t.data.length) return true;
  if (range.endContainer === t && range.endOffset === 0) return true;
  return false;
}
