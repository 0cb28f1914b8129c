// Light or dark, as the page paints itself behind a given element: a card
// that follows the operating system's setting sits white on a dark site. We
// walk up from the highlight to the first opaque background colour (a dark
// sidebar on a light page counts as dark). When every ancestor is
// transparent the canvas shows through: it is white unless the page opts into
// dark with `color-scheme`, in which case it follows the reader's setting.
// The colour maths is pure (tested in Node); themeAt reads computed styles.

export type Theme = 'light' | 'dark';

export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

/** Computed colours come as rgb()/rgba() (or `transparent`); anything else is unknown. */
export function parseColor(css: string): Rgba | null {
  const s = css.trim().toLowerCase();
  if (s === 'transparent') return { r: 0, g: 0, b: 0, a: 0 };
  const m = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(s);
  if (!m) return null;
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? Number(m[4].slice(0, -1)) / 100 : Number(m[4]);
  return { r: Number(m[1]), g: Number(m[2]), b: Number(m[3]), a: alpha };
}

/** WCAG relative luminance: 0 is black, 1 is white. */
export function luminance({ r, g, b }: Rgba): number {
  const lin = (c: number): number => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/**
 * Where white and black text have equal contrast (sqrt(1.05 * 0.05) - 0.05):
 * darker backgrounds read better with light text, so they get the dark card.
 */
export const DARK_BELOW = 0.179;

/** Alpha at or above which a background is taken as the colour seen (a faint tint is not). */
const OPAQUE = 0.5;

/** The theme of the first opaque colour in a list of backgrounds, innermost first; null if none is opaque. */
export function themeOfBackgrounds(colors: readonly string[]): Theme | null {
  for (const css of colors) {
    const c = parseColor(css);
    if (c && c.a >= OPAQUE) return luminance(c) < DARK_BELOW ? 'dark' : 'light';
  }
  return null;
}

/** The canvas behind a transparent page: dark only where the page allows dark and the reader prefers it. */
export function canvasTheme(colorScheme: string, prefersDark: boolean): Theme {
  const dark = /\bdark\b/.test(colorScheme);
  const light = /\blight\b/.test(colorScheme);
  if (dark && !light) return 'dark';
  return dark && prefersDark ? 'dark' : 'light';
}

/** The theme behind `el` (the body when absent), from the page's own colours. */
export function themeAt(el: Element | null, doc: Document = document): Theme {
  const view = doc.defaultView;
  if (!view) return 'light';
  const colors: string[] = [];
  for (let e: Element | null = el ?? doc.body; e; e = e.parentElement) colors.push(view.getComputedStyle(e).backgroundColor);
  const found = themeOfBackgrounds(colors);
  if (found) return found;
  const scheme = view.getComputedStyle(doc.documentElement).colorScheme ?? '';
  return canvasTheme(scheme, view.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false);
}
