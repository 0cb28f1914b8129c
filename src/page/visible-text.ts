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

/** Never text for the reader, wherever it sits (also used inside blocks). */
function isExcluded(el: Element): boolean {
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

/** Text mark.js would see under `el` with EXCLUDE_SELECTORS. */
function blockText(el: Element): string {
  let out = '';
  const walk = (node: Node): void => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === TEXT_NODE) out += c.nodeValue ?? '';
      else if (c.nodeType === ELEMENT_NODE && !isExcluded(c as Element)) walk(c);
    }
  };
  walk(el);
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

function collect(el: Element, opts: ExtractOptions, out: TextBlock[], shapes: Map<Element, Shape>): void {
  const shape = shapeOf(el, opts, shapes);
  if (!shape.hasInlineText && !shape.hasBlockChild) return;
  const isBlock = BLOCK_TAGS.has(tagOf(el));
  // A leaf block, or a block with loose text beside its child blocks ("div with
  // direct text"): the whole element is one block, so every text node belongs
  // to exactly one block and mark.js sees the same string.
  if ((isBlock && !shape.hasBlockChild) || shape.hasBareText) {
    const text = blockText(el);
    if (nonBlank(text)) out.push({ element: el, text });
    return;
  }
  if (!isBlock && !shape.hasBlockChild) {
    // An inline element with text directly in a container that also has blocks.
    const text = blockText(el);
    if (nonBlank(text)) out.push({ element: el, text });
    return;
  }
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
    if (!isSkippedContainer(c, opts)) collect(c, opts, out, shapes);
  }
}

function shapeOf(el: Element, opts: ExtractOptions, shapes: Map<Element, Shape>): Shape {
  const cached = shapes.get(el);
  if (cached) return cached;
  const shape: Shape = { hasBlockChild: false, hasInlineText: false, hasBareText: false };
  for (let c: ChildNode | null = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === TEXT_NODE) {
      if (nonBlank(c.nodeValue)) shape.hasBareText = shape.hasInlineText = true;
    } else if (c.nodeType === ELEMENT_NODE) {
      const ce = c as Element;
      if (isSkippedContainer(ce, opts)) continue;
      const sub = shapeOf(ce, opts, shapes);
      if (BLOCK_TAGS.has(tagOf(ce))) {
        if (sub.hasInlineText || sub.hasBlockChild) shape.hasBlockChild = true;
      } else {
        if (sub.hasInlineText) shape.hasInlineText = true;
        if (sub.hasBlockChild) shape.hasBlockChild = true;
      }
    }
  }
  shapes.set(el, shape);
  return shape;
}

/**
 * Visible text blocks of `root` in reading order, the article's (<article>,
 * <main>, role=main) first when the page has one.
 */
export function extractBlocks(root: ParentNode, opts: ExtractOptions = {}): TextBlock[] {
  const shapes = new Map<Element, Shape>();
  const all: TextBlock[] = [];
  const start: Element | null =
    (root as Document).body ?? ((root as Element).nodeType === ELEMENT_NODE ? (root as Element) : root.firstElementChild);
  if (!start) return [];
  if ((root as Node).nodeType === ELEMENT_NODE || (root as Document).body) {
    if (!isSkippedContainer(start, opts)) collect(start, opts, all, shapes);
  }
  const articles = [...root.querySelectorAll(ARTICLE_SELECTOR)].filter(
    (a) => !a.parentElement || !a.parentElement.closest(ARTICLE_SELECTOR),
  );
  if (articles.length === 0) return all;
  const inArticle = (b: TextBlock): boolean => articles.some((a) => a === b.element || a.contains(b.element));
  return [...all.filter(inArticle), ...all.filter((b) => !inArticle(b))];
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
