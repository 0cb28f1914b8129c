// The matcher: built once from a KB (in the service worker or the CLI), then
// asked for the actors and claims of a page's text blocks. Pure TypeScript.
import type { Kb } from '../kb/types';
import { splitSentences } from '../lang/sentences';
import { ActorAutomaton, PieceBuffer, scanPieces, type ActorCandidate, type Tok } from './actor-automaton';
import { extraDemonyms } from './demonyms';
import { buildClaimIndex, type ClaimIndex, type ClaimProfile } from './claim-index';
import { Coref, COREF_HINT, type CorefMention } from './coref';
import { denialMatch, initDenialTalk, type DenialContext } from './denial-match';
import { mentionIsModifier, scoreClaim, SentenceFeatures, type ClaimScore } from './claim-score';
import { sentenceStance } from './sentence-stance';
import { SourceResolver } from './sources';
import { isUpperAt, TermExtractor } from './terms';
import { EVENT_CONCEPTS, intentCue, lemma, TRANSFER_CONCEPTS } from '../nlp/lexicon';
import type { ActorMatch, Annotation, ClaimMatch } from './types';

/**
 * Minimum score for a claim match. Chosen on the hand-written paraphrase set
 * (src/match/fixtures/paraphrases.ts) against the KB built from assets/corpus:
 * see matcher.quality.test.ts, which prints the precision/recall at this value.
 */
export const CLAIM_THRESHOLD = 0.7;
/** Rank bonus per further claim actor the sentence names. */
const MULTI_ACTOR_BONUS = 0.03;

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

interface Scored {
  claim: number;
  score: ClaimScore;
  rank: number;
}

const NO_CANDS: ActorCandidate[] = [];
const NO_COREF: CorefMention[] = [];

class KbMatcher implements Matcher {
  private readonly automaton: ActorAutomaton;
  private readonly terms = new TermExtractor();
  private readonly index: ClaimIndex;
  private readonly sources: SourceResolver;
  /** Per-claim stamp of the last sentence that looked at it: dedupes candidates without a Set per sentence. */
  private readonly seen: Int32Array;
  private stamp = 0;
  /** Scratch features, reset per sentence: no allocation in the page loop. */
  private readonly feats: SentenceFeatures;
  /** The page's word pieces (all blocks, block after block) and their interned tokens, reused across pages. */
  private readonly buf = new PieceBuffer();
  private toks: Tok[] = [];
  /** Scratch candidate lists of bestClaim. */
  private readonly actorLists: number[][] = [];
  private readonly conceptLists: number[][] = [];
  /** The sentence bestClaim is scoring (for the lazy object-slot check). */
  private readonly cur = { text: '', from: 0, to: 0, cands: NO_CANDS, ca: 0, cb: 0, extra: NO_COREF };
  /** Page-level coreference ("the North", "the regime") and the last claim matched (for anaphoric denials). */
  private readonly coref: Coref;
  private readonly corefOut: CorefMention[] = [];
  private context: DenialContext = { claim: -1, block: -1e9 };
  private block = 0;
  /** Concept ids of "seek", of the transfer concepts (supply, acquire) and of the event predicates (EVENT_CONCEPTS). */
  private readonly seekId: number;
  private readonly transferIds: number[];
  private readonly eventIds: number[];

  constructor(private readonly kb: Kb) {
    this.automaton = new ActorAutomaton(kb.actors, extraDemonyms);
    initDenialTalk(this.terms);
    this.seekId = this.terms.idOf('seek');
    this.transferIds = [...TRANSFER_CONCEPTS].map((c) => this.terms.idOf(c));
    this.eventIds = EVENT_CONCEPTS.map((c) => this.terms.idOf(c));
    this.index = buildClaimIndex(kb, this.automaton, this.terms);
    this.sources = new SourceResolver(kb);
    this.seen = new Int32Array(kb.claims.length);
    this.feats = new SentenceFeatures(kb.actors.length);
    this.feats.addConcept(this.terms.count + 1024, false);
    this.coref = new Coref(kb.actors);
  }

  annotate(text: string): Annotation {
    // One block: sentences never cross a newline anyway, and offsets stay into `text`.
    const [block] = this.annotateBlocks([text]);
    return { text, actors: block.actors, claims: block.claims };
  }

