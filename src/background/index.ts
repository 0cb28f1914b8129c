// Background service worker: owns the KB and notes (extension-origin
// IndexedDB), answers the content script and the extension pages.
import browser, { type Menus, type Runtime, type Tabs } from 'webextension-polyfill';
import type { FrameCalls } from '../shared/frame-messages';
import { frameSchemas } from '../shared/frame-schemas';
import type { ContentCalls, UiCalls } from '../shared/messages';
import { contentSchemas, uiSchemas } from '../shared/message-schemas';
import { announceKbChanged, callsOf, callTab, listen, type Handlers, type Route } from '../shared/messaging';
import { err, errorMessage, ok } from '../shared/result';
import { badgeFor } from './badge';
import { DB_VERSION } from './db';
import { kbDamaged, kbFileProblem } from './import-errors';
import { actorCard, claimCard, libraryData, searchKb } from './kb-views';
import { db, service } from './service';
import { readKbMeta, readUserDocs } from './kb-store';
import { frameHandlers, frameOpenHandlers } from './frame-handlers';
import { noteHandlers, notesOnClaim } from './note-handlers';
import { isSiteEnabled, setSiteEnabled } from './sites';
import { sourcesData } from './source-views';
import { addPage, hostOf, kbExportJson, removeSource } from './user-sources';

const extensionOrigin = browser.runtime.getURL('');

function isOwnContentScript(sender: Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id && !!sender.tab && /^https?:/.test(sender.url ?? '');
}

/** The private note frame (an extension page inside a web page's card; Chromium serves it from a dynamic origin). */
const NOTE_FRAME_PATH = '/src/frame/note-frame.html';
function isOwnNoteFrame(sender: Runtime.MessageSender): boolean {
  if (sender.id !== browser.runtime.id || !sender.tab) return false;
  try {
    const u = new URL(sender.url ?? '');
    return (u.protocol === 'chrome-extension:' || u.protocol === 'moz-extension:') && u.pathname === NOTE_FRAME_PATH;
  } catch {
    return false;
  }
}

function isOwnPage(sender: Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id && (sender.url ?? '').startsWith(extensionOrigin);
}

const hostOfSender = (sender: Runtime.MessageSender): string => {
  try {
    return new URL(sender.url ?? '').hostname;
  } catch {
    return '';
  }
};

/** Every open tab highlights again with the KB as it is now (the tab that caused the change does so itself). */
async function rehighlightTabs(except?: number): Promise<void> {
  const tabs: Tabs.Tab[] = await browser.tabs.query({}).catch(() => []);
  await Promise.all(tabs.filter((t) => t.id !== undefined && t.id !== except).map((t) => callTab(t.id!, 'kb.changed', {})));
}

service.onChanged = (originTab) => {
  announceKbChanged();
  void rehighlightTabs(originTab);
};

