// Background service worker: owns the KB and notes (extension-origin
// IndexedDB), answers the content script and the extension pages.
import browser, { type Runtime } from 'webextension-polyfill';
import type { ContentCalls, NoteSummary, UiCalls } from '../shared/messages';
import { listen, type Handlers } from '../shared/messaging';
import { err, errorMessage, ok } from '../shared/result';
import { DB_VERSION } from './db';
import { actorCard, claimCard, libraryData, searchKb } from './kb-views';
import { currentKb, currentMatcher, db, importBundledKb, logEvent } from './kb-service';
import { readKbMeta } from './kb-store';
import { noteHandlers, notesOnClaim } from './note-handlers';
import { isSiteEnabled, setSiteEnabled } from './sites';

const extensionOrigin = browser.runtime.getURL('');

function isOwnContentScript(sender: Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id && !!sender.tab && /^https?:/.test(sender.url ?? '');
}

function isOwnPage(sender: Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id && (sender.url ?? '').startsWith(extensionOrigin);
}

function summarise(notes: Awaited<ReturnType<typeof notesOnClaim>>): NoteSummary[] {
  return notes;
}

const content: Handlers<ContentCalls> = {
  'page.start': async ({ host }) => ok({ enabled: await isSiteEnabled(await db(), host) }),
  'page.annotate': async ({ blocks }) => {
    if (!Array.isArray(blocks) || blocks.some((b) => typeof b !== 'string')) return err('bad-request', 'blocks must be strings');
    const matcher = await currentMatcher();
    return ok(matcher.annotateBlocks(blocks));
  },
  'card.actor': async ({ id }) => ok(actorCard(await currentKb(), id)),
  'card.claim': async ({ id }) => ok(claimCard(await currentKb(), id, summarise(await notesOnClaim(await db(), id)))),
  ...noteHandlers.content,
};

const ui: Handlers<UiCalls> = {
  'kb.status': async () => {
    const d = await db();
    await currentKb();
    const meta = await readKbMeta(d);
    const events = (await d.getAll('events')).slice(-5).reverse();
    return ok({
      dbVersion: DB_VERSION,
      schema: meta?.schema ?? null,
      builtAt: meta?.builtAt ?? null,
      origin: meta?.origin ?? null,
      importedAt: meta?.importedAt ?? null,
      counts: meta?.counts ?? { documents: 0, actors: 0, claims: 0 },
      events: events.map(({ at, level, message }) => ({ at, level, message })),
    });
  },
  'kb.search': async ({ query, limit }) => ok(searchKb(await currentKb(), String(query), Math.min(limit || 20, 100))),
  'kb.library': async () => ok(libraryData(await currentKb())),
  'kb.export': async () => ok(JSON.stringify(await currentKb())),
  'site.get': async ({ host }) => ok({ enabled: await isSiteEnabled(await db(), host) }),
  'site.set': async ({ host, enabled }) => ok({ enabled: await setSiteEnabled(await db(), host, enabled) }),
  ...noteHandlers.ui,
};

listen<ContentCalls | UiCalls>((sender) => {
  if (isOwnPage(sender)) return ui as Handlers<ContentCalls | UiCalls>;
  if (isOwnContentScript(sender)) return content as Handlers<ContentCalls | UiCalls>;
  return null;
});

browser.runtime.onInstalled.addListener((details) => {
  // Install and update both re-import the bundled KB; notes are never touched.
  importBundledKb(details.reason === 'install' ? 'first install' : `extension ${details.reason}`).catch((e: unknown) =>
    logEvent('error', `Could not load the bundled knowledge base: ${errorMessage(e)}`),
  );
  browser.contextMenus.create({ id: 'claimlens-add-note', title: 'Add Claimlens note', contexts: ['selection'] });
});

browser.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId === 'claimlens-add-note' && tab?.id !== undefined) {
    void browser.tabs.sendMessage(tab.id, { claimlens: 1, call: 'note.begin', req: {} }).catch(() => undefined);
  }
});

browser.commands.onCommand.addListener((command, tab) => {
  if (command === 'add-note' && tab?.id !== undefined) {
    void browser.tabs.sendMessage(tab.id, { claimlens: 1, call: 'note.begin', req: {} }).catch(() => undefined);
  }
});

// Warm the matcher as soon as the worker starts so the first page waits less.
void currentMatcher().catch(() => undefined);
