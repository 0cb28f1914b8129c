// Part-of-speech tagging: compromise, wrapped here and only here. Its tags
// and lemmas are mapped onto the layer's own tokens (src/lang/tokens.ts), so
// every later stage sees one token stream whoever tagged it.

import nlp from 'compromise';
import { FIGURE_LEADS, PARTICLES, PREPOSITION_PARTICLES } from './cues';
import { lexicon } from './default-lexicon';
import { tokenize, type Token } from './tokens';

export type Tag =
  | 'noun' | 'propn' | 'verb' | 'adj' | 'adv' | 'prep' | 'det' | 'pron' | 'conj'
  | 'aux' | 'modal' | 'neg' | 'num' | 'to' | 'wh' | 'other';
export type VerbForm = 'past' | 'participle' | 'gerund' | 'present' | 'infinitive';

export interface Word extends Token {
  tag: Tag;
  /** Base form for the tag's part of speech ("shipped" → "ship", "missiles" → "missile"). */
  lemma: string;
  form?: VerbForm;
  /** Punctuation between this word and the next (",", ";", ":", "—", quotes), trimmed. */
  after: string;
  /** compromise's name classes, used by the actor finder. */
  person?: boolean;
  place?: boolean;
  org?: boolean;
  /** A first name of known gender ('m' | 'f'). */
  gender?: 'm' | 'f';
}

interface CTerm {
  text: string;
  tags: string[];
  root?: string;
  /** A contraction's hidden word ("it's" → "is", "didn't" → "not"), zero-width in the text. */
  implicit?: string | null;
  offset: { start: number; length: number };
}

const AUX_LEMMAS = new Set(['be', 'have', 'do']);

function tagOf(t: Set<string>, norm: string): Tag {
  if (norm === 'to') return 'to';
  if (t.has('Negative')) return 'neg';
  if (t.has('Modal')) return 'modal';
  if (t.has('Copula')) return 'aux';
  if (t.has('Auxiliary') && t.has('Verb')) return 'aux';
  if (t.has('Verb')) return 'verb';
  if (t.has('Pronoun')) return 'pron';
  if (t.has('Determiner')) return 'det';
  if (t.has('Preposition')) return 'prep';
  if (t.has('Conjunction')) return 'conj';
  if (t.has('QuestionWord')) return 'wh';
  if (t.has('Value') || t.has('Cardinal') || /^\d/.test(norm)) return 'num';
  if (t.has('ProperNoun') || t.has('Person') || t.has('Place') || t.has('Organization')) return 'propn';
  if (t.has('Adjective')) return 'adj';
  if (t.has('Adverb')) return 'adv';
  if (t.has('Noun')) return 'noun';
  return 'other';
}

function formOf(t: Set<string>): VerbForm | undefined {
  if (t.has('Gerund')) return 'gerund';
  if (t.has('Participle')) return 'participle';
  if (t.has('PastTense')) return 'past';
  if (t.has('Infinitive')) return 'infinitive';
  if (t.has('PresentTense')) return 'present';
  return undefined;
}

