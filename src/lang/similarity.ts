// How alike two words, or two bags of weighted words, are: identical lemmas,
// WordNet synonyms and derivations, hypernyms, then vector neighbours, never
// antonyms. One scorer shared by the KB builder (clustering statements) and
// the matcher (a page's sentence against a claim).

import { lexicon } from './default-lexicon';
import type { LexPos } from './lexicon-data';
import type { WeightedTerm } from './terms';

const ALL_POS: readonly LexPos[] = ['n', 'v', 'a'];
const posList = (p: WeightedTerm['pos']): readonly LexPos[] => (p === 'x' ? [] : p === 'v' ? ['v', 'n'] : p === 'n' ? ['n', 'v'] : ['a', 'n', 'v']);

/** Share of the better of the two coverages in a bag overlap. */
export const BAG_MAX_SHARE = 0.65;

export class TermSimilarity {
  /** Two levels (lemma → lemma → score), ordered pair: no key strings to build on the hot path. */
  private readonly cache = new Map<string, Map<string, number>>();
  private cached = 0;

  /** 0..1: 1 for the same lemma, 0.85 synonyms/derivations, 0.6 hypernyms, 0.45–0.75 vector neighbours. */
  lemmas(a: string, b: string, posA: readonly LexPos[] = ALL_POS, posB: readonly LexPos[] = ALL_POS): number {
    if (a === b) return 1;
    const x = a < b ? a : b;
    const y = a < b ? b : a;
    let row = this.cache.get(x);
    let v = row?.get(y);
    if (v === undefined) {
      v = lexicon().relation(a, b, posA, posB).score;
      if (this.cached > 400_000) { this.cache.clear(); this.cached = 0; row = undefined; }
      if (!row) this.cache.set(x, (row = new Map()));
      row.set(y, v);
      this.cached++;
    }
    return v;
  }

  terms(a: WeightedTerm, b: WeightedTerm): number {
    if (a.lemma === b.lemma) return 1;
    if (a.pos === 'x' || b.pos === 'x') return 0;
    return this.lemmas(a.lemma, b.lemma, posList(a.pos), posList(b.pos));
  }

  areAntonyms(a: string, b: string): boolean {
    return lexicon().areAntonyms(a, b);
  }

  /** How much of A's weight B covers: Σ w(a)·max sim(a, b) / Σ w(a). */
  coverage(a: readonly WeightedTerm[], b: readonly WeightedTerm[]): number {
    let num = 0;
    let den = 0;
    for (const x of a) {
      let best = 0;
      for (const y of b) {
        const s = this.terms(x, y);
        if (s > best) best = s;
        if (best === 1) break;
      }
      num += x.weight * best;
      den += x.weight;
    }
    return den ? num / den : 0;
  }

  /**
   * Soft overlap of two weighted bags: mostly how well the one covers the
   * other (a terse restatement inside a detailed one), partly both ways.
   */
  bags(a: readonly WeightedTerm[], b: readonly WeightedTerm[]): number {
    if (!a.length || !b.length) return 0;
    const x = this.coverage(a, b);
    const y = this.coverage(b, a);
    return BAG_MAX_SHARE * Math.max(x, y) + (1 - BAG_MAX_SHARE) * Math.min(x, y);
  }
}
