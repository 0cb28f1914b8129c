// The private note frame's calls. A frame is served only the session its
// token names, and only once it owns it (frame-sessions.ts); what the content
// script hears back is sizes, states and note anchors, never note text.
import browser, { type Runtime } from 'webextension-polyfill';
import type { FrameCalls, FrameEvent, FrameView } from '../shared/frame-messages';
import type { ContentCalls } from '../shared/messages';
import { callTab, type Handlers } from '../shared/messaging';
import { err, ok, type Result } from '../shared/result';
import { noteBody, noteQuote, noteTags } from '../notes/web-annotation';
import type { Note } from '../notes/types';
import { FrameSessions, problemText, type FrameOwner, type FrameSession, type FrameSessions as Sessions } from './frame-sessions';
import { anchorOf, createFromSelection, notesOnClaim, update } from './note-handlers';
import { deleteNote, getNote } from './notes-store';
import { db } from './service';

const SESSION_KEY = 'claimlens.noteFrames';

/** Session storage lives in memory for the browser session (never on disk); without it, frames last as long as the worker. */
function sessionStore(): ConstructorParameters<typeof FrameSessions>[1] {
  const area = (browser.storage as { session?: typeof browser.storage.local } | undefined)?.session;
  if (!area) return null;
  return {
    load: async () => {
      const got: Record<string, unknown> = await area.get(SESSION_KEY);
      const list = got[SESSION_KEY];
      return Array.isArray(list) ? (list as FrameSession[]) : [];
    },
    save: (list) => area.set({ [SESSION_KEY]: list }),
  };
}

export const frameSessions: Sessions = new FrameSessions((n) => crypto.getRandomValues(new Uint8Array(n)), sessionStore());

/** The calling frame: an iframe (not the tab's top document) in a tab. */
function ownerOf(sender: Runtime.MessageSender): FrameOwner | null {
  const tabId = sender.tab?.id;
  const frameId = sender.frameId;
  if (tabId === undefined || frameId === undefined || frameId === 0) return null;
  return { tabId, frameId };
}

async function session(token: string, sender: Runtime.MessageSender): Promise<Result<FrameSession & { owner: FrameOwner }>> {
  await frameSessions.ready;
  const owner = ownerOf(sender);
  if (!owner) return err('forbidden', 'Not a note frame in a tab.');
  const s = frameSessions.owned(token, owner);
  return typeof s === 'string' ? err(s, problemText[s]) : ok({ ...s, owner });
}

/** Tells the page's content script what one of its frames did (no note text in any event). */
function notify(s: FrameSession, event: FrameEvent): Promise<boolean> {
  return callTab(s.tabId, 'frame.event', { token: s.token, event }).then((r) => r.ok && r.value);
}

const noteView = (n: Note): FrameView => ({ kind: 'note', noteId: n.id, quote: noteQuote(n)?.exact ?? '', body: noteBody(n), tags: noteTags(n), modified: n.modified });

async function viewOf(s: FrameSession): Promise<Result<FrameView>> {
  switch (s.subject.kind) {
    case 'new':
      return ok({ kind: 'new', quote: s.subject.draft.quote.exact });
    case 'note': {
      const note = await getNote(await db(), s.subject.noteId);
      return note ? ok(noteView(note)) : err('gone', 'This note was deleted.');
    }
    case 'claim': {
      const notes = await notesOnClaim(await db(), s.subject.claimId);
      return ok({ kind: 'claim', notes: notes.map((n) => ({ id: n.id, body: n.body, where: n.pageTitle ?? n.source, modified: n.modified })) });
    }
  }
}

export const frameHandlers: Handlers<FrameCalls> = {
  'frame.claim': async ({ token }, sender) => {
    await frameSessions.ready;
    const owner = ownerOf(sender);
    if (!owner) return err('forbidden', 'Not a note frame in a tab.');
    const s = frameSessions.claim(token, owner);
    if (typeof s === 'string') return err(s, problemText[s]);
    return viewOf(s);
  },
  'frame.save': async ({ token, body, tags }, sender) => {
    const s = await session(token, sender);
    if (!s.ok) return s;
    const subject = s.value.subject;
    if (subject.kind === 'claim') return err('bad-request', 'Nothing to save here.');
    const note = subject.kind === 'new' ? await createFromSelection(subject.draft, body, tags) : await update(subject.noteId, body, tags);
    // From now on this frame edits the note it made: a second Save updates it.
    if (subject.kind === 'new') frameSessions.retarget(token, { kind: 'note', noteId: note.id });
    await notify(s.value, { type: 'saved', note: anchorOf(note) });
    return ok(noteView(note));
  },
  'frame.delete': async ({ token }, sender) => {
    const s = await session(token, sender);
    if (!s.ok) return s;
    const subject = s.value.subject;
    if (subject.kind !== 'note') return err('bad-request', 'Nothing to delete here.');
    await deleteNote(await db(), subject.noteId);
    await notify(s.value, { type: 'deleted', noteId: subject.noteId });
    return ok(true);
  },
  'frame.size': async ({ token, height }, sender) => {
    const s = await session(token, sender);
    return s.ok ? ok(await notify(s.value, { type: 'size', height })) : s;
  },
  'frame.editing': async ({ token, editing }, sender) => {
    const s = await session(token, sender);
    return s.ok ? ok(await notify(s.value, { type: 'editing', editing })) : s;
  },
  'frame.close': async ({ token }, sender) => {
    const s = await session(token, sender);
    return s.ok ? ok(await notify(s.value, { type: 'close' })) : s;
  },
};

/** The content script's side: register a frame's subject, release it when the card closes. */
export const frameOpenHandlers: Pick<Handlers<ContentCalls>, 'frame.open' | 'frame.release'> = {
  'frame.open': async ({ subject }, sender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return err('forbidden', 'Not a tab.');
    await frameSessions.ready;
    return ok({ token: frameSessions.open(tabId, subject) });
  },
  'frame.release': async ({ token }, sender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return err('forbidden', 'Not a tab.');
    await frameSessions.ready;
    return ok(frameSessions.release(token, tabId));
  },
};

browser.tabs.onRemoved.addListener((tabId) => frameSessions.dropTab(tabId));
