// How alike two words, or two bags of weighted words, are: identical lemmas,
// WordNet synonyms and derivations, hypernyms, then vector neighbours, never
// antonyms. One scorer shared by the KB builder (clustering statements) and
// the matcher (a page's sentence against a claim).

import { lexicon } from './default-lexicon';
import type { LexPos } from './lexicon-data';
import type { WeightedTerm } from './terms';

const ALL_POS: readonly LexPos[] = ['n', 'v', 'a'];
const BIT: Record<LexPos, number> = { n: 1, v: 2, a: 4, r: 8 };
/** The parts of speech a term of each kind is compared as (a verb and its noun are derivations: "ship" ~ "shipment"). */
const TERM_MASK: Record<WeightedTerm['pos'], number> = { x: 0, v: BIT.v | BIT.n, n: BIT.n | BIT.v, a: BIT.a | BIT.n | BIT.v };
/** A set of parts of speech (4 bits) back as the list the lexicon takes; the order does not matter to it. */
const MASK_POS: readonly (readonly LexPos[])[] = Array.from({ length: 16 }, (_, m) => (['n', 'v', 'a', 'r'] as const).filter((p) => (m & BIT[p]) !== 0));
const maskOf = (pos: readonly LexPos[]): number => pos.reduce((m, p) => m | BIT[p], 0);
const ALL_MASK = maskOf(ALL_POS);

/** Share of the better of the two coverages in a bag overlap. */
export const BAG_MAX_SHARE = 0.65;
/** Codes of the pair cache: two 4-bit part-of-speech masks (below 256) for lemma scores, then callers' memo variants. */
const MEMO = 256;
/** Cached word pairs before the cache starts over (a long-lived worker reads many pages). */
const MAX_CACHED = 400_000;
/** Codes of a bag memo's keys per word (lemma id × BAG_CODES + code): part-of-speech masks below 16, callers' codes from 16. */
export const BAG_CODES = 32;
/** Entries in all bag memos (a row counts as 1 + half its length) before they all start over. */
const MAX_BAG_MEMO = 1_000_000;

export class TermSimilarity {
  /** Each lemma seen gets a small integer, so that the pair cache is keyed by numbers, not by strings. */
  private readonly ids = new Map<string, number>();
  /** Per lower id: (higher id × 512 + code) → score; see `cachedAt`. */
  private rows: (Map<number, number> | undefined)[] = [];
  private cached = 0;