export function lemmaOf(w: Token, tag: Tag, root: string | undefined): string {
  const L = lexicon();
  if (tag === 'verb' || tag === 'aux' || tag === 'modal') {
    // Contractions: "did" of "didn't", "wo" of "won't", "ca" of "can't".
    const norm = w.norm.replace(/n't$/, '');
    const viaLex = L.lemma(norm, 'v');
    if (viaLex !== norm || L.can(norm, 'v')) return viaLex;
    return (root ?? norm).toLowerCase();
  }
  if (tag === 'noun' || tag === 'propn') return L.lemma(w.norm, 'n');
  if (tag === 'adj') return L.lemma(w.norm, 'a');
  return w.norm;
}

/** compromise's terms of a text, with document offsets. */
function compromiseTerms(text: string): CTerm[] {
  const doc = nlp(text);
  doc.compute('root');
  const out: CTerm[] = [];
  for (const s of doc.json({ offset: true }) as Array<{ terms: CTerm[] }>) out.push(...s.terms);
  return out;
}

const OVERRIDES = new Set<Tag>(['wh', 'pron', 'det', 'neg', 'modal']);
const POSSESSIVES = new Set(['its', 'his', 'her', 'their', 'our', 'my', 'your']);

function makeWord(tk: Token, term: CTerm | undefined, after: string): Word {
  const tags = new Set(term?.tags ?? []);
  let tag = tagOf(tags, tk.norm);
  // compromise's closed classes in isolation (compiled into the lexicon) beat its context guesses for function words.
  const closed = lexicon().closed[tk.norm] as Tag | undefined;
  if (closed && OVERRIDES.has(closed) && tag !== 'verb' && tag !== 'aux') tag = closed;
  if (POSSESSIVES.has(tk.norm)) tag = 'pron';
  const w: Word = { text: tk.text, start: tk.start, end: tk.end, norm: tk.norm, tag, lemma: lemmaOf(tk, tag, term?.root ?? undefined), after };
  const form = tag === 'verb' || tag === 'aux' ? formOf(tags) : undefined;
  if (form) w.form = form;
  if (tags.has('Person')) w.person = true;
  if (tags.has('Place')) w.place = true;
  if (tags.has('Organization')) w.org = true;
  if (tags.has('MaleName')) w.gender = 'm';
  else if (tags.has('FemaleName')) w.gender = 'f';
  return w;
}

/** The hidden words of a contraction, as zero-width words at the token's end. */
function implicitWords(tk: Token, terms: CTerm[], after: string): Word[] {
  return terms.filter((t) => t.implicit && t.offset.length === 0).map((t) => {
    const norm = t.implicit!.toLowerCase();
    return makeWord({ text: '', start: tk.end, end: tk.end, norm }, t, '');
  }).map((w, i, all) => (i === all.length - 1 ? { ...w, after } : w));
}

// Repairs of context guesses (compromise's or the fast tagger's), each named for `explain`.
export function repair(words: Word[]): void {
  const L = lexicon();
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const next = words[i + 1];
    // tag.possessive-not-contraction: "The UK's Advertising Standards Authority said": the "'s" of a name followed by
    // a name or a noun is a possessive, not a hidden "is"/"has".
    if (w.text === '' && w.start === w.end && /^(?:is|has)$/.test(w.norm) && i > 0 && words[i - 1].tag === 'propn'
      && /['’]s$/.test(words[i - 1].text) && next && (next.tag === 'propn' || next.tag === 'noun')) {
      words[i - 1].after = w.after;
      words.splice(i, 1);
      i--;
      continue;
    }
    // tag.adverb-in-verb-group: "is now seeking", "has yet to": a conjunction between an auxiliary and a verb is an adverb.
    if (w.tag === 'conj' && i > 0 && next && (words[i - 1].tag === 'aux' || words[i - 1].tag === 'modal') && !words[i - 1].after && !w.after
      && (next.tag === 'verb' || next.tag === 'to')) {
      w.tag = 'adv';
    }
    // tag.adverb-after-modal: "will likely turn", "will soon announce", "will still need": a word the lexicon has as an
    // adverb, between a modal and the bare form of a verb, is an adverb, and the bare form is the verb the modal governs.
    if ((w.tag === 'verb' || w.tag === 'adj') && i > 0 && words[i - 1].tag === 'modal' && !words[i - 1].after && !w.after && next
      && L.can(w.norm, 'r') && (next.tag === 'verb' || next.tag === 'noun') && L.can(next.norm, 'v') && L.lemma(next.norm, 'v') === next.norm) {
      w.tag = 'adv';
      w.lemma = w.norm;
      delete w.form;
      next.tag = 'verb';
      next.lemma = next.norm;
      next.form = 'infinitive';
    }
    // tag.aux-before-verb: "has never had", "was not sent": have/be/do before a verb is an auxiliary.
    if (w.tag === 'verb' && AUX_LEMMAS.has(w.lemma) && !w.after) {
      let j = i + 1;
      while (j < words.length && (words[j].tag === 'neg' || words[j].tag === 'adv') && !words[j - 1].after) j++;
      if (j > i && j < words.length && words[j].tag === 'verb' && !words[j - 1].after) w.tag = 'aux';
    }
    // tag.name-inside-name: "Kim Jong Un held": a capitalised word right after a name's words is part of it.
    if ((w.tag === 'verb' || w.tag === 'noun') && i > 0 && words[i - 1].tag === 'propn' && !words[i - 1].after && /^\p{Lu}/u.test(w.text)
      && (!next || !/^\p{Lu}/u.test(next.text) || next.tag === 'propn')) {
      w.tag = 'propn';
      w.lemma = w.norm;
      delete w.form;
    }
    // tag.noun-in-phrase: "potential arms deals", "a joint arms deal": a bare verb between a modifier and a noun is a noun.
    if (w.tag === 'verb' && i > 0 && next && !w.after && !words[i - 1].after && (words[i - 1].tag === 'adj' || words[i - 1].tag === 'det')
      && next.tag === 'noun' && L.can(w.norm, 'n')) {
      w.tag = 'noun';
      w.lemma = L.lemma(w.norm, 'n');
      delete w.form;
    }
    // tag.participle-modifier: "a supposed military alliance", "the envisioned agreements": a participle between a determiner and its noun.
    if (w.tag === 'verb' && (w.form === 'past' || w.form === 'participle') && i > 0 && next && !w.after
      && (words[i - 1].tag === 'det' || (words[i - 1].tag === 'adv' && i > 1 && words[i - 2].tag === 'det'))
      && (next.tag === 'noun' || next.tag === 'adj' || next.tag === 'propn')) {
      w.tag = 'adj';
      delete w.form;
    }
    // tag.noun-at-phrase-end: "a ballistic missile launch on Wednesday": a bare verb closing a determiner's phrase is its head noun.
    if (w.tag === 'verb' && (w.form === 'infinitive' || w.form === 'present') && !/s$/.test(w.norm) && i >= 2
      && words[i - 1].tag === 'noun' && !words[i - 1].after && (!next || next.tag === 'prep' || next.tag === 'to' || w.after)
      && words.slice(Math.max(0, i - 4), i - 1).some((x) => x.tag === 'det') && L.can(w.norm, 'n')) {
      w.tag = 'noun';
      w.lemma = L.lemma(w.norm, 'n');
      delete w.form;
    }
    // tag.plural-after-modifier: "pulling air fryers from British kitchens, …": a verb's -s form right after a preposition
    // or determiner and an adjective, ending the phrase, is a plural noun when the lexicon has the word as a noun.
    if (w.tag === 'verb' && w.form === 'present' && /s$/.test(w.norm) && i >= 2 && !words[i - 1].after
      && (words[i - 1].tag === 'adj' || (words[i - 1].tag === 'propn' && L.can(words[i - 1].norm, 'a')))
      && (words[i - 2].tag === 'prep' || words[i - 2].tag === 'det') && !words[i - 2].after
      && (!next || /[,.;:!?]/.test(w.after) || next.tag === 'prep') && L.can(w.norm, 'n')) {
      w.tag = 'noun';
      w.lemma = L.lemma(w.norm, 'n');
      delete w.form;
    }
    // tag.no-determiner: "exported no fertiliser", "no evidence": "no" before a noun phrase is its determiner (a negation the clause keeps).
    if (w.norm === 'no' && w.tag === 'other' && next && !w.after && (next.tag === 'noun' || next.tag === 'adj' || next.tag === 'num' || next.tag === 'propn')) {
      w.tag = 'det';
    }
    // tag.verb-before-figure: "Kellner shares rose 18%", "oil prices fell by 5 percent": a word that can be a verb, after the
    // subject's noun and before a figure, is the verb (and a verb-looking plural before it is the subject's noun).
    if (w.tag === 'noun' && i > 0 && !w.after && !words[i - 1].after && L.can(w.norm, 'v') && figureAt(words, i + 1)
      && (words[i - 1].tag === 'noun' || words[i - 1].tag === 'propn' || (words[i - 1].tag === 'verb' && /s$/.test(words[i - 1].norm) && L.can(words[i - 1].norm, 'n')))) {
      const prev = words[i - 1];
      if (prev.tag === 'verb') {
        prev.tag = 'noun';
        prev.lemma = L.lemma(prev.norm, 'n');
        delete prev.form;
      }
      w.tag = 'verb';
      w.lemma = L.lemma(w.norm, 'v');
      w.form = w.lemma !== w.norm || w.norm.endsWith('ed') ? 'past' : 'present';
    }
    // tag.phrasal-verb: "snapped up", "shelling out", "stepped down": a verb and a particle that are one WordNet verb are one
    // predicate. A particle that is also a preposition ("in", "on", "through") is one only when no noun phrase follows it
    // ("photos taken in Seoul" is taken + in Seoul), except "over" ("took over the company").
    if (w.tag === 'verb' && next && !w.after && PARTICLES.has(next.norm) && L.can(`${w.lemma} ${next.norm}`, 'v')) {
      const after = words[i + 2];
      const npAfter = !!after && !next.after && /^(?:det|propn|noun|num|adj|pron)$/.test(after.tag);
      if (!npAfter || !PREPOSITION_PARTICLES.has(next.norm)) {
        w.lemma = `${w.lemma} ${next.norm}`;
        next.tag = 'adv';
        next.lemma = next.norm;
      }
    }
    // tag.name-in-capitals: "a senior US official": a pronoun written in capitals inside a sentence in lower case is a name.
    if (w.tag === 'pron' && /^\p{Lu}{2,}$/u.test(w.text) && words.some((x) => /\p{Ll}/u.test(x.text))) {
      w.tag = 'propn';
      w.lemma = w.norm;
    }
    // tag.hyphenated-verb: "North Korea test-fired a missile", "was hand-delivered to": a hyphenated word the lexicon does not
    // know, ending in a verb's past form, after its subject or an auxiliary and before its object, is that verb.
    if (w.tag === 'noun' && w.norm.includes('-') && !L.can(w.norm, 'n') && i > 0 && /^(?:propn|noun|pron|aux|adv)$/.test(words[i - 1].tag)
      && (!next || /^(?:det|adj|num|propn|prep|pron|to)$/.test(next.tag) || !!w.after)) {
      const last = w.norm.slice(w.norm.lastIndexOf('-') + 1);
      const lemma = L.lemma(last, 'v');
      if (lemma !== last && L.can(lemma, 'v') && !/s$/.test(last)) {
        w.tag = 'verb';
        w.lemma = lemma;
        w.form = words[i - 1].tag === 'aux' ? 'participle' : 'past';
      }
    }
    // tag.verb-after-aside: "Tridevil, 21, claims she ...": a noun that can be a verb, after an aside, before a clause.
    if (w.tag === 'noun' && i > 0 && words[i - 1].after.includes(',') && next && !w.after
      && (next.tag === 'pron' || next.tag === 'det' || next.norm === 'that' || next.tag === 'to')
      && /(?:s|ed)$/.test(w.norm) && L.can(w.norm, 'v')) {
      w.tag = 'verb';
      w.lemma = L.lemma(w.norm, 'v');
      w.form = w.norm.endsWith('ed') ? 'past' : 'present';
    }
  }
}

/** A figure starts at word i: "18%", "4.2 billion", or up to two of cues.json's figure leads before one ("by about 18"). */
function figureAt(words: Word[], i: number): boolean {
  const isNum = (w?: Word): boolean => !!w && w.tag === 'num' && /\d/.test(w.text);
  let j = i;
  while (j < i + 2 && FIGURE_LEADS.has(words[j]?.norm ?? '')) j++;
  return isNum(words[j]);
}

/**
 * Tag a text (a document or one sentence): the layer's tokens, each with
 * compromise's tag and a lemma. One compromise pass for the whole text: its
 * context rules see whole sentences. Contractions give their hidden words
 * ("isn't" → "is" + "not") as zero-width words.
 */
export function tagText(text: string): Word[] {
  const toks = tokenize(text);
  const terms = compromiseTerms(text);
  const words: Word[] = [];
  let k = 0;
  for (let i = 0; i < toks.length; i++) {
    const tk = toks[i];
    while (k < terms.length && terms[k].offset.start + terms[k].offset.length <= tk.start && !(terms[k].offset.length === 0 && terms[k].offset.start === tk.start)) k++;
    const mine: CTerm[] = [];
    for (let j = k; j < terms.length && terms[j].offset.start <= tk.end; j++) {
      const t = terms[j];
      if (t.offset.start >= tk.start && (t.offset.length > 0 ? t.offset.start < tk.end : true)) mine.push(t);
      if (t.offset.start > tk.end) break;
    }
    const next = toks[i + 1];
    const after = text.slice(tk.end, next ? next.start : Math.min(text.length, tk.end + 3)).replace(/\s+/g, '');
    const hidden = mine.filter((t) => t.implicit && t.offset.length === 0);
    const main = mine.find((t) => t.offset.length > 0) ?? mine[0];
    if (hidden.length) {
      words.push(makeWord(tk, main, ''));
      words.push(...implicitWords(tk, hidden, after));
    } else {
      words.push(makeWord(tk, main, after));
    }
  }
  repair(words);
  return words;
}
