// Hostile pages: huge text, huge DOM, deep nesting, the page's own <mark>,
// iframes, shadow DOM, a page that overrides DOM and timer APIs, a strict
// CSP. For each: highlights appear (or Claimlens gives up cleanly) within a
// bound, no long task (≥ 50 ms) that is Claimlens's (long tasks the same page
// also has without the extension are the page's own), no error in the page
// console, and the page's own script still works.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM } from './browser';
import { useBrowser } from './fixture';

const env = useBrowser();
let plain: BrowserContext;

/** Load timings, long tasks and long animation frames (with script attribution), from before any page script. */
const PROBE = `(() => {
  const probe = window.__clProbe = { tasks: [], frames: [], dcl: 0, load: 0 };
  document.addEventListener('DOMContentLoaded', () => { probe.dcl = performance.now(); }, { once: true });
  window.addEventListener('load', () => { probe.load = performance.now(); }, { once: true });
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) probe.tasks.push({ start: e.startTime, duration: e.duration }); })
      .observe({ type: 'longtask', buffered: true });
  } catch {}
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) probe.frames.push({ start: e.startTime, duration: e.duration,
      scripts: (e.scripts || []).map((s) => ({ url: s.sourceURL, fn: s.sourceFunctionName, invoker: s.invoker, duration: s.duration })) }); })
      .observe({ type: 'long-animation-frame', buffered: true });
  } catch {}
})();`;

interface Probe {
  dcl: number;
  load: number;
  tasks: { start: number; duration: number }[];
  frames: { start: number; duration: number; scripts: { url: string; fn: string; invoker: string; duration: number }[] }[];
}

const SENTENCES = [
  'North Korea has supplied Russia with artillery shells for its war in Ukraine, the White House said.',
  'John Kirby told reporters that Pyongyang had delivered more than a thousand containers of munitions.',
  'Officials in Moscow denied that Russia had received any weapons from North Korea.',
  'Kim Jong Un met Vladimir Putin at a cosmodrome in the far east of Russia.',
];
const filler = (i: number): string => `Paragraph ${i} of the local council budget report covers roads, parks and the new library on the east side of town.`;

const COUNTER = `<button id="btn" type="button">count</button> <span id="count">0</span>
<script>document.getElementById('btn').addEventListener('click', () => { const c = document.getElementById('count'); c.textContent = String(Number(c.textContent) + 1); });</script>`;

