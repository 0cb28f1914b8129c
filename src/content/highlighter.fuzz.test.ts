// @vitest-environment jsdom
// Fuzz: random DOMs and random match sets. After highlighting, the block's
// text is unchanged and every highlight covers exactly its range.
import { describe, expect, it } from 'vitest';
import { extractBlocks } from '../page/visible-text';
import { clearHighlights, highlightBlock, MARK_TAG, type HighlightRange } from './highlighter';
import { rng } from '../shared/rng';

const WORDS = ['North', 'Korea', 'supplied', 'shells', 'to', 'Russia', 'and', 'the', 'U.S.', 'said', '—', 'é', '🙂', ' ', '\n'];
const INLINE = ['a', 'b', 'em', 'span', 'strong', 'mark', 'i', 'code'];

function randomInline(r: () => number, depth: number): string {
  let out = '';
  const n = 1 + Math.floor(r() * 6);
  for (let i = 0; i < n; i++) {
    if (depth < 4 && r() < 0.3) {
      const tag = INLINE[Math.floor(r() * INLINE.length)];
      out += `<${tag}>${randomInline(r, depth + 1)}</${tag}>`;
    } else if (r() < 0.05) {
      out += '<script>var x = "North Korea";</script>';
    } else {
      out += WORDS[Math.floor(r() * WORDS.length)] + ' ';
    }
  }
  return out;
}

/** Non-overlapping random ranges per kind (kinds may overlap each other: they nest); ids unique per block. */
function randomRanges(r: () => number, len: number, block = 0): HighlightRange[] {
  const out: HighlightRange[] = [];
  for (const kind of ['claim', 'actor', 'note'] as const) {
    let pos = 0;
    while (pos < len) {
      const start = pos + Math.floor(r() * 20);
      const end = start + 1 + Math.floor(r() * 25);
      if (end > len) break;
      if (r() < 0.6) out.push({ kind, id: `${kind}-${block}-${start}`, start, end, ...(kind === 'claim' ? { stance: 'supports' as const } : {}) });
      pos = end + 1;
    }
  }
  return out;
}

/** Text covered by the marks of one range, in document order. */
function coveredText(root: Element, kind: string, id: string): string {
  return [...root.querySelectorAll(MARK_TAG)]
    .filter((m) => m.getAttribute('data-claimlens-kind') === kind && m.getAttribute('data-claimlens-id') === id)
    .map((m) => m.textContent)
    .join('');
}

describe('highlighter fuzz', () => {
  it('keeps text unchanged and puts every highlight exactly on its range (50 random DOMs)', () => {
    const r = rng(42);
    for (let round = 0; round < 50; round++) {
      // Loose text beside child blocks and long texts make span blocks (part of an element's text).
      document.body.innerHTML = `<article><p>${randomInline(r, 0)}</p><div>${randomInline(r, 0)}<p>${randomInline(r, 0)}</p>` +
        `${randomInline(r, 0)}<p>${randomInline(r, 0)}</p></div></article>`;
      const before = document.body.textContent;
      for (const [i, block] of extractBlocks(document, { maxBlockChars: 60 + Math.floor(r() * 200) }).entries()) {
        const ranges = randomRanges(r, block.text.length, i).filter((x) => block.text.slice(x.start, x.end).trim().length > 0);
        highlightBlock(block, ranges);
        for (const x of ranges) {
          // mark.js does not wrap whitespace-only pieces, so compare without edge whitespace.
          expect(coveredText(block.element, x.kind, x.id).trim(), `round ${round}`).toBe(block.text.slice(x.start, x.end).trim());
        }
      }
      expect(document.body.textContent, `round ${round}`).toBe(before);
      clearHighlights(document.body);
      expect(document.querySelectorAll(MARK_TAG)).toHaveLength(0);
      expect(document.body.textContent).toBe(before);
    }
  });
});