const content: Handlers<ContentCalls> = {
  'page.start': async ({ host }) => {
    // A broken database must not switch Claimlens off everywhere: default to on.
    const enabled = await db().then((d) => isSiteEnabled(d, host)).catch(() => true);
    // The page is about to ask for its highlights: build the matcher (language data, KB) while it extracts its text.
    // Not at worker start: that work would hold up the popup's first answer after every idle stop.
    if (enabled) void service.matcher().catch(() => undefined);
    return ok({ enabled });
  },
  'page.annotate': async ({ blocks }) => {
    const matcher = await service.matcher();
    return ok(
      matcher.annotateBlocks(blocks).map((b) => ({
        actors: b.actors,
        claims: b.claims.map(({ sources: _sources, ...rest }) => rest),
      })),
    );
  },
  'card.actor': async ({ id }) => ok(actorCard(await service.kb(), id)),
  // The page's card says how many notes there are; their text shows only in the note frame.
  'card.claim': async ({ id }) => {
    const card = claimCard(await service.kb(), id, [], await service.userDocs());
    return ok(card && { ...card, noteCount: (await notesOnClaim(await db(), id)).length });
  },
  'kb.addPage': async (draft, sender) => {
    if (!(await isSiteEnabled(await db(), hostOfSender(sender)))) return err('site-off', 'Claimlens is off on this site: turn it on to add this page.');
    const report = await addPage(service, draft, sender.tab?.id);
    await service.logEvent('info', `Added “${report.title}” to the knowledge base: ${report.message}`);
    return ok(report);
  },
  'page.findings': async ({ claims }, sender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return ok(false);
    const badge = badgeFor(claims, await service.kb());
    await browser.action.setBadgeText({ tabId, text: badge.text });
    if (badge.text) await browser.action.setBadgeBackgroundColor({ tabId, color: badge.colour });
    return ok(true);
  },
  ...noteHandlers.content,
  ...frameOpenHandlers,
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
  'kb.search': async ({ query, limit }) => ok(searchKb(await service.kb(), query, limit)),
  'kb.library': async () => ok(libraryData(await service.kb(), await service.userDocs())),
  'kb.export': async () => ok(kbExportJson(await service.kb(), await readUserDocs(await db()).catch(() => []))),
  'site.get': async ({ host }) => ok({ enabled: await isSiteEnabled(await db(), host) }),
  'kb.import': async ({ json, sources }) => {
    const problem = kbFileProblem(json);
    if (problem) return err('invalid-kb', problem);
    try {
      const r = await service.exclusive(() => service.importKbText(json, sources));
      return ok({ claims: r.kb.claims.length, actors: r.kb.actors.length, sources: r.sources });
    } catch (e) {
      return err('invalid-kb', kbDamaged(errorMessage(e)));
    }
  },
  'kb.reset': async ({ sources }) => {
    const r = await service.exclusive(() => service.importBundled('restored by the reader', sources));
    return ok({ claims: r.kb.claims.length, actors: r.kb.actors.length, sources: r.sources });
  },
  'kb.actor': async ({ id }) => ok(actorCard(await service.kb(), id)),
  'kb.claim': async ({ id }) => ok(claimCard(await service.kb(), id, await notesOnClaim(await db(), id), await service.userDocs())),
  'sources.list': async () => ok(sourcesData(await service.kb(), await service.userDocs())),
  'sources.remove': async ({ id }) => ok(await removeSource(service, id)),
  'site.set': async ({ host, enabled }) => ok({ enabled: await setSiteEnabled(await db(), host, enabled) }),
  ...noteHandlers.ui,
};

type Calls = ContentCalls | UiCalls | FrameCalls;
const contentRoute = { handlers: content, schemas: contentSchemas } as unknown as Route<Calls>;
const uiRoute = { handlers: ui, schemas: uiSchemas } as unknown as Route<Calls>;
const frameRoute = { handlers: frameHandlers, schemas: frameSchemas } as unknown as Route<Calls>;

listen<Calls>(callsOf(contentSchemas, uiSchemas, frameSchemas), (sender) => {
  // First: the frame is an extension page too, but may make frame calls only.
  if (isOwnNoteFrame(sender)) return frameRoute;
  if (isOwnPage(sender)) return uiRoute;
  if (isOwnContentScript(sender)) return contentRoute;
  return null;
});

const MENU_NOTE = 'claimlens-add-note';
const MENU_ADD_PAGE = 'claimlens-add-page';

browser.runtime.onInstalled.addListener((details) => {
  // Install and update both re-import the bundled KB (the reader's added pages
  // are merged onto it again); notes are never touched.
  // On install the first read imports it (nothing is stored yet): once is enough.
  const ready = service.kb();
  const next = details.reason === 'install' ? ready : ready.then(() => service.exclusive(() => service.importBundled(`extension ${details.reason}`)));
  void next.catch((e: unknown) => service.logEvent('error', `Could not load the bundled knowledge base: ${errorMessage(e)}`));
  browser.contextMenus.create({ id: MENU_NOTE, title: 'Add Claimlens note', contexts: ['selection'] });
  browser.contextMenus.create({ id: MENU_ADD_PAGE, title: 'Add this page to the knowledge base', contexts: ['page'] });
});

async function addFromMenu(tabId: number, url: string | undefined): Promise<void> {
  const r = await callTab(tabId, 'page.addToKb', {});
  if (!r.ok) await service.logEvent('warning', `Could not add ${hostOf(url) ?? 'this page'} to the knowledge base: ${r.error.message}`);
}

browser.contextMenus.onClicked.addListener((info: Menus.OnClickData, tab?: Tabs.Tab) => {
  if (tab?.id === undefined) return;
  if (info.menuItemId === MENU_NOTE) void callTab(tab.id, 'note.begin', {});
  if (info.menuItemId === MENU_ADD_PAGE) void addFromMenu(tab.id, info.pageUrl);
});

browser.commands.onCommand.addListener((command, tab) => {
  if (command === 'add-note' && tab?.id !== undefined) void callTab(tab.id, 'note.begin', {});
});

