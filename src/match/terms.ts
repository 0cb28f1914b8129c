// Content terms of a piece of text: words → lemma → synonym concept, minus
// stopwords, framing verbs and the words of actor names (actors are compared
// as resolved ids, not as words). Works on the actor automaton's word pieces,
// so a page is tokenised once; one cache per matcher keeps the lexicon off the
// hot path (a page repeats its vocabulary, so each distinct word costs once).
import { concept, lemma, STOPWORDS } from '../nlp/lexicon';
import type { Piece } from './actor-automaton';

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
  'government', 'people', 'regime', 'side', 'part', 'number', 'lot', 'kind', 'type', 'hold', 'sit', 'down']);

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isUpper = (s: string): boolean => s[0] !== s[0].toLowerCase();

export class TermExtractor {
  private readonly cache = new Map<string, string | null>();

  /** Concept id for one lower-cased piece, or null when it carries no content. */
  conceptOf(key: string): string | null {
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    let out: string | null;
    if (isDigit(key.charCodeAt(0))) out = key.replace(/,/g, '');
    else if (key.length < 2 || STOPWORDS.has(key)) out = null;
    else {
      const c = concept(lemma(key));
      out = FRAMING.has(c) || STOPWORDS.has(c) ? null : c;
    }
    // Pages bring unbounded vocabulary; a big page's words fit well under this.
    if (this.cache.size > 200_000) this.cache.clear();
    this.cache.set(key, out);
    return out;
  }

  /**
   * Concepts of pieces [from, to), skipping pieces inside `skip` ranges (actor
   * mentions, sorted, same offsets as the pieces). `context`, when given,
   * receives the concepts of capitalised words (after the first) and numbers:
   * names the KB does not know and dates set the scene, they do not make a
   * sentence about something else.
   */
  ofPieces(ps: Piece[], keys: string[], from: number, to: number,
    skip: readonly { start: number; end: number }[], context?: Set<string>, out: Set<string> = new Set()): Set<string> {
    let k = 0;
    for (let i = from; i < to; i++) {
      const p = ps[i];
      while (k < skip.length && skip[k].end <= p.start) k++;
      if (k < skip.length && skip[k].start < p.end) continue;
      const c = this.conceptOf(keys[i]);
      if (!c) continue;
      out.add(c);
      if (context && (isDigit(keys[i].charCodeAt(0)) || (i > from && isUpper(p.text)))) context.add(c);
    }
    return out;
  }
}
