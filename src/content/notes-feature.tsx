// Personal notes in the page: "Add note" beside a selection, and
// re-anchoring of saved notes on every visit and whenever late text arrives.
// Notes are stored by the background (extension IndexedDB). This script knows
// where notes are, never what they say: the editor and every note's text live
// in the private note frame (note-frame-host.tsx), another origin's document.
import Mark from 'mark.js';
import { anchorNote, anchorNotes } from '../notes/anchor';
import { canonicalUrl } from '../notes/canonical-url';
import { describeRange, trimRange } from '../notes/selectors';
import type { FrameEvent, NoteAnchor } from '../shared/frame-messages';
import type { PageSummary } from '../shared/messages';
import { callBackground } from '../shared/messaging';
import type { CardContent } from './card';
import type { CardController } from './card-controller';
import { clearHighlights, highlightBlock, MARK_TAG } from './highlighter';
import { NoteFrame, noteFrames } from './note-frame-host';
import { AddNoteButton, ADD_NOTE_CSS } from './note-ui';
import { createShadowHost, type ShadowHost } from './shadow-host';
import { selectionOffsets } from './selection-offsets';
import { buildPageTextMap, rangeToBlocks, type PageTextMap } from './text-map';

/** Why a selection in a menu, a footer or a sidebar gets no note. */
const NOT_READ =
  'Claimlens cannot keep a note here: this text is outside the article it reads (a menu, a sidebar or a footer), so the note could not find its words again on your next visit.';

const quoteOf = (n: NoteAnchor): string => n.target.selector.find((s) => s.type === 'TextQuoteSelector')?.exact ?? '';

const noteSelector = (id: string): string => `${MARK_TAG}[data-claimlens-kind="note"][data-claimlens-id="${CSS.escape(id)}"]`;

type IdleDeadlineLike = { timeRemaining(): number };
function whenIdle(fn: (d: IdleDeadlineLike) => void): () => void {
  const w = window as Window & { requestIdleCallback?: (cb: (d: IdleDeadlineLike) => void, o?: { timeout: number }) => number; cancelIdleCallback?: (h: number) => void };
  if (w.requestIdleCallback) {
    const h = w.requestIdleCallback(fn, { timeout: 2000 });
    return () => w.cancelIdleCallback?.(h);
  }
  const t = window.setTimeout(() => fn({ timeRemaining: () => 10 }), 50);
  return () => window.clearTimeout(t);
}

function pageSource(): string {
  const link = document.querySelector('link[rel~="canonical" i]');
  return canonicalUrl(location.href, link?.getAttribute('href'));
}

export class NotesFeature {
  private notes = new Map<string, NoteAnchor>();
  private source = pageSource();
  private button: ShadowHost | null = null;
  private readonly ac = new AbortController();
  private selTimer = 0;
  /** Notes left orphan only because a batch's fuzzy budget ran out: retried one by one in idle time. */
  private deferred = new Set<string>();
  private cancelIdle: (() => void) | null = null;
  /** Bumped on navigation, so answers for the previous page are dropped. */
  private generation = 0;

  constructor(private readonly cards: CardController) {}

  start(): void {
    const signal = this.ac.signal;
    // Frames inside KB cards (a claim's notes) size and close the card through here.
    noteFrames.host = { relayout: () => this.cards.relayout(), close: () => this.cards.dismiss() };
    document.addEventListener('selectionchange', () => this.onSelectionChange(), { signal });
    window.addEventListener('scroll', () => this.hideButton(), { passive: true, signal });
    // SPA navigation: a new URL means a new set of notes.
    window.addEventListener('popstate', () => void this.checkNavigation(), { signal });
    const timer = window.setInterval(() => void this.checkNavigation(), 1000);
    signal.addEventListener('abort', () => window.clearInterval(timer));
    void this.load();
  }

  stop(): void {
    this.ac.abort();
    noteFrames.host = null;
    this.cancelIdle?.();
    this.hideButton();
    clearHighlights(document.documentElement, 'note');
  }

