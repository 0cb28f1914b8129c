// Statements: the check-worthy propositions of one document, with their
// participants resolved to KB actors, who says them, and their stance. One
// tagging pass per document (src/lang/tagger.ts); propositions from the
// language layer's named rules (src/lang/propositions.ts).

import { DENIAL_VERBS, GENERIC_VERBS, PRONOUNS, REPORTING_VERBS, WANTS } from '../lang/cues';
import { debunkWords, isDebunk, isDebunkWord, isNoComment } from '../lang/stance';
import { lexicon } from '../lang/default-lexicon';
import { partitiveThing } from '../lang/partitive';
import { propositions, type Arg, type Modality, type Proposition } from '../lang/propositions';
import type { Span } from '../lang/sentences';
import { tagText, type Word } from '../lang/tagger';
import { contentTerms, type WeightedTerm } from '../lang/terms';
import { Coreference } from './coreference';
import type { ResolvedMention } from './resolve';
import type { ActorKind, Stance } from './types';

export interface Roles {
  agent?: string;
  patient?: string;
  /** Who receives: "to X", "supplied X with", the subject of a getting verb. */
  goal?: string;
  /** Where it comes from: "from X", the subject of a giving verb. */
  source?: string;
  /** Any other actor argument ("against X", "with X", "in X"). */
  others: string[];
}

export interface Statement {
  docId: string;
  /** Sentence index in the document. */
  sent: number;
  span: Span;
  /** Index of the proposition inside the sentence. */
  propIndex: number;
  pred: string;
  predPos: 'v' | 'n' | 'a';
  /** Every predicate of the statement's verb chain ("seeking to purchase": seek, purchase), the main one first. */
  preds: string[];
  roles: Roles;
  /** Content terms of the proposition's clause (actors excluded), weighted by rarity. */
  terms: WeightedTerm[];
  /** For debunks and denials: the content terms of the whole sentence (what it may be debunking). */
  sentenceTerms?: WeightedTerm[];
  /** Head noun of what the event acts on, when it is not an actor ("sent weapons", "supplied Russia with shells"). */
  theme?: string;
  /** Numbers stated ("1,000", "50-foot"). */
  figures: string[];
  /** Every actor the sentence names (or refers back to). */
  actors: string[];
  /** The actors of this statement's own clause and roles ("Kim inspected a farm, and Putin will speak": Kim only). */
  clauseActors?: string[];
  speaker: string | null;
  stance: Stance;
  /** The proposition itself is negated ("She won't talk to me"), whoever reports it. */
  negated: boolean;
  /** Someone is reported denying it ("X denied that …", "dismissed the reports"). */
  denied: boolean;
  modality: Modality;
  /** The sentence calls something untrue ("a hoax", "fake", "never happened"). */
  debunks: boolean;
  /** A denial with nothing of its own ("dismissed the reports as false"): it denies what came before. */
  anaphoric: boolean;
  headline: boolean;
  /** Character range of the clause that states the proposition (for the claim's text). */
  clause: { start: number; end: number };
  /** Does that clause read on its own (it starts at its subject and ends on a content word)? */
  clauseWhole: boolean;
  /** The sentence states nothing else: its whole wording may stand for this statement. */
  sole: boolean;
  /** The whole sentence without its reporting frame ("…, X said", "According to X, …"), for when the clause does not read on its own. */
  sentenceBody: { start: number; end: number };
  /**
   * When the clause starts at its verb because the subject stands outside it
   * ("accused North Korea of supplying …"): the subject's words, and the verb's
   * lemma so the claim text can read "North Korea supplied …".
   */
  outsideSubject?: { text: string; actorId?: string; verb: string };
  /** Character ranges of pronouns or descriptions in the clause that refer to an actor, with the actor's id. */
  references: Array<{ start: number; end: number; actorId: string }>;
  rules: string[];
}

/**
 * A statement words a negative proposition when it is negated in its own clause, not denied by someone
 * ("She won't talk to me"; not "X denied that it sent weapons", whose proposition is the sending).
 */
export const statesNegation = (s: Pick<Statement, 'negated' | 'denied' | 'debunks' | 'anaphoric'>): boolean =>
  s.negated && !s.denied && !s.debunks && !s.anaphoric;

