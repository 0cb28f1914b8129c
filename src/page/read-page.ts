// A whole page's text blocks within the page caps, as the content script
// reads them (page-highlights.ts applies the same steps live, in slices): a
// page with too many elements is left alone, extraction stops at
// MAX_ELEMENTS, and blocks are kept while they fit the page budget.
import { MAX_ELEMENTS, withinBudget } from './limits';
import { extractBlocks, type ExtractOptions, type TextBlock } from './visible-text';

export interface PageRead {
  blocks: TextBlock[];
  /** Why some or all of the page was left out, if it was. */
  limit: 'too-many-elements' | 'elements-truncated' | 'text-capped' | null;
}

export function readPage(doc: Document, opts: ExtractOptions = {}): PageRead {
  if (doc.getElementsByTagName('*').length > MAX_ELEMENTS) return { blocks: [], limit: 'too-many-elements' };
  const stats = { elements: 0, truncated: false };
  const all = extractBlocks(doc, opts, { maxElements: MAX_ELEMENTS }, stats);
  const kept = withinBudget(all, { chars: 0, blocks: 0 });
  return { blocks: kept.blocks, limit: stats.truncated ? 'elements-truncated' : kept.capped ? 'text-capped' : null };
}

/** Hidden by the element's own style attribute (what a browser's checkVisibility also sees, without style sheets). */
export function inlineHidden(el: Element): boolean {
  const style = el.getAttribute('style');
  return style !== null && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse))\s*(?:!important\s*)?(?:;|$)/i.test(style);
}
