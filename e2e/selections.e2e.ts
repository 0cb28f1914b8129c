// Selections and timing, with a real mouse: "Add note" for over-selections
// (a paragraph plus the line break into the next block), for a drag from text
// above the article into it, and for text Claimlens does not read (it says
// why); no card while the button is held; after Escape or Save no card opens
// until the pointer moves onto another highlight.
import { describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { useBrowser, waitForHighlights } from './fixture';
import { noteFrame } from './note-frame';
import { newsPage } from './server';

const env = useBrowser();

const STORY = [
  'Washington says Pyongyang has shipped artillery shells and rockets to Moscow for the war in Ukraine.',
  'Officials in Pyongyang dismissed the accusation as a baseless fabrication and insisted they never sold weapons to Russia.',
  'Satellite images showed more than 1,000 containers of military equipment moving from North Korea to Russia by rail.',
  'The harbour ferry now leaves at seven, and the quay café opens an hour earlier in spring.',
  'A later report said North Korea delivered ballistic missiles and launchers to the Russian army.',
  'Officials in Moscow dismissed the accusation and insisted they never bought weapons from North Korea.',
];

function storyPage(): string {
  return newsPage('Arms pipeline under scrutiny', STORY, {
    // A standfirst above the article (read, but after the article in the page text) and a footer box Claimlens does not read.
    extraHead: '<style>#stand{max-width:720px;margin:0 auto;padding:0 20px;font:18px Georgia} body{padding-bottom:1200px !important}</style>',
    extraBody: '<script>document.querySelector("main").insertAdjacentHTML("beforebegin", "<div id=\\"stand\\"><p>Our correspondent in Seoul reports on the week.</p></div>")</script>',
  });
}

const cardOpen = (page: Page): Promise<boolean> => page.evaluate(() => document.querySelector('claimlens-card') !== null);
const addNoteShown = (page: Page): Promise<boolean> =>
  page.waitForSelector('claimlens-note', { state: 'attached', timeout: 2_000 }).then(() => true, () => false);

/** The note editor: in the private note frame (inside a closed shadow root, so found by its address). */
const editor = (page: Page): Promise<Frame> => noteFrame(page);

/** Point of a character of an element's text. */
async function charPoint(page: Page, selector: string, index: number, side: 'left' | 'right' = 'left'): Promise<{ x: number; y: number }> {
  return page.$eval(
    selector,
    (el, [index, side]) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      let n = index as number;
      for (let t = walker.nextNode() as Text | null; t; t = walker.nextNode() as Text | null) {
        if (n < t.data.length) {
          const r = document.createRange();
          r.setStart(t, n);
          r.setEnd(t, n + 1);
          const b = r.getBoundingClientRect();
          return { x: side === 'left' ? b.left + 1 : b.right - 1, y: b.top + b.height / 2 };
        }
        n -= t.data.length;
      }
      throw new Error('index past the text');
    },
    [index, side] as const,
  );
}

function notesInDb(): Promise<Array<{ target: { selector: Array<{ type: string; exact?: string }> }; body: Array<{ value: string }> }>> {
  return env.b.worker.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const req = indexedDB.open('claimlens');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const all = req.result.transaction('notes', 'readonly').objectStore('notes').getAll();
          all.onsuccess = () => resolve(all.result);
        };
      }),
  );
}

async function saveNote(page: Page, body: string): Promise<string> {
  const scope = await editor(page);
  await scope.getByRole('textbox', { name: 'Note', exact: true }).fill(body);
  await scope.getByRole('button', { name: 'Save', exact: true }).click();
  await page.waitForFunction(() => !document.querySelector('claimlens-card'), undefined, { timeout: 5_000 });
  const n = (await notesInDb()).find((x) => x.body.some((b) => b.value === body));
  return n?.target.selector.find((s) => s.type === 'TextQuoteSelector')?.exact ?? '';
}

async function open(): Promise<Page> {
  env.server.setPage('/s/story.html', storyPage());
  const page = await env.open('/s/story.html');
  await waitForHighlights(page, 'article p:nth-of-type(2) [data-claimlens-kind="claim"]');
  await page.waitForTimeout(400);
  return page;
}

