// Actor alias automaton: every alias of every KB actor compiled once into a
// token-level trie, then the page is scanned in one left-to-right pass.
// Token-level (not character-level) because aliases are whole words by
// definition: a trie over word pieces gives whole-word matching for free and
// keeps each step a single Map look-up, so the scan is linear in the page and
// independent of the number of aliases (bounded by the longest alias, ~6 pieces).
import type { Kb, KbActor } from '../kb/types';
import { COMPASS_INITIALS } from './actors/cues';

/** A word piece: dotted acronym ("U.S.") or a run of letters/digits. */
export interface Piece {
  start: number;
  end: number;
  text: string;
}

/** Word pieces as parallel offset arrays, reused across pages (no object per piece). */
export class PieceBuffer {
  start: Int32Array;
  end: Int32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
  }

  push(s: number, e: number): void {
    if (this.length === this.start.length) this.grow();
    this.start[this.length] = s;
    this.end[this.length++] = e;
  }

  private grow(): void {
    const n = this.start.length * 2;
    const s = new Int32Array(n);
    s.set(this.start);
    this.start = s;
    const e = new Int32Array(n);
    e.set(this.end);
    this.end = e;
  }
}

/**
 * A lower-cased piece string, interned per matcher: what the page's words
 * resolve to once (trie root child, concept id), however often they recur.
 */
export interface Tok {
  readonly key: string;
  /** Child of the alias trie's root for this key: undefined = not looked up yet, null = none. */
  node: TrieNode | null | undefined;
  /** Concept id: -2 = not computed yet, -1 = none (stopword, framing...). */
  concept: number;
  /** Starts a two-word phrase ("sit down", "short of"): -2 = not computed yet, 0 = no, 1 = yes. */
  phrase: number;
  /** Intent/attempt cue ("seek", "hope", "ask ... for"): -2 = not computed yet, else intentCue() of its lemma. */
  intent: number;
}

export const newTok = (key: string): Tok => ({ key, node: undefined, concept: -2, phrase: -2, intent: -2 });

const isAsciiWord = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const LETTER = /\p{L}/u;
// Per UTF-16 unit (the regexes only ever see one unit): 0 = not known yet, 1 = yes, 2 = no.
// Curly quotes and dashes are common in news text; this keeps them off the regex engine.
const wordTable = new Uint8Array(65536);
const letterTable = new Uint8Array(65536);
function isWordSlow(text: string, i: number, c: number): boolean {
  // U+02BC (modifier letter apostrophe) is a letter to Unicode, but news text
  // writes it for the possessive apostrophe ("Russiaʼs").
  if (c === 0x2bc) return false;
  let v = wordTable[c];
  if (v === 0) wordTable[c] = v = WORD_CHAR.test(text[i]) ? 1 : 2;
  return v === 1;
}
const isWord = (text: string, i: number, c: number): boolean => isAsciiWord(c) || (c >= 0xc0 && isWordSlow(text, i, c));
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isLetterAt = (text: string, i: number): boolean => {
  const c = text.charCodeAt(i);
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) return true;
  if (c < 0xc0 || c !== c) return false;
  let v = letterTable[c];
  if (v === 0) letterTable[c] = v = LETTER.test(text[i]) ? 1 : 2;
  return v === 1;
};

/**
 * Word pieces in one hand-written pass (the hot loop of a page scan; a
 * Unicode-property regex costs several times more), appended to `out`.
 * Hyphens and apostrophes split pieces on purpose: "North Korean-made" and
 * "North Korea's" then end on a piece boundary right after the alias. Kept
 * whole: dotted acronyms ("U.S.") and numbers with separators ("1,000").
 */
export function scanPieces(text: string, out: PieceBuffer): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (!isWord(text, i, c)) {
      i++;
      continue;
    }
    const start = i;
    // Dotted acronym: letter '.' letter '.' ...
    if (text.charCodeAt(i + 1) === 46 && isLetterAt(text, i) && i + 2 < n && isLetterAt(text, i + 2) && text.charCodeAt(i + 3) === 46) {
      let j = i;
      while (j + 1 < n && isLetterAt(text, j) && text.charCodeAt(j + 1) === 46 && !(j + 2 < n && isWord(text, j + 2, text.charCodeAt(j + 2)) && text.charCodeAt(j + 3) !== 46)) j += 2;
      if (j - i >= 4) {
        out.push(start, j);
        i = j;
        continue;
      }
    }
    let j = i + 1;
    while (j < n) {
      const d = text.charCodeAt(j);
      if (isWord(text, j, d)) j++;
      // "1,000" and "3.5" stay one piece.
      else if ((d === 44 || d === 46) && isDigit(text.charCodeAt(j - 1)) && isDigit(text.charCodeAt(j + 1))) j += 2;
      else break;
    }
    out.push(start, j);
    i = j;
  }
}

