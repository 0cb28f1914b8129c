// Where cards go, as a reader meets them: for every highlight, opened by
// keyboard focus and by hover, at viewports from 360x640 to 1920x1080 and with
// the words at the top, the bottom and the middle of the window, the card is
// inside the viewport and never over the highlighted words; a claim card shows
// its counts and the first source of each side without scrolling, the side
// that disagrees with the page first. Screenshots: bottom, right edge, narrow.
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ElementHandle, Page } from 'playwright-core';
import { useBrowser, waitForHighlights } from './fixture';
import { corpusArticle, newsPage } from './server';
import { cardGeometry, ownTextPoint, placementProblems, scrollMarkTo, type CardGeometry } from './card-geometry';

const env = useBrowser();
const SHOTS = resolve('out/e2e-screenshots');
mkdirSync(SHOTS, { recursive: true });

const VIEWPORTS = [
  { width: 1280, height: 900 },
  { width: 400, height: 760 },
  { width: 360, height: 640 },
  { width: 1920, height: 1080 },
];
const POSITIONS = ['top', 'bottom', 'center'] as const;

/** A corpus article in a column pushed against the right edge of the window. */
function rightEdgePage(): string {
  const { title, paragraphs } = corpusArticle(readFileSync('assets/corpus/000_02e372ec2cf23218.txt', 'utf8'));
  return newsPage(title, paragraphs, { extraHead: '<style>main { margin: 24px 0 24px auto !important; max-width: 430px !important; }</style>' });
}

async function closeCard(page: Page): Promise<void> {
  await page.mouse.move(2, 2);
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('claimlens-card'), undefined, { timeout: 5_000 });
}

/** One entry per highlight (the first part of each: the ones with a tabindex). */
const highlights = (page: Page): Promise<ElementHandle<Element>[]> => page.$$('claimlens-mark[tabindex]');

interface Finding {
  how: string;
  viewport: string;
  at: string;
  g: CardGeometry;
}

function check(found: Finding[], f: Finding): void {
  found.push(f);
}

function problemsOf(found: Finding[]): string[] {
  const out: string[] = [];
  for (const f of found) {
    for (const p of placementProblems(f.g)) out.push(`${f.how} ${f.viewport} words at ${f.at} (${f.g.kind}): ${p}`);
    // The first view of a claim card: counts and each side's first source,
    // without scrolling it, whenever the words are near an edge of the window
    // (asked for at the top or bottom, and really there: the end of a page
    // can stop the scroll). Words mid-way down a small window leave two
    // half rooms; there the card may scroll inside (checked only for placement).
    const top = Math.max(0, Math.min(...f.g.words.map((w) => w.top)));
    const bottom = Math.min(f.g.viewport.height, Math.max(...f.g.words.map((w) => w.bottom)));
    const nearEdge = Math.max(top, f.g.viewport.height - bottom) >= 0.55 * f.g.viewport.height;
    if (f.g.firstView && (!f.g.firstView.counts || f.g.firstView.sides.some((s) => !s)) && f.at !== 'center' && nearEdge) {
      out.push(`${f.how} ${f.viewport} words at ${f.at}: first view incomplete ${JSON.stringify(f.g.firstView)} (card ${Math.round(f.g.card.bottom - f.g.card.top)} px tall, ${f.g.side}, ${JSON.stringify(f.g.card)}, words ${JSON.stringify(f.g.words)})`);
    }
  }
  return out;
}

async function openAt(path: string, size: { width: number; height: number }): Promise<Page> {
  const page = await env.open(path);
  await page.setViewportSize(size);
  await waitForHighlights(page, '[data-claimlens-kind="claim"]');
  // Let every batch land before counting highlights.
  await page.waitForTimeout(600);
  return page;
}

