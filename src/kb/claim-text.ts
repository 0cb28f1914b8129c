// A claim's text: its best evidence's own clause, made to stand alone. The
// reporting frame goes ("X said that …", "…, X said", "according to X,"), a
// pronoun subject becomes the name it refers to, linking openers ("But",
// "However,") and asides in brackets go. Nothing is filled into a template,
// so the text can never say what the corpus did not.

import nlp from 'compromise';
import { DISCOURSE_MARKERS, REPORTING_VERBS } from '../lang/cues';
import { lexicon } from '../lang/default-lexicon';
import { tokenize } from '../lang/tokens';
import { fastTagText } from '../lang/fast-tagger';
import type { Word } from '../lang/tagger';
import { opensClause, type Statement } from './statements';

/** Longest claim text kept whole; longer clauses are cut at a clause boundary. */
export const MAX_CLAIM_CHARS = 180;

function stripMarkers(s: string): string {
  for (let changed = true; changed;) {
    changed = false;
    const toks = tokenize(s);
    for (const m of DISCOURSE_MARKERS) {
      if (toks.length > m.length + 2 && m.every((w, i) => toks[i].norm === w)) {
        s = s.slice(toks[m.length - 1].end).replace(/^[\s,:;—–-]+/, '');
        changed = true;
        break;
      }
    }
  }
  return s;
}

function cut(s: string): string {
  if (s.length <= MAX_CLAIM_CHARS) return s;
  // Prefer a clause boundary (comma, semicolon, dash) between 60 and the limit.
  const window = s.slice(0, MAX_CLAIM_CHARS);
  const at = Math.max(window.lastIndexOf(', '), window.lastIndexOf('; '), window.lastIndexOf(' — '));
  if (at >= 60) return s.slice(0, at);
  const sp = window.lastIndexOf(' ');
  return s.slice(0, sp > 60 ? sp : MAX_CLAIM_CHARS) + '…';
}

/**
 * "supplying Russia with ammunition" governed by "accused North Korea of":
 * the clause gets its subject back and a finite verb ("North Korea supplied
 * Russia with ammunition"); compromise conjugates.
 */
function withSubject(clause: string, st: Statement, nameOf: (actorId: string) => string): string {
  const o = st.outsideSubject!;
  const subject = o.actorId ? nameOf(o.actorId) : o.text;
  // The verb itself, after any adverbs the clause opens with ("still having treatment" → "still had treatment").
  const toks = tokenize(clause);
  const at = toks.findIndex((t) => t.norm === o.verb || lexicon().lemma(t.norm, 'v') === o.verb);
  if (at < 0 || at > 2) return clause;
  const verbs = nlp(o.verb).verbs().conjugate() as Array<Record<string, string>>;
  const past = verbs[0]?.PastTense ?? toks[at].text;
  return `${subject} ${clause.slice(0, toks[at].start)}${past}${clause.slice(toks[at].end)}`;
}

/**
 * "We urge the DPRK to cease …", quoted from John Kirby: a claim speaks of
 * its speaker by name ("John Kirby urges …"); compromise conjugates.
 */
function thirdPerson(s: string, st: Statement, nameOf: (actorId: string) => string): string {
  const m = /^(I|We)\s+(\S+)(.*)$/s.exec(s);
  if (!m || !st.speaker) return s;
  const verb = nlp(m[2]).verbs();
  if (!verb.found) return s;
  const forms = verb.conjugate() as Array<Record<string, string>>;
  const present = /^(?:am|are|have|do)$/i.test(m[2]) ? ({ am: 'is', are: 'is', have: 'has', do: 'does' } as Record<string, string>)[m[2].toLowerCase()]
    : forms[0]?.PresentTense ?? m[2];
  const past = /ed$|^(?:was|were|had|did|said|told|sent|sold)$/.test(m[2]) ? m[2].replace(/^were$/, 'was') : present;
  return `${nameOf(st.speaker)} ${past}${m[3]}`;
}

/**
 * "The administration unveiled new findings on Wednesday, revealing": a reporting verb left at the end
 * of a clause whose reported words were cut off says nothing; it goes with its comma.
 */
function withoutTrailingReport(s: string): string {
  const m = /,\s*(\p{L}+)[.!?]?$/u.exec(s);
  if (!m) return s;
  const w = m[1].toLowerCase();
  const lemma = lexicon().lemma(w, 'v');
  return REPORTING_VERBS.has(lemma) && (w.endsWith('ing') || w !== lemma) ? s.slice(0, m.index) : s;
}

/** A sentence's words with document offsets, tagged once for the checks below. */
function sentenceWords(st: Statement, docText: string): Word[] {
  return fastTagText(docText.slice(st.span.start, st.span.end)).map((w) => ({ ...w, start: w.start + st.span.start, end: w.end + st.span.start }));
}

/**
 * Where the text may start: a start inside a phrase ("noted that Putin's
 * pursuit of talks with | a country like North Korea signifies …", "the
 * duration of | Russia's warfare remains uncertain") goes back to where the
 * clause opens (after punctuation, a conjunction, "that" or a reporting verb).
 */
function phraseStart(words: Word[], start: number): number {
  let i = words.findIndex((w) => w.start >= start);
  if (i <= 0) return start;
  while (i > 0 && !opensClause(words[i - 1])) i--;
  return words[i].start;
}

