// The page's highlights are one Tab stop (a roving tabindex): a long page has
// a thousand of them, and a keyboard reader must not Tab through them all to
// reach the page's next link. Every highlight (the first piece of each) has
// tabindex -1, except the one stop with tabindex 0: at first the first
// highlight on the page, then the last one the reader reached. Arrow keys move
// between highlights (focus shows each one's card); Tab leaves them.
const ITEM = 'claimlens-mark[tabindex]';

let stop: Element | null = null;
/** The reader reached a highlight: the stop stays there, new highlights do not take it. */
let chosen = false;

// Attributes rather than the tabIndex property: the highlighter also runs on linkedom in Node tests.
function makeStop(el: Element): void {
  if (stop && stop !== el && stop.isConnected) stop.setAttribute('tabindex', '-1');
  stop = el;
  el.setAttribute('tabindex', '0');
}

/** Node.DOCUMENT_POSITION_FOLLOWING, spelled out: no Node global in Node tests. */
const FOLLOWING = 4;
const precedes = (a: Node, b: Node): boolean => (a.compareDocumentPosition(b) & FOLLOWING) !== 0;

/** A new highlight joins the group: it becomes the stop only if it is now the first one on the page. */
export function addHighlight(el: Element): void {
  if (!stop || !stop.isConnected || stop.ownerDocument !== el.ownerDocument) return makeStop(el);
  if (!chosen && precedes(el, stop)) return makeStop(el);
  el.setAttribute('tabindex', '-1');
}

/** After highlights were removed: if the stop went with them, the first remaining highlight is the stop. */
export function repairStop(root: Document = document): void {
  if (stop?.isConnected && stop.ownerDocument === root) return;
  stop = null;
  chosen = false;
  const first = root.querySelector(ITEM);
  if (first) makeStop(first);
}

function isItem(el: Element | null): el is HTMLElement {
  return el instanceof HTMLElement && el.localName === 'claimlens-mark' && el.hasAttribute('tabindex');
}

const STEP: Record<string, 1 | -1> = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 };

/** Moves focus to the highlight `step` away from `from` (in document order), scrolled into view. */
function move(from: HTMLElement, step: 1 | -1 | 'first' | 'last'): boolean {
  const all = [...document.querySelectorAll(ITEM)].filter(isItem);
  if (all.length === 0) return false;
  const i = all.indexOf(from);
  const next = step === 'first' ? all[0] : step === 'last' ? all[all.length - 1] : all[i + step];
  if (!next) return false;
  makeStop(next);
  chosen = true;
  const r = next.getBoundingClientRect();
  const vh = document.documentElement.clientHeight || window.innerHeight;
  // Centred when out of sight, so the card has room on either side.
  if (r.top < 0 || r.bottom > vh) next.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
  next.focus({ preventScroll: true });
  return true;
}

/** Listens for the keys of the group and for focus reaching a highlight; stops with the signal. */
export function startRovingFocus(signal: AbortSignal): void {
  document.addEventListener(
    'keydown',
    (e) => {
      // Before the browser moves focus on Tab, make sure the group still has its stop.
      if (e.key === 'Tab') return repairStop();
      const at = document.activeElement;
      if (!isItem(at) || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
      const step = STEP[e.key] ?? (e.key === 'Home' ? 'first' : e.key === 'End' ? 'last' : null);
      if (step === null) return;
      // The page's own arrow handling (scrolling, its slideshow) does not also run.
      e.preventDefault();
      e.stopPropagation();
      move(at, step);
    },
    { capture: true, signal },
  );
  document.addEventListener(
    'focusin',
    (e) => {
      const el = e.target instanceof Element ? e.target : null;
      if (isItem(el)) {
        makeStop(el);
        chosen = true;
      }
    },
    { capture: true, signal },
  );
}
