// Keeps the stored KB healthy and the matcher in memory. The worker can be
// killed at any time, so everything here is rebuilt lazily on wake. Browser
// APIs come in as dependencies (a test seam): see kb-service.test.ts.
import { buildMatcher, type Matcher } from '../match/matcher';
import type { Kb } from '../kb/types';
import { parseKb, validateKb } from '../kb/validate';
import { errorMessage } from '../shared/result';
import type { ClaimlensDb, EventRecord, KbMeta, UserDocRecord } from './db';
import { readKb, readKbMeta, readUserDocs, replaceKb } from './kb-store';
import { baseOfFile, remerge, sourcesInFile, sourcesToKeep } from './user-sources';
import type { KeepSources } from '../shared/messages';

/** What cards and lists need to know of an added page, without its text. */
export interface UserDocInfo {
  url: string;
  addedAt: string;
}

export interface KbServiceDeps {
  openDb: () => Promise<ClaimlensDb>;
  /** Text of the bundled kb.json. */
  fetchBundled: () => Promise<string>;
  extensionVersion: string;
  now?: () => Date;
  /** Makes the language layer's data ready (the worker fetches lexicon.json); Node tests read it from disk. */
  loadLanguage?: () => Promise<void>;
}

export type LoggedEvent = Omit<EventRecord, 'id'>;

const MAX_EVENTS = 50;

export class KbService {
  private dbPromise: Promise<ClaimlensDb> | null = null;
  private kbPromise: Promise<Kb> | null = null;
  private matcherPromise: Promise<Matcher> | null = null;
  private userDocsPromise: Promise<Map<string, UserDocInfo>> | null = null;
  /** Every change to the KB runs here, one at a time: two tabs adding at once lose nothing. */
  private queue: Promise<unknown> = Promise.resolve();
  /** Told after every change of the KB in use (to re-highlight tabs, refresh pages). */
  onChanged: ((originTab?: number) => void) | null = null;
  /** Events also kept in memory: the popup can still be told when the database itself is broken. */
  private readonly memoryEvents: LoggedEvent[] = [];

  constructor(private readonly deps: KbServiceDeps) {}

  private now(): Date {
    return this.deps.now ? this.deps.now() : new Date();
  }

  db(): Promise<ClaimlensDb> {
    this.dbPromise ??= this.deps.openDb().catch((e: unknown) => {
      this.dbPromise = null;
      throw e;
    });
    return this.dbPromise;
  }

  async logEvent(level: EventRecord['level'], message: string): Promise<void> {
    const event: LoggedEvent = { at: this.now().toISOString(), level, message };
    this.memoryEvents.push(event);
    if (this.memoryEvents.length > MAX_EVENTS) this.memoryEvents.shift();
    try {
      const d = await this.db();
      await d.add('events', event);
      const keys = await d.getAllKeys('events');
      if (keys.length > MAX_EVENTS) {
        const tx = d.transaction('events', 'readwrite');
        await Promise.all([...keys.slice(0, keys.length - MAX_EVENTS).map((k) => tx.store.delete(k)), tx.done]);
      }
    } catch {
      // Logging must never break the caller (quota exhausted, database broken).
    }
  }

  /** Latest events, newest first: from the database, or from memory if it cannot be read. */
  async recentEvents(n: number): Promise<LoggedEvent[]> {
    try {
      // Keys grow with time, so key order is logging order (timestamps can tie).
      const stored = await (await this.db()).getAll('events');
      const all = stored.map(({ at, level, message }) => ({ at, level, message }));
      // Events logged while the database was failing exist only in memory.
      const missing = this.memoryEvents.filter((e) => !all.some((s) => s.at === e.at && s.message === e.message));
      return [...all, ...missing].reverse().slice(0, n);
    } catch {
      return [...this.memoryEvents].reverse().slice(0, n);
    }
  }

  /** Runs `fn` after every change queued before it (and before any queued after it). */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** The KB in use after an incremental change that is already stored (`originTab` re-highlights itself). */
  adopt(kb: Kb, originTab?: number): void {
    this.reset(kb);
    this.onChanged?.(originTab);
  }

  /** Added pages by document id (cached until the KB changes). */
  userDocs(): Promise<Map<string, UserDocInfo>> {
    this.userDocsPromise ??= this.db()
      .then(readUserDocs)
      .then((rs) => new Map(rs.map((r) => [r.id, { url: r.url, addedAt: r.addedAt }])))
      .catch(() => new Map<string, UserDocInfo>());
    return this.userDocsPromise;
  }