/** Word pieces as objects (KB build, tests); the page path uses scanPieces. */
export function pieces(text: string): Piece[] {
  const buf = new PieceBuffer(16);
  scanPieces(text, buf);
  const out: Piece[] = new Array(buf.length);
  for (let k = 0; k < buf.length; k++) out[k] = { start: buf.start[k], end: buf.end[k], text: text.slice(buf.start[k], buf.end[k]) };
  return out;
}

/**
 * What may sit between two pieces of one alias: 1-4 spaces, hyphens,
 * apostrophes (no slicing: hot loop); after a one-letter piece also its full
 * stop ("N.Korea", "John F. Kennedy").
 */
function gapOk(text: string, from: number, to: number, prevStart: number): boolean {
  const len = to - from;
  if (len < 1 || len > 4) return false;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 46 && k === from && from - prevStart === 1) continue;
    if (!(c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 45 || c === 0x2010 || c === 0x2011 ||
      c === 0x2013 || c === 39 || c === 0x2019 || c === 0x2bc)) return false;
  }
  return true;
}

const COMPASS = /^(North|South|East|West)\s+(\S.*)$/;

/** The alias as news abbreviates it, when it does: "North Korea" → "N Korea" (matching "N.Korea" and "N. Korea"). */
function abbreviations(alias: string): string[] {
  const m = COMPASS.exec(alias);
  return m ? [`${COMPASS_INITIALS[m[1]]} ${m[2]}`] : [];
}

type PieceCase = 'exact' | 'upper-start' | 'any';

interface AliasEntry {
  actorIndex: number;
  alias: string;
  pieceTexts: string[];
  /** Per piece: how the page's piece must be written. */
  cases: PieceCase[];
  /** Per 'exact' piece: the title-case form also accepted ("Nato"), or null. */
  titles: (string | null)[];
  /** True when at least one page piece must start upper-case (names). */
  needsCapital: boolean;
  /** Counts only if the page also names the actor unambiguously. */
  ambiguous: boolean;
  /** Not one of the KB's aliases (a demonym added for claim matching): never highlighted. */
  hidden: boolean;
}

export interface TrieNode {
  next: Map<string, TrieNode>;
  entries: AliasEntry[];
}

export interface ActorCandidate {
  actorIndex: number;
  start: number;
  end: number;
  text: string;
  ambiguous: boolean;
  hidden: boolean;
}

const newNode = (): TrieNode => ({ next: new Map(), entries: [] });

function isAcronymPiece(p: string): boolean {
  // "U.S.", "DPRK", "NATO", "UN": letters all upper-case, at least two of them.
  if (p.includes('.')) return true;
  return p.length >= 2 && /^[\p{Lu}\p{N}]+$/u.test(p) && /\p{Lu}.*\p{Lu}|\p{Lu}\p{N}|\p{N}\p{Lu}/u.test(p);
}

function pieceCase(p: string): PieceCase {
  if (isAcronymPiece(p)) return 'exact';
  if (/^\p{Lu}/u.test(p)) return 'upper-start';
  return 'any';
}

/** Long acronyms are also written title-case in British style ("Nato"); short ones ("US", "UN") never relax, or "us" and "un" would match. */
function titleForm(rule: PieceCase, aliasPiece: string): string | null {
  return rule === 'exact' && aliasPiece.length >= 4 && !aliasPiece.includes('.') ? aliasPiece[0] + aliasPiece.slice(1).toLowerCase() : null;
}

/** text.slice(from, to) === s, without the slice. */
const sameAt = (text: string, from: number, to: number, s: string): boolean => to - from === s.length && text.startsWith(s, from);

const UPPER = /^\p{Lu}/u;
/** The page piece starting at `i` starts upper-case (pieces never start with a surrogate). */
function isCapitalisedAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c >= 65 && c <= 90;
  return UPPER.test(text[i]);
}

/**
 * Aliases that name too little on their own: those the KB lists, plus (when it
 * does not say) single-word aliases of persons (a bare surname or first name)
 * and single words taken from a multi-word organisation name ("Wagner").
 */
export function isAmbiguousAlias(actor: KbActor, alias: string): boolean {
  const listed = actor.ambiguousAliases;
  if (listed && listed.some((a) => a.toLowerCase() === alias.toLowerCase())) return true;
  // The KB vouches for this short form (a surname no other actor shares, not a common word).
  if (actor.unambiguousAliases?.some((a) => a.toLowerCase() === alias.toLowerCase())) return false;
  const ps = pieces(alias);
  if (ps.length !== 1 || isAcronymPiece(ps[0].text)) return false;
  const nameWords = pieces(actor.name).map((p) => p.text.toLowerCase());
  if (actor.kind === 'person') return nameWords.length > 1;
  if (actor.kind === 'organization') return nameWords.length > 1 && nameWords.includes(ps[0].text.toLowerCase());
  return false;
}

export class ActorAutomaton {
  private readonly root: TrieNode = newNode();
  readonly aliasCount: number;

