// The private note frame from Playwright: the editor and every note's text
// live in an extension-origin <iframe> inside the card, so tests reach them
// through the frame (page.getByRole does not enter frames).
import type { Frame, Page } from 'playwright-core';

const FRAME_URL = /^chrome-extension:\/\/[^/]+\/src\/frame\/note-frame\.html#/;

/** The newest note frame, once its extension page has rendered. */
export async function noteFrame(page: Page, timeoutMs = 10_000): Promise<Frame> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const f = page.frames().filter((x) => !x.isDetached() && FRAME_URL.test(x.url())).at(-1);
    if (f && (await f.locator('#app > *').count().catch(() => 0)) > 0 && !(await f.locator('#app').textContent().catch(() => ''))?.startsWith('Loading')) return f;
    await page.waitForTimeout(100);
  }
  throw new Error('no note frame');
}

/** The note frame's text once it includes `includes`. */
export async function frameText(page: Page, includes: string): Promise<string> {
  const until = Date.now() + 10_000;
  let last = '';
  while (Date.now() < until) {
    const f = await noteFrame(page);
    last = (await f.locator('#app').textContent().catch(() => '')) ?? '';
    if (last.includes(includes)) return last;
    await page.waitForTimeout(100);
  }
  throw new Error(`the note frame never said "${includes}" (last: "${last.slice(0, 200)}")`);
}
