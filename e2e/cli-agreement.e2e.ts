// The CLI's promise, checked in the browser: `npm run kb -- annotate` gives
// exactly what the extension highlights. For every real-page-shaped fixture
// (src/page/fixtures/pages: chrome, datelines, stray body text, a 27,000-
// character paragraph, a second <body>), the page text Chromium's own DOM
// gives the extraction equals the CLI's `text`, and the highlights the
// extension makes equal the CLI's actors and claims. The parser cases
// (src/page/fixtures/parser-cases.json) are checked against live Chromium too.
import '../src/lang/node-lexicon';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { annotatePage } from '../src/cli/annotate';
import { parseKb } from '../src/kb/validate';
import { buildMatcher } from '../src/match/matcher';
import { parseHtmlDocument } from '../src/html/parse-html';
import { extractBlocks, pageText } from '../src/page/visible-text';
import { useBrowser } from './fixture';

const env = useBrowser();
const PAGES = 'src/page/fixtures/pages';
const pages = readdirSync(PAGES).filter((f) => f.endsWith('.html')).sort();
const cases = JSON.parse(readFileSync('src/page/fixtures/parser-cases.json', 'utf8')) as Record<string, { html: string; chromium: string }>;
const checked = parseKb(readFileSync('assets/kb.json', 'utf8'));
if (!checked.ok) throw new Error(`assets/kb.json: ${checked.message}`);
const matcher = buildMatcher(checked.kb);

/**
 * The extraction as the content script runs it, bundled for the page: the
 * same modules, the same visibility test (checkVisibility), the same caps.
 */
let probe = '';
beforeAll(async () => {
  const entry = `
    import { readPage } from './src/page/read-page';
    import { extractBlocks, pageText } from './src/page/visible-text';
    const isHidden = (el) => !el.checkVisibility({ visibilityProperty: true });
    globalThis.__claimlensText = () => pageText(readPage(document, { isHidden }).blocks);
    globalThis.__claimlensPlain = () => pageText(extractBlocks(document));`;
  const out = await build({ stdin: { contents: entry, resolveDir: process.cwd(), loader: 'ts' }, bundle: true, write: false, format: 'iife' });
  probe = out.outputFiles[0].text;
});

interface Mark {
  kind: string;
  id: string;
  text: string;
}

const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();
const key = (m: Mark): string => `${m.kind}|${m.id}|${norm(m.text)}`;

/** The page's highlights, one per range: a range split across inline elements is joined again. */
function marksIn(page: Page): Promise<Mark[]> {
  return page.$$eval('claimlens-mark[data-claimlens-kind]', (els) => {
    const out: Mark[] = [];
    const open = new Map<string, Mark>();
    for (const el of els) {
      const kind = el.getAttribute('data-claimlens-kind') ?? '';
      const id = el.getAttribute('data-claimlens-id') ?? '';
      if (kind === 'note') continue;
      const cur = open.get(kind);
      // The first piece of each highlight is the one in the Tab group (it has a tabindex).
      if (el.hasAttribute('tabindex') || !cur || cur.id !== id) {
        const m = { kind, id, text: el.textContent ?? '' };
        out.push(m);
        open.set(kind, m);
      } else cur.text += el.textContent ?? '';
    }
    return out;
  });
}

/** Waits until the highlights stop changing (the content script works in slices after document_idle). */
async function settledMarks(page: Page, expected: number): Promise<Mark[]> {
  let last = -1;
  let stable = 0;
  const t0 = Date.now();
  for (;;) {
    const marks = await marksIn(page);
    stable = marks.length === last ? stable + 1 : 0;
    last = marks.length;
    const waited = Date.now() - t0;
    if ((marks.length >= expected && stable >= 3 && waited > 1_200) || waited > 15_000) return marks;
    await page.waitForTimeout(250);
  }
}

describe('CLI and extension agree on real-page-shaped fixtures', () => {
  for (const file of pages) {
    it(file, async () => {
      const html = readFileSync(join(PAGES, file), 'utf8');
      const cli = annotatePage(matcher, file, html);
      const want = [
        ...cli.actors.map((a) => ({ kind: 'actor', id: a.actorId, text: a.text })),
        ...cli.claims.map((c) => ({ kind: 'claim', id: c.claimId, text: c.text })),
      ];
      env.server.setPage(`/agree/${file}`, html);
      const page = await env.open(`/agree/${file}`);
      await page.addScriptTag({ content: probe });
      // The page as Chromium built it reads as the CLI reads the file.
      expect(await page.evaluate(() => (globalThis as unknown as { __claimlensText: () => string }).__claimlensText())).toBe(cli.text);
      const got = await settledMarks(page, want.length);
      expect(got.map(key).sort()).toEqual(want.map(key).sort());
      await page.close();
    });
  }
});

describe('the CLI parses HTML as Chromium does', () => {
  it('gives the same page text on every tree-construction case', async () => {
    const page = await env.b.context.newPage();
    await page.goto('about:blank');
    for (const [name, c] of Object.entries(cases)) {
      await page.setContent(c.html);
      await page.addScriptTag({ content: probe });
      const chromium = await page.evaluate(() => (globalThis as unknown as { __claimlensPlain: () => string }).__claimlensPlain());
      expect(chromium, `${name}: recorded expectation`).toBe(c.chromium);
      expect(pageText(extractBlocks(parseHtmlDocument(c.html))), name).toBe(chromium);
    }
    await page.close();
  });
});
