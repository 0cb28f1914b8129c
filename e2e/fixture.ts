// Per-file browser fixture: one Chromium with the extension, one news server,
// and a log of every network request made by pages, workers and extension
// pages (the privacy test fails on anything the local server did not serve).
import { afterAll, beforeAll } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from './browser';
import { startNewsServer, type NewsServer } from './server';

export interface Env {
  b: ExtensionBrowser;
  server: NewsServer;
  requests: string[];
  /** Console errors and page errors seen on web pages (not extension pages). */
  pageErrors: string[];
  open(path: string): Promise<Page>;
  tabIdOf(page: Page): Promise<number>;
  kbCounts(): Promise<{ documents: number; actors: number; claims: number }>;
}

export function useBrowser(): Env {
  const env = { requests: [] as string[], pageErrors: [] as string[] } as unknown as Env;
  beforeAll(async () => {
    env.server = await startNewsServer({ corpusDir: 'assets/corpus', pagesDir: 'e2e/pages' });
    env.b = await launchWithExtension();
    // The context also reports the extension service worker's requests (checked:
    // a fetch from the worker shows up here), so one listener sees them all.
    env.b.context.on('request', (r) => env.requests.push(r.url()));
    env.b.context.on('page', (p) => {
      p.on('pageerror', (e) => env.pageErrors.push(String(e)));
    });
    env.open = async (path: string) => {
      const page = await env.b.context.newPage();
      page.on('pageerror', (e) => env.pageErrors.push(String(e)));
      page.on('console', (m) => {
        if (m.type() === 'error') env.pageErrors.push(m.text());
      });
      await page.goto(env.server.origin + path);
      return page;
    };
    // Without the "tabs" permission tab URLs are hidden, so the page is
    // brought to the front and the active tab is taken.
    env.tabIdOf = async (page: Page) => {
      await page.bringToFront();
      return env.b.worker.evaluate(async () => {
        const [t] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        if (!t?.id) throw new Error('no active tab');
        return t.id;
      });
    };
    env.kbCounts = () =>
      env.b.worker.evaluate(
        () =>
          new Promise<{ documents: number; actors: number; claims: number }>((resolve, reject) => {
            const req = indexedDB.open('claimlens');
            // Never create the database here: the worker must, at its own schema version.
            req.onupgradeneeded = () => req.transaction?.abort();
            req.onerror = () => reject(req.error);
            req.onsuccess = () => {
              const db = req.result;
              const tx = db.transaction(['kbDocuments', 'kbActors', 'kbClaims'], 'readonly');
              const out = { documents: 0, actors: 0, claims: 0 };
              tx.objectStore('kbDocuments').count().onsuccess = (e) => (out.documents = (e.target as IDBRequest<number>).result);
              tx.objectStore('kbActors').count().onsuccess = (e) => (out.actors = (e.target as IDBRequest<number>).result);
              tx.objectStore('kbClaims').count().onsuccess = (e) => (out.claims = (e.target as IDBRequest<number>).result);
              tx.oncomplete = () => {
                db.close();
                resolve(out);
              };
            };
          }),
      );
  });
  afterAll(async () => {
    await env.b?.close();
    await env.server?.close();
  });
  return env;
}

export async function waitForHighlights(page: Page, selector = '[data-claimlens-kind]'): Promise<void> {
  await page.waitForSelector(selector, { timeout: 15_000 });
}

/** Hovers a piece of a highlight's own text (not inside a nested highlight). */
export async function hoverOwnText(page: Page, selector: string): Promise<void> {
  const point = await page.$eval(selector, (mark) => {
    for (const n of mark.childNodes) {
      if (n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim().length > 3) {
        const r = document.createRange();
        r.selectNodeContents(n);
        const rect = r.getClientRects()[0];
        return { x: rect.left + Math.min(rect.width / 2, 20), y: rect.top + rect.height / 2 };
      }
    }
    throw new Error('no bare text in the highlight');
  });
  await page.mouse.move(point.x, point.y);
}
