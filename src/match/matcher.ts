// The matcher: built once from a KB (in the service worker or the CLI), then
// asked for the actors and claims of a page's text blocks. Pure TypeScript.
import type { Kb } from '../kb/types';
import { splitSentences } from '../nlp/sentences';
import { ActorAutomaton, type ActorCandidate } from './actor-automaton';
import { extraDemonyms } from './demonyms';
import { buildClaimIndex, type ClaimIndex } from './claim-index';
import { scoreClaim, type ClaimScore, type SentenceFeatures } from './claim-score';
import { sentenceStance } from './sentence-stance';
import { SourceResolver } from './sources';
import { TermExtractor } from './terms';
import type { ActorMatch, Annotation, ClaimMatch } from './types';

/**
 * Minimum score for a claim match. Chosen on the hand-written paraphrase set
 * (src/match/fixtures/paraphrases.ts) against the KB built from assets/corpus:
 * see matcher.quality.test.ts, which prints the precision/recall at this value.
 */
export const CLAIM_THRESHOLD = 0.7;

export interface BlockAnnotation {
  actors: ActorMatch[];
  claims: ClaimMatch[];
}

export interface Matcher {
  annotate(text: string): Annotation;
  annotateBlocks(blocks: string[]): BlockAnnotation[];
  /** Best-scoring claims for one sentence with their score parts, threshold ignored (for tuning and tests). */
  explain(sentence: string, top?: number): { claimId: string; claim: string; score: ClaimScore }[];
}

