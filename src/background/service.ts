// The one KbService of the worker, wired to the real browser APIs.
import browser from 'webextension-polyfill';
import { openClaimlensDb } from './db';
import { KbService } from './kb-service';

export const service = new KbService({
  openDb: () => openClaimlensDb(),
  fetchBundled: async () => (await fetch(browser.runtime.getURL('kb.json'))).text(),
  extensionVersion: browser.runtime.getManifest().version,
});

export const db = () => service.db();
