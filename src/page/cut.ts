// Where to cut a run of text that is too long to be one block: at a blank
// line, else a sentence end, else a space, else anywhere (never inside a
// surrogate pair). Only the last half of each window is searched, so pieces
// stay between max/2 and max characters long.

/** A sentence end: . ! ? or … , optional closing quotes/brackets, then white space. */
const SENTENCE_END = /[.!?…]["'”’»)\]]*\s+/g;
const BLANK_LINE = /\n[^\S\n]*\n\s*/g;
const SPACE = /\s+/g;

/** End of the last match of `re` whose end lies in (from, to], or -1. */
function lastEnd(re: RegExp, text: string, from: number, to: number): number {
  let best = -1;
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    const end = m.index + m[0].length;
    if (end > to) break;
    if (end > from) best = end;
    if (m[0].length === 0) re.lastIndex++;
  }
  return best;
}

const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/**
 * Offsets (exclusive of 0 and text.length) at which to cut `text` so that no
 * piece is longer than `max`. Empty when the text already fits.
 */
export function cutPoints(text: string, max: number): number[] {
  const cuts: number[] = [];
  let pos = 0;
  while (text.length - pos > max) {
    const to = pos + max;
    const from = pos + Math.floor(max / 2);
    let cut = lastEnd(BLANK_LINE, text, from, to);
    if (cut < 0) cut = lastEnd(SENTENCE_END, text, from, to);
    if (cut < 0) cut = lastEnd(SPACE, text, from, to);
    if (cut < 0) cut = isLowSurrogate(text.charCodeAt(to)) ? to - 1 : to;
    cuts.push(cut);
    pos = cut;
  }
  return cuts;
}