  /** Appends the pieces of `text` to the page buffer with their tokens; returns the first piece's index. */
  private tokenise(text: string, blockLower: boolean): number {
    const buf = this.buf;
    const from = buf.length;
    scanPieces(text, buf);
    const toks = this.toks;
    const { start, end } = buf;
    // One toLowerCase per block, not per word, when lower-casing keeps offsets.
    const lower = blockLower ? text.toLowerCase() : '';
    if (blockLower && lower.length === text.length) for (let i = from; i < buf.length; i++) toks[i] = this.terms.tok(lower.slice(start[i], end[i]));
    else for (let i = from; i < buf.length; i++) toks[i] = this.terms.tok(text.slice(start[i], end[i]).toLowerCase());
    return from;
  }

  annotateBlocks(blocks: string[]): BlockAnnotation[] {
    this.terms.trim();
    this.buf.length = 0;
    // Each block is cut into word pieces once; actors, sentences and terms all reuse them.
    const from = new Array<number>(blocks.length + 1);
    const cands = new Array<ActorCandidate[]>(blocks.length);
    for (let b = 0; b < blocks.length; b++) {
      from[b] = this.tokenise(blocks[b], true);
      const out: ActorCandidate[] = [];
      this.automaton.scanPieces(blocks[b], this.buf, this.toks, from[b], this.buf.length, out);
      cands[b] = out.length ? out : NO_CANDS;
    }
    from[blocks.length] = this.buf.length;
    // The ambiguous-alias rule looks at the whole page: "Kim" counts once any
    // block names Kim Jong Un in full.
    const named = new Set<number>();
    for (const cs of cands) for (const c of cs) if (!c.ambiguous && !c.hidden) named.add(c.actorIndex);
    const res = new Array<BlockAnnotation>(blocks.length);
    this.coref.reset();
    this.context = { claim: -1, block: -1e9 };
    const names: ActorMatch[] = [];
    for (let b = 0; b < blocks.length; b++) {
      this.block = b;
      const cs = cands[b];
      const actors = cs.length ? this.resolveActors(cs, named) : [];
      names.length = 0;
      const claims = this.matchClaims(blocks[b], from[b], from[b + 1], cs, named, names);
      if (names.length) {
        // "the North": highlighted as the country, where no actor span overlaps.
        for (const n of names) if (!actors.some((a) => a.start < n.end && n.start < a.end)) actors.push(n);
        actors.sort((x, y) => x.start - y.start);
      }
      res[b] = { actors, claims };
    }
    return res;
  }

