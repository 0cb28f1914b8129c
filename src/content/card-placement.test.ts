import { describe, expect, it } from 'vitest';
import { intersects, placeCard, placedRect, VIEWPORT_MARGIN, type Rect } from './card-placement';
import { rng as seededRandom } from '../shared/rng';

const rect = (left: number, top: number, width: number, height: number): Rect => ({ left, top, right: left + width, bottom: top + height });
const inside = (r: Rect, vp: { width: number; height: number }): boolean =>
  r.left >= 0 && r.top >= 0 && r.right <= vp.width && r.bottom <= vp.height;

describe('placeCard', () => {
  const vp = { width: 1280, height: 900 };
  const card = { width: 380, height: 300 };

  it('goes below the words when the card fits there', () => {
    const p = placeCard(rect(100, 100, 80, 20), card, vp);
    expect(p.side).toBe('below');
    expect(p.top).toBe(126);
    expect(p.left).toBe(100);
  });

  it('goes above the words when there is no room below (the old code pushed it over them)', () => {
    const anchor = rect(100, 800, 80, 20);
    const p = placeCard(anchor, card, vp);
    expect(p.side).toBe('above');
    expect(placedRect(p, card.height).bottom).toBeLessThanOrEqual(anchor.top);
  });

  it('goes beside when neither above nor below holds it', () => {
    // A tall paragraph-long claim in the middle of a short window.
    const anchor = rect(200, 150, 500, 300);
    const p = placeCard(anchor, { width: 380, height: 500 }, { width: 1280, height: 600 });
    expect(p.side).toBe('right');
    expect(p.left).toBeGreaterThanOrEqual(anchor.right);
    expect(inside(placedRect(p, 500), { width: 1280, height: 600 })).toBe(true);
  });

  it('takes the larger room and caps the height when nothing fits whole', () => {
    const view = { width: 360, height: 640 };
    const anchor = rect(20, 260, 320, 120);
    const p = placeCard(anchor, { width: 344, height: 900 }, view);
    expect(['above', 'below']).toContain(p.side);
    const r = placedRect(p, 900);
    expect(inside(r, view)).toBe(true);
    expect(intersects(r, anchor)).toBe(false);
    expect(p.maxHeight).toBeGreaterThan(200);
  });

  it('keeps a card narrower than the viewport inside at 360 px, the words uncovered', () => {
    const view = { width: 360, height: 640 };
    const anchor = rect(300, 600, 50, 22); // bottom right corner
    const p = placeCard(anchor, { width: 380, height: 400 }, view);
    const r = placedRect(p, 400);
    expect(inside(r, view)).toBe(true);
    expect(r.right).toBeLessThanOrEqual(view.width - VIEWPORT_MARGIN);
    expect(intersects(r, anchor)).toBe(false);
  });

  it('only counts the visible part of words that run off the screen', () => {
    const anchor = rect(100, -400, 300, 450); // the start of a long claim scrolled away
    const p = placeCard(anchor, card, vp);
    expect(p.side).toBe('below');
    expect(p.top).toBe(56);
  });

  it('says so when the words fill the viewport and nothing can avoid them', () => {
    const view = { width: 360, height: 640 };
    const p = placeCard(rect(0, 0, 360, 640), { width: 344, height: 300 }, view);
    expect(p.covers).toBe(true);
    expect(inside(placedRect(p, 300), view)).toBe(true);
  });

  it('at every viewport from 360x640 to 1920x1080, for random words and cards: inside, and clear of the words unless it says it covers them', () => {
    const rnd = seededRandom(13);
    let covered = 0;
    for (let i = 0; i < 20_000; i++) {
      const view = { width: 360 + Math.floor(rnd() * 1561), height: 640 + Math.floor(rnd() * 441) };
      const w = 20 + rnd() * Math.min(900, view.width - 20);
      const h = 16 + rnd() * (rnd() < 0.8 ? 90 : 400);
      const anchor = rect(rnd() * (view.width - w), rnd() * (view.height - h), w, h);
      const size = { width: 380, height: 60 + rnd() * 1200 };
      const p = placeCard(anchor, size, view);
      const r = placedRect(p, size.height);
      expect(inside(r, view), JSON.stringify({ view, anchor, size, p })).toBe(true);
      if (p.covers) covered++;
      else expect(intersects(r, anchor), JSON.stringify({ view, anchor, size, p })).toBe(false);
      expect(r.bottom - r.top).toBeGreaterThan(0);
    }
    // Words up to 490 px tall never fill a 640 px window: nothing covers them.
    expect(covered).toBe(0);
  });
});
