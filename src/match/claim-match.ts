// The claim stages of the matcher: a page block's sentences → words (the fast
// tagger) → propositions → statements (the KB builder's own rules) →
// candidate claims through their actors → score (the builder's
// StatementSimilarity against each claim's signatures) → stance (the
// sentence's own: negation, denial, debunk) → one claim per sentence.

import type { Coreference } from '../kb/coreference';
import { GENERIC_VERBS } from '../lang/cues';
import { Coreference as Coref } from '../kb/coreference';
import type { ResolvedMention } from '../kb/resolve';
import { sentenceStatements, stanceToward, statesNegation, type Statement } from '../kb/statements';
import { daysOf, FULL_CONTENT_MASS, StatementSimilarity, type Similarity } from '../kb/statement-similarity';
import type { Kb, Stance } from '../kb/types';
import { fastTagText } from '../lang/fast-tagger';
import type { Word } from '../lang/tagger';
import { contentTerms } from '../lang/terms';
import { propositions } from '../lang/propositions';
import { splitSentences, type Span } from '../lang/sentences';
import { mayDebunk } from '../lang/stance';
import { tokenize } from '../lang/tokens';
import { claimSignatures, type Signature } from './claim-signatures';

/** A page statement this alike to a claim's signature states the claim. */
export const MATCH_THRESHOLD = 0.45;
/** A page sentence shares at least this much content with the claim (the actors and a verb alone are not the claim). */
export const MATCH_MIN_CONTENT = 0.3;
/** Score factor for a plan against a deed, or a deed against a plan. */
export const OTHER_TENSE = 0.8;
/** Score factor when the sentence names only some of the claim's participants, and when it names none but the agent. */
export const PARTIAL_PARTICIPANTS = 0.8;
export const AGENT_ONLY = 0.55;
/** Score factor when the sentence names a participant the claim does not have. */
export const OTHER_PARTICIPANT = 0.3;
/** A negated sentence (or an affirmed one, against a negative claim) must share the claim's event at least this much. */
export const NEGATION_MIN_PRED = 0.6;
/** A denial that restates nothing ("Moscow dismissed the reports as false") reaches back this many sentences for its claim. */
export const ANAPHORA_SENTENCES = 3;
/** A denial naming its own content must cover this much of a claim's to deny it. */
export const DENIAL_MIN_COVERAGE = 0.35;

export interface SentenceClaim {
  claim: number;
  start: number;
  end: number;
  stance: Stance;
  score: number;
  /** The rules that fired and the score's parts, for explain. */
  why: string[];
  /** The sentence calls the claim untrue in the outlet's own voice (a debunk cue, or a denial nobody is quoted making). */
  debunk: boolean;
  /** The sentence only reports the claim: someone else's words or a hedge ("claiming she got surgery", "allegedly"). */
  reported: boolean;
}

/** What the page said so far: the last claim matched, for denials that point back. */
export interface PageContext {
  claim: number;
  /** Sentence counter of that match, and the current one. */
  at: number;
  now: number;
  /** Sentences matched to each claim so far: the page's story is its most matched claim. */
  counts: Map<number, number>;
}

export const newPageContext = (): PageContext => ({ claim: -1, at: -1e9, now: 0, counts: new Map() });

/** The claim the page is about so far (matched most often, the earliest on a tie), or -1. */
export function pageStory(ctx: PageContext): number {
  let best = -1;
  let n = 0;
  for (const [c, k] of ctx.counts) if (k > n) { best = c; n = k; }
  return best;
}

export class ClaimMatcher {
  private readonly sigs: Signature[][];
  private readonly byActor = new Map<string, number[]>();
  readonly sim: StatementSimilarity;
  private readonly kind: Map<string, Kb['actors'][number]['kind']>;
  private readonly names: Map<string, string>;
  private readonly stamp: Int32Array;
  private stampNow = 0;