  explain(sentence: string, top = 1): { claimId: string; claim: string; score: ClaimScore }[] {
    this.buf.length = 0;
    this.tokenise(sentence, false);
    const to = this.buf.length;
    const cands: ActorCandidate[] = [];
    this.automaton.scanPieces(sentence, this.buf, this.toks, 0, to, cands);
    const all: Scored[] = [];
    this.bestClaim(sentence, 0, to, cands, 0, cands.length, NO_COREF, 0, all);
    all.sort((a, b) => b.rank - a.rank);
    return all.slice(0, top).map((b) => ({ claimId: this.kb.claims[b.claim].id, claim: this.kb.claims[b.claim].text, score: b.score }));
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

  /** Claims of one block: its pieces are [from, to) of the page buffer. */
  private matchClaims(text: string, from: number, to: number, cands: ActorCandidate[], named: Set<number>,
    names: ActorMatch[]): ClaimMatch[] {
    const out: ClaimMatch[] = [];
    if (this.kb.claims.length === 0) return out;
    const coref = this.coref;
    // Descriptions and pronouns are resolved only in blocks that may hold one (one regex test per block).
    const hint = COREF_HINT.test(text);
    // No actor, no claim: most blocks of a page stop here, before sentence splitting.
    if (cands.length === 0 && !hint) return out;
    const { start, end } = this.buf;
    const extra = this.corefOut;
    let k = 0;
    let p = from;
    for (const s of splitSentences(text)) {
      while (k < cands.length && cands[k].end <= s.start) k++;
      let e = k;
      while (e < cands.length && cands[e].start < s.end) e++;
      while (p < to && end[p] <= s.start) p++;
      let q = p;
      while (q < to && start[q] < s.end) q++;
      extra.length = 0;
      if (hint) coref.resolve(text, s.start, s.end, named, extra, cands, k, e);
      coref.sentence++;
      for (let x = k; x < e; x++) coref.see(cands[x].actorIndex, text, cands[x].start, cands[x].end);
      if (e === k && extra.length === 0) {
        p = q;
        continue;
      }
      for (const m of extra) {
        if (m.name) {
          const a = this.kb.actors[m.actorIndex];
          names.push({ actorId: a.id, name: a.name, text: text.slice(m.start, m.end), start: m.start, end: m.end });
          coref.see(m.actorIndex, text, m.start, m.end);
        }
      }
      let best = this.bestClaim(text, p, q, cands, k, e, extra, CLAIM_THRESHOLD);
      let score = best ? best.score.score : 0;
      let ci = best ? best.claim : -1;
      if (!best && this.feats.stamp > 0) {
        // Denials rarely restate the whole claim: "called the arms reports a smear".
        ci = denialMatch(s.text, this.feats, this.index, this.context, this.block, this.terms);
        score = CLAIM_THRESHOLD;
      }
      p = q;
      if (ci < 0) continue;
      this.context = { claim: ci, block: this.block };
      const claim = this.kb.claims[ci];
      const profile = this.index.profiles[ci];
      out.push({
        claimId: claim.id,
        claim: claim.text,
        text: s.text,
        start: s.start,
        end: s.end,
        stance: sentenceStance(s.text, profile.denial).stance,
        score: Math.round(score * 1000) / 1000,
        sources: this.sources.sources(claim),
      });
    }
    return out;
  }

  /** Best claim for one sentence: pieces [from, to) of the buffer, actor candidates cands[ca, cb). */
  private bestClaim(text: string, from: number, to: number, cands: ActorCandidate[], ca: number, cb: number,
    extra: CorefMention[], threshold: number, all?: Scored[]): Scored | null {
    if (cb === ca && extra.length === 0) return null;
    const feats = this.features(text, from, to, cands, ca, cb, extra);
    if (feats.conceptList.length === 0) return null;
    const cur = this.cur;
    cur.text = text;
    cur.from = from;
    cur.to = to;
    cur.cands = cands;
    cur.ca = ca;
    cur.cb = cb;
    cur.extra = extra;
    const { byActor, byConcept, profiles, subject, coreOff, coreIds, coreConv } = this.index;
    // Two complete routes to the candidates (a match needs an actor and a
    // concept of the claim); walk whichever has the shorter postings.
    const actorLists = this.actorLists;
    actorLists.length = 0;
    let actorSize = 0;
    for (const set of [feats.actorList, feats.headList, feats.officialList]) {
      for (const a of set) {
        const l = byActor.get(a);
        if (l) {
          actorLists.push(l);
          actorSize += l.length;
        }
      }
    }
    const conceptLists = this.conceptLists;
    conceptLists.length = 0;
    let conceptSize = 0;
    for (const t of feats.conceptList) {
      const l = byConcept.get(t);
      if (l) {
        conceptLists.push(l);
        conceptSize += l.length;
      }
    }
    const lists = actorSize <= conceptSize ? actorLists : conceptLists;
    const stamp = ++this.stamp;
    const seen = this.seen;
    const { actorMark, headMark, conceptMark } = feats;
    const st = feats.stamp;
    let best: Scored | null = null;
    for (const l of lists) {
      for (let li = 0; li < l.length; li++) {
        const ci = l[li];
        if (seen[ci] === stamp) continue;
        seen[ci] = stamp;
        // Gates on flat arrays first (the profile stays untouched, and cold,
        // for most candidates): the subject must be named (or its head's
        // country), and one core concept (or its converse) must be used.
        const a0 = subject[ci];
        if (a0 < 0 || (actorMark[a0] !== st && headMark[a0] !== st)) continue;
        let anyCore = false;
        for (let x = coreOff[ci], xe = coreOff[ci + 1]; x < xe; x++) {
          const cv = coreConv[x];
          if (conceptMark[coreIds[x]] === st || (cv >= 0 && conceptMark[cv] === st)) {
            anyCore = true;
            break;
          }
        }
        if (!anyCore) continue;
        const pr = profiles[ci];
        // "Moscow is trying to buy shells from Pyongyang" states no supply.
        if (feats.intent && pr.transfer) continue;
        // Another event and none of the claim's predicates: "fired a North Korean-made missile" is no supply.
        if (feats.events.length > 0 && pr.predicates.length > 0 && !hitsAny(pr.predicates, feats) && otherEvent(feats.events, pr.predicates)) continue;
        // With a best in hand, only a claim that could beat it is scored in full.
        const sc = scoreClaim(pr, feats, this.index, all || !best ? -1 : best.rank - 1e-3 * pr.attestation - MULTI_ACTOR_BONUS * (pr.actors.length - 1));
        if (!sc || sc.score < threshold) continue;
        // Same predicate, another object: "shipped ginseng to Russia" is no weapons supply.
        if (pr.objects.length > 0 && !hitsAny(pr.objects, feats) && this.otherObject(pr, feats)) continue;
        // Near-equal scores: the claim that uses more of the sentence's actors
        // ("handed Moscow missiles" is a transfer, not a launch), then the
        // better attested claim (the canonical one).
        const rank = sc.score + MULTI_ACTOR_BONUS * (pr.actors.length - 1) * sc.actorCov + 1e-3 * pr.attestation;
        all?.push({ claim: ci, score: sc, rank });
        if (!best || rank > best.rank) best = { claim: ci, score: sc, rank };
      }
    }
    return best;
  }

  /**
   * Features of one sentence. Actors in mention order, then the heads a
   * country followed by a head-of-state title names ("the North Korean
   * leader", "Russia's president"), when the KB has one.
   */
  private features(text: string, from: number, to: number, cands: ActorCandidate[], ca: number, cb: number,
    extra: CorefMention[]): SentenceFeatures {
    const f = this.feats;
    f.reset(text);
    const { proxies, isHead, headsOf } = this.index;
    for (let k = ca; k < cb; k++) {
      this.addActor(f, cands[k].actorIndex, cands[k].start, proxies, isHead);
      if (mentionIsModifier(text, cands[k].start, cands[k].end)) f.modifiers++;
    }
    for (const m of extra) this.addActor(f, m.actorIndex, m.start, proxies, isHead);
    for (let k = ca; k < cb; k++) {
      const a = cands[k];
      const heads = headsOf.get(a.actorIndex);
      if (!heads) continue;
      HEAD_TITLE_AFTER.lastIndex = a.end;
      if (!HEAD_TITLE_AFTER.test(text)) continue;
      for (const h of heads) this.addActor(f, h, a.start, proxies, isHead);
    }
    // Content concepts, skipping the words of actor mentions (sorted, same offsets as the pieces).
    // Capitalised words (after the first) and numbers are context: names the KB
    // does not know and dates set the scene, they do not make a sentence about something else.
    const { start, end } = this.buf;
    const toks = this.toks;
    const terms = this.terms;
    const weak = terms.weak;
    const [tr0, tr1] = this.transferIds;
    // Desire/attempt frame: the last cue (kind 1, or kind 2 confirmed by a
    // "for" or by the transfer verb it governs), and whether a transfer is
    // stated outside any cue's reach.
    let cue = -100;
    let cue2 = -100;
    let cueSeen = false;
    let stated = false;
    let k = ca;
    for (let i = from; i < to; i++) {
      const ps = start[i];
      while (k < cb && cands[k].end <= ps) k++;
      const tok = toks[i];
      if (i > from) {
        const ph = terms.phraseOf(toks[i - 1], tok);
        if (ph >= 0) f.addConcept(ph, false);
      }
      let ic = tok.intent;
      if (ic === -2) ic = tok.intent = isDigit(tok.key.charCodeAt(0)) ? 0 : intentCue(lemma(tok.key));
      if (ic === 1) {
        cue = i;
        cueSeen = true;
      } else if (ic === 2) {
        // "in turn" is no cue.
        if (i === from || toks[i - 1].key !== 'in') cue2 = i;
      } else if (i - cue2 <= 6 && tok.key === 'for') cueSeen = true;
      if (k < cb && cands[k].start < end[i]) continue;
      if (extra.length && inMention(extra, ps)) continue;
      const c = terms.conceptOfTok(tok);
      if (c < 0) continue;
      if (c === tr0 || c === tr1) {
        // "trying to procure", "hopes to obtain", "looking to buy": wanted, not done.
        if (i - cue2 <= 3 && toks[cue2 + 1].key === 'to') cueSeen = true;
        else if (i - cue > 4) stated = true;
      }
      f.addConcept(c, isDigit(tok.key.charCodeAt(0)) || (i > from && isUpperAt(text, ps)) || weak.has(c));
    }
    const ev = this.eventIds;
    for (const c of f.conceptList) if (ev.includes(c) && f.contextMark[c] !== f.stamp) f.events.push(c);
    if (cueSeen && !stated) {
      f.intent = true;
      f.addConcept(this.seekId, false);
    }
    return f;
  }

  /**
   * Does the sentence give the claim's predicate an object the claim does not
   * know? The object slot of each predicate word: the words after it (past an
   * indirect-object actor and "with"/"of"/"and") up to a preposition, a
   * punctuation mark or another actor, and the content word just before it
   * ("coal exports", "workers were sent").
   */
  private otherObject(p: ClaimProfile, f: SentenceFeatures): boolean {
    const { text, from, to, cands, ca, cb, extra } = this.cur;
    const { start, end } = this.buf;
    const toks = this.toks;
    const terms = this.terms;
    const st = f.stamp;
    const neutral = this.index.neutral;
    const actorAt = (i: number): boolean => {
      for (let k = ca; k < cb; k++) if (cands[k].start < end[i] && start[i] < cands[k].end) return true;
      return inMention(extra, start[i]);
    };
    const foreign = (i: number): boolean => {
      const c = terms.conceptOfTok(toks[i]);
      if (c < 0 || f.contextMark[c] === st || neutral.has(c) || p.known.has(c) || terms.weak.has(c)) return false;
      return !isDigit(toks[i].key.charCodeAt(0));
    };
    const gap = (i: number): boolean => SLOT_BREAK.test(text.slice(end[i - 1], start[i]));
    for (let i = from; i < to; i++) {
      const c = terms.conceptOfTok(toks[i]);
      if (c < 0 || !p.predicates.includes(c) || actorAt(i)) continue;
      let content = 0;
      let sawActor = false;
      for (let j = i + 1; j < to && content < 5; j++) {
        if (gap(j)) break;
        if (actorAt(j)) {
          if (content > 0 || sawActor) break;
          sawActor = true;
          continue;
        }
        const key = toks[j].key;
        if (SLOT_STOP.has(key)) break;
        if (foreign(j)) return true;
        if (terms.conceptOfTok(toks[j]) >= 0) content++;
      }
      for (let j = i - 1, skipped = 0; j >= from && skipped <= 3; j--) {
        if (gap(j + 1) || actorAt(j)) break;
        if (terms.conceptOfTok(toks[j]) < 0) {
          if (SLOT_STOP.has(toks[j].key)) break;
          skipped++;
          continue;
        }
        if (foreign(j)) return true;
        break;
      }
    }
    return false;
  }

  private addActor(f: SentenceFeatures, a: number, pos: number, proxies: (number[] | undefined)[], isHead: Uint8Array): void {
    f.addActor(a);
    f.at(a, pos);
    const ps = proxies[a];
    if (!ps) return;
    for (const c of ps) {
      f.addCountry(c, isHead[a] === 1);
      f.at(c, pos);
    }
  }
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** Words that end a predicate's object slot. */
const SLOT_STOP = new Set(('to from for in into at on by under over since during after before as amid across through toward ' +
  'towards via despite because while that which who whom when where than but or if unless until against near without').split(' '));
/** Punctuation between two words ends the slot. */
const SLOT_BREAK = /[,.;:()\[\]"“”—–!?]/;

function otherEvent(events: number[], predicates: number[]): boolean {
  for (const e of events) if (!predicates.includes(e)) return true;
  return false;
}

function hitsAny(ids: number[], f: SentenceFeatures): boolean {
  for (const c of ids) if (f.conceptMark[c] === f.stamp) return true;
  return false;
}

function inMention(ms: CorefMention[], pos: number): boolean {
  for (const m of ms) if (pos >= m.start && pos < m.end) return true;
  return false;
}

export function buildMatcher(kb: Kb): Matcher {
  return new KbMatcher(kb);
}
