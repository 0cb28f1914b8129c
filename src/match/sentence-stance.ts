// Stance of a page sentence toward a matched claim. The sentence's own
// polarity comes from the shared denial detector (denials, "baseless",
// "never sold", negated event verbs); a claim that is itself a denial flips
// it, so "Pyongyang called the reports lies" supports "North Korea denies ...".
import type { Stance } from '../kb/types';
import { denialCue } from '../nlp/stance';

export interface SentenceStance {
  stance: Stance;
  cue: string | null;
}

export function sentenceStance(sentence: string, claimIsDenial: boolean): SentenceStance {
  const d = denialCue(sentence);
  const contradicts = d.denies !== claimIsDenial;
  return { stance: contradicts ? 'contradicts' : 'supports', cue: d.cue };
}
