// Re-anchoring a note's selectors in the page's current text (pure string
// code: no DOM, runs in Node, the service worker or the content script).
//
// Order, cheapest and most certain first:
//   1. position  — the text at the stored offsets is still the exact quote
//                  (and its context still fits);
//   2. quote     — exact occurrences of the quote (then, if none, occurrences
//                  after collapsing whitespace), each scored on prefix, suffix
//                  and distance from the expected place, so a repeated phrase
//                  lands on the occurrence whose surroundings fit;
//   3. fuzzy     — approx-string-match (Myers' bit-parallel edit distance)
//                  with errors ≤ 25 % of the quote (capped), but only inside
//                  small windows: around the expected place and around exact
//                  "probes" (the end of the prefix, the start of the suffix,
//                  pieces of the quote). A search over the whole text is the
//                  last resort and is limited by a work budget, because one
//                  costs ~1.3 ms per 100 k characters per 32-character block
//                  of allowed errors, and a page of orphans must not freeze
//                  the tab (Hypothesis once froze pages for 40 s this way).
// Every candidate gets a score in [0, 1] (quote similarity weighted 50,
// prefix 20, suffix 20, position 2 — the weighting idea of hypothesis/client's
// match-quote). Below `minScore` the note is an orphan: better an honest
// "no longer found" than a highlight on the wrong sentence.
import approxSearch from 'approx-string-match';
import { pickSelectors } from './selectors';
import type { Note, NoteSelector, TextPositionSelector, TextQuoteSelector } from './types';

export type AnchorMethod = 'position' | 'quote' | 'fuzzy';

export interface Anchor {
  start: number;
  end: number;
  method: AnchorMethod;
  /** 1 = exact quote with intact context at the expected place. */
  score: number;
}

export interface AnchorOptions {
  /** Where the quote is expected to start now (default: the stored position). anchorNotes derives it from neighbours' drift. */
  hint?: number;
  /** Minimum score to accept a candidate (default 0.75). */
  minScore?: number;
  /** Errors allowed in fuzzy matching, as a share of the quote length (default 0.25). */
  maxErrorRate?: number;
  /** Absolute cap on fuzzy errors (default 64: at most 3 bit-parallel blocks per text character). */
  maxErrors?: number;
  /** Quotes shorter than this are never fuzzy-matched: a few characters with errors match anything (default 12). */
  minFuzzyQuoteLength?: number;
  /**
   * An exact quote at least this long that occurs exactly once is accepted even
   * if its context changed (default 32): a sentence that long is its own proof.
   */
  uniqueQuoteMinLength?: number;
  /** Largest whole-text fuzzy search allowed, in work units = text length × 32-char blocks (default 1,500,000 ≈ 15-20 ms). 0 disables. */
  maxFullScanWork?: number;
}

const W_QUOTE = 50;
const W_PREFIX = 20;
const W_SUFFIX = 20;
const W_POSITION = 2;

const DEFAULTS = {
  minScore: 0.75,
  maxErrorRate: 0.25,
  maxErrors: 64,
  minFuzzyQuoteLength: 12,
  uniqueQuoteMinLength: 32,
  maxFullScanWork: 1_500_000,
};
type Settings = typeof DEFAULTS & { hint: number | undefined };

/** More exact occurrences than this are not all scored (a quote that common is anchored by context among the first ones). */
const MAX_OCCURRENCES = 1000;
const DEFAULT_BATCH_FULL_SCAN_WORK = 400_000;
/** A probe (piece of context or quote) found more often than this says nothing about where the quote is. */
const MAX_PROBE_HITS = 8;
const PROBE_LENGTH = 16;
const MIN_PROBE_LENGTH = 8;

// ---------------------------------------------------------------------------
// Text helpers

function isSpace(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** Runs of whitespace (including NBSP) collapsed to one space. */
export function collapseWhitespace(s: string): string {
  let out = '';
  let inSpace = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isSpace(c)) {
      if (!inSpace) out += ' ';
      inSpace = true;
    } else {
      out += s[i];
      inSpace = false;
    }
  }
  return out;
}

/** Levenshtein distance; used only on short strings (context ≤ ~32 chars). */
function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let prev = new Uint16Array(b.length + 1);
  let cur = new Uint16Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      cur[j] = v;
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

/** Similarity in [0, 1] of two context strings, insensitive to whitespace changes. */
function contextSimilarity(actual: string, expected: string): number {
  // Fast path: untouched context (the common case) needs no edit distance.
  if (actual === expected) return 1;
  const a = collapseWhitespace(actual);
  const e = collapseWhitespace(expected);
  const len = Math.max(a.length, e.length);
  if (len === 0) return 1;
  return 1 - editDistance(a, e) / len;
}

