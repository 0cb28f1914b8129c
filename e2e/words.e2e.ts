// Words and notes as the reader meets them: an actor's roles once each (John
// Kirby's five wordings of one job), one stance vocabulary in the actor card,
// a long note collapsed in the library, and the library's undo offer going
// away by itself.
import { describe, expect, it } from 'vitest';
import { useBrowser, waitForHighlights } from './fixture';
import { cardGeometry } from './card-geometry';

const env = useBrowser();

describe('words and notes', () => {
  it('John Kirby’s card names his job once, in the one stance vocabulary', async () => {
    const page = await env.open(env.server.articles[0]);
    await waitForHighlights(page, '[data-claimlens-kind="actor"]');
    const kirby = await page.evaluateHandle(() =>
      [...document.querySelectorAll('claimlens-mark[data-claimlens-kind="actor"][tabindex]')].find((m) => /Kirby/.test(m.textContent ?? '')) ?? null,
    );
    const mark = kirby.asElement();
    expect(mark).not.toBeNull();
    await mark!.evaluate((m) => (m as HTMLElement).focus());
    const g = await cardGeometry(page, mark!);
    expect(g.text).toContain('John Kirby');
    const roles = g.text.match(/spokes(man|person)/gi) ?? [];
    expect(roles).toHaveLength(1);
    expect(g.text).not.toMatch(/made or denied|\bdeny\b|contest/i);
    await page.close();
  });

  it('library: a long note is collapsed behind "Show all"; the undo offer goes after 10 s', async () => {
    const lib = await env.b.context.newPage();
    await lib.clock.install();
    await lib.goto(`chrome-extension://${env.b.extensionId}/src/ui/library.html`);
    const body = `A long note. ${'The ferry log has more to say about the harbour and its crossings. '.repeat(120)}`;
    await lib.evaluate(
      (body) =>
        new Promise<void>((resolve, reject) => {
          const req = indexedDB.open('claimlens');
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            const tx = req.result.transaction('notes', 'readwrite');
            tx.objectStore('notes').put({
              '@context': 'http://www.w3.org/ns/anno.jsonld', id: 'urn:uuid:long-note', type: 'Annotation', motivation: 'commenting',
              created: '2026-02-01T00:00:00.000Z', modified: '2026-02-01T00:00:00.000Z',
              body: [{ type: 'TextualBody', value: body, format: 'text/plain', purpose: 'commenting' }],
              target: { source: 'https://news.example/long', selector: [{ type: 'TextQuoteSelector', exact: 'long', prefix: '', suffix: '' }] },
            });
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
          };
        }),
      body,
    );
    await lib.reload();
    const article = lib.locator('article', { hasText: 'A long note.' });
    await article.waitFor();
    const shown = (await article.textContent()) ?? '';
    expect(shown.length).toBeLessThan(1000);
    expect(body.length).toBeGreaterThan(7000);
    await article.getByRole('button', { name: /Show all/ }).click();
    expect(((await article.textContent()) ?? '').length).toBeGreaterThan(body.length);
    const height = await article.evaluate((a) => a.getBoundingClientRect().height);
    await article.getByRole('button', { name: /Show less/ }).click();
    expect(await article.evaluate((a) => a.getBoundingClientRect().height)).toBeLessThan(height / 4);

    await article.getByRole('button', { name: 'Delete' }).click();
    await lib.waitForSelector('text=Note deleted.');
    await lib.clock.fastForward(9_000);
    expect(await lib.$('text=Note deleted.')).not.toBeNull();
    await lib.clock.fastForward(2_000);
    await lib.waitForSelector('text=Note deleted.', { state: 'detached', timeout: 3_000 });
    await lib.close();
  });

  it('library: importing notes says how many were added and how many duplicates were skipped', async () => {
    const lib = await env.b.context.newPage();
    await lib.goto(`chrome-extension://${env.b.extensionId}/src/ui/library.html`);
    await lib.waitForSelector('text=Claimlens library');
    const note = {
      '@context': 'http://www.w3.org/ns/anno.jsonld', id: 'urn:uuid:import-twice', type: 'Annotation', motivation: 'commenting',
      created: '2026-02-02T00:00:00.000Z', modified: '2026-02-02T00:00:00.000Z',
      body: [{ type: 'TextualBody', value: 'imported twice', format: 'text/plain', purpose: 'commenting' }],
      target: { source: 'https://news.example/twice', selector: [{ type: 'TextQuoteSelector', exact: 'twice', prefix: '', suffix: '' }] },
    };
    const file = { name: 'notes.jsonld', mimeType: 'application/ld+json', buffer: Buffer.from(JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', first: { type: 'AnnotationPage', items: [note] } })) };
    await lib.setInputFiles('input[aria-label="Import notes"]', file);
    await lib.waitForSelector('text=Imported 1 note.');
    await lib.setInputFiles('input[aria-label="Import notes"]', file);
    await lib.waitForSelector('text=Imported 0 notes; 1 already here was skipped as duplicate.');
    await lib.close();
  });
});
