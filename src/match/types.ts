// The annotate contract (`npm run kb -- annotate`), also what the background
// returns to the content script, so CLI and extension highlight the same things.
import type { Stance } from '../kb/types';

export interface ActorMatch {
  actorId: string;
  /** Canonical name. */
  name: string;
  /** As written on the page. */
  text: string;
  start: number;
  end: number;
}

export interface ClaimSource {
  docId: string;
  title: string;
  quote: string;
  /** Actor name or null. */
  speaker: string | null;
  stance: Stance;
}

export interface ClaimMatch {
  claimId: string;
  /** Canonical claim text. */
  claim: string;
  /** The page's matched sentence. */
  text: string;
  start: number;
  end: number;
  /** Stance of the page's sentence toward the KB claim. */
  stance: Stance;
  score: number;
  sources: ClaimSource[];
}

export interface Annotation {
  text: string;
  actors: ActorMatch[];
  claims: ClaimMatch[];
}
