// The matcher: built once from a KB (in the service worker or the CLI), then
// asked for the actors and claims of a page's text blocks. Pure TypeScript.
import type { ResolvedMention } from '../kb/resolve';
import type { Kb } from '../kb/types';
import { splitSentences } from '../lang/sentences';
import { mayDebunk } from '../lang/stance';
import { tokenize } from '../lang/tokens';
import { ActorAutomaton, newTok, PieceBuffer, scanPieces, type ActorCandidate, type Tok } from './actor-automaton';
import { ActorResolver } from './actors/resolve';
import { applyPageFrame, ClaimMatcher, MATCH_THRESHOLD, newPageContext, type PageContext, type SentenceClaim } from './claim-match';
import { Coref, COREF_HINT, type CorefMention } from './coref';
import { extraDemonyms } from './demonyms';
import { SourceResolver } from './sources';
import type { ActorMatch, Annotation, ClaimMatch } from './types';

/** Minimum score for a claim match (claim-match.ts; evaluated in eval/, floors in matcher.quality.test.ts). */
export const CLAIM_THRESHOLD = MATCH_THRESHOLD;
export interface BlockAnnotation {
  actors: ActorMatch[];
  claims: ClaimMatch[];
}

export interface Matcher {
  annotate(text: string): Annotation;
  annotateBlocks(blocks: string[]): BlockAnnotation[];
  /**
   * Why a sentence matches a claim or not: its statements, the rules that
   * fired for each, and the best claim with the score's parts (threshold
   * ignored, for tuning and tests).
   */
  explain(sentence: string): Explanation[];
}

export interface Explanation {
  statement: string;
  rules: string[];
  claimId: string | null;
  claim: string | null;
  score: number;
  parts: { roles: number; predicate: number; content: number; converse: boolean } | null;
  stance: 'supports' | 'contradicts';
}

const NO_CANDS: ActorCandidate[] = [];

/** Interned lower-cased pieces (the automaton's tokens), shared across pages and trimmed between them. */
class TokenTable {
  private readonly toks = new Map<string, Tok>();
  tok(key: string): Tok {
    let t = this.toks.get(key);
    if (t === undefined) { t = newTok(key); this.toks.set(key, t); }
    return t;
  }
  /** Pages bring unbounded vocabulary: start afresh past the cap, between pages only. */
  trim(maxTokens = 200_000): void {
    if (this.toks.size > maxTokens) this.toks.clear();
  }
}

class KbMatcher implements Matcher {
  private readonly automaton: ActorAutomaton;
  /** Which alias matches name their actor here (actors/resolve.ts). */
  private readonly resolver: ActorResolver;
  private readonly table = new TokenTable();
  private readonly sources: SourceResolver;
  private readonly claims: ClaimMatcher;
  /** The page's word pieces (all blocks, block after block) and their interned tokens, reused across pages. */
  private readonly buf = new PieceBuffer();
  private toks: Tok[] = [];
  /** Page-level coreference for highlighting ("the North" as North Korea). */
  private readonly coref: Coref;
  private readonly corefOut: CorefMention[] = [];
  private context: PageContext = newPageContext();

  constructor(private readonly kb: Kb) {
    this.automaton = new ActorAutomaton(kb.actors, extraDemonyms);
    this.resolver = new ActorResolver(kb.actors, this.automaton);
    this.sources = new SourceResolver(kb);
    this.coref = new Coref(kb.actors);
    this.claims = new ClaimMatcher(kb, (text) => this.mentionsOf(text));
  }

  annotate(text: string): Annotation {
    // One block: sentences never cross a newline anyway, and offsets stay into `text`.
    const [block] = this.annotateBlocks([text]);
    return { text, actors: block.actors, claims: block.claims };
  }

