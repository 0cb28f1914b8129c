// The words around a mention, read straight from the block's text: the
// actor rules look one or two words either side, never further, so a page
// scan stays linear.

/** A neighbouring word: its text (a final full stop kept only on initials and acronyms) and offsets. */
export interface Near {
  text: string;
  lower: string;
  start: number;
  end: number;
}

/** Word characters by UTF-16 unit, learnt on first sight (0 = unknown, 1 = yes, 2 = no): this runs per mention. */
const wordTable = new Uint8Array(65536);
function isWordChar(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) return true;
  if (c < 0xc0) return false;
  let v = wordTable[c];
  if (v === 0) wordTable[c] = v = c !== 0x2bc && /[\p{L}\p{N}\p{M}]/u.test(ch) ? 1 : 2;
  return v === 1;
}
/** Inside a word: apostrophes, hyphens, dots of "U.S." and "a.m.". */
const isInnerChar = (ch: string): boolean => ch === "'" || ch === '’' || ch === 'ʼ' || ch === '-' || ch === '.' || ch === '&';
/** What may separate two words of one phrase: spaces and tabs, never a line break. */
const isSpace = (ch: string): boolean => ch === ' ' || ch === '\t' || ch === '\u00a0';

function trimWord(text: string, start: number, end: number): number {
  // A trailing dot ends the sentence unless the word is an initial ("V.") or dotted ("U.S.").
  while (end > start && isInnerChar(text[end - 1])) {
    if (text[end - 1] === '.') {
      const w = text.slice(start, end);
      if (/^\p{Lu}\.$/u.test(w) || /\p{L}\.\p{L}/u.test(w)) break;
    }
    end--;
  }
  return end;
}

/** The word right after `pos` across spaces only (null if punctuation or a line break comes first). */
export function nextWord(text: string, pos: number): Near | null {
  let i = pos;
  while (i < text.length && isSpace(text[i])) i++;
  if (i >= text.length || !isWordChar(text[i])) return null;
  let j = i + 1;
  while (j < text.length && (isWordChar(text[j]) || (isInnerChar(text[j]) && j + 1 < text.length && isWordChar(text[j + 1])) ||
    (text[j] === '.' && /\p{L}/u.test(text[j - 1])))) j++;
  const end = trimWord(text, i, j);
  const word = text.slice(i, end);
  return { text: word, lower: word.toLowerCase(), start: i, end };
}

/**
 * The word right before `pos` across spaces only: null if punctuation or a
 * line break comes first, or a full stop that ends a sentence ("in Seoul.
 * Moscow"; not the dot of "V." or "U.S.").
 */
export function prevWord(text: string, pos: number): Near | null {
  let end = pos;
  while (end > 0 && isSpace(text[end - 1])) end--;
  if (end === 0 || !(isWordChar(text[end - 1]) || text[end - 1] === '.')) return null;
  let s = end;
  while (s > 0 && (isWordChar(text[s - 1]) || ((isInnerChar(text[s - 1])) && s > 1 && isWordChar(text[s - 2])))) s--;
  const word = text.slice(s, end);
  if (!word || !isWordChar(word[0])) return null;
  if (word.endsWith('.') && !/^\p{Lu}\.$/u.test(word) && !/\p{L}\.\p{L}/u.test(word)) return null;
  return { text: word, lower: word.toLowerCase(), start: s, end };
}

/** First character after `pos` that is not a space ('' at the end). */
export function nextChar(text: string, pos: number): string {
  let i = pos;
  while (i < text.length && isSpace(text[i])) i++;
  return text[i] ?? '';
}

/** Last character before `pos` that is not a space ('' at the start). */
export function prevChar(text: string, pos: number): string {
  let i = pos;
  while (i > 0 && isSpace(text[i - 1])) i--;
  return text[i - 1] ?? '';
}

export const isCapitalised = (w: string): boolean => {
  const c = w.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return /^\p{Lu}/u.test(w);
};
export const isAllCaps = (w: string): boolean => /\p{Lu}/u.test(w) && !/\p{Ll}/u.test(w);

/**
 * Is the block a headline or label written in Title Case or all capitals
 * ("Russia Says It Will Respond To Sanctions")? Then capitals say nothing
 * about names. Only short blocks qualify, and only when no word of four
 * letters or more is written lower-case.
 */
export function isHeadlineCase(text: string, start: number, end: number): boolean {
  if (text.length > HEADLINE_MAX) return false;
  const words = (text.slice(0, start) + ' ' + text.slice(end)).match(/\p{L}[\p{L}'’ʼ-]{3,}/gu) ?? [];
  return words.length >= 2 && words.every((w) => isCapitalised(w));
}

/** Longest headline or label block, in characters. */
const HEADLINE_MAX = 200;
