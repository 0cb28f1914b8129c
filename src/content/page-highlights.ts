// The highlight feature: extract visible text blocks (in time slices), ask
// the background for matches (batches pipelined, so the worker annotates the
// next batch while this tab marks the current one), mark them block by block
// in time slices, and follow text that arrives later (MutationObserver,
// debounced) and SPA navigations. Hostile pages are bounded: element, block
// and text caps, and our own DOM writes never feed back into the observer.
import type { Stance } from '../kb/types';
import type { BlockMatches } from '../shared/messages';
import { callBackground } from '../shared/messaging';
import { MAX_ELEMENTS, withinBudget, type Budget } from '../page/limits';
import { extractBlocksSliced, type ExtractStats, type TextBlock } from '../page/visible-text';
import { clearBlockHighlights, clearHighlights, highlightBlock, MARK_TAG, type HighlightRange } from './highlighter';
import { forEachSliced, SLICE_MS, yieldToMain } from './yield';

/**
 * Blocks per background request: a small first batch so the first highlights
 * arrive early. All batches are sent at once: the worker annotates the next
 * ones while this tab marks the first.
 */
const FIRST_BATCH = 40;
const BATCH = 150;
const MUTATION_DEBOUNCE_MS = 400;
// The page caps live with the extraction, shared with the CLI.
export { MAX_BLOCK_CHARS, MAX_BLOCKS, MAX_ELEMENTS, MAX_PAGE_CHARS } from '../page/limits';

const OBSERVED: MutationObserverInit = { childList: true, subtree: true, characterData: true };

export interface PageFinding {
  actors: Map<string, { name: string; count: number }>;
  claims: Map<string, { text: string; stance: Stance; count: number }>;
}

