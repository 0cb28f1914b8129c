// General-knowledge gazetteer: countries from world-countries (common and
// official names, alternative spellings, capitals as seats of government,
// demonyms) plus a short table of well-known institutions and
// seat-of-government metonyms. Nothing here is tied to a particular story.

import nlp from 'compromise';
import countries from 'world-countries';
import { tokenize } from '../lang/tokens';
import type { ActorKind } from './types';

export interface GazEntry {
  /** Stable key, e.g. "country:PRK" or "org:white-house". */
  key: string;
  name: string;
  kind: ActorKind;
  /** Continent / region of a country ("Asia"), for "the Asian nation". */
  region?: string;
  /** Country whose government an institution belongs to ("White House" → USA). */
  country?: string;
}

export interface GazAlias {
  entry: GazEntry;
  /** Surface form as it must appear (token keys, case-sensitive). */
  tokens: string[];
  text: string;
  /** Demonym adjectives link to the country but are not names of it. */
  demonym: boolean;
  /** Capital / metonym: a place name used for the government. */
  metonym: boolean;
}

/** Seats of government and institutions every news reader knows. */
const METONYMS: Array<[string, string]> = [
  ['Kremlin', 'RUS'], ['Downing Street', 'GBR'], ['Élysée', 'FRA'], ['Elysee', 'FRA'], ['Zhongnanhai', 'CHN'],
  ['Blue House', 'KOR'], ['Quai d’Orsay', 'FRA'],
];
/** Institutions that are their own actors (the White House speaks as itself). */
const INSTITUTIONS: Array<{ name: string; aliases: string[]; country?: string }> = [
  { name: 'White House', aliases: ['White House'], country: 'USA' },
  { name: 'Pentagon', aliases: ['Pentagon'], country: 'USA' },
  { name: 'United Nations', aliases: ['United Nations', 'U.N.', 'UN'] },
  { name: 'UN Security Council', aliases: ['U.N. Security Council', 'UN Security Council', 'United Nations Security Council'] },
  { name: 'NATO', aliases: ['NATO', 'North Atlantic Treaty Organization', 'North Atlantic Treaty Organisation'] },
  { name: 'European Union', aliases: ['European Union', 'EU', 'E.U.'] },
  { name: 'World Health Organization', aliases: ['World Health Organization', 'WHO'] },
  { name: 'International Atomic Energy Agency', aliases: ['International Atomic Energy Agency', 'IAEA'] },
];
/** World regions every news reader knows (places, not actors of state). */
const REGIONS = [
  'Middle East', 'North Africa', 'East Africa', 'West Africa', 'Southern Africa', 'Sub-Saharan Africa', 'Horn of Africa',
  'Eastern Europe', 'Western Europe', 'Central Europe', 'Northern Europe', 'Southern Europe', 'Central Asia',
  'East Asia', 'South Asia', 'Southeast Asia', 'Latin America', 'South America', 'Central America', 'North America',
  'Caribbean', 'Balkans', 'Caucasus', 'Persian Gulf', 'Gulf of Mexico', 'Indo-Pacific', 'Asia-Pacific',
  'Korean Peninsula', 'Arctic', 'Antarctica', 'Scandinavia', 'Sahel', 'Levant', 'Mediterranean', 'Black Sea',
  'Baltic Sea', 'South China Sea', 'East China Sea', 'Red Sea', 'Gaza Strip', 'West Bank', 'Crimea', 'Donbas',
];
/** Short forms that also name other things on their own: a KB alias only with the full name on the page. */
const AMBIGUOUS_SHORT = new Set(['America']);
/** Everyday short forms that world-countries lists only as ISO codes. */
const SHORT_FORMS: Record<string, string[]> = {
  USA: ['U.S.', 'US', 'U.S.A.', 'USA', 'America', 'United States'],
  GBR: ['U.K.', 'UK', 'Britain', 'Great Britain'],
  TUR: ['Turkey'],
  NZL: ['NZ'],
  KOR: ['South Korea', 'ROK'],
  PRK: ['DPRK', 'North Korea'],
  CHN: ['PRC'],
  ARE: ['UAE', 'U.A.E.'],
  COD: ['DRC'],
};