  /**
   * Makes `base` the KB, with the reader's added pages merged onto it again
   * (or dropped), and the list of added pages rewritten to match: one
   * transaction, so an update, an import or a reset never loses a page.
   */
  private async rebase(base: Kb, origin: KbMeta['origin'], keep: KeepSources, fromFile: UserDocRecord[] = []): Promise<{ kb: Kb; sources: number }> {
    const d = await this.db();
    const mine = keep === 'keep' ? await readUserDocs(d).catch(() => [] as UserDocRecord[]) : [];
    const toMerge = sourcesToKeep(mine, fromFile);
    // Merging pages runs the pipeline, which reads the language data.
    if (toMerge.length) await this.language();
    const { kb, records, skipped } = remerge(base, toMerge);
    await replaceKb(d, kb, origin, this.deps.extensionVersion, this.now(), records);
    if (skipped.length) await this.logEvent('warning', `${skipped.length} page(s) you added could not be read back and were left out: ${skipped.slice(0, 3).join('; ')}.`);
    this.reset(kb);
    this.onChanged?.();
    return { kb, sources: records.length };
  }

  private async bundledKb(): Promise<Kb> {
    const parsed = parseKb(await this.deps.fetchBundled());
    if (!parsed.ok) throw new Error(`The bundled knowledge base is unusable: ${parsed.message}`);
    return parsed.kb;
  }

  /**
   * Imports the bundled KB, replacing the stored one (notes untouched); the
   * reader's added pages are merged onto it again unless `keep` is 'drop'.
   */
  async importBundled(reason: string, keep: KeepSources = 'keep'): Promise<{ kb: Kb; sources: number }> {
    const bundled = await this.bundledKb();
    const r = await this.rebase(bundled, 'bundled', keep);
    const added = r.sources ? ` and ${r.sources} page${r.sources === 1 ? '' : 's'} you added` : '';
    await this.logEvent('info', `Loaded the bundled knowledge base (${bundled.claims.length} claims, ${bundled.actors.length} actors)${added}: ${reason}.`);
    return r;
  }

  private reset(kb: Kb | null): void {
    this.kbPromise = kb ? Promise.resolve(kb) : null;
    this.matcherPromise = null;
    this.userDocsPromise = null;
  }

  private async load(): Promise<Kb> {
    const d = await this.db();
    const meta = await readKbMeta(d);
    if (!meta) return (await this.importBundled('first run')).kb;
    if (meta.origin === 'bundled' && meta.extensionVersion !== this.deps.extensionVersion) {
      try {
        return (await this.importBundled(`extension updated to ${this.deps.extensionVersion}`)).kb;
      } catch (e) {
        // A broken new kb.json must not take away a KB that works: keep the stored one.
        await this.logEvent('error', `${errorMessage(e)}. Keeping the previous knowledge base.`);
      }
    }
    try {
      const checked = validateKb(await readKb(d));
      if (checked.ok) return checked.kb;
      await this.logEvent('warning', `The stored knowledge base was damaged (${checked.message}); the bundled one was re-imported. Your notes are untouched.`);
    } catch (e) {
      await this.logEvent('warning', `The stored knowledge base could not be read (${errorMessage(e)}); the bundled one was re-imported. Your notes are untouched.`);
    }
    return (await this.importBundled('recovery')).kb;
  }

  private languagePromise: Promise<void> | null = null;

  /** The language data, loaded once per worker start: every use of the KB pipeline waits for it. */
  language(): Promise<void> {
    this.languagePromise ??= (this.deps.loadLanguage?.() ?? Promise.resolve());
    this.languagePromise.catch(() => (this.languagePromise = null));
    return this.languagePromise;
  }

  kb(): Promise<Kb> {
    // The KB itself needs no language data: the popup's questions (status, search, library) are answered
    // without loading it. The matcher and the pipeline wait for it (matcher(), rebase(), addPage).
    this.kbPromise ??= this.load().catch(async (e: unknown) => {
      this.kbPromise = null;
      // Storage failed (quota exhausted, failed upgrade, broken database):
      // serve the bundled KB from memory so highlighting goes on, and say so.
      await this.logEvent('error', `Knowledge base storage failed (${errorMessage(e)}); using the bundled knowledge base from memory. Your notes are untouched.`);
      const kb = await this.bundledKb();
      this.kbPromise = Promise.resolve(kb);
      return kb;
    });
    return this.kbPromise;
  }

  matcher(): Promise<Matcher> {
    // The language data loads while the database is read: neither waits for the other.
    this.matcherPromise ??= Promise.all([this.kb(), this.language()]).then(([kb]) => buildMatcher(kb));
    this.matcherPromise.catch(() => (this.matcherPromise = null));
    return this.matcherPromise;
  }

  /** Replaces the KB with a file's; its own added pages (an export) and, when kept, the reader's are merged onto it. */
  async importKbText(text: string, keep: KeepSources = 'keep'): Promise<{ kb: Kb; sources: number }> {
    const parsed = parseKb(text);
    if (!parsed.ok) throw new Error(parsed.message);
    const fromFile = sourcesInFile(JSON.parse(text) as unknown);
    const base = baseOfFile(parsed.kb, fromFile);
    const r = await this.rebase(base, 'imported', keep, fromFile);
    await this.logEvent('info', `Imported a knowledge base (${r.kb.claims.length} claims${r.sources ? `, ${r.sources} added pages` : ''}).`);
    return r;
  }
}