describe('selections and timing', () => {
  it('"Add note" on a paragraph dragged past its end into the next block; the note is the paragraph', async () => {
    const page = await open();
    // From the first character of the third paragraph to the first of the fourth (the line break between).
    const from = await charPoint(page, 'article p:nth-of-type(3)', 0);
    const to = await charPoint(page, 'article p:nth-of-type(4)', 0);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 8 });
    await page.mouse.up();
    const selected = await page.evaluate(() => document.getSelection()?.toString() ?? '');
    expect(selected).toMatch(/by rail\.\s*\n/); // the line break really is selected
    expect(await addNoteShown(page)).toBe(true);
    await page.getByRole('button', { name: 'Add note' }).click();
    expect(await saveNote(page, 'over-selection note')).toBe(STORY[2]);
    await page.close();
  });

  it('"Add note" on a drag from the standfirst above the article into it keeps the words in the article', async () => {
    const page = await open();
    const from = await charPoint(page, '#stand p', 44);
    const to = await charPoint(page, 'article p:nth-of-type(3)', 16, 'right');
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 8 });
    await page.mouse.up();
    expect(await addNoteShown(page)).toBe(true);
    await page.getByRole('button', { name: 'Add note' }).click();
    const quote = await saveNote(page, 'standfirst drag note');
    // The part in the article (headline and paragraphs), not the standfirst's words.
    expect(['Arms pipeline under scrutiny', ...STORY].join('\n\n')).toContain(quote);
    expect(quote).toMatch(/^Arms pipeline under scrutiny\s+Washington says/);
    await page.close();
  });

  it('offers "Add note" on text Claimlens does not read, and says why no note can be kept there', async () => {
    const page = await open();
    await page.$eval('footer', (f) => {
      const r = document.createRange();
      r.selectNodeContents(f);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(r);
    });
    expect(await addNoteShown(page)).toBe(true);
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.waitForFunction(() => /outside the article it reads/.test(document.querySelector('claimlens-card')?.shadowRoot?.textContent ?? ''));
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('claimlens-card'));
    await page.close();
  });

  it('opens no card while the mouse button is held across highlights, nor on release after a selection', async () => {
    const page = await open();
    const from = await charPoint(page, 'article p:nth-of-type(1)', 0);
    const over = await charPoint(page, 'article p:nth-of-type(2)', 30);
    await page.mouse.move(from.x - 30, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + 20, from.y, { steps: 4 });
    await page.mouse.move(over.x, over.y, { steps: 10 });
    expect(await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.closest('claimlens-mark') !== null, [over.x, over.y])).toBe(true);
    await page.waitForTimeout(700);
    expect(await cardOpen(page)).toBe(false);
    await page.mouse.up();
    await page.waitForTimeout(700);
    expect(await cardOpen(page)).toBe(false);
    // Moving onto another highlight is asking again.
    const other = await charPoint(page, 'article p:nth-of-type(3)', 20);
    await page.mouse.click(5, 5);
    await page.mouse.move(other.x, other.y, { steps: 3 });
    await page.waitForFunction(() => document.querySelector('claimlens-card') !== null, undefined, { timeout: 3_000 });
    await page.close();
  });

  it('after Escape the card stays closed while the pointer stays on the highlight, and opens on another', async () => {
    const page = await open();
    const p = await charPoint(page, 'article p:nth-of-type(2)', 40);
    await page.mouse.move(p.x, p.y);
    await page.waitForFunction(() => document.querySelector('claimlens-card') !== null, undefined, { timeout: 3_000 });
    await page.keyboard.press('Escape');
    expect(await cardOpen(page)).toBe(false);
    // Moves over the same words for a second: along the line, and down to its
    // second line through the gap between the lines (out of the highlight and back).
    const q = await charPoint(page, 'article p:nth-of-type(2)', 100);
    expect(q.y - p.y).toBeGreaterThan(10);
    for (let i = 0; i < 6; i++) {
      await page.mouse.move(i % 2 ? q.x : p.x + 4, i % 2 ? q.y : p.y, { steps: 20 });
      await page.waitForTimeout(150);
    }
    expect(await cardOpen(page)).toBe(false);
    const other = await charPoint(page, 'article p:nth-of-type(3)', 20);
    await page.mouse.move(other.x, other.y, { steps: 3 });
    await page.waitForFunction(() => document.querySelector('claimlens-card') !== null, undefined, { timeout: 3_000 });
    await page.close();
  });

  it('after Save no card opens for the highlight the editor uncovers under the pointer', async () => {
    const page = await open();
    // Select words of the first paragraph: the editor opens below, over the claim in the second.
    const a = await charPoint(page, 'article p:nth-of-type(1)', 0);
    const b = await charPoint(page, 'article p:nth-of-type(1)', 9, 'right');
    await page.mouse.move(a.x, a.y);
    await page.mouse.down();
    await page.mouse.move(b.x, b.y, { steps: 4 });
    await page.mouse.up();
    await page.getByRole('button', { name: 'Add note' }).click();
    const scope = await editor(page);
    await scope.getByRole('textbox', { name: 'Note', exact: true }).fill('saved with the pointer over a claim');
    const save = scope.getByRole('button', { name: 'Save', exact: true });
    const box = (await save.boundingBox())!;
    const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    // Scroll a claim's line under Save (the editor is fixed in the window; the page moves beneath it).
    await page.evaluate(([x, y]) => {
      for (const m of document.querySelectorAll('article claimlens-mark[data-claimlens-kind="claim"]')) {
        for (const r of m.getClientRects()) {
          if (r.top > y && r.left <= x - 4 && r.right >= x + 4) return window.scrollBy(0, r.top + r.height / 2 - y);
        }
      }
    }, [at.x, at.y]);
    await page.waitForTimeout(100);
    await page.mouse.click(at.x, at.y);
    await page.waitForFunction(() => !document.querySelector('claimlens-card'), undefined, { timeout: 5_000 });
    const under = await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.closest('claimlens-mark')?.getAttribute('data-claimlens-kind') ?? null, [at.x, at.y]);
    expect(under, `the test needs a highlight under Save at ${JSON.stringify(at)}`).not.toBeNull();
    await page.mouse.move(at.x + 2, at.y);
    await page.waitForTimeout(900);
    expect(await cardOpen(page)).toBe(false);
    await page.close();
  });
});