/** Words of English state names ("Republic of Korea", "Russian Federation", "Vatican City State"). */
const STATE_WORDS = new Set([
  'republic', 'kingdom', 'state', 'states', 'federation', 'federal', 'united', 'democratic', "people's", 'peoples',
  'islamic', 'arab', 'socialist', 'union', 'commonwealth', 'principality', 'grand', 'duchy', 'of', 'the', 'and',
  'islands', 'island', 'plurinational', 'bolivarian', 'cooperative', 'co-operative', 'independent', 'sovereign',
  'great', 'hashemite', 'sultanate', 'emirate', 'emirates', 'oriental', 'popular', 'nation', 'city', 'northern',
]);
const INITIAL_SKIP = new Set(['of', 'the', 'and']);
const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[’‘]/g, "'").toLowerCase();
const wordsOf = (s: string): string[] => fold(s).split(/[\s-]+/).filter(Boolean);
/** "Democratic People's Republic of Korea" → "DPRK". */
const initials = (s: string): string => wordsOf(s).filter((w) => !INITIAL_SKIP.has(w)).map((w) => w[0]).join('').toUpperCase();

/** compromise's English lexicon: word → tags. */
export function lexiconTags(word: string): string[] {
  const lex = (nlp as unknown as { model(): { one: { lexicon: Record<string, string | string[]> } } }).model().one.lexicon;
  const v = lex[word.toLowerCase()];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}
/** A given name in compromise's lexicon ("Victoria", "Kim", "Jordan"). */
export function isGivenName(w: string): boolean {
  return lexiconTags(fold(w)).some((t) => t === 'FirstName' || t === 'MaleName' || t === 'FemaleName' || t === 'Person');
}
/** Single words compromise's English lexicon knows as countries or places ("Macedonia", not "Nippon"). */
function isEnglishPlaceWord(w: string): boolean {
  return lexiconTags(fold(w)).some((t) => t === 'Country' || t === 'Place');
}

/**
 * Which of a country's world-countries alternative spellings are names an
 * English page uses: a multi-word name made of the country's own name words
 * and English state words ("Russian Federation", "Republic of India", not
 * "Bundesrepublik Deutschland"), a 3-5 letter acronym of such a name ("DPRK",
 * "USA", "DRC"; two-letter ISO codes are English words or ambiguous: "IN",
 * "IS", "KP"), or a single word English knows as a place ("Macedonia").
 */
