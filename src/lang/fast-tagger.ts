// A fast tagger for pages: the lexicon compiled from compromise and WordNet
// gives each word its classes; a few context rules choose between noun and
// verb. It produces the same words as tagger.ts (compromise), so the
// proposition rules read a page as they read a corpus, at a fraction of the
// cost: a page's sentences are tagged while the reader waits.

import { NEGATING_ADVERBS, REPORTING_VERBS } from './cues';
import { lexicon } from './default-lexicon';
import type { LexPos } from './lexicon-data';
import { lemmaOf, repair, type Tag, type VerbForm, type Word } from './tagger';
import { tokenize, type Token } from './tokens';

const CLOSED: Record<string, Tag> = { det: 'det', prep: 'prep', pron: 'pron', conj: 'conj', aux: 'aux', modal: 'modal', neg: 'neg', wh: 'wh' };
const SUBJECT_PRONOUNS = new Set(['i', 'we', 'you', 'he', 'she', 'it', 'they', 'who', 'which']);
const NOUN_BEFORE = new Set<Tag>(['det', 'adj', 'num']);
const VERB_AFTER = new Set<Tag>(['to', 'modal', 'neg']);

function verbForm(norm: string, prev: Word | undefined): VerbForm {
  if (norm.endsWith('ing')) return 'gerund';
  const past = lexicon().lemma(norm, 'v') !== norm && !norm.endsWith('s');
  if (past) return prev && prev.tag === 'aux' && /^(?:have|has|had|having|be|been|being|is|are|was|were|am|get|got)$/.test(prev.norm) ? 'participle' : 'past';
  if (norm.endsWith('s')) return 'present';
  return prev && (prev.tag === 'to' || prev.tag === 'modal') ? 'infinitive' : 'present';
}

