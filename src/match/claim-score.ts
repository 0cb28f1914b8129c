// How well one sentence states one claim. Two parts, both in [0, 1]:
//  - actors: share of the claim's actors the sentence names. A head of state
//    stands for their country (0.75: "the Kim regime is arming Russia"), the
//    country only weakly for its head (0.5); another official stands for their country only weakly (0.5) and
//    never for the claim's subject ("Moscow hosted ..." is not Lavrov's visit);
//  - terms: idf-weighted share of the claim's own concepts the sentence uses,
//    plus a smaller credit for concepts the claim's evidence quotes use (the
//    corpus's other wordings), capped at 1.
// Gates keep "same actors, different story" out whatever the total: the
// sentence must name the claim's subject and most of its actors, and use at
// least one concept of the claim's own wording.
import type { ClaimProfile } from './claim-index';

export interface SentenceFeatures {
  actors: Set<number>;
  /** Countries that heads of state named in the sentence stand for. */
  headCountries: Set<number>;
  /** Countries of the other officials named in the sentence. */
  officialCountries: Set<number>;
  /** First and last offset of each actor (and stand-in country) in the sentence. */
  firstPos: Map<number, number>;
  lastPos: Map<number, number>;
  concepts: Set<string>;
  /** The same concepts as an array (iterated once per candidate claim). */
  conceptList: string[];
  /** Concepts only seen as unknown names or numbers: left out of the focus. */
  context: Set<string>;
  text: string;
}

export interface ScoreContext {
  proxies: Map<number, number[]>;
  heads: Set<number>;
}

export interface ClaimScore {
  score: number;
  actorCov: number;
  termCov: number;
  /** Share of the sentence's concepts the claim explains (its focus). */
  focus: number;
  coreHits: number;
}

/** Weight of actors vs terms in the total; terms carry the claim's content. */
export const ACTOR_WEIGHT = 0.4;
/**
 * A sentence that states a claim is mostly about it: the term part is scaled
 * from FOCUS_FLOOR (nothing else explained) to 1 (every concept explained), so
 * "Moscow hosted a film festival ... Pyongyang" is not "Russia and North Korea meet".
 */
export const FOCUS_FLOOR = 0.3;
/** Share of the claim's actors a sentence must name: both of two, two of three. */
export const MIN_ACTOR_COVERAGE = 0.66;


const NONE: readonly number[] = [];

function actorCredit(a: number, s: SentenceFeatures, ctx: ScoreContext): number {
  if (s.actors.has(a)) return 1;
  if (s.headCountries.has(a)) return 0.75;
  // A country's name alone stands for its head only weakly ("Moscow hosted ..." is no Putin meeting).
  if (ctx.heads.has(a)) {
    for (const c of ctx.proxies.get(a) ?? NONE) if (s.actors.has(c)) return 0.5;
  }
  if (s.officialCountries.has(a)) return 0.5;
  return 0;
}

function position(a: number, pos: Map<number, number>, ctx: ScoreContext): number | undefined {
  const direct = pos.get(a);
  if (direct !== undefined) return direct;
  for (const c of ctx.proxies.get(a) ?? NONE) {
    const p = pos.get(c);
    if (p !== undefined) return p;
  }
  return undefined;
}

const PASSIVE_AGENT = /\bby\s+(?:the\s+)?$/i;

/**
 * Score of claim `p` for sentence `s`, or null when a gate fails or the score
 * cannot exceed `floor` (the best found so far: skips the term work).
 */
export function scoreClaim(p: ClaimProfile, s: SentenceFeatures, ctx: ScoreContext, floor = -1): ClaimScore | null {
  if (p.actors.length === 0) return null;
  // Cheapest test first: most candidates share an actor but none of the claim's own concepts.
  const terms = p.coreTerms;
  let anyCore = false;
  for (let i = 0; i < terms.length; i++) {
    const conv = p.coreConverse[i];
    if (s.concepts.has(terms[i]) || (conv !== null && s.concepts.has(conv))) {
      anyCore = true;
      break;
    }
  }
  if (!anyCore) return null;
  if (actorCredit(p.actors[0], s, ctx) < 0.75) return null;
  let credit = 0;
  for (const a of p.actors) credit += actorCredit(a, s, ctx);
  const actorCov = credit / p.actors.length;
  if (actorCov < MIN_ACTOR_COVERAGE) return null;
  if (ACTOR_WEIGHT * actorCov + (1 - ACTOR_WEIGHT) < floor) return null;

  // Object named before subject: a directional verb reads the other way round
  // ("Russia sent dancers to North Korea" is not North Korea supplying Russia)
  // unless the subject is a passive agent ("... were sent to Russia by North Korea").
  // Last object mention: "The Kremlin said North Korea did not provide Russia ..." keeps its reading.
  let converse = false;
  if (p.actors.length >= 2) {
    const subj = position(p.actors[0], s.firstPos, ctx);
    const obj = position(p.actors[1], s.lastPos, ctx);
    converse = subj !== undefined && obj !== undefined && obj < subj && !PASSIVE_AGENT.test(s.text.slice(Math.max(0, subj - 12), subj));
  }
  let hit = 0;
  let coreHits = 0;
  for (let i = 0; i < terms.length; i++) {
    const conv = p.coreConverse[i];
    if (s.concepts.has(conv === null || !converse ? terms[i] : conv)) {
      hit += p.coreWeights[i];
      coreHits++;
    }
  }
  if (coreHits === 0) return null;
  let explained = 0;
  let counted = 0;
  for (const t of s.conceptList) {
    if (p.known.has(t)) {
      explained++;
      counted++;
      const w = p.bonus.get(t);
      if (w !== undefined) hit += w;
    } else if (!s.context.has(t)) counted++;
  }
  const termCov = p.coreMass > 0 ? Math.min(1, hit / p.coreMass) : 0;
  const focus = counted > 0 ? explained / counted : 0;
  const termPart = termCov * (FOCUS_FLOOR + (1 - FOCUS_FLOOR) * focus);
  return { score: ACTOR_WEIGHT * actorCov + (1 - ACTOR_WEIGHT) * termPart, actorCov, termCov, focus, coreHits };
}
