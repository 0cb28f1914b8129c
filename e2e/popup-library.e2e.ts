// The popup and the library as a keyboard reader meets them: every control a
// Tab stop that looks like what it is; "show on the page" scrolls to the
// sentence, focuses it and marks it; search results open their details; one
// stance vocabulary; note limits; an undo bar that goes away; import errors in
// words; the toolbar badge. Screenshots at several sizes.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser, waitForHighlights } from './fixture';

const env = useBrowser();
const SHOTS = resolve('out/e2e-screenshots');
mkdirSync(SHOTS, { recursive: true });

/** Names of the controls Tab reaches, in order, until focus comes back round. */
async function tabStops(page: Page, max = 80): Promise<string[]> {
  const names: string[] = [];
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const name = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body || el.hasAttribute('data-test-visited')) return null;
      el.setAttribute('data-test-visited', '');
      return `${el.tagName.toLowerCase()}:${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 60)}`;
    });
    if (name === null) break;
    names.push(name);
  }
  await page.evaluate(() => document.querySelectorAll('[data-test-visited]').forEach((e) => e.removeAttribute('data-test-visited')));
  return names;
}

async function openPopup(page: Page, size = { width: 380, height: 700 }): Promise<Page> {
  const tabId = await env.tabIdOf(page);
  const popup = await env.b.context.newPage();
  await popup.setViewportSize(size);
  await popup.goto(`chrome-extension://${env.b.extensionId}/src/ui/popup.html?tab=${tabId}`);
  await popup.waitForSelector('text=Claims on this page');
  return popup;
}

