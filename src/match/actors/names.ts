// "Is this alias here a name of the actor at all?" Rules that read the words
// right around a mention and find it is part of another name: inside a
// longer proper-noun sequence ("The Washington Post", "Yahoo Japan", "North
// America", "Bank of Japan", "Kim Kardashian"), a currency ("US$"), a
// qualifier in brackets ("English (US)"), an inverted citation name
// ("Kirby, Alex"), or someone introduced by name ("a writer named Peskov").
import { isCapitalised, isHeadlineCase, nextChar, nextWord, prevChar, prevWord, type Near } from './context';
import { AUXILIARIES, INTRODUCING, KNOWN_AS, NAMING_WORDS } from './cues';
import { isIn, isLyAdverb } from './words';

/** What the rules need to know about the mention and the page around it. */
export interface MentionContext {
  text: string;
  start: number;
  end: number;
  /** Lower-case words of the actor's own name and aliases ("vladimir", "putin"). */
  own: ReadonlySet<string>;
  /** Start offsets of the block's actor mentions (adjacent names: "Russia Ukraine war"). */
  starts: readonly number[];
  /** The mention is a person's one-word alias (a bare surname or given name). */
  bareName: boolean;
  /** The words right before and after the mention (undefined: not looked up yet). */
  prev?: Near | null;
  next?: Near | null;
}

/** Another mention starts at `pos`. */
const mentionAt = (m: MentionContext, pos: number): boolean => pos !== m.start && m.starts.includes(pos);
/** The word before / after the mention, looked up once per mention. */
const before1 = (m: MentionContext): Near | null => (m.prev === undefined ? (m.prev = prevWord(m.text, m.start)) : m.prev);
const after1 = (m: MentionContext): Near | null => (m.next === undefined ? (m.next = nextWord(m.text, m.end)) : m.next);

/** Closed-class words, dates, numbers, titles, demonyms: capitalised, they still start no name. */
function isClosedClass(lower: string): boolean {
  return isIn('function', lower) || isIn('preposition', lower) || isIn('date', lower) || isIn('number', lower) ||
    isIn('title', lower) || isIn('demonym', lower) || AUXILIARIES.has(lower);
}

/**
 * A word a sentence may open with before a name, capitalised only by its
 * place: a verb, an adverb, an adjective ("Isolated North Korea",
 * "Neighbouring Russia", "War-torn Ukraine").
 */
function isOpener(lower: string, text: string): boolean {
  return isIn('finite', lower) || isIn('present3', lower) || isIn('base', lower) || isLyAdverb(lower) ||
    isIn('adjective', lower) || /-\p{Ll}/u.test(text) || (lower.length > 4 && /(?:ed|ing)$/.test(lower));
}

const isInitial = (w: string): boolean => /^\p{Lu}\.$/u.test(w);