/** A stance toward a claim worded negatively or not: against a negative claim, saying it negated supports it. */
export const stanceToward = (stance: Stance, negativeClaim: boolean): Stance =>
  (!negativeClaim ? stance : stance === 'contradicts' ? 'supports' : 'contradicts');

export interface StatementOptions {
  kindOf: (actorId: string) => ActorKind | undefined;
  nameOf: (actorId: string) => string;
  genderOf: (actorId: string) => 'm' | 'f' | undefined;
  /** A country's world region ("Asia"), for "the Asian nation". */
  regionOf?: (actorId: string) => string | undefined;
  /** Report a sentence that could not be analysed (it is skipped). */
  onSkip?: (sentence: Span, error: unknown) => void;
}

/** Statements kept per sentence. */
export const MAX_PER_SENTENCE = 2;
/** Content weight an actorless statement needs to be kept. */
export const ACTORLESS_MIN_MASS = 1.5;
const KEPT_MODALITIES = new Set<Modality>(['asserted', 'hedged', 'planned']);
/** A copula's adjective ("were able to track") is not the event: the verb it governs is. */
const COPULA_ADJ = new Set(['a']);
const GENERIC_PREDS = GENERIC_VERBS;

/** Words of one sentence: the document's words within the span, offsets kept. */
function wordsIn(all: Word[], from: number, span: Span): { words: Word[]; next: number } {
  let i = from;
  while (i < all.length && all[i].start < span.start) i++;
  const out: Word[] = [];
  while (i < all.length && all[i].end <= span.end) out.push(all[i++]);
  return { words: out, next: i };
}

function argChars(words: Word[], a: Arg): { start: number; end: number } {
  return { start: words[a.start].start, end: words[a.end - 1].end };
}

export interface SentenceAnalysis {
  span: Span;
  words: Word[];
  props: Proposition[];
}

/** Tag a document once and return each sentence's words and propositions. */
export function analyseSentences(text: string, spans: Span[], onSkip?: (s: Span, e: unknown) => void, tagged?: Word[]): SentenceAnalysis[] {
  const all = tagged ?? tagText(text);
  const out: SentenceAnalysis[] = [];
  let at = 0;
  for (const span of spans) {
    const { words, next } = wordsIn(all, at, span);
    at = next;
    try {
      out.push({ span, words, props: words.length ? propositions(words, span.text) : [] });
    } catch (e) {
      onSkip?.(span, e);
      out.push({ span, words, props: [] });
    }
  }
  return out;
}

/** Every statement of one document. */
export function extractStatements(
  docId: string, text: string, spans: Span[], mentions: ResolvedMention[], opts: StatementOptions, headlineEnd = -1,
  tagged?: Word[],
): Statement[] {
  const sentences = analyseSentences(text, spans, opts.onSkip, tagged);
  const coref = new Coreference(mentions, opts);
  const out: Statement[] = [];
  sentences.forEach((s, sent) => {
    try {
      out.push(...sentenceStatements(docId, sent, s, coref, opts, s.span.end <= headlineEnd));
    } catch (e) {
      opts.onSkip?.(s.span, e);
    }
    coref.advance(s.span.end);
  });
  return out;
}

