// Whether two statements say the same thing: the same actors in the same
// roles (or the converse: "X sold to Y" = "Y bought from X"), related
// predicates, and overlapping content, all through the language layer.
// Statements that only share actors stay apart.

import { GENERIC_VERBS, WANTS, WEEKDAYS } from '../lang/cues';
import { lexicon } from '../lang/default-lexicon';
import { BAG_CODES, TermSimilarity } from '../lang/similarity';
import type { Roles, Statement } from './statements';

/** Bag-memo codes of a predicate's best score against a bag's terms (part-of-speech masks use the codes below 16). */
const PRED_VS_TERMS = 16;
const PRED_VS_TERMS_CONVERSE = 17;

/** Weights of the parts of the score (they sum to 1). */
export const PRED_WEIGHT = 0.5;
export const CONTENT_WEIGHT = 0.5;
/** Verbs sharing a transfer frame (both giving, or both getting). */
export const FRAME_KIN = 0.6;
/** A match through a governed verb ("seeking to purchase" ~ "buy") counts this much of a main-verb match. */
export const CHAIN_PRED = 0.8;
/** The predicate score when either side's verb is generic. */
export const GENERIC_PRED = 0.7;
/** Predicates among the this-many most frequent words get no credit from vectors. */
export const VECTOR_PRED_MIN_RANK = 300;
/** Content weight (sum of term weights) from which a statement's content counts fully. */
export const FULL_CONTENT_MASS = 1;
/** Predicates' vector cosine → score: (cos − 0.25) × 1.5, at most 0.75. */
export function predicateVectorScore(cos: number): number {
  return Math.max(0, Math.min(0.75, (cos - 0.25) * 1.5));
}
/** Each of predicate and content must reach this, unless content alone reaches CONTENT_ALONE. */
export const MIN_PART = 0.2;
export const CONTENT_ALONE = 0.55;
/** Two statements of which one names no actor must share this much content, predicate and content weight. */
export const ACTORLESS_CONTENT = 0.7;
export const ACTORLESS_PRED = 0.6;
export const ACTORLESS_MASS = 1.5;
/** Two themes (objects) less alike than this are different things; the content then counts this much. */
export const THEME_MIN = 0.35;
/** ... and their vectors this far apart ("records" and "data" are alike, "aid" and "weapons" are not). */
export const THEME_MIN_COSINE = 0.4;
/** ... and far apart in WordNet's tree ("weapon" and "munition" are close, "aid" and "weapon" are not). */
export const THEME_MIN_WUP = 0.6;
export const THEME_MISMATCH = 0.4;
/** The same agent and a predicate this alike: the deed is the same, and its content counts at least SAME_DEED_CONTENT. */
export const SAME_DEED_PRED = 0.8;
export const SAME_DEED_CONTENT = 0.5;
/** The same two participants stand for the content only with predicates at least this alike. */
export const FULL_ROLES_PRED = 0.6;
/** The content credited when both sides name the same two participants in the same roles. */
export const ROLES_AS_CONTENT = 0.8;
/** Score factor for two statements dated to different weekdays: "fired missiles on Monday" is not the launch on Wednesday. */
export const OTHER_DAY = 0.4;
/** Role agreement factors. */
export const ROLES_AGREE = 1;
export const ROLES_UNKNOWN = 0.8;
export const ROLES_SWAPPED = 0.35;
export const AGENTS_DIFFER = 0.2;

/**
 * Two tellings of one claim that state the same specific figure ("52.4 percent", "380,000 fryers", "1,200 jobs")
 * count their event and content at least this much (when they share an actor, their roles and themes do not
 * disagree and their events are related at all).
 */
export const FIGURE_PRED = 0.6;
export const FIGURE_CONTENT = 0.7;
/** ... when their events are related at least this much. */
export const FIGURE_PRED_MIN = 0.3;

/**
 * A figure specific enough to identify what it counts: digits with at least two significant ones ("14", "1,200",
 * "52.4", "380,000"; not "2", "9" or "200,000"), and not a year ("2021").
 */