  private async checkNavigation(): Promise<void> {
    const now = pageSource();
    if (now === this.source) return;
    this.source = now;
    this.notes.clear();
    this.deferred.clear();
    clearHighlights(document.documentElement, 'note');
    await this.load();
  }

  private async load(): Promise<void> {
    const gen = ++this.generation;
    const r = await callBackground('notes.forPage', { source: this.source });
    if (!r.ok || gen !== this.generation || this.ac.signal.aborted) return;
    this.notes = new Map(r.value.map((n) => [n.id, n]));
    this.reanchor();
  }

  /** True when the note has a highlight in the page now (the DOM is the truth: pages replace their own nodes). */
  private isOnPage(id: string): boolean {
    return document.querySelector(noteSelector(id)) !== null;
  }

  /**
   * Anchors every note that has no highlight on the page yet; the rest stay
   * orphans (listed in the popup). Runs after every highlight pass, so text
   * that arrives late picks up its notes; notes already highlighted are never
   * marked twice.
   */
  reanchor(): void {
    if (this.ac.signal.aborted) return;
    const onPage = new Set([...document.querySelectorAll(`${MARK_TAG}[data-claimlens-kind="note"]`)].map((m) => m.getAttribute('data-claimlens-id')));
    const todo = [...this.notes.values()].filter((n) => !onPage.has(n.id));
    if (todo.length === 0) return;
    const map = buildPageTextMap();
    for (const { note, anchor, deferred } of anchorNotes(map.text, todo)) {
      if (anchor) {
        this.deferred.delete(note.id);
        this.highlight(map, note.id, anchor.start, anchor.end);
      } else if (deferred) {
        this.deferred.add(note.id);
      }
    }
    this.scheduleDeferred();
  }

  /** Deferred notes get a search of their own (full budget), one per idle slice. */
  private scheduleDeferred(): void {
    if (this.deferred.size === 0 || this.cancelIdle) return;
    this.cancelIdle = whenIdle((deadline) => {
      this.cancelIdle = null;
      if (this.ac.signal.aborted) return;
      let map: PageTextMap | null = null;
      for (const id of [...this.deferred]) {
        if (deadline.timeRemaining() < 4 && map) break;
        this.deferred.delete(id);
        const note = this.notes.get(id);
        if (!note || this.isOnPage(id)) continue;
        map ??= buildPageTextMap();
        const anchor = anchorNote(map.text, note.target.selector);
        if (anchor) this.highlight(map, id, anchor.start, anchor.end);
      }
      this.scheduleDeferred();
    });
  }

  private highlight(map: PageTextMap, id: string, start: number, end: number): void {
    for (const part of rangeToBlocks(map, start, end)) {
      highlightBlock(part.block, [{ start: part.start, end: part.end, kind: 'note', id }]);
    }
  }

  private unhighlight(id: string): void {
    new Mark(document.documentElement).unmark({ element: noteSelector(id) } as Mark.MarkOptions);
  }

  summaries(): PageSummary['notes'] {
    return [...this.notes.values()].map((n) => ({ id: n.id, quote: quoteOf(n), anchored: this.isOnPage(n.id) }));
  }

  get pageSource(): string {
    return this.source;
  }

  // ---- creating ----

  private onSelectionChange(): void {
    window.clearTimeout(this.selTimer);
    this.selTimer = window.setTimeout(() => {
      const sel = document.getSelection();
      if (!sel || sel.isCollapsed || sel.rangeCount === 0 || !sel.toString().trim()) return this.hideButton();
      const range = sel.getRangeAt(0);
      const host = range.commonAncestorContainer;
      const el = host instanceof Element ? host : host.parentElement;
      // Selections inside our own UI or in form fields are not page text.
      if (!el || el.closest('claimlens-card, claimlens-note, input, textarea, [contenteditable]:not([contenteditable="false"])')) return this.hideButton();
      // Offered for any page text: the click trims over-selections, or says
      // why text outside what Claimlens reads cannot hold a note.
      this.showButton(range.getBoundingClientRect());
    }, 150);
  }

