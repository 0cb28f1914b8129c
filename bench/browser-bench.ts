// Browser benchmark: the built extension (dist/) in real Chromium on a
// generated ~20,000-word news article, against mark.js alone on the same page.
//   lastHighlightMs   — DOMContentLoaded → last <claimlens-mark> inserted (median of LOADS loads)
//   firstHighlightMs  — DOMContentLoaded → first mark
//   longestTaskMs     — longest main-thread long task (≥ 50 ms) starting in that window, 0 if none (median)
//   longTasks         — long tasks starting in that window (median count)
//   baselineLongestTaskMs — the same window's longest task without the extension (the page's own work)
//   markjsAloneMs     — mark.js markRegExp with one alternation of every KB name and alias (median)
//   ratioLastHighlightToMarkjs — lastHighlightMs / markjsAloneMs
//   markRangesPerBlockMs — mark.js markRanges, one call per text block, on the very ranges markRegExp
//                       marks: the floor of the method the content script uses (no extraction, no
//                       messaging, no matching); ratioMarkRangesPerBlockToMarkjs — that floor / markjsAloneMs
//   pageFirstPaintMs  — DOMContentLoaded → first paint of the page without the extension (its own render)
//   peerExtensionLastMarkMs — the fair peer: a minimal extension running mark.js markRegExp over every alias at
//                       document_idle, timed the same way (DOMContentLoaded → last mark); ratioLastHighlightToPeerExtension
//   coldWorkerLastHighlightMs — a page loaded right after the service worker was stopped (language data and matcher rebuilt)
//   swColdStartMs     — service worker stopped (CDP ServiceWorker.stopAllWorkers) → first answer to kb.status from the popup page
// Run alone: `npx tsx bench/browser-bench.ts` prints one JSON object.
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, launchWithExtension } from '../e2e/browser';
import { newsPage, startNewsServer } from '../e2e/server';
import { rng } from '../src/shared/rng';

const WORDS = 20_000;
const LOADS = Number(process.env.CLAIMLENS_BENCH_LOADS ?? 5);
const COLD_STARTS = 5;
const STABLE_MS = 1500;

const FILLER_WORDS = (
  'the a of to and in that is for on said was with by as officials week government minister report people country ' +
  'analysts market prices support plans new city year spokesperson meeting statement policy talks region security ' +
  'economy local council budget public office agency election vote press data months growth trade experts'
).split(' ');

