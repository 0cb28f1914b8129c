// General-knowledge gazetteer: countries from world-countries (common and
// official names, alternative spellings, capitals as seats of government,
// demonyms) plus a short table of well-known institutions and
// seat-of-government metonyms. Nothing here is tied to a particular story.

import countries from 'world-countries';
import { tokenize } from '../nlp/tokens';
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
/** Everyday short forms that world-countries lists only as ISO codes. */
const SHORT_FORMS: Record<string, string[]> = {
  USA: ['U.S.', 'US', 'U.S.A.', 'America', 'United States'],
  GBR: ['U.K.', 'UK', 'Britain', 'Great Britain'],
  KOR: ['South Korea', 'ROK'],
  PRK: ['DPRK', 'North Korea'],
  CHN: ['PRC'],
  ARE: ['UAE', 'U.A.E.'],
  COD: ['DRC'],
};

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
    for (const cap of c.capital ?? []) {
      add(entry, cap, false, true);
      const bare = cap.replace(/,?\s+D\.?C\.?$/, '');
      if (bare !== cap) add(entry, bare, false, true);
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
    if (e) add(e, alias, false, true);
  }
  for (const inst of INSTITUTIONS) {
    const entry: GazEntry = { key: `org:${inst.name.toLowerCase().replace(/\s+/g, '-')}`, name: inst.name, kind: 'organization' };
    if (inst.country) entry.country = `country:${inst.country}`;
    entries.set(entry.key, entry);
    for (const a of inst.aliases) add(entry, a, false, false);
  }
  for (const r of REGIONS) {
    const entry: GazEntry = { key: `place:${r.toLowerCase().replace(/[-–]/g, ' ')}`, name: r, kind: 'place' };
    entries.set(entry.key, entry);
    add(entry, r, false, false);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  cached = { byFirst, entries, demonyms, demonymSet };
  return cached;
}
