import { describe, expect, it } from 'vitest';
import { CONTEXT_LENGTH, describeRange, pickSelectors, trimRange } from './selectors';

const text = 'a'.repeat(40) + 'QUOTE' + 'b'.repeat(40);

describe('describeRange', () => {
  it('keeps 32 characters of context on each side', () => {
    const { quote, position } = describeRange(text, 40, 45);
    expect(quote).toEqual({ type: 'TextQuoteSelector', exact: 'QUOTE', prefix: 'a'.repeat(CONTEXT_LENGTH), suffix: 'b'.repeat(CONTEXT_LENGTH) });
    expect(position).toEqual({ type: 'TextPositionSelector', start: 40, end: 45 });
  });

  it('clips context at the ends of the text', () => {
    const { quote } = describeRange('Hello world', 0, 5);
    expect(quote.prefix).toBe('');
    expect(quote.suffix).toBe(' world');
  });

  it('does not split surrogate pairs in the context', () => {
    const t = '😀' + 'x'.repeat(31) + 'Q' + 'y'.repeat(31) + '😀';
    const { quote } = describeRange(t, 33, 34);
    expect(quote.exact).toBe('Q');
    expect(quote.prefix.startsWith('😀')).toBe(true);
    expect(quote.suffix.endsWith('😀')).toBe(true);
  });

  it('rejects empty and out-of-range ranges', () => {
    expect(() => describeRange('abc', 1, 1)).toThrow(RangeError);
    expect(() => describeRange('abc', -1, 2)).toThrow(RangeError);
    expect(() => describeRange('abc', 1, 9)).toThrow(RangeError);
    expect(() => describeRange('abc', 2, 1)).toThrow(RangeError);
  });
});

describe('trimRange', () => {
  it('drops surrounding whitespace', () => {
    expect(trimRange('  ab cd \n', 0, 9)).toEqual({ start: 2, end: 7 });
    expect(trimRange('   ', 0, 3)).toBeNull();
  });
});

describe('pickSelectors', () => {
  it('finds both selectors whatever the order', () => {
    const { quote, position } = describeRange('Hello world', 6, 11);
    expect(pickSelectors([position, { type: 'XPathSelector' }, quote])).toEqual({ quote, position });
  });
});
