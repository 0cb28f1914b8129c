// Actor recognition: people, organisations, countries and places.
// compromise (a rule+lexicon NLP library) tags person/place/organisation
// spans; the gazetteer resolves countries, capitals, demonyms and well-known
// institutions; capitalised sequences with organisation head nouns catch
// bodies compromise misses; role phrases ("spokesperson John Kirby",
// "John Kirby, the spokesman for ...") both confirm people and give roles.

import nlp from 'compromise';
import { splitSentences, type Span } from '../lang/sentences';
import { tokenize, type Token } from '../lang/tokens';
import { CALENDAR, MONTH_ABBREVIATIONS } from '../lang/cues';
import names from '../lang/data/names.json';
import { lexicon } from '../lang/default-lexicon';
import { gazetteer, isGivenName, tokenKey, type GazEntry } from './gazetteer';
import type { ActorKind } from './types';
import type { Word } from '../lang/tagger';

export interface Mention {
  /** Actor key before global merging ("country:RUS", "person:john kirby", "org:wagner group"). */
  key: string;
  kind: ActorKind;
  name: string;
  start: number;
  end: number;
  text: string;
  /** Demonym adjective: links the country, is not an alias. */
  demonym?: boolean;
  /** Single-token surname / short form, resolved after full names are known. */
  short?: boolean;
  /** A name in a headline or caption: kept only when the same name is found as an actor elsewhere (resolve.ts). */
  tentative?: boolean;
  role?: string;
}

/** Words that head an organisation name ("Wagner Group", "National Security Council"). */
const ORG_HEADS: ReadonlySet<string> = new Set(names.orgHeads.words);

/** Title and role words that precede names; never part of a name. */
export const ROLE_WORDS: ReadonlySet<string> = new Set(names.roleWords.words);
/** Modifiers allowed inside a role phrase ("Press Secretary", "security spokesperson"). */
export const ROLE_MODIFIERS: ReadonlySet<string> = new Set(names.roleModifiers.words);
const STOP_CAPS: ReadonlySet<string> = new Set(names.stopCaps.words);
/** Months, their abbreviations, weekdays and today/yesterday/tomorrow (cues.json: calendar, sentence.monthAbbreviations). */
const MONTHS_DAYS: ReadonlySet<string> = new Set([...CALENDAR, ...MONTH_ABBREVIATIONS]);
/** Connectors allowed inside organisation names ("Center for Strategic and International Studies"). */
const CONNECTORS: ReadonlySet<string> = new Set(names.connectors.words);

/** A common English word written in capitals ("FAILED", "SHOCK"), not an acronym. */
const shouted = (t: Token): boolean => /^\p{Lu}{3,}$/u.test(t.text) && lexicon().partsOfSpeech(t.norm).length > 0 && !lexicon().closed[t.norm];
const isCap = (t: Token): boolean => /^[A-Z\u00C0-\u00DE]/.test(t.text) || /^(?:[A-Z]\.)+$/.test(t.text);

function nameKey(s: string): string {
  return s.toLowerCase().replace(/[’‘]/g, "'").replace(/[-–]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Strip a trailing possessive from a surface form. */
function bare(text: string): string {
  return text.replace(/['’]s$/i, '').replace(/['’]$/, '');
}

interface Ranges {
  people: Array<[number, number]>;
  places: Array<[number, number]>;
  orgs: Array<[number, number]>;
}

/** compromise on one sentence, memoised by sentence text (news repeats wire copy verbatim). */
const nlpCache = new Map<string, Ranges>();
const NLP_CACHE_MAX = 50_000;

function nlpSentence(sentence: string): Ranges {
  const hit = nlpCache.get(sentence);
  if (hit) return hit;
  const doc = nlp(sentence);
  const conv = (arr: Array<{ offset?: { start: number; length: number } }>): Array<[number, number]> =>
    arr.filter((x) => x.offset).map((x) => [x.offset!.start, x.offset!.start + x.offset!.length]);
  type J = Array<{ offset?: { start: number; length: number } }>;
  const r: Ranges = {
    people: conv(doc.people().json({ offset: true }) as J),
    places: conv(doc.places().json({ offset: true }) as J),
    orgs: conv(doc.organizations().json({ offset: true }) as J),
  };
  if (nlpCache.size >= NLP_CACHE_MAX) nlpCache.clear();
  nlpCache.set(sentence, r);
  return r;
}

/**
 * compromise is the slow part of the pipeline, and the gazetteer, role
 * phrases and organisation heads settle most names without it: it runs only
 * on the sentences holding a capitalised sequence that still needs it, once
 * per distinct sentence.
 */
class LazyRanges implements RangeSource {
  private readonly spans: Span[];
  private readonly done = new Map<number, Ranges>();
  constructor(private readonly text: string) {
    this.spans = splitSentences(text);
  }
  /** Ranges (document offsets) of the sentence holding [start, end). */
  at(start: number): Ranges {
    let lo = 0;
    let hi = this.spans.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.spans[mid].start <= start) lo = mid;
      else hi = mid - 1;
    }
    const cached = this.done.get(lo);
    if (cached) return cached;
    const sp = this.spans[lo] ?? { start: 0, end: this.text.length, text: this.text };
    const r = nlpSentence(sp.text);
    const shift = (xs: Array<[number, number]>): Array<[number, number]> => xs.map(([a, b]) => [a + sp.start, b + sp.start]);
    const out = { people: shift(r.people), places: shift(r.places), orgs: shift(r.orgs) };
    this.done.set(lo, out);
    return out;
  }
}