  constructor(private readonly kb: Kb, mentionsOf: (text: string) => ResolvedMention[]) {
    this.kind = new Map(kb.actors.map((a) => [a.id, a.kind]));
    this.names = new Map(kb.actors.map((a) => [a.id, a.name]));
    const actsFor = new Map(kb.actors.filter((a) => a.actsFor).map((a) => [a.id, a.actsFor!]));
    const side = (id: string): string => actsFor.get(id) ?? id;
    this.sim = new StatementSimilarity(side, (id) => this.kind.get(id) === 'person');
    this.sigs = claimSignatures(kb, mentionsOf);
    kb.claims.forEach((c, i) => {
      const ids = new Set([...c.actors, ...this.sigs[i].flatMap((s) => s.actors)].map(side));
      for (const a of ids) this.byActor.set(a, [...(this.byActor.get(a) ?? []), i]);
    });
    this.stamp = new Int32Array(kb.claims.length);
    this.side = side;
  }

  private readonly side: (id: string) => string;

  /** What explain needs to read one sentence the way matchBlock does. */
  corefClass(): typeof Coref {
    return Coref;
  }

  corefOptions(): { kindOf: (id: string) => Kb['actors'][number]['kind'] | undefined; genderOf: () => undefined; nameOf: (id: string) => string } {
    return { kindOf: (id) => this.kind.get(id), genderOf: () => undefined, nameOf: (id) => this.names.get(id) ?? id };
  }

  /** Statements of one sentence of a block (offsets into the block). */
  statementsOf(text: string, span: Span, index: number, coref: Coreference): Statement[] {
    return this.read(span, index, coref).statements;
  }

  /** One sentence of a block read: its tagged words (offsets into the block) and its statements. */
  private read(span: Span, index: number, coref: Coreference): { words: Word[]; statements: Statement[] } {
    const words = fastTagText(span.text);
    for (const w of words) { w.start += span.start; w.end += span.start; }
    const analysis = { span, words, props: propositions(words, span.text) };
    const kinds = this.kind;
    coref.enterSentence(span.start, span.end);
    const statements = sentenceStatements('page', index, analysis, coref, { kindOf: (id) => kinds.get(id), nameOf: (id) => id, genderOf: () => undefined }, false);
    return { words, statements };
  }

  /**
   * The best claim for a statement, with its similarity, or null. Only a
   * claim at MATCH_THRESHOLD or above is ever used, so claims that cannot
   * reach it, or cannot beat the best so far, are not scored to the end.
   */
  best(st: Statement): Ranked | null {
    return this.ranked(st, 1, MATCH_THRESHOLD)[0] ?? null;
  }

  /**
   * The `top` best claims for a statement (one entry per claim, its best
   * signature). With `top` 1 and a `floor`, a claim's score below the floor
   * or below the best so far may be left at 0 (explain asks for the full list).
   */
  ranked(st: Statement, top: number, floor = 0): Ranked[] {
    const all: Ranked[] = [];
    // The score to reach for a claim to matter: the floor, then (for the single best) the best so far, ties included.
    let bar = floor;
    const stamp = ++this.stampNow;
    // Only this clause's actors: another clause of the sentence may name the rest ("…, and Putin will speak").
    const have = new Set((st.clauseActors ?? st.actors).map(this.side));
    for (const a of st.actors) {
      for (const c of this.byActor.get(this.side(a)) ?? []) {
        if (this.stamp[c] === stamp) continue;
        this.stamp[c] = stamp;
        // A claim told about several things (shells, launchers, containers) is about what most of its tellings name:
        // one loosely related theme ("coal" ~ "containers") does not make the sentence about it.
        if (st.theme && !this.themeFits(st.theme, this.sigs[c])) continue;
        let best: Ranked | null = null;
        for (const sig of this.sigs[c]) {
          const part = this.participants(st, sig, have);
          const raw = this.sim.compare(st, sig, bar > 0 ? bar / part : 0);
          // A plan is not the deed: "would send more missiles" does not state "has provided", nor the reverse.
          const tense = (st.modality === 'planned') === (sig.planned === true) ? 1 : OTHER_TENSE;
          const s = raw.content < MATCH_MIN_CONTENT ? { ...raw, score: 0 } : { ...raw, score: raw.score * part * tense };
          if (!best || s.score > best.sim.score) best = { claim: c, sim: s, negated: sig.negated === true };
        }
        if (best) {
          all.push(best);
          if (top === 1 && floor > 0) bar = Math.max(bar, best.sim.score);
        }
      }
    }
    return all.sort((x, y) => y.sim.score - x.sim.score || x.claim - y.claim).slice(0, top);
  }