describe('card placement', () => {
  it('keyboard focus: every highlight, every viewport, words at top, bottom and middle', async () => {
    const found: Finding[] = [];
    for (const size of VIEWPORTS) {
      const page = await openAt(env.server.articles[0], size);
      const marks = await highlights(page);
      expect(marks.length).toBeGreaterThan(10);
      for (let i = 0; i < marks.length; i++) {
        const at = POSITIONS[i % POSITIONS.length];
        await scrollMarkTo(marks[i], at);
        await marks[i].evaluate((m) => (m as HTMLElement).focus({ preventScroll: true }));
        check(found, { how: 'focus', viewport: `${size.width}x${size.height}`, at, g: await cardGeometry(page, marks[i]) });
        await page.keyboard.press('Escape');
      }
      await page.close();
    }
    expect(found.length).toBeGreaterThan(40);
    expect(problemsOf(found)).toEqual([]);
    // The claim cards were really measured, and some had to go above or beside.
    expect(found.filter((f) => f.g.firstView).length).toBeGreaterThan(4);
    expect(new Set(found.map((f) => f.g.side)).has('above')).toBe(true);
  }, 180_000);

  it('hover: highlights of two articles and a right-edge column, every viewport', async () => {
    env.server.setPage('/pages/right-edge.html', rightEdgePage());
    const found: Finding[] = [];
    for (const size of VIEWPORTS) {
      for (const path of [env.server.articles[1], '/pages/right-edge.html']) {
        const page = await openAt(path, size);
        const marks = await highlights(page);
        // Every third highlight keeps the run short on a 2-core machine; the focus test covers all of them.
        for (let i = 0; i < marks.length; i += 3) {
          const at = POSITIONS[(i / 3) % POSITIONS.length];
          await scrollMarkTo(marks[i], at);
          const point = await ownTextPoint(marks[i]);
          if (!point) continue;
          await page.mouse.move(point.x, point.y);
          check(found, { how: `hover ${path}`, viewport: `${size.width}x${size.height}`, at, g: await cardGeometry(page, marks[i]) });
          await closeCard(page);
        }
        await page.close();
      }
    }
    expect(found.length).toBeGreaterThan(40);
    expect(problemsOf(found)).toEqual([]);
  }, 300_000);

  it('a claim card shows both sides in its first view, the side that disagrees with the page first', async () => {
    const page = await openAt('/pages/reader.html', { width: 1280, height: 900 });
    for (const [id, first] of [['#p-para', 'contradicts'], ['#p-deny', 'supports']] as const) {
      const mark = (await page.$(`${id} claimlens-mark[data-claimlens-kind="claim"][tabindex]`))!;
      await scrollMarkTo(mark, 'center');
      await mark.evaluate((m) => (m as HTMLElement).focus({ preventScroll: true }));
      const g = await cardGeometry(page, mark);
      expect(g.sides).toEqual(first === 'contradicts' ? ['contradicts', 'supports'] : ['supports', 'contradicts']);
      expect(g.firstView).toEqual({ counts: true, sides: [true, true] });
      // Counts are documents, in the one vocabulary.
      expect(g.text).toMatch(/\d+ sources? supports?, \d+ contradicts?/);
      expect(g.text).not.toMatch(/Corroborating|Contradicting|\bdeny\b|contest/);
      await page.keyboard.press('Escape');
    }
    await page.close();
  });

  it('screenshots: words at the bottom, at the right edge, in a narrow window', async () => {
    env.server.setPage('/pages/right-edge.html', rightEdgePage());
    const shots: Array<[string, string, { width: number; height: number }, 'top' | 'bottom' | 'center']> = [
      ['cards-bottom', env.server.articles[0], { width: 1280, height: 720 }, 'bottom'],
      ['cards-right-edge', '/pages/right-edge.html', { width: 1280, height: 800 }, 'center'],
      ['cards-narrow', env.server.articles[0], { width: 360, height: 640 }, 'bottom'],
    ];
    for (const [name, path, size, at] of shots) {
      const page = await openAt(path, size);
      const marks = await page.$$('claimlens-mark[data-claimlens-kind="claim"][tabindex]');
      const mark = marks[Math.floor(marks.length / 2)];
      await scrollMarkTo(mark, at);
      await mark.evaluate((m) => (m as HTMLElement).focus({ preventScroll: true }));
      const g = await cardGeometry(page, mark);
      expect(placementProblems(g)).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/${name}.png` });
      await page.close();
    }
  });
});
