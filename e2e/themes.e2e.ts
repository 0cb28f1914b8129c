// Themes: the card is dark on a dark page and light on a light one whatever
// the operating system prefers; a transparent page that allows dark follows
// the reader's setting. Highlights (the dotted actor underline, the claim
// underline) keep at least 3:1 contrast with a dark page. Screenshot: dark.
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser, waitForHighlights } from './fixture';
import { corpusArticle, newsPage } from './server';
import { cardGeometry, placementProblems, scrollMarkTo } from './card-geometry';

const env = useBrowser();
const SHOTS = resolve('out/e2e-screenshots');
mkdirSync(SHOTS, { recursive: true });

const article = corpusArticle(readFileSync('assets/corpus/000_02e372ec2cf23218.txt', 'utf8'));
const DARK = '<style>html, body { background: #121417 !important; color: #d8dde3 !important; } header.site { background: #000 !important; }</style>';
const TRANSPARENT = '<style>:root { color-scheme: light dark; } body { background: transparent !important; color: CanvasText !important; }</style>';

async function cardTheme(page: Page, at: 'top' | 'bottom' | 'center' = 'center'): Promise<string> {
  // (Roving focus gives the marks their tabindex after they are drawn.)
  const mark = (await page.waitForSelector('claimlens-mark[data-claimlens-kind="claim"][tabindex]', { timeout: 10_000 }))!;
  await scrollMarkTo(mark, at);
  await mark.evaluate((m) => (m as HTMLElement).focus({ preventScroll: true }));
  const g = await cardGeometry(page, mark);
  expect(placementProblems(g)).toEqual([]);
  return g.theme;
}

async function openWith(head: string, scheme: 'light' | 'dark'): Promise<Page> {
  const path = `/t/${Math.random().toString(36).slice(2)}.html`;
  env.server.setPage(path, newsPage(article.title, article.paragraphs, { extraHead: head }));
  const page = await env.b.context.newPage();
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(env.server.origin + path);
  await waitForHighlights(page, '[data-claimlens-kind="claim"]');
  return page;
}

/** WCAG contrast of two rgb()/color(srgb …) colours. */
function contrast(a: string, b: string): number {
  const rgb = (c: string): number[] => {
    const srgb = /color\(srgb ([\d.]+) ([\d.]+) ([\d.]+)/.exec(c);
    if (srgb) return srgb.slice(1, 4).map((x) => Number(x) * 255);
    const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)/.exec(c);
    if (!m) throw new Error(`colour not understood: ${c}`);
    return m.slice(1, 4).map(Number);
  };
  const lum = (c: string): number => {
    const [r, g, bl] = rgb(c).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe('themes', () => {
  it('the card follows the page, not the operating system', async () => {
    const dark = await openWith(DARK, 'light');
    expect(await cardTheme(dark)).toBe('dark');
    await dark.screenshot({ path: `${SHOTS}/cards-dark.png` });
    await dark.close();

    const light = await openWith('', 'dark');
    expect(await cardTheme(light)).toBe('light');
    await light.close();

    // Nothing painted: the canvas shows, dark here because the page allows it and the reader prefers it.
    const canvasDark = await openWith(TRANSPARENT, 'dark');
    expect(await cardTheme(canvasDark)).toBe('dark');
    await canvasDark.close();
    const canvasLight = await openWith(TRANSPARENT, 'light');
    expect(await cardTheme(canvasLight)).toBe('light');
    await canvasLight.close();
  });

  it('a narrow dark page: dark card, inside the viewport', async () => {
    const page = await openWith(DARK, 'light');
    await page.setViewportSize({ width: 360, height: 640 });
    expect(await cardTheme(page, 'bottom')).toBe('dark');
    await page.screenshot({ path: `${SHOTS}/cards-dark-narrow.png` });
    await page.close();
  });

  it('highlights stay visible on a dark page: underlines at 3:1 or more against it', async () => {
    const page = await openWith(DARK, 'light');
    const colours = await page.evaluate(() => {
      const actor = document.querySelector('claimlens-mark[data-claimlens-kind="actor"]')!;
      const claim = document.querySelector('claimlens-mark[data-claimlens-kind="claim"]')!;
      const shadow = getComputedStyle(claim).boxShadow;
      return {
        bg: getComputedStyle(document.body).backgroundColor,
        actor: getComputedStyle(actor).textDecorationColor,
        // "rgb(…) 0px -2px 0px 0px inset" or "color(srgb …) 0px …"
        claim: /^(color\([^)]*\)|rgba?\([^)]*\))/.exec(shadow)?.[1] ?? shadow,
      };
    });
    expect(contrast(colours.actor, colours.bg)).toBeGreaterThanOrEqual(3);
    expect(contrast(colours.claim, colours.bg)).toBeGreaterThanOrEqual(3);
    await page.close();
  });
});
