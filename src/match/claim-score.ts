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

/**
 * What one sentence offers, as stamp arrays: entry x is set for the current
 * sentence when mark[x] === stamp. Cleared by bumping the stamp, so the page
 * loop allocates nothing per sentence.
 */
export class SentenceFeatures {
  stamp = 0;
  /** Actors named, in order of first mention. */
  readonly actorList: number[] = [];
  actorMark: Int32Array;
  /** Countries that heads of state named in the sentence stand for. */
  readonly headList: number[] = [];
  headMark: Int32Array;
  /** Countries of the other officials named in the sentence. */
  readonly officialList: number[] = [];
  officialMark: Int32Array;
  /** First and last offset of each actor (and stand-in country) in the sentence, valid where posMark is set. */
  posMark: Int32Array;
  firstPos: Int32Array;
  lastPos: Int32Array;
  /** Concept ids, in order of first use. */
  readonly conceptList: number[] = [];
  conceptMark = new Int32Array(1024);
  /** Concepts only seen as unknown names or numbers: left out of the focus. */
  contextMark = new Int32Array(1024);
  /** The text the offsets point into. */
  text = '';
  /**
   * A desire/attempt frame carries the sentence's transfer ("is trying to
   * procure shells from", "asked X for shells") and no transfer is stated
   * outside it: the sentence is about seeking, not about a supply that happened.
   */
  intent = false;
  /** Actor mentions that only qualify a thing ("a North Korean missile", "North Korean-made"): subjectIsModifier runs only when > 0. */
  modifiers = 0;
  /** Event predicates the sentence uses (EVENT_CONCEPTS ids), outside context words. */
  readonly events: number[] = [];

  constructor(actorCount: number) {
    this.actorMark = new Int32Array(actorCount);
    this.headMark = new Int32Array(actorCount);
    this.officialMark = new Int32Array(actorCount);
    this.posMark = new Int32Array(actorCount);
    this.firstPos = new Int32Array(actorCount);
    this.lastPos = new Int32Array(actorCount);
  }

  /** Starts a new sentence. */
  reset(text: string): void {
    this.stamp++;
    this.actorList.length = 0;
    this.headList.length = 0;
    this.officialList.length = 0;
    this.conceptList.length = 0;
    this.text = text;
    this.intent = false;
    this.modifiers = 0;
    this.events.length = 0;
  }

  hasConcept(c: number): boolean {
    return this.conceptMark[c] === this.stamp;
  }

  addActor(a: number): void {
    if (this.actorMark[a] !== this.stamp) {
      this.actorMark[a] = this.stamp;
      this.actorList.push(a);
    }
  }

  addCountry(c: number, head: boolean): void {
    const mark = head ? this.headMark : this.officialMark;
    if (mark[c] !== this.stamp) {
      mark[c] = this.stamp;
      (head ? this.headList : this.officialList).push(c);
    }
  }

  /** Records a mention of actor (or stand-in country) `a` at `pos`. */
  at(a: number, pos: number): void {
    if (this.posMark[a] !== this.stamp) {
      this.posMark[a] = this.stamp;
      this.firstPos[a] = pos;
    }
    this.lastPos[a] = pos;
  }

  addConcept(c: number, context: boolean): void {
    if (c >= this.conceptMark.length) this.growConcepts(c);
    if (this.conceptMark[c] !== this.stamp) {
      this.conceptMark[c] = this.stamp;
      this.conceptList.push(c);
    }
    if (context) this.contextMark[c] = this.stamp;
  }

  private growConcepts(c: number): void {
    let n = this.conceptMark.length;
    while (n <= c) n *= 2;
    const m = new Int32Array(n);
    m.set(this.conceptMark);
    this.conceptMark = m;
    const x = new Int32Array(n);
    x.set(this.contextMark);
    this.contextMark = x;
  }
}