export function specificFigure(lemma: string): boolean {
  if (!/^\d[\d,.]*%?$/.test(lemma)) return false;
  const digits = lemma.replace(/[^\d]/g, '');
  if (/^(?:19|20)\d\d$/.test(digits) && !/[,.%]/.test(lemma)) return false;
  return digits.replace(/^0+/, '').replace(/0+$/, '').length >= 2;
}

/** Two figures this close are one figure rounded differently ("17.6 percent" ~ "about 18 percent"). */
export const FIGURE_ROUNDING = 0.025;

function sharedFigure(a: Comparable['terms'], b: Comparable['terms']): boolean {
  const value = (x: string): number => Number(x.replace(/%$/, '').replace(/,/g, ''));
  const mine = a.filter((t) => specificFigure(t.lemma)).map((t) => value(t.lemma)).filter((v) => v > 0);
  if (!mine.length) return false;
  return b.some((t) => {
    if (!specificFigure(t.lemma)) return false;
    const v = value(t.lemma);
    return mine.some((m) => Math.abs(m - v) <= FIGURE_ROUNDING * Math.max(m, v));
  });
}

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

/** What two statements are compared on (a claim's signature has no place in a document). */
export type Comparable = Pick<Statement, 'docId' | 'sent' | 'actors' | 'roles' | 'pred' | 'preds' | 'terms'> & {
  theme?: string;
  /** The weekdays the statement is dated to, when they are not all in its own terms (a claim's, from all its tellings). */
  days?: readonly string[];
};

function roleAgreement(a: Comparable, b: Comparable, isPerson: (id: string) => boolean, sideRoles: (s: Comparable) => Roles): { factor: number; converse: boolean } {
  // Two different people are two agents, whoever they work for ("Putin met …" is not "Shoigu visited …").
  if (a.roles.agent && b.roles.agent && a.roles.agent !== b.roles.agent && isPerson(a.roles.agent) && isPerson(b.roles.agent)) {
    return { factor: AGENTS_DIFFER, converse: false };
  }
  // A person counts as the state they speak for ("Putin turned to …" ~ "Russia turned to …").
  const ra = sideRoles(a);
  const rb = sideRoles(b);
  if (converse(ra, rb)) return { factor: ROLES_AGREE, converse: true };
  if (ra.agent && rb.agent) {
    if (ra.agent === rb.agent) {
      // The same agent acting on different recipients is a different claim ("supplies Russia" vs "supplies Syria").
      // The same agent with another recipient, source or patient is a different claim ("buys from Iran" vs "buys from North Korea").
      if (ra.goal && rb.goal && ra.goal !== rb.goal) return { factor: ROLES_SWAPPED, converse: false };
      if (ra.source && rb.source && ra.source !== rb.source) return { factor: ROLES_SWAPPED, converse: false };
      if (ra.patient && rb.patient && ra.patient !== rb.patient) return { factor: ROLES_SWAPPED, converse: false };
      return { factor: ROLES_AGREE, converse: false };
    }
    // "Russia supplies North Korea" vs "North Korea supplies Russia".
    if (ra.agent === (rb.goal ?? rb.patient) || rb.agent === (ra.goal ?? ra.patient)) return { factor: ROLES_SWAPPED, converse: false };
    return { factor: AGENTS_DIFFER, converse: false };
  }
  return { factor: ROLES_UNKNOWN, converse: false };
}

/** A thing passing from a giver to a receiver, stated as done (not wanted: "seeking to buy" is no transfer). */
const isTransfer = (s: Comparable): boolean => !!s.theme && !!s.roles.source && !!s.roles.goal && s.roles.source !== s.roles.goal && !WANTS.has(s.pred);

const massOf = (terms: Comparable['terms']): number => terms.reduce((a, t) => a + t.weight, 0);

/** Both statements name a weekday, and no day of one is a day of the other. */
function otherDay(da: readonly string[], db: readonly string[]): boolean {
  return da.length > 0 && db.length > 0 && !da.some((x) => db.includes(x));
}

