// Firefox for real: Debian's firefox-esr driven by puppeteer-core over
// WebDriver BiDi, with dist-firefox/ installed as a temporary add-on. A smoke
// of what a reader does: highlights, a card on hover, a note saved and shown
// again after a reload. Never downloads a browser.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type Frame, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostilePage, leakedFragments, loggedRuns, type Harvest } from './harvest';
import { startNewsServer, type NewsServer } from './server';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const DIST = resolve('dist-firefox');

let browser: Browser;
let server: NewsServer;

beforeAll(async () => {
  if (!existsSync(FIREFOX)) throw new Error(`Firefox not found at ${FIREFOX}. Install it with: apt-get install -y firefox-esr (or set FIREFOX_PATH).`);
  if (!existsSync(resolve(DIST, 'manifest.json'))) throw new Error(`No Firefox build in ${DIST}: run npm run build:firefox first.`);
  server = await startNewsServer({ corpusDir: 'assets/corpus', pagesDir: 'e2e/pages' });
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    protocol: 'webDriverBiDi',
    headless: true,
    // Nothing of Firefox's own reaches the network during the test.
    extraPrefsFirefox: { 'network.proxy.type': 0, 'app.update.enabled': false, 'browser.shell.checkDefaultBrowser': false },
  });
  await browser.installExtension(DIST);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(server.origin + path);
  return page;
}

/** The card's text once loaded (open shadow root). */
async function cardText(page: Page): Promise<string> {
  const handle = await page.waitForFunction(() => {
    const text = document.querySelector('claimlens-card')?.shadowRoot?.querySelector('.card')?.textContent ?? '';
    return text && !text.includes('Loading') ? text : null;
  }, { timeout: 10_000 });
  return (await handle.jsonValue()) as string;
}

/** A point on a highlight's own text (not a nested highlight). */
async function ownTextPoint(page: Page, selector: string): Promise<{ x: number; y: number }> {
  return page.$eval(selector, (mark) => {
    for (const n of mark.childNodes) {
      if (n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim().length > 3) {
        const r = document.createRange();
        r.selectNodeContents(n);
        const rect = r.getClientRects()[0];
        return { x: rect.left + Math.min(rect.width / 2, 20), y: rect.top + rect.height / 2 };
      }
    }
    throw new Error('no bare text in the highlight');
  });
}

/** An element by its accessible text, inside the page's open shadow roots. */
async function inShadow(page: Page | Frame, host: string, selector: string, text: string): Promise<ElementHandle<Element> | null> {
  const h = await page.evaluateHandle(([hostSel, sel, t]) => {
    for (const el of document.querySelectorAll(hostSel)) {
      const found = [...(el.shadowRoot?.querySelectorAll(sel) ?? [])].find((x) => (x.textContent ?? '').trim() === t || x.getAttribute('aria-label') === t);
      if (found) return found;
    }
    return null;
  }, [host, selector, text] as const);
  return h.asElement() as ElementHandle<Element> | null;
}

/**
 * The note step, in one place so it follows the note editor wherever it
 * lives: select the words, press "Add note", type into the textbox "Note"
 * and press "Save", in the card's shadow root or in an extension iframe inside it.
 */
