// The language layer's word knowledge, read from the compiled data
// (src/lang/data/lexicon.json, made by src/lang/compile from WordNet, GloVe
// vectors and compromise). Pure and synchronous: the same object serves the
// KB builder, the matcher, the CLI and the service worker.

import { ITERATIVE_PREFIXES } from './cues';
import { LEXICON_SCHEMA, type LexiconData, type LexPos } from './lexicon-data';

const POS_INDEX: readonly LexPos[] = ['n', 'v', 'a', 'r'];
const BIT: Record<LexPos, number> = { n: 1, v: 2, a: 4, r: 8 };
const POS_LISTS: readonly (readonly LexPos[])[] = Array.from({ length: 16 }, (_, m) => Object.freeze(POS_INDEX.filter((p) => (m & BIT[p]) !== 0)));
const NO_POS: readonly LexPos[] = POS_LISTS[0];

export type Relation = 'same' | 'synonym' | 'hypernym' | 'kin' | 'neighbour' | 'antonym' | 'none';

/** How strongly two related words count as the same idea (named here so the scores read in one place). */
export const RELATION_SCORE: Record<Relation, number> = {
  same: 1,
  synonym: 0.85,
  hypernym: 0.6,
  // Taxonomic kin (nouns close in WordNet's tree: "weapon" ~ "munition") score by their Wu-Palmer similarity (kinScore).
  kin: 0.4,
  // Neighbours score by their cosine (neighbourScore).
  neighbour: 0.6,
  antonym: 0,
  none: 0,
};

/** Vector cosine from which two words count as neighbours (GloVe puts topic words near each other: keep it high). */
export const NEIGHBOUR_MIN_COS = 0.55;

/** Nouns this close in WordNet's tree (Wu-Palmer) are kin ("weapon" ~ "munition", "missile" ~ "rocket"). */
export const KIN_MIN_WUP = 0.7;

/** A verb doing its stem again ("revisit", "re-elect") must be this many times rarer than the stem ("remark" is no "mark" again, but it is as common). */
export const ITERATIVE_MIN_RARITY = 25;
/** Shortest stem an iterative prefix is taken off for ("reform" is not "form" again). */
export const ITERATIVE_MIN_STEM = 4;

/** A kin's score: Wu-Palmer 0.7 → 0.25, 1 → 0.55. */
export function kinScore(wup: number): number {
  return Math.min(0.55, wup - 0.45);
}

/** A neighbour's score: its cosine mapped onto [0.45, 0.75]. */
export function neighbourScore(cos: number): number {
  return Math.min(0.75, 0.45 + (cos - NEIGHBOUR_MIN_COS) * 0.9);
}

function decodeBase64(b64: string): Int8Array {
  // atob exists in service workers, browsers and Node ≥ 16.
  const bin = atob(b64);
  const out = new Int8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = (bin.charCodeAt(i) << 24) >> 24;
  return out;
}

export class Lexicon {
  private readonly words: string[];
  private readonly ids = new Map<string, number>();
  private readonly posBits: Uint8Array;
  /** form id → per pos index, lemma id (or -1). */
  private readonly formLemma = new Map<number, Int32Array>();
  /** (word id × 4 + pos index) → entry index in the parallel arrays. */
  private readonly entryAt = new Map<number, number>();
  private readonly e: LexiconData['entries'];
  private readonly antonymSet = new Set<number>();
  private readonly vec: Int8Array;
  private readonly dims: number;
  private readonly vecRow = new Map<number, number>();
  private readonly vecNorm: Float32Array;
  private readonly tax: LexiconData['taxonomy'];
  private readonly taxAt = new Map<number, number>();
  readonly lexnames: readonly string[];
  readonly closed: Readonly<Record<string, string>>;
  private readonly open: string;

