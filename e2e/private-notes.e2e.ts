// Private notes in Chromium, on a hostile page: the page's own script walks
// every open shadow root every 50 ms (text, field values, into iframes) and
// logs every key and input event on window and document. A note made through
// the real UI, typed with the real keyboard, saved, reloaded and hovered must
// leave no 12-character piece of its body and no run of 3 typed characters
// in what the page collected. Also: focus moves into the frame and Escape
// there closes the card with focus back on the highlight; the 10,000-character
// limit is said in the editor; screenshots of the frame (light, dark, narrow).
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hoverOwnText, useBrowser, waitForHighlights } from './fixture';
import { hostilePage, leakedFragments, loggedRuns, type Harvest } from './harvest';
import { noteFrame } from './note-frame';

const env = useBrowser();
const SHOTS = resolve('out/e2e-screenshots');
mkdirSync(SHOTS, { recursive: true });
const story = readFileSync('e2e/pages/notes-story.html', 'utf8');
const NOTE = 'claimlens-mark[data-claimlens-kind="note"]';
const BODY = 'Varga keeps a second ledger under the counter; ask her on Thursday.';

const harvest = (page: Page): Promise<Harvest> => page.evaluate(() => (window as unknown as { __harvest: Harvest }).__harvest);

/** Selects `phrase` inside `selector`, across highlight elements. */
async function select(page: Page, selector: string, phrase: string): Promise<void> {
  await page.evaluate(
    ([sel, phrase]) => {
      const walker = document.createTreeWalker(document.querySelector(sel)!, NodeFilter.SHOW_TEXT);
      const nodes: Array<{ n: Text; at: number }> = [];
      let text = '';
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        nodes.push({ n: n as Text, at: text.length });
        text += (n as Text).data;
      }
      const i = text.indexOf(phrase);
      const j = i + phrase.length;
      const s = nodes.find(({ n, at }) => i >= at && i < at + n.data.length)!;
      const e = nodes.find(({ n, at }) => j > at && j <= at + n.data.length)!;
      const r = document.createRange();
      r.setStart(s.n, i - s.at);
      r.setEnd(e.n, j - e.at);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(r);
    },
    [selector, phrase] as const,
  );
}