/** Choose a word's tag from its classes and its neighbours. */
function openTag(tk: Token, prev: Word | undefined, next: Token | undefined, sentenceStart: boolean, sawVerb: boolean, afterSubject: boolean,
  titleCase = false, modifierAfterDet = false): Tag {
  const L = lexicon();
  const n = tk.norm;
  if (/^\d/.test(n)) return 'num';
  // In a title-case headline ("North Korea Ships Shells to Russia") a capital says nothing about a common word.
  const capital = /^\p{Lu}/u.test(tk.text) && !(titleCase && L.partsOfSpeech(n).length > 0 && L.openTag(n) !== 'p' && !/^\p{Lu}{2,}$/u.test(tk.text));
  const kinds = L.partsOfSpeech(n);
  const hint = L.openTag(n);
  // Mid-sentence capitals are names ("the White House", "Defense Minister"); at a sentence start only unknown words and names.
  const nextCapital = !!next && /^\p{Lu}/u.test(next.text) && !/[,;:.!?]/.test(tk.text);
  if (capital && (!sentenceStart || hint === 'p' || !kinds.length || nextCapital)) return 'propn';
  if (hint === 'q') return 'num';
  // An inflected form of a known verb in a spelling the lexicon lacks ("funnelling"): a verb, unless a determiner's phrase holds it.
  if (!kinds.length && L.verbStem(n)) return prev && (prev.tag === 'det' || prev.tag === 'adj') ? 'noun' : 'verb';
  if (!kinds.length) return hint === 'v' ? 'verb' : hint === 'a' ? 'adj' : hint === 'r' ? 'adv' : 'noun';
  const can = (p: LexPos): boolean => kinds.includes(p);
  const nextNoun = !!next && (L.can(next.norm, 'n') || /^\p{Lu}/u.test(next.text)) && !L.closed[next.norm];
  // An inflected verb form: regular (-ed, -ing) or irregular ("held", "sent").
  // (A form in -s is as likely a plural noun: left to the rules below.)
  const inflected = L.lemma(n, 'v') !== n && !n.endsWith('s');
  if (hint === 'r' && can('r')) return 'adv';
  if (can('v') && inflected) {
    // "the alleged attack", "a growing concern": a participle between a determiner and a noun modifies it.
    if (prev && (prev.tag === 'det' || prev.tag === 'adj') && nextNoun && can('a')) return 'adj';
    if (prev && NOUN_BEFORE.has(prev.tag) && !nextNoun && can('n')) return 'noun';
    return 'verb';
  }
  if (can('v') && can('n')) {
    // "obtain additional artillery rounds": once the clause has its verb, a plural right after a noun closes that noun's phrase.
    if (sawVerb && prev && prev.tag === 'noun' && !prev.after && n.endsWith('s') && !n.endsWith('ss')) return 'noun';
    // "Russia's defence minister flew": before a word that can only be an inflected verb, a noun-or-verb word is the subject's noun.
    if (next && !L.closed[next.norm] && L.can(next.norm, 'v') && !L.can(next.norm, 'n') && !L.can(next.norm, 'a') && L.lemma(next.norm, 'v') !== next.norm
      && !/[,;:]/.test(tk.text + (prev?.after ?? ''))) return 'noun';
    // "North Korea supplies munitions": the first word after a subject that can be a verb is the verb.
    // So is one after a subject and its adverbs ("Germany no longer sells", "Russia also ships").
    // Not after a capitalised modifier inside a determiner's phrase ("the American claims", "a Russian offer").
    if (!sawVerb && prev && !modifierAfterDet && (prev.tag === 'propn' || prev.tag === 'noun' || (prev.tag === 'adv' && afterSubject)) && next
      && !/^(?:of|'s)$/.test(next.norm) && !/[,;:]/.test(prev.after)) return 'verb';
    if (prev && (NOUN_BEFORE.has(prev.tag) || (prev.tag === 'pron' && !SUBJECT_PRONOUNS.has(prev.norm)))) return 'noun';
    // "sold arms to Moscow": right after a verb, a noun-or-verb word is its object.
    if (prev && prev.tag === 'verb' && !prev.after) return 'noun';
    if (prev && (VERB_AFTER.has(prev.tag) || (prev.tag === 'pron' && SUBJECT_PRONOUNS.has(prev.norm)))) return 'verb';
    if (!sawVerb && prev && !modifierAfterDet && (prev.tag === 'noun' || prev.tag === 'propn') && next && /^(?:the|a|an|its|his|her|their|that|to)$/i.test(next.norm)) return 'verb';
    return hint === 'v' ? 'verb' : 'noun';
  }
  if (can('a') && (hint === 'a' || !can('n') || (nextNoun && (!prev || prev.tag === 'det' || prev.tag === 'adj')))) return 'adj';
  if (can('v') && !can('n')) return 'verb';
  if (can('n')) return 'noun';
  if (can('r')) return 'adv';
  return hint === 'v' ? 'verb' : 'noun';
}

/**
 * A headline in title case: nearly every word of four letters or more, closed-class words aside, is
 * capitalised, and so are at least two words the lexicon knows as common words ("Ships", "Shells").
 */
function isTitleCase(toks: readonly Token[]): boolean {
  const L = lexicon();
  const long = toks.filter((t) => /^\p{L}{4,}/u.test(t.text) && !L.closed[t.norm]);
  if (long.length < 3) return false;
  const capitals = long.filter((t) => /^\p{Lu}/u.test(t.text));
  const common = capitals.filter((t) => L.partsOfSpeech(t.norm).length > 0 && L.openTag(t.norm) !== 'p');
  return capitals.length >= long.length * 0.8 && common.length >= 2;
}

/** The words so far end with a subject's noun or name and then adverbs only ("Germany no longer"). */
function subjectThenAdverbs(words: Word[]): boolean {
  let i = words.length - 1;
  while (i >= 0 && words[i].tag === 'adv' && !/[,;:]/.test(words[i].after)) i--;
  return i >= 0 && i < words.length - 1 && (words[i].tag === 'propn' || words[i].tag === 'noun') && !/[,;:]/.test(words[i].after);
}

/** Tag a text with the lexicon alone (no compromise pass): the same words tagText gives, faster and less sure. */
export function fastTagText(text: string): Word[] {
  const L = lexicon();
  const toks = tokenize(text);
  const words: Word[] = [];
  let sawVerb = false;
  const titleCase = isTitleCase(toks);
  for (let i = 0; i < toks.length; i++) {
    const tk = toks[i];
    const prev = words[words.length - 1];
    const next = toks[i + 1];
    const gap = text.slice(tk.end, next ? next.start : Math.min(text.length, tk.end + 3));
    const after = gap.replace(/\s+/g, '');
    const sentenceStart = !prev || /[.!?:"“]/.test(prev.after) || /\n/.test(text.slice(prev.end, tk.start));
    // "didn't", "isn't", "won't": the auxiliary, then a zero-width "not".
    const neg = /n['’]t$/i.test(tk.text) && tk.norm.length > 3;
    const base = neg ? { ...tk, norm: tk.norm.replace(/n't$/, '').replace(/^wo$/, 'will').replace(/^ca$/, 'can') } : tk;
    const closed = CLOSED[L.closed[base.norm] ?? ''];
    if (sentenceStart) sawVerb = false;
    // A reported clause has a verb of its own: "officials said the price rises".
    if (prev && ((prev.tag === 'verb' && REPORTING_VERBS.has(prev.lemma)) || prev.norm === 'that')) sawVerb = false;
    // "no longer", "no more" (cues.json: negatingAdverbs): an adverb phrase, not the noun "no".
    const negAdverb = NEGATING_ADVERBS.some(([a, b]) => (base.norm === a && next?.norm === b) || (prev?.norm === a && prev.tag === 'adv' && base.norm === b));
    const tag: Tag = base.norm === 'to' ? 'to' : negAdverb ? 'adv' : closed ?? openTag(base, prev, next, sentenceStart, sawVerb, subjectThenAdverbs(words), titleCase,
      !!prev && prev.tag === 'propn' && L.can(prev.norm, 'a') && words[words.length - 2]?.tag === 'det');
    // Written out, not spread from the token: a spread copy is the slowest step of the loop (5 µs a word).
    const w: Word = { text: tk.text, start: tk.start, end: tk.end, norm: tk.norm, tag, lemma: lemmaOf(base, tag, undefined), after: neg ? '' : after };
    if (tag === 'verb' || tag === 'aux') w.form = verbForm(base.norm, prev);
    if (tag === 'aux' && /^(?:have|has|had|be|is|are|was|were|am|do|does|did)$/.test(base.norm) && next && !/^(?:not|never|n't)$/i.test(next.norm)) {
      // "has a breast", "did it": have/be/do with no verb after them are main verbs (repair() restores auxiliaries).
      const nextKinds = L.partsOfSpeech(next.norm);
      if (!nextKinds.includes('v') && !L.closed[next.norm]) w.tag = base.norm.startsWith('b') || /^(?:is|are|was|were|am)$/.test(base.norm) ? 'aux' : 'verb';
    }
    if (w.tag === 'verb' || w.tag === 'aux' || w.tag === 'modal') sawVerb = true;
    words.push(w);
    if (neg) words.push({ text: '', start: tk.end, end: tk.end, norm: 'not', tag: 'neg', lemma: 'not', after });
  }
  repair(words);
  return words;
}