  constructor(data: LexiconData) {
    if (data.schema !== LEXICON_SCHEMA) throw new Error(`lexicon: unexpected schema ${String(data.schema)}`);
    this.words = data.words.split('\n');
    this.words.forEach((w, i) => this.ids.set(w, i));
    this.posBits = new Uint8Array(this.words.length);
    for (let i = 0; i < data.pos.length; i++) this.posBits[i] = parseInt(data.pos[i], 16);
    for (let i = 0; i < data.forms.length; i += 3) {
      const [form, pos, lemma] = [data.forms[i], data.forms[i + 1], data.forms[i + 2]];
      let row = this.formLemma.get(form);
      if (!row) { row = new Int32Array(4).fill(-1); this.formLemma.set(form, row); }
      if (row[pos] < 0) row[pos] = lemma;
    }
    this.e = data.entries;
    this.e.keys.forEach((k, i) => this.entryAt.set(k, i));
    for (let i = 0; i < data.antonyms.length; i += 2) {
      this.antonymSet.add(pairKey(data.antonyms[i], data.antonyms[i + 1]));
    }
    this.tax = data.taxonomy;
    this.tax.ids.forEach((id, i) => this.taxAt.set(id, i));
    this.dims = data.vectors.dims;
    this.vec = decodeBase64(data.vectors.data);
    this.vecNorm = new Float32Array(data.vectors.ids.length);
    data.vectors.ids.forEach((id, r) => {
      this.vecRow.set(id, r);
      let n = 0;
      for (let d = 0; d < this.dims; d++) n += this.vec[r * this.dims + d] ** 2;
      this.vecNorm[r] = Math.sqrt(n) || 1;
    });
    this.lexnames = data.lexnames;
    this.closed = data.closed;
    this.open = data.open;
  }

  /** Word id (a frequency rank for frequent words), or -1. */
  id(word: string): number {
    return this.ids.get(word) ?? -1;
  }

  word(id: number): string {
    return this.words[id] ?? '';
  }

  /** Frequency rank of a word; unknown words rank after the whole vocabulary. */
  rank(word: string): number {
    const id = this.ids.get(word);
    return id === undefined ? this.words.length : id;
  }

  /** compromise's lexicon tag of a word in isolation: n, v, a, r, p (a name), or '' when it has none. */
  openTag(word: string): string {
    const id = this.ids.get(word);
    const c = id === undefined ? '.' : this.open[id] ?? '.';
    return c === '.' ? '' : c;
  }

  /** Parts of speech the word can have: as a lemma itself or as an inflection of one. */
  partsOfSpeech(word: string): readonly LexPos[] {
    const id = this.ids.get(word);
    if (id === undefined) return NO_POS;
    const row = this.formLemma.get(id);
    let bits = this.posBits[id];
    if (row !== undefined) for (let i = 0; i < 4; i++) if (row[i] >= 0) bits |= BIT[POS_INDEX[i]];
    // One shared list per combination: the taggers ask this of every word of every page.
    return POS_LISTS[bits & 15];
  }

  can(word: string, pos: LexPos): boolean {
    const id = this.ids.get(word);
    if (id === undefined) return false;
    return (this.posBits[id] & BIT[pos]) !== 0 || (this.formLemma.get(id)?.[POS_INDEX.indexOf(pos)] ?? -1) >= 0;
  }

  /**
   * Base form of a lower-case word for a part of speech. An inflected form
   * gives its lemma ("shipped" → "ship"); a word that is a lemma itself stays
   * ("based" as an adjective, "ongoing"); unknown words are returned as they are.
   */
  lemma(word: string, pos: LexPos): string {
    const id = this.ids.get(word);
    if (id === undefined) return pos === 'v' ? this.verbStem(word) ?? word : word;
    const row = this.formLemma.get(id);
    const viaForm = row ? row[POS_INDEX.indexOf(pos)] : -1;
    if (viaForm >= 0 && !(this.posBits[id] & BIT[pos])) return this.words[viaForm];
    if (viaForm >= 0 && pos === 'v') return this.words[viaForm];
    if (viaForm >= 0 && pos === 'n' && !this.entryAt.has(id * 4)) return this.words[viaForm];
    return word;
  }

  /**
   * The verb an unknown inflected form is of, by regular English spelling:
   * British doubling and other variants WordNet lacks ("funnelling",
   * "labelled" → "funnel", "label"; "okayed" → "okay"). Undefined for
   * known words and for forms no known verb explains.
   */
  verbStem(word: string): string | undefined {
    if (this.ids.has(word)) return undefined;
    const m = /^(.{2,}?)(ing|ed)$/.exec(word);
    if (!m) return undefined;
    const stem = m[1];
    const tries = [stem, `${stem}e`];
    if (stem.length > 2 && stem[stem.length - 1] === stem[stem.length - 2]) tries.push(stem.slice(0, -1));
    for (const t of tries) {
      const id = this.ids.get(t);
      if (id !== undefined && (this.posBits[id] & BIT.v) !== 0) return t;
    }
    return undefined;
  }

