// @vitest-environment jsdom
// The page's theme for the note frame, read from the page's own background.
import { describe, expect, it } from 'vitest';
import { luminance, pageTheme, parseColor } from './page-theme';

/** The test's own document (a document without a window has no computed style). */
function doc(html: string): Document {
  document.documentElement.innerHTML = html;
  return document;
}

describe('pageTheme', () => {
  it('parses computed colours and ranks their lightness', () => {
    expect(parseColor('rgb(20, 22, 26)')).toEqual({ r: 20, g: 22, b: 26, a: 1 });
    expect(parseColor('rgba(0, 0, 0, 0)')).toEqual({ r: 0, g: 0, b: 0, a: 0 });
    expect(parseColor('transparent')).toBeNull();
    expect(luminance({ r: 255, g: 255, b: 255, a: 1 })).toBeCloseTo(1);
    expect(luminance({ r: 0, g: 0, b: 0, a: 1 })).toBe(0);
  });

  it('dark when the body or the root paints dark, light otherwise', () => {
    expect(pageTheme(doc('<head></head><body style="background:#14161a">x</body>'))).toBe('dark');
    expect(pageTheme(doc('<head><style>html{background:rgb(10,10,10)}</style></head><body>x</body>'))).toBe('dark');
    expect(pageTheme(doc('<head></head><body style="background:#fdfdfd">x</body>'))).toBe('light');
    expect(pageTheme(doc('<head></head><body>x</body>'))).toBe('light');
    // A see-through dark wash over a light page is not a dark page.
    expect(pageTheme(doc('<head></head><body style="background:rgba(0,0,0,0.2)">x</body>'))).toBe('light');
  });
});