/** Where compromise's people, places and organisations are, around a position of the document. */
interface RangeSource {
  at(start: number): Ranges;
}

/**
 * The same ranges read off words the tagger already tagged with compromise
 * (its Person, Place and Organization tags, in runs not broken by punctuation):
 * the KB builder tags each document once for both actors and statements.
 */
class TaggedRanges implements RangeSource {
  private readonly all: Ranges = { people: [], places: [], orgs: [] };
  constructor(words: readonly Word[]) {
    const runs = (flag: 'person' | 'place' | 'org', out: Array<[number, number]>): void => {
      let open: [number, number] | null = null;
      for (let i = 0; i < words.length; i++) {
        const w = words[i];
        const joined = open && i > 0 && !words[i - 1].after;
        if (w[flag] && open && joined) open[1] = w.end;
        else if (w[flag]) out.push((open = [w.start, w.end]));
        else open = null;
      }
    };
    runs('person', this.all.people);
    runs('place', this.all.places);
    runs('org', this.all.orgs);
  }
  at(): Ranges {
    return this.all;
  }
}

const inRanges = (r: Array<[number, number]>, s: number, e: number): boolean => r.some(([a, b]) => s < b && e > a);

/** Role phrase ending right before token index `i` (exclusive), e.g. "National Security Council spokesperson". */
function rolePrefix(text: string, toks: Token[], i: number): string | undefined {
  let j = i - 1;
  let hasRole = false;
  let first = i;
  while (j >= 0 && i - j <= 7) {
    const t = toks[j];
    const gap = text.slice(t.end, toks[j + 1].start);
    if (/[,.;:()“”"!?]/.test(gap) || gap.includes('\n')) break;
    const n = t.norm;
    if (ROLE_WORDS.has(n)) {
      if (j === i - 1) hasRole = true;
      first = j;
    } else if (ROLE_MODIFIERS.has(n) || (isCap(t) && !STOP_CAPS.has(n) && !MONTHS_DAYS.has(n))) {
      first = j;
    } else break;
    j--;
  }
  if (!hasRole || first >= i) return undefined;
  // Possessive owner inside ("Russia's leader") stays; leading tokens must not be a sentence-initial filler.
  return text.slice(toks[first].start, toks[i - 1].end);
}

/** Appositive role after a name: ", the spokesman for the X," / ", who serves as the president of X". */
function roleAppositive(text: string, end: number): string | undefined {
  const rest = text.slice(end, end + 160);
  const m = /^,\s+(?:who\s+(?:currently\s+|now\s+)?(?:serves|served|is|was)\s+as\s+)?(?:the|a|an)\s+([^,.;()“”"]{3,110}?)(?=[,.;)]|\s+(?:who|which|is|was|has|had|said|says|stated)\b)/.exec(rest);
  if (!m) return undefined;
  const phrase = m[1].trim();
  const words = phrase.toLowerCase().split(/\s+/);
  if (words.length > 14) return undefined;
  if (!words.some((w) => ROLE_WORDS.has(w.replace(/['’]s$/, '')))) return undefined;
  return phrase;
}

/** Heads of names that carry a possessive inside ("Donetsk People's Republic", "People's Liberation Army"). */
const POSSESSIVE_NAME_HEADS: ReadonlySet<string> = new Set(names.possessiveNameHeads.words);

/** A possessive token before toks[j] continues a name when capitalised words up to such a head follow. */
function possessiveName(text: string, toks: Token[], j: number): boolean {
  for (let k = j; k < Math.min(toks.length, j + 3); k++) {
    if (!isCap(toks[k]) || (k > j && !/^ $/.test(text.slice(toks[k - 1].end, toks[k].start)))) return false;
    if (POSSESSIVE_NAME_HEADS.has(toks[k].norm)) return true;
  }
  return false;
}

export interface DocActors {
  mentions: Mention[];
}

/**
 * Find actor mentions in one document. `tagged`: the document's words from the
 * tagger (src/lang/tagger.ts), when the caller has them; else compromise runs
 * here, on the sentences that need it.
 */
export function detectMentions(text: string, tagged?: readonly Word[]): Mention[] {
  const gaz = gazetteer();
  const toks = tokenize(text);
  const keys = toks.map((t) => tokenKey(t.text));
  const covered = new Array<boolean>(toks.length).fill(false);
  const out: Mention[] = [];
  const ranges: RangeSource = tagged ? new TaggedRanges(tagged) : new LazyRanges(text);

  // 1. Gazetteer (longest match first).
  for (let i = 0; i < toks.length; i++) {
    const cands = gaz.byFirst.get(keys[i]);
    if (!cands) continue;
    for (const a of cands) {
      const n = a.tokens.length;
      if (i + n > toks.length) continue;
      let ok = true;
      for (let k = 0; k < n && ok; k++) ok = keys[i + k] === a.tokens[k];
      // Tokens must be adjacent (a space or nothing between them).
      for (let k = 1; k < n && ok; k++) ok = /^[ \u00a0]?$/.test(text.slice(toks[i + k - 1].end, toks[i + k].start));
      if (!ok) continue;
      const last = toks[i + n - 1];
      // A capital inside a longer name ("George Washington") is not the country.
      if (a.metonym) {
        const prev = toks[i - 1];
        const next = toks[i + n];
        const adj = (t: Token | undefined, s: number, e: number): boolean =>
          !!t && isCap(t) && /^ $/.test(text.slice(s, e)) && !gaz.byFirst.has(tokenKey(t.text)) && !STOP_CAPS.has(t.norm);
        if (adj(prev, prev?.end ?? 0, toks[i].start) || adj(next, last.end, next?.start ?? 0)) continue;
      }
      const surface = bare(text.slice(toks[i].start, last.end));
      out.push({
        key: a.entry.key, kind: a.entry.kind, name: a.entry.name, start: toks[i].start,
        end: toks[i].start + surface.length, text: surface, demonym: a.demonym || undefined,
      });
      for (let k = 0; k < n; k++) covered[i + k] = true;
      i += n - 1;
      break;
    }
  }

  // 2. Capitalised sequences: organisations, people, places.
  let i = 0;
  while (i < toks.length) {
    // A closed-class word opens no name ("Was Halvorsen …", "Whether Halvorsen …" at a sentence start).
    if (covered[i] || !isCap(toks[i]) || STOP_CAPS.has(toks[i].norm) || MONTHS_DAYS.has(toks[i].norm)
      || /^\d/.test(toks[i].text) || !!lexicon().closed[toks[i].norm]) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < toks.length) {
      const gap = text.slice(toks[j - 1].end, toks[j].start);
      if (!/^[ \u00a0]$/.test(gap)) break;
      if (/['’]s$/.test(toks[j - 1].text) && !possessiveName(text, toks, j)) break;
      if (covered[j]) break;
      // "Halvorsen FAILED medical": a common word in capitals after a name is a headline's shouting, not the name.
      if (shouted(toks[j]) && !shouted(toks[j - 1])) break;
      if (isCap(toks[j]) && !MONTHS_DAYS.has(toks[j].norm)) { j++; continue; }
      if (CONNECTORS.has(toks[j].norm) && j + 1 < toks.length && isCap(toks[j + 1]) && !covered[j + 1]
        && /^ $/.test(text.slice(toks[j].end, toks[j + 1].start))) { j += 2; continue; }
      break;
    }
    classifySequence(text, toks, i, j, ranges, out);
    i = j;
  }
  // 3. Acronyms defined in parentheses: "Center for Security Policy (CSP)".
  for (const m of text.matchAll(/\(([A-Z][A-Z0-9&]{1,7})\)/g)) {
    const before = out.filter((x) => x.end <= m.index! && m.index! - x.end <= 2 && x.kind === 'organization').pop();
    if (before) out.push({ ...before, start: m.index! + 1, end: m.index! + 1 + m[1].length, text: m[1], short: undefined, role: undefined });
  }
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  return out;
}

/** Appositive that types an organisation: ", a Washington-based think tank". */
const ORG_APPOSITIVE = /^,\s+(?:a|an|the)\s+[^,.]{0,40}\b(?:think tank|company|firm|group|organi[sz]ation|agency|newspaper|broadcaster|institute|charity|startup|manufacturer|maker|regulator|watchdog|body|ngo|nonprofit|non-profit|lab|laboratory|university|outlet|network)\b/i;

function classifySequence(text: string, toks: Token[], i: number, j: number, ranges: RangeSource, out: Mention[]): void {
  let e = j;
  while (e > i && CONNECTORS.has(toks[e - 1].norm)) e--;
  if (i >= e) return;
  const allWords = toks.slice(i, e).map((t) => t.norm);
  const last = allWords[allWords.length - 1];
  // Organisation: ends with a head noun ("Wagner Group"), starts with one and has a
  // connector ("Center for Strategic and International Studies"), or is typed by an appositive.
  let os = i;
  while (os < e - 1 && STOP_CAPS.has(toks[os].norm)) os++;
  const oText = bare(text.slice(toks[os].start, toks[e - 1].end));
  const oEnd = toks[os].start + oText.length;
  const orgLike = (ORG_HEADS.has(last) && e - os >= 2)
    || (ORG_HEADS.has(toks[os].norm) && allWords.some((w) => w === 'of' || w === 'for') && e - os >= 3)
    || (e - os >= 2 && ORG_APPOSITIVE.test(text.slice(oEnd, oEnd + 80)) && !roleAppositive(text, oEnd));
  if (last === 'republic' && e - os >= 2 && !allWords.includes('of')) {
    // "Donetsk People's Republic": a self-declared state, a place.
    out.push({ key: `place:${nameKey(oText)}`, kind: 'place', name: oText, start: toks[os].start, end: oEnd, text: oText });
    return;
  }
  if (orgLike) {
    if (['government', 'regime', 'administration', 'army', 'forces', 'force', 'military'].includes(last) && e - os === 2) return;
    const m: Mention = { key: `org:${nameKey(oText)}`, kind: 'organization', name: oText, start: toks[os].start, end: oEnd, text: oText };
    // ", a private Russian military group": the appositive types the body and ties it to a country.
    const appos = /^,\s+((?:a|an|the)\s+[^,.;()]{0,60}?\b(?:group|company|firm|organi[sz]ation|agency|body|militia|network|outlet|contractor|maker|manufacturer|regulator|watchdog)\b)/i.exec(text.slice(oEnd, oEnd + 100));
    if (appos && gazetteer().demonymSet.size && [...appos[1].matchAll(/[A-Z][\p{L}-]+/gu)].some((x) => gazetteer().demonymSet.has(x[0]))) m.role = appos[1];
    out.push(m);
    return;
  }
  // Lists of names joined by "and" ("Middle East and North Africa"): classify each part.
  const conn = allWords.findIndex((w, k) => k > 0 && CONNECTORS.has(w));
  if (conn > 0) {
    classifySequence(text, toks, i, i + conn, ranges, out);
    classifySequence(text, toks, i + conn + 1, e, ranges, out);
    return;
  }
  // A role phrase inside the sequence ("Press Secretary Dmitry Peskov"): the name follows the last role word.
  let s = i;
  // "Super-agent Marco Feliciani", "Ex-minister …": a capitalised compound with a lower-case part describes the person.
  for (let k = i; k < e; k++) if (ROLE_WORDS.has(toks[k].norm) || (k < e - 2 && /^\p{Lu}\p{Ll}*-\p{Ll}/u.test(toks[k].text))) s = k + 1;
  // "Singer Talia Brook", "Striker Eirik Halvorsen": a first word that is a kind of person (WordNet noun.person), no
  // given name and not in compromise's person name ("Hunter Stockton Thompson"), before a name of two words, is the
  // person's role.
  let leadRole: string | undefined;
  if (s === i && e - i >= 3 && !isGivenName(toks[i].norm) && lexicon().lexname(toks[i].norm, 'n') === 'noun.person'
    && !ranges.at(toks[i].start).people.some(([a, b]) => a <= toks[i].start && b >= toks[i].end)) {
    leadRole = toks[i].text;
    s = i + 1;
  }
  if (s >= e) return;
  const start = toks[s].start;
  const surface = bare(text.slice(start, toks[e - 1].end));
  const end = start + surface.length;
  const words = toks.slice(s, e).map((t) => t.norm);
  if (words.some((w) => ORG_HEADS.has(w) || w.includes('-') && words.length === 1)) return;
  const nTok = e - s;
  // Headlines, captions and bylines (lines without final punctuation) name no new people or bodies on their own.
  const lineStart = text.lastIndexOf('\n', start) + 1;
  const lineEndAt = text.indexOf('\n', start);
  const line = text.slice(lineStart, lineEndAt < 0 ? text.length : lineEndAt);
  if (!/[.!?”"’)]\s*$/.test(line) && line.split(/\s+/).length <= 30) {
    // … but a name the body confirms is that actor ("Fact check: No, dolphins did not rescue Talia Brook from a shark").
    if (nTokOf(s, e) >= 2) out.push({ key: `tentative:${nameKey(surface)}`, kind: 'person', name: surface, start, end, text: surface, tentative: true });
    return;
  }
  const role = rolePrefix(text, toks, s);
  const appos = roleAppositive(text, end);
  const personTagged = !role && !appos && nTok >= 2 && nTok <= 4 ? inRanges(ranges.at(start).people, start, end) : false;
  if (nTok >= 2 && nTok <= 4 && (personTagged || role || appos || leadRole) && !words.some((w) => MONTHS_DAYS.has(w))) {
    out.push({ key: `person:${nameKey(surface)}`, kind: 'person', name: surface, start, end, text: surface, role: appos ?? role ?? leadRole });
    return;
  }
  if (nTok === 1) {
    // Bare surname or short org form; resolved against full names later.
    if (/^[A-Z][a-z]+$/.test(surface) || /^[A-Z]{2,}$/.test(surface)) {
      out.push({ key: `short:${nameKey(surface)}`, kind: 'person', name: surface, start, end, text: surface, short: true });
    }
    return;
  }
  if (words.some((w) => w.includes('-'))) return;
  if (namedBody(words)) {
    // "Halden Foods", "Kellner Cells", "Vestrand Automotive": a name of its own followed by a common word.
    out.push({ key: `org:${nameKey(surface)}`, kind: 'organization', name: surface, start, end, text: surface });
    return;
  }
  const rs = ranges.at(start);
  if (inRanges(rs.orgs, start, end)) {
    out.push({ key: `org:${nameKey(surface)}`, kind: 'organization', name: surface, start, end, text: surface });
    return;
  }
  if (inRanges(rs.places, start, end)) {
    out.push({ key: `place:${nameKey(surface)}`, kind: 'place', name: surface, start, end, text: surface });
  }
}

const nTokOf = (s: number, e: number): number => e - s;

/**
 * A body's name: it opens with a word that is no English word and no given
 * name (a coined or family name: "Halden", "Kellner") and ends with a common
 * English noun or adjective ("Foods", "Cells", "Automotive", "Dairy"). People's
 * names end in a name, not a common word.
 */
function namedBody(words: string[]): boolean {
  if (words.length < 2 || words.length > 4) return false;
  const L = lexicon();
  const first = words[0];
  const last = words[words.length - 1];
  const common = (w: string): boolean => L.partsOfSpeech(w).some((p) => p === 'n' || p === 'a') && L.rank(w) < 40_000;
  return !common(first) && !isGivenName(first) && !gazetteerWord(first) && common(last) && !isGivenName(last);
}

function gazetteerWord(w: string): boolean {
  return gazetteer().byFirst.has(tokenKey(w));
}

export type { GazEntry };
export { nameKey };
