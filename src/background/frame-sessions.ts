// Which note frame may see which note. The content script registers what a
// frame will show (a selection, a note, a claim's notes) and gets an opaque
// token; the frame's URL carries only that token. The first frame that
// presents it owns it (tab and frame id), so a page that copies the token out
// of the iframe's address and loads the frame itself gets nothing; and only
// a frame in the tab that registered it can claim it. Plain TypeScript (no
// browser API): the randomness and the store are injected. The store is the
// browser's session storage (memory only, never disk): a service worker that
// stops while the reader is typing must not forget the frame it serves.
import type { FrameSubject } from '../shared/frame-messages';

export interface FrameOwner {
  tabId: number;
  frameId: number;
}

export interface FrameSession {
  token: string;
  tabId: number;
  subject: FrameSubject;
  owner: FrameOwner | null;
}

/** Open frames per tab before the oldest is forgotten (a card shows one or two at a time). */
export const SESSIONS_PER_TAB = 8;

export type SessionProblem = 'unknown' | 'taken' | 'other-tab';

export interface SessionStore {
  load(): Promise<FrameSession[]>;
  save(sessions: FrameSession[]): Promise<void>;
}

export class FrameSessions {
  private readonly sessions = new Map<string, FrameSession>();
  private saving: Promise<void> = Promise.resolve();
  /** Resolves once the sessions of an earlier worker run are back. */
  readonly ready: Promise<void>;

  constructor(
    private readonly randomBytes: (n: number) => Uint8Array,
    private readonly store: SessionStore | null = null,
  ) {
    this.ready = (store?.load() ?? Promise.resolve([]))
      .then((list) => {
        for (const s of list) if (!this.sessions.has(s.token)) this.sessions.set(s.token, s);
      })
      .catch(() => undefined);
  }

  /** Writes go one after another, each with the state at its time. */
  private flush(): void {
    const store = this.store;
    if (!store) return;
    this.saving = this.saving.then(() => store.save([...this.sessions.values()])).catch(() => undefined);
  }

  /** For tests and for a worker about to stop: every write done. */
  settled(): Promise<void> {
    return this.saving;
  }

  open(tabId: number, subject: FrameSubject): string {
    const token = [...this.randomBytes(16)].map((b) => b.toString(16).padStart(2, '0')).join('');
    this.sessions.set(token, { token, tabId, subject, owner: null });
    const ofTab = [...this.sessions.values()].filter((s) => s.tabId === tabId);
    for (const old of ofTab.slice(0, Math.max(0, ofTab.length - SESSIONS_PER_TAB))) this.sessions.delete(old.token);
    this.flush();
    return token;
  }

  /** The first caller in the registering tab becomes the owner; everyone else is refused. */
  claim(token: string, by: FrameOwner): FrameSession | SessionProblem {
    const s = this.sessions.get(token);
    if (!s) return 'unknown';
    if (s.tabId !== by.tabId) return 'other-tab';
    if (s.owner && (s.owner.tabId !== by.tabId || s.owner.frameId !== by.frameId)) return 'taken';
    if (!s.owner) {
      s.owner = { ...by };
      this.flush();
    }
    return s;
  }

  /** A session only its owner may use. */
  owned(token: string, by: FrameOwner): FrameSession | SessionProblem {
    const s = this.sessions.get(token);
    if (!s) return 'unknown';
    if (!s.owner) return 'unknown';
    if (s.owner.tabId !== by.tabId || s.owner.frameId !== by.frameId) return 'taken';
    return s;
  }

  /** After a new note is saved, its frame goes on as that note's frame (an edit saves, never creates twice). */
  retarget(token: string, subject: FrameSubject): void {
    const s = this.sessions.get(token);
    if (!s) return;
    s.subject = subject;
    this.flush();
  }

  /** Only the tab that registered a token may release it. */
  release(token: string, tabId: number): boolean {
    const s = this.sessions.get(token);
    if (!s || s.tabId !== tabId) return false;
    this.sessions.delete(token);
    this.flush();
    return true;
  }

  /** A tab closed or navigated: its frames are gone. */
  dropTab(tabId: number): void {
    let dropped = false;
    for (const s of [...this.sessions.values()]) if (s.tabId === tabId) dropped = this.sessions.delete(s.token) || dropped;
    if (dropped) this.flush();
  }

  get size(): number {
    return this.sessions.size;
  }
}

export const problemText: Record<SessionProblem, string> = {
  unknown: 'This note window has expired: close it and open the note again.',
  taken: 'This note window belongs to another frame.',
  'other-tab': 'This note window belongs to another tab.',
};
