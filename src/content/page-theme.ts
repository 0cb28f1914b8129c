// Light or dark, as the page paints itself: the note frame follows the page
// (a white card on a dark page glares). The page's own background decides;
// a transparent page shows the canvas, whose colour follows color-scheme.
import type { FrameTheme } from '../shared/frame-messages';

interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

export function parseColor(css: string): Rgba | null {
  const m = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/i.exec(css.trim());
  if (!m) return null;
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? Number(m[4].slice(0, -1)) / 100 : Number(m[4]);
  return { r: Number(m[1]), g: Number(m[2]), b: Number(m[3]), a: alpha };
}

/** WCAG relative luminance, 0 (black) to 1 (white). */
export function luminance({ r, g, b }: Rgba): number {
  const lin = (c: number): number => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** Below this a background reads as dark (mid grey #777 is about 0.18). */
const DARK_BELOW = 0.2;

export function pageTheme(doc: Document = document): FrameTheme {
  const view = doc.defaultView;
  if (!view) return 'light';
  for (const el of [doc.body, doc.documentElement]) {
    if (!el) continue;
    const c = parseColor(view.getComputedStyle(el).backgroundColor);
    if (c && c.a >= 0.5) return luminance(c) < DARK_BELOW ? 'dark' : 'light';
  }
  const scheme = view.getComputedStyle(doc.documentElement).getPropertyValue('color-scheme');
  return /\bdark\b/.test(scheme) && !/\blight\b/.test(scheme) ? 'dark' : 'light';
}
