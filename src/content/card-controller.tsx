// Shows the card on hover (after a short delay) and on keyboard focus of a
// highlight; Escape closes it and returns focus to the highlight.
import { callBackground } from '../shared/messaging';
import type { Stance } from '../kb/types';
import { themeAt, type Theme } from './background-theme';
import { Card, type CardContent } from './card';
import { placeCard, type Rect } from './card-placement';
import { CARD_CSS } from './card-styles';
import { MARK_TAG } from './highlighter';
import { createShadowHost, type ShadowHost } from './shadow-host';

const SHOW_DELAY_MS = 200;
const HIDE_DELAY_MS = 350;

/** The viewport the card must stay in: the layout viewport less its scroll bars. */
function viewport(): { width: number; height: number } {
  const root = document.documentElement;
  return { width: Math.min(window.innerWidth, root.clientWidth || window.innerWidth), height: Math.min(window.innerHeight, root.clientHeight || window.innerHeight) };
}

/**
 * A card is never taller than this (it scrolls inside), so it covers little
 * of a large window; in a small one the room the placement finds is the only
 * cap, so the first view (counts, first source of each side) still fits.
 */
const cardCap = (vp: { height: number }): number => Math.max(Math.min(vp.height * 0.7, 520), Math.min(520, vp.height - 120));

/** Widths to try, in order, when a card of the usual width fits nowhere whole. */
const WIDER_CARDS = [460, 540];

const visibleIn = (r: Rect, vp: { width: number; height: number }): boolean => r.bottom > 0 && r.top < vp.height && r.right > 0 && r.left < vp.width;

export interface CardControllerOptions {
  /** Renders the card of a note highlight (owned by the notes feature). */
  renderNote?: (id: string, close: () => void) => CardContent;
}

export class CardController {
  private host: ShadowHost | null = null;
  private current: Element | null = null;
  private showTimer = 0;
  private hideTimer = 0;
  private suppressFocus = false;
  /** An open editor is pinned: hovering elsewhere never replaces or hides it. */
  private pinned = false;
  private readonly ac = new AbortController();
  private readonly cache = new Map<string, CardContent>();

  /** A mouse button is down (a selection being dragged, a click): no card opens meanwhile. */
  private buttonDown = false;
  /** Where the pointer last was, and whether it was over the card. */
  private pointer = { x: -1, y: -1, overCard: false };
  /**
   * Highlights the reader just closed a card on (Escape, Save, Cancel, the
   * end of a selection): hovering them opens nothing until the pointer goes
   * onto another highlight.
   */
  private suppressed = new Set<Element>();
  /** The card's box when it was closed with the pointer over it: what lies under it counts as "still under the pointer". */
  private closedUnderPointer: Rect | null = null;

  constructor(private readonly opts: CardControllerOptions = {}) {
    const signal = this.ac.signal;
    document.addEventListener('mouseover', (e) => this.onOver(e), { capture: true, passive: true, signal });
    document.addEventListener('mouseout', (e) => this.onOut(e), { capture: true, passive: true, signal });
    document.addEventListener('mousemove', (e) => this.track(e), { capture: true, passive: true, signal });
    document.addEventListener('mousedown', (e) => this.onDown(e), { capture: true, passive: true, signal });
    document.addEventListener('mouseup', (e) => this.onUp(e), { capture: true, passive: true, signal });
    document.addEventListener('focusin', (e) => this.onFocus(e), { capture: true, signal });
    document.addEventListener('keydown', (e) => this.onKey(e), { capture: true, signal });
    window.addEventListener('scroll', () => this.onScroll(), { passive: true, capture: true, signal });
    window.addEventListener('resize', () => this.place(), { passive: true, signal });
  }

  private markOf(target: EventTarget | null): Element | null {
    if (!(target instanceof Element)) return null;
    // The reader's own note wins over an actor or claim mark nested in it.
    return target.closest(`${MARK_TAG}[data-claimlens-kind="note"]`) ?? target.closest(MARK_TAG);
  }

  private track(e: MouseEvent): void {
    this.pointer = { x: e.clientX, y: e.clientY, overCard: this.host !== null && e.target === this.host.host };
  }

