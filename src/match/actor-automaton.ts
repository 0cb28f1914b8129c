// Actor alias automaton: every alias of every KB actor compiled once into a
// token-level trie, then the page is scanned in one left-to-right pass.
// Token-level (not character-level) because aliases are whole words by
// definition: a trie over word pieces gives whole-word matching for free and
// keeps each step a single Map look-up, so the scan is linear in the page and
// independent of the number of aliases (bounded by the longest alias, ~6 pieces).
import type { Kb, KbActor } from '../kb/types';

/** A word piece: dotted acronym ("U.S.") or a run of letters/digits. */
export interface Piece {
  start: number;
  end: number;
  text: string;
}

const isAsciiWord = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const isWord = (text: string, i: number, c: number): boolean => isAsciiWord(c) || (c >= 0xc0 && WORD_CHAR.test(text[i]));
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isLetterAt = (text: string, i: number): boolean => {
  const c = text.charCodeAt(i);
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && /\p{L}/u.test(text[i]));
};

/**
 * Word pieces in one hand-written pass (the hot loop of a page scan; a
 * Unicode-property regex costs several times more). Hyphens and apostrophes
 * split pieces on purpose: "North Korean-made" and "North Korea's" then end on
 * a piece boundary right after the alias. Kept whole: dotted acronyms ("U.S.")
 * and numbers with separators ("1,000").
 */
export function pieces(text: string): Piece[] {
  const out: Piece[] = [];
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
    if (isLetterAt(text, i) && text.charCodeAt(i + 1) === 46 && i + 2 < n && isLetterAt(text, i + 2) && text.charCodeAt(i + 3) === 46) {
      let j = i;
      while (j + 1 < n && isLetterAt(text, j) && text.charCodeAt(j + 1) === 46 && !(j + 2 < n && isWord(text, j + 2, text.charCodeAt(j + 2)) && text.charCodeAt(j + 3) !== 46)) j += 2;
      if (j - i >= 4) {
        out.push({ start, end: j, text: text.slice(start, j) });
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
    out.push({ start, end: j, text: text.slice(start, j) });
    i = j;
  }
  return out;
}

/** What may sit between two pieces of one alias: 1-4 spaces, hyphens, apostrophes (no slicing: hot loop). */
function gapOk(text: string, from: number, to: number): boolean {
  const len = to - from;
  if (len < 1 || len > 4) return false;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (!(c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 45 || c === 0x2010 || c === 0x2011 ||
      c === 0x2013 || c === 39 || c === 0x2019)) return false;
  }
  return true;
}

type PieceCase = 'exact' | 'upper-start' | 'any';

interface AliasEntry {
  actorIndex: number;
  alias: string;
  pieceTexts: string[];
  /** Per piece: how the page's piece must be written. */
  cases: PieceCase[];
  /** True when at least one page piece must start upper-case (names). */
  needsCapital: boolean;
  /** Counts only if the page also names the actor unambiguously. */
  ambiguous: boolean;
  /** Not one of the KB's aliases (a demonym added for claim matching): never highlighted. */
  hidden: boolean;
}

interface TrieNode {
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

function pieceMatches(rule: PieceCase, aliasPiece: string, pagePiece: string): boolean {
  if (rule === 'exact') {
    if (aliasPiece === pagePiece) return true;
    // Long acronyms are also written title-case in British style ("Nato"); short
    // ones ("US", "UN") never relax, or "us" and "un" would match.
    return aliasPiece.length >= 4 && !aliasPiece.includes('.') &&
      pagePiece === aliasPiece[0] + aliasPiece.slice(1).toLowerCase();
  }
  return true;
}

const isCapitalised = (p: string): boolean => /^\p{Lu}/u.test(p);

/**
 * Aliases that name too little on their own: those the KB lists, plus (when it
 * does not say) single-word aliases of persons (a bare surname or first name)
 * and single words taken from a multi-word organisation name ("Wagner").
 */
export function isAmbiguousAlias(actor: KbActor, alias: string): boolean {
  const listed = actor.ambiguousAliases;
  if (listed && listed.some((a) => a.toLowerCase() === alias.toLowerCase())) return true;
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
      const visible = [actor.name, ...actor.aliases].length;
      [actor.name, ...actor.aliases, ...hiddenAliases(actor)].forEach((alias, k) => {
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
   * Leftmost-longest scan. Ambiguous candidates are returned flagged; whether
   * they count depends on the whole page, which only the caller sees.
   */
  scan(text: string, ps: Piece[] = pieces(text), keys: string[] = ps.map((p) => p.text.toLowerCase())): ActorCandidate[] {
    const out: ActorCandidate[] = [];
    const root = this.root.next;
    let i = 0;
    while (i < ps.length) {
      let node = root.get(keys[i]);
      if (!node) {
        i++;
        continue;
      }
      let bestNode: TrieNode | null = null;
      let last = i;
      let j = i;
      while (node) {
        for (const e of node.entries) {
          if (this.accepts(e, ps, i)) {
            bestNode = node;
            last = j;
            break;
          }
        }
        j++;
        if (j >= ps.length || !gapOk(text, ps[j - 1].end, ps[j].start)) break;
        node = node.next.get(keys[j]);
      }
      if (!bestNode) {
        i++;
        continue;
      }
      const start = ps[i].start;
      const end = ps[last].end;
      const surface = text.slice(start, end);
      // Several actors can share one alias; keep them all (visible aliases
      // first), the caller decides. Entries are pre-sorted visible-first.
      let prev = -1;
      for (const e of bestNode.entries) {
        if (e.actorIndex === prev || !this.accepts(e, ps, i)) continue;
        if (out.length > 0 && out[out.length - 1].start === start && out.some((o) => o.start === start && o.actorIndex === e.actorIndex)) continue;
        prev = e.actorIndex;
        out.push({ actorIndex: e.actorIndex, start, end, text: surface, ambiguous: e.ambiguous, hidden: e.hidden });
      }
      i = last + 1;
    }
    return out;
  }

  private accepts(e: AliasEntry, ps: Piece[], from: number): boolean {
    let capital = !e.needsCapital;
    for (let k = 0; k < e.cases.length; k++) {
      const page = ps[from + k].text;
      if (!pieceMatches(e.cases[k], e.pieceTexts[k], page)) return false;
      if (e.cases[k] === 'upper-start' && isCapitalised(page)) capital = true;
    }
    return capital;
  }
}