/** The page text of one anchoring call or batch (a seam for per-page caches). */
class PageText {
  constructor(readonly text: string) {}
}

function occurrences(text: string, needle: string, limit: number): number[] {
  const out: number[] = [];
  if (!needle) return out;
  let i = text.indexOf(needle);
  while (i !== -1 && out.length < limit) {
    out.push(i);
    i = text.indexOf(needle, i + 1);
  }
  return out;
}

// ---------------------------------------------------------------------------
// Scoring

interface Scored {
  start: number;
  end: number;
  score: number;
  /** Weighted prefix/suffix similarity alone (1 when the note had no context). */
  context: number;
}

function scoreCandidate(page: PageText, q: TextQuoteSelector, s: Settings, start: number, end: number, errors: number): Scored {
  const text = page.text;
  const quoteSim = 1 - errors / Math.max(1, q.exact.length);
  let num = W_QUOTE * quoteSim;
  let den = W_QUOTE;
  let ctxNum = 0;
  let ctxDen = 0;
  if (q.prefix) {
    const sim = contextSimilarity(text.slice(Math.max(0, start - q.prefix.length), start), q.prefix);
    ctxNum += W_PREFIX * sim;
    ctxDen += W_PREFIX;
  }
  if (q.suffix) {
    const sim = contextSimilarity(text.slice(end, end + q.suffix.length), q.suffix);
    ctxNum += W_SUFFIX * sim;
    ctxDen += W_SUFFIX;
  }
  num += ctxNum;
  den += ctxDen;
  if (s.hint !== undefined) {
    const posSim = 1 - Math.min(1, Math.abs(start - s.hint) / Math.max(1, text.length));
    num += W_POSITION * posSim;
    den += W_POSITION;
  }
  return { start, end, score: num / den, context: ctxDen ? ctxNum / ctxDen : 1 };
}

function best(cands: Scored[]): Scored | null {
  let b: Scored | null = null;
  for (const c of cands) if (!b || c.score > b.score) b = c;
  return b;
}

// ---------------------------------------------------------------------------
// Anchoring

/** Shared between the notes of one batch: how much whole-text fuzzy work is left, and who was denied it. */
interface Budget {
  fullScanWork: number;
  denied: boolean;
}

const escapeRegExp = (x: string): string => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Exact occurrences of the quote in text[from, to), falling back to
 * whitespace-tolerant ones, each scored. `whole` says the range is the whole
 * text, which is what makes "occurs exactly once" meaningful.
 */
function exactStage(page: PageText, q: TextQuoteSelector, s: Settings, from = 0, to = page.text.length): { best: Scored | null; accepted: boolean } {
  const whole = from === 0 && to === page.text.length;
  const text = whole ? page.text : page.text.slice(from, to);
  const cands = occurrences(text, q.exact, MAX_OCCURRENCES).map((i) => scoreCandidate(page, q, s, from + i, from + i + q.exact.length, 0));
  const core = q.exact.trim();
  if (cands.length === 0 && /\s/.test(core)) {
    // Whitespace-only edits (a line break became a space, NBSP, double
    // spaces) are common when a page is re-rendered: match any whitespace
    // run for any whitespace run. A regex over the original text avoids
    // building a collapsed copy of the page (and an offset map) per batch.
    const re = new RegExp(core.split(/\s+/).map(escapeRegExp).join('\\s+'), 'g');
    for (const m of text.matchAll(re)) {
      cands.push(scoreCandidate(page, q, s, from + m.index, from + m.index + m[0].length, 0));
      if (cands.length >= MAX_OCCURRENCES) break;
    }
  }
  const b = best(cands);
  if (!b) return { best: null, accepted: false };
  const unique = whole && cands.length === 1 && core.length >= s.uniqueQuoteMinLength;
  return { best: b, accepted: b.score >= s.minScore || unique };
}

/** Merges overlapping [from, to) windows (sorted by start). */
function mergeWindows(windows: Array<[number, number]>): Array<[number, number]> {
  const sorted = windows.filter(([x, y]) => y > x).sort((x, y) => x[0] - y[0]);
  const merged: Array<[number, number]> = [];
  for (const w of sorted) {
    const last = merged[merged.length - 1];
    if (last && w[0] <= last[1]) last[1] = Math.max(last[1], w[1]);
    else merged.push([w[0], w[1]]);
  }
  return merged;
}

/** The window around the expected place; wide because the drift estimate may be off by a paragraph. */
function hintWindow(text: string, q: TextQuoteSelector, hint: number): [number, number] {
  const r = Math.max(1024, 2 * q.exact.length);
  return [Math.max(0, hint - r), Math.min(text.length, hint + q.exact.length + r)];
}

