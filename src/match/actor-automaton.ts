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

// Hyphens and apostrophes split pieces on purpose: "North Korean-made" and
// "North Korea's" then end on a piece boundary right after the alias.
const PIECE_RE = /(?:\p{L}\.){2,}|[\p{L}\p{N}]+/gu;

export function pieces(text: string): Piece[] {
  const out: Piece[] = [];
  PIECE_RE.lastIndex = 0;
  for (let m = PIECE_RE.exec(text); m !== null; m = PIECE_RE.exec(text)) {
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return out;
}

/** What may sit between two pieces of one alias: spaces, hyphens, apostrophes. */
const GAP_RE = /^[\s\u00a0\-\u2010\u2011\u2013'\u2019]{1,4}$/;

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
  }

  /**
   * Leftmost-longest scan. Ambiguous candidates are returned flagged; whether
   * they count depends on the whole page, which only the caller sees.
   */
  scan(text: string, ps: Piece[] = pieces(text)): ActorCandidate[] {
    const out: ActorCandidate[] = [];
    const keys = ps.map((p) => p.text.toLowerCase());
    let i = 0;
    while (i < ps.length) {
      let node = this.root.next.get(keys[i]);
      let best: { entries: AliasEntry[]; last: number } | null = null;
      let j = i;
      while (node) {
        const ok = node.entries.filter((e) => this.accepts(e, ps, i));
        // A visible alias beats a hidden one of the same length.
        if (ok.some((e) => !e.hidden)) ok.sort((a, b) => Number(a.hidden) - Number(b.hidden));
        if (ok.length > 0) best = { entries: ok, last: j };
        j++;
        if (j >= ps.length || !GAP_RE.test(text.slice(ps[j - 1].end, ps[j].start))) break;
        node = node.next.get(keys[j]);
      }
      if (!best) {
        i++;
        continue;
      }
      const start = ps[i].start;
      const end = ps[best.last].end;
      // Several actors can share one alias; keep them all, the caller decides.
      const emitted = new Set<number>();
      for (const e of best.entries) {
        if (emitted.has(e.actorIndex)) continue;
        emitted.add(e.actorIndex);
        out.push({ actorIndex: e.actorIndex, start, end, text: text.slice(start, end), ambiguous: e.ambiguous, hidden: e.hidden });
      }
      i = best.last + 1;
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
