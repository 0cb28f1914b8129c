// Node hosts (CLI, tests, benches, evaluations): the lexicon is read from the
// repository's compiled data file on first use. Import this module for its
// effect before using the language layer.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setLexiconLoader } from './default-lexicon';
import type { LexiconData } from './lexicon-data';

export const LEXICON_FILE = join(dirname(fileURLToPath(import.meta.url)), 'data/lexicon.json');

setLexiconLoader(() => JSON.parse(readFileSync(LEXICON_FILE, 'utf8')) as LexiconData);
