// Who a pronoun or a description refers to, inside one document: "she" is the
// last person named (of her gender when known), "they" and "it" the last
// organisation or country, "the company" the last organisation, "the
// country" the last country. The kind of a description comes from the
// lexicon's classes (noun.person, noun.group, noun.location), not a word list.

import { PRONOUNS, STATE_ROLES } from '../lang/cues';
import { lexicon } from '../lang/default-lexicon';
import type { Word } from '../lang/tagger';
import type { ResolvedMention } from './resolve';
import type { ActorKind } from './types';

export interface CorefOptions {
  kindOf: (actorId: string) => ActorKind | undefined;
  /** An actor's canonical name, for descriptions that name a word of it ("the commission"). */
  nameOf?: (actorId: string) => string;
  genderOf: (actorId: string) => 'm' | 'f' | undefined;
  regionOf?: (actorId: string) => string | undefined;
}

/** The actor kinds and the English noun naming each (our own kind vocabulary, looked up in WordNet). */
const KIND_WORDS: ReadonlyArray<[ActorKind, string]> = [['country', 'country'], ['organization', 'organization'], ['organization', 'company'], ['person', 'person']];

/**
 * What WordNet says of a noun lemma (the actor kinds it names, whether it is a
 * state role) does not change: worked out once per lemma for every sentence
 * of every page, and started over past a bound (a long-lived worker).
 */
const NOUN_KINDS = new Map<string, readonly ActorKind[]>();
const STATE_ROLE_NOUNS = new Map<string, boolean>();
const MEMO_MAX = 50_000;
function memo<T>(cache: Map<string, T>, lemma: string, compute: () => T): T {
  let v = cache.get(lemma);
  if (v === undefined) {
    if (cache.size >= MEMO_MAX) cache.clear();
    cache.set(lemma, (v = compute()));
  }
  return v;
}

/** How far back (characters) a pronoun looks for its antecedent: about three sentences. */
const WINDOW = 600;

export class Coreference {
  private readonly mentions: ResolvedMention[];
  /** References resolved so far: character range → actor. */
  private readonly refs: Array<{ start: number; end: number; actorId: string }> = [];

  constructor(mentions: ResolvedMention[], private readonly opts: CorefOptions) {
    this.mentions = mentions.slice().sort((a, b) => a.start - b.start);
  }

  private sentenceEnd = 0;

  /** Mark everything up to `pos` as read (kept for callers that stream sentences). */
  advance(pos: number): void {
    void pos;
  }

  /** The sentence being read: a reference never points to an actor named later in it ("the nation supplied Russia"). */
  enterSentence(start: number, end: number): void {
    void start;
    this.sentenceEnd = end;
  }

  private overlapping(start: number, end: number): ResolvedMention[] {
    return this.mentions.filter((m) => m.start < end && m.end > start);
  }

  /** Is this word part of an actor's name (or a resolved reference)? */
  isActorWord(w: Word): boolean {
    return this.overlapping(w.start, Math.max(w.end, w.start + 1)).some((m) => !m.demonym)
      || this.refs.some((r) => r.start <= w.start && r.end >= w.end && w.end > w.start);
  }

  /** Actor ids named in [start, end). */
  actorsIn(start: number, end: number): string[] {
    return [...new Set([
      ...this.overlapping(start, end).map((m) => m.actorId),
      ...this.refs.filter((r) => r.start >= start && r.end <= end).map((r) => r.actorId),
    ])];
  }

  /** Record that a word refers to an actor (a rule outside this class resolved it). */
  bind(w: Word, actorId: string): void {
    // A rule that knows better (reported speech about oneself) overrides the salience guess made before.
    const i = this.refs.findIndex((r) => r.start === w.start);
    if (i >= 0) this.refs.splice(i, 1);
    this.refs.push({ start: w.start, end: w.end, actorId });
  }

  referencesIn(start: number, end: number): Array<{ start: number; end: number; actorId: string }> {
    return this.refs.filter((r) => r.start >= start && r.end <= end);
  }

