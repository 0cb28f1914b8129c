// "Show on the page" from the popup: scroll to the item's first highlight,
// focus it (its card opens, as on keyboard focus) and mark it until the reader
// does something else on the page.
import { MARK_TAG } from './highlighter';

const REVEALED = 'data-claimlens-revealed';
let clearing: AbortController | null = null;

function unmark(): void {
  clearing?.abort();
  clearing = null;
  for (const el of document.querySelectorAll(`${MARK_TAG}[${REVEALED}]`)) el.removeAttribute(REVEALED);
}

export function reveal(kind: string, id: string): boolean {
  const marks = [...document.querySelectorAll(`${MARK_TAG}[data-claimlens-kind]`)].filter(
    (m): m is HTMLElement => m instanceof HTMLElement && m.getAttribute('data-claimlens-kind') === kind && m.getAttribute('data-claimlens-id') === id,
  );
  const first = marks[0];
  if (!first) return false;
  unmark();
  // Every piece of the item (a sentence split by a link or an actor) is marked.
  for (const m of marks) m.setAttribute(REVEALED, '');
  first.scrollIntoView({ block: 'center', behavior: 'smooth' });
  first.setAttribute('data-claimlens-flash', '');
  window.setTimeout(() => first.removeAttribute('data-claimlens-flash'), 2600);
  if (!first.hasAttribute('tabindex')) first.setAttribute('tabindex', '-1');
  first.focus({ preventScroll: true });
  // The mark stays until the reader clicks or types on the page.
  clearing = new AbortController();
  const opts = { capture: true, once: true, signal: clearing.signal };
  document.addEventListener('pointerdown', unmark, opts);
  document.addEventListener('keydown', unmark, opts);
  return true;
}
