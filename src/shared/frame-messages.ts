// The private note frame's calls. The frame (an extension page inside the
// card's <iframe>) talks to the background only; the content script learns
// what it must act on (height, close, a note saved or deleted) from the
// background, never the text. Nothing here goes through the page's DOM or
// window.postMessage, which the page could read or forge.
import type { NoteTarget, TextPositionSelector, TextQuoteSelector } from '../notes/types';

/** What the content script keeps of a note: where it is, never what it says. */
export interface NoteAnchor {
  id: string;
  target: NoteTarget;
  /** KB claim the note was made on, if any. */
  claimId: string | null;
}

/** A new note's selection: page text, which the page already has. */
export interface SelectionDraft {
  source: string;
  pageTitle: string;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  claimId: string | null;
}

/** What a frame is opened on. */
export type FrameSubject =
  | { kind: 'new'; draft: SelectionDraft }
  | { kind: 'note'; noteId: string }
  | { kind: 'claim'; claimId: string };

/** What the frame shows, fetched by its token (the only thing in its URL besides the theme). */
export type FrameView =
  | { kind: 'new'; quote: string }
  | { kind: 'note'; noteId: string; quote: string; body: string; tags: string[]; modified: string }
  | { kind: 'claim'; notes: Array<{ id: string; body: string; where: string; modified: string }> };

export type FrameTheme = 'light' | 'dark';

/** Calls from the note frame to the background; every one names the frame's token. */
export interface FrameCalls {
  /** Binds the token to the calling frame (once) and returns what to show. */
  'frame.claim': { req: { token: string }; res: FrameView };
  /** Saves the editor: creates the note (a new selection) or updates it. */
  'frame.save': { req: { token: string; body: string; tags: string[] }; res: FrameView };
  'frame.delete': { req: { token: string }; res: boolean };
  /** The frame's content height in CSS pixels: a number, nothing else. */
  'frame.size': { req: { token: string; height: number }; res: boolean };
  /** The reader is editing (the card must stay open) or not. */
  'frame.editing': { req: { token: string; editing: boolean }; res: boolean };
  /** Escape or Cancel: close the card and give focus back to the page. */
  'frame.close': { req: { token: string }; res: boolean };
}

/** What the background tells the content script about one of its frames: no note text. */
export type FrameEvent =
  | { type: 'size'; height: number }
  | { type: 'editing'; editing: boolean }
  | { type: 'close' }
  | { type: 'saved'; note: NoteAnchor }
  | { type: 'deleted'; noteId: string };
