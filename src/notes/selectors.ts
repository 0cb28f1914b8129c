// Building W3C selectors for a range of the page's text.
// The in-page code flattens the DOM's text nodes into one string and maps
// offsets back; everything here works on that string only (pure, testable).
import type { TextPositionSelector, TextQuoteSelector } from './types';

/** Characters of context kept on each side of a quote (same as hypothesis/client). */
export const CONTEXT_LENGTH = 32;

export interface RangeDescription {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/**
 * Selectors for `text.slice(start, end)`. Throws RangeError for an empty or
 * out-of-bounds range: a note needs a non-empty quote to be re-anchored.
 */
export function describeRange(text: string, start: number, end: number): RangeDescription {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new RangeError(`describeRange: bad range ${start}..${end} for a text of ${text.length} characters`);
  }
  let prefixStart = Math.max(0, start - CONTEXT_LENGTH);
  let suffixEnd = Math.min(text.length, end + CONTEXT_LENGTH);
  // Never cut a surrogate pair in half: a lone surrogate in stored context
  // would never match the page again and is lossy in some serialisers.
  if (prefixStart > 0 && isLowSurrogate(text.charCodeAt(prefixStart)) && isHighSurrogate(text.charCodeAt(prefixStart - 1))) {
    prefixStart -= 1;
  }
  if (suffixEnd < text.length && isHighSurrogate(text.charCodeAt(suffixEnd - 1)) && isLowSurrogate(text.charCodeAt(suffixEnd))) {
    suffixEnd += 1;
  }
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(prefixStart, start),
      suffix: text.slice(end, suffixEnd),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}

/**
 * Shrinks a range so it neither starts nor ends with whitespace (a browser
 * selection often drags in a trailing space or newline, which would make the
 * quote fragile against whitespace-only edits). Returns null if only
 * whitespace was selected.
 */
export function trimRange(text: string, start: number, end: number): { start: number; end: number } | null {
  let s = Math.max(0, start);
  let e = Math.min(text.length, end);
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  return s < e ? { start: s, end: e } : null;
}

/** The quote and position selectors of a note's selector list (either may be missing in imported data). */
export function pickSelectors(selectors: readonly { type: string }[]): {
  quote: TextQuoteSelector | undefined;
  position: TextPositionSelector | undefined;
} {
  let quote: TextQuoteSelector | undefined;
  let position: TextPositionSelector | undefined;
  for (const s of selectors) {
    if (s.type === 'TextQuoteSelector' && !quote) quote = s as TextQuoteSelector;
    else if (s.type === 'TextPositionSelector' && !position) position = s as TextPositionSelector;
  }
  return { quote, position };
}
