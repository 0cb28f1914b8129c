// Keeps the stored KB healthy and the matcher in memory. The worker can be
// killed at any time, so everything here is rebuilt lazily on wake. Browser
// APIs come in as dependencies (a test seam): see kb-service.test.ts.
import { buildMatcher, type Matcher } from '../match/matcher';
import type { Kb } from '../kb/types';
import { parseKb, validateKb } from '../kb/validate';
import { errorMessage } from '../shared/result';
import type { ClaimlensDb, EventRecord } from './db';
import { readKb, readKbMeta, replaceKb } from './kb-store';

export interface KbServiceDeps {
  openDb: () => Promise<ClaimlensDb>;
  /** Text of the bundled kb.json. */
  fetchBundled: () => Promise<string>;
  extensionVersion: string;
  now?: () => Date;
}

export type LoggedEvent = Omit<EventRecord, 'id'>;

const MAX_EVENTS = 50;

export class KbService {
  private dbPromise: Promise<ClaimlensDb> | null = null;
  private kbPromise: Promise<Kb> | null = null;
  private matcherPromise: Promise<Matcher> | null = null;
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

  private async bundledKb(): Promise<Kb> {
    const parsed = parseKb(await this.deps.fetchBundled());
    if (!parsed.ok) throw new Error(`The bundled knowledge base is unusable: ${parsed.message}`);
    return parsed.kb;
  }

  /** Imports the bundled KB, replacing the stored one (notes untouched). */
  async importBundled(reason: string): Promise<Kb> {
    const kb = await this.bundledKb();
    await replaceKb(await this.db(), kb, 'bundled', this.deps.extensionVersion, this.now());
    await this.logEvent('info', `Loaded the bundled knowledge base (${kb.claims.length} claims, ${kb.actors.length} actors): ${reason}.`);
    this.reset(kb);
    return kb;
  }

  private reset(kb: Kb | null): void {
    this.kbPromise = kb ? Promise.resolve(kb) : null;
    this.matcherPromise = null;
  }

  private async load(): Promise<Kb> {
    const d = await this.db();
    const meta = await readKbMeta(d);
    if (!meta) return this.importBundled('first run');
    if (meta.origin === 'bundled' && meta.extensionVersion !== this.deps.extensionVersion) {
      try {
        return await this.importBundled(`extension updated to ${this.deps.extensionVersion}`);
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
    return this.importBundled('recovery');
  }

  kb(): Promise<Kb> {
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
    this.matcherPromise ??= this.kb().then((kb) => buildMatcher(kb));
    this.matcherPromise.catch(() => (this.matcherPromise = null));
    return this.matcherPromise;
  }

  async importKbText(text: string): Promise<Kb> {
    const parsed = parseKb(text);
    if (!parsed.ok) throw new Error(parsed.message);
    await replaceKb(await this.db(), parsed.kb, 'imported', this.deps.extensionVersion, this.now());
    this.reset(parsed.kb);
    await this.logEvent('info', `Imported a knowledge base (${parsed.kb.claims.length} claims).`);
    return parsed.kb;
  }
}