export interface ScoreContext {
  proxies: (number[] | undefined)[];
  isHead: Uint8Array;
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
/** Term part kept when the sentence names none of the claim's objects ("held talks" for "negotiate an arms deal"). */
export const OBJECT_ABSENT = 0.9;
/**
 * Subject credit when the claim's subject is only a place in the sentence
 * ("during his trip to North Korea, Shoigu pushed ...") and someone else is
 * the bare agent.
 */
export const SUBJECT_AS_PLACE = 0.75;
/** A mention right after one of these is a place or destination, not an agent. */
const PLACE_WORDS = new Set(['to', 'in', 'into', 'at', 'inside', 'toward', 'towards', 'across', 'near', 'around', 'via']);
/** A mention right after one of these is not a bare agent either. */
const NOT_BARE_WORDS = new Set([...PLACE_WORDS, 'from', 'of', 'with', 'for', 'on', 'by', 'against', 'and']);

/** Lower-cased word before offset `pos` of `text`, skipping one "the" ('' at the start). */
export function wordBefore(text: string, pos: number): string {
  let word = '';
  for (let round = 0; round < 2; round++) {
    let e = pos;
    while (e > 0 && text.charCodeAt(e - 1) === 32) e--;
    let b = e;
    while (b > 0 && e - b < 12 && isLetter(text.charCodeAt(b - 1))) b--;
    word = text.slice(b, e).toLowerCase();
    if (word !== 'the') return word;
    pos = b;
  }
  return word;
}

const isLetter = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);


const NONE: readonly number[] = [];

function actorCredit(a: number, s: SentenceFeatures, ctx: ScoreContext): number {
  const st = s.stamp;
  if (s.actorMark[a] === st) return 1;
  if (s.headMark[a] === st) return 0.75;
  // A country's name alone stands for its head only weakly ("Moscow hosted ..." is no Putin meeting).
  if (ctx.isHead[a] === 1) {
    for (const c of ctx.proxies[a] ?? NONE) if (s.actorMark[c] === st) return 0.5;
  }
  if (s.officialMark[a] === st) return 0.5;
  return 0;
}

function position(a: number, pos: Int32Array, s: SentenceFeatures, ctx: ScoreContext): number | undefined {
  if (s.posMark[a] === s.stamp) return pos[a];
  for (const c of ctx.proxies[a] ?? NONE) {
    if (s.posMark[c] === s.stamp) return pos[c];
  }
  return undefined;
}

/**
 * The claim's subject is only named as a place ("trip to North Korea"), the
 * claim's object is not named before it (that reading is the converse one),
 * and an actor outside the claim is named bare, as an agent would be.
 */
function subjectIsPlace(p: ClaimProfile, s: SentenceFeatures, ctx: ScoreContext): boolean {
  const subj = p.actors[0];
  const first = position(subj, s.firstPos, s, ctx);
  if (first === undefined) return false;
  const last = position(subj, s.lastPos, s, ctx);
  if (!PLACE_WORDS.has(wordBefore(s.text, first)) || (last !== undefined && !PLACE_WORDS.has(wordBefore(s.text, last)))) return false;
  const obj = position(p.actors[1], s.firstPos, s, ctx);
  if (obj !== undefined && obj < first) return false;
  for (const a of s.actorList) {
    if (p.actors.includes(a) || s.posMark[a] !== s.stamp) continue;
    if (!NOT_BARE_WORDS.has(wordBefore(s.text, s.firstPos[a]))) return true;
  }
  return false;
}

const MADE_BY = /[A-Za-z ]{0,24}-(?:made|built|produced|manufactured|supplied)\b/y;

/** The text before `pos` ends with the article "a" or "an" (one space between), without allocating. */
export function afterArticle(text: string, pos: number): boolean {
  let e = pos;
  if (e < 2 || text.charCodeAt(e - 1) !== 32) return false;
  e--;
  let c = text.charCodeAt(e - 1) | 32;
  if (c === 110) {
    e--;
    c = text.charCodeAt(e - 1) | 32;
  }
  if (c !== 97) return false;
  return e - 1 === 0 || !isLetter(text.charCodeAt(e - 2));
}

/**
 * The claim's subject only qualifies a thing ("fired a North Korean-made
 * missile", "a North Korean ballistic missile") and an actor outside the claim
 * is named bare before it, as the agent would be.
 */
/** The actor mention at `pos` only qualifies a thing: after "a"/"an", or before "-made". */
export function isModifierAt(text: string, pos: number): boolean {
  if (afterArticle(text, pos)) return true;
  // A hyphen within the next few words (letters and spaces only) before the regex.
  for (let i = pos, e = Math.min(text.length, pos + 25); i < e; i++) {
    const c = text.charCodeAt(i);
    if (c === 45) {
      MADE_BY.lastIndex = pos;
      return MADE_BY.test(text);
    }
    if (c !== 32 && !isLetter(c)) return false;
  }
  return false;
}

const MADE_AFTER = /-(?:made|built|produced|manufactured|supplied)\b/y;

