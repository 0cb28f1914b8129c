// Stance cues of one sentence, on any topic: does it call something untrue
// ("a hoax", "fake", "turned out to be", "no evidence", "never happened")?
// The cues are data (src/lang/data/cues.json); a cue under negation ("not a
// hoax") does not count.

import { DEBUNK_PHRASES, DEBUNK_WORDS } from './cues';
import type { Word } from './tagger';

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

/** Index of the first debunk cue (word or phrase) in the words, or -1. */
export function debunkCueAt(words: Word[]): number {
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if ((DEBUNK_WORDS.has(w.norm) || DEBUNK_WORDS.has(w.lemma)) && !negatedBefore(words, i)) return i;
    for (const ph of DEBUNK_PHRASES) {
      if (i + ph.length > words.length) continue;
      let ok = true;
      for (let k = 0; k < ph.length && ok; k++) ok = ph[k] === '*' || ph[k] === words[i + k].norm || ph[k] === words[i + k].text.toLowerCase();
      if (ok && !(ph[0] !== 'no' && ph[0] !== 'not' && ph[0] !== 'never' && negatedBefore(words, i))) return i;
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
    if (DEBUNK_WORDS.has(w.norm) || DEBUNK_WORDS.has(w.lemma)) out.add(i);
    for (const ph of DEBUNK_PHRASES) {
      if (i + ph.length > words.length) continue;
      let ok = true;
      for (let k = 0; k < ph.length && ok; k++) ok = ph[k] === '*' || ph[k] === words[i + k].norm || ph[k] === words[i + k].text.toLowerCase();
      if (ok) for (let k = 0; k < ph.length; k++) out.add(i + k);
    }
  }
  return out;
}