  /** `hiddenAliases(actor)`: extra forms found for claim matching only. */
  constructor(readonly actors: readonly KbActor[], hiddenAliases: (a: KbActor) => string[] = () => []) {
    let count = 0;
    actors.forEach((actor, actorIndex) => {
      const seen = new Set<string>();
      const shown = [actor.name, ...actor.aliases];
      const all = [...shown, ...shown.flatMap(abbreviations)];
      const visible = all.length;
      [...all, ...hiddenAliases(actor)].forEach((alias, k) => {
        const trimmed = alias.trim();
        if (!trimmed || seen.has(trimmed)) return;
        seen.add(trimmed);
        const ps = pieces(trimmed);
        if (ps.length === 0) return;
        let node = this.root;
        for (const p of ps) {
          const key = p.text.toLowerCase();
          let child = node.next.get(key);
          if (!child) {
            child = newNode();
            node.next.set(key, child);
          }
          node = child;
        }
        const cases = ps.map((p) => pieceCase(p.text));
        node.entries.push({
          actorIndex,
          alias: trimmed,
          pieceTexts: ps.map((p) => p.text),
          cases,
          titles: ps.map((p, k) => titleForm(cases[k], p.text)),
          needsCapital: cases.includes('upper-start'),
          ambiguous: isAmbiguousAlias(actor, trimmed),
          hidden: k >= visible,
        });
        count++;
      });
    });
    this.aliasCount = count;
    // Visible aliases before hidden ones at each node, so scan() emits them first.
    const sortNode = (n: TrieNode): void => {
      n.entries.sort((a, b) => Number(a.hidden) - Number(b.hidden));
      for (const c of n.next.values()) sortNode(c);
    };
    sortNode(this.root);
  }

  /**
   * Leftmost-longest scan of a whole text (KB build, tests, explain). Ambiguous
   * candidates are returned flagged; whether they count depends on the whole
   * page, which only the caller sees.
   */
  scan(text: string): ActorCandidate[] {
    const buf = new PieceBuffer(16);
    scanPieces(text, buf);
    const toks: Tok[] = new Array(buf.length);
    for (let k = 0; k < buf.length; k++) toks[k] = newTok(text.slice(buf.start[k], buf.end[k]).toLowerCase());
    const out: ActorCandidate[] = [];
    this.scanPieces(text, buf, toks, 0, buf.length, out);
    return out;
  }

  /**
   * Leftmost-longest scan of pieces [from, to) of `buf` (offsets into `text`),
   * `toks[k]` the interned lower-cased piece k; candidates are appended to `out`.
   */
  scanPieces(text: string, buf: PieceBuffer, toks: Tok[], from: number, to: number, out: ActorCandidate[]): void {
    const root = this.root.next;
    const first = out.length;
    const starts = buf.start;
    const ends = buf.end;
    let i = from;
    while (i < to) {
      const t = toks[i];
      let node = t.node;
      if (node === undefined) node = t.node = root.get(t.key) ?? null;
      if (node === null) {
        i++;
        continue;
      }
      let bestNode: TrieNode | null = null;
      let last = i;
      let j = i;
      while (node) {
        for (const e of node.entries) {
          if (this.accepts(e, text, starts, ends, i)) {
            bestNode = node;
            last = j;
            break;
          }
        }
        j++;
        if (j >= to || !gapOk(text, ends[j - 1], starts[j], starts[j - 1])) break;
        node = node.next.get(toks[j].key);
      }
      if (!bestNode) {
        i++;
        continue;
      }
      const start = starts[i];
      const end = ends[last];
      const surface = text.slice(start, end);
      // Several actors can share one alias; keep them all (visible aliases
      // first), the caller decides. Entries are pre-sorted visible-first.
      let prev = -1;
      for (const e of bestNode.entries) {
        if (e.actorIndex === prev || !this.accepts(e, text, starts, ends, i)) continue;
        if (out.length > first && out[out.length - 1].start === start && sameStart(out, first, start, e.actorIndex)) continue;
        prev = e.actorIndex;
        out.push({ actorIndex: e.actorIndex, start, end, text: surface, ambiguous: e.ambiguous, hidden: e.hidden });
      }
      i = last + 1;
    }
  }

  private accepts(e: AliasEntry, text: string, starts: Int32Array, ends: Int32Array, from: number): boolean {
    let capital = !e.needsCapital;
    for (let k = 0; k < e.cases.length; k++) {
      const rule = e.cases[k];
      const s = starts[from + k];
      if (rule === 'exact') {
        const e2 = ends[from + k];
        const title = e.titles[k];
        if (!sameAt(text, s, e2, e.pieceTexts[k]) && (title === null || !sameAt(text, s, e2, title))) return false;
      } else if (rule === 'upper-start' && !capital && isCapitalisedAt(text, s)) capital = true;
    }
    return capital;
  }
}

function sameStart(out: ActorCandidate[], first: number, start: number, actorIndex: number): boolean {
  for (let k = first; k < out.length; k++) if (out[k].start === start && out[k].actorIndex === actorIndex) return true;
  return false;
}