  /** Appends the pieces of `text` to the page buffer with their tokens; returns the first piece's index. */
  private tokenise(text: string): number {
    const buf = this.buf;
    const from = buf.length;
    scanPieces(text, buf);
    const toks = this.toks;
    const { start, end } = buf;
    // One toLowerCase per block, not per word, when lower-casing keeps offsets.
    const lower = text.toLowerCase();
    if (lower.length === text.length) for (let i = from; i < buf.length; i++) toks[i] = this.table.tok(lower.slice(start[i], end[i]));
    else for (let i = from; i < buf.length; i++) toks[i] = this.table.tok(text.slice(start[i], end[i]).toLowerCase());
    return from;
  }

  /** Actor mentions of a standalone text (a claim's own wording), for its signature. */
  private mentionsOf(text: string): ResolvedMention[] {
    this.buf.length = 0;
    const from = this.tokenise(text);
    const cands: ActorCandidate[] = [];
    this.automaton.scanPieces(text, this.buf, this.toks, from, this.buf.length, cands);
    return cands.map((c) => ({ actorId: this.kb.actors[c.actorIndex].id, start: c.start, end: c.end, text: c.text, demonym: c.hidden }));
  }

  annotateBlocks(blocks: string[]): BlockAnnotation[] {
    this.table.trim();
    this.buf.length = 0;
    // Each block is cut into word pieces once; actors and coreference reuse them.
    const cands = new Array<ActorCandidate[]>(blocks.length);
    for (let b = 0; b < blocks.length; b++) {
      const from = this.tokenise(blocks[b]);
      const out: ActorCandidate[] = [];
      this.automaton.scanPieces(blocks[b], this.buf, this.toks, from, this.buf.length, out);
      this.resolver.block(blocks[b], out);
      cands[b] = out.length ? out : NO_CANDS;
    }
    this.resolver.page(blocks, cands);
    // The ambiguous-alias rule looks at the whole page: "Kim" counts once any
    // block names Kim Jong Un in full.
    const named = new Set<number>();
    for (const cs of cands) for (const c of cs) if (!c.ambiguous && !c.hidden) named.add(c.actorIndex);
    const res = new Array<BlockAnnotation>(blocks.length);
    const found = new Array<SentenceClaim[]>(blocks.length);
    this.coref.reset();
    this.context = newPageContext();
    for (let b = 0; b < blocks.length; b++) {
      const cs = cands[b];
      const actors = cs.length ? this.resolveActors(cs, named) : [];
      const names: ActorMatch[] = [];
      const mentions = this.mentionsForClaims(blocks[b], cs, named, names);
      if (names.length) {
        // "the North": highlighted as the country, where no actor span overlaps.
        for (const n of names) if (!actors.some((a) => a.start < n.end && n.start < a.end)) actors.push(n);
        actors.sort((x, y) => x.start - y.start);
      }
      // A block naming no actor is read only for a debunk of what the page told ("The story turned out to be a hoax").
      found[b] = mentions.length || (this.context.counts.size > 0 && mayDebunk(tokenize(blocks[b]))) ? this.matchClaims(blocks[b], mentions) : [];
      res[b] = { actors, claims: [] };
    }
    // The page's frame: a claim it debunks in its own voice is contradicted wherever it only reports it.
    applyPageFrame(found.flat());
    for (let b = 0; b < blocks.length; b++) res[b].claims = this.claimMatches(blocks[b], found[b]);
    return res;
  }

  explain(sentence: string): Explanation[] {
    const mentions = this.mentionsOf(sentence);
    const coref = new (this.claims.corefClass())(mentions, this.claims.corefOptions());
    const out: Explanation[] = [];
    for (const span of splitSentences(sentence)) {
      for (const st of this.claims.statementsOf(sentence, span, 0, coref)) {
        for (const b of this.claims.ranked(st, 3)) {
        const claim = this.kb.claims[b.claim];
        out.push({
          statement: sentence.slice(st.clause.start, st.clause.end), rules: st.rules, claimId: claim.id, claim: claim.text,
          score: b.sim.score, parts: { roles: b.sim.roles, predicate: b.sim.pred, content: b.sim.content, converse: b.sim.converse },
          stance: st.stance,
        });
        }
      }
    }
    return out.sort((x, y) => y.score - x.score);
  }