export function daysOf(s: Pick<Comparable, 'terms' | 'days'>): readonly string[] {
  return s.days ?? s.terms.filter((t) => WEEKDAYS.has(t.lemma)).map((t) => t.lemma);
}



/** Both name the same two participants in the same roles: agent and patient, or source and goal. */
function fullRoles(a: Comparable, b: Comparable, side: (id: string) => string): boolean {
  const ra = a.roles;
  const rb = b.roles;
  const same = (x?: string, y?: string): boolean => !!x && !!y && side(x) === side(y);
  const second = (r: Comparable['roles']): string | undefined => r.patient ?? r.goal ?? r.others[0];
  // Two participants, not one named twice ("urge North Korea to cease" has North Korea as agent and patient).
  const two = (r: Comparable['roles'], x?: string, y?: string): boolean => !!x && !!y && side(x) !== side(y);
  return (same(ra.agent, rb.agent) && same(second(ra), second(rb)) && two(ra, ra.agent, second(ra)))
    || (same(ra.source, rb.source) && same(ra.goal, rb.goal) && two(ra, ra.source, ra.goal));
}

function roleActors(s: Comparable): string[] {
  const r = s.roles;
  return [r.agent, r.patient, r.goal, r.source, ...r.others].filter((x): x is string => !!x);
}

export class StatementSimilarity {
  readonly terms = new TermSimilarity();

  /** `side` maps an actor to the one it acts for (a person to their country); identity by default. */
  constructor(private readonly side: (actorId: string) => string = (id) => id, private readonly isPerson: (actorId: string) => boolean = () => false) {}

  private predPair(x: string, y: string, isConverse: boolean, things = true): number {
    if (x === y) return 1;
    return this.predPairIds(this.terms.idOf(x), this.terms.idOf(y), x, y, isConverse, things);
  }

  /** `predPair` on the lemmas' ids: a pair is scored once per (converse, things) reading, as the matcher asks the same pairs of every sentence. */
  private predPairIds(ix: number, iy: number, x: string, y: string, isConverse: boolean, things: boolean): number {
    if (ix === iy) return 1;
    const variant = (isConverse ? 2 : 0) | (things ? 1 : 0);
    const memo = this.terms.memoGet(ix, iy, variant);
    return memo ?? this.terms.memoSet(ix, iy, variant, this.predPairOf(x, y, isConverse, things));
  }

  private predPairOf(x: string, y: string, isConverse: boolean, things: boolean): number {
    // "bought" vs "sold" seen from both sides is one transfer; otherwise antonyms are different events.
    if (this.terms.areAntonyms(x, y)) return isConverse ? 0.85 : 0;
    // Predicates are compared more loosely than content words: vectors grade events ("launch" ~ "fire").
    const L = lexicon();
    // The commonest verbs ("make", "show", "take") sit near everything in vector space: no vector credit for them.
    const vec = L.rank(x) > VECTOR_PRED_MIN_RANK && L.rank(y) > VECTOR_PRED_MIN_RANK ? predicateVectorScore(L.verbCosine(x, y)) : 0;
    const s = Math.max(this.terms.lemmas(x, y), vec);
    // Two verbs of the same transfer frame (supply, sell, give / receive, buy, obtain) describe one kind of event.
    // (Only when things change hands on both sides: "support for Russia" gives nothing.)
    const fx = things ? lexicon().frame(x) : 0;
    if (fx && fx === lexicon().frame(y)) return Math.max(s, FRAME_KIN);
    if (isConverse && fx && lexicon().frame(y) === 3 - fx) return Math.max(s, FRAME_KIN);
    return s;
  }

  /** Two themes are alike unless neither WordNet's relations, its tree nor the vectors relate them. */
  themesAlike(x: string, y: string): boolean {
    return this.terms.lemmas(x, y, ['n'], ['n']) >= THEME_MIN || lexicon().cosine(x, y) >= THEME_MIN_COSINE || lexicon().taxonomic(x, y) >= THEME_MIN_WUP;
  }

