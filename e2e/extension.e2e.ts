// The extension end to end in real Chromium: worker, KB import, highlights,
// cards (hover and keyboard), popup, per-site switch, late text, privacy.
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hoverOwnText, useBrowser, waitForHighlights } from './fixture';

const env = useBrowser();
const SHOTS = resolve('out/e2e-screenshots');
mkdirSync(SHOTS, { recursive: true });
console.log(`Browser test screenshots: ${SHOTS}`);
const kb = JSON.parse(readFileSync('assets/kb.json', 'utf8')) as { documents: unknown[]; actors: unknown[]; claims: unknown[] };

/** The article's text as served, parsed without Claimlens, for comparison. */
async function originalArticleText(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const html = await (await fetch(location.href)).text();
    const doc = new DOMParser().parseFromString(html, 'text/html');
    return doc.querySelector('article')?.textContent ?? '';
  });
}

async function cardText(page: Page): Promise<string> {
  const handle = await page.waitForFunction(() => {
    const host = document.querySelector('claimlens-card');
    const text = host?.shadowRoot?.querySelector('.card')?.textContent ?? '';
    return text && !text.includes('Loading') ? text : null;
  }, undefined, { timeout: 8_000 });
  return (await handle.jsonValue()) as string;
}

describe('Claimlens in Chromium', () => {
  it('starts the service worker and imports the bundled KB into IndexedDB', async () => {
    expect(env.b.extensionId).toMatch(/^[a-p]{32}$/);
    await expect.poll(() => env.kbCounts(), { timeout: 10_000 }).toEqual({
      documents: kb.documents.length,
      actors: kb.actors.length,
      claims: kb.claims.length,
    });
  });

  it('highlights actors and claims on a corpus article without changing its text', async () => {
    const page = await env.open(env.server.articles[0]);
    await waitForHighlights(page, '[data-claimlens-kind="claim"]');
    const marks = await page.$$eval('[data-claimlens-kind]', (els) =>
      els.map((e) => ({ kind: e.getAttribute('data-claimlens-kind'), id: e.getAttribute('data-claimlens-id'), stance: e.getAttribute('data-claimlens-stance') })),
    );
    expect(marks.some((m) => m.kind === 'actor' && m.id)).toBe(true);
    const claims = marks.filter((m) => m.kind === 'claim');
    expect(claims.length).toBeGreaterThan(0);
    for (const c of claims) expect(['supports', 'contradicts']).toContain(c.stance);
    const now = await page.$eval('article', (a) => a.textContent);
    expect(now).toBe(await originalArticleText(page));
    // Nothing but highlights goes into the page (the card only on hover).
    expect(await page.$$eval('body *', (els) => els.filter((e) => e.localName.startsWith('claimlens-') && e.localName !== 'claimlens-mark').length)).toBe(0);
    await page.close();
  });

  it('matches paraphrases and denials, not distractors, across a link, and late text', async () => {
    const page = await env.open('/pages/reader.html');
    await waitForHighlights(page, '#p-para [data-claimlens-kind="claim"]');
    expect(await page.$eval('#p-para [data-claimlens-kind="claim"]', (e) => e.getAttribute('data-claimlens-stance'))).toBe('supports');
    await waitForHighlights(page, '#p-deny [data-claimlens-kind="claim"]');
    expect(await page.$eval('#p-deny [data-claimlens-kind="claim"]', (e) => e.getAttribute('data-claimlens-stance'))).toBe('contradicts');
    expect(await page.$$('#p-distract [data-claimlens-kind="claim"]')).toHaveLength(0);
    expect((await page.$$('#p-distract [data-claimlens-kind="actor"]')).length).toBeGreaterThan(0);
    // The claim highlight continues inside the link.
    expect(await page.$$('#p-link a [data-claimlens-kind="claim"]')).toHaveLength(1);
    await waitForHighlights(page, '#p-late [data-claimlens-kind="claim"]');
    // Nav text is never highlighted.
    expect(await page.$$('nav [data-claimlens-kind]')).toHaveLength(0);
    await page.close();
  });

  it('highlights the next story of a single-page app after history navigation', async () => {
    const page = await env.open('/pages/spa.html');
    await waitForHighlights(page, '#first [data-claimlens-kind="actor"]');
    await page.click('#next');
    await waitForHighlights(page, '#second [data-claimlens-kind="claim"]');
    expect(page.url()).toContain('story=2');
    expect(await page.$eval('#second [data-claimlens-kind="claim"]', (e) => e.getAttribute('data-claimlens-stance'))).toBe('supports');
    await page.close();
  });

  it('shows the claim card on hover and on keyboard focus; Escape closes it', async () => {
    const page = await env.open('/pages/reader.html');
    await waitForHighlights(page, '#p-para [data-claimlens-kind="claim"]');
    await hoverOwnText(page, '#p-para [data-claimlens-kind="claim"]');
    const text = await cardText(page);
    // Both sides, in the one stance vocabulary, counted in documents.
    expect(text).toMatch(/sources? supports?/);
    expect(text).toMatch(/sources? contradicts?/);
    expect(text).toMatch(/sources? supports?/);
    await page.screenshot({ path: `${SHOTS}/claim-card.png` });
    const mode = await page.$eval('claimlens-card', (h) => (h.shadowRoot ? h.shadowRoot.mode : 'none'));
    expect(mode).toBe('open');
    await page.mouse.move(0, 0);
    await page.waitForFunction(() => !document.querySelector('claimlens-card'), undefined, { timeout: 5_000 });

    // Keyboard: Tab until a highlight has focus.
    await page.focus('h1').catch(() => undefined);
    let focusedKind: string | null = null;
    for (let i = 0; i < 30 && !focusedKind; i++) {
      await page.keyboard.press('Tab');
      focusedKind = await page.evaluate(() => document.activeElement?.getAttribute('data-claimlens-kind') ?? null);
    }
    expect(focusedKind).not.toBeNull();
    await cardText(page);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('claimlens-card'), undefined, { timeout: 5_000 });
    await page.close();
  });

  it('shows the actor card with name, kind and claims', async () => {
    const page = await env.open(env.server.articles[0]);
    await waitForHighlights(page, '[data-claimlens-kind="actor"]');
    await page.hover('[data-claimlens-kind="actor"]');
    const text = await cardText(page);
    expect(text).toMatch(/Named in \d+ corpus document/);
    await page.close();
  });

  it('renders the popup with this page’s findings, and the per-site switch turns Claimlens off and on', async () => {
    const page = await env.open('/pages/reader.html');
    await waitForHighlights(page, '#p-para [data-claimlens-kind="claim"]');
    const tabId = await env.tabIdOf(page);
    const popup = await env.b.context.newPage();
    await popup.goto(`chrome-extension://${env.b.extensionId}/src/ui/popup.html?tab=${tabId}`);
    await popup.waitForSelector('text=Claims on this page');
    await popup.screenshot({ path: `${SHOTS}/popup.png`, fullPage: true });
    expect(await popup.textContent('body')).toMatch(/Actors on this page \([1-9]/);
    // Search the KB.
    await popup.fill('#q', 'Kirby');
    await popup.waitForSelector('[aria-label="Search results"] li');
    // Turn off for this site.
    await popup.click('label.switch input');
    await popup.waitForSelector('text=Claimlens is off on 127.0.0.1');
    expect(await page.$$('[data-claimlens-kind]')).toHaveLength(0);
    await page.reload();
    await page.waitForTimeout(1500);
    expect(await page.$$('[data-claimlens-kind]')).toHaveLength(0);
    // And back on.
    await popup.reload();
    await popup.waitForSelector('label.switch input');
    await popup.click('label.switch input');
    await waitForHighlights(page, '[data-claimlens-kind="claim"]');
    await popup.close();
    await page.close();
  });

  it('loads a KB built from another corpus in the library, then restores the bundled one', async () => {
    const out = resolve('out/e2e-other-kb.json');
    const built = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'src/cli/claimlens.ts', 'build', '--corpus', 'src/kb/fixtures/databreach', '--out', out], { encoding: 'utf8' });
    expect(built.status, built.stderr).toBe(0);
    const other = JSON.parse(readFileSync(out, 'utf8')) as { claims: unknown[] };
    const lib = await env.b.context.newPage();
    await lib.goto(`chrome-extension://${env.b.extensionId}/src/ui/library.html`);
    await lib.click('role=tab[name="Knowledge base"]');
    await lib.setInputFiles('input[aria-label="Load a knowledge base"]', out);
    await lib.waitForSelector(`text=Loaded your knowledge base: ${other.claims.length} claims`);
    await expect.poll(() => env.kbCounts().then((c) => c.claims)).toBe(other.claims.length);
    // A broken file is refused and changes nothing.
    await lib.setInputFiles('input[aria-label="Load a knowledge base"]', { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"schema":"claimlens-kb/1","actors":') });
    await lib.waitForSelector('text=Not loaded');
    expect((await env.kbCounts()).claims).toBe(other.claims.length);
    await lib.click('text=Restore the bundled KB');
    await lib.waitForSelector('text=Back to the bundled knowledge base');
    await expect.poll(() => env.kbCounts().then((c) => c.claims)).toBe(kb.claims.length);
    await lib.close();
  });

  it('recovers from a damaged stored KB after a worker restart, keeps notes, and tells the reader in the popup', async () => {
    const popup = await env.b.context.newPage();
    await popup.goto(`chrome-extension://${env.b.extensionId}/src/ui/popup.html`);
    // Damage the stored KB and add a note, straight in the extension's database.
    await popup.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const req = indexedDB.open('claimlens');
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            const db = req.result;
            const tx = db.transaction(['kbClaims', 'notes'], 'readwrite');
            tx.objectStore('kbClaims').put({ id: 'broken', text: 42 });
            tx.objectStore('notes').put({
              '@context': 'http://www.w3.org/ns/anno.jsonld', id: 'urn:uuid:keep-me', type: 'Annotation', motivation: 'commenting',
              created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z',
              body: [{ type: 'TextualBody', value: 'still here', format: 'text/plain', purpose: 'commenting' }],
              target: { source: 'https://news.example/x', selector: [{ type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' }] },
            });
            tx.oncomplete = () => { db.close(); resolve(); };
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    // Restart the service worker so it reads the database again.
    const cdp = await env.b.context.newCDPSession(popup);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
    await popup.waitForTimeout(500);
    await popup.reload();
    await popup.waitForSelector('.notice');
    expect(await popup.textContent('.notice')).toMatch(/damaged.*re-imported.*notes are untouched/i);
    await expect.poll(() => env.kbCounts()).toEqual({ documents: kb.documents.length, actors: kb.actors.length, claims: kb.claims.length });
    const lib = await env.b.context.newPage();
    await lib.goto(`chrome-extension://${env.b.extensionId}/src/ui/library.html`);
    await lib.waitForSelector('text=still here');
    await lib.close();
    await popup.close();
  });

  it('makes no request that the local test server did not serve', async () => {
    const foreign = env.requests.filter((u) => !u.startsWith(env.server.origin) && !u.startsWith('chrome-extension://') && !u.startsWith('data:'));
    expect(foreign).toEqual([]);
    expect(env.requests.length).toBeGreaterThan(0);
    expect(env.pageErrors).toEqual([]);
  });
});
