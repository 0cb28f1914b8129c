// Claim extraction: each check-worthy sentence yields at most two frames
// (predicate concept, agent, patient), with who says it and whether it denies
// the proposition. Frames are general English: the predicates come from the
// concept lexicon, never from a list of claims.
//
// Precision over recall: a frame needs its agent to be the subject of the
// predicate's clause (not the nearest name before the verb), the object to be
// the verb's object or recipient, and hypotheticals ("potential
// contribution", "would violate", "plans to test") make no frame. Supply
// frames inside a deal ("agreements involve X sending Y ...") are deal frames.

import { concept, lemma, STOPWORDS } from '../nlp/lexicon';
import type { Span } from '../lang/sentences';
import { denialCue } from '../nlp/stance';
import { tokenize, type Token } from '../lang/tokens';
import { ROLE_MODIFIERS, ROLE_WORDS } from './actors';
import type { ResolvedMention } from './resolve';
import type { ActorKind } from './types';

/** Event predicates in priority order: the first found is the sentence's main frame. */
export const PREDICATES = [
  'supply', 'seek', 'urge', 'condemn', 'leak', 'launch', 'test', 'attack', 'violate', 'exchange', 'shortage', 'drill',
  'sanction', 'agree', 'ally', 'meet', 'approve', 'harm', 'effective', 'investigate', 'fund', 'desperate', 'hide',
] as const;
/** Predicates whose two participants are interchangeable ("A met B" = "B met A" is not assumed: only these). */
export const SYMMETRIC = new Set(['exchange', 'shortage', 'drill', 'agree', 'ally']);
/** Predicates that need an object to be a claim. */
const NEEDS_PATIENT = new Set(['condemn', 'urge', 'sanction', 'attack', 'meet', 'fund']);

/** Seeking is not getting: "seeking assistance from X" does not say X supplies. */
const SEEK_LEMMAS = new Set(['seek', 'pursue', 'pursuit', 'secure', 'request', 'solicit', 'court']);
/** Verbs that frame a report: they end the clause of the subject before them. */
const FRAMING_LEMMAS = new Set(['believe', 'assess', 'suggest', 'indicate', 'think', 'suspect', 'fear', 'estimate', 'allege',
  'accuse', 'claim', 'say', 'state', 'deny', 'reveal', 'announce', 'report', 'tell', 'inform', 'add', 'note', 'confirm',
  'stress', 'emphasize', 'emphasise', 'warn', 'insist', 'argue', 'explain', 'acknowledge', 'disclose', 'unveil', 'mention', 'convey',
  'characterize', 'characterise', 'describe', 'clarify']);
const FRAMING_CONCEPTS = new Set(['say', 'accuse', 'deny']);
/** Words that open a subordinate clause. */
const CLAUSE_OPENERS = new Set(['that', 'which', 'who', 'whom', 'whether', 'because', 'although', 'though', 'how', 'while', 'whereas', 'if', 'unless']);
const PRONOUNS = new Set(['he', 'she', 'they', 'we', 'it', 'i']);
const PREPOSITIONS = new Set(['in', 'of', 'for', 'to', 'from', 'with', 'by', 'on', 'at', 'against', 'amid', 'into', 'about',
  'toward', 'towards', 'between', 'among', 'like', 'than', 'regarding', 'over', 'through', 'under', 'across', 'without', 'despite', 'via', 'onto', 'behind', 'near']);
const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'this', 'that', 'these', 'those', 'any', 'some', 'other']);
/** Words that make the next event hypothetical or merely proposed. */
const HYPOTHETICAL = new Set(['potential', 'possible', 'prospective', 'envisioned', 'envisaged', 'proposed', 'planned', 'would',
  'could', 'might', 'plan', 'plans', 'intend', 'intends', 'threaten', 'threatens', 'hypothetical', 'future', 'simulate', 'simulating', 'simulated']);
/** Nouns of a standing alliance between parties ("a military alliance", "a strategic partnership"). */
const ALLIANCE_NOUNS = new Set(['alliance', 'alliances', 'partnership', 'partnerships', 'coalition', 'coalitions']);
/** Modifiers kept in an alliance claim's wording ("military alliance"). */
const ALLIANCE_KINDS = new Set(['military', 'strategic', 'defense', 'defence', 'security', 'economic', 'political', 'nuclear']);
/**
 * Hedges that still put an alliance forward ("a supposed / suspected / potential alliance", "conjecture about"):
 * the stance of evidence is support vs denial, not certainty. Conditionals and plans ("would form", "plans to
 * form", "a proposed alliance") are about an event that has not happened and stay out.
 */
const EPISTEMIC_HEDGES = new Set(['potential', 'possible', 'prospective']);
/** Negotiating words: "discussions about potential arms deals" assert the negotiation itself. */
const NEGOTIATION_LEMMAS = new Set(['discuss', 'discussion', 'negotiate', 'negotiation', 'talk', 'talks']);
/** Verbs of stopping: urging X to stop doing P asserts that X is doing P. */
const CEASE_LEMMAS = new Set(['cease', 'stop', 'halt', 'end', 'suspend', 'abandon', 'quit', 'discontinue']);
/** Deal-making words: a supply they govern is the content of a deal. */
const DEAL_LEMMAS = new Set(['propose', 'proposal', 'offer', 'negotiate', 'negotiation', 'discuss', 'discussion', 'talk', 'deal', 'agreement', 'agree', 'pact', 'treaty']);
/** Nouns after a demonym that make it stand for the state ("Russian forces", "North Korean officials"). */
const STATE_NOUNS = new Set(['force', 'forces', 'military', 'army', 'navy', 'government', 'troops', 'official', 'officials', 'authorities',
  'regime', 'leadership', 'side', 'state', 'delegation', 'diplomats', 'soldiers']);
/** Theme concepts that make a supply frame military / material. */
const SUPPLY_THEMES = new Set(['weapon', 'container', 'technology', 'nuclear', 'ammunition', 'fund']);

export interface Frame {
  pred: string;
  agent: string | null;
  patient: string | null;
  /** Token index of the predicate word. */
  at: number;
  /** "to cease its arms negotiations with Russia" for urge frames; "military alliance" for ally frames. */
  complement?: string;
  /** Asserted only as the presupposition of a demand ("urge X to cease its negotiations with Y"). */
  presupposed?: boolean;
}

