// The one KbService of the worker, wired to the real browser APIs.
import browser from 'webextension-polyfill';
import { installLexicon, lexiconInstalled } from '../lang/default-lexicon';
import type { LexiconData } from '../lang/lexicon-data';
import { openClaimlensDb } from './db';
import { KbService } from './kb-service';

/** The package's own data files: the only thing the worker ever fetches, from the extension itself. */
type BundledFile = 'kb.json' | 'lexicon.json.gz';
const readBundled = async (name: BundledFile): Promise<string> => {
  const res = await fetch(browser.runtime.getURL(name));
  if (!res.ok || !res.body) throw new Error(`Claimlens: the package's ${name} could not be read (${res.status})`);
  // A .gz file is inflated here: the browser serves package files without a Content-Encoding.
  return name.endsWith('.gz') ? new Response(res.body.pipeThrough(new DecompressionStream('gzip'))).text() : res.text();
};

export const service = new KbService({
  openDb: () => openClaimlensDb(),
  fetchBundled: () => readBundled('kb.json'),
  extensionVersion: browser.runtime.getManifest().version,
  loadLanguage: async () => {
    if (!lexiconInstalled()) installLexicon(JSON.parse(await readBundled('lexicon.json.gz')) as LexiconData);
  },
});

export const db = () => service.db();