  private themeFits(theme: string, sigs: Signature[]): boolean {
    const themed = sigs.filter((s) => s.theme);
    if (themed.length < 2) return true;
    return themed.filter((s) => this.sim.themesAlike(theme, s.theme!)).length * 2 >= themed.length;
  }

  /**
   * Does the sentence name the claim's participants? "Pyongyang supplied
   * rifles to African governments" names the supplier of "North Korea
   * supplied Russia" but not its recipient.
   */
  private participants(st: Statement, sig: Signature, have: Set<string>): number {
    // The sentence names a recipient, source or target the claim does not have: it is about someone else
    // ("North Korea denied supplying weapons to Syria").
    const { claimActors, uniq } = this.sigParticipants(sig);
    const { goal, source, patient } = st.roles;
    if ((goal && !claimActors.has(this.side(goal))) || (source && !claimActors.has(this.side(source))) || (patient && !claimActors.has(this.side(patient)))) {
      return OTHER_PARTICIPANT;
    }
    if (uniq.length < 2) return 1;
    let n = 0;
    for (const a of uniq) if (have.has(a)) n++;
    return n === uniq.length ? 1 : n >= 2 ? PARTIAL_PARTICIPANTS : AGENT_ONLY;
  }

  /** A signature's actors and its distinct role participants (as the sides they act for), worked out once per signature. */
  private readonly sigSides = new WeakMap<Signature, { claimActors: Set<string>; uniq: string[] }>();
  private sigParticipants(sig: Signature): { claimActors: Set<string>; uniq: string[] } {
    let v = this.sigSides.get(sig);
    if (!v) {
      const want = [sig.roles.agent, sig.roles.goal, sig.roles.source, sig.roles.patient].filter((x): x is string => !!x).map(this.side);
      v = { claimActors: new Set([...sig.actors, ...sig.roles.others].map(this.side)), uniq: [...new Set(want)] };
      this.sigSides.set(sig, v);
    }
    return v;
  }

  /**
   * The whole-sentence reading, when no statement of the sentence states a
   * claim: a sentence that names every participant of a claim's telling and
   * whose content words (all of them, whatever clause holds them) cover that
   * telling's content states the claim ("Pyongyang played host to Lavrov on
   * 19 October" ~ "Lavrov's visit to Pyongyang on Oct. 19"). Its stance is
   * that of its statement most about the telling (another clause's denial is
   * about something else).
   */
  private wholeSentence(span: Span, words: Word[], statements: Statement[], coref: Coreference): SentenceClaim | null {
    const terms = contentTerms(words, 0, words.length, (w) => coref.isActorWord(w));
    if (terms.reduce((a, t) => a + t.weight, 0) < FULL_CONTENT_MASS) return null;
    const have = new Set(statements.flatMap((st) => st.actors).map(this.side));
    const roleSides = [...new Set(statements.flatMap((st) => [st.roles.agent, st.roles.goal, st.roles.source, st.roles.patient])
      .filter((x): x is string => !!x).map(this.side))];
    const days = daysOf({ terms });
    let best: { claim: number; sig: Signature; score: number; negated: boolean } | null = null;
    const stamp = ++this.stampNow;
    for (const a of have) {
      for (const c of this.byActor.get(a) ?? []) {
        if (this.stamp[c] === stamp) continue;
        this.stamp[c] = stamp;
        for (const sig of this.sigs[c]) {
          const { uniq, claimActors } = this.sigParticipants(sig);
          if (uniq.length < 1 || !uniq.every((x) => have.has(x))) continue;
          // Someone else in a role ("Russian forces launched …" is not North Korea's launch), or another weekday: another event.
          if (roleSides.some((x) => !claimActors.has(x))) continue;
          if (days.length && sig.days?.length && !days.some((d) => sig.days!.includes(d))) continue;
          // (A telling of a few words is covered by any long sentence: it needs content of its own, and to cover some of the sentence.)
          if (sig.terms.reduce((m, t) => m + t.weight, 0) < FULL_CONTENT_MASS) continue;
          const [ofSentence, cover] = this.sim.terms.coverages(terms, sig.terms);
          if (cover >= (uniq.length < 2 ? WHOLE_SENTENCE_ONE_ACTOR : WHOLE_SENTENCE_MIN) && ofSentence >= WHOLE_SENTENCE_SHARE && (!best || cover > best.score)) best = { claim: c, sig, score: cover, negated: sig.negated === true };
        }
      }
    }
    if (!best) return null;
    // The stance is that of the statement most about the claim's telling.
    const sig = best.sig;
    let main = statements[0];
    let mainCover = -1;
    for (const st of statements) {
      const c = this.sim.terms.bags(st.terms, sig.terms);
      if (c > mainCover) { main = st; mainCover = c; }
    }
    const stance = stanceToward(main.stance, best.negated);
    const reported = main.speaker !== null || main.modality === 'hedged';
    return { claim: best.claim, start: span.start, end: span.end, stance, score: MATCH_THRESHOLD, why: ['match.whole-sentence', `content ${best.score.toFixed(2)}`], debunk: false, reported };
  }

