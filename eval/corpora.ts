// The evaluation corpora: the bundled corpus with its gold, the six off-topic
// goldens (src/kb/fixtures/goldens), each built into a KB in-process the way
// `npm run kb -- build` builds it.
import '../src/lang/node-lexicon';

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingestFile } from '../src/html/readability';
import { buildKb } from '../src/kb/build';
import { evaluateGold, loadGold, type GoldReport } from '../src/kb/fixtures/gold/evaluate';
import { formatOf } from '../src/kb/ingest';
import type { Kb } from '../src/kb/types';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const GOLDENS = join(ROOT, 'src/kb/fixtures/goldens');

export interface Corpus {
  name: string;
  goldPath: string;
  corpusDir: string;
  /** Folder of held-out pages with labels.json (goldens only). */
  pagesDir?: string;
}

export function corpora(): Corpus[] {
  const bundled: Corpus = { name: 'bundled', goldPath: join(ROOT, 'src/kb/fixtures/gold/gold.json'), corpusDir: join(ROOT, 'assets/corpus') };
  const goldens = readdirSync(GOLDENS, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    .map((name): Corpus => ({ name, goldPath: join(GOLDENS, name, 'gold.json'), corpusDir: join(GOLDENS, name, 'articles'), pagesDir: join(GOLDENS, name, 'pages') }));
  return [bundled, ...goldens];
}

export function buildCorpus(dir: string): Kb {
  const files = readdirSync(dir).filter((f) => formatOf(f)).sort();
  return buildKb(files.map((f) => ingestFile(f, readFileSync(join(dir, f)))));
}

export function evaluateCorpus(c: Corpus, kb = buildCorpus(c.corpusDir)): { kb: Kb; report: GoldReport } {
  const { gold, corpusDir } = loadGold(c.goldPath);
  return { kb, report: evaluateGold(gold, corpusDir, kb, c.name) };
}