/**
 * "University students began their boycotts and say they will continue them":
 * a "they" with a plural noun before it in its own sentence most likely means
 * that noun, whatever actor coreference picked; the text is then the sentence,
 * as written, rather than a name that may be the wrong one.
 */
function opensOnUnsurePlural(st: Statement, docText: string, words: Word[], from: number): boolean {
  const r = st.references.find((x) => x.start >= from && tokenize(docText.slice(from, x.start)).length === 0);
  if (!r || !/^(?:they|them)$/i.test(docText.slice(r.start, r.end))) return false;
  return words.some((w) => w.end <= r.start && w.tag === 'noun' && w.lemma !== w.norm && lexicon().lexname(w.lemma, 'n') === 'noun.person');
}

/** Words cut out of a sentence that open on a preposition or a verb ("To requests …", "Saying …", "Fined …") have lost their subject. */
function opensOnFragment(text: string): boolean {
  const first = fastTagText(text)[0];
  return !!first && (first.norm === 'to' || first.tag === 'prep' || first.tag === 'verb' || lexicon().closed[first.norm] === 'prep');
}

/** Readable text of the claim a statement states. */
export function claimText(st: Statement, docText: string, nameOf: (actorId: string) => string, clauseFirst = false): string {
  // The whole sentence without its reporting frame when it is short enough (the most faithful wording),
  // else the proposition's clause when it reads on its own, else the sentence anyway (cut).
  // (`clauseFirst`: another claim of the same sentence already has its whole text.)
  const body = st.sentenceBody;
  const useBody = (st.sole && !clauseFirst && body.end - body.start <= MAX_CLAIM_CHARS) || !st.clauseWhole;
  const picked = useBody ? body : st.clause;
  // The text starts where its clause opens, and words cut out of a sentence never open on a preposition or a verb
  // ("To requests for comment …", "Saying the management signed off …"): that is the tail of the sentence's own
  // verb phrase, so the sentence is the text.
  const words = sentenceWords(st, docText);
  let from = phraseStart(words, picked.start);
  // "has said that buying urea violates …": the complementiser goes with the reporting frame.
  const lead = tokenize(docText.slice(from, picked.end));
  if (from > st.span.start && lead.length > 3 && lead[0].norm === 'that') from += lead[1].start;
  const cutOut = tokenize(docText.slice(st.span.start, from)).length > 0;
  // (A clause whose subject stands before it gets the subject back below: "promised the fertiliser …".)
  const whole = (cutOut && !(!useBody && st.outsideSubject) && opensOnFragment(docText.slice(from, picked.end)))
    || (cutOut && opensOnUnsurePlural(st, docText, words, from));
  const { start, end } = whole ? st.span : { start: from, end: picked.end };
  // (A clause without its subject gets it back, unless the whole sentence is the text.)
  const asClause = !useBody && !whole;
  let s = '';
  let at = start;
  // Replace the reference that opens the text (its subject: "He", "The company") by the name it stands for.
  // Further in, a description is left as written: "the wrong decision for this club" must not become a
  // person's name when coreference guessed wrong, and the writer's words are the safer reading.
  const opensText = (r: { start: number }): boolean => {
    // Nothing before it but quotes, or only a discourse marker ("But he …", "However, the company …").
    const before = tokenize(docText.slice(start, r.start));
    return before.length === 0 || DISCOURSE_MARKERS.some((m) => m.length === before.length && m.every((w, i) => before[i].norm === w));
  };
  for (const r of st.references) {
    if (r.start < start || r.end > end) continue;
    // A personal pronoun is replaced wherever it stands ("Vordby signed him" → "… signed Eirik Halvorsen"); "it", "her"
    // and "they" only as the opening subject ("to do it", "her team" stay as written).
    if (!opensText(r) && !/^(?:he|she|him)$/i.test(docText.slice(r.start, r.end))) continue;
    s += docText.slice(at, r.start) + nameOf(r.actorId);
    at = r.end;
    // "they were selling" → "North Korea was selling": a name is singular.
    if (/^(?:they|them)$/i.test(docText.slice(r.start, r.end))) {
      const m = /^(\s+)(were|are|have)\b/.exec(docText.slice(at, at + 8));
      if (m) {
        s += m[1] + ({ were: 'was', are: 'is', have: 'has' } as Record<string, string>)[m[2]];
        at += m[0].length;
      }
    }
  }
  s += docText.slice(at, end);
  if (st.outsideSubject && asClause) s = withSubject(s, st, nameOf);
  s = s.replace(/\s*\([^()]{0,80}\)/g, '').replace(/\s+/g, ' ').trim();
  s = s.replace(/^["“”'‘’]+|["“”'‘’]+$/g, '').trim();
  s = stripMarkers(s);
  // "Here's the deal: …", "Tampa, Florida -- …": a short lead-in before a colon or dash frames the sentence.
  s = s.replace(/^[^:—–]{1,40}(?::|\s--|\s—|\s–)\s+(?=\S.{30,})/, '');
  s = cut(s).replace(/[\s,;:—–-]+$/, '');
  s = withoutTrailingReport(s);
  if (!s) return st.span.text;
  s = thirdPerson(s, st, nameOf);
  s = s[0].toUpperCase() + s.slice(1);
  if (!/[.!?…]$/.test(s)) s += '.';
  return s;
}