function page(body: string, head = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Hostile</title>${head}</head><body>${body}</body></html>`;
}

const PAGES: Record<string, { html: string; counter: boolean; expectMarks: boolean }> = {
  // ~1,000,000 characters in 7,000 paragraphs.
  'big-text': {
    html: page(`<main><article>${Array.from({ length: 7000 }, (_, i) => `<p>${i % 10 === 0 ? SENTENCES[i % 4] : filler(i)}</p>`).join('\n')}</article></main>${COUNTER}`),
    counter: true,
    expectMarks: true,
  },
  // 200,000 elements: 20,000 paragraphs of 9 spans each.
  'many-elements': {
    html: page(`<article>${Array.from({ length: 20_000 }, (_, i) =>
      `<p>${i % 50 === 0 ? `<span>${SENTENCES[i % 4]}</span>` : '<span>a</span>'}${'<span> w</span>'.repeat(8)}</p>`).join('')}</article>${COUNTER}`),
    counter: true,
    // Over Claimlens's element cap: it gives up cleanly, the page stays as it is.
    expectMarks: false,
  },
  // Deep nesting, built by a script (the HTML parser stops nesting at 512): 5,000 inline levels and
  // 2,000 block levels (Chromium's own layout crashes at 5,000 nested divs, extension or not).
  deep: {
    html: page(`<article><p id="top">${SENTENCES[0]}</p><div id="deep"></div><p id="spans"></p></article>${COUNTER}
<script>
  let d = document.getElementById('deep');
  for (let i = 0; i < 2000; i++) { const c = document.createElement('div'); d.appendChild(c); d = c; }
  d.textContent = ${JSON.stringify(SENTENCES[1])};
  let s = document.getElementById('spans');
  for (let i = 0; i < 5000; i++) { const c = document.createElement('span'); s.appendChild(c); s = c; }
  s.textContent = ${JSON.stringify(SENTENCES[2])};
</script>`),
    counter: true,
    expectMarks: true,
  },
  // The page's own <mark> elements and CSS on mark.
  'own-marks': {
    html: page(`<article><p>The <mark class="own">White House</mark> said <mark>North Korea</mark> has supplied Russia with artillery shells.</p>
<p>${SENTENCES[3]}</p></article>${COUNTER}`, `<style>mark { background: #0f0; display: inline-block; } mark.own::after { content: '*'; } claimlens-mark { }</style>`),
    counter: true,
    expectMarks: true,
  },
  // Same-origin iframes (the content script runs in the top frame only).
  iframes: {
    html: page(`<article><p>${SENTENCES[0]}</p><iframe id="f1" srcdoc="<p>${SENTENCES[1]}</p>"></iframe><iframe id="f2" src="/hostile/own-marks.html" width="300" height="200"></iframe><p>${SENTENCES[2]}</p></article>${COUNTER}`),
    counter: true,
    expectMarks: true,
  },
  // Open shadow DOM content beside light DOM content.
  shadow: {
    html: page(`<article><p>${SENTENCES[0]}</p><div id="host"></div><p>${SENTENCES[3]}</p></article>${COUNTER}
<script>
  const root = document.getElementById('host').attachShadow({ mode: 'open' });
  root.innerHTML = '<p>${SENTENCES[1]}</p><slot></slot>';
</script>`),
    counter: true,
    expectMarks: true,
  },
  // The page overrides DOM and timer APIs in its own world (the counter keeps its own references).
  overrides: {
    html: page(`<article><p>${SENTENCES[0]}</p><p>${SENTENCES[2]}</p></article>${COUNTER}
<script>
  const boom = () => { throw new Error('page override called'); };
  Element.prototype.querySelectorAll = boom; Element.prototype.querySelector = boom; Document.prototype.querySelectorAll = boom;
  Node.prototype.appendChild = boom; Node.prototype.insertBefore = boom; Node.prototype.replaceChild = boom;
  Text.prototype.splitText = boom; Element.prototype.setAttribute = boom; Element.prototype.closest = boom; Element.prototype.matches = boom;
  window.setTimeout = boom; window.clearTimeout = boom; window.requestAnimationFrame = boom; window.MutationObserver = function () { throw new Error('no'); };
  HTMLElement.prototype.attachShadow = boom; Element.prototype.getBoundingClientRect = boom; EventTarget.prototype.addEventListener = boom;
  Object.defineProperty(window, 'scheduler', { value: { yield: boom } });
</script>`),
    counter: true,
    expectMarks: true,
  },
  // Strict CSP: no script, styles from self only.
  csp: {
    html: page(`<article><p>${SENTENCES[0]}</p><p>${SENTENCES[3]}</p></article>`, `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'self'">`),
    counter: false,
    expectMarks: true,
  },
};

beforeAll(async () => {
  for (const [name, p] of Object.entries(PAGES)) env.server.setPage(`/hostile/${name}.html`, p.html);
  await env.b.context.addInitScript(PROBE);
  plain = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'claimlens-plain-')), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  await plain.addInitScript(PROBE);
});

afterAll(async () => {
  await plain?.close();
});

/** Waits until the mark count has not changed for `quietMs` (or `maxMs` passed). */
async function settle(p: Page, maxMs: number, quietMs = 1200): Promise<{ marks: number; ms: number }> {
  const t0 = Date.now();
  let last = -1;
  let since = Date.now();
  for (;;) {
    // A locator runs in Playwright's own world: page overrides cannot break it.
    const n = await p.locator('claimlens-mark').count();
    if (n !== last) {
      last = n;
      since = Date.now();
    }
    if ((n > 0 && Date.now() - since > quietMs) || Date.now() - t0 > maxMs) return { marks: n, ms: Date.now() - t0 };
    await p.waitForTimeout(150);
  }
}

