// Denials rarely restate the proposition they deny: "North Korean officials
// called the arms reports a smear", "Peskov said the Americans had produced no
// evidence". When a sentence with a denial cue matches no claim outright, it
// still denies one when
//  - it names a claim's subject (or an official of it) and uses one of the
//    claim's core concepts ("arms", "transfers"): the best such claim; or
//  - it names an actor of the claim matched just before (this block or the
//    previous one) and says nothing but denial talk ("rumours",
//    "disinformation", "no evidence"): that claim.
// Either way the sentence may add at most one concept the claim does not
// explain, and no unknown name: "North Korea denied it had detained a fishing
// crew" or "Iran denied supplying drones to Sudan" deny something else.
import { concept, lemma } from '../nlp/lexicon';
import { denialCue } from '../nlp/stance';
import type { ClaimIndex, ClaimProfile } from './claim-index';
import type { SentenceFeatures } from './claim-score';
import type { TermExtractor } from './terms';

export interface DenialContext {
  /** Claim matched last on the page (-1 none) and the block it was in. */
  claim: number;
  block: number;
}

/** Words of denial talk and of the people who deny: they explain nothing but are not another story. */
const DENIAL_TALK = ('rumour rumor lie lies smear campaign slander slanderous fabrication fabricate fabricated disinformation ' +
  'misinformation propaganda evidence proof basis baseless groundless unfounded unsubstantiated nonsense absurd spread ' +
  'produce cook invent story tale image tarnish design place happen occur exist ever such false falsehood fake hoax ' +
  'untrue report claim allegation accusation stop senior diplomat spokesman spokeswoman spokesperson minister ministry ' +
  'foreign agency news medium media representative envoy insist flatly categorically outright whatsoever').split(/\s+/);

/** One-regex pre-test for denialCue's cues (most unmatched sentences have none). */
const DENIAL_HINT = /\b(?:den[iy]|refut|rebut|repudiat|reject|dismiss|disput|contest|baseless|groundless|unfounded|unsubstantiated|fabricat|made[- ]up|smear|slander|fake|hoax|untrue|nonsense|absurd|lies\b|false|misinformation|disinformation|propaganda|evidence|proof|basis|spread|nothing|involve|role|part|connection|not\b|never|no\b|no longer)|n['’]t\b/i;

let talkIds: Set<number> | null = null;
let talkOf: TermExtractor | null = null;

/** Concept ids of the denial talk; call before the KB's concepts are frozen so a trim keeps them. */
export function initDenialTalk(terms: TermExtractor): void {
  talkOf = terms;
  talkIds = new Set(DENIAL_TALK.map((w) => terms.idOf(concept(lemma(w)))));
}

function talk(terms: TermExtractor): Set<number> {
  if (talkOf !== terms || !talkIds) initDenialTalk(terms);
  return talkIds as Set<number>;
}

function named(a: number, s: SentenceFeatures): boolean {
  const st = s.stamp;
  return s.actorMark[a] === st || s.headMark[a] === st || s.officialMark[a] === st;
}

/** Share of the claim's actors the sentence names. */
function coverage(p: ClaimProfile, s: SentenceFeatures): number {
  let n = 0;
  for (const a of p.actors) if (named(a, s)) n++;
  return n / p.actors.length;
}

/** A mention right after a directional preposition is a party of the transfer ("supplying drones to Sudan"). */
const PARTY_BEFORE = /(?:^|[^A-Za-z])(?:to|from|into|with)\s+(?:the\s+)?$/;

/** The sentence names, as a party, an actor outside the claim: "denied supplying weapons to Syria" denies something else. */
function otherParty(p: ClaimProfile, s: SentenceFeatures): boolean {
  for (const a of s.actorList) {
    if (p.actors.includes(a) || s.posMark[a] !== s.stamp) continue;
    const pos = s.firstPos[a];
    if (PARTY_BEFORE.test(s.text.slice(Math.max(0, pos - 12), pos))) return true;
  }
  return false;
}

/** Concepts of the sentence the claim leaves unexplained, or -1 when the sentence names someone unknown. */
function leftover(p: ClaimProfile, s: SentenceFeatures, vocab: Set<number>, weak: Set<number>): number {
  let n = 0;
  const st = s.stamp;
  for (const c of s.conceptList) {
    if (s.contextMark[c] === st) {
      if (!weak.has(c) && isName(c, s)) return -1;
      continue;
    }
    if (vocab.has(c) || p.known.has(c)) continue;
    n++;
  }
  return n;
}

/** Context concepts are capitalised unknown words or numbers; numbers are fine. */
let namesOf: TermExtractor | null = null;
function isName(c: number, _s: SentenceFeatures): boolean {
  const name = namesOf?.names[c] ?? '';
  return !/^\d/.test(name);
}

export function denialMatch(sentence: string, s: SentenceFeatures, index: ClaimIndex, context: DenialContext, block: number,
  terms: TermExtractor): number {
  if (!DENIAL_HINT.test(sentence) || !denialCue(sentence).denies) return -1;
  namesOf = terms;
  const vocab = talk(terms);
  const weak = terms.weak;
  const { profiles, byConcept } = index;
  const st = s.stamp;
  // Core route: the claim's subject and one of its own concepts.
  let best = -1;
  let bestScore = 0;
  for (const c of s.conceptList) {
    if (s.contextMark[c] === st || vocab.has(c)) continue;
    for (const ci of byConcept.get(c) ?? []) {
      const p = profiles[ci];
      if (p.actors.length === 0 || !named(p.actors[0], s)) continue;
      let hit = 0;
      for (let i = 0; i < p.coreTerms.length; i++) if (s.conceptMark[p.coreTerms[i]] === st) hit += p.coreWeights[i];
      // Several claims share the subject and the concept: the one whose other actors the sentence names.
      const score = hit / p.coreMass + 0.05 * p.attestation + 0.5 * coverage(p, s);
      if (score <= bestScore || otherParty(p, s)) continue;
      const left = leftover(p, s, vocab, weak);
      if (left < 0 || left > 1) continue;
      best = ci;
      bestScore = score;
    }
  }
  if (best >= 0) return best;
  // Anaphoric route: the claim just matched, denied in other words by one of its actors.
  if (context.claim < 0 || block - context.block > 1) return -1;
  const p = profiles[context.claim];
  if (!p.actors.some((a) => named(a, s))) return -1;
  const left = leftover(p, s, vocab, weak);
  return left === 0 ? context.claim : -1;
}
