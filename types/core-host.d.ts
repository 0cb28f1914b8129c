// What the pure core (tsconfig.core.json: ES2023, no DOM, no node, no chrome
// types) may use beyond ECMAScript, declared by hand so that anything else is
// a compile error there. Only for that config: the full config gets the real
// declarations from lib.dom and @types/node.
//
// 1. Host globals present in every place the core runs (the service worker,
//    extension pages, the content script, Node 20): WHATWG Encoding and URL,
//    atob, Web Crypto's randomUUID. Only the members the core calls.
// 2. DOM node *shapes* for src/page (visible-text.ts, block-nodes.ts,
//    read-page.ts), which walk nodes their caller hands them (the live page in the content script, linkedom in the
//    CLI). Types only: no `document`, `window` or other DOM value exists in
//    the core, so it cannot reach a page by itself.
// Not declared, on purpose: process, console, timers, fetch, chrome.

// ---- 1. host globals

/** Base64 to a binary string (the compiled lexicon's packed vectors). */
declare function atob(data: string): string;

declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: Uint8Array): string;
}

declare class URLSearchParams implements Iterable<[string, string]> {
  constructor(init?: string | Iterable<[string, string]> | Record<string, string>);
  sort(): void;
  toString(): string;
  [Symbol.iterator](): IterableIterator<[string, string]>;
}

declare class URL {
  constructor(url: string, base?: string);
  hash: string;
  host: string;
  hostname: string;
  href: string;
  password: string;
  pathname: string;
  protocol: string;
  search: string;
  readonly searchParams: URLSearchParams;
  username: string;
}

declare const crypto: { randomUUID(): `${string}-${string}-${string}-${string}-${string}` };

// ---- 2. DOM node shapes (members used by src/page)

interface Node {
  readonly nodeType: number;
  readonly nodeValue: string | null;
  readonly firstChild: ChildNode | null;
  readonly nextSibling: ChildNode | null;
  readonly parentNode: ParentNode | null;
  contains(other: Node | null): boolean;
}
interface ChildNode extends Node {}
interface ParentNode extends Node {
  readonly firstElementChild: Element | null;
  readonly lastElementChild: Element | null;
  querySelectorAll(selectors: string): Iterable<Element>;
  querySelector(selectors: string): Element | null;
  insertBefore<T extends Node>(node: T, child: Node | null): T;
}
/** A text node: block-nodes.ts cuts one where a block's span begins or ends. */
interface Text extends ChildNode {
  data: string;
  readonly ownerDocument: Document;
  splitText(offset: number): Text;
}
interface Element extends ParentNode, ChildNode {
  readonly localName: string;
  readonly tagName: string;
  readonly parentElement: Element | null;
  readonly previousElementSibling: Element | null;
  readonly ownerDocument: Document;
  closest(selectors: string): Element | null;
  matches(selectors: string): boolean;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
}
interface Document extends ParentNode {
  readonly body: Element | null;
  readonly documentElement: Element;
  getElementsByTagName(qualifiedName: string): { readonly length: number };
  createTextNode(data: string): Text;
}
interface AbortSignal {
  readonly aborted: boolean;
}