function englishAltSpellings(c: (typeof countries)[number]): string[] {
  const dem = c.demonyms?.eng;
  const own = new Set([c.name.common, c.name.official, dem?.m ?? '', dem?.f ?? ''].flatMap(wordsOf));
  const isName = (alt: string): boolean => {
    const ws = wordsOf(alt);
    return ws.length > 1 && ws.every((w) => STATE_WORDS.has(w) || own.has(w)) && ws.some((w) => own.has(w));
  };
  const names = [c.name.common, c.name.official, ...c.altSpellings.filter(isName)];
  const acronyms = new Set(names.filter((n) => wordsOf(n).length > 1).map(initials));
  return c.altSpellings.filter((alt) => {
    if (alt.length <= 2 || alt.includes(',')) return false;
    if (/^[A-Z]{3,5}$/.test(alt)) return acronyms.has(alt);
    if (/\s/.test(alt)) return isName(alt);
    return /^[A-Za-z'-]+$/.test(alt) && isEnglishPlaceWord(alt);
  });
}

export function tokenKey(text: string): string {
  return text.replace(/[’‘]/g, "'").replace(/'s$/i, '').replace(/'$/, '');
}

function keysOf(text: string): string[] {
  return tokenize(text).map((t) => tokenKey(t.text));
}

export interface Gazetteer {
  /** First token key → aliases starting with it, longest first. */
  byFirst: Map<string, GazAlias[]>;
  entries: Map<string, GazEntry>;
  /** Country key → demonym forms (for role phrases such as "Russian President"). */
  demonyms: Map<string, string[]>;
  /** All demonym surface forms, for quick checks. */
  demonymSet: Set<string>;
  /**
   * Entry key → the general-knowledge names a reader's page may use for it
   * (KB aliases, whether or not the corpus wrote them): see kbAliasForms.
   */
  kbAliases: Map<string, KbAliasForm[]>;
}

export interface KbAliasForm {
  text: string;
  /** Names something else as often as the entry ("America" in "Latin America"): needs the full name on the page. */
  ambiguous?: boolean;
  /** Capital / seat of government used for the state. */
  metonym?: boolean;
}

let cached: Gazetteer | null = null;

/** Build (once) the gazetteer. */
export function gazetteer(): Gazetteer {
  if (cached) return cached;
  const byFirst = new Map<string, GazAlias[]>();
  const entries = new Map<string, GazEntry>();
  const demonyms = new Map<string, string[]>();
  const demonymSet = new Set<string>();
  const seen = new Set<string>();
  const kbForms = new Map<string, KbAliasForm[]>();
  const addForm = (key: string, text: string, extra: Omit<KbAliasForm, 'text'> = {}): void => {
    const t = text.trim();
    if (!/^[A-Z]/.test(t) || /[^\p{L}\p{N} .'’\-]/u.test(t)) return;
    const list = kbForms.get(key) ?? [];
    if (!list.some((f) => f.text === t)) list.push({ text: t, ...extra });
    kbForms.set(key, list);
  };
  const add = (entry: GazEntry, text: string, demonym: boolean, metonym: boolean): void => {
    const t = text.trim();
    if (!t || !/^[A-Z]/.test(t) || /[^\p{L}\p{N} .'’\-]/u.test(t)) return; // Latin-script names only
    const dedupe = `${entry.key}|${t}`;
    if (seen.has(dedupe)) return;
    seen.add(dedupe);
    const tokens = keysOf(t);
    if (!tokens.length) return;
    const a: GazAlias = { entry, tokens, text: t, demonym, metonym };
    const list = byFirst.get(tokens[0]) ?? [];
    list.push(a);
    byFirst.set(tokens[0], list);
  };
  for (const c of countries) {
    if (!c.independent && !c.unMember) continue;
    const entry: GazEntry = { key: `country:${c.cca3}`, name: c.name.common, kind: 'country', region: c.region };
    entries.set(entry.key, entry);
    add(entry, c.name.common, false, false);
    add(entry, c.name.official, false, false);
    for (const alt of c.altSpellings) {
      // Two-letter ISO codes ("IN", "IT", "NO") collide with English words.
      if (alt.length <= 2 || alt.includes(',')) continue;
      add(entry, alt, false, false);
    }
    for (const s of SHORT_FORMS[c.cca3] ?? []) add(entry, s, false, false);
    addForm(entry.key, c.name.common);
    addForm(entry.key, c.name.official);
    for (const alt of englishAltSpellings(c)) addForm(entry.key, alt);
    for (const s of SHORT_FORMS[c.cca3] ?? []) addForm(entry.key, s, AMBIGUOUS_SHORT.has(s) ? { ambiguous: true } : {});
    for (const cap of c.capital ?? []) {
      add(entry, cap, false, true);
      addForm(entry.key, cap, { metonym: true });
      const bare = cap.replace(/,?\s+D\.?C\.?$/, '');
      if (bare !== cap) {
        add(entry, bare, false, true);
        addForm(entry.key, bare, { metonym: true });
      }
    }
    const dem = c.demonyms?.eng;
    if (dem) {
      const forms = [...new Set([dem.m, dem.f])].filter(Boolean);
      demonyms.set(entry.key, forms);
      for (const f of forms) {
        add(entry, f, true, false);
        demonymSet.add(f);
      }
    }
  }
  for (const [alias, cca3] of METONYMS) {
    const e = entries.get(`country:${cca3}`);
    if (e) {
      add(e, alias, false, true);
      addForm(e.key, alias, { metonym: true });
    }
  }
  for (const inst of INSTITUTIONS) {
    const entry: GazEntry = { key: `org:${inst.name.toLowerCase().replace(/\s+/g, '-')}`, name: inst.name, kind: 'organization' };
    if (inst.country) entry.country = `country:${inst.country}`;
    entries.set(entry.key, entry);
    for (const a of inst.aliases) {
      add(entry, a, false, false);
      addForm(entry.key, a);
    }
  }
  for (const r of REGIONS) {
    const entry: GazEntry = { key: `place:${r.toLowerCase().replace(/[-–]/g, ' ')}`, name: r, kind: 'place' };
    entries.set(entry.key, entry);
    add(entry, r, false, false);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  // A form claimed by two entries, or also another country's demonym or a region, names neither on its own.
  const owners = new Map<string, Set<string>>();
  const own = (text: string, key: string): void => {
    const k = fold(text);
    owners.set(k, (owners.get(k) ?? new Set()).add(key));
  };
  for (const [key, list] of kbForms) for (const f of list) own(f.text, key);
  for (const [key, forms] of demonyms) for (const d of forms) own(d, key);
  for (const r of REGIONS) own(r, 'region');
  const kbAliases = new Map<string, KbAliasForm[]>();
  for (const [key, list] of kbForms) {
    kbAliases.set(key, list.filter((f) => owners.get(fold(f.text))!.size === 1).map((f) =>
      // A capital that is also a given name ("Victoria") needs the country named too.
      f.metonym && isGivenName(f.text) ? { ...f, ambiguous: true } : f));
  }
  cached = { byFirst, entries, demonyms, demonymSet, kbAliases };
  return cached;
}
