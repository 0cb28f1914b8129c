// Whether two statements say the same thing: the same actors in the same
// roles (or the converse: "X sold to Y" = "Y bought from X"), related
// predicates, and overlapping content, all through the language layer.
// Statements that only share actors stay apart.

import { lexicon } from '../lang/default-lexicon';
import { TermSimilarity } from '../lang/similarity';
import type { Roles, Statement } from './statements';

/** Weights of the parts of the score (they sum to 1). */
export const PRED_WEIGHT = 0.5;
export const CONTENT_WEIGHT = 0.5;
/** Verbs sharing a transfer frame (both giving, or both getting). */
export const FRAME_KIN = 0.6;
/** A match through a governed verb ("seeking to purchase" ~ "buy") counts this much of a main-verb match. */
export const CHAIN_PRED = 0.8;
/** Role agreement factors. */
export const ROLES_AGREE = 1;
export const ROLES_UNKNOWN = 0.8;
export const ROLES_SWAPPED = 0.35;
export const AGENTS_DIFFER = 0.2;

export interface Similarity {
  score: number;
  roles: number;
  pred: number;
  content: number;
  converse: boolean;
}

const NONE: Similarity = { score: 0, roles: 0, pred: 0, content: 0, converse: false };

function converse(a: Roles, b: Roles): boolean {
  // Same transfer seen from the other side: a's source is b's source and a's goal is b's goal, with agents swapped.
  return !!a.source && !!a.goal && a.source === b.source && a.goal === b.goal && a.agent !== b.agent;
}

function roleAgreement(a: Statement, b: Statement): { factor: number; converse: boolean } {
  const ra = a.roles;
  const rb = b.roles;
  if (converse(ra, rb)) return { factor: ROLES_AGREE, converse: true };
  if (ra.agent && rb.agent) {
    if (ra.agent === rb.agent) {
      // The same agent acting on different recipients is a different claim ("supplies Russia" vs "supplies Syria").
      if (ra.goal && rb.goal && ra.goal !== rb.goal) return { factor: ROLES_SWAPPED, converse: false };
      if (ra.patient && rb.patient && ra.patient !== rb.patient) return { factor: ROLES_SWAPPED, converse: false };
      return { factor: ROLES_AGREE, converse: false };
    }
    // "Russia supplies North Korea" vs "North Korea supplies Russia".
    if (ra.agent === (rb.goal ?? rb.patient) || rb.agent === (ra.goal ?? ra.patient)) return { factor: ROLES_SWAPPED, converse: false };
    return { factor: AGENTS_DIFFER, converse: false };
  }
  return { factor: ROLES_UNKNOWN, converse: false };
}

export class StatementSimilarity {
  readonly terms = new TermSimilarity();

  private predPair(x: string, y: string, isConverse: boolean): number {
    if (x === y) return 1;
    // "bought" vs "sold" seen from both sides is one transfer; otherwise antonyms are different events.
    if (this.terms.areAntonyms(x, y)) return isConverse ? 0.85 : 0;
    const s = this.terms.lemmas(x, y);
    // Two verbs of the same transfer frame (supply, sell, give / receive, buy, obtain) describe one kind of event.
    const fx = lexicon().frame(x);
    if (fx && fx === lexicon().frame(y)) return Math.max(s, FRAME_KIN);
    if (isConverse && fx && lexicon().frame(y) === 3 - fx) return Math.max(s, FRAME_KIN);
    return s;
  }

  /**
   * The main predicates' similarity; a little less through the rest of the
   * verb chains, or through the other's content ("made a trip" ~ "met …
   * during a trip", "launched missiles" ~ "a missile launch").
   */
  predicates(a: Statement, b: Statement, isConverse: boolean): number {
    let best = this.predPair(a.pred, b.pred, isConverse);
    if (best === 1) return 1;
    for (const x of a.preds) for (const y of b.preds) if (x !== a.pred || y !== b.pred) best = Math.max(best, CHAIN_PRED * this.predPair(x, y, isConverse));
    for (const t of b.terms) if (t.pos !== 'x') best = Math.max(best, CHAIN_PRED * this.predPair(a.pred, t.lemma, isConverse));
    for (const t of a.terms) if (t.pos !== 'x') best = Math.max(best, CHAIN_PRED * this.predPair(b.pred, t.lemma, isConverse));
    return best;
  }

  compare(a: Statement, b: Statement): Similarity {
    if (a.docId === b.docId && a.sent === b.sent) return NONE;
    if (!a.actors.some((x) => b.actors.includes(x))) return NONE;
    const { factor, converse: conv } = roleAgreement(a, b);
    const pred = this.predicates(a, b, conv);
    const content = this.terms.bags(a.terms, b.terms);
    return { score: factor * (PRED_WEIGHT * pred + CONTENT_WEIGHT * content), roles: factor, pred, content, converse: conv };
  }
}
