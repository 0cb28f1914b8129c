// Visible-text extraction, DOM-generic: only Node/Element/ParentNode members
// are used, so it runs on linkedom's document in Node and on the live document
// in the content script. Block texts are NOT normalised: each is exactly the
// concatenation of the text nodes mark.js walks when given the block's nodes
// (blockNodes in block-nodes.ts) as context, so annotate offsets can be passed
// to markRanges unchanged.
//
// A block is an element's whole text, or a span of it: the loose text of an
// element that also has child blocks (a stray text node in <body> must not
// make the whole body one block), or a piece of a text longer than
// MAX_BLOCK_CHARS, cut at a sentence end. Page chrome (chrome.ts) is left out.
import { ARTICLE_SELECTOR, chromeBlock, chromeByShape, chromeCue, foreignLang, primaryLang } from './chrome';
import { cutPoints } from './cut';
import { MAX_BLOCK_CHARS } from './limits';

export { ARTICLE_SELECTOR } from './chrome';

export interface TextBlock {
  element: Element;
  text: string;
  /**
   * Set when the block is only part of `element`'s text: offsets [start, end)
   * into the text mark.js sees under `element` (text nodes, excluded
   * elements skipped). Absent: the block is all of it.
   */
  span?: { start: number; end: number };
}

export interface ExtractOptions {
  /** Browser only: computed-style check (display:none, visibility:hidden). */
  isHidden?: (el: Element) => boolean;
  /** Longest block (tests); MAX_BLOCK_CHARS by default. */
  maxBlockChars?: number;
}

const SKIP_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'nav', 'aside', 'input', 'textarea', 'select', 'option',
  'button', 'iframe', 'object', 'embed', 'canvas', 'svg', 'math', 'head', 'title', 'dialog', 'menu',
]);
/** Page chrome, unless inside the article (an article's own <header> holds its headline). */
const CHROME_TAGS = new Set(['header', 'footer']);

const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup',
  'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'td',
  'th', 'ul', 'caption', 'summary', 'center',
]);

/**
 * Selectors to hand to mark.js as `exclude` so its text for a block equals
 * ours. mark.js tests only a text node's parent, hence the `x *` forms.
 */
export const EXCLUDE_SELECTORS: string[] = [
  ...[...SKIP_TAGS].flatMap((t) => [t, `${t} *`]),
  '[contenteditable]:not([contenteditable="false"])', '[contenteditable]:not([contenteditable="false"]) *',
  '[hidden]', '[hidden] *', '[aria-hidden="true"]', '[aria-hidden="true"] *',
];

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

export function tagOf(el: Element): string {
  return el.localName ? el.localName.toLowerCase() : el.tagName.toLowerCase();
}

function insideArticle(el: Element): boolean {
  return el.closest(ARTICLE_SELECTOR) !== null;
}

/**
 * Never text for the reader, wherever it sits (also used inside blocks): the
 * element-level form of EXCLUDE_SELECTORS, without the `x *` descendant
 * selectors that cost O(depth) per element on deeply nested pages.
 */