/** The statements of one analysed sentence (words tagged, propositions found); shared by the KB builder and the matcher. */
export function sentenceStatements(docId: string, sent: number, s: SentenceAnalysis, coref: Coreference, opts: StatementOptions, headline: boolean): Statement[] {
  const { words, props, span } = s;
  // "The embassy has not responded to requests for comment" states nothing.
  if (isNoComment(words)) return [];
  const actorAt = (a: Arg | undefined): string | undefined => actorsAt(a)[0];
  // A description in reported words never means the one reporting them ("the commission said the company leaked …").
  let notThese: string[] = [];
  const actorsAt = (a: Arg | undefined): string[] => {
    if (!a) return [];
    const heads = a.heads ?? [a.head];
    const out: string[] = [];
    heads.forEach((h, k) => {
      // Each conjunct of "North Korea and Russia" is looked up on its own stretch of words.
      const from = k === 0 ? a.start : heads[k - 1] + 1;
      const to = k === heads.length - 1 ? a.end : h + 1;
      const { start, end } = argChars(words, { start: from, end: to, head: h });
      const id = coref.actorIn(start, end, words[h], words.slice(from, to), notThese);
      if (id && !out.includes(id)) out.push(id);
    });
    return out;
  };
  coref.enterSentence(span.start, span.end);
  const sentenceActors = coref.actorsIn(span.start, span.end);
  const debunks = isDebunk(words);
  const cueWords = debunks ? debunkWords(words) : new Set<number>();
  const out: Statement[] = [];
  // A governed infinitive or gerund is part of its governor's statement, unless the governor reports speech.
  // A means gerund ("violated sanctions by providing artillery") is a statement of its own.
  const isMeans = (j: number): boolean => props[j].rules.includes('subject.means');
  const topLevel = (j: number): boolean => {
    const g = props[j].governedBy;
    return g === undefined || props[g].reports !== undefined || isMeans(j);
  };
  const frames = reportFrames(props);
  props.forEach((p, i) => {
    if (!topLevel(i) || frames.has(i)) return;
    if (p.reports && !(p.reports === 'deny' && p.rules.includes('report.anaphoric-denial'))) return;
    if (!KEPT_MODALITIES.has(p.modality)) return;
    // An event noun states something only with an actor in it ("Vestrand's acquisition of Kellner"; not "Coverage of the protests").
    if (p.rules.includes('pred.nominalisation') && !actorAt(p.agent) && !actorAt(p.patient)) return;
    const anaphoric = p.reports === 'deny';
    const chain = props.map((_, j) => j).filter((j) => j !== i && governs(props, i, j) && props[j].reports === undefined && !isMeans(j));
    // The chain's main event: a governed verb with an actor of its own when the head has none
    // ("The agreements involve North Korea sending Russia weapons"), else the first verb that names an event.
    const headAgent = actorAt(props[i].agent);
    const withAgent = headAgent ? undefined : chain.find((j) => actorAt(props[j].agent) && !GENERIC_PREDS.has(props[j].pred));
    // Wanting is the claim when the head wants ("Moscow wants to purchase rockets" is not a purchase).
    const wants = WANTS.has(props[i].pred) && chain.some((j) => props[j].modality === 'wanted');
    const main = wants ? i : withAgent ?? [i, ...chain].find((j) => !GENERIC_PREDS.has(props[j].pred) && !COPULA_ADJ.has(props[j].predPos)) ?? i;
    const mp = props[main];
    if (!anaphoric && GENERIC_PREDS.has(mp.pred) && !mp.patient && !mp.obliques.length) return;
    const reporter = p.reportedBy !== undefined ? props[p.reportedBy] : undefined;
    notThese = [];
    const reporterActor = reporter ? actorAt(reporter.agent ?? reporter.subject) : undefined;
    notThese = reporterActor ? [reporterActor] : [];
    bindLogophoric(p, reporter, words, coref, actorAt, opts);
    const speaker = reporter ? speakerOf(reporter, props, words, actorAt)
      : anaphoric ? actorAt(p.agent) ?? null : p.source ? actorAt(p.source) ?? null : null;
    const denied = reporter?.reports === 'deny' || anaphoric;
    const negated = p.negated || mp.negated;
    // A debunk cue in the sentence ("the story was a hoax") contradicts whatever it restates.
    const contradicts = debunks && !denied ? true : denied !== negated;
    const roles = mergeRoles([i, ...chain].map((j) => rolesOf(props[j], actorAt)));
    for (const extra of [...actorsAt(p.agent).slice(1), ...actorsAt(p.patient).slice(1)]) if (!roles.others.includes(extra)) roles.others.push(extra);
    // "Kellner's shares rose", "shares in Kellner": the shares are not Kellner, but Kellner takes part in the event.
    for (const q of [i, ...chain].map((j) => props[j])) {
      for (const a of [q.agent, q.patient]) {
        if (!a || actorAt(a)) continue;
        const { start, end } = argChars(words, a);
        for (const id of coref.actorsIn(start, end)) if (!roles.others.includes(id) && id !== roles.agent) roles.others.push(id);
      }
    }
    const clause = clauseOf(words, props, i, reporter);
    // Words of a phrase that names an actor ("Russian Defense Minister Sergei Shoigu") describe the actor, not the event.
    const describing = new Set<number>();
    for (const q of [i, ...chain].map((j) => props[j])) {
      for (const a of [q.agent, q.patient, q.subject, q.object, q.object2, ...q.obliques.map((o) => o.arg)]) {
        if (a && actorAt(a)) for (let k = a.start; k < a.end; k++) describing.add(k);
      }
    }
    // A debunk's own words ("is fake", "exposed as a sham") are its stance, not its content: what remains is what it debunks.
    const terms = contentTerms(words, clause.fromWord, clause.toWord, (w) => coref.isActorWord(w) || describing.has(words.indexOf(w)))
      .filter((t) => !(debunks && isDebunkWord(t.lemma)));
    const subjArg = p.passive ? p.subject : p.agent ?? p.subject;
    const outside = subjArg && words[clause.fromWord] && subjArg.start < clause.fromWord && clause.fromWord === p.verbAt
      ? { text: words.slice(subjArg.start, subjArg.end).map((w) => w.text).join(' '), actorId: actorAt(subjArg), verb: p.verb }
      : undefined;
    if (!anaphoric && !terms.length) return;
    const actors = [...new Set([...Object.values(roles).flat().filter((x): x is string => typeof x === 'string'), ...sentenceActors])];
    // A statement naming no actor ("A woman has spent $20,000 on surgery to get a third breast") needs much content.
    if (!actors.length && !debunks && terms.reduce((a, t) => a + t.weight, 0) < ACTORLESS_MIN_MASS) return;
    const stancePred = (x: string): boolean => (debunks && isDebunkWord(x)) || DENIAL_VERBS.has(x);
    const preds = [...new Set([mp.pred, ...[i, ...chain].map((j) => props[j].pred).filter((x) => !GENERIC_PREDS.has(x))])].filter((x) => !stancePred(x));
    const mainPred = stancePred(mp.pred) ? 'be' : mp.pred;
    const first = words[clause.fromWord];
    const last = words[clause.toWord - 1];
    const clauseWhole = !!first && !!last && clause.toWord - clause.fromWord >= 4
      && (!!outside || (!!p.subject && p.subject.start === clause.fromWord))
      && opensClause(words[clause.fromWord - 1])
      && !/^(?:conj|prep|det|to|aux|modal|wh|pron)$/.test(last.tag) && !/^(?:since|because|while|when|as|than|that|which|who)$/.test(last.norm)
      // "… is expressing apprehension regarding": a clause ending on a gerund lost what it governs.
      && !(last.tag === 'verb' && last.form === 'gerund');
    const body = bodyOf(words, p, reporter, span);
    const theme = themeOf(mp, words, actorAt);
    const whole = debunks || anaphoric
      ? { sentenceTerms: contentTerms(words, 0, words.length, (w) => coref.isActorWord(w) || cueWords.has(words.indexOf(w))) } : {};
    out.push({
      ...whole,
      ...(theme ? { theme } : {}),
      docId, sent, span, propIndex: i, pred: mainPred, predPos: mp.predPos, preds: preds.length ? preds : [mainPred], roles, terms,
      figures: words.slice(clause.fromWord, clause.toWord).filter((w) => w.tag === 'num' && /\d/.test(w.text)).map((w) => w.norm),
      actors, speaker, stance: contradicts ? 'contradicts' : 'supports', negated, denied, modality: p.modality, debunks, anaphoric, headline,
      clause: { start: words[clause.fromWord]?.start ?? span.start, end: words[clause.toWord - 1]?.end ?? span.end },
      clauseWhole, sentenceBody: body, sole: true,
      ...(outside ? { outsideSubject: outside } : {}),
      references: coref.referencesIn(words[clause.fromWord]?.start ?? span.start, words[clause.toWord - 1]?.end ?? span.end),
      rules: [...p.rules, ...chain.flatMap((j) => props[j].rules.map((r) => `${props[j].pred}:${r}`)),
        ...(reporter ? [`speaker.${reporter.rules.includes('report.trailing') ? 'trailing' : 'reported'}`] : []),
        ...(debunks ? ['stance.debunk-cue'] : []), ...(denied ? ['stance.denied'] : [])],
    });
  });
  setClauseActors(out, words, span, coref);
  // At most the most telling statements of a sentence: a long sentence is not many claims.
  const kept = out.sort((a, b) => rank(b) - rank(a)).slice(0, MAX_PER_SENTENCE).sort((a, b) => a.propIndex - b.propIndex);
  if (kept.length > 1) for (const k of kept) k.sole = false;
  return kept;
}