  private showButton(rect: DOMRect): void {
    this.button ??= createShadowHost('claimlens-note', ADD_NOTE_CSS, 'Claimlens: add note');
    const top = Math.max(8, Math.min(window.innerHeight - 40, rect.bottom + 6));
    const left = Math.max(8, Math.min(window.innerWidth - 120, rect.right - 40));
    this.button.render(
      <div style={{ position: 'fixed', top: `${top}px`, left: `${left}px`, zIndex: 2147483647 }}>
        <AddNoteButton onClick={() => this.beginFromSelection()} />
      </div>,
    );
  }

  private hideButton(): void {
    window.clearTimeout(this.selTimer);
    this.button?.destroy();
    this.button = null;
  }

  /** Opens the editor on the current selection; false if nothing usable is selected. */
  beginFromSelection(): boolean {
    const sel = document.getSelection();
    if (!sel || sel.isCollapsed || sel.rangeCount === 0) return false;
    const range = sel.getRangeAt(0);
    const map = buildPageTextMap();
    const offsets = selectionOffsets(map, range);
    if (!offsets) {
      this.hideButton();
      this.cards.anchorRect = range.getBoundingClientRect();
      this.cards.showCustom(null, { kind: 'error', message: NOT_READ }, false);
      return false;
    }
    const trimmed = trimRange(map.text, offsets.start, offsets.end);
    if (!trimmed) return false;
    const { quote, position } = describeRange(map.text, trimmed.start, trimmed.end);
    const elementOf = (n: Node): Element | null => (n instanceof Element ? n : n.parentElement);
    const claimMark =
      elementOf(range.startContainer)?.closest(`${MARK_TAG}[data-claimlens-kind="claim"]`) ??
      elementOf(range.commonAncestorContainer)?.closest(`${MARK_TAG}[data-claimlens-kind="claim"]`);
    const claimId = claimMark?.getAttribute('data-claimlens-id') ?? null;
    this.hideButton();
    this.cards.anchorRect = range.getBoundingClientRect();
    const source = this.source;
    const draft = { source, pageTitle: document.title, quote, position, claimId };
    const onEvent = (e: FrameEvent): void => {
      if (e.type === 'editing') return this.cards.pin(true);
      if (e.type === 'close') return this.cards.dismiss(null);
      if (e.type !== 'saved' || source !== this.source) return;
      this.notes.set(e.note.id, e.note);
      // The page may have changed while the editor was open: use the
      // saved offsets only if they still hold the quote.
      const now = buildPageTextMap();
      const at = now.text.slice(trimmed.start, trimmed.end) === quote.exact ? trimmed : anchorNote(now.text, e.note.target.selector);
      if (at && !this.isOnPage(e.note.id)) this.highlight(now, e.note.id, at.start, at.end);
      document.getSelection()?.removeAllRanges();
      // Focus goes back to the words the note is on.
      this.cards.dismiss(document.querySelector(noteSelector(e.note.id)));
    };
    // Pinned: hovering elsewhere never replaces or hides the editor.
    this.cards.showCustom(null, { kind: 'custom', children: <NoteFrame subject={{ kind: 'new', draft }} focus fill onEvent={onEvent} /> });
    return true;
  }

  // ---- the card of a note ----

  cardFor(id: string, _close: () => void): CardContent {
    if (!this.notes.has(id)) return { kind: 'error', message: 'This note was deleted.' };
    const onEvent = (e: FrameEvent): void => {
      const mark = document.querySelector(noteSelector(id));
      if (e.type === 'editing') return this.cards.pin(e.editing);
      if (e.type === 'close') return this.cards.dismiss(mark);
      if (e.type === 'saved') return this.cards.dismiss(mark);
      if (e.type === 'deleted') {
        this.notes.delete(id);
        this.deferred.delete(id);
        // Only this note's marks go: other notes' marks (even overlapping) stay.
        this.unhighlight(id);
        this.cards.dismiss(null);
      }
    };
    return { kind: 'custom', children: <NoteFrame subject={{ kind: 'note', noteId: id }} fill onEvent={onEvent} /> };
  }
}
