// Keeps the stored KB healthy and the matcher in memory. The worker can be
// killed at any time, so everything here is rebuilt lazily on wake.
import browser from 'webextension-polyfill';
import { buildMatcher, type Matcher } from '../match/matcher';
import type { Kb } from '../kb/types';
import { parseKb, validateKb } from '../kb/validate';
import { errorMessage } from '../shared/result';
import { openClaimlensDb, type ClaimlensDb, type EventRecord } from './db';
import { readKb, readKbMeta, replaceKb } from './kb-store';

let dbPromise: Promise<ClaimlensDb> | null = null;
let kbPromise: Promise<Kb> | null = null;
let matcherPromise: Promise<Matcher> | null = null;

export function db(): Promise<ClaimlensDb> {
  dbPromise ??= openClaimlensDb().catch((e: unknown) => {
    dbPromise = null;
    throw e;
  });
  return dbPromise;
}

export async function logEvent(level: EventRecord['level'], message: string): Promise<void> {
  try {
    const d = await db();
    await d.add('events', { at: new Date().toISOString(), level, message });
    // Keep the log short: the popup shows the latest few.
    const keys = await d.getAllKeys('events');
    if (keys.length > 50) {
      const tx = d.transaction('events', 'readwrite');
      await Promise.all([...keys.slice(0, keys.length - 50).map((k) => tx.store.delete(k)), tx.done]);
    }
  } catch {
    // Logging must never break the caller (e.g. quota exhausted).
  }
}

async function fetchBundledKb(): Promise<Kb> {
  const res = await fetch(browser.runtime.getURL('kb.json'));
  const parsed = parseKb(await res.text());
  if (!parsed.ok) throw new Error(`The bundled KB is unusable: ${parsed.message}`);
  return parsed.kb;
}

const version = (): string => browser.runtime.getManifest().version;

/** Imports the bundled KB, replacing the stored one (notes untouched). */
export async function importBundledKb(reason: string): Promise<Kb> {
  const kb = await fetchBundledKb();
  await replaceKb(await db(), kb, 'bundled', version());
  await logEvent('info', `Loaded the bundled knowledge base (${kb.claims.length} claims, ${kb.actors.length} actors): ${reason}.`);
  resetCaches(kb);
  return kb;
}

function resetCaches(kb: Kb | null): void {
  kbPromise = kb ? Promise.resolve(kb) : null;
  matcherPromise = null;
}

async function loadKb(): Promise<Kb> {
  const d = await db();
  const meta = await readKbMeta(d);
  if (!meta) return importBundledKb('first run');
  if (meta.origin === 'bundled' && meta.extensionVersion !== version()) {
    return importBundledKb(`extension updated to ${version()}`);
  }
  try {
    const stored = await readKb(d);
    const checked = validateKb(stored);
    if (checked.ok) return checked.kb;
    await logEvent('warning', `The stored knowledge base was damaged (${checked.message}); the bundled one was re-imported. Your notes are untouched.`);
  } catch (e) {
    await logEvent('warning', `The stored knowledge base could not be read (${errorMessage(e)}); the bundled one was re-imported. Your notes are untouched.`);
  }
  return importBundledKb('recovery');
}

export function currentKb(): Promise<Kb> {
  kbPromise ??= loadKb().catch(async (e: unknown) => {
    kbPromise = null;
    // Last resort: serve the bundled KB from memory even if the database is unusable
    // (quota exhausted, failed upgrade), and tell the reader.
    await logEvent('error', `Knowledge base storage failed: ${errorMessage(e)}`);
    return fetchBundledKb();
  });
  return kbPromise;
}

export function currentMatcher(): Promise<Matcher> {
  matcherPromise ??= currentKb().then((kb) => buildMatcher(kb));
  return matcherPromise;
}

export async function replaceWithImportedKb(text: string): Promise<Kb> {
  const parsed = parseKb(text);
  if (!parsed.ok) throw new Error(parsed.message);
  await replaceKb(await db(), parsed.kb, 'imported', version());
  resetCaches(parsed.kb);
  await logEvent('info', `Imported a knowledge base (${parsed.kb.claims.length} claims).`);
  return parsed.kb;
}
