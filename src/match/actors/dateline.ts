// A dateline opens a wire story with where it was filed: "SEOUL, South Korea
// (AP) — ", "MOSCOW — ", "Tokyo, Nov 5 (Reuters) - ". The places in it are
// where the reporter was, not actors of the story.

/** Place words (capitalised or all capitals, abbreviations, day numbers) separated by spaces or commas, then an agency in brackets, then a dash or colon. */
const DATELINE = /^\s*((?:\p{Lu}[\p{L}.'’ʼ-]*|\d{1,2}(?:st|nd|rd|th)?\.?)(?:,?\s+(?:\p{Lu}[\p{L}.'’ʼ-]*|\d{1,2}(?:st|nd|rd|th)?\.?|de|of|la|al|el)){0,7}),?\s*(\([\p{L}][^()\n]{0,30}\))?\s*(?:—|–|--?|:)\s+/u;

/**
 * End offset of the dateline that opens `text`, or 0. `actorAt(start, end)`
 * gives the kind of an actor mention in [start, end), if any: an agency in
 * brackets must not be an actor ("North Korea (DPRK) — " is no dateline), and
 * a dateline of one all-capitals word must be a country or place
 * ("WASHINGTON — ", not "NATO — " or "BREAKING: ").
 */
export function datelineEnd(text: string, actorAt: (start: number, end: number) => string | null): number {
  const m = DATELINE.exec(text.slice(0, 120));
  if (!m) return 0;
  const place = m[1];
  const first = /^\s*/.exec(m[0])![0].length;
  const firstWord = /^[^\s,]+/.exec(place)![0];
  const allCaps = firstWord.length >= 2 && !/\p{Ll}/u.test(firstWord);
  if (m[2]) {
    const at = m.index + m[0].indexOf(m[2]);
    return actorAt(at, at + m[2].length) !== null ? 0 : m[0].length;
  }
  if (!allCaps) return 0;
  const kind = actorAt(first, first + firstWord.length);
  if (place.includes(',') || kind === 'country' || kind === 'place') return m[0].length;
  return 0;
}