  /** The small integer standing for a lemma in this scorer's caches. */
  idOf(lemma: string): number {
    let id = this.ids.get(lemma);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(lemma, id);
    }
    return id;
  }

  /** The cache row of pair scores for ids above `id`. */
  private row(id: number): Map<number, number> {
    let row = this.rows[id];
    if (!row) {
      if (this.cached > MAX_CACHED) { this.rows = []; this.cached = 0; }
      this.rows[id] = row = new Map();
    }
    return row;
  }

  /** 0..1: 1 for the same lemma, 0.85 synonyms/derivations, 0.6 hypernyms, 0.45–0.75 vector neighbours. */
  lemmas(a: string, b: string, posA: readonly LexPos[] = ALL_POS, posB: readonly LexPos[] = ALL_POS): number {
    if (a === b) return 1;
    return this.masked(a, b, posA === ALL_POS ? ALL_MASK : maskOf(posA), posB === ALL_POS ? ALL_MASK : maskOf(posB));
  }

  /** `lemmas` with the parts of speech as bit masks; the score of a pair depends on them, so they are part of the key. */
  private masked(a: string, b: string, ma: number, mb: number): number {
    return this.byIds(this.idOf(a), this.idOf(b), ma, mb, a, b);
  }

  private byIds(ia: number, ib: number, ma: number, mb: number, a: string, b: string): number {
    // The masks go in the order of the ids (no swap through arrays: this runs millions of times a page).
    const code = ia < ib ? (ma << 4) | mb : (mb << 4) | ma;
    const v = this.cachedAt(ia, ib, code);
    if (v !== undefined) return v;
    return this.store(ia, ib, code, lexicon().relation(a, b, MASK_POS[ma], MASK_POS[mb]).score);
  }

  /**
   * A memo for an unordered pair of lemma ids and a small variant number
   * (0–255), kept apart from the lemma scores: undefined until `memoSet`.
   */
  memoGet(ia: number, ib: number, variant: number): number | undefined {
    return this.cachedAt(ia, ib, MEMO + variant);
  }

  memoSet(ia: number, ib: number, variant: number, v: number): number {
    return this.store(ia, ib, MEMO + variant, v);
  }

  /** An unordered pair's cached value under a code (< 512): in the lower id's row, keyed by the higher id × 512 + code. */
  private cachedAt(ia: number, ib: number, code: number): number | undefined {
    return ia < ib ? this.rows[ia]?.get(ib * 512 + code) : this.rows[ib]?.get(ia * 512 + code);
  }

  private store(ia: number, ib: number, code: number, v: number): number {
    if (ia < ib) this.row(ia).set(ib * 512 + code, v);
    else this.row(ib).set(ia * 512 + code, v);
    this.cached++;
    return v;
  }

  terms(a: WeightedTerm, b: WeightedTerm): number {
    if (a.lemma === b.lemma) return 1;
    if (a.pos === 'x' || b.pos === 'x') return 0;
    return this.masked(a.lemma, b.lemma, TERM_MASK[a.pos], TERM_MASK[b.pos]);
  }

  areAntonyms(a: string, b: string): boolean {
    return lexicon().areAntonyms(a, b);
  }

  /** A bag's lemma ids, worked out once per bag: a page statement is compared with many signatures, a signature with many pages. */
  private readonly bagIdCache = new WeakMap<readonly WeightedTerm[], Int32Array>();
  bagIds(bag: readonly WeightedTerm[]): Int32Array {
    let ids = this.bagIdCache.get(bag);
    // (A bag grown since is worked out again.)
    if (!ids || ids.length !== bag.length) {
      ids = Int32Array.from(bag, (t) => this.idOf(t.lemma));
      this.bagIdCache.set(bag, ids);
    }
    return ids;
  }

  /**
   * Per-bag memos, under callers' codes. A claim's bag meets the same page
   * words sentence after sentence, so a word is scored against it once, not
   * once per word pair per sentence. All memos start over together past a
   * total size (a long-lived worker reads many pages).
   */
  private readonly bagMemos = new WeakMap<readonly WeightedTerm[], { n: number; gen: number; memo: Map<number, number>; rows: Map<number, Float64Array> }>();
  private memoGen = 0;
  private memoSize = 0;
  private bagEntry(bag: readonly WeightedTerm[]): { memo: Map<number, number>; rows: Map<number, Float64Array> } {
    if (this.memoSize > MAX_BAG_MEMO) { this.memoGen++; this.memoSize = 0; }
    let e = this.bagMemos.get(bag);
    // (A bag grown since starts afresh, as in bagIds.)
    if (!e || e.n !== bag.length || e.gen !== this.memoGen) {
      e = { n: bag.length, gen: this.memoGen, memo: new Map(), rows: new Map() };
      this.bagMemos.set(bag, e);
    }
    return e;
  }

  /** A memo of numbers for one bag; the caller counts what it adds with `memoAdded`. */
  bagMemo(bag: readonly WeightedTerm[]): Map<number, number> {
    return this.bagEntry(bag).memo;
  }

  memoAdded(n = 1): void {
    this.memoSize += n;
  }

  /** One word's scores (its lemma id, as a term of the parts of speech in `mask`) against each term of `bag`. */
  private rowIn(bag: readonly WeightedTerm[], id: number, lemma: string, mask: number): Float64Array {
    const rows = this.bagEntry(bag).rows;
    const key = id * 16 + mask;
    let row = rows.get(key);
    if (row) return row;
    const ib = this.bagIds(bag);
    row = new Float64Array(bag.length);
    for (let j = 0; j < bag.length; j++) {
      // Same id, same lemma (the `terms` rules, on ids).
      if (id === ib[j]) row[j] = 1;
      else {
        const my = TERM_MASK[bag[j].pos];
        if (mask && my) row[j] = this.byIds(id, ib[j], mask, my, lemma, bag[j].lemma);
      }
    }
    rows.set(key, row);
    this.memoSize += 1 + (bag.length >> 1);
    return row;
  }

  /**
   * How much of A's weight B covers, and of B's weight A covers:
   * Σ w(a)·max sim(a, b) / Σ w(a), both ways from one pass over the pairs.
   * The rows are remembered with B: pass the long-lived bag (a claim's) as B.
   */
  coverages(a: readonly WeightedTerm[], b: readonly WeightedTerm[]): [number, number] {
    const ia = this.bagIds(a);
    const colMax = new Float64Array(b.length);
    let num = 0;
    let den = 0;
    for (let i = 0; i < a.length; i++) {
      const x = a[i];
      const row = this.rowIn(b, ia[i], x.lemma, TERM_MASK[x.pos]);
      let best = 0;
      for (let j = 0; j < row.length; j++) {
        const v = row[j];
        if (v > best) best = v;
        if (v > colMax[j]) colMax[j] = v;
      }
      num += x.weight * best;
      den += x.weight;
    }
    let numB = 0;
    let denB = 0;
    for (let j = 0; j < b.length; j++) {
      numB += b[j].weight * colMax[j];
      denB += b[j].weight;
    }
    return [den ? num / den : 0, denB ? numB / denB : 0];
  }

  /** How much of A's weight B covers: Σ w(a)·max sim(a, b) / Σ w(a). */
  coverage(a: readonly WeightedTerm[], b: readonly WeightedTerm[]): number {
    return this.coverages(a, b)[0];
  }

  /**
   * Soft overlap of two weighted bags: mostly how well the one covers the
   * other (a terse restatement inside a detailed one), partly both ways.
   */
  bags(a: readonly WeightedTerm[], b: readonly WeightedTerm[]): number {
    if (!a.length || !b.length) return 0;
    const [x, y] = this.coverages(a, b);
    return BAG_MAX_SHARE * Math.max(x, y) + (1 - BAG_MAX_SHARE) * Math.min(x, y);
  }
}
