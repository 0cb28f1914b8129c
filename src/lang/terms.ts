// Content terms of a stretch of tagged words, weighted by how much they say:
// frequent words weigh little, rare words and names much (the weight is the
// word's frequency rank in the lexicon, on a log scale).

import { GENERIC_VERBS, REPORTING_VERBS } from './cues';
import { lexicon } from './default-lexicon';
import type { Word } from './tagger';

export interface WeightedTerm {
  lemma: string;
  pos: 'n' | 'v' | 'a' | 'x';
  weight: number;
}

const CONTENT = new Set(['noun', 'propn', 'verb', 'adj', 'num']);
const LOG_FLOOR = Math.log(60);
const PERCENT = 'percent';

/** 0.1 for the commonest words, rising to 1 for rare ones and names. */
export function rarity(lemma: string): number {
  const L = lexicon();
  const rank = L.rank(lemma);
  const span = Math.log(L.rank('\u0000')) - LOG_FLOOR;
  return Math.max(0.1, Math.min(1, (Math.log(rank + 1) - LOG_FLOOR) / span));
}

export function termOf(w: Word): WeightedTerm | null {
  if (!CONTENT.has(w.tag) || !/\p{L}|\d/u.test(w.text)) return null;
  // "a few", "one of": a number tag without digits is a determiner; "according (to)" marks a source.
  if ((w.tag === 'num' && !/\d/.test(w.text)) || w.norm === 'according' || w.norm.length < 2) return null;
  if (w.tag === 'verb' && (GENERIC_VERBS.has(w.lemma) || REPORTING_VERBS.has(w.lemma))) return null;
  const pos = w.tag === 'noun' ? 'n' : w.tag === 'verb' ? 'v' : w.tag === 'adj' ? 'a' : 'x';
  const lemma = w.tag === 'num' ? w.norm : w.lemma;
  const weight = w.tag === 'propn' || w.tag === 'num' ? 1 : rarity(lemma);
  return { lemma, pos, weight };
}

/** Content terms of words [from, to), skipping actor names (they are roles, not content). */
export function contentTerms(words: Word[], from: number, to: number, isActorWord: (w: Word) => boolean): WeightedTerm[] {
  const seen = new Map<string, WeightedTerm>();
  for (let i = from; i < to && i < words.length; i++) {
    const w = words[i];
    if (isActorWord(w)) continue;
    const t = termOf(w);
    if (!t) continue;
    // One way to write a share: "18%", "18 percent" and "18 per cent" are the same figure.
    if (t.pos === 'x' && /\d%$/.test(t.lemma)) {
      t.lemma = t.lemma.slice(0, -1);
      if (!seen.has(PERCENT)) seen.set(PERCENT, { lemma: PERCENT, pos: 'n', weight: rarity(PERCENT) });
    } else if (t.lemma === 'cent' && words[i - 1]?.norm === 'per') {
      t.lemma = PERCENT;
      t.weight = rarity(PERCENT);
    }
    if (!seen.has(t.lemma)) seen.set(t.lemma, t);
  }
  return [...seen.values()];
}
