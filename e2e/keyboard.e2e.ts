// The keyboard reader: all of a page's highlights are one Tab stop; Tab
// enters them, the arrow keys move from one to the next (each showing its
// card, placed inside the viewport and off the words), Escape closes the card
// and keeps focus, Tab moves on past them all, Shift+Tab comes back to the
// last one reached.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser, waitForHighlights } from './fixture';
import { cardGeometry, placementProblems } from './card-geometry';

const env = useBrowser();

interface Focus {
  index: number;
  kind: string | null;
  isMark: boolean;
  stops: number;
  stopIsFocused: boolean;
}

/** Where focus is among the page's highlights, and how many of them are Tab stops. */
function focusState(page: Page): Promise<Focus> {
  return page.evaluate(() => {
    const all = [...document.querySelectorAll('claimlens-mark[tabindex]')];
    const at = document.activeElement;
    const stops = all.filter((m) => (m as HTMLElement).tabIndex === 0);
    return {
      index: at ? all.indexOf(at) : -1,
      kind: at?.getAttribute('data-claimlens-kind') ?? null,
      isMark: at?.localName === 'claimlens-mark',
      stops: stops.length,
      stopIsFocused: stops[0] === at,
    };
  });
}

const cardOpen = (page: Page): Promise<boolean> => page.evaluate(() => document.querySelector('claimlens-card') !== null);

async function openArticle(size: { width: number; height: number }): Promise<Page> {
  const page = await env.open(env.server.articles[0]);
  await page.setViewportSize(size);
  await waitForHighlights(page, '[data-claimlens-kind="claim"]');
  await page.waitForTimeout(600);
  return page;
}

describe('keyboard', () => {
  it('one Tab stop for all highlights; arrows move and show each card; Escape closes; Tab moves on; Shift+Tab comes back', async () => {
    const page = await openArticle({ width: 1280, height: 900 });
    const total = await page.$$eval('claimlens-mark[tabindex]', (m) => m.length);
    expect(total).toBeGreaterThan(20);
    expect((await focusState(page)).stops).toBe(1);

    // Tab from the top of the page reaches the highlights within a few presses (the site's menu links first).
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    let f = await focusState(page);
    for (let i = 0; i < 12 && !f.isMark; i++) {
      await page.keyboard.press('Tab');
      f = await focusState(page);
    }
    expect(f.isMark).toBe(true);
    expect(f.index).toBe(0);
    await cardGeometry(page, (await page.$('claimlens-mark[tabindex="0"]'))!);

    // Arrows: next, next, previous; each move shows the card of the highlight reached.
    const seen: number[] = [f.index];
    for (const key of ['ArrowDown', 'ArrowRight', 'ArrowDown', 'ArrowUp', 'ArrowLeft']) {
      await page.keyboard.press(key);
      f = await focusState(page);
      seen.push(f.index);
      expect(f.stops).toBe(1);
      expect(f.stopIsFocused).toBe(true);
      const g = await cardGeometry(page, (await page.evaluateHandle(() => document.activeElement!)).asElement()!);
      // The card is the reached highlight's own.
      expect(g.text).toMatch(f.kind === 'claim' ? /Known claim/i : f.kind === 'actor' ? /Named in/ : /note/i);
      expect(placementProblems(g)).toEqual([]);
    }
    expect(seen).toEqual([0, 1, 2, 3, 2, 1]);

    // Escape closes the card, focus stays, and it stays closed.
    await page.keyboard.press('Escape');
    expect(await cardOpen(page)).toBe(false);
    expect((await focusState(page)).index).toBe(1);
    await page.waitForTimeout(500);
    expect(await cardOpen(page)).toBe(false);

    // One Tab leaves all the highlights behind.
    await page.keyboard.press('Tab');
    f = await focusState(page);
    expect(f.isMark).toBe(false);
    const after = await page.evaluate(() => document.activeElement?.localName ?? null);
    expect(after).not.toBe('claimlens-mark');
    // Shift+Tab comes back to the highlight last reached.
    await page.keyboard.press('Shift+Tab');
    f = await focusState(page);
    expect(f.index).toBe(1);
    await page.close();
  });

  it('at 360x640, ArrowDown walks every highlight, each card inside the viewport and off its words', async () => {
    const page = await openArticle({ width: 360, height: 640 });
    const total = await page.$$eval('claimlens-mark[tabindex]', (m) => m.length);
    await page.$eval('claimlens-mark[tabindex="0"]', (m) => (m as HTMLElement).focus());
    const problems: string[] = [];
    for (let i = 0; i < total; i++) {
      const f = await focusState(page);
      expect(f.index).toBe(i);
      expect(f.stops).toBe(1);
      const g = await cardGeometry(page, (await page.evaluateHandle(() => document.activeElement!)).asElement()!);
      problems.push(...placementProblems(g).map((p) => `highlight ${i}: ${p}`));
      await page.keyboard.press('ArrowDown');
    }
    expect(problems).toEqual([]);
    // Past the last one the arrow does nothing.
    expect((await focusState(page)).index).toBe(total - 1);
    await page.close();
  });
});