/**
 * "Kim inspected a farm on Tuesday, and Putin will address the nation": a statement names the actors
 * of its own clause, which reaches over the clauses next to it up to the first conjunction on each
 * side; so the first is about Kim only and the second about Putin. Without a conjunction between
 * them ("North Korean munitions | have been flowing to Moscow") neighbouring spans are one clause.
 */
function setClauseActors(out: Statement[], words: Word[], span: { start: number; end: number }, coref: Coreference): void {
  const joined = (from: number, to: number): boolean => words.some((w) => w.start >= from && w.end <= to && w.tag === 'conj');
  for (const st of out) {
    let from = span.start;
    let to = st.clause.end;
    for (const o of out) {
      if (o === st) continue;
      if (o.clause.end <= st.clause.start && joined(o.clause.end, st.clause.start)) from = Math.max(from, o.clause.end);
      if (o.clause.start >= st.clause.end && !joined(st.clause.end, o.clause.start)) to = Math.max(to, o.clause.end);
    }
    const roleIds = Object.values(st.roles).flat().filter((x): x is string => typeof x === 'string');
    st.clauseActors = [...new Set([...roleIds, ...coref.actorsIn(from, to)])];
  }
}

function rank(s: Statement): number {
  const roleActor = s.roles.agent || s.roles.patient || s.roles.goal || s.roles.source ? 1 : 0;
  return roleActor + s.terms.reduce((a, t) => a + t.weight, 0) + (s.anaphoric || s.debunks ? 0.5 : 0);
}

