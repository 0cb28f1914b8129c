// The lexicon compiled into the build (src/lang/data/lexicon.json), loaded
// once on first use. Importing this module pulls the data into the bundle, so
// only the KB builder, the matcher and their hosts (CLI, service worker) do.

import data from './data/lexicon.json';
import { Lexicon } from './lexicon';
import type { LexiconData } from './lexicon-data';

let cached: Lexicon | null = null;

export function lexicon(): Lexicon {
  cached ??= new Lexicon(data as unknown as LexiconData);
  return cached;
}
