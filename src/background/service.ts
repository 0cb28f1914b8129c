// The one KbService of the worker, wired to the real browser APIs.
import browser from 'webextension-polyfill';
import { installLexicon, lexiconInstalled } from '../lang/default-lexicon';
import type { LexiconData } from '../lang/lexicon-data';
import { openClaimlensDb } from './db';
import { KbService } from './kb-service';

/** The package's own data files: the only thing the worker ever fetches, from the extension itself. */
type BundledFile = 'kb.json' | 'lexicon.json';
const readBundled = async (name: BundledFile): Promise<string> => (await fetch(browser.runtime.getURL(name))).text();

export const service = new KbService({
  openDb: () => openClaimlensDb(),
  fetchBundled: () => readBundled('kb.json'),
  extensionVersion: browser.runtime.getManifest().version,
  loadLanguage: async () => {
    if (!lexiconInstalled()) installLexicon(JSON.parse(await readBundled('lexicon.json')) as LexiconData);
  },
});

export const db = () => service.db();