  /** Index of the (lemma, pos) entry in the parallel arrays, or -1. */
  private entry(lemma: string, pos: LexPos): number {
    const id = this.ids.get(lemma);
    return id === undefined ? -1 : this.entryAt.get(id * 4 + POS_INDEX.indexOf(pos)) ?? -1;
  }

  /** WordNet lexicographer class of the lemma's first sense ("verb.communication"), or ''. */
  lexname(lemma: string, pos: LexPos): string {
    const i = this.entry(lemma, pos);
    return i < 0 ? '' : this.lexnames[this.e.lexname[i]] ?? '';
  }

  /** 1: the verb gives (the subject transfers possession away), 2: it gets; 0: neither. */
  frame(lemma: string): number {
    const i = this.entry(lemma, 'v');
    return i < 0 ? 0 : this.e.frame[i];
  }

  concepts(lemma: string, pos: LexPos): readonly number[] {
    const i = this.entry(lemma, pos);
    return i < 0 ? [] : this.e.concepts.slice(this.e.conceptStart[i], this.e.conceptStart[i + 1]);
  }

  hypernyms(lemma: string, pos: LexPos): readonly number[] {
    const i = this.entry(lemma, pos);
    return i < 0 ? [] : this.e.hyper.slice(this.e.hyperStart[i], this.e.hyperStart[i + 1]);
  }

  areAntonyms(a: string, b: string): boolean {
    const ia = this.ids.get(a);
    const ib = this.ids.get(b);
    return ia !== undefined && ib !== undefined && this.antonymSet.has(pairKey(ia, ib));
  }

  /**
   * Wu-Palmer similarity of two nouns' first senses in WordNet's taxonomy:
   * 2 × depth(lowest common hypernym) / (depth(a) + depth(b)); 0 when either is unknown.
   */
  taxonomic(a: string, b: string): number {
    const ia = this.taxAt.get(this.ids.get(a) ?? -1);
    const ib = this.taxAt.get(this.ids.get(b) ?? -1);
    if (ia === undefined || ib === undefined) return 0;
    const { start, nodes } = this.tax;
    const la = start[ia + 1] - start[ia];
    const lb = start[ib + 1] - start[ib];
    let common = 0;
    while (common < la && common < lb && nodes[start[ia] + common] === nodes[start[ib] + common]) common++;
    return la + lb ? (2 * common) / (la + lb) : 0;
  }

  /**
   * Two verbs' cosine, a verb done again ("revisit") standing also for its
   * stem: the rarer prefixed verb's own vector is a poor guide to its event.
   */
  verbCosine(a: string, b: string): number {
    const sa = this.iterativeStem(a);
    const sb = this.iterativeStem(b);
    let best = this.cosine(a, b);
    if (sa && sa !== b) best = Math.max(best, this.cosine(sa, b));
    if (sb && sb !== a) best = Math.max(best, this.cosine(a, sb));
    if (sa && sb) best = Math.max(best, this.cosine(sa, sb));
    return best;
  }

  /** Cosine of two frequent words' vectors (0 when either has none). Antonyms included: callers keep them apart. */
  cosine(a: string, b: string): number {
    const ia = this.ids.get(a);
    const ib = this.ids.get(b);
    if (ia === undefined || ib === undefined) return 0;
    const ra = this.vecRow.get(ia);
    const rb = this.vecRow.get(ib);
    if (ra === undefined || rb === undefined) return 0;
    const { vec, dims } = this;
    let dot = 0;
    for (let d = 0, oa = ra * dims, ob = rb * dims; d < dims; d++) dot += vec[oa + d] * vec[ob + d];
    return dot / (this.vecNorm[ra] * this.vecNorm[rb]);
  }

  /**
   * How two lemmas relate, across parts of speech (a noun and its verb are
   * derivations: "shipment" ~ "ship"). Antonyms are reported as such and
   * never as neighbours, although vectors put them side by side.
   */
  relation(a: string, b: string, posA: readonly LexPos[] = POS_INDEX, posB: readonly LexPos[] = POS_INDEX): { relation: Relation; score: number } {
    const r = this.direct(a, b, posA, posB);
    if (r.relation !== 'none' && r.relation !== 'kin' && r.relation !== 'neighbour') return r;
    // "revisited Putin" ~ "met Putin": WordNet files "revisit" under going and returning, not under visiting.
    const via = this.viaStem(a, b, posA, posB) ?? this.viaStem(b, a, posB, posA);
    return via && via.score > r.score ? via : r;
  }

