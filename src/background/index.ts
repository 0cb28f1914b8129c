// Background service worker: owns the KB and notes (extension-origin
// IndexedDB), answers the content script and the extension pages.
import browser, { type Runtime } from 'webextension-polyfill';
import type { ContentCalls, UiCalls } from '../shared/messages';
import { listen, type Handlers } from '../shared/messaging';
import { err, errorMessage, ok } from '../shared/result';
import { DB_VERSION } from './db';
import { actorCard, claimCard, libraryData, searchKb } from './kb-views';
import { db, service } from './service';
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

const content: Handlers<ContentCalls> = {
  // A broken database must not switch Claimlens off everywhere: default to on.
  'page.start': async ({ host }) => ok({ enabled: await db().then((d) => isSiteEnabled(d, host)).catch(() => true) }),
  'page.annotate': async ({ blocks }) => {
    if (!Array.isArray(blocks) || blocks.some((b) => typeof b !== 'string')) return err('bad-request', 'blocks must be strings');
    const matcher = await service.matcher();
    return ok(
      matcher.annotateBlocks(blocks).map((b) => ({
        actors: b.actors,
        claims: b.claims.map(({ sources: _sources, ...rest }) => rest),
      })),
    );
  },
  'card.actor': async ({ id }) => ok(actorCard(await service.kb(), id)),
  'card.claim': async ({ id }) => ok(claimCard(await service.kb(), id, await notesOnClaim(await db(), id))),
  ...noteHandlers.content,
};

const ui: Handlers<UiCalls> = {
  'kb.status': async () => {
    const kb = await service.kb();
    const meta = await db().then(readKbMeta).catch(() => undefined);
    const events = await service.recentEvents(5);
    return ok({
      dbVersion: DB_VERSION,
      schema: meta?.schema ?? null,
      builtAt: meta?.builtAt ?? null,
      origin: meta?.origin ?? null,
      importedAt: meta?.importedAt ?? null,
      // Counts of the KB in use (from memory if the database is unusable).
      counts: { documents: kb.documents.length, actors: kb.actors.length, claims: kb.claims.length },
      events,
    });
  },
  'kb.search': async ({ query, limit }) => ok(searchKb(await service.kb(), String(query), Math.min(limit || 20, 100))),
  'kb.library': async () => ok(libraryData(await service.kb())),
  'kb.export': async () => ok(JSON.stringify(await service.kb())),
  'site.get': async ({ host }) => ok({ enabled: await isSiteEnabled(await db(), host) }),
  'kb.import': async ({ json }) => {
    const kb = await service.importKbText(json);
    return ok({ claims: kb.claims.length, actors: kb.actors.length });
  },
  'kb.reset': async () => {
    const kb = await service.importBundled('restored by the reader');
    return ok({ claims: kb.claims.length, actors: kb.actors.length });
  },
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
  service.importBundled(details.reason === 'install' ? 'first install' : `extension ${details.reason}`).catch((e: unknown) =>
    service.logEvent('error', `Could not load the bundled knowledge base: ${errorMessage(e)}`),
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
void service.matcher().catch(() => undefined);