/**
 * Windows where the quote probably is, from exact "probes": the end of the
 * prefix, the start of the suffix, and up to four pieces of the quote (with
 * ≤ 25 % errors spread over the quote, usually one piece survives intact).
 * This is "filter, then verify": indexOf is far cheaper than edit distance.
 */
function probeWindows(text: string, q: TextQuoteSelector, k: number): Array<[number, number]> {
  const L = q.exact.length;
  const expectedStarts: number[] = [];
  const probe = (needle: string, toStart: (at: number) => number): void => {
    if (needle.trim().length < MIN_PROBE_LENGTH) return;
    const hits = occurrences(text, needle, MAX_PROBE_HITS + 1);
    if (hits.length > MAX_PROBE_HITS) return; // too common to say where the quote is
    for (const h of hits) expectedStarts.push(toStart(h));
  };
  const pre = q.prefix.slice(-PROBE_LENGTH);
  probe(pre, (at) => at + pre.length);
  const suf = q.suffix.slice(0, PROBE_LENGTH);
  probe(suf, (at) => at - L);
  const pieces = Math.min(4, Math.floor(L / 10));
  const pieceLen = pieces ? Math.floor(L / pieces) : 0;
  for (let p = 0; p < pieces; p++) {
    const off = p * pieceLen;
    probe(q.exact.slice(off, off + Math.min(pieceLen, PROBE_LENGTH * 2)), (at) => at - off);
  }
  const pad = 32 + k;
  return mergeWindows(expectedStarts.map((e): [number, number] => [Math.max(0, e - pad), Math.min(text.length, e + L + pad)]));
}

function anchorIn(page: PageText, quote: TextQuoteSelector | undefined, position: TextPositionSelector | undefined, opts: AnchorOptions, budget: Budget): Anchor | null {
  // Without a quote nothing can be verified: a bare position would anchor on whatever text is there now.
  if (!quote || !quote.exact) return null;
  const text = page.text;
  const L = quote.exact.length;
  const hintRaw = opts.hint ?? position?.start;
  const s: Settings = {
    minScore: opts.minScore ?? DEFAULTS.minScore,
    maxErrorRate: opts.maxErrorRate ?? DEFAULTS.maxErrorRate,
    maxErrors: opts.maxErrors ?? DEFAULTS.maxErrors,
    minFuzzyQuoteLength: opts.minFuzzyQuoteLength ?? DEFAULTS.minFuzzyQuoteLength,
    uniqueQuoteMinLength: opts.uniqueQuoteMinLength ?? DEFAULTS.uniqueQuoteMinLength,
    maxFullScanWork: opts.maxFullScanWork ?? DEFAULTS.maxFullScanWork,
    hint: hintRaw === undefined ? undefined : Math.max(0, Math.min(text.length, Math.round(hintRaw))),
  };
  const asAnchor = (c: Scored, errors: number): Anchor => ({ start: c.start, end: c.end, method: errors === 0 ? 'quote' : 'fuzzy', score: c.score });

  // 1. Stored position still holds the quote, and its context still fits
  //    (otherwise a repeated phrase may have moved into this spot).
  if (position && position.end - position.start === L && text.startsWith(quote.exact, position.start)) {
    const c = scoreCandidate(page, quote, s, position.start, position.end, 0);
    if (c.context >= 0.5) return { start: c.start, end: c.end, method: 'position', score: c.score };
  }
  // 2. Same check at the drift-corrected place (batch mode): no scan at all.
  if (s.hint !== undefined && s.hint !== position?.start && text.startsWith(quote.exact, s.hint)) {
    const c = scoreCandidate(page, quote, s, s.hint, s.hint + L, 0);
    if (c.context >= 0.8) return asAnchor(c, 0);
  }

  const fuzzyOn = L >= s.minFuzzyQuoteLength;
  const k = Math.max(1, Math.min(s.maxErrors, Math.floor(L * s.maxErrorRate)));
  // 3. Near the expected place, edits are usually local: an exact (or
  //    whitespace-tolerant) look and one small edit-distance search there
  //    settle most edited notes without whole-text work. Accepted early only
  //    when clearly right.
  // Best fuzzy candidate so far (a holder object: closures and TS narrowing).
  const fz: { best: Scored | null; errors: number } = { best: null, errors: -1 };
  const tryWindow = (a: number, b: number): void => {
    // approx-string-match returns the lowest-error matches only; the
    // neighbouring ends of one match are all scored and the context picks.
    const matches = approxSearch(text.slice(a, b), quote.exact, k);
    for (const m of matches.slice(0, 64)) {
      const c = scoreCandidate(page, quote, s, a + m.start, a + m.end, m.errors);
      if (!fz.best || c.score > fz.best.score) {
        fz.best = c;
        fz.errors = m.errors;
      }
    }
  };
  if (s.hint !== undefined) {
    const [a, b] = hintWindow(text, quote, s.hint);
    const near = exactStage(page, quote, s, a, b);
    if (near.best && near.accepted && near.best.context >= 0.8) return asAnchor(near.best, 0);
    if (fuzzyOn) {
      tryWindow(a, b);
      const f = fz.best;
      if (f && f.score >= Math.max(0.9, s.minScore) && f.context >= 0.8) return asAnchor(f, fz.errors);
    }
  }

  // 4. Exact occurrences anywhere, chosen by context.
  const exact = exactStage(page, quote, s);
  if (exact.best && exact.accepted && exact.best.context >= 0.8) return asAnchor(exact.best, 0);

  // 5. Fuzzy around exact probes; then, as a last resort, the whole text
  //    within the work budget. Also runs when an exact occurrence exists
  //    but its context is poor: the note's own sentence may have been
  //    edited while the same phrase survives elsewhere.
  if (fuzzyOn) {
    for (const [a, b] of probeWindows(text, quote, k)) tryWindow(a, b);
    const f = fz.best;
    if (!(f && f.score >= s.minScore) && !exact.accepted) {
      const work = text.length * Math.ceil((k + 1) / 32);
      if (work <= s.maxFullScanWork && work <= budget.fullScanWork) {
        budget.fullScanWork -= work;
        tryWindow(0, text.length);
      } else if (work <= s.maxFullScanWork) {
        budget.denied = true;
      }
    }
  }

  const f = fz.best;
  const exactOk = exact.best && exact.accepted ? exact.best : null;
  const fuzzyOk = f && f.score >= s.minScore && f.context >= 0.5 ? f : null;
  if (exactOk && (!fuzzyOk || exactOk.score >= fuzzyOk.score)) return asAnchor(exactOk, 0);
  if (fuzzyOk) return asAnchor(fuzzyOk, fz.errors);
  return null;
}