const HEAD_TITLE_AFTER = /^(?:['’]s)?\s+(?:supreme\s+)?(?:leader|president|prime minister|premier|king|queen|emperor|dictator|chairman)\b/i;

interface Scored {
  claim: number;
  score: ClaimScore;
  rank: number;
}

class KbMatcher implements Matcher {
  private readonly automaton: ActorAutomaton;
  private readonly terms = new TermExtractor();
  private readonly index: ClaimIndex;
  private readonly sources: SourceResolver;
  /** Per-claim stamp of the last sentence that looked at it: dedupes candidates without a Set per sentence. */
  private readonly seen: Int32Array;
  private stamp = 0;

  constructor(private readonly kb: Kb) {
    this.automaton = new ActorAutomaton(kb.actors, extraDemonyms);
    this.index = buildClaimIndex(kb, this.automaton, this.terms);
    this.sources = new SourceResolver(kb);
    this.seen = new Int32Array(kb.claims.length);
  }

  annotate(text: string): Annotation {
    // One block: sentences never cross a newline anyway, and offsets stay into `text`.
    const [block] = this.annotateBlocks([text]);
    return { text, actors: block.actors, claims: block.claims };
  }

  annotateBlocks(blocks: string[]): BlockAnnotation[] {
    const candidates = blocks.map((b) => this.automaton.scan(b));
    // The ambiguous-alias rule looks at the whole page: "Kim" counts once any
    // block names Kim Jong Un in full.
    const named = new Set<number>();
    for (const list of candidates) for (const c of list) if (!c.ambiguous && !c.hidden) named.add(c.actorIndex);
    return blocks.map((text, i) => {
      const actors = this.resolveActors(candidates[i], named);
      return { actors: actors.map((c) => this.actorMatch(c)), claims: this.matchClaims(text, candidates[i]) };
    });
  }

  explain(sentence: string, top = 1): { claimId: string; claim: string; score: ClaimScore }[] {
    const all: Scored[] = [];
    this.bestClaim(sentence, this.automaton.scan(sentence), 0, all);
    all.sort((a, b) => b.rank - a.rank);
    return all.slice(0, top).map((b) => ({ claimId: this.kb.claims[b.claim].id, claim: this.kb.claims[b.claim].text, score: b.score }));
  }

  /** One actor per span: drop ambiguous aliases of actors the page never names in full. */
  private resolveActors(cands: ActorCandidate[], named: Set<number>): ActorCandidate[] {
    const out: ActorCandidate[] = [];
    for (let i = 0; i < cands.length; ) {
      let j = i;
      while (j < cands.length && cands[j].start === cands[i].start) j++;
      const group = cands.slice(i, j).filter((c) => !c.hidden && (!c.ambiguous || named.has(c.actorIndex)));
      // Shared alias: the actor the page names in full wins.
      const pick = group.find((c) => named.has(c.actorIndex)) ?? group[0];
      if (pick) out.push(pick);
      i = j;
    }
    return out;
  }

  private actorMatch(c: ActorCandidate): ActorMatch {
    const a = this.kb.actors[c.actorIndex];
    return { actorId: a.id, name: a.name, text: c.text, start: c.start, end: c.end };
  }

  private matchClaims(text: string, cands: ActorCandidate[]): ClaimMatch[] {
    const out: ClaimMatch[] = [];
    if (this.kb.claims.length === 0) return out;
    let k = 0;
    for (const s of splitSentences(text)) {
      while (k < cands.length && cands[k].end <= s.start) k++;
      let e = k;
      while (e < cands.length && cands[e].start < s.end) e++;
      const inSentence = cands.slice(k, e).map((c) => ({ ...c, start: c.start - s.start, end: c.end - s.start }));
      const best = this.bestClaim(s.text, inSentence, CLAIM_THRESHOLD);
      if (!best) continue;
      const claim = this.kb.claims[best.claim];
      const profile = this.index.profiles[best.claim];
      out.push({
        claimId: claim.id,
        claim: claim.text,
        text: s.text,
        start: s.start,
        end: s.end,
        stance: sentenceStance(s.text, profile.denial).stance,
        score: Math.round(best.score.score * 1000) / 1000,
        sources: this.sources.sources(claim),
      });
    }
    return out;
  }

  /** `actors` are candidates with offsets relative to `sentence`. */
  private bestClaim(sentence: string, actors: ActorCandidate[], threshold: number, all?: Scored[]): Scored | null {
    if (actors.length === 0) return null;
    const feats = this.features(sentence, actors);
    if (feats.concepts.size === 0) return null;
    const { byActor, byConcept, profiles } = this.index;
    // Two complete routes to the candidates (a match needs an actor and a
    // concept of the claim); walk whichever has the shorter postings.
    const actorLists: number[][] = [];
    for (const a of [...feats.actors, ...feats.headCountries, ...feats.officialCountries]) {
      const l = byActor.get(a);
      if (l) actorLists.push(l);
    }
    const conceptLists: number[][] = [];
    for (const t of feats.concepts) {
      const l = byConcept.get(t);
      if (l) conceptLists.push(l);
    }
    const size = (ls: number[][]): number => ls.reduce((n, l) => n + l.length, 0);
    const lists = size(actorLists) <= size(conceptLists) ? actorLists : conceptLists;
    const stamp = ++this.stamp;
    let best: Scored | null = null;
    for (const l of lists) {
      for (const ci of l) {
        if (this.seen[ci] === stamp) continue;
        this.seen[ci] = stamp;
        const sc = scoreClaim(profiles[ci], feats, this.index);
        if (!sc || sc.score < threshold) continue;
        // Equal scores: the better attested claim is the canonical one.
        const rank = sc.score + 1e-3 * profiles[ci].attestation;
        all?.push({ claim: ci, score: sc, rank });
        if (!best || rank > best.rank) best = { claim: ci, score: sc, rank };
      }
    }
    return best;
  }

  /**
   * "the North Korean leader", "Russia's president": a country followed by a
   * head-of-state title names that country's head, when the KB has one.
   */
  private headMentions(sentence: string, actors: ActorCandidate[]): ActorCandidate[] {
    const out: ActorCandidate[] = [];
    for (const a of actors) {
      const heads = this.index.headsOf.get(a.actorIndex);
      if (!heads) continue;
      if (!HEAD_TITLE_AFTER.test(sentence.slice(a.end, a.end + 40))) continue;
      for (const h of heads) out.push({ ...a, actorIndex: h, ambiguous: false, hidden: true });
    }
    return out;
  }

  private features(sentence: string, actors: ActorCandidate[]): SentenceFeatures {
    const ids = new Set<number>();
    const headCountries = new Set<number>();
    const officialCountries = new Set<number>();
    const firstPos = new Map<number, number>();
    const lastPos = new Map<number, number>();
    const { proxies, heads } = this.index;
    for (const a of [...actors, ...this.headMentions(sentence, actors)]) {
      ids.add(a.actorIndex);
      if (!firstPos.has(a.actorIndex)) firstPos.set(a.actorIndex, a.start);
      lastPos.set(a.actorIndex, a.start);
      for (const c of proxies.get(a.actorIndex) ?? []) {
        (heads.has(a.actorIndex) ? headCountries : officialCountries).add(c);
        if (!firstPos.has(c)) firstPos.set(c, a.start);
        lastPos.set(c, a.start);
      }
    }
    const context = new Set<string>();
    const concepts = this.terms.concepts(sentence, actors, context);
    return { actors: ids, headCountries, officialCountries, firstPos, lastPos, concepts, context, text: sentence };
  }
}

export function buildMatcher(kb: Kb): Matcher {
  return new KbMatcher(kb);
}