function isHidden(el: Element): boolean {
  // checkVisibility covers display:none ancestors and visibility:hidden.
  const fn = (el as Element & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
  return typeof fn === 'function' ? !fn.call(el, { visibilityProperty: true }) : false;
}

export class PageHighlights {
  readonly findings: PageFinding = { actors: new Map(), claims: new Map() };
  /** Text of each block when it was last highlighted, by element and span start: unchanged blocks are skipped. */
  private done = new WeakMap<Element, Map<number, string>>();
  private observer: MutationObserver | null = null;
  private pending = new Set<Node>();
  private timer = 0;
  private running: Promise<void> = Promise.resolve();
  private readonly budget: Budget = { chars: 0, blocks: 0 };
  private readonly ac = new AbortController();
  onHighlighted: (() => void) | null = null;

  start(): Promise<void> {
    const size = document.getElementsByTagName('*').length;
    if (size > MAX_ELEMENTS) {
      console.debug(`[Claimlens] page too large (${size} elements): not highlighted`);
      return this.running;
    }
    this.observer = new MutationObserver((records) => this.onMutations(records));
    this.observer.observe(document.documentElement, OBSERVED);
    this.running = this.extract(document).then((blocks) => this.process(blocks));
    return this.running;
  }

  /** Blocks of `root`, extracted in slices, within the page caps. */
  private async extract(root: ParentNode): Promise<TextBlock[]> {
    const stats: ExtractStats = { elements: 0, truncated: false };
    let sliceStart = performance.now();
    const blocks = await extractBlocksSliced(root, { isHidden }, {
      shouldYield: () => performance.now() - sliceStart > SLICE_MS,
      pause: async () => {
        await yieldToMain();
        sliceStart = performance.now();
      },
      maxElements: MAX_ELEMENTS,
      signal: this.ac.signal,
    }, stats);
    if (stats.truncated) console.debug(`[Claimlens] page too large: stopped after ${MAX_ELEMENTS} elements`);
    const kept = withinBudget(blocks, this.budget);
    if (kept.capped) console.debug('[Claimlens] page text cap reached: the rest is not highlighted');
    return kept.blocks;
  }

  stop(): void {
    this.ac.abort();
    this.observer?.disconnect();
    window.clearTimeout(this.timer);
    clearHighlights(document.documentElement);
    this.findings.actors.clear();
    this.findings.claims.clear();
  }

  private onMutations(records: MutationRecord[]): void {
    for (const r of records) {
      // Our own marks and card cause mutations too: ignore them.
      if (r.type === 'childList') {
        const ours = [...r.addedNodes, ...r.removedNodes].every(
          (n) => n instanceof Element && (n.localName === MARK_TAG || n.localName === 'claimlens-card' || n.localName === 'claimlens-note'),
        );
        if (ours && (r.addedNodes.length > 0 || r.removedNodes.length > 0)) continue;
        if (r.target instanceof Element && r.target.closest('claimlens-card, claimlens-note')) continue;
        // mark.js splits and normalises text nodes inside blocks it marks.
        if (r.addedNodes.length > 0 && [...r.addedNodes].every((n) => n.nodeType === Node.TEXT_NODE) && r.target instanceof Element && r.target.querySelector(MARK_TAG)) continue;
        for (const n of r.addedNodes) this.pending.add(n);
      } else if (r.type === 'characterData') {
        if (r.target.parentElement?.closest(MARK_TAG)) continue;
        this.pending.add(r.target);
      }
    }
    if (this.pending.size === 0) return;
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => this.flush(), MUTATION_DEBOUNCE_MS);
  }

  private flush(): void {
    const roots = new Set<Element>();
    for (const n of this.pending) {
      let el = n instanceof Element ? n : n.parentElement;
      // Never start inside our own marks: go to the element around the outermost one.
      let m = el?.closest(MARK_TAG) ?? null;
      while (el && m) {
        el = m.parentElement;
        m = el?.closest(MARK_TAG) ?? null;
      }
      if (el && el.isConnected && !el.closest('claimlens-card, claimlens-note')) roots.add(el.parentElement ?? el);
    }
    this.pending.clear();
    // Only look at what changed: the outermost changed subtrees.
    const outer =
      roots.size > 64 ? [document.body ?? document.documentElement] : [...roots].filter((r) => ![...roots].some((o) => o !== r && o.contains(r)));
    this.running = this.running.then(async () => {
      const blocks: TextBlock[] = [];
      const seen = new Map<Element, Set<number>>();
      for (const root of outer) {
        if (!root.isConnected) continue;
        for (const b of await this.extract(root)) {
          const at = b.span?.start ?? 0;
          const starts = seen.get(b.element) ?? new Set<number>();
          if (starts.has(at)) continue;
          seen.set(b.element, starts.add(at));
          if (this.done.get(b.element)?.get(b.span?.start ?? 0) === b.text) continue;
          blocks.push(b);
        }
      }
      if (blocks.length > 0) await this.process(blocks);
    });
  }

  private async process(blocks: TextBlock[]): Promise<void> {
    const signal = this.ac.signal;
    const batches: TextBlock[][] = [];
    for (let i = 0; i < blocks.length; ) {
      const size = i === 0 ? FIRST_BATCH : BATCH;
      batches.push(blocks.slice(i, i + size));
      i += size;
    }
    // At most MAX_BLOCKS / BATCH requests: sent together, answered in order.
    const replies = batches.map((batch) => callBackground('page.annotate', { blocks: batch.map((b) => b.text) }));
    for (let k = 0; k < batches.length; k++) {
      const reply = await replies[k];
      if (signal.aborted) return;
      if (!reply.ok) {
        console.debug('[Claimlens] annotate failed:', reply.error.message);
        return;
      }
      const batch = batches[k];
      await forEachSliced(batch, (b, j) => this.ownWrites(() => this.apply(b, reply.value[j])), signal);
    }
    this.onHighlighted?.();
  }

  /**
   * Runs our DOM writes with the observer detached, so they never reach
   * onMutations and queue no records (taking the records afterwards still
   * paid for one per split text node). Records queued before (the page's)
   * are handled first; the page cannot write in between, fn is synchronous.
   */
  private ownWrites(fn: () => void): void {
    const observer = this.observer;
    if (!observer) return fn();
    const before = observer.takeRecords();
    if (before.length > 0) this.onMutations(before);
    observer.disconnect();
    try {
      fn();
    } finally {
      observer.observe(document.documentElement, OBSERVED);
    }
  }

  private apply(block: TextBlock, m: BlockMatches | undefined): void {
    if (!block.element.isConnected) return;
    // A block whose text changed since we marked it is re-marked from scratch.
    const done = this.done.get(block.element) ?? new Map<number, string>();
    if (done.size > 0 && block.element.querySelector(MARK_TAG)) {
      clearBlockHighlights(block, 'actor');
      clearBlockHighlights(block, 'claim');
    }
    done.set(block.span?.start ?? 0, block.text);
    this.done.set(block.element, done);
    if (!m || (m.actors.length === 0 && m.claims.length === 0)) return;
    const ranges: HighlightRange[] = [
      ...m.claims.map((c) => ({ start: c.start, end: c.end, kind: 'claim' as const, id: c.claimId, stance: c.stance })),
      ...m.actors.map((a) => ({ start: a.start, end: a.end, kind: 'actor' as const, id: a.actorId })),
    ];
    try {
      highlightBlock(block, ranges);
    } catch (e) {
      console.debug('[Claimlens] could not highlight a block:', e);
      return;
    }
    for (const a of m.actors) {
      const f = this.findings.actors.get(a.actorId) ?? { name: a.name, count: 0 };
      f.count++;
      this.findings.actors.set(a.actorId, f);
    }
    for (const c of m.claims) {
      const f = this.findings.claims.get(c.claimId) ?? { text: c.claim, stance: c.stance, count: 0 };
      f.count++;
      // A claim contradicted anywhere on the page is shown as contested.
      if (c.stance === 'contradicts') f.stance = 'contradicts';
      this.findings.claims.set(c.claimId, f);
    }
  }
}
