// The matcher: built once from a KB (in the service worker or the CLI), then
// asked for the actors and claims of a page's text blocks. Pure TypeScript.
import type { Kb } from '../kb/types';
import { splitSentences } from '../nlp/sentences';
import { ActorAutomaton, pieces, type ActorCandidate, type Piece } from './actor-automaton';
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

const HEAD_TITLE_AFTER = /(?:['’]s)?\s+(?:supreme\s+)?(?:leader|president|prime minister|premier|king|queen|emperor|dictator|chairman)\b/iy;

/** One sentence of a block: its word pieces [from, to) and actor candidates, all in block offsets. */
interface SentenceView {
  text: string;
  ps: Piece[];
  keys: string[];
  from: number;
  to: number;
  actors: ActorCandidate[];
}

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
    // Each block is cut into word pieces once; actors, sentences and terms all reuse them.
    const toks: { ps: Piece[]; keys: string[]; cands: ActorCandidate[] }[] = [];
    for (const b of blocks) {
      const ps = pieces(b);
      const keys = new Array<string>(ps.length);
      // One toLowerCase per block, not per word, when lower-casing keeps offsets.
      const lower = b.toLowerCase();
      if (lower.length === b.length) for (let i = 0; i < ps.length; i++) keys[i] = lower.slice(ps[i].start, ps[i].end);
      else for (let i = 0; i < ps.length; i++) keys[i] = ps[i].text.toLowerCase();
      toks.push({ ps, keys, cands: this.automaton.scan(b, ps, keys) });
    }
    // The ambiguous-alias rule looks at the whole page: "Kim" counts once any
    // block names Kim Jong Un in full.
    const named = new Set<number>();
    for (const t of toks) for (const c of t.cands) if (!c.ambiguous && !c.hidden) named.add(c.actorIndex);
    return blocks.map((text, i) => {
      const { ps, keys, cands } = toks[i];
      const actors = this.resolveActors(cands, named);
      return { actors: actors.map((c) => this.actorMatch(c)), claims: this.matchClaims(text, ps, keys, cands) };
    });
  }

  explain(sentence: string, top = 1): { claimId: string; claim: string; score: ClaimScore }[] {
    const ps = pieces(sentence);
    const keys = ps.map((p) => p.text.toLowerCase());
    const all: Scored[] = [];
    this.bestClaim({ text: sentence, ps, keys, from: 0, to: ps.length, actors: this.automaton.scan(sentence, ps, keys) }, 0, all);
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

  private matchClaims(text: string, ps: Piece[], keys: string[], cands: ActorCandidate[]): ClaimMatch[] {
    const out: ClaimMatch[] = [];
    // No actor, no claim: most blocks of a page stop here, before sentence splitting.
    if (this.kb.claims.length === 0 || cands.length === 0) return out;
    let k = 0;
    let p = 0;
    for (const s of splitSentences(text)) {
      while (k < cands.length && cands[k].end <= s.start) k++;
      let e = k;
      while (e < cands.length && cands[e].start < s.end) e++;
      while (p < ps.length && ps[p].end <= s.start) p++;
      let q = p;
      while (q < ps.length && ps[q].start < s.end) q++;
      if (e === k) {
        p = q;
        continue;
      }
      const best = this.bestClaim({ text, ps, keys, from: p, to: q, actors: cands.slice(k, e) }, CLAIM_THRESHOLD);
      p = q;
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

  private bestClaim(sv: SentenceView, threshold: number, all?: Scored[]): Scored | null {
    if (sv.actors.length === 0) return null;
    const feats = this.features(sv);
    if (feats.concepts.size === 0) return null;
    const { byActor, byConcept, profiles } = this.index;
    // Two complete routes to the candidates (a match needs an actor and a
    // concept of the claim); walk whichever has the shorter postings.
    const actorLists: number[][] = [];
    for (const set of [feats.actors, feats.headCountries, feats.officialCountries]) {
      for (const a of set) {
        const l = byActor.get(a);
        if (l) actorLists.push(l);
      }
    }
    const conceptLists: number[][] = [];
    for (const t of feats.concepts) {
      const l = byConcept.get(t);
      if (l) conceptLists.push(l);
    }
    let actorSize = 0;
    for (const l of actorLists) actorSize += l.length;
    let conceptSize = 0;
    for (const l of conceptLists) conceptSize += l.length;
    const lists = actorSize <= conceptSize ? actorLists : conceptLists;
    const stamp = ++this.stamp;
    let best: Scored | null = null;
    for (const l of lists) {
      for (const ci of l) {
        if (this.seen[ci] === stamp) continue;
        this.seen[ci] = stamp;
        // With a best in hand, only a claim that could beat it is scored in full.
        const sc = scoreClaim(profiles[ci], feats, this.index, all || !best ? -1 : best.rank - 1e-3 * profiles[ci].attestation);
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
  private headMentions(text: string, actors: ActorCandidate[]): ActorCandidate[] {
    let out: ActorCandidate[] | null = null;
    for (const a of actors) {
      const heads = this.index.headsOf.get(a.actorIndex);
      if (!heads) continue;
      HEAD_TITLE_AFTER.lastIndex = a.end;
      if (!HEAD_TITLE_AFTER.test(text)) continue;
      out ??= [];
      for (const h of heads) out.push({ ...a, actorIndex: h, ambiguous: false, hidden: true });
    }
    return out ? [...actors, ...out] : actors;
  }

  /** Scratch features, cleared and refilled per sentence: no allocation in the page loop. */
  private readonly feats: SentenceFeatures = {
    actors: new Set(), headCountries: new Set(), officialCountries: new Set(), firstPos: new Map(), lastPos: new Map(),
    concepts: new Set(), conceptList: [], context: new Set(), text: '',
  };

  private features(sv: SentenceView): SentenceFeatures {
    const f = this.feats;
    f.actors.clear();
    f.headCountries.clear();
    f.officialCountries.clear();
    f.firstPos.clear();
    f.lastPos.clear();
    f.concepts.clear();
    f.context.clear();
    f.conceptList.length = 0;
    f.text = sv.text;
    const { proxies, heads } = this.index;
    for (const a of this.headMentions(sv.text, sv.actors)) {
      f.actors.add(a.actorIndex);
      if (!f.firstPos.has(a.actorIndex)) f.firstPos.set(a.actorIndex, a.start);
      f.lastPos.set(a.actorIndex, a.start);
      const ps = proxies.get(a.actorIndex);
      if (!ps) continue;
      for (const c of ps) {
        (heads.has(a.actorIndex) ? f.headCountries : f.officialCountries).add(c);
        if (!f.firstPos.has(c)) f.firstPos.set(c, a.start);
        f.lastPos.set(c, a.start);
      }
    }
    this.terms.ofPieces(sv.ps, sv.keys, sv.from, sv.to, sv.actors, f.context, f.concepts);
    for (const c of f.concepts) f.conceptList.push(c);
    return f;
  }
}

export function buildMatcher(kb: Kb): Matcher {
  return new KbMatcher(kb);
}