describe('Private notes on a hostile page (Chromium)', () => {
  it('the page reads no note text and logs no typed keys, through create, save, reload and hover', async () => {
    env.server.setPage('/s/hostile-notes.html', hostilePage(story));
    const page = await env.open('/s/hostile-notes.html');
    await waitForHighlights(page, '#p3 [data-claimlens-kind="claim"]');
    // The spy works: it reads open shadow roots and logs typing into the page's own field.
    await page.locator('#page-own').click();
    await page.keyboard.type('ferry times');
    await select(page, '#p2', 'commuters stranded on the quay');
    await page.getByRole('button', { name: 'Add note' }).waitFor({ timeout: 5_000 });
    // The spy reads on a 50 ms timer: let it see the button before it goes (a loaded machine delays timers).
    await expect.poll(async () => (await harvest(page)).text.join('\n').includes('Add note'), { timeout: 5_000 }).toBe(true);
    await page.getByRole('button', { name: 'Add note' }).click({ timeout: 5_000 });
    const frame = await noteFrame(page);
    const box = frame.getByRole('textbox', { name: 'Note', exact: true });
    await box.waitFor({ timeout: 8_000 });
    // Focus moved into the frame, onto the textbox: the real keyboard types there.
    await expect.poll(() => frame.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Note');
    await page.keyboard.type(BODY);
    await frame.getByRole('textbox', { name: 'Tags' }).fill('ledger');
    await frame.getByRole('button', { name: 'Save', exact: true }).click();
    await page.waitForSelector(`#p2 ${NOTE}`, { timeout: 10_000 });
    await page.waitForFunction(() => !document.querySelector('claimlens-card'));
    // Focus went back to the words the note is on.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-claimlens-kind'))).toBe('note');
    let h = await harvest(page);
    expect(h.roots, 'the spy walked open shadow roots').toBeGreaterThan(0);
    expect(h.text.join('\n'), 'the spy read the "Add note" button').toContain('Add note');
    expect(loggedRuns(h, 'ferry times'), 'the spy logs typing into the page').not.toEqual([]);
    expect(leakedFragments(h, BODY)).toEqual([]);
    expect(loggedRuns(h, BODY)).toEqual([]);
    expect(h.text.join('\n')).not.toContain('ledger');
    // The highlight carries no body and no tags.
    const markAttrs = await page.$$eval(NOTE, (els) => els.map((e) => [...e.attributes].map((a) => `${a.name}=${a.value}`).join(' ')).join('\n'));
    expect(markAttrs).not.toContain('Varga');

    await page.reload();
    await page.waitForSelector(`#p2 ${NOTE}`, { timeout: 15_000 });
    expect(await page.$eval(`#p2 ${NOTE}`, (e) => e.textContent)).toBe('commuters stranded on the quay');
    await hoverOwnText(page, `#p2 ${NOTE}`);
    const shown = await noteFrame(page);
    await shown.getByText('Varga keeps a second ledger').waitFor({ timeout: 8_000 });
    await shown.getByText('Tags: ledger').waitFor({ timeout: 8_000 });
    await page.waitForTimeout(400); // several spy rounds with the note on screen
    h = await harvest(page);
    expect(h.roots).toBeGreaterThan(0);
    expect(leakedFragments(h, BODY)).toEqual([]);
    expect(h.text.join('\n')).not.toContain('ledger');
    await page.close();
  });

  it('the notes listed in a claim’s card are in the frame too', async () => {
    env.server.setPage('/s/hostile-claim.html', hostilePage(story));
    const page = await env.open('/s/hostile-claim.html');
    await waitForHighlights(page, '#p3 [data-claimlens-kind="claim"]');
    await select(page, '#p3', 'artillery shells and rockets');
    await page.getByRole('button', { name: 'Add note' }).click({ timeout: 5_000 });
    const frame = await noteFrame(page);
    await frame.getByRole('textbox', { name: 'Note', exact: true }).waitFor({ timeout: 8_000 });
    const body = 'Compare the crates with the satellite photographs.';
    await page.keyboard.type(body);
    await frame.getByRole('button', { name: 'Save', exact: true }).click();
    await page.waitForSelector(`#p3 ${NOTE}`, { timeout: 10_000 });
    await page.mouse.move(5, 5);
    await page.waitForFunction(() => !document.querySelector('claimlens-card'));
    await hoverOwnText(page, '#p3 [data-claimlens-kind="claim"]');
    const claimFrame = await noteFrame(page);
    await claimFrame.getByText('Your notes on this claim').waitFor({ timeout: 8_000 });
    await claimFrame.getByText(body).waitFor({ timeout: 8_000 });
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => document.querySelector('claimlens-card')?.shadowRoot?.textContent ?? '')).toMatch(/sources? supports?/);
    const h = await harvest(page);
    expect(leakedFragments(h, body)).toEqual([]);
    expect(loggedRuns(h, body)).toEqual([]);
    await page.close();
  });

  it('keyboard: Escape inside the frame closes the card and gives focus back to the highlight', async () => {
    const page = await env.open('/s/hostile-notes.html');
    await page.waitForSelector(`#p2 ${NOTE}`, { timeout: 15_000 });
    await page.focus(`#p2 ${NOTE}`);
    const frame = await noteFrame(page);
    await frame.getByRole('button', { name: 'Edit' }).click({ timeout: 5_000 });
    await frame.getByRole('textbox', { name: 'Note', exact: true }).waitFor({ timeout: 8_000 });
    await expect.poll(() => frame.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Note');
    // The card stays open while editing, even when the mouse leaves it.
    await page.mouse.move(5, 5);
    await page.waitForTimeout(600);
    expect(await page.evaluate(() => !!document.querySelector('claimlens-card'))).toBe(true);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('claimlens-card'), undefined, { timeout: 5_000 });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-claimlens-kind'))).toBe('note');
    // A new note's editor: Escape closes it and saves nothing.
    await select(page, '#p5', 'cinnamon buns');
    await page.getByRole('button', { name: 'Add note' }).click({ timeout: 5_000 });
    const editor = await noteFrame(page);
    await editor.getByRole('textbox', { name: 'Note', exact: true }).waitFor({ timeout: 8_000 });
    await page.keyboard.type('not kept');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('claimlens-card'), undefined, { timeout: 5_000 });
    expect(await page.$$(`#p5 ${NOTE}`)).toHaveLength(0);
    await page.close();
  });

  it('the 10,000-character limit is said in the editor, and a long note is collapsed in its card', async () => {
    const page = await env.open('/s/hostile-notes.html');
    await page.waitForSelector(`#p2 ${NOTE}`, { timeout: 15_000 });
    await select(page, '#p4', 'printed and posted');
    await page.getByRole('button', { name: 'Add note' }).click({ timeout: 5_000 });
    const frame = await noteFrame(page);
    const box = frame.getByRole('textbox', { name: 'Note', exact: true });
    await box.fill('x'.repeat(10_050));
    await frame.getByText('10,050 of 10,000 characters').waitFor({ timeout: 8_000 });
    await frame.getByRole('button', { name: 'Save', exact: true }).click();
    await frame.getByRole('alert').filter({ hasText: 'Shorten it by 50' }).waitFor({ timeout: 8_000 });
    expect(await page.$$(`#p4 ${NOTE}`)).toHaveLength(0);
    const long = `${'A long note about the schedule. '.repeat(60)}The end.`;
    await box.fill(long);
    // Save stays reachable inside the viewport whatever the note's length.
    const save = frame.getByRole('button', { name: 'Save', exact: true });
    const inView = async (): Promise<boolean> => {
      const b = await save.boundingBox();
      const vp = page.viewportSize()!;
      return !!b && b.y >= 0 && b.y + b.height <= vp.height && b.x >= 0 && b.x + b.width <= vp.width;
    };
    await expect.poll(inView).toBe(true);
    await save.click();
    await page.waitForSelector(`#p4 ${NOTE}`, { timeout: 10_000 });
    await page.mouse.move(5, 5);
    await hoverOwnText(page, `#p4 ${NOTE}`);
    const card = await noteFrame(page);
    await card.getByRole('button', { name: /Show all \(1,/ }).waitFor({ timeout: 8_000 });
    expect(await card.locator('.note-body').first().textContent()).not.toContain('The end.');
    await page.close();
  });

  it('screenshots: the frame on a light page near the bottom, on a dark page, and 400 px wide', async () => {
    env.server.setPage('/s/light-notes.html', hostilePage(story));
    env.server.setPage('/s/dark-notes.html', hostilePage(story, { dark: true }));
    const shots: Array<{ path: string; size: { width: number; height: number }; dark: boolean }> = [
      { path: '/s/light-notes.html', size: { width: 1280, height: 720 }, dark: false },
      { path: '/s/dark-notes.html', size: { width: 1280, height: 720 }, dark: true },
      { path: '/s/light-notes.html', size: { width: 400, height: 720 }, dark: false },
    ];
    for (const s of shots) {
      const page = await env.open(s.path);
      await page.setViewportSize(s.size);
      await waitForHighlights(page, '#p3 [data-claimlens-kind="claim"]');
      // The last paragraph, scrolled to the bottom of the window.
      await page.evaluate(() => {
        document.body.style.paddingTop = '900px';
        const p5 = document.getElementById('p5')!;
        window.scrollBy(0, p5.getBoundingClientRect().bottom - innerHeight + 30);
      });
      await page.waitForTimeout(200); // a scroll hides the "Add note" button: select after it
      await select(page, '#p5', 'before the first boat leaves');
      await page.getByRole('button', { name: 'Add note' }).click({ timeout: 5_000 });
      const frame = await noteFrame(page);
      await frame.getByRole('textbox', { name: 'Note', exact: true }).waitFor({ timeout: 8_000 });
      await page.keyboard.type('Ask whether the first boat waits for the bakery run.');
      await page.waitForTimeout(300);
      expect(await frame.evaluate(() => document.documentElement.dataset.theme)).toBe(s.dark ? 'dark' : 'light');
      const box = await page.evaluate(() => {
        const r = document.querySelector('claimlens-card')!.shadowRoot!.querySelector('.card')!.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
      });
      expect(box.top).toBeGreaterThanOrEqual(0);
      expect(box.bottom).toBeLessThanOrEqual(s.size.height);
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.right).toBeLessThanOrEqual(s.size.width);
      const save = await frame.getByRole('button', { name: 'Save', exact: true }).boundingBox();
      expect(save && save.y + save.height).toBeLessThanOrEqual(s.size.height);
      await page.screenshot({ path: `${SHOTS}/note-frame-${s.dark ? 'dark' : 'light'}-${s.size.width}.png` });
      await page.keyboard.press('Escape');
      await page.close();
    }
  });

  it('left no errors in the pages', () => {
    expect(env.pageErrors).toEqual([]);
  });
});
