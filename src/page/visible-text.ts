// Visible-text extraction, DOM-generic: only Node/Element/ParentNode members
// are used, so it runs on linkedom's document in Node and on the live document
// in the content script. Block texts are NOT normalised: each is exactly the
// concatenation of the text nodes mark.js walks when given that block element
// as context (with EXCLUDE_SELECTORS as its `exclude`), so annotate offsets
// can be passed to markRanges unchanged.

export interface TextBlock {
  element: Element;
  text: string;
}

export interface ExtractOptions {
  /** Browser only: computed-style check (display:none, visibility:hidden). */
  isHidden?: (el: Element) => boolean;
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

const ARTICLE_SELECTOR = 'article, main, [role="main"]';

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

function tagOf(el: Element): string {
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

/** Not a source of blocks, but may still sit inside a block's text. */
function isSkippedContainer(el: Element, opts: ExtractOptions): boolean {
  if (isExcluded(el)) return true;
  if (CHROME_TAGS.has(tagOf(el)) && !insideArticle(el)) return true;
  return opts.isHidden ? opts.isHidden(el) : false;
}

/**
 * Text mark.js would see under `el` with EXCLUDE_SELECTORS. Iterative (parent
 * pointers, no recursion): deeply nested markup cannot overflow the stack.
 */
function blockText(el: Element): string {
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
  const all: TextBlock[] = [];
  if (((root as Node).nodeType === ELEMENT_NODE || (root as Document).body) && !isSkippedContainer(start, opts)) {
    // Pass 1: shapes, bottom-up (post-order over the non-skipped subtree).
    const shapes = new Map<Element, Shape>();
    const stack: Element[] = [start];
    const expanded = new Set<Element>();
    while (stack.length > 0) {
      const el = stack[stack.length - 1];
      if (!expanded.has(el)) {
        if (stats.truncated || ++stats.elements > maxElements) {
          // Over the cap: this element and everything after it are left out,
          // the elements already open still get their shapes.
          stats.truncated = true;
          stack.pop();
          continue;
        }
        expanded.add(el);
        if (shouldYield && (++tick & 127) === 0 && shouldYield()) yield;
        for (let c = el.lastElementChild; c; c = c.previousElementSibling) {
          if (!isSkippedContainer(c, opts)) stack.push(c);
        }
        continue;
      }
      stack.pop();
      const shape: Shape = { hasBlockChild: false, hasInlineText: false, hasBareText: false };
      for (let c: ChildNode | null = el.firstChild; c; c = c.nextSibling) {
        if (c.nodeType === TEXT_NODE) {
          if (nonBlank(c.nodeValue)) shape.hasBareText = shape.hasInlineText = true;
        } else if (c.nodeType === ELEMENT_NODE) {
          const sub = shapes.get(c as Element);
          if (!sub) continue; // skipped container
          if (BLOCK_TAGS.has(tagOf(c as Element))) {
            if (sub.hasInlineText || sub.hasBlockChild) shape.hasBlockChild = true;
          } else {
            if (sub.hasInlineText) shape.hasInlineText = true;
            if (sub.hasBlockChild) shape.hasBlockChild = true;
          }
        }
      }
      shapes.set(el, shape);
    }
    // Pass 2: blocks, top-down in document order.
    const todo: Element[] = shapes.has(start) ? [start] : [];
    while (todo.length > 0) {
      const el = todo.pop()!;
      const shape = shapes.get(el);
      if (!shape) continue; // not reached before maxElements
      if (shouldYield && (++tick & 127) === 0 && shouldYield()) yield;
      if (!shape.hasInlineText && !shape.hasBlockChild) continue;
      const isBlock = BLOCK_TAGS.has(tagOf(el));
      // A leaf block, or a block with loose text beside its child blocks ("div with
      // direct text"): the whole element is one block, so every text node belongs
      // to exactly one block and mark.js sees the same string. Or an inline
      // element with text directly in a container that also has blocks.
      if ((isBlock && !shape.hasBlockChild) || shape.hasBareText || (!isBlock && !shape.hasBlockChild)) {
        const text = blockText(el);
        if (nonBlank(text)) all.push({ element: el, text });
        continue;
      }
      for (let c = el.lastElementChild; c; c = c.previousElementSibling) {
        if (shapes.has(c)) todo.push(c);
      }
    }
  }
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
export function extractBlocks(root: ParentNode, opts: ExtractOptions = {}): TextBlock[] {
  const gen = extractGen(root, opts, {}, { elements: 0, truncated: false });
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
