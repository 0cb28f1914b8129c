// Shows the card on hover (after a short delay) and on keyboard focus of a
// highlight; Escape closes it and returns focus to the highlight.
import { callBackground } from '../shared/messaging';
import type { Stance } from '../kb/types';
import { Card, placeCard, type CardContent, type CardPosition } from './card';
import { CARD_CSS } from './card-styles';
import { MARK_TAG } from './highlighter';
import { createShadowHost, type ShadowHost } from './shadow-host';

const SHOW_DELAY_MS = 200;
const HIDE_DELAY_MS = 350;
const CARD_WIDTH = 380;

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

  constructor(private readonly opts: CardControllerOptions = {}) {
    const signal = this.ac.signal;
    document.addEventListener('mouseover', (e) => this.onOver(e), { capture: true, passive: true, signal });
    document.addEventListener('mouseout', (e) => this.onOut(e), { capture: true, passive: true, signal });
    document.addEventListener('focusin', (e) => this.onFocus(e), { capture: true, signal });
    document.addEventListener('keydown', (e) => this.onKey(e), { capture: true, signal });
    window.addEventListener('scroll', () => this.reposition(), { passive: true, capture: true, signal });
  }

  private markOf(target: EventTarget | null): Element | null {
    if (!(target instanceof Element)) return null;
    // The reader's own note wins over an actor or claim mark nested in it.
    return target.closest(`${MARK_TAG}[data-claimlens-kind="note"]`) ?? target.closest(MARK_TAG);
  }

  private onOver(e: MouseEvent): void {
    const mark = this.markOf(e.target);
    if (!mark || this.pinned) return;
    window.clearTimeout(this.hideTimer);
    if (mark === this.current) return;
    window.clearTimeout(this.showTimer);
    this.showTimer = window.setTimeout(() => void this.show(mark), SHOW_DELAY_MS);
  }

  private onOut(e: MouseEvent): void {
    if (!this.markOf(e.target) || this.pinned) return;
    window.clearTimeout(this.showTimer);
    this.scheduleHide();
  }

  private onFocus(e: FocusEvent): void {
    const mark = this.markOf(e.target);
    if (!this.suppressFocus && !this.pinned && mark && mark.getAttribute('tabindex') === '0') void this.show(mark);
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key !== 'Escape' || !this.current) return;
    const mark = this.current;
    this.hide();
    if (mark instanceof HTMLElement && mark.getAttribute('tabindex') === '0') {
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
    this.hideTimer = window.setTimeout(() => this.hide(), HIDE_DELAY_MS);
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
    this.render(content);
  }

  private lastContent: CardContent | null = null;

  /** Anchor rectangle for content shown without a highlight (a fresh selection). */
  anchorRect: DOMRect | null = null;

  private position(): CardPosition {
    const rect = this.current?.getBoundingClientRect() ?? this.anchorRect ?? new DOMRect(16, 16, 0, 0);
    const card = this.host?.root.querySelector('.card');
    const height = card instanceof HTMLElement ? card.offsetHeight : 240;
    return placeCard(rect, { width: Math.min(CARD_WIDTH, window.innerWidth - 16), height }, { width: window.innerWidth, height: window.innerHeight });
  }

  private render(content: CardContent): void {
    this.lastContent = content;
    this.host ??= createShadowHost('claimlens-card', CARD_CSS, 'Claimlens');
    const draw = (): void =>
      this.host?.render(
        <Card content={content} position={this.position()} onEnter={() => window.clearTimeout(this.hideTimer)} onLeave={() => this.scheduleHide()} />,
      );
    draw();
    // Second pass once the real height is known, so the card is never clipped.
    requestAnimationFrame(draw);
  }

  private reposition(): void {
    if (this.current && this.lastContent) this.render(this.lastContent);
  }

  hide(): void {
    window.clearTimeout(this.showTimer);
    window.clearTimeout(this.hideTimer);
    this.current = null;
    this.pinned = false;
    this.lastContent = null;
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

  isOpen(): boolean {
    return this.host !== null;
  }

  destroy(): void {
    this.hide();
    this.ac.abort();
  }
}