/** The chain's roles: the head proposition's, with gaps filled from the verbs it governs. */
function mergeRoles(list: Roles[]): Roles {
  const out: Roles = { others: [] };
  for (const r of list) {
    out.agent ??= r.agent;
    out.patient ??= r.patient;
    out.goal ??= r.goal;
    out.source ??= r.source;
    for (const o of r.others) if (!out.others.includes(o)) out.others.push(o);
  }
  for (const k of ['agent', 'patient', 'goal', 'source'] as const) if (out[k] === undefined) delete out[k];
  return out;
}

/** Voice- and frame-normalised roles: who gives, who gets, who is affected. */
function rolesOf(p: Proposition, actorAt: (a: Arg | undefined) => string | undefined): Roles {
  const L = lexicon();
  const roles: Roles = { others: [] };
  const agent = actorAt(p.agent);
  const patient = actorAt(p.patient);
  if (agent) roles.agent = agent;
  const frame = p.predPos === 'v' ? L.frame(p.pred) : 0;
  for (const o of p.obliques) {
    const id = actorAt(o.arg);
    if (!id || id === agent) continue;
    if (o.prep === 'to' || o.prep === 'for' && frame === 1) roles.goal ??= id;
    else if (o.prep === 'from') roles.source ??= id;
    else if (o.prep === 'with' && frame === 1 && patient) roles.goal ??= patient;
    else if (o.prep !== 'by') roles.others.push(id);
  }
  // "supplied Russia with weapons", "sent Russia weapons": the first object is the recipient.
  if (patient && ((frame === 1 && p.obliques.some((o) => o.prep === 'with')) || p.object2)) roles.goal ??= patient;
  else if (patient) roles.patient = patient;
  // A giving verb's subject is the source; a getting verb's subject the goal ("Russia bought … from").
  if (agent && frame === 1) roles.source ??= agent;
  if (agent && frame === 2) roles.goal ??= agent;
  if (agent && !frame && roles.goal && !roles.source) roles.source = agent;
  if (agent && !frame && roles.source && !roles.goal && roles.source !== agent) roles.goal = agent;
  return roles;
}