export interface SentenceClaim {
  docId: string;
  sentIndex: number;
  /** Paragraph (line) index in the document. */
  para: number;
  span: Span;
  frames: Frame[];
  speaker: string | null;
  denies: boolean;
  /** A denial that names no proposition of its own ("refuted these allegations"). */
  anaphoric: boolean;
  /** Actors named in the sentence (ids, in order). */
  actors: string[];
  /** Content concepts of the sentence (sorted, unique). */
  terms: string[];
  /** Quantities such as "1,000 container", with the phrase as written. */
  figures: string[];
  figurePhrases: Record<string, string>;
}

interface Ctx {
  tokens: Token[];
  lemmas: string[];
  concepts: string[];
  mentions: ResolvedMention[];
  /** Token index → mention starting there. */
  mentionAt: Map<number, ResolvedMention>;
  /** Token indices excluded from participant roles (the "according to X" phrase). */
  excluded: Set<number>;
  text: string;
}

export interface ExtractOptions {
  isCountry: (actorId: string) => boolean;
  kindOf: (actorId: string) => ActorKind | undefined;
  /** Region of a country actor ("Asia"), for "the Asian nation". */
  regionOf: (actorId: string) => string | undefined;
  /** Actor id used in cluster keys (a person's country when known). */
  affiliation: (actorId: string) => string;
  /**
   * The document's own headline. A sentence equal to it that states or denies a proposition
   * ("North Korea Denies Military Alliance With Russia") is the article's framing and makes frames;
   * other headline-like lines (section heads, related-article links) and question headlines do not.
   */
  title?: string;
}

function buildCtx(text: string, span: Span, mentions: ResolvedMention[]): Ctx {
  const tokens = tokenize(span.text).map((t) => ({ ...t, start: t.start + span.start, end: t.end + span.start }));
  const lemmas = tokens.map((t) => lemma(t.norm));
  const concepts = lemmas.map((l) => concept(l));
  const inSpan = mentions.filter((m) => m.start >= span.start && m.end <= span.end);
  const mentionAt = new Map<number, ResolvedMention>();
  for (const m of inSpan) {
    const idx = tokens.findIndex((t) => t.start >= m.start);
    if (idx >= 0 && !mentionAt.has(idx)) mentionAt.set(idx, m);
  }
  return { tokens, lemmas, concepts, mentions: inSpan, mentionAt, excluded: new Set(), text };
}

/** Index of the last token of the mention starting at k. */
function mentionEnd(ctx: Ctx, k: number): number {
  const m = ctx.mentionAt.get(k)!;
  let e = k;
  while (e + 1 < ctx.tokens.length && ctx.tokens[e + 1].start < m.end) e++;
  return e;
}

function gap(ctx: Ctx, a: number, b: number): string {
  return ctx.text.slice(ctx.tokens[a].end, ctx.tokens[b].start);
}