export function isExcluded(el: Element): boolean {
  if (SKIP_TAGS.has(tagOf(el))) return true;
  if (el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const ce = el.getAttribute('contenteditable');
  return ce !== null && ce !== 'false';
}

interface Walk {
  opts: ExtractOptions;
  pageLang: string;
}

/** Not a source of blocks, but may still sit inside a block's text. */
function isSkippedContainer(el: Element, w: Walk): boolean {
  if (isExcluded(el)) return true;
  if (CHROME_TAGS.has(tagOf(el)) && !insideArticle(el)) return true;
  if (foreignLang(el, w.pageLang)) return true;
  return w.opts.isHidden ? w.opts.isHidden(el) : false;
}

/**
 * Text mark.js would see under `el` with EXCLUDE_SELECTORS. Iterative (parent
 * pointers, no recursion): deeply nested markup cannot overflow the stack.
 */
export function blockText(el: Element): string {
  let out = '';
  let node: Node | null = el.firstChild;
  while (node) {
    if (node.nodeType === TEXT_NODE) out += node.nodeValue ?? '';
    else if (node.nodeType === ELEMENT_NODE && node.firstChild && !isExcluded(node as Element)) {
      node = node.firstChild;
      continue;
    }
    while (node && !node.nextSibling) {
      node = node.parentNode;
      if (node === el) node = null;
    }
    if (node) node = node.nextSibling;
  }
  return out;
}

interface Shape {
  /** Has a block-level descendant carrying text. */
  hasBlockChild: boolean;
  /** Has non-blank text outside any descendant block. */
  hasInlineText: boolean;
  /** Has non-blank text nodes as direct children. */
  hasBareText: boolean;
  /** Has a chrome child (a dateline or byline span inside a paragraph), or an inline child that has one. */
  hasChromeChild: boolean;
  /** Length of blockText(el); -1 when part of it lies past maxElements. */
  len: number;
  /** Characters of that text inside links. */
  links: number;
}

const nonBlank = (s: string | null): boolean => s !== null && /\S/.test(s);

/** Limits and cooperative scheduling for extractBlocksSliced. */
export interface SliceOptions {
  /** Called every few hundred nodes: true means "pause now" (the generator yields). */
  shouldYield?: () => boolean;
  /** Stop after visiting this many elements (the blocks found so far are kept). */
  maxElements?: number;
}

/** What a run of the extraction did: whether it stopped early on maxElements. */
export interface ExtractStats {
  elements: number;
  truncated: boolean;
}

/** Per-element facts of pass 1, read by pass 2. */
interface Facts {
  shapes: Map<Element, Shape>;
  /** Text length of the elements that are not block sources (skipped, chrome, not reached): -1 = not reached. */
  lens: Map<Element, number>;
  /** The chrome among them: their text is cut out of the block around them. */
  chrome: Set<Element>;
}

/** Length of a child's text inside its parent's blockText, -1 if unknown. */
function childLen(c: ChildNode, f: Facts): number {
  if (c.nodeType === TEXT_NODE) return (c.nodeValue ?? '').length;
  if (c.nodeType !== ELEMENT_NODE) return 0;
  const s = f.shapes.get(c as Element);
  return s ? s.len : (f.lens.get(c as Element) ?? 0);
}

/**
 * Pass 1 for one element whose children are done: its shape, or none when
 * it turns out to be chrome (its length is then kept in `lens`).
 */
function shapeOf(el: Element, f: Facts, isStart: boolean): void {
  const shape: Shape = { hasBlockChild: false, hasInlineText: false, hasBareText: false, hasChromeChild: false, len: 0, links: 0 };
  for (let c: ChildNode | null = el.firstChild; c; c = c.nextSibling) {
    const l = childLen(c, f);
    shape.len = shape.len < 0 || l < 0 ? -1 : shape.len + l;
    if (c.nodeType === TEXT_NODE) {
      if (nonBlank(c.nodeValue)) shape.hasBareText = shape.hasInlineText = true;
    } else if (c.nodeType === ELEMENT_NODE) {
      const sub = f.shapes.get(c as Element);
      if (!sub) {
        if (f.chrome.has(c as Element)) shape.hasChromeChild = true;
        continue; // skipped container
      }
      shape.links += sub.links;
      if (BLOCK_TAGS.has(tagOf(c as Element))) {
        if (sub.hasInlineText || sub.hasBlockChild) shape.hasBlockChild = true;
      } else {
        if (sub.hasInlineText) shape.hasInlineText = true;
        if (sub.hasBlockChild) shape.hasBlockChild = true;
        if (sub.hasChromeChild) shape.hasChromeChild = true;
      }
    }
  }
  if (tagOf(el) === 'a' && el.hasAttribute('href') && shape.len > 0) shape.links = shape.len;
  if (!isStart && isChromeContainer(el, shape)) {
    f.lens.set(el, shape.len);
    f.chrome.add(el);
    return;
  }
  f.shapes.set(el, shape);
}

function isChromeContainer(el: Element, shape: Shape): boolean {
  if (!el.hasAttribute('class') && !el.hasAttribute('id') && !el.hasAttribute('role')) return false;
  const cue = chromeCue(el, insideArticle(el));
  if (cue === null) return false;
  if (!chromeByShape(shape.len < 0 ? Infinity : shape.len, shape.links)) return false;
  // Never the wrapper of the article itself.
  return el.matches(ARTICLE_SELECTOR) === false && el.querySelector(ARTICLE_SELECTOR) === null;
}

/** Characters inside links under `el` (outermost links only). */
function linkChars(el: Element): number {
  let n = 0;
  for (const a of el.querySelectorAll('a[href]')) if (!a.parentElement?.closest('a[href]')) n += blockText(a).length;
  return n;
}

/** Is `el` (the root of a partial extraction) inside a skipped container or page chrome? */
function insideChrome(el: Element, w: Walk): boolean {
  for (let a = el.parentElement; a && tagOf(a) !== 'body'; a = a.parentElement) {
    if (isSkippedContainer(a, w)) return true;
    if (chromeCue(a, insideArticle(a)) === null || a.matches(ARTICLE_SELECTOR) || a.querySelector(ARTICLE_SELECTOR)) continue;
    if (chromeByShape(blockText(a).length, linkChars(a))) return true;
  }
  return false;
}

/** A block to emit, before the chrome test and the long-text cut. */
interface Pending {
  element: Element;
  text: string;
  /** Offset of `text` in element's text; null = all of it. */
  base: number | null;
  links: number;
}

/**
 * The loose text of a mixed element (text beside child blocks, or around a
 * chrome child) as runs of inline content, and its child blocks, in
 * document order. A chrome child ends a run and is left out; so is a hidden
 * block; excluded elements (script, style) are invisible; a hidden or
 * foreign-language inline element stays in the run, as in a leaf block.
 */
function mixedItems(el: Element, f: Facts): Array<Element | Pending> {
  const items: Array<Element | Pending> = [];
  let pos = 0;
  let run: Pending | null = null;
  const close = (): void => {
    if (run && nonBlank(run.text)) items.push(run);
    run = null;
  };
  for (let c: ChildNode | null = el.firstChild; c; c = c.nextSibling) {
    const l = childLen(c, f);
    if (c.nodeType === TEXT_NODE || c.nodeType === ELEMENT_NODE) {
      const e = c.nodeType === ELEMENT_NODE ? (c as Element) : null;
      const sub = e ? f.shapes.get(e) : undefined;
      const inlineTag = !e || !BLOCK_TAGS.has(tagOf(e));
      const inline = !e || (inlineTag && (sub ? !sub.hasBlockChild && !sub.hasChromeChild : !f.chrome.has(e) && !isExcluded(e)));
      if (inline) {
        run ??= { element: el, text: '', base: pos, links: 0 };
        run.text += e ? blockText(e) : (c.nodeValue ?? '');
        run.links += sub ? sub.links : 0;
      } else if (!(e && isExcluded(e))) {
        close();
        if (sub) items.push(e!);
      }
    }
    pos += l;
  }
  close();
  return items;
}

/**
 * The extraction as a generator over explicit stacks (no recursion, so any
 * nesting depth is safe). It yields (undefined) whenever `shouldYield` says
 * so and returns the blocks in reading order, the article's first.
 */
function* extractGen(root: ParentNode, opts: ExtractOptions, slice: SliceOptions, stats: ExtractStats): Generator<void, TextBlock[], void> {
  const shouldYield = slice.shouldYield;
  const maxElements = slice.maxElements ?? Infinity;
  let tick = 0;
  const start: Element | null =
    (root as Document).body ?? ((root as Element).nodeType === ELEMENT_NODE ? (root as Element) : root.firstElementChild);
  if (!start) return [];
  const docEl = start.ownerDocument?.documentElement ?? null;
  const w: Walk = { opts, pageLang: primaryLang(docEl?.getAttribute('lang') ?? null) ?? 'en' };
  // Late text inside chrome (a sidebar filled in after load) is chrome too.
  const pageRoot = tagOf(start) === 'body' || start === docEl;
  if (!pageRoot && insideChrome(start, w)) return [];
  const all: TextBlock[] = [];
  const f: Facts = { shapes: new Map(), lens: new Map(), chrome: new Set() };
  if (((root as Node).nodeType === ELEMENT_NODE || (root as Document).body) && !isSkippedContainer(start, w)) {
    // Pass 1: shapes, bottom-up (post-order over the non-skipped subtree).
    const stack: Element[] = [start];
    const expanded = new Set<Element>();
    while (stack.length > 0) {
      const el = stack[stack.length - 1];
      if (!expanded.has(el)) {
        if (stats.truncated || ++stats.elements > maxElements) {
          // Over the cap: this element and everything after it are left out,
          // the elements already open still get their shapes.
          stats.truncated = true;
          f.lens.set(el, -1);
          stack.pop();
          continue;
        }
        expanded.add(el);
        if (shouldYield && (++tick & 127) === 0 && shouldYield()) yield;
        for (let c = el.lastElementChild; c; c = c.previousElementSibling) {
          if (!isSkippedContainer(c, w)) stack.push(c);
          else {
            f.lens.set(c, isExcluded(c) ? 0 : blockText(c).length);
            if (CHROME_TAGS.has(tagOf(c))) f.chrome.add(c);
          }
        }
        continue;
      }
      stack.pop();
      shapeOf(el, f, el === start && pageRoot);
    }
    // Pass 2: blocks, top-down in document order.
    const max = opts.maxBlockChars ?? MAX_BLOCK_CHARS;
    const todo: Array<Element | Pending> = f.shapes.has(start) ? [start] : [];
    while (todo.length > 0) {
      const item = todo.pop()!;
      if (shouldYield && (++tick & 127) === 0 && shouldYield()) yield;
      if (!('nodeType' in item)) {
        emit(item, max, all);
        continue;
      }
      const el = item;
      const shape = f.shapes.get(el);
      if (!shape) continue; // not reached before maxElements
      if (!shape.hasInlineText && !shape.hasBlockChild) continue;
      if (!shape.hasBlockChild && !shape.hasChromeChild) {
        // A leaf: the whole element is one block (cut if long).
        emit({ element: el, text: blockText(el), base: null, links: shape.links }, max, all);
        continue;
      }
      if ((shape.hasBareText || !shape.hasBlockChild) && shape.len >= 0) {
        const items = mixedItems(el, f);
        for (let k = items.length - 1; k >= 0; k--) todo.push(items[k]);
        continue;
      }
      for (let c = el.lastElementChild; c; c = c.previousElementSibling) {
        if (f.shapes.has(c)) todo.push(c);
      }
    }
  }
  return articleFirst(root, all);
}

/** Appends the block (or its pieces, when longer than `max`) unless it is chrome. */
function emit(p: Pending, max: number, out: TextBlock[]): void {
  if (!nonBlank(p.text) || chromeBlock(p.text, p.links, tagOf(p.element)) !== null) return;
  const cuts = cutPoints(p.text, max);
  if (cuts.length === 0) {
    out.push(p.base === null ? { element: p.element, text: p.text } : spanBlock(p.element, p.text, p.base));
    return;
  }
  const base = p.base ?? 0;
  let from = 0;
  for (const to of [...cuts, p.text.length]) {
    const text = p.text.slice(from, to);
    if (nonBlank(text)) out.push({ element: p.element, text, span: { start: base + from, end: base + to } });
    from = to;
  }
}

const spanBlock = (element: Element, text: string, base: number): TextBlock =>
  ({ element, text, span: { start: base, end: base + text.length } });

/** The article's blocks (<article>, <main>, role=main) first, each group in document order. */
function articleFirst(root: ParentNode, all: TextBlock[]): TextBlock[] {
  const articles = [...root.querySelectorAll(ARTICLE_SELECTOR)].filter(
    (a) => !a.parentElement || !a.parentElement.closest(ARTICLE_SELECTOR),
  );
  if (articles.length === 0) return all;
  const inArticle = (b: TextBlock): boolean => articles.some((a) => a === b.element || a.contains(b.element));
  const first: TextBlock[] = [];
  const rest: TextBlock[] = [];
  for (const b of all) (inArticle(b) ? first : rest).push(b);
  return [...first, ...rest];
}

/**
 * Visible text blocks of `root` in reading order, the article's (<article>,
 * <main>, role=main) first when the page has one.
 */
export function extractBlocks(root: ParentNode, opts: ExtractOptions = {}, slice: SliceOptions = {},
  stats: ExtractStats = { elements: 0, truncated: false }): TextBlock[] {
  const gen = extractGen(root, opts, { maxElements: slice.maxElements }, stats);
  for (;;) {
    const r = gen.next();
    if (r.done) return r.value;
  }
}

/**
 * extractBlocks in slices: `pause` is awaited whenever `shouldYield` says so,
 * and at most `maxElements` elements are visited (stats.truncated tells).
 */
export async function extractBlocksSliced(
  root: ParentNode,
  opts: ExtractOptions,
  slice: SliceOptions & { pause: () => Promise<void>; signal?: AbortSignal },
  stats: ExtractStats = { elements: 0, truncated: false },
): Promise<TextBlock[]> {
  const gen = extractGen(root, opts, slice, stats);
  for (;;) {
    const r = gen.next();
    if (r.done) return r.value;
    await slice.pause();
    if (slice.signal?.aborted) return [];
  }
}

/** The annotate contract's `text`: block texts joined by a blank line. */
export function pageText(blocks: readonly { text: string }[]): string {
  return blocks.map((b) => b.text).join('\n\n');
}

/** Start offset of each block inside pageText(blocks). */
export function blockOffsets(blocks: readonly { text: string }[]): number[] {
  const out: number[] = [];
  let pos = 0;
  for (const b of blocks) {
    out.push(pos);
    pos += b.text.length + 2;
  }
  return out;
}