  /**
   * The main predicates' similarity; a little less through the rest of the
   * verb chains, or through the other's content ("made a trip" ~ "met …
   * during a trip", "launched missiles" ~ "a missile launch").
   */
  predicates(a: Comparable, b: Comparable, isConverse: boolean): number {
    // A generic verb ("had a third breast", "got an implant") leaves the event to the content: neutral, not different.
    if (GENERIC_VERBS.has(a.pred) || GENERIC_VERBS.has(b.pred)) return Math.max(GENERIC_PRED, this.predPair(a.pred, b.pred, isConverse));
    const things = !!a.theme && !!b.theme;
    let best = this.predPair(a.pred, b.pred, isConverse, things);
    if (best === 1) return 1;
    // Two transfers from a giver to a receiver ("sent shells to", "supplied … to", "bought … from") are one kind of event, whatever the verb.
    if (isTransfer(a) && isTransfer(b)) best = Math.max(best, FRAME_KIN);
    for (const x of a.preds) for (const y of b.preds) if (x !== a.pred || y !== b.pred) best = Math.max(best, CHAIN_PRED * this.predPair(x, y, isConverse, things));
    best = Math.max(best, CHAIN_PRED * this.predVsTerms(a.pred, b.terms, isConverse), CHAIN_PRED * this.predVsTerms(b.pred, a.terms, isConverse));
    return best;
  }

  /** The best predicate score of a verb against the content words of the other statement. */
  private predVsTerms(pred: string, terms: Comparable['terms'], isConverse: boolean): number {
    // Remembered per bag: a signature's content meets the same page verbs sentence after sentence.
    const ip = this.terms.idOf(pred);
    const memo = this.terms.bagMemo(terms);
    const key = ip * BAG_CODES + (isConverse ? PRED_VS_TERMS_CONVERSE : PRED_VS_TERMS);
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    const ids = this.terms.bagIds(terms);
    let best = 0;
    for (let i = 0; i < terms.length && best < 1; i++) {
      if (terms[i].pos !== 'x') best = Math.max(best, this.predPairIds(ip, ids[i], pred, terms[i].lemma, isConverse, false));
    }
    memo.set(key, best);
    this.terms.memoAdded();
    return best;
  }

  /**
   * What a statement is compared by, as the sides its actors act for: its role
   * actors, all its actors, and its roles. Worked out once per statement (the
   * matcher compares one page statement with many signatures).
   */
  private readonly sideCache = new WeakMap<Comparable, { roleSides: string[]; sides: Set<string>; roles: Roles; days: readonly string[] }>();
  private sidesOf(s: Comparable): { roleSides: string[]; sides: Set<string>; roles: Roles; days: readonly string[] } {
    let v = this.sideCache.get(s);
    if (!v) {
      const r = s.roles;
      const side = this.side;
      const roles: Roles = {
        others: r.others.map(side),
        ...(r.agent ? { agent: side(r.agent) } : {}), ...(r.patient ? { patient: side(r.patient) } : {}),
        ...(r.goal ? { goal: side(r.goal) } : {}), ...(r.source ? { source: side(r.source) } : {}),
      };
      this.sideCache.set(s, (v = { roleSides: roleActors(s).map(side), sides: new Set(s.actors.map(side)), roles, days: daysOf(s) }));
    }
    return v;
  }

  private readonly sideRoles = (s: Comparable): Roles => this.sidesOf(s).roles;

