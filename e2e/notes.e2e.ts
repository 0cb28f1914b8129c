// Personal notes end to end in real Chromium, through the UI: select → "Add
// note" → editor → highlight and card; the keyboard-shortcut path; notes
// coming back on reload, on an edited page, under tracking parameters, under
// a canonical link and after a browser restart; orphans in the popup; notes
// on claims in the claim card; late text; the library (search, delete + undo,
// export → wipe → import, malformed import); two tabs saving at once; note
// text that looks like HTML.
import { mkdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { launchWithExtension } from './browser';
import { hoverOwnText, useBrowser, waitForHighlights } from './fixture';
import { frameText, noteFrame } from './note-frame';

const env = useBrowser();
const fixture = (name: string): string => readFileSync(`e2e/pages/${name}`, 'utf8');
const NOTE = 'claimlens-mark[data-claimlens-kind="note"]';

interface StoredNote {
  id: string;
  modified: string;
  body: Array<{ value: string; purpose?: string }>;
  target: { source: string; selector: Array<{ type: string; exact?: string }> };
  'claimlens:claimId'?: string;
}

/** Every note in the extension's IndexedDB, read from the service worker. */
function notesInDb(worker: Worker = env.b.worker): Promise<StoredNote[]> {
  return worker.evaluate(
    () =>
      new Promise<StoredNote[]>((resolve, reject) => {
        const req = indexedDB.open('claimlens');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const all = db.transaction('notes', 'readonly').objectStore('notes').getAll();
          all.onsuccess = () => {
            db.close();
            resolve(all.result as StoredNote[]);
          };
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

const bodyOf = (n: StoredNote): string => n.body.find((b) => b.purpose !== 'tagging')?.value ?? '';
const quoteOf = (n: StoredNote): string => n.target.selector.find((s) => s.type === 'TextQuoteSelector')?.exact ?? '';
const byBody = async (body: string): Promise<StoredNote> => {
  const found = (await notesInDb()).find((n) => bodyOf(n) === body);
  if (!found) throw new Error(`no stored note "${body}"`);
  return found;
};

/** The page-text range of `phrase` inside `selector`, as DOM points. */
async function selectPhrase(page: Page, selector: string, phrase: string): Promise<void> {
  await page.evaluate(
    ([sel, phrase]) => {
      const root = document.querySelector(sel);
      if (!root) throw new Error(`no ${sel}`);
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const nodes: Array<{ n: Text; at: number }> = [];
      let text = '';
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        nodes.push({ n: n as Text, at: text.length });
        text += (n as Text).data;
      }
      const i = text.indexOf(phrase);
      if (i < 0) throw new Error(`"${phrase}" not in ${sel}`);
      const j = i + phrase.length;
      const s = nodes.find(({ n, at }) => i >= at && i < at + n.data.length)!;
      const e = nodes.find(({ n, at }) => j > at && j <= at + n.data.length)!;
      const range = document.createRange();
      range.setStart(s.n, i - s.at);
      range.setEnd(e.n, j - e.at);
      const selection = document.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
    },
    [selector, phrase] as const,
  );
}

/** Selects `phrase` with a real mouse drag, from inside its first to inside its last character. */
async function dragSelect(page: Page, selector: string, phrase: string): Promise<void> {
  const pts = await page.evaluate(
    ([sel, phrase]) => {
      const el = document.querySelector(sel)!;
      const t = [...el.childNodes].find((n) => n.nodeType === 3 && (n as Text).data.includes(phrase)) as Text;
      const i = t.data.indexOf(phrase);
      const rect = (a: number): DOMRect => {
        const r = document.createRange();
        r.setStart(t, a);
        r.setEnd(t, a + 1);
        return r.getBoundingClientRect();
      };
      const first = rect(i);
      const last = rect(i + phrase.length - 1);
      return { x0: first.left + 1, y0: first.top + first.height / 2, x1: last.right - 1, y1: last.top + last.height / 2 };
    },
    [selector, phrase] as const,
  );
  await page.mouse.move(pts.x0, pts.y0);
  await page.mouse.down();
  await page.mouse.move((pts.x0 + pts.x1) / 2, (pts.y0 + pts.y1) / 2, { steps: 4 });
  await page.mouse.move(pts.x1, pts.y1, { steps: 4 });
  await page.mouse.up();
}

/** Fills and saves the open editor; returns the stored note. */
async function saveEditor(page: Page, body: string, tags?: string): Promise<StoredNote> {
  const frame = await noteFrame(page);
  const box = frame.getByRole('textbox', { name: 'Note', exact: true });
  await box.waitFor({ timeout: 5_000 });
  await box.fill(body);
  if (tags) await frame.getByRole('textbox', { name: 'Tags' }).fill(tags);
  await frame.getByRole('button', { name: 'Save', exact: true }).click({ timeout: 5_000 });
  await page.waitForFunction(() => !document.querySelector('claimlens-card'), undefined, { timeout: 5_000 });
  return byBody(body);
}

/** Select (unless `phrase` is empty: keep the current selection) → "Add note" → editor → Save. */
async function addNote(page: Page, selector: string, phrase: string, body: string, tags?: string): Promise<StoredNote> {
  if (phrase) await selectPhrase(page, selector, phrase);
  await page.getByRole('button', { name: 'Add note' }).click({ timeout: 5_000 });
  return saveEditor(page, body, tags);
}

/** The words under a note's highlight (all its parts, in order). */
function markedText(page: Page, id: string): Promise<string> {
  return page.$$eval(NOTE, (els, id) => els.filter((e) => e.getAttribute('data-claimlens-id') === id).map((e) => e.textContent).join(''), id);
}

async function waitForNote(page: Page, id: string, within = 'body'): Promise<void> {
  await page.waitForFunction(
    ([id, within]) => [...document.querySelectorAll(`${within} claimlens-mark[data-claimlens-kind="note"]`)].some((e) => e.getAttribute('data-claimlens-id') === id),
    [id, within] as const,
    { timeout: 10_000 },
  );
}

async function cardText(page: Page, includes?: string): Promise<string> {
  const handle = await page.waitForFunction(
    (includes) => {
      const text = document.querySelector('claimlens-card')?.shadowRoot?.querySelector('.card')?.textContent ?? '';
      return text && !text.includes('Loading') && (!includes || text.includes(includes)) ? text : null;
    },
    includes,
    { timeout: 8_000 },
  );
  return (await handle.jsonValue()) as string;
}

async function popupFor(page: Page): Promise<Page> {
  const tabId = await env.tabIdOf(page);
  const popup = await env.b.context.newPage();
  await popup.goto(`chrome-extension://${env.b.extensionId}/src/ui/popup.html?tab=${tabId}`);
  await popup.waitForSelector('text=Your notes on this page');
  return popup;
}

describe('Personal notes in Chromium', () => {
  let firstNote: StoredNote;

  it('mouse selection → "Add note" → editor → Save: the words are highlighted and hovering shows the note card', async () => {
    const page = await env.open('/pages/notes-story.html');
    await waitForHighlights(page, '#p3 [data-claimlens-kind="claim"]');
    await dragSelect(page, '#p1', 'handwritten log of every crossing');
    const add = page.getByRole('button', { name: 'Add note' });
    await add.waitFor({ timeout: 5_000 });
    // The button lives in <claimlens-note>'s open shadow root.
    expect(await page.$eval('claimlens-note', (h) => h.shadowRoot?.mode === 'open' && !!h.shadowRoot.querySelector('button'))).toBe(true);
    await add.click();
    // Focus is in the note frame (the <iframe> in the card's open shadow root), on its textbox.
    const editor = await noteFrame(page);
    await expect.poll(() => page.evaluate(() => document.querySelector('claimlens-card')?.shadowRoot?.activeElement?.localName)).toBe('iframe');
    expect(await page.$('claimlens-card iframe[title="Claimlens note"]')).not.toBeNull();
    await expect.poll(() => editor.evaluate(() => document.activeElement?.localName)).toBe('textarea');
    for (const name of ['Save', 'Cancel']) await editor.getByRole('button', { name, exact: true }).waitFor();
    // The open editor stays put when the mouse passes over it and leaves.
    await editor.getByRole('textbox', { name: 'Note', exact: true }).hover();
    await page.mouse.move(5, 5);
    await page.waitForTimeout(600);
    expect(await editor.getByRole('textbox', { name: 'Note', exact: true }).isVisible()).toBe(true);
    firstNote = await saveEditor(page, 'Ask the harbour master for a copy.', 'ferry, archive');
    expect(quoteOf(firstNote)).toBe('handwritten log of every crossing');
    expect(firstNote.target.source).toBe(`${env.server.origin}/pages/notes-story.html`);
    expect(firstNote.body.filter((b) => b.purpose === 'tagging').map((b) => b.value)).toEqual(['ferry', 'archive']);
    expect(await page.$eval(NOTE, (e) => e.getAttribute('data-claimlens-id'))).toBe(firstNote.id);
    expect(await markedText(page, firstNote.id)).toBe('handwritten log of every crossing');
    // The button is gone once the editor opened.
    expect(await page.$('claimlens-note')).toBeNull();

    await page.hover(NOTE);
    const text = await frameText(page, 'Ask the harbour master');
    expect(text).toMatch(/Tags: ferry, archive/);
    // The card's own shadow root holds the frame, not the note.
    expect(await page.evaluate(() => document.querySelector('claimlens-card')?.shadowRoot?.textContent ?? '')).not.toContain('harbour master');
    const card = await noteFrame(page);
    await card.getByRole('button', { name: 'Edit' }).waitFor();
    await card.getByRole('button', { name: 'Delete' }).waitFor();
    // Edit from the card.
    await card.getByRole('button', { name: 'Edit' }).click();
    const edited = await saveEditor(page, 'Ask the harbour master for a copy of the log.');
    expect(edited.id).toBe(firstNote.id);
    firstNote = edited;
    await page.mouse.move(5, 5);
    // Cancel closes the editor and stores nothing.
    await selectPhrase(page, '#p5', 'bakery by the pier');
    await page.getByRole('button', { name: 'Add note' }).click();
    const cancelled = await noteFrame(page);
    await cancelled.getByRole('textbox', { name: 'Note', exact: true }).fill('never saved');
    await cancelled.getByRole('button', { name: 'Cancel', exact: true }).click();
    await page.waitForFunction(() => !document.querySelector('claimlens-card'));
    expect((await notesInDb()).some((n) => bodyOf(n) === 'never saved')).toBe(false);
    // Nothing in the page's own storage.
    expect(await page.evaluate(async () => [localStorage.length, sessionStorage.length, (await indexedDB.databases()).length])).toEqual([0, 0, 0]);
    await page.close();
  });

  it('keyboard shortcut / context menu path: note.begin opens the editor on the selection; HTML in a note is shown as text', async () => {
    const page = await env.open('/pages/notes-story.html');
    await waitForNote(page, firstNote.id);
    const tabId = await env.tabIdOf(page);
    const begin = (): Promise<unknown> =>
      env.b.worker.evaluate((tabId) => chrome.tabs.sendMessage(tabId, { claimlens: 1, call: 'note.begin', req: {} }), tabId);
    // Nothing selected: nothing opens.
    expect(await begin()).toEqual({ ok: true, value: false });
    await selectPhrase(page, '#p5', 'sells out of cinnamon buns');
    expect(await begin()).toEqual({ ok: true, value: true });
    await (await noteFrame(page)).getByRole('textbox', { name: 'Note', exact: true }).fill('Try the buns <b>early</b>.');
    mkdirSync('out/screenshots', { recursive: true });
    await page.screenshot({ path: 'out/screenshots/notes-editor.png' });
    const html = '<img src=x onerror=alert(1)> is not a picture';
    const note = await saveEditor(page, html);
    expect(quoteOf(note)).toBe('sells out of cinnamon buns');
    await waitForNote(page, note.id, '#p5');
    await page.hover(`${NOTE}[data-claimlens-id="${note.id}"]`);
    expect(await frameText(page, 'is not a picture')).toContain(html);
    expect(await (await noteFrame(page)).locator('img').count()).toBe(0);
    await page.close();
  });

  it('comes back on reload, on an edited page, with tracking parameters, and under a canonical link', async () => {
    env.server.setPage('/s/ferry.html', fixture('notes-story.html'));
    const page = await env.open('/s/ferry.html');
    await waitForHighlights(page, '#p3 [data-claimlens-kind="claim"]');
    const a = await addNote(page, '#p2', 'the timetable changed twice this spring', 'Which two dates?');
    const b = await addNote(page, '#p4', 'printed and posted at the ticket office', 'Check the office on Friday.');
    await page.reload();
    await waitForNote(page, a.id, '#p2');
    await waitForNote(page, b.id, '#p4');
    expect(await markedText(page, a.id)).toBe('the timetable changed twice this spring');
    expect(await markedText(page, b.id)).toBe('printed and posted at the ticket office');

    // A paragraph added above and a word changed elsewhere.
    env.server.setPage('/s/ferry.html', fixture('notes-story-edited.html'));
    await page.reload();
    await page.waitForSelector('#p0');
    await waitForNote(page, a.id, '#p2');
    await waitForNote(page, b.id, '#p4');
    expect(await markedText(page, a.id)).toBe('the timetable changed twice this spring');
    expect(await markedText(page, b.id)).toBe('printed and posted at the ticket office');
    expect(await page.$$(`#p0 ${NOTE}`)).toHaveLength(0);
    await page.close();

    // Same story, tracking parameters: same notes.
    const tracked = await env.open('/s/ferry.html?utm_source=x&fbclid=y');
    await waitForNote(tracked, a.id, '#p2');
    await tracked.close();

    // A page whose <link rel=canonical> names the story shares its notes.
    const canon = await env.open('/pages/notes-canonical.html');
    await waitForNote(canon, firstNote.id, '#p1');
    expect(await markedText(canon, firstNote.id)).toBe('handwritten log of every crossing');
    await canon.close();
  });

  it('a removed sentence leaves its note highlighted nowhere, listed in the popup as no longer found', async () => {
    env.server.setPage('/s/ferry.html', fixture('notes-story-removed.html'));
    const page = await env.open('/s/ferry.html');
    const orphan = await byBody('Which two dates?');
    const kept = await byBody('Check the office on Friday.');
    await waitForNote(page, kept.id, '#p4');
    await page.waitForTimeout(300);
    expect(await page.$$(`${NOTE}[data-claimlens-id="${orphan.id}"]`)).toHaveLength(0);
    const popup = await popupFor(page);
    await popup.waitForSelector('text=No longer found on this page (1)');
    const orphans = await popup.textContent('[aria-label="Orphaned notes"]');
    expect(orphans).toContain('Which two dates?');
    expect(orphans).toContain('the timetable changed twice this spring');
    expect(orphans).not.toContain('Check the office on Friday.');
    expect(await popup.textContent('body')).toContain('Your notes on this page (2)');
    await popup.close();
    await page.close();
  });

  it('a selection whose ends lie outside any paragraph (triple-click, drag into the margin) makes a note on the paragraph', async () => {
    env.server.setPage('/s/margin.html', fixture('notes-story.html'));
    const page = await env.open('/s/margin.html');
    await waitForHighlights(page, '#p3 [data-claimlens-kind="claim"]');
    // From the whitespace before #p2 to the article's child index after it.
    await page.evaluate(() => {
      const p2 = document.getElementById('p2')!;
      const article = p2.parentElement!;
      const r = document.createRange();
      r.setStart(p2.previousSibling!, 0);
      r.setEnd(article, [...article.childNodes].indexOf(p2) + 1);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(r);
    });
    const note = await addNote(page, 'body', '', 'The whole paragraph.');
    const p2 = (await page.textContent('#p2'))!;
    expect(quoteOf(note)).toBe(p2);
    expect(await markedText(page, note.id)).toBe(p2);
    // Delete from the card: this note's marks go, the page's other highlights stay.
    await page.hover(`${NOTE}[data-claimlens-id="${note.id}"]`);
    await frameText(page, 'The whole paragraph.');
    await (await noteFrame(page)).getByRole('button', { name: 'Delete' }).click();
    await page.waitForFunction(() => !document.querySelector('claimlens-mark[data-claimlens-kind="note"]'));
    expect((await notesInDb()).some((n) => n.id === note.id)).toBe(false);
    expect(await page.$$('#p3 [data-claimlens-kind="claim"]')).not.toHaveLength(0);
    expect(await page.textContent('#p2')).toBe(p2);
    await page.close();
  });

  it('anchors a note on text that arrives late, once, and again after the page re-renders its paragraph', async () => {
    const page = await env.open('/pages/notes-late.html');
    await page.waitForSelector('#l2[data-rendered="2"]'); // every late change is in
    await page.waitForTimeout(500); // the highlighter's debounce
    const note = await addNote(page, '#l2', 'three small yachts', 'Whose yachts?');
    await page.reload();
    await waitForNote(page, note.id, '#l2');
    await page.waitForSelector('#l2[data-rendered="2"]');
    await waitForNote(page, note.id, '#l2[data-rendered="2"]');
    await page.waitForTimeout(500); // one more debounce: nothing else may appear
    expect(await page.$$(`${NOTE}[data-claimlens-id="${note.id}"]`)).toHaveLength(1);
    expect(await markedText(page, note.id)).toBe('three small yachts');
    const popup = await popupFor(page);
    expect(await popup.textContent('body')).not.toContain('No longer found');
    await popup.close();
    await page.close();
  });

  it('notes the first batch could not afford to search for are anchored in idle time', async () => {
    // A long page (~140 k characters) and notes whose quotes were edited so
    // that only a whole-text fuzzy search finds them: the batch budget covers
    // about two such searches, the others are deferred and retried when idle.
    const words = 'harbour ferry island quay council bakery schedule timetable office crossing morning evening residents commuters lighthouse'.split(' ');
    let seed = 7;
    const rnd = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const sentence = (): string => Array.from({ length: 14 }, () => words[Math.floor(rnd() * words.length)]).join(' ') + '.';
    const paras = Array.from({ length: 400 }, () => Array.from({ length: 3 }, sentence).join(' '));
    const targets = [
      'Zebra herds quietly crossed the yellow meadow near Quillfield',
      'Pelicans argued loudly over sardines beside the Vantor jetty',
      'Seven violinists rehearsed a sonata inside the Brumley chapel',
      'Glaciers retreated faster than expected across the Oskfjord basin',
    ];
    targets.forEach((t, k) => (paras[50 + k * 100] = t));
    const html = `<!doctype html><html><head><meta charset="utf-8"><title>Long read</title></head><body><main><article><h1>Long read</h1>${paras.map((p) => `<p>${p}</p>`).join('')}</article></main></body></html>`;
    env.server.setPage('/s/long.html', html);
    const source = `${env.server.origin}/s/long.html`;
    const mangle = (s: string): string => s.split('').map((c, i) => (i % 6 === 3 && /[a-z]/.test(c) ? 'x' : c)).join('');
    const now = new Date().toISOString();
    const notes = targets.map((t, k) => ({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: `urn:uuid:00000000-0000-4000-8000-00000000010${k}`,
      type: 'Annotation',
      motivation: 'commenting',
      created: now,
      modified: now,
      body: [{ type: 'TextualBody', value: `Long note ${k}`, format: 'text/plain', purpose: 'commenting' }],
      target: { source, selector: [{ type: 'TextQuoteSelector', exact: mangle(t), prefix: '', suffix: '' }, { type: 'TextPositionSelector', start: 0, end: t.length }] },
    }));
    await env.b.worker.evaluate(
      (notes) =>
        new Promise<void>((resolve, reject) => {
          const req = indexedDB.open('claimlens');
          req.onsuccess = () => {
            const tx = req.result.transaction('notes', 'readwrite');
            for (const n of notes) tx.objectStore('notes').put(n);
            tx.oncomplete = () => (req.result.close(), resolve());
            tx.onerror = () => reject(tx.error);
          };
        }),
      notes,
    );
    const page = await env.open('/s/long.html');
    for (const n of notes) await waitForNote(page, n.id);
    expect(await Promise.all(notes.map((n) => markedText(page, n.id)))).toEqual(targets);
    await page.close();
    // Leave the store as the other tests expect it.
    await env.b.worker.evaluate(
      (ids) =>
        new Promise<void>((resolve) => {
          const req = indexedDB.open('claimlens');
          req.onsuccess = () => {
            const tx = req.result.transaction('notes', 'readwrite');
            for (const id of ids) tx.objectStore('notes').delete(id);
            tx.oncomplete = () => (req.result.close(), resolve());
          };
        }),
      notes.map((n) => n.id),
    );
  });

  it('a note made on a claim highlight shows in that claim’s card', async () => {
    const page = await env.open('/pages/notes-story.html');
    await waitForHighlights(page, '#p3 [data-claimlens-kind="claim"]');
    const claimId = await page.$eval('#p3 [data-claimlens-kind="claim"]', (e) => e.getAttribute('data-claimlens-id'));
    const note = await addNote(page, '#p3', 'artillery shells and rockets', 'Compare with the satellite images.');
    expect(note['claimlens:claimId']).toBe(claimId);
    await page.mouse.move(5, 5);
    await hoverOwnText(page, '#p3 [data-claimlens-kind="claim"]');
    expect(await cardText(page, 'Known claim')).not.toContain('Compare with the satellite images.');
    const text = await frameText(page, 'Your notes on this claim');
    expect(text).toContain('Compare with the satellite images.');
    await page.close();
  });

  it('library: lists notes, search finds them, delete + Undo restores', async () => {
    const lib = await env.b.context.newPage();
    await lib.goto(`chrome-extension://${env.b.extensionId}/src/ui/library.html`);
    await lib.waitForSelector('text=Ask the harbour master for a copy of the log.');
    // HTML in a note is text here too.
    await lib.waitForSelector('text=<img src=x onerror=alert(1)> is not a picture');
    expect(await lib.$$('main img')).toHaveLength(0);
    await lib.getByRole('searchbox', { name: 'Search notes' }).fill('handwritten');
    await expect.poll(() => lib.$$eval('article', (a) => a.length)).toBe(1);
    expect(await lib.textContent('article')).toContain('Ask the harbour master');
    const before = (await notesInDb()).length;
    await lib.getByRole('button', { name: 'Delete' }).click();
    await lib.waitForSelector('text=Note deleted.');
    expect(await notesInDb()).toHaveLength(before - 1);
    await lib.getByRole('button', { name: 'Undo' }).click();
    await lib.waitForSelector('article >> text=Ask the harbour master');
    const after = await notesInDb();
    expect(after).toHaveLength(before);
    expect(after.find((n) => n.id === firstNote.id)).toEqual(firstNote);
    await lib.close();
  });

  it('library: export JSON-LD → wipe → import gives the same notes; a malformed import is rejected and imports nothing', async () => {
    const lib = await env.b.context.newPage();
    await lib.goto(`chrome-extension://${env.b.extensionId}/src/ui/library.html`);
    await lib.waitForSelector('article');
    const sortById = (ns: StoredNote[]): StoredNote[] => [...ns].sort((a, b) => (a.id < b.id ? -1 : 1));
    const before = sortById(await notesInDb());
    const [download] = await Promise.all([lib.waitForEvent('download'), lib.getByRole('button', { name: /Export \(Web Annotation/ }).click()]);
    const exported = readFileSync((await download.path())!, 'utf8');
    expect(JSON.parse(exported).type).toBe('AnnotationCollection');
    // Wipe every note.
    await env.b.worker.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const req = indexedDB.open('claimlens');
          req.onsuccess = () => {
            const tx = req.result.transaction('notes', 'readwrite');
            tx.objectStore('notes').clear();
            tx.oncomplete = () => (req.result.close(), resolve());
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    await lib.reload();
    await lib.waitForSelector('text=No notes yet');
    const file = lib.locator('input[type=file]');
    await file.setInputFiles({ name: 'notes.jsonld', mimeType: 'application/ld+json', buffer: Buffer.from(exported) });
    await lib.waitForSelector(`text=Imported ${before.length} notes.`);
    expect(sortById(await notesInDb())).toEqual(before);
    // Malformed: broken JSON, and a collection with one bad record among good ones.
    await file.setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"type": "AnnotationCollection", ') });
    await lib.waitForSelector('text=Nothing imported');
    const doc = JSON.parse(exported);
    doc.first.items = [{ ...doc.first.items[0], id: 'urn:uuid:00000000-0000-4000-8000-000000000001' }, { id: 42, type: 'Annotation' }];
    await file.setInputFiles({ name: 'bad2.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
    await lib.waitForFunction(() => /Nothing imported: .*bad record/.test(document.body.textContent ?? ''));
    expect(sortById(await notesInDb())).toEqual(before);
    await lib.close();
  });

  it('two tabs saving at the same time lose nothing', async () => {
    env.server.setPage('/s/twin.html', fixture('notes-story.html'));
    const [p, q] = [await env.open('/s/twin.html'), await env.open('/s/twin.html')];
    const ready = async (page: Page, sel: string, phrase: string, body: string): Promise<void> => {
      await waitForHighlights(page, '#p3 [data-claimlens-kind="claim"]');
      await page.bringToFront();
      await selectPhrase(page, sel, phrase);
      await page.getByRole('button', { name: 'Add note' }).click({ timeout: 5_000 });
      await (await noteFrame(page)).getByRole('textbox', { name: 'Note', exact: true }).fill(body);
    };
    await ready(p, '#p1', 'every morning since 1952', 'Tab one');
    await ready(q, '#p5', 'before the first boat leaves', 'Tab two');
    const [fp, fq] = [await noteFrame(p), await noteFrame(q)];
    await Promise.all([fp, fq].map((f) => f.getByRole('button', { name: 'Save', exact: true }).click()));
    await expect.poll(async () => (await notesInDb()).filter((n) => n.target.source.endsWith('/s/twin.html')).map(bodyOf).sort()).toEqual(['Tab one', 'Tab two']);
    await p.reload();
    await expect.poll(() => p.$$eval(NOTE, (els) => new Set(els.map((e) => e.getAttribute('data-claimlens-id'))).size), { timeout: 10_000 }).toBe(2);
    await Promise.all([p.close(), q.close()]);
  });

  it('notes persist across a browser restart on the same profile', async () => {
    const first = await launchWithExtension();
    try {
      const page = await first.context.newPage();
      await page.goto(`${env.server.origin}/pages/notes-story.html`);
      await page.waitForSelector('#p3 [data-claimlens-kind="claim"]', { timeout: 15_000 });
      await selectPhrase(page, '#p4', 'a new schedule by the end of the month');
      await page.getByRole('button', { name: 'Add note' }).click({ timeout: 5_000 });
      const frame = await noteFrame(page);
      await frame.getByRole('textbox', { name: 'Note', exact: true }).fill('Survives a restart');
      await frame.getByRole('button', { name: 'Save', exact: true }).click();
      await page.waitForSelector(NOTE);
    } finally {
      await first.close();
    }
    const second = await launchWithExtension({ profile: first.profile });
    try {
      const page = await second.context.newPage();
      await page.goto(`${env.server.origin}/pages/notes-story.html`);
      await page.waitForSelector(`#p4 ${NOTE}`, { timeout: 15_000 });
      expect(await page.$eval(`#p4 ${NOTE}`, (e) => e.textContent)).toBe('a new schedule by the end of the month');
      expect((await notesInDb(second.worker)).map(bodyOf)).toEqual(['Survives a restart']);
    } finally {
      await second.close();
    }
  });

  it('left no errors in the pages', () => {
    expect(env.pageErrors).toEqual([]);
  });
});