/** The mention at k only qualifies a person named right after it ("North Korean leader Kim Jong Un", "NSC spokesman John Kirby"). */
function rolePart(ctx: Ctx, k: number, kindOf: ExtractOptions['kindOf']): boolean {
  const e = mentionEnd(ctx, k);
  for (let i = e + 1; i < Math.min(ctx.tokens.length, e + 7); i++) {
    if (/[,;:()“”"]/.test(gap(ctx, i - 1, i))) return false;
    const m = ctx.mentionAt.get(i);
    if (m) return kindOf(m.actorId) === 'person' && !m.demonym;
    const t = ctx.tokens[i];
    if (!(ROLE_WORDS.has(t.norm) || ROLE_MODIFIERS.has(t.norm) || /^[A-Z]/.test(t.text))) return false;
  }
  return false;
}

/** Is the token at k inside a prepositional phrase ("of the U.S.", "with a relatively isolated country like X")? */
function inPP(ctx: Ctx, k: number): boolean {
  for (let i = k - 1; i >= Math.max(0, k - 4); i--) {
    const n = ctx.tokens[i].norm;
    // "With the Russian invasion of Ukraine, North Korea seems ...": a comma closes the fronted phrase.
    if (/,/.test(gap(ctx, i, i + 1)) && ctx.mentionAt.has(i + 1) && i + 1 === k) return false;
    if (PREPOSITIONS.has(n)) return true;
    if (DETERMINERS.has(n) || n === 'both' || /^[a-z]+(?:ly)?$/.test(n) && ['relatively', 'other', 'fellow', 'neighbouring', 'neighboring', 'isolated'].includes(n)) continue;
    if (n === 'and' || n === 'or') {
      // A conjunct shares the status of the first member: "between North Korea and Russia".
      for (let j = i - 1; j >= Math.max(0, i - 6); j--) if (ctx.mentionAt.has(j)) return inPP(ctx, j);
      return false;
    }
    const m = [...ctx.mentionAt.entries()].find(([s]) => s <= i && mentionEnd(ctx, s) >= i);
    if (m) continue; // inside an earlier mention (role phrase)
    return false;
  }
  return false;
}

/** A demonym may stand for its state right before the predicate ("Russian invasion") or before a state noun. */
function demonymOk(ctx: Ctx, k: number, at: number): boolean {
  const e = mentionEnd(ctx, k);
  if (e + 1 === at) return true;
  const next = ctx.tokens[e + 1]?.norm ?? '';
  if (STATE_NOUNS.has(next)) return true;
  // "Both Russian and Ukrainian forces"
  if (next === 'and' && ctx.mentionAt.get(e + 2)?.demonym) return demonymOk(ctx, e + 2, at);
  return false;
}

function eligible(ctx: Ctx, k: number, at: number, o: ExtractOptions, allowDemonym = false): boolean {
  const m = ctx.mentionAt.get(k);
  if (!m || ctx.excluded.has(k)) return false;
  if (m.demonym && !allowDemonym && !demonymOk(ctx, k, at)) return false;
  if (rolePart(ctx, k, o.kindOf)) return false;
  return true;
}

/** Start of the clause holding token `at` (after a clause opener or a framing verb). */
function clauseStart(ctx: Ctx, at: number, maxBack = 16): number {
  for (let i = at - 1; i >= Math.max(0, at - maxBack); i--) {
    const n = ctx.tokens[i].norm;
    if (i > 0 && /^[A-Z]/.test(ctx.tokens[i].text)) continue; // names ("United States") are not verbs
    if (CLAUSE_OPENERS.has(n)) return i + 1;
    if ((FRAMING_LEMMAS.has(ctx.lemmas[i]) || FRAMING_CONCEPTS.has(ctx.concepts[i]))
      && !['the', 'a', 'an', 'this', 'these', 'its', 'their', 'his', 'her'].includes(ctx.tokens[i - 1]?.norm ?? '')) return i + 1;
    if (/[;:]/.test(gap(ctx, i, i + 1))) return i + 1;
  }
  return Math.max(0, at - maxBack);
}

/** The subject of the clause of token `at`: its first eligible actor outside prepositional phrases. */
function subjectOf(ctx: Ctx, at: number, o: ExtractOptions, maxBack = 16): { id: string | null; pronoun: boolean; k: number } {
  // "condemn the DPRK for providing", "accused X of supplying", "leaned on Iran to supply": the object acts.
  const link = ctx.tokens[at - 1]?.norm;
  if (at >= 2 && (link === 'for' || link === 'of' || link === 'to')) {
    for (const [k, m] of ctx.mentionAt) {
      if (mentionEnd(ctx, k) !== at - 2 || ctx.excluded.has(k) || m.demonym) continue;
      if (link === 'to' && PREPOSITIONS.has(ctx.tokens[k - 1]?.norm ?? '') && ctx.tokens[k - 1].norm !== 'on') continue;
      if (link === 'to' && (ctx.tokens[k - 1]?.norm === 'the' && PREPOSITIONS.has(ctx.tokens[k - 2]?.norm ?? '') && ctx.tokens[k - 2].norm !== 'on')) continue;
      if (link !== 'to' && inPP(ctx, k)) continue;
      return { id: m.actorId, pronoun: false, k };
    }
  }
  if (at >= 1 && /ing$/.test(ctx.tokens[at].norm)) {
    // "indications of Russia seeking assistance": the name right before a gerund is its subject.
    for (const [k, m] of ctx.mentionAt) {
      if (mentionEnd(ctx, k) === at - 1 && !m.demonym && !ctx.excluded.has(k) && !rolePart(ctx, k, o.kindOf)) return { id: m.actorId, pronoun: false, k };
    }
  }
  const from = clauseStart(ctx, at, maxBack);
  for (let k = from; k < at; k++) {
    if (!ctx.mentionAt.has(k)) {
      if (PRONOUNS.has(ctx.tokens[k].norm) && k > from - 1 && !ctx.tokens.slice(from, k).some((_, j) => ctx.mentionAt.has(from + j))) {
        return { id: null, pronoun: true, k };
      }
      continue;
    }
    if (!eligible(ctx, k, at, o) || inPP(ctx, k)) continue;
    return { id: ctx.mentionAt.get(k)!.actorId, pronoun: false, k };
  }
  return { id: null, pronoun: false, k: -1 };
}

/** Possessor of the predicate noun: "Russia's ongoing invasion", "the U.S. military's annual joint drills". */
function possessorOf(ctx: Ctx, at: number, o: ExtractOptions): string | null {
  for (let i = at - 1; i >= Math.max(0, at - 5); i--) {
    const t = ctx.tokens[i];
    if (/['’]s$|s['’]$/.test(t.text) || /^['’]/.test(ctx.text.slice(t.end, t.end + 1))) {
      let k = i;
      if (!ctx.mentionAt.has(k)) {
        if (STATE_NOUNS.has(t.norm) && i > 0) k = i - 1; else return null;
      }
      for (const [s, m] of ctx.mentionAt) if (s <= k && mentionEnd(ctx, s) >= k && !ctx.excluded.has(s) && !rolePart(ctx, s, o.kindOf)) return m.actorId;
      return null;
    }
    if (PREPOSITIONS.has(t.norm) || CLAUSE_OPENERS.has(t.norm) || /^[A-Z]/.test(t.text) && !ctx.mentionAt.has(i)) return null;
  }
  return null;
}

/** Direct object: an actor within three tokens after the predicate ("supplied Russia", "condemn the DPRK"). */
function directObject(ctx: Ctx, at: number, o: ExtractOptions): { id: string; k: number } | null {
  for (let i = at + 1; i < Math.min(ctx.tokens.length, at + 8); i++) {
    if (ctx.mentionAt.has(i)) {
      const m = ctx.mentionAt.get(i)!;
      if (ctx.excluded.has(i)) return null;
      if (rolePart(ctx, i, o.kindOf)) {
        i = mentionEnd(ctx, i);
        continue;
      }
      return { id: m.actorId, k: i };
    }
    const n = ctx.tokens[i].norm;
    if (i - at > 3) return null;
    if (!DETERMINERS.has(n) && !(ROLE_WORDS.has(n) || ROLE_MODIFIERS.has(n))) return null;
  }
  return null;
}

/** Object of one of `preps` after the predicate, within the clause: "to the Wagner Group", "from Tehran". */
function prepObject(ctx: Ctx, at: number, preps: string[], o: ExtractOptions, window = 12): { id: string; k: number } | null {
  for (let i = at + 1; i < Math.min(ctx.tokens.length, at + window); i++) {
    const n = ctx.tokens[i].norm;
    if (CLAUSE_OPENERS.has(n) && n !== 'while') return null;
    if (!preps.includes(n)) continue;
    // "to" + verb is an infinitive, not a recipient.
    if (n === 'to' && !ctx.mentionAt.has(i + 1) && !DETERMINERS.has(ctx.tokens[i + 1]?.norm ?? '')) continue;
    for (let k = i + 1; k < Math.min(ctx.tokens.length, i + 7); k++) {
      if (ctx.mentionAt.has(k)) {
        if (ctx.excluded.has(k)) break;
        if (rolePart(ctx, k, o.kindOf)) {
          k = mentionEnd(ctx, k);
          continue;
        }
        return { id: ctx.mentionAt.get(k)!.actorId, k };
      }
      const w = ctx.tokens[k].norm;
      if (['like', 'such', 'as'].includes(w)) continue;
      if (PREPOSITIONS.has(w) || CLAUSE_OPENERS.has(w) || k - i > 4) break;
    }
  }
  return null;
}

/** Second conjunct: "X and Y" right after the mention at k. */
function conjunct(ctx: Ctx, k: number, at: number, o: ExtractOptions): string | null {
  const e = mentionEnd(ctx, k);
  let i = e + 1;
  // skip what belongs to the first conjunct ("Russian and Ukrainian forces": none; "Putin and North Korean leader Kim")
  if (ctx.tokens[i]?.norm !== 'and' && ctx.tokens[i]?.norm !== 'or') return null;
  for (let j = i + 1; j < Math.min(at, i + 7); j++) {
    if (!ctx.mentionAt.has(j)) continue;
    if (rolePart(ctx, j, o.kindOf)) {
      j = mentionEnd(ctx, j);
      continue;
    }
    return ctx.mentionAt.get(j)!.actorId;
  }
  return null;
}

/** "the Asian nation", "the country", "its northern neighbor" → the latest country named before and not in this sentence. */
function anaphorAgent(ctx: Ctx, from: number, at: number, prevCountries: string[], exclude: Set<string>, o: ExtractOptions): string | null {
  for (let i = Math.max(0, from); i < at; i++) {
    const w = ctx.tokens[i].norm;
    if (!['nation', 'country', 'neighbor', 'neighbour', 'state'].includes(w)) continue;
    let det = i - 1;
    let adjective: string | null = null;
    while (det >= 0 && /^[a-z]/.test(ctx.tokens[det].text) === false && !DETERMINERS.has(ctx.tokens[det].norm)) {
      adjective = ctx.tokens[det].text;
      det--;
    }
    while (det >= 0 && !DETERMINERS.has(ctx.tokens[det].norm) && i - det <= 3) det--;
    if (det < 0 || !DETERMINERS.has(ctx.tokens[det].norm) || inPP(ctx, det + 1)) continue;
    // "Asian" → "Asia", "African" → "Africa", "European" → "Europe", "American" → "Americas"
    const region = adjective && /^[A-Z][a-z]+an$/.test(adjective) ? (adjective.endsWith('ean') ? adjective.slice(0, -2) : adjective.slice(0, -1)) : null;
    for (let k = prevCountries.length - 1; k >= 0; k--) {
      const c = prevCountries[k];
      if (exclude.has(c)) continue;
      if (region && !(o.regionOf(c) ?? '').startsWith(region)) continue;
      return c;
    }
  }
  return null;
}

/**
 * A title-case headline in sentence case ("North Korea Denies Military Alliance With Russia" → "North Korea denies
 * military alliance with Russia"): words outside actor mentions lose their initial capital, so the predicate and
 * clause tests that read capitals as names treat them as words. Same length, so offsets are unchanged.
 */
function sentenceCase(span: Span, mentions: ResolvedMention[]): Span {
  const inMention = (pos: number): boolean => mentions.some((m) => m.start <= pos && pos < m.end);
  const lowered = span.text.replace(/\b[A-Z][a-z]+\b/g, (w, off: number) => (off === 0 || inMention(span.start + off) ? w : w[0].toLowerCase() + w.slice(1)));
  return { ...span, text: lowered };
}

const FIGURE_RE = /\b((?:(?:over|more than|nearly|almost|about|around|at least|some|roughly|up to)\s+)?)(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(million|billion|thousand)?\s*(%|percent|[a-z]+)((?:\s+of\s+(?:[a-z]+\s+){0,2}[a-z]+)?)/gi;

function isHypothetical(ctx: Ctx, at: number, allowHedges = false): boolean {
  for (let i = at - 1; i >= Math.max(0, at - 3); i--) {
    const n = ctx.tokens[i].norm;
    if (HYPOTHETICAL.has(n) && !(allowHedges && EPISTEMIC_HEDGES.has(n))) return true;
    if (n === 'to' && ['plan', 'intend', 'threaten', 'aim', 'want', 'hope'].includes(ctx.lemmas[i - 1] ?? '')) return true;
    if (ctx.mentionAt.has(i) || /[,;]/.test(gap(ctx, i, i + 1))) break;
  }
  return false;
}

/** Predicate concept of token i (or null). */
function predAt(ctx: Ctx, i: number): string | null {
  const lem = ctx.lemmas[i];
  const c = ctx.concepts[i];
  if (ctx.tokens[i].norm === 'according') return null;
  if (/^[A-Z]/.test(ctx.tokens[i].text) && i > 0 && !/[.!?“"]\s*$/.test(ctx.text.slice(ctx.tokens[i - 1].end, ctx.tokens[i].start))) return null;
  if (ctx.mentionAt.has(i)) return null;
  const norm = ctx.tokens[i].norm;
  // "a military alliance", "a strategic partnership"; "allied with" / "ally with" as verbs ("NATO allies" are no alliance claim).
  if (ALLIANCE_NOUNS.has(norm)) return 'ally';
  if ((norm === 'allied' || norm === 'ally' || norm === 'allies') && ctx.tokens[i + 1]?.norm === 'with'
    && !DETERMINERS.has(ctx.tokens[i - 1]?.norm ?? '')) return 'ally';
  if (SEEK_LEMMAS.has(lem)) {
    // "secure a joint arms deal" is about the deal.
    for (let k = i + 1; k < Math.min(ctx.tokens.length, i + 5); k++) if (ctx.concepts[k] === 'agree') return null;
    return 'seek';
  }
  if (c === 'acquire') return 'acquire';
  if (lem === 'hide' || lem === 'conceal' || lem === 'withhold' || lem === 'suppress') return 'hide';
  if (c === 'test' && ctx.concepts[i + 1] === 'launch') return null; // "test launches" are launches
  if (c === 'weapon' || c === 'help') return null;
  if (c === 'fund' && !['fund', 'finance', 'bankroll'].includes(lem)) return null;
  if (c === 'supply') {
    // "procure additional military aid": the object of getting, not a giving.
    for (let k = i - 1; k >= Math.max(0, i - 3); k--) if (ctx.concepts[k] === 'acquire' || SEEK_LEMMAS.has(ctx.lemmas[k])) return null;
  }
  return (PREDICATES as readonly string[]).includes(c) ? c : null;
}

/** Extract claim frames from one document's sentences. */
export function extractClaims(docId: string, text: string, sentences: Span[], mentions: ResolvedMention[], opts: ExtractOptions): SentenceClaim[] {
  const out: SentenceClaim[] = [];
  const prevCountries: string[] = [];
  const prevOrgs: string[] = [];
  let prevSpeaker: string | null = null;
  let prevSubject: string | null = null;
  /** Latest frame per predicate with its agent: "the missiles had been fired" continues "X fired two missiles". */
  const lastFrame = new Map<string, { frame: Frame; sentIndex: number }>();
  // Paragraph = line index.
  const lineStarts: number[] = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    if (text.slice(i + 1, text.indexOf('\n', i + 1) < 0 ? text.length : text.indexOf('\n', i + 1)).trim()) lineStarts.push(i + 1);
  }
  const paraOf = (pos: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  let titleSeen = false;
  sentences.forEach((span0, sentIndex) => {
    const headline = !/[.!?”"’)]$/.test(span0.text) || span0.text.endsWith('?');
    // The article's own headline states its framing; a question headline asserts nothing.
    const ownTitle = headline && !titleSeen && !!opts.title && span0.text.trim() === opts.title.trim() && !span0.text.trim().endsWith('?');
    if (ownTitle) titleSeen = true;
    const span = ownTitle ? sentenceCase(span0, mentions) : span0;
    const ctx = buildCtx(ownTitle ? text.slice(0, span.start) + span.text + text.slice(span.end) : text, span, mentions);
    const rememberCountries = (): void => {
      for (const m of ctx.mentions) {
        if (opts.isCountry(m.actorId)) prevCountries.push(m.actorId);
        else if (opts.kindOf(m.actorId) === 'organization') prevOrgs.push(m.actorId);
      }
    };
    if ((headline && !ownTitle) || ctx.tokens.length < (ownTitle ? 4 : 6)) {
      rememberCountries();
      return;
    }
    const T = ctx.tokens;
    // A negation inside a demand ("we urge X to not provide ...") is not a denial; "a warning to stop spreading groundless rumors" is.
    let deny = denialCue(span.text);
    if (deny.denies && /^(?:never|not|n't|no longer)\b/i.test(deny.cue ?? '') && ctx.concepts.includes('urge')) deny = { denies: false, cue: null };
    const cueAt = deny.cue ? T.findIndex((t) => t.start - span.start >= span.text.replace(/[’‘]/g, "'").indexOf(deny.cue!)) : -1;

    // Speaker: "According to X" / "As detailed by X", the subject of a framing verb, or a trailing "…, X said."
    let speaker: string | null = null;
    const pickNp = (from: number): string | null => {
      let first: string | null = null;
      for (let k = from; k < Math.min(T.length, from + 12); k++) {
        if (k > from && /[,;:“”"]/.test(gap(ctx, k - 1, k))) break;
        const m = ctx.mentionAt.get(k);
        if (!m) continue;
        ctx.excluded.add(k);
        if (m.demonym) continue;
        if (opts.kindOf(m.actorId) === 'person') return m.actorId;
        first ??= m.actorId;
      }
      return first;
    };
    const acc = T.findIndex((t, i) => (t.norm === 'according' && T[i + 1]?.norm === 'to')
      || (t.norm === 'by' && i <= 4 && ['detail', 'report', 'state', 'say', 'note', 'announce', 'reveal'].includes(ctx.lemmas[i - 1] ?? '') && T[i - 2]?.norm === 'as'));
    if (acc >= 0) speaker = pickNp(acc + (T[acc].norm === 'according' ? 2 : 1));
    if (!speaker) {
      const tail = /[,”"]\s*([A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+)*)\s+(?:said|says|stated|noted|remarked|added|told|wrote|explained|emphasized|warned)[^.]*\.?$/.exec(span.text);
      if (tail) {
        const pos = span.start + tail.index + tail[0].indexOf(tail[1]);
        const m = ctx.mentions.find((x) => x.start === pos && !x.demonym);
        if (m) speaker = m.actorId;
      }
    }
    let framingAt = -1;
    if (!speaker) {
      for (let i = 0; i < T.length; i++) {
        if (!(FRAMING_CONCEPTS.has(ctx.concepts[i]) || FRAMING_LEMMAS.has(ctx.lemmas[i]))) continue;
        if (i > 0 && /^[A-Z]/.test(T[i].text)) continue;
        if (i > 0 && ['the', 'a', 'these', 'this'].includes(T[i - 1].norm)) continue; // "the belief", "the report" are nouns
        framingAt = i;
        const s = subjectOf(ctx, i, opts, 26);
        if (s.id) {
          // A person named inside the subject phrase speaks for the body ("NSC spokesman John Kirby").
          speaker = s.id;
          break;
        }
        if (s.pronoun) {
          const pn = T[s.k].norm;
          if ((pn === 'he' || pn === 'she' || pn === 'they' || pn === 'we') && prevSpeaker) speaker = prevSpeaker;
          break;
        }
        break;
      }
    }
    if (!speaker) {
      const tail = /[,”"]\s*([A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+)*)\s+(?:said|says|stated|noted|remarked|added|told|wrote|explained|emphasized|warned)[^.]*\.?$/.exec(span.text);
      if (tail) {
        const pos = span.start + tail.index + tail[0].indexOf(tail[1]);
        const m = ctx.mentions.find((x) => x.start === pos && !x.demonym);
        if (m) speaker = m.actorId;
      }
    }
    if (!speaker && deny.denies && (framingAt < 0 || framingAt > cueAt)) {
      const s = subjectOf(ctx, cueAt > 0 ? cueAt : T.length - 1, opts);
      if (s.id) speaker = s.id;
      else if (s.pronoun && prevSpeaker) speaker = prevSpeaker;
      else if (/^(?:He|She|They)\b/.test(span.text) && prevSpeaker) speaker = prevSpeaker;
    }

    // Candidate frames.
    const sentenceActors = new Set(ctx.mentions.map((m) => m.actorId));
    let cands: Frame[] = [];
    const presupposed: Frame[] = [];
    /** The two sides a sentence names (their states for people), in order, when there are exactly two; the speaker's side is left out unless they deny. */
    const sentencePair = (at: number, known: string | null): [string, string] | null => {
      // Sides named before the pact noun (it refers back to them), plus the one already found.
      const sides: string[] = [];
      for (const [k, m] of [...ctx.mentionAt.entries()].sort((x, y) => x[0] - y[0])) {
        if (k >= at && m.actorId !== known) continue;
        if (!eligible(ctx, k, at, opts) && !(m.demonym && demonymOk(ctx, k, at))) continue;
        const aff = opts.affiliation(m.actorId);
        if (!sides.includes(aff)) sides.push(aff);
      }
      const spAff = speaker ? opts.affiliation(speaker) : null;
      const two = !deny.denies && spAff && sides.length > 2 ? sides.filter((x) => x !== spAff) : sides;
      if (two.length !== 2) return null;
      if (known && !two.includes(opts.affiliation(known))) return null;
      return [two[0], two[1]];
    };
    /** "X ... renewed its relationship with Y through ... an alliance": the nearest other side after the subject. */
    const otherParty = (k0: number, a: string, at: number): string | null => {
      for (let k = mentionEnd(ctx, k0) + 1; k < Math.min(T.length, at + 8); k++) {
        if (!ctx.mentionAt.has(k) || !eligible(ctx, k, at, opts)) continue;
        if (/[;:]/.test(gap(ctx, k - 1, k))) return null;
        const id = ctx.mentionAt.get(k)!.actorId;
        if (opts.affiliation(id) !== opts.affiliation(a)) return id;
      }
      return null;
    };
    const hasDealBefore = (at: number): boolean => {
      const from = clauseStart(ctx, at, 12);
      for (let i = Math.max(0, from - 4); i < at; i++) if (DEAL_LEMMAS.has(ctx.lemmas[i]) || ctx.concepts[i] === 'agree') return true;
      return false;
    };
    /** "from the country" → the state named earlier in the sentence (not the speaker's), else the latest before. */
    const sourceAnaphor = (at: number): string | null => {
      for (let i = at + 1; i < Math.min(T.length, at + 12); i++) {
        if (T[i].norm !== 'from') continue;
        if (!['the', 'this', 'that'].includes(T[i + 1]?.norm ?? '') || !['country', 'nation', 'regime'].includes(T[i + 2]?.norm ?? '')) return null;
        const agentAff = (() => { const s = subjectOf(ctx, at, opts).id; return s ? opts.affiliation(s) : null; })();
        const spAff = speaker ? opts.affiliation(speaker) : null;
        const before = ctx.mentions.filter((m) => m.end <= T[at].start && opts.isCountry(opts.affiliation(m.actorId))
          && opts.affiliation(m.actorId) !== agentAff && opts.affiliation(m.actorId) !== spAff);
        if (before.length) return opts.affiliation(before[before.length - 1].actorId);
        return null;
      }
      return null;
    };
    const AUX_ADV = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'not', 'only', 'also', 'still', 'now',
      'already', 'even', 'then', 'further', 'and', 'or', 'to', 'in', 'of', 'for', 'by', 'from', 'on', 'with', 'without', 'after', 'before', 'while', 'return', 'continue', 'continued', 'keep', 'kept', 'stop', 'start', 'begin', 'began']);
    const nounInPP = (at: number): boolean => {
      for (let i = at - 1; i >= Math.max(0, at - 4); i--) {
        if (PREPOSITIONS.has(T[i].norm)) return true;
        if (/^[A-Z]/.test(T[i].text) || ctx.mentionAt.has(i) || /[,;]/.test(gap(ctx, i, i + 1))) return false;
      }
      return false;
    };
    for (let at = 0; at < T.length; at++) {
      let pred = predAt(ctx, at);
      if (!pred) continue;
      const ing = /ing$/.test(T[at].norm);
      // "individuals aiding them": a participle whose subject is the common noun before it.
      if (ing && at > 0 && /^[a-z]+[^s]s$/.test(T[at - 1].text) && !AUX_ADV.has(T[at - 1].norm) && !/ly$/.test(T[at - 1].norm)
        && !PREPOSITIONS.has(T[at - 1].norm) && !DETERMINERS.has(T[at - 1].norm) && !STATE_NOUNS.has(T[at - 1].norm)) continue;
      // "the outcome of the second launch": an event noun inside a prepositional phrase has no subject of its own.
      const ppNoun = !ing && T[at - 1]?.norm !== 'to' && nounInPP(at);
      const acqFrom = pred === 'acquire' && !!prepObject(ctx, at, ['from'], opts, 12);
      if (isHypothetical(ctx, at, pred === 'ally') && !acqFrom) continue;
      const converted = (pred === 'supply' || pred === 'acquire') && hasDealBefore(at);
      if (converted) pred = 'agree';
      const subj = ppNoun ? { id: null, pronoun: false, k: -1 } : subjectOf(ctx, at, opts, pred === 'ally' ? 24 : 16);
      let agent = subj.id;
      if (!agent && subj.pronoun) {
        const pn = T[subj.k].norm;
        if ((pn === 'we' || pn === 'i') && speaker) agent = speaker;
        else if (pn === 'they' || pn === 'he' || pn === 'she') {
          // "North Korea ... denied the suspicions that they were selling weapons": the denier.
          agent = deny.denies && speaker ? speaker : pn === 'they' ? prevSubject : prevSpeaker ?? prevSubject;
        }
      }
      if (!agent && !ppNoun) agent = anaphorAgent(ctx, clauseStart(ctx, at), at, prevCountries, sentenceActors, opts);
      if (!agent && !ppNoun) {
        // "the company never exposed ...": the latest organisation named (in this sentence or before).
        const from = clauseStart(ctx, at);
        for (let i = from; i < at - 1 && !agent; i++) {
          if (T[i].norm === 'the' && ['company', 'firm', 'group', 'organization', 'organisation', 'business', 'carrier', 'operator', 'manufacturer', 'maker'].includes(T[i + 1].norm)) {
            const here = ctx.mentions.filter((m) => m.end <= T[i].start && opts.kindOf(m.actorId) === 'organization' && m.actorId !== speaker).pop()?.actorId;
            agent = here ?? prevOrgs[prevOrgs.length - 1] ?? null;
          }
        }
      }
      if (!agent && !subj.pronoun) agent = possessorOf(ctx, at, opts);
      let patient: string | null = null;
      let complement: string | undefined;
      if (pred === 'supply') {
        if (['them', 'him', 'her', 'it', 'us', 'me'].includes(T[at + 1]?.norm ?? '')) continue; // recipient unknown
        patient = directObject(ctx, at, opts)?.id ?? prepObject(ctx, at, ['to', 'for', 'onto'], opts, 14)?.id ?? null;
        if (!agent) {
          // "the initial arms delivery from North Korea reached Wagner"
          const src = prepObject(ctx, at, ['from'], opts, 3);
          if (src) {
            agent = src.id;
            patient = directObject(ctx, src.k + 1, opts)?.id ?? null;
          }
        }
        // Military / material theme required near the verb.
        let themed = ctx.lemmas[at] === 'arm';
        for (let i = Math.max(0, at - 5); i < Math.min(T.length, at + 14) && !themed; i++) themed = SUPPLY_THEMES.has(ctx.concepts[i]);
        if (!themed) continue;
      } else if (pred === 'acquire' && (prepObject(ctx, at, ['from'], opts, 12) || sourceAnaphor(at))) {
        // Getting arms from X is X supplying them.
        pred = 'supply';
        patient = agent;
        agent = prepObject(ctx, at, ['from'], opts, 12)?.id ?? sourceAnaphor(at);
      } else if (pred === 'seek' || pred === 'acquire') {
        if (pred === 'acquire' && (subj.k < 0 || at - subj.k > 6)) continue;
        pred = 'seek';
        let themed = false;
        for (let i = at + 1; i < Math.min(T.length, at + 7) && !themed; i++) themed = SUPPLY_THEMES.has(ctx.concepts[i]) || ctx.concepts[i] === 'help' || ctx.concepts[i] === 'supply';
        if (!themed) continue;
        // "pursuing a plan to acquire missiles from Iran" is the acquisition frame's business.
        let acqLater = false;
        for (let i = at + 1; i < Math.min(T.length, at + 6); i++) if (ctx.concepts[i] === 'acquire' && prepObject(ctx, i, ['from'], opts, 12)) acqLater = true;
        if (acqLater) continue;
        patient = prepObject(ctx, at, ['from'], opts, 12)?.id ?? sourceAnaphor(at) ?? null;
        if (!patient && agent) {
          // The party approached: another state named in the sentence ("a trip to North Korea to secure ammunition").
          const aff = opts.affiliation(agent);
          const spAff = speaker ? opts.affiliation(speaker) : null;
          const others = ctx.mentions.filter((m) => opts.affiliation(m.actorId) !== aff && opts.affiliation(m.actorId) !== spAff && !m.demonym
            && ![...ctx.excluded].some((x) => ctx.mentionAt.get(x) === m));
          const near = others.sort((a, b) => Math.abs(a.start - T[at].start) - Math.abs(b.start - T[at].start))[0];
          if (near && (opts.isCountry(near.actorId) || opts.kindOf(near.actorId) === 'person')) patient = near.actorId;
        }
      } else if (SYMMETRIC.has(pred)) {
        let a: string | null = null;
        let b: string | null = null;
        if (subj.id && subj.k >= 0) {
          a = subj.id;
          b = conjunct(ctx, subj.k, at, opts);
        } else {
          // Demonym conjuncts: "Both Russian and Ukrainian forces"
          const from = clauseStart(ctx, at);
          for (let k = from; k < at && !a; k++) {
            if (ctx.mentionAt.get(k)?.demonym && eligible(ctx, k, at, opts, true) && !inPP(ctx, k) && demonymOk(ctx, k, at)) {
              a = ctx.mentionAt.get(k)!.actorId;
              b = conjunct(ctx, k, at, opts);
            }
          }
        }
        const btw = prepObject(ctx, at, ['between'], opts, 3);
        if (btw) {
          a = btw.id;
          b = conjunct(ctx, btw.k, T.length, opts);
        }
        if (!b) b = prepObject(ctx, at, ['with'], opts, 6)?.id ?? null;
        if (!a && agent) a = agent;
        if (pred === 'ally' && a && !b && subj.k >= 0) b = otherParty(subj.k, a, at);
        // "a meeting that sparked conjecture about a potential alliance", "discussions about potential arms deals":
        // a pact named without its parties is between the two sides the sentence names (an alliance may name one).
        if ((pred === 'ally' && (!a || !b)) || (pred === 'agree' && NEGOTIATION_LEMMAS.has(ctx.lemmas[at]) && !a && !b)) {
          const pr = sentencePair(at, a ?? b);
          if (pr) [a, b] = pr;
        }
        if (pred === 'ally') {
          const noun = ALLIANCE_NOUNS.has(T[at].norm) ? T[at].norm.replace(/s$/, '') : 'alliance';
          const mod = ALLIANCE_KINDS.has(T[at - 1]?.norm ?? '') ? `${T[at - 1].norm} ` : '';
          complement = mod + noun;
        }
        agent = a;
        patient = b;
        if (pred === 'drill' && !(agent && patient)) continue;
        if ((pred === 'exchange' || pred === 'shortage') && !(agent && patient)) continue;
      } else if (pred === 'meet') {
        patient = directObject(ctx, at, opts)?.id ?? prepObject(ctx, at, ['with', 'to'], opts, 6)?.id ?? null;
      } else if (pred === 'urge') {
        const obj = directObject(ctx, at, opts);
        if (!obj) continue;
        const e = mentionEnd(ctx, obj.k);
        if (T[e + 1]?.norm !== 'to') continue;
        patient = obj.id;
        let stop = e + 2;
        while (stop < T.length && !['and', 'or', 'but'].includes(T[stop].norm) && !/[,;.“”"]/.test(ctx.text.slice(T[stop - 1].end, T[stop].start))) stop++;
        complement = text.slice(T[e + 1].start, T[stop - 1].end);
        // "urge X to cease its arms negotiations with Y" asserts that X negotiates with Y (the urger speaks).
        for (let j = e + 2; j < stop; j++) {
          if (!CEASE_LEMMAS.has(ctx.lemmas[j])) continue;
          for (let q = j + 1; q < Math.min(stop, j + 6); q++) {
            const p = predAt(ctx, q);
            if (!p || p === 'urge' || p === 'condemn' || p === 'seek' || p === 'acquire') continue;
            const other = (p === 'agree' || SYMMETRIC.has(p) ? prepObject(ctx, q, ['with'], opts, 6) : null)
              ?? directObject(ctx, q, opts) ?? prepObject(ctx, q, ['to', 'with', 'at', 'against', 'on'], opts, 6);
            if (SYMMETRIC.has(p) && !other) break;
            if (other && opts.affiliation(other.id) === opts.affiliation(obj.id)) break;
            presupposed.push({ pred: p, agent: obj.id, patient: other?.id ?? null, at: q, presupposed: true });
            break;
          }
          break;
        }
      } else if (pred === 'launch') {
        patient = prepObject(ctx, at, ['at', 'into', 'on', 'against'], opts, 8)?.id ?? null;
      } else if (pred === 'violate' || pred === 'sanction' || pred === 'condemn' || pred === 'attack' || pred === 'investigate' || pred === 'leak' || pred === 'hide' || pred === 'fund' || pred === 'approve') {
        patient = directObject(ctx, at, opts)?.id ?? prepObject(ctx, at, ['on', 'against', 'of', 'into', 'for'], opts, 6)?.id ?? null;
      }
      if (!agent && ['been', 'was', 'were'].includes(T[at - 1]?.norm ?? '') && /ed$/.test(T[at].norm)
        && !prepObject(ctx, at, ['by'], opts, 4)) {
        // Agentless passive about a definite theme ("the missiles had been fired"): the same event as the
        // latest active frame of that predicate in the two sentences before, so its agent.
        const prev = lastFrame.get(pred);
        const definite = T.slice(clauseStart(ctx, at), at).some((t) => t.norm === 'the' || t.norm === 'these');
        if (prev && definite && sentIndex - prev.sentIndex <= 2) {
          agent = prev.frame.agent;
          patient ??= prev.frame.patient;
        }
      }
      if (!agent && !(deny.denies && speaker && (pred === 'supply' || pred === 'leak' || pred === 'hide' || pred === 'ally'))) continue;
      if (!agent && deny.denies) agent = speaker;
      if (agent && patient && opts.affiliation(agent) === opts.affiliation(patient)) {
        if (pred === 'supply' || pred === 'seek') continue; // a state supplying itself is no claim
        patient = null;
      }
      if (NEEDS_PATIENT.has(pred) && !patient) {
        if (pred !== 'meet') continue;
      }
      if (SYMMETRIC.has(pred) && !patient && !(pred === 'agree' && converted)) continue;
      const f: Frame = { pred, agent, patient, at };
      if (complement) f.complement = complement;
      cands.push(f);
    }
    cands.push(...presupposed);
    // "condemned X for supporting Y", "condemned X in their decision to support Y in its war": who condemns X
    // for helping Y at war asserts that X supplies Y; that supply is the sentence's main claim, the condemner its speaker.
    let condemner: string | null = null;
    for (const f of [...cands]) {
      if (f.pred !== 'condemn' || !f.patient || !f.agent || deny.denies) continue;
      const pk = [...ctx.mentionAt.entries()].find(([k, m]) => k > f.at && m.actorId === f.patient)?.[0];
      if (pk === undefined) continue;
      const pe = mentionEnd(ctx, pk);
      if (!['for', 'in', 'over'].includes(T[pe + 1]?.norm ?? '')) continue;
      for (let i = pe + 2; i < Math.min(T.length, pe + 7); i++) {
        if (/[;:.]/.test(gap(ctx, i - 1, i))) break;
        if (ctx.concepts[i] !== 'help' && ctx.concepts[i] !== 'supply') continue;
        const obj = directObject(ctx, i, opts);
        if (!obj || opts.affiliation(obj.id) === opts.affiliation(f.patient)) break;
        let themed = false;
        for (let j = i + 1; j < Math.min(T.length, i + 10) && !themed; j++) themed = ctx.concepts[j] === 'war' || SUPPLY_THEMES.has(ctx.concepts[j]) || ctx.concepts[j] === 'attack';
        if (!themed) break;
        cands.push({ pred: 'supply', agent: f.patient, patient: obj.id, at: i });
        condemner = f.agent;
        break;
      }
    }
    if (condemner && !speaker) speaker = condemner;
    // A demand carries only itself and what it presupposes: "we urge X to cease its arms negotiations ... to not provide arms".
    if (cands.some((f) => f.pred === 'urge')) cands = cands.filter((f) => f.pred === 'urge' || f.presupposed);
    // Keep the two highest-priority distinct predicates; a denial keeps the one frame it governs.
    cands.sort((a, b) => PREDICATES.indexOf(a.pred as (typeof PREDICATES)[number]) - PREDICATES.indexOf(b.pred as (typeof PREDICATES)[number]) || a.at - b.at);
    let frames: Frame[] = [];
    const seen = new Set<string>();
    for (const f of cands) {
      if (seen.has(f.pred)) continue;
      seen.add(f.pred);
      frames.push(f);
    }
    if (deny.denies && frames.length) {
      const after = frames.filter((f) => f.at > cueAt).sort((a, b) => a.at - b.at);
      const pick = after[0] ?? [...frames].sort((a, b) => Math.abs(a.at - cueAt) - Math.abs(b.at - cueAt))[0];
      frames = [pick];
    }
    frames = frames.slice(0, 2);
    if (deny.denies && !speaker && frames[0]?.agent) speaker = frames[0].agent;
    const terms = [...new Set(ctx.concepts.filter((c, i) =>
      !STOPWORDS.has(T[i].norm) && !ctx.mentionAt.has(i) && /^[a-z][a-z-]{2,}$/.test(c)))].sort();
    const figures: string[] = [];
    const figurePhrases: Record<string, string> = {};
    FIGURE_RE.lastIndex = 0;
    for (const m of span.text.matchAll(FIGURE_RE)) {
      const n = m[2].replace(/,/g, '');
      if (/^(19|20)\d\d$/.test(n) && !m[4].startsWith('%')) continue; // years are dates, not figures
      if (STOPWORDS.has(m[4].toLowerCase()) && m[4] !== '%') continue;
      const key = `${n}${m[3] ? ' ' + m[3].toLowerCase() : ''} ${concept(lemma(m[4].toLowerCase()))}`;
      figures.push(key);
      figurePhrases[key] = `${m[1]}${m[2]}${m[3] ? ' ' + m[3] : ''} ${m[4]}${m[5]}`.trim();
    }
    for (const f of frames) if (f.agent) lastFrame.set(f.pred, { frame: f, sentIndex });
    const anaphoric = deny.denies && !frames.length;
    if (frames.length || deny.denies || figures.length) {
      out.push({
        docId, sentIndex, para: paraOf(span0.start), span: span0, frames, speaker, denies: deny.denies, anaphoric,
        actors: [...sentenceActors], terms, figures, figurePhrases,
      });
    }
    if (speaker && opts.kindOf(speaker) === 'person') prevSpeaker = speaker;
    const main = subjectOf(ctx, T.length - 1, opts);
    if (main.id) prevSubject = main.id;
    rememberCountries();
  });
  return out;
}
