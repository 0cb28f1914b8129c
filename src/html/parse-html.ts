// HTML → DOM for Node (the CLI, tests, the evaluation), parsed the way
// Chromium parses it. parse5 implements the WHATWG tree construction
// algorithm (implied <body>, a second <body> merged into the first, foster
// parenting, misnested <a>/<p>, CRLF and NUL handling) with scripting
// enabled, as in a browser, so <noscript> is raw text. Its plain-object tree
// is then copied into a linkedom document, which gives the DOM API the
// extractor walks at a fraction of jsdom's cost. Why not the alternatives
// (measured in src/html/parse-html.test.ts and the README): linkedom's own
// parser (htmlparser2) is not a spec parser and lost the whole body on 26 of
// 29 tree-construction cases; jsdom's tree adapter misplaces foster-parented
// table text; happy-dom's parser differed on 11 of 29.
import { parseHTML } from 'linkedom';
import { parse } from 'parse5';
import type { DefaultTreeAdapterTypes as P } from 'parse5';

const HTML_NS = 'http://www.w3.org/1999/xhtml';

type PNode = P.ChildNode;

/** Copies attributes, skipping names the DOM refuses (real pages have `"`, `<` and worse as attribute names). */
function copyAttrs(el: Element, attrs: readonly { name: string; value: string }[]): void {
  for (const a of attrs) {
    try {
      el.setAttribute(a.name, a.value);
    } catch {
      // An attribute no DOM method can create carries no text we read.
    }
  }
}

/**
 * A linkedom Document holding the HTML as a browser would parse it. Never
 * throws on any string (parse5 recovers from every parse error, as browsers do).
 */
export function parseHtmlDocument(html: string): Document {
  const tree = parse(html);
  const { document } = parseHTML('<!doctype html><html></html>');
  const doc = document as unknown as Document;
  const root = doc.documentElement;
  const htmlNode = tree.childNodes.find((n): n is P.Element => n.nodeName === 'html');
  if (!htmlNode) return doc;
  copyAttrs(root, htmlNode.attrs);
  // Explicit stack of (source children, target parent): any depth is safe.
  const stack: Array<{ nodes: PNode[]; i: number; into: Node }> = [{ nodes: htmlNode.childNodes, i: 0, into: root }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top.i >= top.nodes.length) {
      stack.pop();
      continue;
    }
    const n = top.nodes[top.i++];
    if (n.nodeName === '#text') {
      top.into.appendChild(doc.createTextNode((n as P.TextNode).value));
    } else if (n.nodeName === '#comment') {
      top.into.appendChild(doc.createComment((n as P.CommentNode).data));
    } else if ('tagName' in n) {
      const el = n.namespaceURI === HTML_NS ? doc.createElement(n.tagName) : doc.createElementNS(n.namespaceURI, n.tagName);
      copyAttrs(el, n.attrs);
      top.into.appendChild(el);
      // A template's children live in its content fragment, outside the tree (as in browsers).
      if (n.tagName !== 'template' && n.childNodes.length > 0) stack.push({ nodes: n.childNodes, i: 0, into: el });
    }
  }
  return doc;
}

/**
 * The document a browser shows for a text/plain page: the text in one <pre>
 * (line breaks normalised as the HTML input stream normalises them).
 */
export function plainTextDocument(text: string): Document {
  const doc = parseHtmlDocument('<!doctype html><html><head></head><body></body></html>');
  const pre = doc.createElement('pre');
  pre.appendChild(doc.createTextNode(text.replace(/\r\n?/g, '\n').replace(/\0/g, '\uFFFD')));
  doc.body.appendChild(pre);
  return doc;
}