  /** The highlight under a point and the highlights around it. */
  private marksAt(x: number, y: number): Element[] {
    const out: Element[] = [];
    for (let m = this.markOf(document.elementFromPoint(x, y)); m; m = m.parentElement?.closest(MARK_TAG) ?? null) out.push(m);
    return out;
  }

  private onOver(e: MouseEvent): void {
    this.track(e);
    const mark = this.markOf(e.target);
    if (!mark || this.pinned) return;
    window.clearTimeout(this.hideTimer);
    if (mark === this.current) return;
    const r = this.closedUnderPointer;
    if (r && e.clientX >= r.left && e.clientX <= r.right && e.clientY >= r.top && e.clientY <= r.bottom) {
      // Uncovered by the card that just closed, not reached by the reader.
      for (const m of this.marksAt(e.clientX, e.clientY)) this.suppressed.add(m);
      return;
    }
    this.closedUnderPointer = null;
    if (this.suppressed.has(mark)) return;
    this.suppressed.clear();
    window.clearTimeout(this.showTimer);
    if (this.buttonDown || (e.buttons & 1) !== 0) return;
    this.showTimer = window.setTimeout(() => {
      if (!this.buttonDown) void this.show(mark);
    }, SHOW_DELAY_MS);
  }

  private onOut(e: MouseEvent): void {
    if (!this.markOf(e.target) || this.pinned) return;
    window.clearTimeout(this.showTimer);
    this.scheduleHide();
  }

  private onDown(e: MouseEvent): void {
    if (e.button !== 0) return;
    this.buttonDown = true;
    window.clearTimeout(this.showTimer);
    // A press outside the card (a selection starting, a click elsewhere) closes a hover card; an editor stays.
    if (this.host && e.target !== this.host.host && !this.pinned) this.close();
  }

  private onUp(e: MouseEvent): void {
    if (e.button !== 0) return;
    this.buttonDown = false;
    const sel = document.getSelection();
    // The end of a drag: the highlight under the pointer was passed over, not asked for.
    if (sel && !sel.isCollapsed) {
      for (const m of this.marksAt(e.clientX, e.clientY)) this.suppressed.add(m);
      return;
    }
    // A click on a highlight asks for its card (the press closed any card).
    const mark = this.markOf(e.target);
    if (mark && !this.pinned && !this.suppressed.has(mark) && mark !== this.current) void this.show(mark);
  }

