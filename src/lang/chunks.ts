// Shallow chunks of a tagged sentence: noun phrases, verb groups and the
// function words between them. The proposition rules (propositions.ts) read
// this sequence of units, ClausIE/ReVerb style, instead of raw words.

import { FIGURE_APPROXIMATORS } from './cues';
import type { Word } from './tagger';

export type UnitKind = 'np' | 'vg' | 'prep' | 'conj' | 'sub' | 'to' | 'other';

export interface Unit {
  kind: UnitKind;
  /** Word indices [start, end) in the sentence. */
  start: number;
  end: number;
  /** Head word index: the last noun of a noun phrase, the main verb of a verb group. */
  head: number;
  /** Punctuation after the unit's last word closes a clause or an aside (",", ";", ":", "—", quotes). */
  breakAfter: string;
  /** Heads of coordinated noun phrases ("North Korea and Russia"). */
  heads?: number[];
}

const NP_TAGS = new Set(['det', 'adj', 'num', 'noun', 'propn']);
const VG_PRE = new Set(['aux', 'modal', 'neg']);
const POSSESSIVE_PRON = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your', 'whose']);

const isPossessive = (w: Word): boolean => /['’ʼ]s?$/i.test(w.text) && w.norm !== w.text.toLowerCase();

function npEnd(words: Word[], i: number): number {
  let j = i;
  while (j < words.length) {
    const w = words[j];
    // "the suspicions that they were selling": a complementizer ends the phrase.
    if (j > i && w.norm === 'that' && j + 1 < words.length && /^(?:det|pron|propn|num)$/.test(words[j + 1].tag)) break;
    const ok = NP_TAGS.has(w.tag) || (w.tag === 'pron' && POSSESSIVE_PRON.has(w.norm) && j + 1 < words.length && NP_TAGS.has(words[j + 1].tag))
      || (w.tag === 'adv' && j + 1 < words.length && words[j + 1].tag === 'adj' && j > i - 1);
    if (!ok) break;
    // "the U.S. -made missile": a gerund/participle glued by a hyphen stays in the phrase; a verb does not.
    j++;
    if (/[,;:()—–"“”]/.test(w.after) && !isPossessive(w)) break;
  }
  return j;
}

/** Index of the head noun of words [s, e): the last noun before an "of"-less end. */
function npHead(words: Word[], s: number, e: number): number {
  for (let k = e - 1; k >= s; k--) if (words[k].tag === 'noun' || words[k].tag === 'propn' || words[k].tag === 'pron') return k;
  for (let k = e - 1; k >= s; k--) if (words[k].tag === 'num' || words[k].tag === 'adj') return k;
  return e - 1;
}

/** Split a tagged sentence into units. */
export function chunk(words: Word[]): Unit[] {
  const units: Unit[] = [];
  let i = 0;
  while (i < words.length) {
    const w = words[i];
    let kind: UnitKind = 'other';
    let end = i + 1;
    let head = i;
    const next = words[i + 1];
    if (w.norm === 'that' && (w.tag === 'det' || w.tag === 'conj' || w.tag === 'wh') && next
      && (next.tag === 'det' || next.tag === 'pron' || next.tag === 'propn' || next.tag === 'num')) {
      // Complementizer ("said that the ...", "claims that she ..."), not a determiner.
      kind = 'sub';
    } else if (w.tag === 'pron' && !(POSSESSIVE_PRON.has(w.norm) && i + 1 < words.length && NP_TAGS.has(words[i + 1].tag))) {
      kind = 'np';
    } else if (NP_TAGS.has(w.tag) || w.tag === 'pron') {
      end = npEnd(words, i);
      if (end === i) end = i + 1;
      kind = 'np';
      head = npHead(words, i, end);
    } else if (VG_PRE.has(w.tag) || w.tag === 'verb' || (w.tag === 'adv' && i + 1 < words.length && (words[i + 1].tag === 'verb' || VG_PRE.has(words[i + 1].tag)))) {
      let j = i;
      let main = -1;
      while (j < words.length) {
        const t = words[j].tag;
        if (t === 'verb') {
          main = j;
          j++;
          // "had been fired", "is seeking": a verb followed by a verb continues the group only through auxiliaries.
          if (j < words.length && words[j].tag === 'verb' && words[main].form !== 'gerund' && /^(?:be|have|get)$/.test(words[main].lemma) && !words[main].after) continue;
          // A particle ("carried out", "turned down") belongs to the verb.
          if (j < words.length && words[j].tag === 'adv' && /^(?:out|up|down|off|over|away|back|in|on)$/.test(words[j].norm) && !words[main].after) j++;
          break;
        }
        if (VG_PRE.has(t) || (t === 'adv' && !words[j].after)) {
          if (t === 'aux') main = j;
          j++;
          if (words[j - 1].after && t !== 'adv') break;
          continue;
        }
        break;
      }
      if (j === i) j = i + 1;
      end = j;
      kind = main >= 0 ? 'vg' : 'other';
      head = main >= 0 ? main : i;
    } else if (w.tag === 'prep' && FIGURE_APPROXIMATORS.has(w.norm) && next?.tag === 'num' && opensPhrase(units)) {
      // "About 3,200 workers walked out": a rounding word before the figure that opens a clause is part of the phrase.
      end = npEnd(words, i + 1);
      kind = 'np';
      head = npHead(words, i + 1, end);
    } else if (w.tag === 'prep') {
      kind = 'prep';
    } else if (w.tag === 'to') {
      kind = i + 1 < words.length && (words[i + 1].tag === 'verb' || words[i + 1].tag === 'aux' || words[i + 1].tag === 'adv') ? 'to' : 'prep';
    } else if (w.tag === 'conj') {
      kind = /^(?:and|or|but|nor|yet)$/.test(w.norm) ? 'conj' : 'sub';
    } else if (w.tag === 'wh') {
      kind = 'sub';
    }
    const last = words[end - 1];
    units.push({ kind, start: i, end, head, breakAfter: isPossessive(last) ? '' : last.after });
    i = end;
  }
  return subordinators(words, coordinate(words, units));
}

/** Can a noun phrase (a clause's subject) start here: at the sentence's start, after a clause break, a conjunction or a subordinator? */
function opensPhrase(units: Unit[]): boolean {
  const prev = units[units.length - 1];
  return !prev || /[,;:—–"“”()]/.test(prev.breakAfter) || prev.kind === 'conj' || prev.kind === 'sub';
}

/**
 * "… as North Korean leader Kim Jong Un revisited Putin": a preposition that
 * can open a clause (as, since, after, before, until) followed by a noun
 * phrase and a verb opens a clause; it is not the noun's preposition.
 */
function subordinators(words: Word[], units: Unit[]): Unit[] {
  for (let k = 0; k + 2 < units.length; k++) {
    const u = units[k];
    if (u.kind !== 'prep' || !CLAUSE_PREPS.has(words[u.start].norm)) continue;
    if (units[k + 1].kind === 'np' && !units[k + 1].breakAfter && units[k + 2].kind === 'vg') units[k] = { ...u, kind: 'sub' };
  }
  return units;
}

const CLAUSE_PREPS = new Set(['as', 'since', 'after', 'before', 'until', 'while', 'because', 'although', 'though', 'once', 'unless', 'whereas', 'if']);

/**
 * "North Korea and Russia", "ammunition, shells and rockets": noun phrases
 * joined by "and"/"or" (and commas before the last one) are one phrase; its
 * head is the first conjunct's.
 */
function coordinate(words: Word[], units: Unit[]): Unit[] {
  const out: Unit[] = [];
  for (let k = 0; k < units.length; k++) {
    const u = units[k];
    const prev = out[out.length - 1];
    const conj = units[k - 1];
    const before = out[out.length - 2];
    if (u.kind === 'np' && conj?.kind === 'conj' && /^(?:and|or)$/.test(words[conj.start].norm) && before?.kind === 'np'
      && prev === conj && !HARD.test(before.breakAfter) && !conj.breakAfter && words[u.head].tag !== 'pron' && words[before.head].tag !== 'pron'
      && !opensClause(words, units, out, k)) {
      out.splice(out.length - 2, 2, { ...before, end: u.end, breakAfter: u.breakAfter, heads: [...(before.heads ?? [before.head]), u.head] });
      continue;
    }
    out.push(u);
  }
  return out;
}

const HARD = /[;:—–()]/;

/**
 * "inspected a farm on Tuesday, and Putin will address the nation": a complement of the
 * sentence's verb (a noun phrase right after a verb or preposition), then ", and", a noun
 * phrase and a tensed verb, is a second clause whose subject is that phrase, not a conjunct.
 * A list keeps its commas between noun phrases ("said Russia, China, and Iran supplied").
 */
function opensClause(words: Word[], units: Unit[], out: Unit[], k: number): boolean {
  const before = out[out.length - 2];
  const governor = out[out.length - 3];
  const next = units[k + 1];
  if (!before.breakAfter.includes(',') || units[k].breakAfter || next?.kind !== 'vg') return false;
  if (governor?.kind !== 'prep' && governor?.kind !== 'vg') return false;
  const form = words[next.head].form;
  // A group opening on an auxiliary is tensed whatever its verb's form ("…, and the Kremlin is now seeking").
  const tensed = /^(?:aux|modal)$/.test(words[next.start].tag) || (form !== 'gerund' && form !== 'participle');
  return tensed && out.some((x) => x.kind === 'vg');
}