/** Corpus sentences (what the KB knows) mixed with filler, in paragraphs of 3-6 sentences. */
export function benchArticle(words = WORDS, seed = 7): { title: string; paragraphs: string[] } {
  const r = rng(seed);
  const corpus: string[] = [];
  for (const f of readdirSync('assets/corpus').sort()) {
    const text = readFileSync(join('assets/corpus', f), 'utf8');
    for (const line of text.split('\n').slice(1)) {
      for (const s of line.split(/(?<=[.!?])\s+(?=[A-Z"“])/)) if (s.split(/\s+/).length >= 6) corpus.push(s.trim());
    }
  }
  const paragraphs: string[] = [];
  let count = 0;
  while (count < words) {
    const sentences: string[] = [];
    const n = 3 + Math.floor(r() * 4);
    for (let i = 0; i < n; i++) {
      let s: string;
      if (r() < 0.35) s = corpus[Math.floor(r() * corpus.length)];
      else {
        const len = 10 + Math.floor(r() * 16);
        const w = Array.from({ length: len }, () => FILLER_WORDS[Math.floor(r() * FILLER_WORDS.length)]);
        s = w[0][0].toUpperCase() + w[0].slice(1) + ' ' + w.slice(1).join(' ') + '.';
      }
      sentences.push(s);
      count += s.split(/\s+/).length;
    }
    paragraphs.push(sentences.join(' '));
  }
  return { title: 'Arms, sanctions and a long week of talks', paragraphs };
}

/** Installed before any page script: load timings, mark insertions, long tasks. */
export const PROBE = `(() => {
  const w = window;
  const probe = w.__clProbe = { dcl: 0, paint: 0, first: 0, last: 0, marks: 0, tasks: [] };
  document.addEventListener('DOMContentLoaded', () => { probe.dcl = performance.now(); }, { once: true });
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) if (e.name === 'first-paint') probe.paint = e.startTime; })
      .observe({ type: 'paint', buffered: true });
  } catch {}
  new MutationObserver((records) => {
    let n = 0;
    for (const r of records) for (const a of r.addedNodes) if (a.localName === 'claimlens-mark' || (a.localName === 'mark' && a.className === 'clpeer')) n++;
    if (n) { const t = performance.now(); if (!probe.first) probe.first = t; probe.last = t; probe.marks += n; }
  }).observe(document, { childList: true, subtree: true });
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) probe.tasks.push({ start: e.startTime, duration: e.duration }); })
      .observe({ type: 'longtask', buffered: true });
  } catch {}
})();`;

interface Probe {
  dcl: number;
  paint: number;
  first: number;
  last: number;
  marks: number;
  tasks: { start: number; duration: number }[];
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function waitStable(page: Page, timeoutMs = 30_000): Promise<Probe> {
  const t0 = Date.now();
  for (;;) {
    const p = (await page.evaluate('window.__clProbe')) as Probe;
    const now = (await page.evaluate('performance.now()')) as number;
    if (p.marks > 0 && now - p.last > STABLE_MS) return p;
    if (Date.now() - t0 > timeoutMs) throw new Error(`no stable highlights after ${timeoutMs} ms (${p.marks} marks)`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * Long tasks that start in [from, to]. The parser's last task, which ends by
 * dispatching DOMContentLoaded, starts before `from`: it is the page's own
 * (Claimlens runs at document_idle, after DOMContentLoaded).
 */
function tasksIn(p: Probe, from: number, to: number): { longest: number; count: number } {
  const inWindow = p.tasks.filter((t) => t.start >= from && t.start <= to);
  return { longest: inWindow.reduce((m, t) => Math.max(m, t.duration), 0), count: inWindow.length };
}

async function loadWithExtension(context: BrowserContext, url: string): Promise<{ last: number; first: number; longest: number; count: number; marks: number }> {
  const page = await context.newPage();
  await page.goto(url);
  const p = await waitStable(page);
  await page.close();
  const { longest, count } = tasksIn(p, p.dcl, p.last);
  return { last: p.last - p.dcl, first: p.first - p.dcl, longest, count, marks: p.marks };
}

async function markjsAlone(context: BrowserContext, url: string, aliases: string[], baselineWindow: number): Promise<{ ms: number; marks: number; baselineLongest: number; firstPaint: number }> {
  const page = await context.newPage();
  await page.goto(url);
  await page.addScriptTag({ path: createRequire(import.meta.url).resolve('mark.js/dist/mark.min.js') });
  // The page's own long tasks in the window where Claimlens would be working.
  await page.waitForTimeout(Math.max(200, baselineWindow));
  const p = (await page.evaluate('window.__clProbe')) as Probe;
  const baselineLongest = tasksIn(p, p.dcl, p.dcl + baselineWindow).longest;
  const source = aliasSource(aliases);
  // A string, not a function: tsx would wrap named inner functions in a helper the page lacks.
  const out = (await page.evaluate(`(() => {
    const re = new RegExp(${JSON.stringify(source)}, 'g');
    let marks = 0;
    const t0 = performance.now();
    new window.Mark(document.body).markRegExp(re, { element: 'mark', className: 'bench', each: () => marks++ });
    return { ms: performance.now() - t0, marks };
  })()`)) as { ms: number; marks: number };
  await page.close();
  return { ...out, baselineLongest, firstPaint: p.paint - p.dcl };
}

/** One alternation of every alias, escaped, longest first, word boundaries (built here, run in the page). */
function aliasSource(aliases: string[]): string {
  return `\\b(?:${aliases
    .map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .sort((a, b) => b.length - a.length)
    .join('|')})\\b`;
}

/**
 * The floor of the method the page uses: mark.js markRanges, one call per
 * text block, on exactly the ranges markRegExp marks (the same aliases, the
 * same 862-odd marks), with no extraction, messaging or matching.
 */
async function markRangesAlone(context: BrowserContext, url: string, aliases: string[]): Promise<{ ms: number; marks: number }> {
  const page = await context.newPage();
  await page.goto(url);
  await page.addScriptTag({ path: createRequire(import.meta.url).resolve('mark.js/dist/mark.min.js') });
  await page.waitForTimeout(200);
  const out = (await page.evaluate(`(() => {
    const re = new RegExp(${JSON.stringify(aliasSource(aliases))}, 'g');
    const blocks = [];
    for (const el of document.body.querySelectorAll('h1, p, li, td, figcaption, blockquote')) {
      const ranges = [];
      for (const m of el.textContent.matchAll(re)) ranges.push({ start: m.index, length: m[0].length });
      if (ranges.length) blocks.push([el, ranges]);
    }
    let marks = 0;
    const t0 = performance.now();
    for (const [el, ranges] of blocks) new window.Mark(el).markRanges(ranges, { element: 'mark', className: 'bench', each: () => marks++ });
    return { ms: performance.now() - t0, marks };
  })()`)) as { ms: number; marks: number };
  await page.close();
  return out;
}

/**
 * The fair peer (issue 13): a minimal MV3 extension whose content script, at
 * document_idle, runs mark.js markRegExp over every KB alias. Its marks are
 * `<mark class="clpeer">`, counted by the same probe, so it is timed exactly
 * as Claimlens is: DOMContentLoaded → last mark.
 */
function peerExtension(aliases: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'claimlens-peer-ext-'));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({
    manifest_version: 3, name: 'mark.js peer', version: '1.0',
    content_scripts: [{ matches: ['<all_urls>'], js: ['mark.min.js', 'peer.js'], run_at: 'document_idle' }],
  }));
  copyFileSync(createRequire(import.meta.url).resolve('mark.js/dist/mark.min.js'), join(dir, 'mark.min.js'));
  writeFileSync(join(dir, 'peer.js'), `new Mark(document.body).markRegExp(new RegExp(${JSON.stringify(aliasSource(aliases))}, 'g'), { element: 'mark', className: 'clpeer' });\n`);
  return dir;
}

/** A page load right after the service worker was stopped: what a reader waits for after the worker's idle stop. */
async function loadAfterStop(context: BrowserContext, extensionId: string, url: string): Promise<{ last: number; first: number; longest: number; count: number; marks: number }> {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/src/ui/popup.html`);
  const cdp = await context.newCDPSession(popup);
  await cdp.send('ServiceWorker.enable');
  await popup.waitForTimeout(300);
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
  await popup.close();
  await new Promise((r) => setTimeout(r, 500));
  return loadWithExtension(context, url);
}

/** CDP ServiceWorker domain from an extension page: stop, then time one message round trip. */
async function swColdStarts(context: BrowserContext, extensionId: string, runs: number): Promise<number[]> {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/src/ui/popup.html`);
  await popup.waitForTimeout(500);
  const cdp = await context.newCDPSession(popup);
  const status = new Map<string, string>();
  cdp.on('ServiceWorker.workerVersionUpdated', (e: { versions: { versionId: string; runningStatus: string; scriptURL: string }[] }) => {
    for (const v of e.versions) if (v.scriptURL.startsWith(`chrome-extension://${extensionId}/`)) status.set(v.versionId, v.runningStatus);
  });
  await cdp.send('ServiceWorker.enable');
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    await cdp.send('ServiceWorker.stopAllWorkers');
    const t0 = Date.now();
    while ([...status.values()].some((s) => s !== 'stopped') && Date.now() - t0 < 5000) await new Promise((r) => setTimeout(r, 20));
    if ([...status.values()].some((s) => s !== 'stopped')) throw new Error('service worker did not stop');
    await popup.waitForTimeout(300);
    const ms = await popup.evaluate(async () => {
      const t = performance.now();
      const reply = (await chrome.runtime.sendMessage({ claimlens: 1, call: 'kb.status', req: {} })) as { ok: boolean; value?: { counts: { actors: number } } };
      const d = performance.now() - t;
      if (!reply?.ok || !reply.value?.counts.actors) throw new Error('kb.status failed: ' + JSON.stringify(reply));
      return d;
    });
    out.push(ms);
  }
  await cdp.detach();
  await popup.close();
  return out;
}

export async function runBrowserBench(): Promise<Record<string, number>> {
  const kb = JSON.parse(readFileSync('assets/kb.json', 'utf8')) as { actors: { name: string; aliases: string[] }[] };
  const aliases = [...new Set(kb.actors.flatMap((a) => [a.name, ...a.aliases]))];
  const server = await startNewsServer();
  const art = benchArticle();
  server.setPage('/bench/article.html', newsPage(art.title, art.paragraphs));
  const url = server.origin + '/bench/article.html';
  const ext = await launchWithExtension();
  const plainArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
  const plain = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'claimlens-plain-')), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: plainArgs,
  });
  const peerDir = peerExtension(aliases);
  const peer = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'claimlens-peer-')), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [...plainArgs, `--disable-extensions-except=${peerDir}`, `--load-extension=${peerDir}`],
  });
  try {
    await ext.context.addInitScript(PROBE);
    await plain.addInitScript(PROBE);
    await peer.addInitScript(PROBE);
    await loadWithExtension(peer, url);
    // Warm-up: the KB import and the matcher build happen once per install.
    await loadWithExtension(ext.context, url);
    const loads: Awaited<ReturnType<typeof loadWithExtension>>[] = [];
    const peers: Awaited<ReturnType<typeof markjsAlone>>[] = [];
    const floors: Awaited<ReturnType<typeof markRangesAlone>>[] = [];
    const peerLoads: Awaited<ReturnType<typeof loadWithExtension>>[] = [];
    for (let i = 0; i < LOADS; i++) {
      const l = await loadWithExtension(ext.context, url);
      loads.push(l);
      peerLoads.push(await loadWithExtension(peer, url));
      peers.push(await markjsAlone(plain, url, aliases, l.last));
      floors.push(await markRangesAlone(plain, url, aliases));
    }
    const coldLoads: Awaited<ReturnType<typeof loadWithExtension>>[] = [];
    for (let i = 0; i < COLD_STARTS; i++) coldLoads.push(await loadAfterStop(ext.context, ext.extensionId, url));
    const cold = await swColdStarts(ext.context, ext.extensionId, COLD_STARTS);
    const peerLast = median(peerLoads.map((l) => l.last));
    const last = median(loads.map((l) => l.last));
    const markjs = median(peers.map((p) => p.ms));
    const floor = median(floors.map((f) => f.ms));
    return {
      words: art.paragraphs.join(' ').split(/\s+/).length,
      paragraphs: art.paragraphs.length,
      marks: median(loads.map((l) => l.marks)),
      firstHighlightMs: median(loads.map((l) => l.first)),
      lastHighlightMs: last,
      longestTaskMs: median(loads.map((l) => l.longest)),
      maxLongestTaskMs: Math.max(...loads.map((l) => l.longest)),
      longTasks: median(loads.map((l) => l.count)),
      baselineLongestTaskMs: median(peers.map((p) => p.baselineLongest)),
      markjsAloneMs: markjs,
      markjsAloneMarks: median(peers.map((p) => p.marks)),
      ratioLastHighlightToMarkjs: last / markjs,
      peerExtensionLastMarkMs: peerLast,
      peerExtensionFirstMarkMs: median(peerLoads.map((l) => l.first)),
      peerExtensionMarks: median(peerLoads.map((l) => l.marks)),
      peerExtensionLongestTaskMs: median(peerLoads.map((l) => l.longest)),
      ratioLastHighlightToPeerExtension: last / peerLast,
      maxLastHighlightMs: Math.max(...loads.map((l) => l.last)),
      maxPeerExtensionLastMarkMs: Math.max(...peerLoads.map((l) => l.last)),
      coldWorkerLastHighlightMs: median(coldLoads.map((l) => l.last)),
      coldWorkerFirstHighlightMs: median(coldLoads.map((l) => l.first)),
      coldWorkerLongestTaskMs: Math.max(...coldLoads.map((l) => l.longest)),
      markRangesPerBlockMs: floor,
      markRangesPerBlockMarks: median(floors.map((f) => f.marks)),
      ratioMarkRangesPerBlockToMarkjs: floor / markjs,
      pageFirstPaintMs: median(peers.map((p) => p.firstPaint)),
      swColdStartMs: median(cold),
      swColdStartMaxMs: Math.max(...cold),
    };
  } finally {
    await plain.close();
    await peer.close();
    await ext.close();
    await server.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runBrowserBench()
    .then((r) => console.log(JSON.stringify(r, null, 2)))
    .catch((e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    });
}
