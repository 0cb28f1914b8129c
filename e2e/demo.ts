// `npm run demo`: serves the bundled corpus as news pages on 127.0.0.1 and
// opens Chromium with the built extension. Without a display it runs
// headless and saves a screenshot of every page (and an open card).
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchWithExtension } from './browser';
import { startNewsServer } from './server';

const OUT = resolve(process.env.CLAIMLENS_DEMO_OUT ?? 'out/demo');

async function main(): Promise<void> {
  const headless = !process.env.DISPLAY || process.env.CI === 'true';
  const server = await startNewsServer({ corpusDir: 'assets/corpus' });
  const browser = await launchWithExtension({ headless });
  mkdirSync(OUT, { recursive: true });
  console.log(`Claimlens demo: ${server.articles.length} articles at ${server.origin}/ (extension ${browser.extensionId})`);
  for (const path of server.articles) {
    const page = await browser.context.newPage();
    await page.goto(server.origin + path);
    await page.waitForSelector('[data-claimlens-kind]', { timeout: 15_000 }).catch(() => undefined);
    await page.waitForTimeout(300);
    const counts = await page.evaluate(() => ({
      actors: document.querySelectorAll('[data-claimlens-kind="actor"]').length,
      claims: new Set([...document.querySelectorAll('[data-claimlens-kind="claim"]')].map((m) => m.getAttribute('data-claimlens-id'))).size,
    }));
    const name = path.replace(/^\/news\//, '').replace(/\.html$/, '');
    await page.screenshot({ path: `${OUT}/${name}.png`, fullPage: true });
    // Hover a stretch of a claim highlight that no actor highlight covers, so the card is the claim's.
    const point = await page.evaluate(() => {
      for (const mark of document.querySelectorAll('[data-claimlens-kind="claim"]')) {
        for (const n of mark.childNodes) {
          if (n.nodeType !== Node.TEXT_NODE || (n.textContent ?? '').trim().length < 6) continue;
          (mark as HTMLElement).scrollIntoView({ block: 'center' });
          const r = document.createRange();
          r.selectNodeContents(n);
          const rect = r.getClientRects()[0];
          if (rect) return { x: rect.left + Math.min(rect.width / 2, 30), y: rect.top + rect.height / 2 };
        }
      }
      return null;
    });
    if (point) {
      await page.mouse.move(point.x, point.y);
      await page.waitForSelector('claimlens-card', { timeout: 5_000 }).catch(() => undefined);
      await page.waitForTimeout(400);
      await page.screenshot({ path: `${OUT}/${name}-card.png` });
    }
    console.log(`  ${path}: ${counts.actors} actor highlights, ${counts.claims} distinct claims`);
    if (headless) await page.close();
  }
  const popup = await browser.context.newPage();
  const first = await browser.context.newPage();
  await first.goto(server.origin + server.articles[0]);
  await first.waitForSelector('[data-claimlens-kind]', { timeout: 15_000 }).catch(() => undefined);
  const tabId = await browser.worker.evaluate(async (url) => {
    const tabs = await chrome.tabs.query({ url });
    return tabs[0]?.id ?? null;
  }, server.origin + server.articles[0]);
  await popup.setViewportSize({ width: 400, height: 800 });
  await popup.goto(`chrome-extension://${browser.extensionId}/src/ui/popup.html?tab=${tabId}`);
  await popup.waitForTimeout(800);
  await popup.screenshot({ path: `${OUT}/popup.png`, fullPage: true });
  const library = await browser.context.newPage();
  await library.goto(`chrome-extension://${browser.extensionId}/src/ui/library.html`);
  await library.click('role=tab[name=/Claims/]');
  await library.waitForTimeout(500);
  await library.screenshot({ path: `${OUT}/library-claims.png` });
  console.log(`Screenshots: ${OUT}`);
  if (headless) {
    await browser.close();
    await server.close();
  } else {
    console.log('Chromium is open with Claimlens loaded; press Ctrl+C to stop.');
  }
}

main().catch((e: unknown) => {
  console.error(`demo failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