  /** One actor per span: drop ambiguous aliases of actors the page never names in full. */
  private resolveActors(cands: ActorCandidate[], named: Set<number>): ActorMatch[] {
    const out: ActorMatch[] = [];
    for (let i = 0; i < cands.length; ) {
      let j = i;
      while (j < cands.length && cands[j].start === cands[i].start) j++;
      // Shared alias: the actor the page names in full wins, else the first that counts.
      let pick: ActorCandidate | null = null;
      for (let k = i; k < j; k++) {
        const c = cands[k];
        if (c.hidden || (c.ambiguous && !named.has(c.actorIndex))) continue;
        if (named.has(c.actorIndex)) {
          pick = c;
          break;
        }
        pick ??= c;
      }
      if (pick) out.push(this.actorMatch(pick));
      i = j;
    }
    return out;
  }

  private actorMatch(c: ActorCandidate): ActorMatch {
    const a = this.kb.actors[c.actorIndex];
    return { actorId: a.id, name: a.name, text: c.text, start: c.start, end: c.end };
  }

  /**
   * The block's actor mentions as claim matching sees them: names that count
   * (ambiguous ones only on pages naming the actor in full), demonyms
   * ("North Korean"), and the descriptions the page coreference resolves
   * ("the North", "the regime"); `names` gets the descriptions to highlight.
   */
  private mentionsForClaims(text: string, cands: ActorCandidate[], named: Set<number>, names: ActorMatch[]): ResolvedMention[] {
    const out: ResolvedMention[] = [];
    const hint = COREF_HINT.test(text);
    if (!cands.length && !hint) return out;
    const coref = this.coref;
    const extra = this.corefOut;
    let k = 0;
    for (const s of splitSentences(text)) {
      while (k < cands.length && cands[k].end <= s.start) k++;
      let e = k;
      while (e < cands.length && cands[e].start < s.end) e++;
      extra.length = 0;
      if (hint) coref.resolve(text, s.start, s.end, named, extra, cands, k, e);
      coref.sentence++;
      for (let x = k; x < e; x++) {
        const c = cands[x];
        coref.see(c.actorIndex, text, c.start, c.end);
        if (c.ambiguous && !named.has(c.actorIndex)) continue;
        out.push({ actorId: this.kb.actors[c.actorIndex].id, start: c.start, end: c.end, text: c.text, demonym: c.hidden });
      }
      for (const m of extra) {
        const a = this.kb.actors[m.actorIndex];
        out.push({ actorId: a.id, start: m.start, end: m.end, text: text.slice(m.start, m.end), demonym: false });
        if (m.name) {
          names.push({ actorId: a.id, name: a.name, text: text.slice(m.start, m.end), start: m.start, end: m.end });
          coref.see(m.actorIndex, text, m.start, m.end);
        }
      }
    }
    return out.sort((a, b) => a.start - b.start || b.end - a.end);
  }

  /** Claims of one block, through the claim stages (claim-match.ts). */
  private matchClaims(text: string, mentions: ResolvedMention[]): SentenceClaim[] {
    return this.claims.matchBlock(text, mentions, this.context);
  }

  private claimMatches(text: string, found: SentenceClaim[]): ClaimMatch[] {
    return found.map((m) => {
      const claim = this.kb.claims[m.claim];
      return {
        claimId: claim.id, claim: claim.text, text: text.slice(m.start, m.end), start: m.start, end: m.end,
        stance: m.stance, score: Math.round(m.score * 1000) / 1000, sources: this.sources.sources(claim),
      };
    });
  }
}

export function buildMatcher(kb: Kb): Matcher {
  return new KbMatcher(kb);
}
