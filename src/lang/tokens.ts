// The one word tokenizer of Claimlens: the KB builder, the matcher and the
// actor finder all see the same tokens with the same offsets. `norm` is the
// form used for look-ups: lower-case, apostrophes straightened, possessive
// 's removed.

export interface Token {
  text: string;
  start: number;
  end: number;
  norm: string;
}

// Apostrophes: ASCII, right single quote, modifier letter apostrophe (U+02BC).
// Order matters: dotted acronyms (U.S., N.Korea's first part), numbers with
// separators (1,000 / 3.5 / 20%), then words with inner hyphens or apostrophes
// (Jong-un, don't, people’s, Russiaʼs).
const TOKEN_RE = /(?:[A-Za-z]\.){2,}|[A-Z]\.(?=[A-Z][a-z])|\d+(?:[.,]\d+)*(?:%|st|nd|rd|th|s)?|[\p{L}\p{N}]+(?:['’ʼ\-–][\p{L}\p{N}]+)*['’ʼ]?/gu;

export function normalizeWord(word: string): string {
  let w = word.replace(/[’‘ʼ]/g, "'").replace(/–/g, '-').toLowerCase();
  if (w.endsWith("'s")) w = w.slice(0, -2);
  else if (w.endsWith("'")) w = w.slice(0, -1);
  return w;
}

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m !== null; m = TOKEN_RE.exec(text)) {
    let t = m[0];
    // A trailing apostrophe is a plural possessive ("the countries'") only after an s.
    if (/['’ʼ]$/.test(t) && !/s['’ʼ]$/i.test(t)) t = t.slice(0, -1);
    out.push({ text: t, start: m.index, end: m.index + t.length, norm: normalizeWord(t) });
  }
  return out;
}
