// The language layer's one lexicon (src/lang/data/lexicon.json, compiled by
// src/lang/compile). Hosts install it before the pipeline runs: Node reads the
// file (src/lang/node-lexicon.ts), the service worker fetches it from the
// package (it is data, not code: an 8 MB module would be slow to parse).

import { Lexicon } from './lexicon';
import type { LexiconData } from './lexicon-data';

let installed: Lexicon | null = null;
let loader: (() => LexiconData) | null = null;

/** Install the lexicon from its data (the service worker, after fetching lexicon.json). */
export function installLexicon(data: LexiconData): void {
  installed = new Lexicon(data);
}

/** Register how to read the data on first use (Node: from the file). */
export function setLexiconLoader(load: () => LexiconData): void {
  loader = load;
}

export function lexiconInstalled(): boolean {
  return installed !== null;
}

export function lexicon(): Lexicon {
  if (!installed) {
    if (!loader) throw new Error('Claimlens: the language data (lexicon.json) is not loaded yet');
    installed = new Lexicon(loader());
  }
  return installed;
}
