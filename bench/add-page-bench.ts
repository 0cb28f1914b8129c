// "Add this page to the knowledge base", timed. In Chromium with the built
// extension: a ~2,000-word article of a story the KB lacks; the popup's button
// is clicked and the clock stops when the page shows its first claim
// highlight again (click → highlights), median of RUNS adds (the source is
// removed between runs), with the bundled KB and with a 1,000-document KB
// (the synthetic corpus of the KB bench, imported). Long tasks (≥ 50 ms) on
// the article's main thread between the click and the highlights are counted.
// In Node, the same article: the merge alone (buildKb on it + matcher on its
// quotes + attach) and a matcher rebuild, on both KBs.
// Run alone: `npx tsx bench/add-page-bench.ts` prints one JSON object.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../e2e/browser';
import { newsPage, startNewsServer } from '../e2e/server';
import { buildKb } from '../src/kb/build';
import { ingestDocument, ingestText } from '../src/kb/ingest';
import { mergeDocument } from '../src/kb/merge';
import type { Kb } from '../src/kb/types';
import { buildMatcher } from '../src/match/matcher';
import { recogniserOf } from '../src/background/user-sources';
import { generateCorpus } from '../src/kb/fixtures/news-grammar';

const RUNS = Number(process.env.CLAIMLENS_BENCH_ADDS ?? 5);
const WORDS = 2_000;
const BUTTON = 'Add this page to the knowledge base';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** The data-breach fixture story, its paragraphs repeated up to ~2,000 words (a long article that restates itself). */
export function addPageArticle(): { title: string; paragraphs: string[] } {
  const dir = 'src/kb/fixtures/databreach';
  const texts = readdirSync(dir).sort().filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(dir, f), 'utf8'));
  const paras = texts.flatMap((t) => t.split(/\n+/).slice(1).map((l) => l.trim()).filter((l) => l.split(/\s+/).length > 6));
  const out: string[] = [];
  let words = 0;
  for (let i = 0; words < WORDS; i++) {
    out.push(paras[i % paras.length]);
    words += paras[i % paras.length].split(/\s+/).length;
  }
  return { title: 'Regulator Says Northwind Leaked Customer Records', paragraphs: out };
}

const LONG_TASKS = `window.__longTasks = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration }); }).observe({ type: 'longtask', buffered: true });`;

/** A UI call from an extension page (the harness speaks the extension's own envelope). */
function uiCall(page: Page, call: string, req: object): Promise<{ ok: boolean; value?: unknown; error?: { message: string } }> {
  return page.evaluate(([c, r]) => chrome.runtime.sendMessage({ claimlens: 1, call: c, req: r }), [call, req] as const);
}

async function timeAdds(b: ExtensionBrowser, url: string, ui: Page): Promise<{ ms: number[]; longTasks: number[]; longest: number[] }> {
  const ms: number[] = [];
  const longTasks: number[] = [];
  const longest: number[] = [];
  const page = await b.context.newPage();
  await page.addInitScript(LONG_TASKS);
  for (let i = 0; i < RUNS; i++) {
    await page.goto(url);
    await page.waitForTimeout(800);
    if (await page.$('[data-claimlens-kind="claim"]')) throw new Error('the article already has claim highlights before it is added');
    await page.bringToFront();
    const tabId = await b.worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0].id!);
    const popup = await b.context.newPage();
    await popup.goto(`chrome-extension://${b.extensionId}/src/ui/popup.html?tab=${tabId}`);
    const button = popup.getByRole('button', { name: BUTTON });
    await button.waitFor();
    const pageT0 = await page.evaluate(() => performance.now());
    const t0 = Date.now();
    await button.click();
    await page.waitForSelector('[data-claimlens-kind="claim"]', { timeout: 30_000, state: 'attached' });
    ms.push(Date.now() - t0);
    const tasks = (await page.evaluate(() => (window as unknown as { __longTasks: Array<{ start: number; duration: number }> }).__longTasks)).filter((t) => t.start >= pageT0);
    longTasks.push(tasks.length);
    longest.push(tasks.reduce((m, t) => Math.max(m, t.duration), 0));
    await popup.locator('section.add-page [role="status"]').waitFor({ timeout: 30_000 });
    await popup.close();
    const list = await uiCall(ui, 'sources.list', {});
    for (const s of (list.value as { added: Array<{ id: string }> }).added) await uiCall(ui, 'sources.remove', { id: s.id });
  }
  await page.close();
  return { ms, longTasks, longest };
}

function nodeFigures(bundled: Kb, big: Kb, doc: ReturnType<typeof ingestText>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, kb] of [['bundled', bundled], ['kb1000', big]] as const) {
    const t0 = performance.now();
    const matcher = buildMatcher(kb);
    out[`${name}MatcherBuildMs`] = performance.now() - t0;
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      mergeDocument(kb, doc, recogniserOf(matcher));
      times.push(performance.now() - t);
    }
    out[`${name}MergeMs`] = median(times);
  }
  return out;
}

export async function runAddPageBench(): Promise<Record<string, number>> {
  const art = addPageArticle();
  const server = await startNewsServer({});
  server.setPage('/story/long.html', newsPage(art.title, art.paragraphs, { extraHead: '<meta property="og:site_name" content="Harbour Times">' }));
  const corpus = readdirSync('assets/corpus').sort();
  const bundled = buildKb(corpus.map((f) => ingestDocument(f, readFileSync(join('assets/corpus', f)))), { omitText: true });
  // The KB bench's synthetic corpus: 1,000 articles of fresh text.
  const big = buildKb(generateCorpus(42, 1000).map((a) => ingestDocument(a.file, new TextEncoder().encode(a.text))), { omitText: true });
  const doc = ingestText('long.html', [art.title, ...art.paragraphs].join('\n\n'));
  const figures: Record<string, number> = { articleWords: art.paragraphs.join(' ').split(/\s+/).length, kb1000Documents: big.documents.length, kb1000Claims: big.claims.length, ...nodeFigures(bundled, big, doc) };
  const b = await launchWithExtension();
  try {
    const ui = await b.context.newPage();
    await ui.goto(`chrome-extension://${b.extensionId}/src/ui/library.html`);
    const url = `${server.origin}/story/long.html`;
    const small = await timeAdds(b, url, ui);
    const imported = await uiCall(ui, 'kb.import', { json: JSON.stringify(big), sources: 'drop' });
    if (!imported.ok) throw new Error(`could not import the 1,000-document KB: ${imported.error?.message}`);
    const large = await timeAdds(b, url, ui);
    Object.assign(figures, {
      bundledClickToHighlightsMs: median(small.ms),
      bundledClickToHighlightsMaxMs: Math.max(...small.ms),
      kb1000ClickToHighlightsMs: median(large.ms),
      kb1000ClickToHighlightsMaxMs: Math.max(...large.ms),
      ratioKb1000ToBundled: median(large.ms) / median(small.ms),
      longTasksDuringAdd: Math.max(...small.longTasks, ...large.longTasks),
      longestTaskDuringAddMs: Math.max(...small.longest, ...large.longest),
      runs: RUNS,
    });
  } finally {
    await b.close();
    await server.close();
  }
  return figures;
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  runAddPageBench().then((r) => process.stdout.write(JSON.stringify(r) + '\n'));
}