describe('popup and library', () => {
  it('popup: one stance vocabulary, every control a Tab stop, the add button named as the contract says', async () => {
    const page = await env.open('/pages/reader.html');
    await waitForHighlights(page, '#p-deny [data-claimlens-kind="claim"]');
    const popup = await openPopup(page);
    const text = (await popup.textContent('body')) ?? '';
    expect(text).not.toMatch(/contest|\bdeny\b/i);
    expect(text).toMatch(/contradicts/);
    const stops = await tabStops(popup);
    expect(stops.some((s) => s.startsWith('button:Add this page to the knowledge base'))).toBe(true);
    expect(stops.some((s) => s.startsWith('input'))).toBe(true);
    expect(stops.filter((s) => s.startsWith('button:')).length).toBeGreaterThan(3);
    expect(stops.some((s) => s.startsWith('a:Library'))).toBe(true);
    for (const size of [{ width: 380, height: 600 }, { width: 320, height: 480 }]) {
      await popup.setViewportSize(size);
      await popup.screenshot({ path: `${SHOTS}/popup-${size.width}x${size.height}.png`, fullPage: true });
    }
    await popup.close();
    await page.close();
  });

  it('choosing a claim in the popup scrolls to its sentence, focuses it and marks it', async () => {
    const page = await env.open('/pages/reader.html');
    await waitForHighlights(page, '#p-deny [data-claimlens-kind="claim"]');
    await page.setViewportSize({ width: 800, height: 300 });
    const popup = await openPopup(page);
    const id = await page.$eval('#p-deny [data-claimlens-kind="claim"]', (e) => e.getAttribute('data-claimlens-id'));
    const items = popup.locator('[aria-labelledby="claims-h"] button.item');
    const n = await items.count();
    let chosen = -1;
    for (let i = 0; i < n && chosen < 0; i++) {
      // The popup lists the page's claims; pick the one of the denial.
      await items.nth(i).click();
      const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-claimlens-id') ?? null);
      if (focused === id) chosen = i;
    }
    expect(chosen).toBeGreaterThanOrEqual(0);
    await page.bringToFront();
    expect(await page.$$('[data-claimlens-revealed]')).not.toHaveLength(0);
    const inView = await page.$eval('[data-claimlens-revealed]', (e) => {
      const r = e.getBoundingClientRect();
      return r.bottom > 0 && r.top < innerHeight;
    });
    expect(inView).toBe(true);
    await page.screenshot({ path: `${SHOTS}/reveal-from-popup.png` });
    // The mark goes once the reader acts on the page.
    await page.mouse.click(5, 5);
    await expect.poll(() => page.$$('[data-claimlens-revealed]').then((x) => x.length)).toBe(0);
    await popup.close();
    await page.close();
  });

  it('KB search results open their details', async () => {
    const page = await env.open('/pages/reader.html');
    await waitForHighlights(page);
    const popup = await openPopup(page);
    await popup.fill('#q', 'weapons');
    const hit = popup.locator('[aria-label="Search results"] button.item').first();
    await hit.waitFor();
    await hit.press('Enter');
    await popup.locator('[aria-label="Search results"] .details').first().waitFor();
    expect(await popup.locator('[aria-label="Search results"] .details').first().textContent()).toMatch(/sources? supports?/);
    expect(await hit.getAttribute('aria-expanded')).toBe('true');
    await popup.screenshot({ path: `${SHOTS}/popup-search-open.png`, fullPage: true });
    await popup.close();
    await page.close();
  });

  it('library: file choosers are buttons reached by Tab; import errors are in words', async () => {
    const lib = await env.b.context.newPage();
    await lib.goto(`chrome-extension://${env.b.extensionId}/src/ui/library.html`);
    await lib.waitForSelector('text=Claimlens library');
    expect(await tabStops(lib)).toEqual(expect.arrayContaining([expect.stringMatching(/^button:Import…/)]));
    const binary = { name: 'photo.json', mimeType: 'application/json', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0xff, 0xfe]) };
    await lib.setInputFiles('input[aria-label="Import notes"]', binary);
    await lib.waitForSelector('text=not a text file');
    expect(await lib.textContent('body')).not.toContain('\u0000');
    await lib.getByRole('tab', { name: 'Knowledge base' }).click();
    expect(await tabStops(lib)).toEqual(expect.arrayContaining([expect.stringMatching(/^button:Load a KB built from your corpus…/)]));
    const notesFile = JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', first: { type: 'AnnotationPage', items: [] } });
    await lib.setInputFiles('input[aria-label="Load a knowledge base"]', { name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from(notesFile) });
    await lib.waitForSelector('text=This is a notes file');
    expect(await lib.textContent('body')).not.toMatch(/schema is undefined|\d{4}-\d\d-\d\dT\d\d:/);
    expect(await lib.textContent('body')).not.toMatch(/Built unknown/);
    for (const size of [{ width: 1280, height: 800 }, { width: 400, height: 800 }]) {
      await lib.setViewportSize(size);
      await lib.screenshot({ path: `${SHOTS}/library-kb-${size.width}.png`, fullPage: true });
    }
    await lib.close();
  });

  it('library: the claims tab counts documents and says supports / contradicts', async () => {
    const lib = await env.b.context.newPage();
    await lib.goto(`chrome-extension://${env.b.extensionId}/src/ui/library.html`);
    await lib.getByRole('tab', { name: /^Claims/ }).click();
    await lib.waitForSelector('article.card');
    const first = (await lib.locator('article.card').first().textContent()) ?? '';
    expect(first).toMatch(/\d+ sources? supports?, \d+ contradicts?/);
    expect(first).toMatch(/Timeline/);
    expect(await lib.textContent('body')).not.toMatch(/contest/i);
    await lib.screenshot({ path: `${SHOTS}/library-claims.png` });
    await lib.close();
  });

  it('the toolbar badge is the number of distinct claims on the page, empty when the site is off', async () => {
    const page = await env.open('/pages/reader.html');
    await waitForHighlights(page, '#p-deny [data-claimlens-kind="claim"]');
    await page.waitForTimeout(800);
    const tabId = await env.tabIdOf(page);
    const distinct = new Set(await page.$$eval('[data-claimlens-kind="claim"]', (els) => els.map((e) => e.getAttribute('data-claimlens-id')))).size;
    const badge = () => env.b.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    await expect.poll(badge).toBe(String(distinct));
    const popup = await openPopup(page);
    await popup.click('label.switch input');
    await popup.waitForSelector('text=Claimlens is off on 127.0.0.1');
    await expect.poll(badge).toBe('');
    await popup.click('label.switch input');
    await popup.close();
    await page.close();
  });
});
