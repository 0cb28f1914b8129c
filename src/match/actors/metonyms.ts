// A capital or a seat of government ("Moscow", "the Kremlin", "the Blue
// House") stands for its country's government only when it acts: as the
// subject of a verb ("Moscow denied", "Pyongyang has sent"), as an agent
// ("accused by Seoul", "according to Beijing"), or heading a government role
// ("Kremlin spokesman", "Pyongyang officials"). As a place ("a film festival
// in Seoul", "7:09 a.m. Moscow time", "SEOUL," in a dateline, "a Blue House
// compound in Harare") it is not the country. Which aliases are such places
// comes from world-countries: an alias of a country actor that is none of
// the country's names (nor the initials of one) is a metonym.
import countries from 'world-countries';
import type { KbActor } from '../../kb/types';
import { isCapitalised, nextWord, prevWord, type Near } from './context';
import { GOVERNMENT_ROLES, INDEFINITE_DETERMINERS, LOCATIVE, MOTION_STEMS, PLACE_COMPOUNDS } from './cues';
import { isAdverb, isFiniteVerb, isIn, isPreposition } from './words';

export type MetonymKind = 'capital' | 'seat';

const fold = (s: string): string => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[’‘ʼ]/g, "'").toLowerCase()
  .replace(/\./g, '').replace(/[^a-z0-9']+/g, ' ').trim();

interface CountryNames {
  names: Set<string>;
  words: Set<string>;
  initials: Set<string>;
  capitals: string[];
}

let table: Map<string, CountryNames> | null = null;

/** world-countries by every folded name and alternative spelling. */
function countryTable(): Map<string, CountryNames> {
  if (table) return table;
  table = new Map();
  for (const c of countries) {
    const all = [c.name.common, c.name.official, ...c.altSpellings, c.cca2, c.cca3].map(fold).filter(Boolean);
    const entry: CountryNames = {
      names: new Set(all),
      words: new Set(all.flatMap((n) => n.split(' '))),
      // "Republic of Korea" → "rok", "People's Republic of China" → "prc".
      initials: new Set(all.map((n) => n.split(' ').map((w) => w[0]).join(''))),
      capitals: (c.capital ?? []).map(fold),
    };
    for (const n of all) if (!table.has(n)) table.set(n, entry);
  }
  return table;
}

/**
 * The metonym aliases of a country actor (folded alias → kind): aliases that
 * world-countries does not list as a name of the country. Empty for other
 * actors and for countries world-countries does not know.
 */
export function metonymsOf(actor: KbActor): Map<string, MetonymKind> {
  const out = new Map<string, MetonymKind>();
  if (actor.kind !== 'country') return out;
  const t = countryTable();
  const entry = [actor.name, ...actor.aliases].map((n) => t.get(fold(n))).find((e) => e !== undefined);
  if (!entry) return out;
  for (const alias of actor.aliases) {
    const f = fold(alias);
    if (!f || entry.names.has(f) || entry.initials.has(f) || f.split(' ').every((w) => entry.words.has(w))) continue;
    const capital = entry.capitals.some((c) => c === f || c.startsWith(`${f} `));
    out.set(f, capital ? 'capital' : 'seat');
  }
  return out;
}

export const foldAlias = fold;

/** A word of travel or arrival ("travelled", "trip", "visited", "flew"): what follows it is a destination. */
const isMotion = (lower: string): boolean => lower.length > 2 && MOTION_STEMS.some((m) => lower.startsWith(m));

const isFiniteWord = isFiniteVerb;

/**
 * A third-person -s word after the name ("warns", "sends", but also
 * "markets", "officials"): a verb unless the next word is itself the verb
 * ("Tokyo markets fell") or nothing follows in the clause.
 */
function actsThroughS(text: string, w: Near): boolean {
  const known = isIn('present3', w.lower);
  if (!known && !(/[^su]s$/.test(w.lower) && !isIn('function', w.lower))) return false;
  const w2 = nextWord(text, w.end);
  // "…, Moscow says." ends on a known verb; a guessed one needs a clause after it.
  if (!w2) return known && /^\s*[.!?"”]/.test(text.slice(w.end, w.end + 2));
  return !(isFiniteWord(w2.lower) || isIn('base', w2.lower) || isIn('present3', w2.lower));
}

/** The word after the mention that says what it does, past adverbs and a coordinated name ("Moscow and Beijing have …"). */
function governingWord(text: string, end: number): Near | null {
  let w = nextWord(text, end);
  for (let k = 0; k < 6 && w; k++) {
    if (isAdverb(w.lower) && !isFiniteWord(w.lower)) {
      w = nextWord(text, w.end);
    } else if ((w.lower === 'and' || w.lower === 'or') && k === 0) {
      // Skip the other conjunct's capitalised words.
      let x = nextWord(text, w.end);
      while (x && isCapitalised(x.text)) {
        w = x;
        x = nextWord(text, x.end);
      }
      w = x;
    } else return w;
  }
  return w;
}

/**
 * Why the metonym at [start, end) of `text` is only a place here, or null
 * when it stands for its government (acting, or taking part: "Moscow
 * denied", "shells to Moscow", "urged Pyongyang", "talks with Beijing").
 * Places: after a locative preposition ("a festival in Seoul", unless a
 * government role precedes it: "officials in Pyongyang"), the end of a
 * journey ("travelled to Pyongyang", "visited Washington"), a modifier of
 * a common noun ("Moscow time", "Tokyo stocks", "a Blue House compound").
 */
export function metonymPlace(text: string, start: number, end: number): string | null {
  const before = prevWord(text, start);
  if (before) {
    if (INDEFINITE_DETERMINERS.has(before.lower)) return `modifier after "${before.text}"`;
    if (LOCATIVE.has(before.lower)) {
      const head = prevWord(text, before.start);
      if (!(head && GOVERNMENT_ROLES.has(head.lower))) return `location after "${before.text}"`;
    }
    if (isMotion(before.lower)) return `destination of "${before.text}"`;
    if (before.lower === 'to' || before.lower === 'into' || before.lower === 'from') {
      // "flown straight from Tokyo", "a trip by train to Pyongyang": up to two small words back to the word of travel.
      let v = prevWord(text, before.start);
      for (let k = 0; k < 2 && v && /^\p{Ll}/u.test(v.text) && !isMotion(v.lower); k++) v = prevWord(text, v.start);
      if (v && isMotion(v.lower)) return `destination of "${v.text} … ${before.text}"`;
    }
  }
  const compound = /^[-‐‑](\p{Ll}+)/u.exec(text.slice(end, end + 16));
  if (compound) return PLACE_COMPOUNDS.has(compound[1]) ? `"-${compound[1]}" compound` : null;
  // "Tokyo's Suntory Hall": a place inside the city; "Moscow's decision" stays the government.
  const possessive = /^['’ʼ]s\s+(\S)/u.exec(text.slice(end, end + 5));
  if (possessive) return /\p{Lu}/u.test(possessive[1]) ? 'possessive of a place name' : null;
  const w = nextWord(text, end);
  if (!w || !/^\p{Ll}/u.test(w.text) || GOVERNMENT_ROLES.has(w.lower)) return null;
  if (isFiniteWord(w.lower) || isAdverb(w.lower) || isIn('function', w.lower) || isPreposition(w.lower)) return null;
  if (actsThroughS(text, w)) return null;
  // The object of a verb, not a modifier: "handed Moscow ballistic missiles", "help Moscow earn money".
  if (before && (isFiniteWord(before.lower) || isIn('base', before.lower) || isIn('present3', before.lower))) return null;
  // A coordinated subject: "Moscow and Pyongyang deny …".
  if (before && (before.lower === 'and' || before.lower === 'or') && isIn('base', w.lower)) return null;
  return `modifier of "${w.text}"`;
}

/** Why the metonym acts as its government, when it visibly does (for explain). */
export function metonymActs(text: string, start: number, end: number): string | null {
  const before = prevWord(text, start);
  if (before?.lower === 'by') return 'agent ("by")';
  if (before?.lower === 'to' && prevWord(text, before.start)?.lower === 'according') return 'source ("according to")';
  const w = governingWord(text, end);
  if (!w) return null;
  if (isFiniteWord(w.lower) || actsThroughS(text, w)) return `subject of "${w.text}"`;
  if (GOVERNMENT_ROLES.has(w.lower)) return `government role "${w.text}"`;
  return null;
}
