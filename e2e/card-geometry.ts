// What a reader sees of the card, measured in the page: the card's box, the
// viewport, the highlight's boxes, and what of a claim card's first view is
// visible without scrolling it. Shared by the card, keyboard and selection tests.
import type { ElementHandle, Page } from 'playwright-core';

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface CardGeometry {
  card: Box;
  viewport: { width: number; height: number };
  /** The highlight's line boxes (all of them, visible or not). */
  words: Box[];
  kind: string;
  text: string;
  /** Claim cards: sides in order, and whether the counts and each side's first source show without scrolling the card. */
  sides: string[];
  firstView: { counts: boolean; sides: boolean[] } | null;
  theme: string;
  side: string;
}

/** Waits for the card to show real content, then measures it against the highlight. */
export async function cardGeometry(page: Page, mark: ElementHandle<Element>): Promise<CardGeometry> {
  await page.waitForFunction(() => {
    const t = document.querySelector('claimlens-card')?.shadowRoot?.querySelector('.card')?.textContent ?? '';
    return t.length > 0 && !t.includes('Loading');
  }, undefined, { timeout: 8_000 });
  // The ResizeObserver may place once more in the next frame.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return mark.evaluate((m) => {
    const box = (r: DOMRect) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
    const card = document.querySelector('claimlens-card')!.shadowRoot!.querySelector('.card') as HTMLElement;
    const c = card.getBoundingClientRect();
    const within = (el: Element | null): boolean => {
      if (!el) return false;
      const r = el.getBoundingClientRect();
      return r.top >= c.top - 0.5 && r.bottom <= c.bottom + 0.5 && r.height > 0;
    };
    const sideEls = [...card.querySelectorAll('.side')];
    return {
      card: box(c),
      viewport: { width: document.documentElement.clientWidth, height: document.documentElement.clientHeight },
      words: [...m.getClientRects()].filter((r) => r.width > 0 && r.height > 0).map(box),
      kind: m.getAttribute('data-claimlens-kind') ?? '',
      text: card.textContent ?? '',
      sides: sideEls.map((s) => s.getAttribute('data-side') ?? ''),
      firstView: card.querySelector('.counts')
        ? { counts: within(card.querySelector('.counts')), sides: sideEls.map((s) => within(s.querySelector('.first-source blockquote, .empty'))) }
        : null,
      theme: card.classList.contains('dark') ? 'dark' : 'light',
      side: card.dataset.side ?? '',
    };
  });
}

export const overlaps = (a: Box, b: Box): boolean => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;

/** What is wrong with a card's place, in words (empty when nothing is). */
export function placementProblems(g: CardGeometry): string[] {
  const out: string[] = [];
  const { card, viewport } = g;
  if (card.left < 0 || card.top < 0 || card.right > viewport.width + 0.5 || card.bottom > viewport.height + 0.5) {
    out.push(`card ${JSON.stringify(card)} outside the ${viewport.width}x${viewport.height} viewport`);
  }
  for (const w of g.words) if (overlaps(card, w)) out.push(`card ${JSON.stringify(card)} covers the words at ${JSON.stringify(w)}`);
  return out;
}

/** Scrolls so the mark sits where asked: its top near the viewport's top, its bottom near the bottom, or centred. */
export async function scrollMarkTo(mark: ElementHandle<Element>, where: 'top' | 'bottom' | 'center'): Promise<void> {
  await mark.evaluate((m, at) => {
    const r = m.getBoundingClientRect();
    const vh = document.documentElement.clientHeight;
    const target = at === 'top' ? 12 : at === 'bottom' ? vh - 12 - r.height : (vh - r.height) / 2;
    window.scrollBy(0, r.top - target);
  }, where);
}

/** A point on the mark's own text (not a nested highlight), inside the viewport; null if none shows. */
export async function ownTextPoint(mark: ElementHandle<Element>): Promise<{ x: number; y: number } | null> {
  return mark.evaluate((m) => {
    const vw = document.documentElement.clientWidth;
    const vh = document.documentElement.clientHeight;
    for (const n of m.childNodes) {
      if (n.nodeType !== Node.TEXT_NODE || (n.textContent ?? '').trim().length < 2) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      for (const r of range.getClientRects()) {
        if (r.width < 4 || r.top < 0 || r.bottom > vh || r.left < 0 || r.right > vw) continue;
        const x = r.left + Math.min(r.width / 2, 12);
        const y = r.top + r.height / 2;
        const hit = document.elementFromPoint(x, y);
        if (hit === m) return { x, y };
      }
    }
    return null;
  });
}