  /** A denial or debunk that restates nothing: the claim it most likely denies. */
  private denied(st: Statement, ctx: PageContext): { claim: number; why: string } | null {
    if (ctx.claim >= 0 && ctx.now - ctx.at <= ANAPHORA_SENTENCES) {
      const c = this.kb.claims[ctx.claim];
      if (!st.actors.length || st.actors.some((a) => c.actors.includes(a))) return { claim: ctx.claim, why: 'denial.anaphoric' };
    }
    // A debunk naming nobody, further down the page: it is about the page's story.
    const story = pageStory(ctx);
    if (st.debunks && !st.actors.length && story >= 0) return { claim: story, why: 'denial.page-story' };
    const terms = st.sentenceTerms ?? st.terms;
    let best: { claim: number; why: string } | null = null;
    let bestCover = DENIAL_MIN_COVERAGE;
    const stamp = ++this.stampNow;
    for (const a of st.actors) {
      for (const c of this.byActor.get(this.side(a)) ?? []) {
        if (this.stamp[c] === stamp) continue;
        this.stamp[c] = stamp;
        for (const sig of this.sigs[c]) {
          const cover = this.sim.terms.bags(sig.terms, terms);
          if (cover > bestCover) { bestCover = cover; best = { claim: c, why: `denial.names-content ${cover.toFixed(2)}` }; }
        }
      }
    }
    return best;
  }

  /** The claims stated in one block: at most one per sentence. */
  matchBlock(text: string, mentions: ResolvedMention[], ctx: PageContext): SentenceClaim[] {
    const out: SentenceClaim[] = [];
    if (!this.kb.claims.length) return out;
    const coref = new Coref(mentions, this.corefOptions());
    const spans = splitSentences(text);
    let m = 0;
    spans.forEach((span, i) => {
      ctx.now++;
      while (m < mentions.length && mentions[m].end <= span.start) m++;
      const named = m < mentions.length && mentions[m].start < span.end;
      // No actor and nothing pointing back: no claim (most sentences of most pages stop here, untagged).
      // A debunk anywhere on a page that has told a claim may be about it ("The story has since been exposed as a hoax").
      if (!named && !(ctx.claim >= 0 && ctx.now - ctx.at <= ANAPHORA_SENTENCES && /\b(?:it|they|this|that|these|those|the)\b/i.test(span.text))
        && !(ctx.counts.size > 0 && mayDebunk(tokenize(span.text)))) return;
      if (!isProse(span.text)) return;
      const found = this.matchSentence(text, span, i, coref, ctx);
      if (found) out.push(found);
    });
    return out;
  }

