// Content terms of a piece of text: words → lemma → synonym concept, minus
// stopwords, framing verbs and the words of actor names (actors are compared
// as resolved ids, not as words). Works on the actor automaton's word pieces,
// so a page is tokenised once; one cache per matcher keeps the lexicon off the
// hot path (a page repeats its vocabulary, so each distinct word costs once).
import { concept, lemma, phraseConcept, startsPhrase, STOPWORDS } from '../nlp/lexicon';
import { newTok, pieces, type ActorAutomaton, type Tok } from './actor-automaton';

/**
 * Concepts that frame a statement rather than carry it ("said", "denied",
 * "accused"), and light verbs and time words: reporters vary them freely, and
 * denial is the stance's job.
 */
const FRAMING = new Set(['say', 'deny', 'accuse', 'condemn', 'urge', 'believe', 'suggest', 'according', 'official',
  'also', 'assess', 'belief', 'indicate', 'appear', 'seem', 'reportedly', 'amid', 'ongoing', 'recent', 'last',
  'month', 'week', 'year', 'day', 'time', 'friday', 'monday', 'tuesday', 'wednesday', 'thursday', 'saturday',
  'sunday', 'today', 'yesterday', 'ago', 'continue', 'may', 'might', 'could', 'would', 'will', 'thing', 'way',
  'make', 'take', 'get', 'go', 'come', 'become', 'show', 'like', 'well', 'first', 'second', 'nation', 'country',
  'government', 'people', 'regime', 'side', 'part', 'number', 'lot', 'kind', 'type', 'hold', 'sit', 'down',
  // Sentence adverbs that tie a sentence to its neighbours, not to a story.
  'meanwhile', 'separately', 'likewise', 'repeatedly', 'afterwards', 'later', 'earlier', 'soon', 'flatly', 'quietly',
  'allegedly', 'apparently', 'clearly', 'reportedly', 'turn']);

/**
 * Framing concepts that can still be what a claim is about ("Kirby condemns
 * North Korea"): the page keeps them as weak context concepts, and a claim
 * uses them as its core only when its wording has nothing else.
 */
export const SPEECH_ACTS = new Set(['condemn', 'urge', 'accuse', 'deny']);

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
/** First UTF-16 unit upper-case (what `s[0] !== s[0].toLowerCase()` tests), at an offset of `text`. */
export function isUpperAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c >= 65 && c <= 90;
  const ch = text[i];
  return ch !== ch.toLowerCase();
}

/** Concepts as small integers: sentence sets become stamp arrays, claim profiles integer arrays. */
export class TermExtractor {
  /** Concept id → concept name. */
  readonly names: string[] = [];
  private readonly ids = new Map<string, number>();
  /** Lower-cased piece → interned token (trie node, concept id). */
  private readonly toks = new Map<string, Tok>();
  /** Ids below this belong to the KB's claims and survive a trim. */
  private frozen = 0;
  /** Concept ids of SPEECH_ACTS (weak: context on the page, core only for claims with nothing else). */
  readonly weak = new Set<number>();

  /** Id of a concept name, created on first use. */
  idOf(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.names.push(name);
      this.ids.set(name, id);
    }
    return id;
  }

  get count(): number {
    return this.names.length;
  }

  /** The interned token of a lower-cased piece: one Map look-up per page word. */
  tok(key: string): Tok {
    let t = this.toks.get(key);
    if (t === undefined) {
      t = newTok(key);
      this.toks.set(key, t);
    }
    return t;
  }

  /** Concept id for an interned token, or -1 when it carries no content. */
  conceptOfTok(t: Tok): number {
    const c = t.concept;
    return c !== -2 ? c : (t.concept = this.conceptOf(t.key));
  }

  /** Concept id for one lower-cased piece, or -1 when it carries no content. */
  conceptOf(key: string): number {
    let name: string | null;
    if (isDigit(key.charCodeAt(0))) name = key.replace(/,/g, '');
    else if (key.length < 2 || STOPWORDS.has(key)) name = null;
    else {
      const c = concept(lemma(key));
      if (SPEECH_ACTS.has(c)) {
        const id = this.idOf(c);
        this.weak.add(id);
        return id;
      }
      name = FRAMING.has(c) || STOPWORDS.has(c) ? null : c;
    }
    return name === null ? -1 : this.idOf(name);
  }

  /** Concept id of the phrase `prev t` ("sit down", "short of"), or -1. */
  phraseOf(prev: Tok, t: Tok): number {
    if (prev.phrase === -2) prev.phrase = startsPhrase(lemma(prev.key)) ? 1 : 0;
    if (prev.phrase === 0) return -1;
    const c = phraseConcept(prev.key, t.key);
    return c === null ? -1 : this.idOf(c);
  }

  /** Everything known so far is the KB's: kept by trim(). */
  freeze(): void {
    this.frozen = this.names.length;
  }

  /**
   * Pages bring unbounded vocabulary; a big page's words fit well under the
   * cap. Only between pages: tokens held by a page keep their concept ids.
   */
  trim(maxTokens = 200_000): void {
    if (this.toks.size <= maxTokens) return;
    this.toks.clear();
    for (let i = this.frozen; i < this.names.length; i++) this.ids.delete(this.names[i]);
    this.names.length = this.frozen;
  }

  /**
   * Concept ids of a whole text, in order of first use, skipping the words of
   * actor mentions (KB build: the same pieces and skipping as the page path).
   */
  conceptsOf(text: string, automaton: ActorAutomaton): Set<number> {
    const ps = pieces(text);
    const skip = automaton.scan(text);
    const out = new Set<number>();
    let k = 0;
    let prev: Tok | null = null;
    for (const p of ps) {
      while (k < skip.length && skip[k].end <= p.start) k++;
      const t = this.tok(p.text.toLowerCase());
      if (prev) {
        const ph = this.phraseOf(prev, t);
        if (ph >= 0) out.add(ph);
      }
      prev = t;
      if (k < skip.length && skip[k].start < p.end) {
        prev = null;
        continue;
      }
      const c = this.conceptOfTok(t);
      if (c >= 0) out.add(c);
    }
    return out;
  }
}
