// How alike two words, or two bags of weighted words, are: identical lemmas,
// WordNet synonyms and derivations, hypernyms, then vector neighbours, never
// antonyms. One scorer shared by the KB builder (clustering statements) and
// the matcher (a page's sentence against a claim).

import { lexicon } from './default-lexicon';
import type { LexPos } from './lexicon-data';
import type { WeightedTerm } from './terms';

const ALL_POS: readonly LexPos[] = ['n', 'v', 'a'];
const posList = (p: WeightedTerm['pos']): readonly LexPos[] => (p === 'x' ? [] : p === 'v' ? ['v', 'n'] : p === 'n' ? ['n', 'v'] : ['a', 'n', 'v']);

export class TermSimilarity {
  private readonly cache = new Map<string, number>();

  /** 0..1: 1 for the same lemma, 0.85 synonyms/derivations, 0.6 hypernyms, 0.45–0.75 vector neighbours. */
  lemmas(a: string, b: string, posA: readonly LexPos[] = ALL_POS, posB: readonly LexPos[] = ALL_POS): number {
    if (a === b) return 1;
    const key = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
    let v = this.cache.get(key);
    if (v === undefined) {
      v = lexicon().relation(a, b, posA, posB).score;
      if (this.cache.size > 200_000) this.cache.clear();
      this.cache.set(key, v);
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

  /** Symmetric soft overlap of two weighted bags (mean of both coverages). */
  bags(a: readonly WeightedTerm[], b: readonly WeightedTerm[]): number {
    if (!a.length || !b.length) return 0;
    return (this.coverage(a, b) + this.coverage(b, a)) / 2;
  }
}