async function baselineTasks(name: string): Promise<Probe> {
  const p = await plain.newPage();
  await p.goto(`${env.server.origin}/hostile/${name}.html`);
  await p.waitForTimeout(1500);
  const probe = (await p.evaluate('window.__clProbe')) as Probe;
  await p.close();
  return probe;
}

/**
 * Long tasks of the extension run that the page alone does not explain: the
 * content script runs at document_idle, after DOMContentLoaded, so earlier
 * tasks are the page's parsing and scripts; later ones must be longer than
 * the page's own longest after DOMContentLoaded (+25 % for noise).
 */
function ours(ext: Probe, base: Probe): { unexplained: number[]; extensionScripts: number[] } {
  const baseLongest = base.tasks.filter((t) => t.start >= base.dcl).reduce((m, t) => Math.max(m, t.duration), 0);
  const unexplained = ext.tasks.filter((t) => t.start >= ext.dcl && t.duration > Math.max(50, baseLongest * 1.25)).map((t) => Math.round(t.duration));
  const extensionScripts = ext.frames.flatMap((f) => f.scripts).filter((s) => s.url.startsWith('chrome-extension://') && s.duration >= 50).map((s) => Math.round(s.duration));
  return { unexplained, extensionScripts };
}

describe('hostile pages', () => {
  for (const [name, spec] of Object.entries(PAGES)) {
    it(`${name}: bounded, no long task of ours, no console error, page script works`, async () => {
      const errorsBefore = env.pageErrors.length;
      const p = await env.open(`/hostile/${name}.html`);
      const { marks, ms } = await settle(p, spec.expectMarks ? 12_000 : 3_000);
      if (spec.expectMarks) expect(marks, `${name}: highlights`).toBeGreaterThan(0);
      if (spec.expectMarks) expect(ms, `${name}: settled in time`).toBeLessThan(12_000);
      else expect(marks, `${name}: left alone`).toBe(0);
      if (spec.counter) {
        await p.click('#btn');
        await p.click('#btn');
        expect(await p.textContent('#count')).toBe('2');
      }
      let probe = (await p.evaluate('window.__clProbe')) as Probe;
      const base = await baselineTasks(name);
      let o = ours(probe, base);
      if (o.unexplained.length > 0) {
        // A 2-core machine shared with other jobs has stray 50-70 ms tasks (GC, a late
        // paint): a long task of ours comes back on a second load, noise does not.
        console.log(name, 'first load', JSON.stringify(o.unexplained), '→ loading again');
        await p.reload();
        await settle(p, spec.expectMarks ? 12_000 : 3_000);
        probe = (await p.evaluate('window.__clProbe')) as Probe;
        o = ours(probe, base);
      }
      if (process.env.HOSTILE_DEBUG) console.log(name, 'frames', JSON.stringify(probe.frames.filter((f) => f.duration > 50).map((f) => [Math.round(f.start), Math.round(f.duration), f.scripts.map((x) => `${x.invoker}@${x.url.slice(0, 40)}:${Math.round(x.duration)}`)])));
      if (process.env.HOSTILE_DEBUG) console.log(name, 'timing', probe.dcl, probe.load, JSON.stringify(probe.tasks), 'base', base.dcl, base.load, JSON.stringify(base.tasks));
      console.log(name, JSON.stringify({ marks, ms, tasks: probe.tasks.map((t) => Math.round(t.duration)), baseline: base.tasks.map((t) => Math.round(t.duration)), ...o }));
      expect(o.extensionScripts, `${name}: extension scripts in long frames`).toEqual([]);
      expect(o.unexplained, `${name}: long tasks the page alone does not have`).toEqual([]);
      const errors = env.pageErrors.slice(errorsBefore).filter((e) => !/page override called/.test(e));
      expect(errors, `${name}: console errors`).toEqual([]);
      // Per-page checks.
      if (name === 'own-marks') {
        expect(await p.locator('mark').allTextContents()).toEqual(['White House', 'North Korea']);
      }
      if (name === 'iframes') {
        expect(await p.frameLocator('#f1').locator('claimlens-mark').count()).toBe(0);
      }
      if (name === 'deep') {
        expect(await p.locator('#deep').textContent()).toContain('Pyongyang');
      }
      await p.close();
    });
  }
});
