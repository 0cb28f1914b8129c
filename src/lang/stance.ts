// Stance cues of one sentence, on any topic: does it call something untrue
// ("a hoax", "fake", "turned out to be", "no evidence", "never happened")?
// The cues are data (src/lang/data/cues.json); a cue under negation ("not a
// hoax") does not count.

import { DEBUNK_MEDIA, DEBUNK_PHRASES, DEBUNK_WORDS, NO_COMMENT_PHRASES } from './cues';
import { lexicon } from './default-lexicon';
import type { Word } from './tagger';
import type { Token } from './tokens';

const NEGATORS = /^(?:not|n't|never|no|nor|hardly)$/;

/** A negator earlier in the same clause ("not a fake or a hoax", "isn't really a hoax"). */
function negatedBefore(words: Word[], i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 6; k--) {
    if (NEGATORS.test(words[k].norm) || words[k].tag === 'neg') return true;
    if (/[,;:.]/.test(words[k].after) || /^(?:but|yet|although|though)$/.test(words[k].norm)) return false;
  }
  return false;
}

/** Is this word itself a debunk cue ("fake", "hoax", "debunked")? */
export function isDebunkWord(lemma: string): boolean {
  return DEBUNK_WORDS.has(lemma);
}

/** The phrases by their first word ('*' for those opening with any word): each word is tried only against its own. */
const PHRASES_BY_FIRST = new Map<string, string[][]>();
for (const ph of DEBUNK_PHRASES) PHRASES_BY_FIRST.set(ph[0], [...(PHRASES_BY_FIRST.get(ph[0]) ?? []), ph]);
const NO_PHRASES: readonly string[][] = [];

/** The phrases that may start at word i, in the order of the list. */
function phrasesAt(w: Pick<Word, 'norm' | 'text'>): readonly string[][] {
  const lower = w.text.toLowerCase();
  const a = PHRASES_BY_FIRST.get(w.norm) ?? NO_PHRASES;
  const b = lower !== w.norm ? PHRASES_BY_FIRST.get(lower) ?? NO_PHRASES : NO_PHRASES;
  const any = PHRASES_BY_FIRST.get('*') ?? NO_PHRASES;
  if (!b.length && !any.length) return a;
  return DEBUNK_PHRASES.filter((ph) => a.includes(ph) || b.includes(ph) || any.includes(ph));
}

function phraseAt(words: readonly Pick<Word, 'norm' | 'text'>[], i: number, ph: readonly string[]): boolean {
  if (i + ph.length > words.length) return false;
  for (let k = 0; k < ph.length; k++) {
    if (!(ph[k] === '*' || ph[k] === words[i + k].norm || ph[k] === words[i + k].text.toLowerCase())) return false;
  }
  return true;
}

/** Things a debunk adjective does not call untrue: goods and other things that are no claim (WordNet's classes). */
const THING_CLASSES = new Set(['noun.artifact', 'noun.object', 'noun.food', 'noun.substance', 'noun.plant', 'noun.animal', 'noun.possession']);

/**
 * * "fake kitchen appliances", "fake banknotes": a debunk adjective before the noun
 * it modifies, when that noun is a thing and not one of the media a hoax is
 * told in ("fake photos"), names a counterfeit, not an untrue claim.
 */
function counterfeit(words: readonly Word[], i: number): boolean {
  const w = words[i];
  // (A tagger may read the modifier as a noun: "20,000 fake kitchen appliances".)
  if ((w.tag !== 'adj' && w.tag !== 'noun') || w.after) return false;
  let h = i + 1;
  while (h + 1 < words.length && (words[h].tag === 'adj' || words[h].tag === 'noun') && !words[h].after && words[h + 1].tag === 'noun') h++;
  const head = words[h];
  if (!head || head.tag !== 'noun') return false;
  const L = lexicon();
  if (!THING_CLASSES.has(L.lexname(head.lemma, 'n'))) return false;
  return !DEBUNK_MEDIA.some((m) => {
    const r = L.relation(head.lemma, m, ['n'], ['n']).relation;
    return r === 'same' || r === 'synonym' || r === 'hypernym';
  });
}

/** Index of the first debunk cue (word or phrase) in the words, or -1. */
export function debunkCueAt(words: Word[]): number {
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if ((DEBUNK_WORDS.has(w.norm) || DEBUNK_WORDS.has(w.lemma)) && !negatedBefore(words, i) && !counterfeit(words, i)) return i;
    for (const ph of phrasesAt(w)) {
      if (phraseAt(words, i, ph) && !(ph[0] !== 'no' && ph[0] !== 'not' && ph[0] !== 'never' && negatedBefore(words, i))) return i;
    }
  }
  return -1;
}

export function isDebunk(words: Word[]): boolean {
  return debunkCueAt(words) >= 0;
}

/** Indices of every word that belongs to a debunk cue of the sentence ("not real", "turned out to be", "hoax"). */
export function debunkWords(words: Word[]): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if ((DEBUNK_WORDS.has(w.norm) || DEBUNK_WORDS.has(w.lemma)) && !counterfeit(words, i)) out.add(i);
    for (const ph of phrasesAt(w)) if (phraseAt(words, i, ph)) for (let k = 0; k < ph.length; k++) out.add(i + k);
  }
  return out;
}

/**
 * Might these tokens hold a debunk cue? A cheap test on untagged tokens
 * (negation and lemmas are left to debunkCueAt on the tagged sentence), for
 * sentences a page reader would otherwise not read at all.
 */
export function mayDebunk(tokens: readonly Token[]): boolean {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (DEBUNK_WORDS.has(t.norm) || (t.norm.endsWith('s') && DEBUNK_WORDS.has(t.norm.slice(0, -1)))) return true;
    for (const ph of phrasesAt(t)) if (phraseAt(tokens, i, ph)) return true;
  }
  return false;
}

/** "X has not responded to requests for comment", "declined to comment": the formula for a party that did not speak (cues.json noComment). */
export function isNoComment(words: readonly Pick<Word, 'norm' | 'text'>[]): boolean {
  for (let i = 0; i < words.length; i++) {
    // Only the phrases opening on this word are tried: this runs on every sentence of every page.
    const phs = NO_COMMENT_BY_FIRST.get(words[i].norm);
    if (phs) for (const ph of phs) if (phraseAt(words, i, ph)) return true;
  }
  return false;
}
const NO_COMMENT_BY_FIRST = new Map<string, string[][]>();
for (const ph of NO_COMMENT_PHRASES) NO_COMMENT_BY_FIRST.set(ph[0], [...(NO_COMMENT_BY_FIRST.get(ph[0]) ?? []), ph]);