export type SelectorsInput = readonly NoteSelector[] | { quote?: TextQuoteSelector; position?: TextPositionSelector };

function selectorsOf(input: SelectorsInput): { quote: TextQuoteSelector | undefined; position: TextPositionSelector | undefined } {
  if (Array.isArray(input)) return pickSelectors(input as readonly NoteSelector[]);
  const { quote, position } = input as { quote?: TextQuoteSelector; position?: TextPositionSelector };
  return { quote, position };
}

/**
 * Where the note's quote is in `text` now, or null if it no longer anchors
 * (an orphan). `selectors` is a note's `target.selector` list or the result
 * of describeRange.
 */
export function anchorNote(text: string, selectors: SelectorsInput, opts: AnchorOptions = {}): Anchor | null {
  const { quote, position } = selectorsOf(selectors);
  const budget: Budget = { fullScanWork: opts.maxFullScanWork ?? DEFAULTS.maxFullScanWork, denied: false };
  return anchorIn(new PageText(text), quote, position, opts, budget);
}

export interface BatchAnchorOptions extends Omit<AnchorOptions, 'hint'> {
  /** Whole-text fuzzy work allowed for the whole batch (default 400,000 ≈ 4 full scans of a 100 k-character page, ~5 ms). */
  batchFullScanWork?: number;
}

export interface BatchAnchorResult<N> {
  note: N;
  anchor: Anchor | null;
  /**
   * True when the note is an orphan only because the batch's whole-text
   * search budget ran out: retry it later (idle time) with anchorNote.
   */
  deferred: boolean;
}

/**
 * Anchors many notes on one text; results in input order. Notes are visited
 * in stored-position order and each one's expected place is corrected by the
 * drift of the previous anchored note, so an inserted paragraph costs one
 * lookup per note instead of a scan.
 */
export function anchorNotes<N extends Pick<Note, 'target'>>(text: string, notes: readonly N[], opts: BatchAnchorOptions = {}): BatchAnchorResult<N>[] {
  const page = new PageText(text);
  const budget: Budget = { fullScanWork: opts.batchFullScanWork ?? DEFAULT_BATCH_FULL_SCAN_WORK, denied: false };
  const prepared = notes.map((note, index) => ({ note, index, ...pickSelectors(note.target.selector) }));
  const order = [...prepared].sort((a, b) => (a.position?.start ?? Infinity) - (b.position?.start ?? Infinity));
  const results = new Array<BatchAnchorResult<N>>(notes.length);
  let drift = 0;
  for (const p of order) {
    budget.denied = false;
    const hint = p.position ? p.position.start + drift : undefined;
    const anchor = anchorIn(page, p.quote, p.position, { ...opts, hint }, budget);
    if (anchor && p.position) drift = anchor.start - p.position.start;
    results[p.index] = { note: p.note, anchor, deferred: anchor === null && budget.denied };
  }
  return results;
}