/** Cheap per-mention form of isModifierAt, for a mention [start, end): after "a"/"an", or "-made" right after it. */
export function mentionIsModifier(text: string, start: number, end: number): boolean {
  if (text.charCodeAt(end) === 45) {
    MADE_AFTER.lastIndex = end;
    if (MADE_AFTER.test(text)) return true;
  }
  return afterArticle(text, start);
}

function subjectIsModifier(p: ClaimProfile, s: SentenceFeatures, ctx: ScoreContext): boolean {
  if (s.modifiers === 0) return false;
  const first = position(p.actors[0], s.firstPos, s, ctx);
  if (first === undefined) return false;
  let agent = false;
  for (const a of s.actorList) {
    if (p.actors.includes(a) || s.posMark[a] !== s.stamp || s.firstPos[a] >= first) continue;
    agent = true;
  }
  if (!agent) return false;
  if (!isModifierAt(s.text, first)) return false;
  for (const a of s.actorList) {
    if (p.actors.includes(a) || s.posMark[a] !== s.stamp || s.firstPos[a] >= first) continue;
    if (!NOT_BARE_WORDS.has(wordBefore(s.text, s.firstPos[a]))) return true;
  }
  return false;
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
  const cm = s.conceptMark;
  const st = s.stamp;
  let anyCore = false;
  for (let i = 0; i < terms.length; i++) {
    const conv = p.coreConverse[i];
    if (cm[terms[i]] === st || (conv >= 0 && cm[conv] === st)) {
      anyCore = true;
      break;
    }
  }
  if (!anyCore) return null;
  if (actorCredit(p.actors[0], s, ctx) < 0.75) return null;
  let credit = 0;
  for (const a of p.actors) credit += actorCredit(a, s, ctx);
  if (credit / p.actors.length < MIN_ACTOR_COVERAGE) return null;
  if (ACTOR_WEIGHT * (credit / p.actors.length) + (1 - ACTOR_WEIGHT) < floor) return null;
  // After the bound: the place test only lowers the score.
  if (p.actors.length >= 2 && s.actorList.length > p.actors.length - 1 && subjectIsPlace(p, s, ctx)) {
    credit -= (1 - SUBJECT_AS_PLACE) * actorCredit(p.actors[0], s, ctx);
  } else if (s.actorList.length > p.actors.length - 1 && subjectIsModifier(p, s, ctx)) {
    credit -= (1 - SUBJECT_AS_PLACE) * actorCredit(p.actors[0], s, ctx);
  }
  const actorCov = credit / p.actors.length;

  // Object named before subject: a directional verb reads the other way round
  // ("Russia sent dancers to North Korea" is not North Korea supplying Russia)
  // unless the subject is a passive agent ("... were sent to Russia by North Korea").
  // Last object mention: "The Kremlin said North Korea did not provide Russia ..." keeps its reading.
  let converse = false;
  if (p.actors.length >= 2) {
    const subj = position(p.actors[0], s.firstPos, s, ctx);
    const obj = position(p.actors[1], s.lastPos, s, ctx);
    converse = subj !== undefined && obj !== undefined && obj < subj && !PASSIVE_AGENT.test(s.text.slice(Math.max(0, subj - 12), subj));
  }
  let hit = 0;
  let coreHits = 0;
  for (let i = 0; i < terms.length; i++) {
    const conv = p.coreConverse[i];
    if (cm[conv < 0 || !converse ? terms[i] : conv] === st) {
      hit += p.coreWeights[i];
      coreHits++;
    }
  }
  if (coreHits === 0) return null;
  let explained = 0;
  let counted = 0;
  const list = s.conceptList;
  for (let i = 0; i < list.length; i++) {
    const t = list[i];
    const w = p.known.get(t);
    if (w !== undefined) {
      explained++;
      counted++;
      hit += w;
    } else if (s.contextMark[t] !== st) counted++;
  }
  const termCov = p.coreMass > 0 ? Math.min(1, hit / p.coreMass) : 0;
  // The claim's own concepts count twice: a long sentence that states the
  // whole claim is about it even when it also sets the scene.
  const focus = counted > 0 ? (explained + coreHits) / (counted + coreHits) : 0;
  let termPart = termCov * (FOCUS_FLOOR + (1 - FOCUS_FLOOR) * focus);
  if (p.objects.length > 0) {
    let objectHit = false;
    for (const o of p.objects) if (cm[o] === st) objectHit = true;
    if (!objectHit) termPart *= OBJECT_ABSENT;
  }
  return { score: ACTOR_WEIGHT * actorCov + (1 - ACTOR_WEIGHT) * termPart, actorCov, termCov, focus, coreHits };
}
