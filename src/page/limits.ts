// The bounds on how much of a page Claimlens reads, shared by the content
// script and the CLI so that `annotate` gives what the extension highlights.

/**
 * Pages with more elements are left alone: every mark then costs the page a
 * style and layout pass over the whole tree (50-250 ms frames measured at
 * 200,000 elements). Also the cap on elements visited per extraction.
 */
export const MAX_ELEMENTS = 50_000;
/** Text sent to the background per page (characters), article blocks first. */
export const MAX_PAGE_CHARS = 400_000;
/**
 * Longest block: mark.js markRanges costs about ranges x block length, so a
 * longer run of text is cut into blocks at sentence ends (visible-text.ts).
 */
export const MAX_BLOCK_CHARS = 20_000;
/** Blocks per page. */
export const MAX_BLOCKS = 4_000;

/** What a page has used of its budget so far (the content script adds late text to it). */
export interface Budget {
  chars: number;
  blocks: number;
}

/**
 * The blocks that fit the page budget, in order; `budget` is updated. Stops
 * at the first block that does not fit (the article comes first, so what is
 * left out is the page's end). `capped` tells whether anything was left out.
 */
export function withinBudget<T extends { text: string }>(blocks: readonly T[], budget: Budget): { blocks: T[]; capped: boolean } {
  const out: T[] = [];
  for (const b of blocks) {
    // Extraction never makes a longer block; a caller's own block is skipped, not cut.
    if (b.text.length > MAX_BLOCK_CHARS) continue;
    if (budget.chars + b.text.length > MAX_PAGE_CHARS || budget.blocks >= MAX_BLOCKS) return { blocks: out, capped: true };
    budget.chars += b.text.length;
    budget.blocks++;
    out.push(b);
  }
  return { blocks: out, capped: false };
}
