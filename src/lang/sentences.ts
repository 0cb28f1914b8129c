// Sentence splitting with exact character offsets into the source text.
// Rule-based on purpose: it runs in the CLI and in an MV3 service worker, and
// news prose is regular enough that a small abbreviation list (src/lang/data/cues.json)
// beats a model.

import { MONTH_ABBREVIATIONS, STARTERS_AFTER_ACRONYM as SENTENCE_STARTERS, TITLE_ABBREVIATIONS } from './cues';

export interface Span {
  start: number;
  end: number;
  text: string;
}

const CLOSERS = '"\'”’)]»';

function isUpperStart(ch: string | undefined): boolean {
  return ch !== undefined && /[A-Z0-9“"‘'(\[À-Þ]/.test(ch);
}

/** Decide whether the terminator at `i` (a '.', '!' or '?') ends a sentence. */
function endsSentence(text: string, i: number, lineEnd: number): { ends: boolean; after: number } {
  let j = i + 1;
  while (j < lineEnd && (text[j] === '.' || text[j] === '!' || text[j] === '?')) j++;
  while (j < lineEnd && CLOSERS.includes(text[j])) j++;
  const after = j;
  if (j < lineEnd && !/\s/.test(text[j])) return { ends: false, after };
  while (j < lineEnd && /\s/.test(text[j])) j++;
  if (j >= lineEnd) return { ends: true, after };
  const next = text[j];
  if (!isUpperStart(next)) return { ends: false, after };
  if (text[i] !== '.') return { ends: true, after };
  // Look at the word before the period.
  let w = i;
  while (w > 0 && /[A-Za-z.]/.test(text[w - 1])) w--;
  const word = text.slice(w, i);
  const lower = word.toLowerCase();
  if (TITLE_ABBREVIATIONS.has(lower)) return { ends: false, after };
  const nextWordMatch = /^[“"‘']?([A-Za-z0-9]+)/.exec(text.slice(j, j + 40));
  const nextWord = nextWordMatch ? nextWordMatch[1] : '';
  if (MONTH_ABBREVIATIONS.has(lower)) return { ends: !/^\d/.test(nextWord), after };
  // Single initial ("John F. Kennedy") or dotted acronym ("U.S.", "U.N.").
  if (/^[A-Z]$/.test(word) || /^(?:[A-Za-z]\.)+[A-Za-z]$/.test(word)) {
    return { ends: SENTENCE_STARTERS.has(nextWord), after };
  }
  return { ends: true, after };
}

function pushTrimmed(out: Span[], text: string, start: number, end: number): void {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end > start) out.push({ start, end, text: text.slice(start, end) });
}

/**
 * Split text into sentences. Every newline is a hard break (paragraphs,
 * headlines without final punctuation, list items). Offsets are exact:
 * `text.slice(s.start, s.end) === s.text` and spans carry no outer whitespace.
 */
export function splitSentences(text: string): Span[] {
  const out: Span[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    let sentStart = lineStart;
    for (let i = lineStart; i < lineEnd; i++) {
      const ch = text[i];
      if (ch !== '.' && ch !== '!' && ch !== '?') continue;
      const { ends, after } = endsSentence(text, i, lineEnd);
      if (ends) {
        pushTrimmed(out, text, sentStart, after);
        sentStart = after;
      }
      i = Math.max(i, after - 1);
    }
    pushTrimmed(out, text, sentStart, lineEnd);
    lineStart = lineEnd + 1;
  }
  return out;
}
