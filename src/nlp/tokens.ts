// Word tokenizer with offsets. `norm` is the form used for lexicon look-ups:
// lower-case, curly quotes straightened, possessive 's removed.

export interface Token {
  text: string;
  start: number;
  end: number;
  norm: string;
}

// Order matters: dotted acronyms (U.S.), numbers with separators (1,000 / 3.5),
// then words with inner hyphens or apostrophes (Jong-un, don't, people’s).
const TOKEN_RE = /(?:[A-Za-z]\.){2,}|\d+(?:[.,]\d+)*(?:%|st|nd|rd|th|s)?|[\p{L}\p{N}]+(?:['’\-–][\p{L}\p{N}]+)*/gu;

export function normalizeWord(word: string): string {
  let w = word.replace(/[’‘]/g, "'").replace(/–/g, '-').toLowerCase();
  if (w.endsWith("'s")) w = w.slice(0, -2);
  else if (w.endsWith("'")) w = w.slice(0, -1);
  return w;
}

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m !== null; m = TOKEN_RE.exec(text)) {
    out.push({ text: m[0], start: m.index, end: m.index + m[0].length, norm: normalizeWord(m[0]) });
  }
  return out;
}
