// Content terms of a piece of text: words → lemma → synonym concept, minus
// stopwords, framing verbs and the words of actor names (actors are compared
// as resolved ids, not as words). One cache per matcher keeps the lexicon off
// the hot path: a page repeats its vocabulary, so each distinct word costs once.
import { concept, lemma, STOPWORDS } from '../nlp/lexicon';
import { tokenize, type Token } from '../nlp/tokens';

/**
 * Concepts that frame a statement rather than carry it ("said", "denied",
 * "accused"): reporters vary them freely, and denial is the stance's job.
 */
const FRAMING = new Set(['say', 'deny', 'accuse', 'condemn', 'urge', 'believe', 'suggest', 'according', 'official',
  'also', 'assess', 'belief', 'indicate', 'appear', 'seem', 'reportedly', 'amid', 'ongoing', 'recent', 'last',
  'month', 'week', 'year', 'day', 'time', 'friday', 'monday', 'tuesday', 'wednesday', 'thursday', 'saturday',
  'sunday', 'today', 'yesterday', 'ago', 'continue', 'may', 'might', 'could', 'would', 'will', 'thing', 'way',
  'make', 'take', 'get', 'go', 'come', 'become', 'show', 'like', 'well', 'first', 'second', 'nation', 'country',
  'government', 'people', 'regime', 'side', 'part', 'number', 'lot', 'kind', 'type', 'hold', 'sit', 'down']);

const NUMBER_RE = /^\d+(?:[.,]\d+)*/;

export class TermExtractor {
  private readonly cache = new Map<string, string | null>();

  /** Concept id for one token, or null when it carries no content. */
  conceptOf(tok: Token): string | null {
    const key = tok.norm;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    let out: string | null;
    const num = NUMBER_RE.exec(key);
    if (num) out = num[0].replace(/,/g, '');
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
   * Concepts of `text`, skipping tokens inside `skip` ranges (actor mentions,
   * offsets relative to `text`). Hyphenated tokens also count by their parts,
   * so "surface-to-air" and "North Korean-made" share words with plain forms.
   * `context`, when given, receives the concepts of capitalised words and numbers.
   */
  concepts(text: string, skip: readonly { start: number; end: number }[] = [], context?: Set<string>): Set<string> {
    const out = new Set<string>();
    let k = 0;
    for (const tok of tokenize(text)) {
      while (k < skip.length && skip[k].end <= tok.start) k++;
      if (k < skip.length && skip[k].start < tok.end && tok.start < skip[k].end) {
        // Keep the tail of "North Korean-made" (the actor covers only the head).
        if (tok.end > skip[k].end) this.addParts(text.slice(skip[k].end, tok.end), tok.start, out);
        continue;
      }
      const c = this.conceptOf(tok);
      if (c) {
        out.add(c);
        // Names the KB does not know and numbers set the scene (a place, a
        // date); they do not make a sentence about something else.
        if (context && (/^\d/.test(tok.text) || (tok.start > 0 && /^\p{Lu}/u.test(tok.text)))) context.add(c);
      }
      if (tok.norm.includes('-')) this.addParts(tok.text, tok.start, out);
    }
    return out;
  }

  private addParts(text: string, start: number, out: Set<string>): void {
    for (const part of text.split(/[-–]/)) {
      if (!part) continue;
      const c = this.conceptOf({ text: part, start, end: start + part.length, norm: part.toLowerCase() });
      if (c) out.add(c);
    }
  }
}