  /**
   * How alike two statements are. With a `floor`, a pair that cannot reach it
   * stops as soon as that is certain (the score is then 0 and the parts not
   * yet worked out are 0): a score is at most roles × √predicate, since the
   * content is at most 1.
   */
  compare(a: Comparable, b: Comparable, floor = 0): Similarity {
    if (a.docId === b.docId && a.sent === b.sent) return NONE;
    // Statements are compared only when they share a participant (an actor in a role of either).
    const { roleSides: ra, sides: as, days: da } = this.sidesOf(a);
    const { roleSides: rb, sides: bs, days: db } = this.sidesOf(b);
    const actorless = !a.actors.length || !b.actors.length;
    if (!actorless && !ra.some((x) => bs.has(x)) && !rb.some((x) => as.has(x))) return NONE;
    const { factor: roles, converse: conv } = roleAgreement(a, b, this.isPerson, this.sideRoles);
    // (A statement of another day is never "the same deed" below: the checks read the lowered factor.)
    const factor = otherDay(da, db) ? roles * OTHER_DAY : roles;
    if (factor < floor) return { score: 0, roles: factor, pred: 0, content: 0, converse: conv };
    let pred = this.predicates(a, b, conv);
    if (factor * Math.sqrt(pred) < floor) return { score: 0, roles: factor, pred, content: 0, converse: conv };
    // Little content ("She won't talk to me") makes any overlap weak evidence: scale by the smaller mass.
    const mass = Math.min(massOf(a.terms), massOf(b.terms));
    let content = this.terms.bags(a.terms, b.terms) * Math.min(1, mass / FULL_CONTENT_MASS);
    // What was sent, bought or attacked decides: "sent a football team" is not "sent weapons".
    const themeMismatch = !!a.theme && !!b.theme && !this.themesAlike(a.theme, b.theme);
    if (themeMismatch) content *= THEME_MISMATCH;
    // Both the event and what it is about must meet: sharing actors and a loose verb is not a claim in common.
    const vouched = factor === ROLES_AGREE && pred >= MIN_PART && (fullRoles(a, b, this.side) || (!!a.roles.agent && !!b.roles.agent && pred >= SAME_DEED_PRED));
    // The same specific figure, a shared actor, roles that do not disagree and related events: "Danescu received 52.4 percent
    // of the votes cast" ~ "declared Danescu re-elected with 52.4% of the vote". (Not between statements naming no actor:
    // figures recur across unrelated stories.)
    const figure = !actorless && factor >= ROLES_UNKNOWN && !themeMismatch && sharedFigure(a.terms, b.terms);
    // (Or whatever the verbs, when the same agent does it and the rest of the content meets too: "Brightwell recalled
    // 380,000 fryers" ~ "Brightwell was pulling 380,000 AirChef air fryers from British kitchens".)
    const sameAgent = factor === ROLES_AGREE && !!a.roles.agent && !!b.roles.agent;
    if (figure && (pred >= FIGURE_PRED_MIN || (sameAgent && content >= CONTENT_ALONE))) pred = Math.max(pred, FIGURE_PRED);
    if (Math.min(pred, figure ? FIGURE_CONTENT : content) < MIN_PART && content < CONTENT_ALONE && !vouched) {
      return { score: 0, roles: factor, pred, content, converse: conv };
    }
    // Without a shared actor, only the same event told in the same detail ties two statements.
    if (actorless && (content < ACTORLESS_CONTENT || pred < ACTORLESS_PRED || Math.min(massOf(a.terms), massOf(b.terms)) < ACTORLESS_MASS)) {
      return { score: 0, roles: factor, pred, content, converse: conv };
    }
    // Geometric mean: the same proposition needs both the event and its content, neither makes up for the other.
    // When both sides name the same doer and the same one done to (or the same giver and receiver),
    // the actors are the content: "Vestrand agreed to acquire Kellner" = "Vestrand will buy Kellner".
    // Exactly the same two participants: a person is not the country they speak for here.
    const full = factor === ROLES_AGREE && !themeMismatch && pred >= FULL_ROLES_PRED && fullRoles(a, b, (id) => id);
    // The same doer doing the same thing ("Veltrix hid records" ~ "Veltrix hid trial data") is one claim
    // unless what it acted on differs.
    const sameDeed = factor === ROLES_AGREE && !!a.roles.agent && !!b.roles.agent && pred >= SAME_DEED_PRED && !themeMismatch;
    const c = Math.max(full ? Math.max(content, ROLES_AS_CONTENT) : sameDeed ? Math.max(content, SAME_DEED_CONTENT) : content, figure ? FIGURE_CONTENT : 0);
    return { score: factor * Math.sqrt(pred * c), roles: factor, pred, content: c, converse: conv };
  }
}
