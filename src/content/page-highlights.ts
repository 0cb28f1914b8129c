// The highlight feature: extract visible text blocks, ask the background for
// matches, mark them block by block in time slices, and follow text that
// arrives later (MutationObserver, debounced) and SPA navigations.
import type { Stance } from '../kb/types';
import type { BlockMatches } from '../shared/messages';
import { callBackground } from '../shared/messaging';
import { extractBlocks, type TextBlock } from '../page/visible-text';
import { clearHighlights, highlightBlock, MARK_TAG, type HighlightRange } from './highlighter';
import { forEachSliced, yieldToMain } from './yield';

/** Blocks per background request: the first highlights arrive early on long pages. */
const BATCH = 150;
const MUTATION_DEBOUNCE_MS = 400;

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
  /** Text of each block when it was last highlighted: unchanged blocks are skipped. */
  private done = new WeakMap<Element, string>();
  private observer: MutationObserver | null = null;
  private pending = new Set<Node>();
  private timer = 0;
  private running: Promise<void> = Promise.resolve();
  private readonly ac = new AbortController();
  onHighlighted: (() => void) | null = null;

  start(): Promise<void> {
    this.running = this.process(extractBlocks(document, { isHidden }));
    this.observer = new MutationObserver((records) => this.onMutations(records));
    this.observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
    return this.running;
  }

  stop(): void {
    this.ac.abort();
    this.observer?.disconnect();
    window.clearTimeout(this.timer);
    clearHighlights(document.documentElement);
    this.findings.actors.clear();
    this.findings.claims.clear();
  }

  whenIdle(): Promise<void> {
    return this.running;
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
      const el = n instanceof Element ? n : n.parentElement;
      if (el && el.isConnected) roots.add(el.parentElement ?? el);
    }
    this.pending.clear();
    // Only look at what changed: blocks inside the changed subtrees.
    const blocks: TextBlock[] = [];
    const seen = new Set<Element>();
    for (const root of roots) {
      for (const b of extractBlocks(root, { isHidden })) {
        if (seen.has(b.element)) continue;
        seen.add(b.element);
        if (this.done.get(b.element) === b.text) continue;
        blocks.push(b);
      }
    }
    if (blocks.length === 0) return;
    this.running = this.running.then(() => this.process(blocks));
  }

  private async process(blocks: TextBlock[]): Promise<void> {
    const signal = this.ac.signal;
    for (let i = 0; i < blocks.length; i += BATCH) {
      if (signal.aborted) return;
      const batch = blocks.slice(i, i + BATCH);
      const reply = await callBackground('page.annotate', { blocks: batch.map((b) => b.text) });
      if (!reply.ok) {
        console.debug('[Claimlens] annotate failed:', reply.error.message);
        return;
      }
      await forEachSliced(batch, (b, j) => this.apply(b, reply.value[j]), signal);
      await yieldToMain();
    }
    this.onHighlighted?.();
  }

  private apply(block: TextBlock, m: BlockMatches | undefined): void {
    if (!block.element.isConnected) return;
    // A block whose text changed since we marked it is re-marked from scratch.
    if (this.done.has(block.element) && block.element.querySelector(MARK_TAG)) {
      clearHighlights(block.element, 'actor');
      clearHighlights(block.element, 'claim');
    }
    this.done.set(block.element, block.text);
    if (!m || (m.actors.length === 0 && m.claims.length === 0)) return;
    const ranges: HighlightRange[] = [
      ...m.claims.map((c) => ({ start: c.start, end: c.end, kind: 'claim' as const, id: c.claimId, stance: c.stance })),
      ...m.actors.map((a) => ({ start: a.start, end: a.end, kind: 'actor' as const, id: a.actorId })),
    ];
    try {
      highlightBlock(block.element, ranges);
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
