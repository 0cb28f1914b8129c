// Personal notes in the page: "Add note" beside a selection, the editor, and
// re-anchoring of saved notes on every visit and whenever late text arrives.
// Notes are stored by the background (extension IndexedDB), never here.
import { anchorNotes } from '../notes/anchor';
import { canonicalUrl } from '../notes/canonical-url';
import { describeRange, trimRange } from '../notes/selectors';
import type { Note } from '../notes/types';
import type { PageSummary } from '../shared/messages';
import { callBackground } from '../shared/messaging';
import type { CardContent } from './card';
import type { CardController } from './card-controller';
import { clearHighlights, highlightBlock, MARK_TAG } from './highlighter';
import { AddNoteButton, ADD_NOTE_CSS, NoteCardView, NoteEditor } from './note-ui';
import { createShadowHost, type ShadowHost } from './shadow-host';
import { buildPageTextMap, pointToOffset, rangeToBlocks, type PageTextMap } from './text-map';

const bodyOf = (n: Note): string => n.body.find((b) => b.purpose !== 'tagging')?.value ?? '';
const tagsOf = (n: Note): string[] => n.body.filter((b) => b.purpose === 'tagging').map((b) => b.value);
const quoteOf = (n: Note): string => n.target.selector.find((s) => s.type === 'TextQuoteSelector')?.exact ?? '';

function pageSource(): string {
  const link = document.querySelector('link[rel~="canonical" i]');
  return canonicalUrl(location.href, link?.getAttribute('href'));
}

export class NotesFeature {
  private notes = new Map<string, Note>();
  private anchored = new Set<string>();
  private source = pageSource();
  private button: ShadowHost | null = null;
  private readonly ac = new AbortController();
  private selTimer = 0;
  private reanchoring = false;

  constructor(private readonly cards: CardController) {}

  start(): void {
    const signal = this.ac.signal;
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
    this.hideButton();
    clearHighlights(document.documentElement, 'note');
  }

  private async checkNavigation(): Promise<void> {
    const now = pageSource();
    if (now === this.source) return;
    this.source = now;
    clearHighlights(document.documentElement, 'note');
    this.anchored.clear();
    await this.load();
  }

  private async load(): Promise<void> {
    const r = await callBackground('notes.forPage', { source: this.source });
    if (!r.ok) return;
    this.notes = new Map(r.value.map((n) => [n.id, n]));
    await this.reanchor();
  }

  /** Anchors every note not yet on the page; the rest stay orphans (listed in the popup). */
  async reanchor(): Promise<void> {
    if (this.reanchoring) return;
    const todo = [...this.notes.values()].filter((n) => !this.anchored.has(n.id));
    if (todo.length === 0) return;
    this.reanchoring = true;
    try {
      const map = buildPageTextMap();
      for (const { note, anchor } of anchorNotes(map.text, todo)) {
        if (!anchor) continue;
        this.highlight(map, note.id, anchor.start, anchor.end);
        this.anchored.add(note.id);
      }
    } finally {
      this.reanchoring = false;
    }
  }

  private highlight(map: PageTextMap, id: string, start: number, end: number): void {
    for (const part of rangeToBlocks(map, start, end)) {
      highlightBlock(part.block.element, [{ start: part.start, end: part.end, kind: 'note', id }]);
    }
  }

  summaries(): PageSummary['notes'] {
    return [...this.notes.values()].map((n) => ({ id: n.id, body: bodyOf(n), quote: quoteOf(n), anchored: this.anchored.has(n.id) }));
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
      if (!el || el.closest('claimlens-card, claimlens-note, input, textarea, [contenteditable]')) return;
      this.showButton(range.getBoundingClientRect());
    }, 150);
  }

  private showButton(rect: DOMRect): void {
    this.button ??= createShadowHost('claimlens-note', ADD_NOTE_CSS, 'Claimlens: add note');
    const top = Math.min(window.innerHeight - 40, rect.bottom + 6);
    const left = Math.max(8, Math.min(window.innerWidth - 120, rect.right - 40));
    this.button.render(
      <div style={{ position: 'fixed', top: `${top}px`, left: `${left}px`, zIndex: 2147483647 }}>
        <AddNoteButton onClick={() => this.beginFromSelection()} />
      </div>,
    );
  }

  private hideButton(): void {
    this.button?.destroy();
    this.button = null;
  }

  /** Opens the editor on the current selection; false if nothing usable is selected. */
  beginFromSelection(): boolean {
    const sel = document.getSelection();
    if (!sel || sel.isCollapsed || sel.rangeCount === 0) return false;
    const range = sel.getRangeAt(0);
    const map = buildPageTextMap();
    const a = pointToOffset(map, range.startContainer, range.startOffset);
    const b = pointToOffset(map, range.endContainer, range.endOffset);
    if (a === null || b === null) return false;
    const trimmed = trimRange(map.text, Math.min(a, b), Math.max(a, b));
    if (!trimmed) return false;
    const { quote, position } = describeRange(map.text, trimmed.start, trimmed.end);
    const startEl = range.startContainer instanceof Element ? range.startContainer : range.startContainer.parentElement;
    const claimMark = startEl?.closest(`${MARK_TAG}[data-claimlens-kind="claim"]`);
    const claimId = claimMark?.getAttribute('data-claimlens-id') ?? null;
    this.hideButton();
    this.cards.anchorRect = range.getBoundingClientRect();
    const close = (): void => this.cards.hide();
    this.cards.showCustom(null, {
      kind: 'custom',
      children: (
        <NoteEditor
          initialBody=""
          initialTags={[]}
          quote={quote.exact}
          onCancel={close}
          onSave={async (body, tags) => {
            const r = await callBackground('notes.create', { source: this.source, pageTitle: document.title, quote, position, body, tags, claimId });
            if (!r.ok) return `Not saved: ${r.error.message}`;
            this.notes.set(r.value.id, r.value);
            this.highlight(buildPageTextMap(), r.value.id, trimmed.start, trimmed.end);
            this.anchored.add(r.value.id);
            sel.removeAllRanges();
            close();
            return null;
          }}
        />
      ),
    });
    return true;
  }

  // ---- the card of a note ----

  cardFor(id: string, close: () => void): CardContent {
    const note = this.notes.get(id);
    if (!note) return { kind: 'error', message: 'This note was deleted.' };
    const edit = (): void => {
      const mark = document.querySelector(`${MARK_TAG}[data-claimlens-kind="note"][data-claimlens-id="${CSS.escape(id)}"]`);
      this.cards.showCustom(mark, {
        kind: 'custom',
        children: (
          <NoteEditor
            initialBody={bodyOf(note)}
            initialTags={tagsOf(note)}
            quote={quoteOf(note)}
            onCancel={close}
            onSave={async (body, tags) => {
              const r = await callBackground('notes.update', { id, body, tags });
              if (!r.ok) return `Not saved: ${r.error.message}`;
              this.notes.set(id, r.value);
              close();
              return null;
            }}
          />
        ),
      });
    };
    const del = async (): Promise<void> => {
      const r = await callBackground('notes.delete', { id });
      if (!r.ok) return;
      this.notes.delete(id);
      this.anchored.delete(id);
      // Unwrap every note highlight and re-anchor the remaining notes: simpler
      // and safer than unpicking one note from marks it may share with others.
      this.anchored.clear();
      clearHighlights(document.documentElement, 'note');
      close();
      await this.reanchor();
    };
    return {
      kind: 'custom',
      children: <NoteCardView body={bodyOf(note)} tags={tagsOf(note)} modified={note.modified} onEdit={edit} onDelete={() => void del()} />,
    };
  }
}