  /**
   * The actor an argument [start, end) stands for: the name containing its
   * head word, else any name in it, else what its pronoun or description
   * refers to.
   */
  actorIn(start: number, end: number, head: Word, phrase: Word[] = [head], notDescribed: readonly string[] = []): string | undefined {
    const first = phrase[0];
    const inside = this.overlapping(start, end);
    const atHead = inside.find((m) => m.start <= head.start && m.end >= head.end && !m.demonym);
    if (atHead) return atHead.actorId;
    // "A Tampa massage therapist, Jasmine Tridevil": a common head takes the name of its kind inside the phrase.
    const want = head.tag === 'noun' ? this.wanted(head, { ...head, norm: 'the' }) : undefined;
    // "Brook's spokesperson, Dana Whitfield, said": a person named in apposition right after the phrase is who it is.
    if (want?.kinds.includes('person') && /,/.test(head.after)) {
      const appos = this.mentions.find((m) => m.start > head.end && m.start <= head.end + head.after.length + 1 && !m.demonym && this.opts.kindOf(m.actorId) === 'person');
      if (appos) return appos.actorId;
    }
    // ... and a possessor is not the person its phrase names ("Brook's spokesperson" is not Brook).
    const possessor = (m: { end: number }): boolean => m.end < head.start
      && phrase.some((w) => w.start < m.end && w.end >= m.end && w.end <= head.start && /['’ʼ]s?$/.test(w.text));
    const ofKind = want ? inside.find((m) => !m.demonym && !possessor(m) && want.kinds.includes(this.opts.kindOf(m.actorId) ?? 'place')) : undefined;
    if (ofKind) return ofKind.actorId;
    const named = inside.find((m) => !m.demonym);
    // "South Korea's military reported", "Russia's defence ministry said": a state's own body speaks and acts for it.
    if (named && head.tag === 'noun' && phrase.some((w) => w.start < named.end && w.end >= named.end && /['’ʼ]s$/i.test(w.text)) && this.actsForState(head)
      && this.opts.kindOf(named.actorId) === 'country') return named.actorId;
    // "Kellner cells", "Vestrand shares": a common noun named after an actor is a thing, not the actor.
    if (named && head.tag === 'noun' && !ofKind && inside.every((m) => m.end <= head.start && !m.demonym)) return undefined;
    if (named && (head.tag === 'propn' || inside.length === 1)) return named.actorId;
    const bound = this.refs.find((r) => r.start === head.start && r.end === head.end);
    if (bound) return bound.actorId;
    const resolved = this.resolve(start, head, first, phrase, head.tag === 'pron' ? [] : notDescribed);
    if (resolved) {
      // A description is replaced whole ("the Asian nation"), a pronoun alone.
      const from = head.tag === 'pron' ? head.start : first.start;
      if (!this.refs.some((r) => r.start < head.end && r.end > from)) this.refs.push({ start: from, end: head.end, actorId: resolved });
      return resolved;
    }
    if (named) return named.actorId;
    // "Russian officials", "North Korean troops" act for the state; "Russian tourists" do not.
    const demonym = inside.find((m) => m.demonym);
    return demonym && this.actsForState(head) ? demonym.actorId : undefined;
  }

  /** Is the noun a state role, or filed under one by WordNet ("troops", "diplomats", "authorities")? */
  private actsForState(head: Word): boolean {
    if (head.tag !== 'noun') return false;
    return memo(STATE_ROLE_NOUNS, head.lemma, () => {
      if (STATE_ROLES.has(head.lemma)) return true;
      const L = lexicon();
      for (const r of STATE_ROLES) {
        const rel = L.relation(head.lemma, r, ['n'], ['n']).relation;
        if (rel === 'synonym' || rel === 'hypernym') return true;
      }
      return false;
    });
  }

  private resolve(start: number, head: Word, first: Word | undefined, phrase: Word[], skip: readonly string[] = []): string | undefined {
    // "the commission" after "the Central Electoral Commission": a description naming a word of an actor's name is that actor.
    const named = this.byNameWord(start, head, first);
    if (named) return named;
    const want = this.wanted(head, first);
    if (!want) return undefined;
    const later = new Set(this.mentions.filter((m) => m.start > head.end && m.start < this.sentenceEnd).map((m) => m.actorId));
    const region = this.regionWanted(phrase);
    for (let i = this.mentions.length - 1; i >= 0; i--) {
      const m = this.mentions[i];
      if (m.end > start) continue;
      if (start - m.end > WINDOW) break;
      if (m.demonym && want.kinds.includes('person')) continue;
      const kind = this.opts.kindOf(m.actorId);
      if (!kind || !want.kinds.includes(kind) || later.has(m.actorId) || skip.includes(m.actorId)) continue;
      if (region && this.opts.regionOf?.(m.actorId) !== region) continue;
      const g = this.opts.genderOf(m.actorId);
      if (want.gender && g && g !== want.gender) continue;
      return m.actorId;
    }
    return undefined;
  }

  /** The latest actor (in the window) whose name holds the description's head word, for "the commission", "the union". */
  private byNameWord(start: number, head: Word, first: Word | undefined): string | undefined {
    if (head.tag !== 'noun' || !first || !/^(?:the|this|that)$/.test(first.norm) || !this.opts.nameOf) return undefined;
    for (let i = this.mentions.length - 1; i >= 0; i--) {
      const m = this.mentions[i];
      if (m.end > start) continue;
      if (start - m.end > WINDOW * 3) break;
      if (m.demonym) continue;
      const words = this.opts.nameOf(m.actorId).toLowerCase().split(/[\s-]+/);
      if (words.length > 1 && words.includes(head.lemma)) return m.actorId;
    }
    return undefined;
  }

  /** "the Asian nation": the region an adjective of the description names, when it names one of the document's. */
  private regionWanted(phrase: Word[]): string | undefined {
    const regions = new Set(this.mentions.map((m) => this.opts.regionOf?.(m.actorId)).filter((r): r is string => !!r));
    if (!regions.size) return undefined;
    const L = lexicon();
    for (const w of phrase) {
      if (w.tag !== 'adj' && w.tag !== 'propn') continue;
      for (const r of regions) {
        const rel = L.relation(w.norm, r.toLowerCase());
        if (rel.relation === 'same' || rel.relation === 'synonym') return r;
      }
    }
    return undefined;
  }

  private wanted(head: Word, first: Word | undefined): { kinds: ActorKind[]; gender?: 'm' | 'f' } | undefined {
    const n = head.norm;
    if (head.tag === 'pron') {
      if (PRONOUNS.male.has(n)) return { kinds: ['person'], gender: 'm' };
      if (PRONOUNS.female.has(n)) return { kinds: ['person'], gender: 'f' };
      if (PRONOUNS.thing.has(n)) return { kinds: ['organization', 'country'] };
      if (PRONOUNS.group.has(n)) return { kinds: ['organization', 'country'] };
      return undefined;
    }
    // Only a singular definite description refers back ("the company", not "companies" or "a man").
    if (head.tag !== 'noun' || head.lemma !== head.norm || !first || !/^(?:the|this|that)$/.test(first.norm)) return undefined;
    // The description's kind: the actor kinds its head noun is (WordNet): "nation" is a country, "firm" an organization.
    const L = lexicon();
    const kinds = memo(NOUN_KINDS, head.lemma, () => KIND_WORDS.filter(([, word]) => {
      const r = L.relation(head.lemma, word, ['n'], ['n']);
      return r.relation === 'same' || r.relation === 'synonym' || r.relation === 'hypernym';
    }).map(([k]) => k));
    if (kinds.length) return { kinds: [...kinds] };
    const cls = L.lexname(head.lemma, 'n');
    if (cls === 'noun.person' && head.lemma === head.norm) return { kinds: ['person'] };
    return undefined;
  }
}