/** The thing acted on: the object's head noun, or what a recipient is supplied with ("supplied Russia with shells"). */
function themeOf(p: Proposition, words: Word[], actorAt: (a: Arg | undefined) => string | undefined): string | undefined {
  const candidates = [p.object2, p.obliques.find((o) => o.prep === 'with')?.arg, p.passive ? p.subject : p.object];
  for (const a of candidates) {
    if (!a || actorAt(a)) continue;
    const head = words[a.head];
    if (head && head.tag === 'noun') return partitiveOf(words, a.head) ?? head.lemma;
  }
  return undefined;
}

/** "a pair of ballistic missiles", "dozens of drones", "a consignment of ginseng": the thing a partitive phrase measures (lang/partitive.ts). */
function partitiveOf(words: Word[], head: number): string | undefined {
  return partitiveThing(words, head)?.lemma;
}

/**
 * "The administration unveiled new findings on Wednesday, revealing that …":
 * a clause whose own participle reports what follows (the participle shares
 * its subject and reports something) is the report's frame; what it reveals
 * is the claim. The indices of such clauses.
 */
function reportFrames(props: Proposition[]): Set<number> {
  const frames = new Set<number>();
  props.forEach((q, j) => {
    if (!q.reports || !q.rules.includes('subject.participle') || !q.agent || !props.some((r) => r.reportedBy === j)) return;
    props.forEach((p, i) => {
      if (i < j && p.verbAt < q.verbAt && !p.reports && p.agent?.start === q.agent!.start) frames.add(i);
    });
  });
  return frames;
}

/**
 * Who reports a statement: the reporter's actor, or, when the reporter is no
 * actor ("information suggesting that …", "a report showing that …"), the one
 * who reports that in turn ("Kirby told reporters that the U.S. has
 * information suggesting that North Korea supplied …" is Kirby's).
 */
function speakerOf(reporter: Proposition, props: Proposition[], words: Word[], actorAt: (a: Arg | undefined) => string | undefined): string | null {
  const a = reporter.agent ?? reporter.subject;
  const who = actorAt(a);
  if (who) return who;
  // Only a piece of information passes its report on (WordNet: communication, cognition); newspapers or officials
  // no actor names are speakers of their own.
  const cls = a ? lexicon().lexname(words[a.head]?.lemma ?? '', 'n') : '';
  const up = reporter.reportedBy !== undefined ? props[reporter.reportedBy] : undefined;
  if (!up || (cls !== 'noun.communication' && cls !== 'noun.cognition')) return null;
  // Further up only a name counts: "since it was posted" must not make a pronoun's guess the speaker.
  const b = up.agent ?? up.subject;
  return b && words[b.head]?.tag !== 'pron' ? actorAt(b) ?? null : null;
}

/**
 * Can a clause start after this word and read on its own? At the sentence's
 * start, after punctuation, a conjunction, "that" or a reporting verb ("said
 * Russia …") it can; after a preposition, a determiner, a noun or another
 * verb ("represents | the latest instance of …") it is the tail of a
 * phrase ("the duration of | Russia's warfare remains uncertain", "pursuit of
 * talks with | a country like North Korea signifies …").
 */