  /**
   * The verb a verb does again: "revisit" → "visit", "re-elect" → "elect";
   * only when the stem is a verb lemma of its own, long enough and far more
   * frequent ("remark", "reform" and "replace" are words of their own).
   */
  iterativeStem(word: string): string | undefined {
    for (const pre of ITERATIVE_PREFIXES) {
      if (!word.startsWith(pre)) continue;
      const stem = word.slice(pre.length).replace(/^-/, '');
      if (stem.length < ITERATIVE_MIN_STEM || !this.can(stem, 'v') || this.lemma(stem, 'v') !== stem) continue;
      if (this.ids.has(word) && this.rank(word) < ITERATIVE_MIN_RARITY * this.rank(stem)) continue;
      return stem;
    }
    return undefined;
  }

  /** A verb done again relates as a kind of its stem's event: to the stem itself, and to what the stem relates to, at most as a hypernym. */
  private viaStem(a: string, b: string, posA: readonly LexPos[], posB: readonly LexPos[]): { relation: Relation; score: number } | undefined {
    if (!posA.includes('v')) return undefined;
    const stem = this.iterativeStem(a);
    if (!stem || stem === a) return undefined;
    if (stem === b) return { relation: 'hypernym', score: RELATION_SCORE.hypernym };
    // The stem as a verb: "revisit" is visiting again, not a visit (the noun's senses: "inspection").
    const r = this.direct(stem, b, ['v'], posB);
    if (r.relation === 'none' || r.relation === 'antonym') return undefined;
    return { relation: r.relation === 'same' || r.relation === 'synonym' ? 'hypernym' : r.relation, score: Math.min(r.score, RELATION_SCORE.hypernym) };
  }

  /** `relation` from WordNet and the vectors alone. */
  private direct(a: string, b: string, posA: readonly LexPos[], posB: readonly LexPos[]): { relation: Relation; score: number } {
    if (a === b) return { relation: 'same', score: RELATION_SCORE.same };
    if (this.areAntonyms(a, b)) return { relation: 'antonym', score: 0 };
    let hyper = false;
    const { concepts, conceptStart, hyper: hy, hyperStart } = this.e;
    for (const pa of posA) {
      const ia = this.entry(a, pa);
      if (ia < 0) continue;
      for (const pb of posB) {
        const ib = this.entry(b, pb);
        if (ib < 0) continue;
        if (overlap(concepts, conceptStart[ia], conceptStart[ia + 1], concepts, conceptStart[ib], conceptStart[ib + 1])) {
          return { relation: 'synonym', score: RELATION_SCORE.synonym };
        }
        if (!hyper && (overlap(hy, hyperStart[ia], hyperStart[ia + 1], concepts, conceptStart[ib], conceptStart[ib + 1])
          || overlap(hy, hyperStart[ib], hyperStart[ib + 1], concepts, conceptStart[ia], conceptStart[ia + 1]))) hyper = true;
      }
    }
    if (hyper) return { relation: 'hypernym', score: RELATION_SCORE.hypernym };
    const cos = this.cosine(a, b);
    const nouns = posA.includes('n') && posB.includes('n');
    const wp = nouns ? this.taxonomic(a, b) : 0;
    const kin = wp >= KIN_MIN_WUP ? kinScore(wp) : 0;
    const near = cos >= NEIGHBOUR_MIN_COS ? neighbourScore(cos) : 0;
    if (kin > near) return { relation: 'kin', score: kin };
    if (near > 0) return { relation: 'neighbour', score: near };
    return { relation: 'none', score: 0 };
  }
}

function pairKey(a: number, b: number): number {
  return a < b ? a * 1_000_003 + b : b * 1_000_003 + a;
}

/** Do the sorted ranges a[as, ae) and b[bs, be) share a value? */
function overlap(a: readonly number[], as: number, ae: number, b: readonly number[], bs: number, be: number): boolean {
  let i = as;
  let j = bs;
  while (i < ae && j < be) {
    if (a[i] === b[j]) return true;
    if (a[i] < b[j]) i++;
    else j++;
  }
  return false;
}