  private onFocus(e: FocusEvent): void {
    // The focused highlight itself (not a note around it) is what the keyboard reader reached.
    const mark = e.target instanceof Element ? e.target.closest(MARK_TAG) : null;
    if (this.suppressFocus || this.pinned || this.buttonDown || !mark || !mark.hasAttribute('tabindex') || mark === this.current) return;
    void this.show(mark);
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key !== 'Escape' || !this.isOpen()) return;
    const mark = this.current;
    // Focus inside the card (its buttons) goes back to the highlight the card is about.
    const focusWasOurs = document.activeElement === mark || (this.host !== null && document.activeElement === this.host.host);
    this.hide();
    if (mark instanceof HTMLElement && mark.isConnected && mark.hasAttribute('tabindex') && focusWasOurs) {
      // Returning focus must not reopen the card the reader just closed.
      this.suppressFocus = true;
      mark.focus({ preventScroll: true });
      this.suppressFocus = false;
    }
  }

  private scheduleHide(): void {
    // A pinned editor stays open until saved or cancelled (leaving it with the mouse must not lose the text).
    if (this.pinned) return;
    window.clearTimeout(this.hideTimer);
    this.hideTimer = window.setTimeout(() => this.close(), HIDE_DELAY_MS);
  }

  private async contentFor(mark: Element): Promise<CardContent> {
    const kind = mark.getAttribute('data-claimlens-kind');
    const id = mark.getAttribute('data-claimlens-id') ?? '';
    if (kind === 'note' && this.opts.renderNote) return this.opts.renderNote(id, () => this.hide());
    const stance = mark.getAttribute('data-claimlens-stance') as Stance | null;
    const key = `${kind}:${id}`;
    const cached = this.cache.get(key);
    if (cached && cached.kind === 'claim') return { ...cached, pageStance: stance };
    if (cached) return cached;
    let content: CardContent;
    if (kind === 'actor') {
      const r = await callBackground('card.actor', { id });
      content = r.ok && r.value ? { kind: 'actor', data: r.value } : { kind: 'error', message: r.ok ? 'This actor is no longer in the knowledge base.' : r.error.message };
    } else if (kind === 'claim') {
      const r = await callBackground('card.claim', { id });
      content = r.ok && r.value ? { kind: 'claim', data: r.value, pageStance: stance } : { kind: 'error', message: r.ok ? 'This claim is no longer in the knowledge base.' : r.error.message };
    } else {
      content = { kind: 'error', message: 'Unknown highlight.' };
    }
    // Claim cards include the reader's notes, which change: cache actors only.
    if (content.kind === 'actor') this.cache.set(key, content);
    return content;
  }

  async show(mark: Element): Promise<void> {
    this.pinned = false;
    this.current = mark;
    // The page's own background under the words decides light or dark.
    this.theme = themeAt(mark);
    this.render({ kind: 'loading' });
    const content = await this.contentFor(mark);
    if (this.current === mark) this.render(content);
  }

  /** Shows arbitrary content (the note editor) beside an anchor rectangle. */
  showCustom(anchor: Element | null, content: CardContent, pinned = true): void {
    window.clearTimeout(this.showTimer);
    window.clearTimeout(this.hideTimer);
    this.pinned = pinned;
    this.current = anchor;
    this.theme = themeAt(anchor ?? this.selectionElement());
    this.render(content);
  }

  private lastContent: CardContent | null = null;
  private theme: Theme = 'light';
  /** Re-places the card when its content changes size (Show all, a frame that grows). */
  private resizeObserver: ResizeObserver | null = null;
  /** The content size the card was last placed for: a resize to it is our own, not news. */
  private placedFor = { width: -1, height: -1 };

  /** Anchor rectangle for content shown without a highlight (a fresh selection). */
  anchorRect: DOMRect | null = null;

  /** The element under a fresh selection's rectangle, for its background. */
  private selectionElement(): Element | null {
    const r = this.anchorRect;
    return r ? document.elementFromPoint(r.left + 1, r.top + r.height / 2) : null;
  }

  private anchorBox(): Rect {
    return this.current?.getBoundingClientRect() ?? this.anchorRect ?? new DOMRect(16, 16, 0, 0);
  }

  private render(content: CardContent): void {
    this.host ??= createShadowHost('claimlens-card', CARD_CSS, 'Claimlens');
    this.lastContent = content;
    this.host.render(<Card content={content} theme={this.theme} onEnter={() => window.clearTimeout(this.hideTimer)} onLeave={() => this.scheduleHide()} />);
    this.place();
    const body = this.host.root.querySelector('.card-body');
    if (body && !this.resizeObserver) {
      this.resizeObserver = new ResizeObserver(() => {
        const r = body.getBoundingClientRect();
        if (Math.round(r.width) !== this.placedFor.width || Math.round(r.height) !== this.placedFor.height) this.place();
      });
      this.resizeObserver.observe(body);
    }
  }

  /**
   * The one positioning pass, on the card as rendered (Preact renders
   * synchronously, so nothing has been painted yet): measure its natural
   * size, ask card-placement where it goes, apply. A narrower card beside the
   * words is measured again at its new width, within the same pass.
   */
  private place(): void {
    const card = this.host?.root.querySelector('.card');
    const body = this.host?.root.querySelector('.card-body');
    if (!(card instanceof HTMLElement) || !(body instanceof HTMLElement)) return;
    const vp = viewport();
    const anchor = this.anchorBox();
    const cap = cardCap(vp);
    card.style.maxHeight = 'none';
    card.style.width = '';
    card.classList.remove('tight', 'tighter');
    let natural = { width: card.offsetWidth, height: Math.min(card.offsetHeight, cap) };
    let p = placeCard(anchor, natural, vp);
    if (natural.height > p.maxHeight) {
      // Too tall for the room: the compact form (claim and quotes clamped to
      // fewer lines) keeps both sides' first sources in the first view.
      card.classList.add('tight');
      natural = { width: card.offsetWidth, height: Math.min(card.offsetHeight, cap) };
      p = placeCard(anchor, natural, vp);
      if (natural.height > p.maxHeight) {
        // Still too tall (a small window, a long claim): the claim in two lines, each first quote in one.
        card.classList.add('tighter');
        natural = { width: card.offsetWidth, height: Math.min(card.offsetHeight, cap) };
        p = placeCard(anchor, natural, vp);
      }
    }
    // Where it does not fit whole, a wider card is a shorter one: try that
    // before making the reader scroll inside it.
    for (const wider of WIDER_CARDS) {
      if (natural.height <= p.maxHeight || wider > vp.width - 16) break;
      card.style.width = `${wider}px`;
      const size = { width: wider, height: Math.min(card.offsetHeight, cap) };
      const q = placeCard(anchor, size, vp);
      if (size.height <= q.maxHeight || size.height < natural.height) {
        natural = size;
        p = q;
      }
    }
    card.style.width = `${p.width}px`;
    let top = p.top;
    if (p.width < natural.width) {
      const h = Math.min(card.offsetHeight, p.maxHeight);
      top = Math.max(8, Math.min(top, vp.height - 8 - h));
    }
    card.style.left = `${p.left}px`;
    card.style.top = `${top}px`;
    card.style.maxHeight = `${Math.min(p.maxHeight, cap)}px`;
    card.dataset.side = p.side;
    const r = body.getBoundingClientRect();
    this.placedFor = { width: Math.round(r.width), height: Math.round(r.height) };
  }

  private onScroll(): void {
    if (!this.host) return;
    // Words scrolled out of sight take their hover card with them; an editor stays.
    if (this.current && !this.pinned && !visibleIn(this.current.getBoundingClientRect(), viewport())) return this.close();
    this.place();
  }

  /** Closes the card without further ado (the pointer left, a click elsewhere). */
  private close(): void {
    window.clearTimeout(this.showTimer);
    window.clearTimeout(this.hideTimer);
    this.current = null;
    this.pinned = false;
    this.lastContent = null;
    this.resizeObserver?.disconnect();
    this.resizeObserver = null;
    this.host?.destroy();
    this.host = null;
  }

  /** Place the card again (its content changed height: the note frame). */
  relayout(): void {
    if (this.lastContent) this.render(this.lastContent);
  }

  /** Keep the card open while the reader edits in the note frame. */
  pin(on: boolean): void {
    this.pinned = on;
    if (on) window.clearTimeout(this.hideTimer);
  }

  /**
   * Closes the card from inside the note frame (Escape there never reaches
   * this document) and gives focus back to the highlight, without reopening.
   */
  dismiss(returnTo: Element | null = this.current): void {
    this.hide();
    if (!(returnTo instanceof HTMLElement) || !returnTo.isConnected) return;
    if (!returnTo.hasAttribute('tabindex')) returnTo.setAttribute('tabindex', '-1');
    this.suppressFocus = true;
    returnTo.focus({ preventScroll: true });
    this.suppressFocus = false;
  }

  /** The highlight the card is about (null for a fresh selection). */
  get anchor(): Element | null {
    return this.current;
  }

  /**
   * The reader closed the card (Escape, Save, Cancel, Delete): it stays
   * closed. The highlights under the pointer open nothing until the pointer
   * moves onto another highlight, including those the card uncovers.
   */
  hide(): void {
    const card = this.host?.root.querySelector('.card')?.getBoundingClientRect() ?? null;
    const overCard = this.pointer.overCard;
    if (this.current) this.suppressed.add(this.current);
    this.close();
    this.closedUnderPointer = overCard && card ? { left: card.left, top: card.top, right: card.right, bottom: card.bottom } : null;
    if (this.pointer.x >= 0) for (const m of this.marksAt(this.pointer.x, this.pointer.y)) this.suppressed.add(m);
  }

  isOpen(): boolean {
    return this.host !== null;
  }

  destroy(): void {
    this.hide();
    this.ac.abort();
  }
}