export function opensClause(prev: Word | undefined): boolean {
  if (!prev || /[,;:—–"“”()]/.test(prev.after)) return true;
  return /^(?:conj|wh|aux|modal|adv)$/.test(prev.tag) || prev.norm === 'that' || (prev.tag === 'verb' && REPORTING_VERBS.has(prev.lemma));
}

/** The sentence without a trailing attribution ("…, the minister said") or an "According to X," opening. */
function bodyOf(words: Word[], p: Proposition, reporter: Proposition | undefined, span: Span): { start: number; end: number } {
  let from = 0;
  let to = words.length;
  if (reporter && reporter.verbAt > p.verbAt && reporter.rules.includes('report.trailing')) to = reporter.clauseStart;
  // "The commission said on Tuesday that Northwind leaked …": the claim starts where the reported clause does.
  if (reporter && reporter.verbAt < p.verbAt) from = Math.max(from, p.clauseStart);
  if (p.source && p.source.start <= 2 && p.source.end < words.length) from = p.source.end;
  while (to > from + 1 && !/\p{L}|\d/u.test(words[to - 1].text)) to--;
  if (from >= to) return { start: span.start, end: span.end };
  return { start: words[from].start, end: words[to - 1].end };
}

/** Is proposition j governed by proposition i (directly or through others)? Its verbs then join i's statement. */
function governs(props: Proposition[], i: number, j: number): boolean {
  for (let k: number | undefined = j, n = 0; k !== undefined && n < 8; k = props[k].governedBy, n++) if (k === i) return true;
  return false;
}

/** Is proposition j inside proposition i's clause words (governed by it, or a reduced relative on one of its phrases)? */
function within(props: Proposition[], i: number, j: number): boolean {
  for (let k: number | undefined = j, n = 0; k !== undefined && n < 8; k = props[k].governedBy ?? props[k].embeddedIn, n++) if (k === i) return true;
  return false;
}

/**
 * The words stating the proposition: from its subject to the end of its
 * clause (up to the next clause it does not govern), without the reporting
 * frame around it ("X said that …", "…, X said", "according to X,").
 */
function clauseOf(words: Word[], props: Proposition[], i: number, reporter: Proposition | undefined): { fromWord: number; toWord: number } {
  const p = props[i];
  const gov = p.governedBy !== undefined ? props[p.governedBy] : undefined;
  // A controlled subject ("accused North Korea of supplying") sits outside this clause: the clause starts at the verb.
  let from = p.subject && !p.subjectShared && (!gov || p.subject.start > gov.verbAt) ? p.subject.start : p.verbAt;
  void gov;
  let to = words.length;
  for (let j = i + 1; j < props.length; j++) {
    if (within(props, i, j) || props[j].reportedBy === i) continue;
    const qStart = props[j].clauseStart;
    if (qStart > p.verbAt) { to = Math.min(to, qStart); break; }
  }
  if (reporter && reporter.verbAt > p.verbAt) {
    // Trailing attribution: stop before the comma that introduces it.
    const rs = reporter.subject && reporter.subject.start < reporter.verbAt ? reporter.subject.start : reporter.verbAt;
    if (rs > p.verbAt) to = Math.min(to, rs);
  }
  // Back off over the conjunction, subordinator or punctuation that joins the next clause.
  while (to > from + 1 && (/^(?:and|but|or|yet|while|whereas|as|which|who|that)$/.test(words[to - 1].norm) || !/\p{L}|\d/u.test(words[to - 1].text))) to--;
  // "seeking weapons technologies and in return, is supplying …": a coordinator opening an adverbial phrase of the next
  // clause ("and in return", "but at the same time") goes with that clause.
  for (let k = Math.max(from + 1, to - 4); k < to; k++) {
    if (/^(?:and|but|or|yet)$/.test(words[k].norm) && words[k + 1]?.tag === 'prep' && words.slice(k + 1, to).every((w) => w.tag !== 'verb' && w.tag !== 'aux')) {
      to = k;
      break;
    }
  }
  if (p.source) {
    const accStart = p.source.start - 2;
    if (accStart <= from && p.source.end > from) from = p.source.end;
  }
  while (to > from && /[.!?]$/.test(words[to - 1].text)) to--;
  if (from >= to) return { fromWord: 0, toWord: words.length };
  return { fromWord: from, toWord: to };
}

/**
 * Reported speech about oneself: "North Korea denied that they were selling
 * weapons": a pronoun subject of the reported clause is the reporter when
 * the kinds fit.
 */
function bindLogophoric(p: Proposition, reporter: Proposition | undefined, words: Word[], coref: Coreference,
  actorAt: (a: Arg | undefined) => string | undefined, opts: StatementOptions): void {
  if (!reporter || !p.subject || words[p.subject.head].tag !== 'pron' || p.subject.end - p.subject.start !== 1) return;
  const who = actorAt(reporter.agent ?? reporter.subject);
  if (!who) return;
  const pron = words[p.subject.head];
  const kind = opts.kindOf(who);
  const fits = kind === 'person' ? PRONOUNS.person.has(pron.norm) : kind === 'organization' || kind === 'country' ? PRONOUNS.group.has(pron.norm) || PRONOUNS.thing.has(pron.norm) : false;
  if (fits) coref.bind(pron, who);
}