/** Is the word at `pos` the first of its sentence (or line)? */
function opensSentence(text: string, pos: number): boolean {
  const c = prevChar(text, pos);
  return c === '' || /[.!?\n"“‘'(:—–]/.test(c);
}

const isUpperAscii = (c: number): boolean => c >= 65 && c <= 90;
const isLowerAscii = (c: number): boolean => c >= 97 && c <= 122;
/** Lower-case words before a mention that some rule reads ("Bank of", "known as", "a writer named"). */
const TRIGGERS_BEFORE: ReadonlySet<string> = new Set(['of', 'as', 'the', ...NAMING_WORDS]);
/** Punctuation that may end the text before a mention without starting a rule ("(" does: "English (US)"). */
const PLAIN_BEFORE = new Set([44, 46, 59, 58, 34, 0x201c, 0x201d, 10, 33, 63, 41]);
/** Punctuation after a mention that no rule reads ("," does: "Kirby, Alex"). */
const PLAIN_AFTER = new Set([46, 59, 58, 39, 0x2019, 0x2bc, 41, 34, 0x201d, 10, 33, 63]);

/**
 * Fast path, true when no drop rule can apply: in running text most mentions
 * sit between lower-case words or punctuation. Reads characters, not words,
 * and allocates only for a short lower-case word on either side.
 */
export function plainContext(m: MentionContext): boolean {
  const { text } = m;
  let i = m.start;
  while (i > 0 && text.charCodeAt(i - 1) === 32) i--;
  if (i > 0) {
    const p = text.charCodeAt(i - 1);
    if (isLowerAscii(p)) {
      let s = i - 1;
      while (s > 0 && isLowerAscii(text.charCodeAt(s - 1))) s--;
      if (s > 0 && !PLAIN_BEFORE.has(text.charCodeAt(s - 1)) && text.charCodeAt(s - 1) !== 32) return false;
      if (i - s <= 9 && TRIGGERS_BEFORE.has(text.slice(s, i))) return false;
    } else if (!PLAIN_BEFORE.has(p) && !(p >= 48 && p <= 57)) return false;
  }
  if (m.end >= text.length) return true;
  const a = text.charCodeAt(m.end);
  if (a === 32) {
    const b = text.charCodeAt(m.end + 1);
    if (!isLowerAscii(b)) return b < 128 && !isUpperAscii(b);
    let e = m.end + 1;
    while (e < text.length && isLowerAscii(text.charCodeAt(e))) e++;
    return e - m.end > 12 || !isIn('currency', text.slice(m.end + 1, e));
  }
  if (a === 44) return !m.bareName;
  return PLAIN_AFTER.has(a);
}

/**
 * A capitalised word that makes a longer name with the mention (not the
 * actor's own, not another mention, not closed-class).
 */
function extendsName(w: Near | null, m: MentionContext, before: boolean): boolean {
  if (!w || !isCapitalised(w.text) || m.own.has(w.lower) || mentionAt(m, w.start)) return false;
  const lower = w.lower.replace(/['’ʼ]s$/, '');
  if (isClosedClass(lower)) return false;
  // A word capitalised by its place (a sentence's first, any word of a headline) may be a verb or adjective.
  if (before && (opensSentence(m.text, w.start) || isHeadlineCase(m.text, m.start, m.end)) && isOpener(lower, w.text)) return false;
  return true;
}

/**
 * Why the mention is inside a longer name, or null. Looks past initials and
 * the actor's own name words before it ("Vladimir V. Putin" is Putin, "Alex
 * J. Kirby" is not Kirby); in a headline-case line only the word before
 * counts (every word is capitalised there).
 */
export function largerName(m: MentionContext): string | null {
  let before = before1(m);
  // Initials and capitalised words of the actor's own name ("Vladimir V. Putin"), not its small words ("Republic of Korea").
  for (let k = 0; k < 3 && before && (isInitial(before.text) || (m.own.has(before.lower) && isCapitalised(before.text))); k++) {
    before = prevWord(m.text, before.start);
  }
  if (extendsName(before, m, true)) return `after "${before!.text}"`;
  // "Bank of Japan", "University of Tokyo", "Sea of Japan": X of Y, X the head of an organisation or place name.
  const direct = before1(m);
  if (direct?.lower === 'of') {
    const x = prevWord(m.text, direct.start);
    if (x && isIn('nameHead', x.lower) && extendsName(x, m, true)) return `"${x.text} of …"`;
  }
  return null;
}

/**
 * The name goes on after the mention ("The Washington Post", "U.S. Games
 * Systems", "Seoul World Cup Stadium", "U.S. Air Force"). In a headline-case
 * line, where every word is capitalised, only when the words after it end in
 * the head of an organisation or place name ("… Post", "… Stadium"), not in
 * "Ukraine Conflict" or "Japan Stocks Rally".
 */
export function nameContinues(m: MentionContext): string | null {
  const after = after1(m);
  if (!after || !isCapitalised(after.text) || !extendsName(after, m, false)) return null;
  if (!isHeadlineCase(m.text, m.start, m.end)) return `before "${after.text}"`;
  let w: Near | null = after;
  for (let k = 0; k < 3 && w && isCapitalised(w.text); k++, w = nextWord(m.text, w.end)) {
    if (isIn('nameHead', w.lower.replace(/['’ʼ]s$/, ''))) return `before "${after.text} … ${w.text}"`;
  }
  return null;
}

/** A currency written with the country's code ("US$", "A$5"). */
export function currency(m: MentionContext): string | null {
  const after = m.text[m.end] ?? '';
  if (after !== ' ' && /\p{Sc}/u.test(after)) return `currency "${m.text.slice(m.start, m.end)}${after}"`;
  if (after !== ' ' || !/[a-z]/.test(m.text[m.end + 1] ?? '')) return null;
  const next = after1(m);
  if (next && isIn('currency', next.lower)) return `currency "${next.text}"`;
  return null;
}

/** A bracketed qualifier of the name before it ("English (US)", "Georgia (US)"), not an alias in brackets after the actor's full name. */
export function qualifier(m: MentionContext): string | null {
  if (prevChar(m.text, m.start) !== '(' || nextChar(m.text, m.end) !== ')') return null;
  let open = m.start - 1;
  while (open >= 0 && m.text[open] !== '(') open--;
  const before = prevWord(m.text, open);
  if (!before || !isCapitalised(before.text) || m.own.has(before.lower) || mentionAt(m, before.start)) return null;
  // An actor named just before (" … Republic of Korea (ROK)") is the alias's own definition: mentionAt sees its first word only.
  return `qualifies "${before.text}"`;
}

/** "Kirby, Alex" or "Kirby, A.": a surname, then another given name or its initial, as in citations. */
export function invertedName(m: MentionContext): string | null {
  if (!m.bareName || m.text[m.end] !== ',') return null;
  const given = nextWord(m.text, m.end + 1);
  if (!given || !isCapitalised(given.text) || m.own.has(given.lower)) return null;
  if (isInitial(given.text)) {
    const own = [...m.own].some((w) => w[0] === given.lower[0] && w !== m.text.slice(m.start, m.end).toLowerCase());
    return own ? null : `inverted name "…, ${given.text}"`;
  }
  if (!isIn('firstName', given.lower)) return null;
  const rest = m.text.slice(given.end, given.end + 3);
  return /^(?:\s*$|\s*[(.,;]|\s+\p{Lu}\.|\s+and\b|\s+\d)/u.test(rest) ? `inverted name "…, ${given.text}"` : null;
}

/**
 * "a writer named Peskov", "a DJ called Kremlin", "a house known locally as
 * the Blue House": the name is given to something the page introduces, not
 * the actor. Needs the introduced noun phrase ("a writer", not "Russia
 * called Kyiv's offer …").
 */
export function introducedByName(m: MentionContext): string | null {
  let before = before1(m);
  if (before?.lower === 'the') before = prevWord(m.text, before.start);
  if (!before) return null;
  if (NAMING_WORDS.has(before.lower)) {
    const noun = prevWord(m.text, before.start);
    const det = noun && prevWord(m.text, noun.start);
    if (noun && /^\p{Ll}|^\p{Lu}{2,}$/u.test(noun.text) && det && INTRODUCING.has(det.lower)) return `introduced by "${det.text} ${noun.text} ${before.text}"`;
    return null;
  }
  if (before.lower !== 'as') return null;
  // "known (locally | to residents) as": the naming verb up to six words back.
  let w = prevWord(m.text, before.start);
  for (let k = 0; k < 6 && w; k++, w = prevWord(m.text, w.start)) if (KNOWN_AS.has(w.lower)) return `introduced by "${w.text} … as"`;
  return null;
}