async function saveNote(page: Page, paragraph: string, phrase: string, body: string): Promise<void> {
  await page.evaluate(([sel, p]) => {
    const el = document.querySelector(sel)!;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = (n as Text).data.indexOf(p);
      if (i < 0) continue;
      const range = document.createRange();
      range.setStart(n, i);
      range.setEnd(n, i + p.length);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
      document.dispatchEvent(new Event('selectionchange'));
      el.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
      return;
    }
    throw new Error(`"${p}" not found in one text node of ${sel}`);
  }, [paragraph, phrase] as const);
  let add: ElementHandle<Element> | null = null;
  for (let i = 0; i < 50 && !add; i++) {
    add = await inShadow(page, 'claimlens-note', 'button', 'Add note');
    if (!add) await new Promise((r) => setTimeout(r, 100));
  }
  if (!add) throw new Error('no "Add note" button');
  await add.click();
  for (let i = 0; i < 50; i++) {
    for (const frame of [page.mainFrame(), ...page.frames()]) {
      const box = await inShadow(frame, 'claimlens-card', 'textarea', 'Note') ?? (await frame.$('textarea[aria-label="Note"]'));
      if (!box) continue;
      await box.type(body);
      const save = (await inShadow(frame, 'claimlens-card', 'button', 'Save')) ?? (await frame.$('::-p-text(Save)'));
      if (!save) throw new Error('no "Save" button');
      await save.click();
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('no textbox "Note"');
}

/**
 * The note frame (a moz-extension:// page in the card's iframe), once it has
 * rendered. WebDriver BiDi lists it as about:blank, so it is told apart by
 * its own document: the frame page's title and root.
 */
async function noteFrame(page: Page): Promise<Frame> {
  for (let i = 0; i < 100; i++) {
    for (const f of page.frames().filter((x) => x !== page.mainFrame() && !x.detached).reverse()) {
      const ours = await f.evaluate(() => document.title === 'Claimlens note' && !!document.querySelector('#app > *') && location.protocol).catch(() => false);
      if (ours === 'moz-extension:') return f;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no note frame in ${JSON.stringify(page.frames().map((f) => f.url()))}`);
}

describe('Claimlens in Firefox ESR', () => {
  it('highlights actors and claims, with the stance of each sentence', async () => {
    const page = await open('/pages/reader.html');
    await page.waitForSelector('#p-para [data-claimlens-kind="claim"]', { timeout: 20_000 });
    expect(await page.$eval('#p-para [data-claimlens-kind="claim"]', (e) => e.getAttribute('data-claimlens-stance'))).toBe('supports');
    await page.waitForSelector('#p-deny [data-claimlens-kind="claim"][data-claimlens-stance="contradicts"]', { timeout: 10_000 });
    expect((await page.$$('[data-claimlens-kind="actor"]')).length).toBeGreaterThan(0);
    await page.close();
  });

  it('shows the claim card on hover', async () => {
    const page = await open('/pages/reader.html');
    await page.waitForSelector('#p-para [data-claimlens-kind="claim"]', { timeout: 20_000 });
    const p = await ownTextPoint(page, '#p-para [data-claimlens-kind="claim"]');
    await page.mouse.move(p.x, p.y);
    const text = await cardText(page);
    // Both sides, in the one stance vocabulary, counted in documents.
    expect(text).toMatch(/sources? supports?/);
    expect(text).toMatch(/sources? contradicts?/);
    await page.screenshot({ path: resolve('out/e2e-screenshots/firefox-card.png') });
    await page.close();
  });

  it('saves a note and shows it again after a reload', async () => {
    const page = await open(server.articles[0]);
    await page.waitForSelector('[data-claimlens-kind]', { timeout: 20_000 });
    await saveNote(page, 'article p:nth-of-type(2)', 'growing suspicions', 'Firefox remembers this');
    await page.waitForSelector('[data-claimlens-kind="note"]', { timeout: 10_000 });
    await page.reload();
    await page.waitForSelector('[data-claimlens-kind="note"]', { timeout: 20_000 });
    const p = await ownTextPoint(page, '[data-claimlens-kind="note"]');
    await page.mouse.move(p.x, p.y);
    // The note shows in the card's private frame (a closed root the page cannot open).
    const frame = await noteFrame(page);
    await frame.waitForSelector('::-p-text(Firefox remembers this)', { timeout: 10_000 });
    await page.close();
  });

  it('private notes: a hostile page reads no note text and logs no typed keys (moz-extension frame)', async () => {
    server.setPage('/s/ff-hostile.html', hostilePage(readFileSync('e2e/pages/notes-story.html', 'utf8')));
    const page = await open('/s/ff-hostile.html');
    await page.waitForSelector('#p3 [data-claimlens-kind="claim"]', { timeout: 20_000 });
    const harvest = (): Promise<Harvest> => page.evaluate(() => (window as unknown as { __harvest: Harvest }).__harvest);
    // The spy works: typing into the page's own field is logged.
    await page.click('#page-own');
    await page.keyboard.type('ferry times');
    await page.evaluate(() => {
      const t = document.querySelector('#p1')!.firstChild as Text;
      const i = t.data.indexOf('handwritten log');
      const r = document.createRange();
      r.setStart(t, i);
      r.setEnd(t, i + 'handwritten log'.length);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(r);
    });
    let add: ElementHandle<Element> | null = null;
    for (let i = 0; i < 50 && !add; i++) {
      add = await inShadow(page, 'claimlens-note', 'button', 'Add note');
      if (!add) await new Promise((r) => setTimeout(r, 100));
    }
    if (!add) throw new Error('no "Add note" button');
    await add.click();
    const frame = await noteFrame(page);
    await frame.waitForSelector('textarea[aria-label="Note"]');
    // Focus moved into the frame: the real keyboard types into its textbox.
    for (let i = 0; i < 50 && (await frame.evaluate(() => document.activeElement?.getAttribute('aria-label'))) !== 'Note'; i++) await new Promise((r) => setTimeout(r, 100));
    const body = 'Firefox keeps this between us: the log has two hands.';
    await page.keyboard.type(body);
    expect(await frame.$eval('textarea[aria-label="Note"]', (t) => (t as HTMLTextAreaElement).value)).toBe(body);
    await (await frame.waitForSelector('::-p-text(Save)'))!.click();
    await page.waitForSelector('#p1 [data-claimlens-kind="note"]', { timeout: 10_000 });
    let h = await harvest();
    expect(h.roots).toBeGreaterThan(0);
    expect(loggedRuns(h, 'ferry times')).not.toEqual([]);
    expect(leakedFragments(h, body)).toEqual([]);
    expect(loggedRuns(h, body)).toEqual([]);
    await page.reload();
    await page.waitForSelector('#p1 [data-claimlens-kind="note"]', { timeout: 20_000 });
    const p = await ownTextPoint(page, '#p1 [data-claimlens-kind="note"]');
    await page.mouse.move(p.x, p.y);
    const shown = await noteFrame(page);
    await shown.waitForSelector('::-p-text(the log has two hands)', { timeout: 10_000 });
    await new Promise((r) => setTimeout(r, 400));
    h = await harvest();
    expect(leakedFragments(h, body)).toEqual([]);
    await page.screenshot({ path: resolve('out/e2e-screenshots/firefox-note-frame.png') });
    await page.close();
  });
});