  matchSentence(text: string, span: Span, index: number, coref: Coreference, ctx: PageContext): SentenceClaim | null {
    const { words, statements } = this.read(span, index, coref);
    let pick: SentenceClaim | null = null;
    for (const st of statements) {
      if (st.anaphoric || (st.debunks && st.stance === 'contradicts')) {
        const target = this.denied(st, ctx);
        const direct = st.debunks ? this.best(st) : null;
        const debunk = st.debunks && st.speaker === null;
        if (direct && direct.sim.score >= MATCH_THRESHOLD && (!pick || direct.sim.score > pick.score)) {
          pick = { claim: direct.claim, start: span.start, end: span.end, stance: 'contradicts', score: direct.sim.score, why: [...st.rules, `score ${direct.sim.score.toFixed(2)}`], debunk, reported: false };
        } else if (target && !pick) {
          pick = { claim: target.claim, start: span.start, end: span.end, stance: 'contradicts', score: MATCH_THRESHOLD, why: [...st.rules, target.why], debunk, reported: false };
        }
        continue;
      }
      const b = this.best(st);
      if (!b || b.sim.score < MATCH_THRESHOLD) continue;
      if (negatesSomethingElse(st, b)) continue;
      if (!pick || b.sim.score > pick.score) {
        const s = b.sim;
        // A negative claim ("her mother no longer speaks to her") is supported by a sentence that says it with the negation.
        const stance = stanceToward(st.stance, b.negated);
        pick = {
          claim: b.claim, start: span.start, end: span.end, stance, score: s.score,
          why: [...st.rules, `roles ${s.roles.toFixed(2)}`, `predicate ${s.pred.toFixed(2)}`, `content ${s.content.toFixed(2)}`, ...(s.converse ? ['roles.converse'] : []),
            ...(b.negated ? ['stance.negative-claim'] : [])],
          debunk: false, reported: st.speaker !== null || st.modality === 'hedged',
        };
      }
    }
    if (!pick && statements.length) pick = this.wholeSentence(span, words, statements, coref);
    if (pick) { ctx.claim = pick.claim; ctx.at = ctx.now; ctx.counts.set(pick.claim, (ctx.counts.get(pick.claim) ?? 0) + 1); }
    return pick;
  }
}

/** A whole sentence that names all of a claim's participants states it when its content covers the claim's this much. */
export const WHOLE_SENTENCE_MIN = 0.7;
/** A telling with a single participant must be covered this much (any sentence about that actor covers some of it). */
export const WHOLE_SENTENCE_ONE_ACTOR = 0.8;
/** ... and the telling's content covers at least this much of the sentence's. */
export const WHOLE_SENTENCE_SHARE = 0.2;

/**
 * A negation denies a claim only when it negates the claim's own event: "the
 * ringtone isn't to everyone's taste" shares the claim's words, not its deed,
 * and says nothing for or against it. A generic verb's neutral predicate score
 * says nothing of the deed either ("isn't", "might not have").
 */
function negatesSomethingElse(st: Statement, b: Ranked): boolean {
  if (statesNegation(st) === b.negated) return false;
  const onlyGeneric = GENERIC_VERBS.has(st.pred) && st.preds.every((p) => GENERIC_VERBS.has(p));
  return b.sim.pred < NEGATION_MIN_PRED || onlyGeneric;
}

/** A claim a statement may state: its index, the best signature's similarity, and whether that signature is negative. */
export interface Ranked { claim: number; sim: Similarity; negated: boolean }

/**
 * A page that repeats an allegation to reject it contradicts it: once the
 * page debunks a claim in its own voice, its sentences that only report the
 * claim (someone's words, a hedge) are read as contradicting too.
 */
export function applyPageFrame(found: SentenceClaim[]): void {
  const debunked = new Set(found.filter((f) => f.debunk).map((f) => f.claim));
  for (const f of found) {
    if (f.stance === 'supports' && f.reported && debunked.has(f.claim)) {
      f.stance = 'contradicts';
      f.why.push('stance.page-debunks-it');
    }
  }
}

/** A sentence of prose, not code or markup leaking into the text ("var x = {…};"). */
export function isProse(text: string): boolean {
  if (/[{}]|=>|\bvar\s|\bfunction\s*\(|;\s*\S.*;|<\/?[a-z]+[\s>]/i.test(text)) return false;
  const letters = (text.match(/\p{L}/gu) ?? []).length;
  return letters >= text.length * 0.6;
}
