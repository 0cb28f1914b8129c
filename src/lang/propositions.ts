// Propositions from a tagged sentence: who does what to whom, with its
// modality, polarity and who reports it. Clause types after ClausIE (SV, SVO,
// SVOO, SVA, SVC) read off the chunk sequence; every decision is a named rule
// so that `explain` can say why a sentence gave what it gave.

import { chunk, type Unit } from './chunks';
import {
  ACCUSATION_VERBS, ACT_ONLY_LIGHT_VERBS, CONDITIONALS, COPULAS, DENIAL_VERBS, FREE_CHOICE_DETERMINERS, HEDGES, LIGHT_VERBS, MEANS_PREPOSITIONS, NEGATING_ADVERBS, OBJECT_CONTROL_PREPOSITIONS, PLANS,
  REPORTING_VERBS, WANTS,
} from './cues';
import { lexicon } from './default-lexicon';
import type { Word } from './tagger';

export type Modality = 'asserted' | 'hedged' | 'conditional' | 'planned' | 'wanted';

/** A span of the sentence's words [start, end) with its head word. */
export interface Arg {
  start: number;
  end: number;
  head: number;
  /** All heads of a coordinated phrase, the first being `head`. */
  heads?: number[];
}

export interface Proposition {
  /** Index of the main verb (or copula) word. */
  verbAt: number;
  /** Lemma of the verb as written. */
  verb: string;
  /** The predicate: the verb, or the event noun of a light verb ("held talks" → talk), or a copula's complement. */
  pred: string;
  predPos: 'v' | 'n' | 'a';
  subject?: Arg;
  object?: Arg;
  object2?: Arg;
  /** Voice-normalised roles: the doer and the thing done or affected. */
  agent?: Arg;
  patient?: Arg;
  obliques: Array<{ prep: string; arg: Arg }>;
  passive: boolean;
  negated: boolean;
  modality: Modality;
  /** Set when this verb reports speech: 'say', or 'deny' for a denial. */
  reports?: 'say' | 'deny';
  /** Index (in the returned list) of the reporting proposition this one is the content of. */
  reportedBy?: number;
  /** The "according to X" source of the sentence. */
  source?: Arg;
  /** Index of the proposition whose verb governs this infinitive or gerund ("seeking to purchase"). */
  governedBy?: number;
  /**
   * Index of the proposition whose argument this reduced relative describes
   * ("containers (being) sent from North Korea", "involve North Korea sending
   * Russia weapons"): inside its clause's words, but a proposition of its own.
   */
  embeddedIn?: number;
  /** The subject was taken from another clause (control, coordination, an adverbial participle). */
  subjectShared?: boolean;
  /** First word of this proposition's own clause (its subject, relative pronoun, conjunction or verb group). */
  clauseStart: number;
  /** Names of the rules that fired, in order. */
  rules: string[];
}

const HARD_BREAK = /[;:—–()]/;
/** Modals of possibility (a hedge) rather than of condition ("would", "should"). */
const EPISTEMIC_MODALS = new Set(['may', 'might', 'could']);
const RELATIVE = new Set(['who', 'which', 'that', 'whom']);
/** Classes of event nouns (WordNet lexicographer files): a light verb's object of these kinds names the event ("had surgery", "held talks"). */
const ACT_OBJECT_CLASSES = new Set(['noun.act', 'noun.event', 'noun.process']);
const LIGHT_OBJECT_CLASSES = new Set(['noun.act', 'noun.event', 'noun.process', 'noun.communication', 'noun.phenomenon', 'noun.state', 'noun.cognition', 'noun.feeling']);

const argOf = (u: Unit): Arg => (u.heads ? { start: u.start, end: u.end, head: u.head, heads: u.heads } : { start: u.start, end: u.end, head: u.head });
const isAdv = (words: Word[], u: Unit): boolean => u.kind === 'other' && words[u.start].tag === 'adv';

interface Ctx {
  words: Word[];
  units: Unit[];
  props: Proposition[];
  /** Unit index of each proposition's verb group. */
  unitOf: number[];
}

// ---------- subjects ----------

/** Extend an NP leftwards over "NP prep NP" chains ("the head of the Wagner group"). */
function npWithModifiers(c: Ctx, k: number): Arg {
  let s = k;
  while (s - 2 >= 0 && c.units[s - 1].kind === 'prep' && c.words[c.units[s - 1].start].norm === 'of'
    && c.units[s - 2].kind === 'np' && !c.units[s - 2].breakAfter) s -= 2;
  return { start: c.units[s].start, end: c.units[k].end, head: c.units[s].head };
}

/** "Jasmine Tridevil, a 21-year-old from Tampa, claims": the NP before the aside is the subject. */
function beforeAppositive(c: Ctx, k: number): number {
  for (let j = k - 1; j >= 0 && k - j <= 8; j--) {
    const u = c.units[j];
    if (u.kind === 'vg' || u.kind === 'sub' || u.kind === 'conj' || HARD_BREAK.test(u.breakAfter)) return -1;
    if (u.breakAfter.includes(',') && u.kind === 'np') return j;
  }
  return -1;
}

const NON_FINITE_AUX = new Set(['being', 'been', 'be', 'having']);

/** A verb group with tense of its own ("is seeking", "sent", "has been sent"), not a bare gerund, participle or infinitive. */
export function isFinite(words: Word[], u: Unit): boolean {
  const vg = words.slice(u.start, u.end);
  if (vg.some((w) => w.tag === 'modal' || (w.tag === 'aux' && !NON_FINITE_AUX.has(w.norm) && w !== words[u.head]))) return true;
  if (vg.some((w) => w.tag === 'aux' && NON_FINITE_AUX.has(w.norm))) return false;
  const head = words[u.head];
  return head.form === 'past' || head.form === 'present' || (head.tag === 'aux' && !NON_FINITE_AUX.has(head.norm));
}

/** Subjects of gerunds and participles that follow a verb or a noun without a clause boundary. */
function nonFiniteSubject(c: Ctx, vi: number, k: number, p: Proposition): Arg | undefined | null {
  const { units, words } = c;
  const u = units[k];
  if (u.kind === 'vg' && !u.breakAfter) {
    // "denied selling weapons", "explored obtaining weaponry": the verb's subject does it.
    return controlled(c, vi, p, 'subject.gerund-complement');
  }
  if (u.kind === 'np' && !u.breakAfter) {
    // "containers (being) sent from North Korea": a reduced relative about the noun before it.
    p.rules.push('subject.reduced-relative');
    const owner = c.props.findIndex((q) => [q.object, q.object2, ...q.obliques.map((o) => o.arg)].some((a) => a && a.start <= u.start && a.end >= u.end));
    const embedder = owner >= 0 ? owner : c.props.length - 1;
    if (embedder >= 0) p.embeddedIn = embedder;
    return npWithModifiers(c, k);
  }
  if (u.breakAfter.includes(',') && c.props.length) {
    // ", even using drones to attack …": an adverbial participle shares the main clause's subject.
    const prev = c.props[c.props.length - 1];
    p.rules.push('subject.participle');
    p.governedBy = c.props.length - 1;
    p.subjectShared = true;
    return prev.agent ?? prev.subject;
  }
  return null;
}

function findSubject(c: Ctx, vi: number, p: Proposition): Arg | undefined {
  const { units, words } = c;
  let k = vi - 1;
  while (k >= 0 && isAdv(words, units[k]) && !units[k].breakAfter) k--;
  if (k < 0) return undefined;
  const u = units[k];
  if (u.kind === 'to') return controlled(c, vi, p, 'subject.control');
  if (u.kind === 'prep' && words[units[vi].head].form === 'gerund') {
    // "accused Russia of buying": the object does it; "violated sanctions by providing", "after meeting": the subject does.
    const prep = words[u.start].norm;
    return controlled(c, vi, p, MEANS_PREPOSITIONS.has(prep) ? 'subject.means' : OBJECT_CONTROL_PREPOSITIONS.has(prep) ? 'subject.gerund' : 'subject.gerund-adverbial');
  }
  if (!isFinite(words, units[vi]) && words[units[vi].head].tag === 'verb') {
    const r = nonFiniteSubject(c, vi, k, p);
    if (r !== null) return r;
  }
  if (u.kind === 'sub' && RELATIVE.has(words[u.start].norm)) {
    const j = k - 1;
    if (j >= 0 && c.units[j].kind === 'np') {
      p.rules.push('subject.relative');
      return npWithModifiers(c, j);
    }
    return undefined;
  }
  if (u.kind === 'np' && !HARD_BREAK.test(u.breakAfter)) {
    if (u.breakAfter.includes(',')) {
      const j = beforeAppositive(c, k);
      if (j >= 0) {
        // The subject spans the aside too ("A Tampa massage therapist, Jasmine Tridevil,"): a name in either counts.
        p.rules.push('subject.appositive');
        const a = npWithModifiers(c, j);
        return { ...a, end: u.end };
      }
      // "In March, Russia said": the comma closes a fronted phrase, not the subject;
      // "… and, in return, is supplying": a coordinated verb after a fronted phrase.
      return coordinatedSubject(c, vi, p);
    }
    // An NP that is the object of a preposition modifies the NP before it.
    if (k - 1 >= 0 && units[k - 1].kind === 'prep' && words[units[k - 1].start].norm !== 'of') {
      if (k - 2 >= 0 && units[k - 2].kind === 'np' && !units[k - 2].breakAfter) {
        p.rules.push('subject.np-with-pp');
        return { start: units[k - 2].start, end: u.end, head: units[k - 2].head };
      }
      return undefined;
    }
    const outer = outsideRelative(c, k);
    if (outer >= 0) {
      p.rules.push('subject.past-relative-clause');
      return npWithModifiers(c, outer);
    }
    p.rules.push('subject.nearest-np');
    return npWithModifiers(c, k);
  }
  return coordinatedSubject(c, vi, p);
}

/**
 * "The woman who claimed to have a third breast has admitted …": the NP next
 * to the verb sits inside a relative clause; the subject is the NP the
 * relative pronoun hangs on. Returns that NP's unit index, or -1.
 */
function outsideRelative(c: Ctx, k: number): number {
  let sawVerb = false;
  for (let j = k - 1; j >= 1; j--) {
    const u = c.units[j];
    if (HARD_BREAK.test(u.breakAfter)) return -1;
    if (u.kind === 'vg') {
      // A verb with its own subject before it starts a new clause: the relative clause ended earlier.
      if (c.units[j - 1].kind === 'np') return -1;
      sawVerb = true;
    } else if (u.kind === 'sub') {
      if (!RELATIVE.has(c.words[u.start].norm)) return -1;
      return sawVerb && c.units[j - 1].kind === 'np' ? j - 1 : -1;
    }
  }
  return -1;
}

/**
 * "Kim is seeking technology and, in return, is supplying munitions":
 * a verb after "and"/"but" (with only fronted phrases between) shares the
 * subject of the verb before the conjunction.
 */
function coordinatedSubject(c: Ctx, vi: number, p: Proposition): Arg | undefined {
  for (let k = vi - 1; k >= 0 && vi - k <= 5; k--) {
    const u = c.units[k];
    if (u.kind === 'vg' || u.kind === 'sub' || HARD_BREAK.test(u.breakAfter)) return undefined;
    if (u.kind === 'conj' && /^(?:and|but|or|yet)$/.test(c.words[u.start].norm)) {
      const prev = coordinatedWith(c, vi);
      if (prev && (prev.agent ?? prev.subject)) {
        p.rules.push('subject.coordinated');
        p.subjectShared = true;
        return prev.passive ? prev.subject : prev.agent ?? prev.subject;
      }
      return undefined;
    }
  }
  return undefined;
}

/**
 * The verb a coordinated verb pairs with: "North Korea stated that the U.S.
 * was spreading rumours and denied …" pairs "denied" with "stated" (both
 * report, both simple past), not with the reported "was spreading".
 */
function coordinatedWith(c: Ctx, vi: number): Proposition | undefined {
  const here = c.words[c.units[vi].head];
  const reporting = REPORTING_VERBS.has(here.lemma) || DENIAL_VERBS.has(here.lemma);
  const finite = isFinite(c.words, c.units[vi]);
  for (let i = c.props.length - 1; i >= 0; i--) {
    const q = c.props[i];
    if (c.unitOf[i] >= vi) continue;
    const qUnit = c.units[c.unitOf[i]];
    const sameShape = isFinite(c.words, qUnit) === finite && c.words[qUnit.head].form === here.form;
    const qReports = REPORTING_VERBS.has(q.verb) || DENIAL_VERBS.has(q.verb);
    if ((reporting && qReports) || (!reporting && sameShape)) return q;
  }
  return previousProp(c, vi);
}

function previousProp(c: Ctx, vi: number): Proposition | undefined {
  for (let i = c.props.length - 1; i >= 0; i--) if (c.unitOf[i] < vi) return c.props[i];
  return undefined;
}

function isReportNoun(w: Word | undefined): boolean {
  return !!w && w.tag === 'noun' && lexicon().lexname(w.lemma, 'n') === 'noun.communication';
}

/** Infinitives and gerunds take their subject from the clause that governs them. */
function controlled(c: Ctx, vi: number, p: Proposition, rule: string): Arg | undefined {
  const prev = previousProp(c, vi);
  if (!prev) return undefined;
  p.rules.push(rule);
  p.governedBy = c.props.lastIndexOf(prev);
  p.subjectShared = true;
  // "urged North Korea to stop", "accused Russia of buying": the object controls; else the subject does.
  // A passive governor's subject is its patient: "North Korea was accused of supplying".
  // "leaned on Iran to supply", "called on Moscow to stop": the "on" phrase controls.
  if (rule === 'subject.means' || rule === 'subject.gerund-adverbial') return prev.agent ?? prev.subject;
  const on = prev.obliques.find((o) => o.prep === 'on' || o.prep === 'upon');
  const controller = prev.passive ? prev.patient : prev.object ?? (rule === 'subject.control' ? on?.arg : undefined);
  // "denied claims of selling arms", "rejected reports of hiding data": a report (WordNet's noun.communication) does
  // not do what it reports; the one who denies or rejects it is the one it is about.
  if (controller && rule === 'subject.gerund' && !prev.passive && isReportNoun(c.words[controller.head])) return prev.agent ?? prev.subject;
  if (controller && (WANTS.has(prev.verb) || ACCUSATION_VERBS.has(prev.verb) || rule === 'subject.gerund' || REPORTING_VERBS.has(prev.verb)
    || (controller === on?.arg))) return controller;
  return prev.agent ?? prev.subject;
}

// ---------- objects and obliques ----------

function findComplements(c: Ctx, vi: number, p: Proposition): void {
  const { units, words } = c;
  let k = vi + 1;
  if (HARD_BREAK.test(units[vi].breakAfter)) return;
  while (k < units.length && isAdv(words, units[k]) && !units[k - 1].breakAfter) k++;
  if (k < units.length && units[k].kind === 'np' && !units[vi].breakAfter.includes(',')) {
    // "claims she had …", "said Russia supplied …": an NP before a finite verb opens a clause; it is not an object.
    const nx = units[k + 1];
    const causative = /^(?:have|get)$/.test(words[units[vi].head].lemma);
    if (nx && nx.kind === 'vg' && !causative && !units[k].breakAfter && words[nx.head].form !== 'gerund' && words[nx.head].form !== 'participle') return;
    p.object = argOf(units[k]);
    if (!units[k].breakAfter && k + 1 < units.length && units[k + 1].kind === 'np') {
      p.object2 = argOf(units[k + 1]);
      k++;
    }
    k++;
  }
  while (k + 1 < units.length && (units[k].kind === 'prep' || units[k].kind === 'to') && units[k + 1].kind === 'np'
    && !HARD_BREAK.test(units[k - 1].breakAfter)) {
    p.obliques.push({ prep: words[units[k].start].norm, arg: argOf(units[k + 1]) });
    if (units[k + 1].breakAfter) break;
    k += 2;
  }
}

// ---------- predicate, voice, modality, polarity ----------

function setPredicate(c: Ctx, vi: number, p: Proposition): void {
  const { words } = c;
  const vg = c.units[vi];
  const head = words[vg.head];
  const auxOnly = head.tag === 'aux';
  if (auxOnly && COPULAS.has(head.lemma)) {
    // "The story is a hoax", "She is fake": the complement is the predicate.
    const comp = p.object;
    const next = c.units[vi + 1];
    if (comp) {
      p.pred = words[comp.head].lemma;
      p.predPos = words[comp.head].tag === 'adj' ? 'a' : 'n';
      p.rules.push('pred.copula');
    } else if (next && next.kind === 'other' && words[next.start].tag === 'adj') {
      p.pred = words[next.start].lemma;
      p.predPos = 'a';
      p.rules.push('pred.copula');
    }
    return;
  }
  if (LIGHT_VERBS.has(head.lemma) && p.object) {
    const obj = words[p.object.head];
    const cls = lexicon().lexname(obj.lemma, 'n');
    // "launched an attack" is the attack; "launched a channel" is a launch.
    const classes = ACT_ONLY_LIGHT_VERBS.has(head.lemma) ? ACT_OBJECT_CLASSES : LIGHT_OBJECT_CLASSES;
    if (obj.tag === 'noun' && classes.has(cls)) {
      p.pred = obj.lemma;
      p.predPos = 'n';
      p.rules.push('pred.light-verb');
    }
  }
}

function setVoice(c: Ctx, vi: number, p: Proposition): void {
  const vg = c.units[vi];
  const { words } = c;
  const head = words[vg.head];
  const hasBe = words.slice(vg.start, vg.head).some((w) => w.tag === 'aux' && (w.lemma === 'be' || w.lemma === 'get'));
  const reduced = p.rules.includes('subject.reduced-relative') && head.form !== 'gerund';
  p.passive = (hasBe || reduced) && head.tag === 'verb' && (head.form === 'participle' || head.form === 'past');
  const prev = previousProp(c, vi);
  if (!p.passive && prev && prev.object && prev.object.end === vg.start && /^(?:have|get)$/.test(prev.verb)
    && (head.form === 'participle' || head.form === 'past')) {
    // "had a third breast implanted": the object of have/get undergoes the event.
    p.rules.push('voice.causative');
    p.passive = true;
    p.subject = prev.object;
  }
  if (p.passive) {
    p.rules.push('voice.passive');
    p.patient = p.subject;
    const by = p.obliques.find((o) => o.prep === 'by');
    if (by) p.agent = by.arg;
  } else {
    p.agent = p.subject;
    p.patient = p.object;
  }
}

function clauseStart(c: Ctx, vi: number): number {
  for (let k = vi - 1; k >= 0; k--) {
    const u = c.units[k];
    if (HARD_BREAK.test(u.breakAfter) || (u.kind === 'sub' && !RELATIVE.has(c.words[u.start].norm))) return k;
    if (u.kind === 'vg') return k + 1;
  }
  return 0;
}

/** "no longer" inside the verb group or right before it ("are no longer talking", "no longer speaks"). */
function negatingAdverbAt(words: Word[], from: number, to: number): boolean {
  for (let i = Math.max(0, from - 2); i < to; i++) {
    if (NEGATING_ADVERBS.some((phrase) => phrase.every((x, k) => words[i + k]?.norm === x) && i + phrase.length <= to)) return true;
  }
  return false;
}

function setModality(c: Ctx, vi: number, p: Proposition, sentenceQuestion: boolean): void {
  const { words, units } = c;
  const vg = units[vi];
  const vgWords = words.slice(vg.start, vg.end);
  const modal = vgWords.find((w) => w.tag === 'modal');
  const cs = clauseStart(c, vi);
  const clauseWords = words.slice(units[cs]?.start ?? 0, vg.end);
  p.negated = vgWords.some((w) => w.tag === 'neg') || negatingAdverbAt(words, vg.start, vg.end)
    || (p.subject !== undefined && /^(?:no|none|nobody|nothing|neither)$/.test(words[p.subject.start].norm))
    || (p.object !== undefined && /^(?:no|none|nothing|neither)$/.test(words[p.object.start].norm));
  if (p.negated) p.rules.push('polarity.negated');
  const governor = previousProp(c, vi);
  const governed = governor && (units[vi - 1]?.kind === 'to' || units[vi - 1]?.kind === 'prep');
  if (sentenceQuestion) {
    p.modality = 'conditional';
    p.rules.push('modality.question');
  } else if (clauseWords.some((w) => w.tag !== 'modal' && CONDITIONALS.has(w.norm))
    || (cs > 0 && CONDITIONALS.has(words[units[cs - 1]?.start ?? 0]?.norm ?? ''))) {
    p.modality = 'conditional';
    p.rules.push('modality.conditional-clause');
  } else if (modal && /^(?:will|shall|wo)$/.test(modal.norm)) {
    p.modality = 'planned';
    p.rules.push('modality.future');
  } else if (modal && EPISTEMIC_MODALS.has(modal.norm)) {
    // "North Korea may be aiding Russia": a possibility put forward, a hedge.
    p.modality = 'hedged';
    p.rules.push('modality.epistemic');
  } else if (modal && CONDITIONALS.has(modal.norm)) {
    p.modality = 'conditional';
    p.rules.push('modality.modal');
  } else if (governed && governor && WANTS.has(governor.verb)) {
    p.modality = 'wanted';
    p.rules.push('modality.wanted');
  } else if (governed && governor && PLANS.has(governor.verb)) {
    p.modality = 'planned';
    p.rules.push('modality.planned');
  } else if (governed && governor && governor.modality !== 'asserted' && governor.modality !== 'hedged') {
    // "would be the place to buy them": a governed verb is no more real than its governor.
    p.modality = governor.modality;
    p.rules.push('modality.inherited');
  } else if (words.slice(units[cs]?.start ?? 0, Math.min(words.length, vg.end + 3)).some((w) => HEDGES.has(w.norm) || HEDGES.has(w.lemma))) {
    p.modality = 'hedged';
    p.rules.push('modality.hedged');
  } else {
    p.modality = 'asserted';
  }
}

// ---------- reported speech ----------

function markReports(c: Ctx, sentenceText: string): void {
  const { props, words, units } = c;
  props.forEach((p, i) => {
    const denial = DENIAL_VERBS.has(p.verb);
    if (ACCUSATION_VERBS.has(p.verb) && !REPORTING_VERBS.has(p.verb)) {
      // "condemned North Korea for supporting Russia": what the accused does is the accuser's claim.
      const governed = props.map((_, j) => j).filter((j) => props[j].governedBy === i);
      if (governed.length) {
        p.reports = 'say';
        for (const j of governed) props[j].reportedBy = i;
        p.rules.push('report.accusation');
      }
      return;
    }
    if (!denial && !REPORTING_VERBS.has(p.verb)) return;
    const vi = c.unitOf[i];
    // ", announced before the market opened,": a participle aside with no subject reports nothing.
    if (!p.subject && !isFinite(words, units[vi])) return;
    const nextReport = props.findIndex((q, j) => j > i && (REPORTING_VERBS.has(q.verb) || DENIAL_VERBS.has(q.verb)));
    const later = props.map((q, j) => j).filter((j) => j > i && (nextReport < 0 || j <= nextReport) && props[j].reportedBy === undefined);
    const earlier = props.map((q, j) => j).filter((j) => j < i && props[j].reportedBy === undefined && props[j].reports === undefined);
    const next = units[vi + 1];
    const opensClause = next && (next.kind === 'sub' || (next.kind === 'np' && !p.passive && npOpensReport(words, units, vi + 1)) || next.kind === 'to' || next.kind === 'vg'
      || (next.kind === 'prep' && words[units[vi].head].form !== 'gerund'));
    const prevUnit = units[vi - 1];
    const trailing = (prevUnit && /[,"”]/.test(prevUnit.breakAfter)) || (vi >= 2 && units[vi - 1].kind === 'np' && /[,"”]/.test(units[vi - 2].breakAfter));
    if (later.length && (opensClause || denial)) {
      p.reports = denial ? 'deny' : 'say';
      for (const j of later) props[j].reportedBy = i;
      p.rules.push(denial ? 'report.denial-content' : 'report.that-clause');
    } else if (trailing && earlier.length) {
      // "The deal is done, the minister said." / "…," said Smith.
      p.reports = denial ? 'deny' : 'say';
      if (!p.subject && next?.kind === 'np') {
        // '…," said TMZ.': the subject follows the verb.
        p.subject = argOf(next);
        p.agent = p.subject;
        p.object = undefined;
        p.patient = undefined;
        p.rules.push('subject.inverted');
      }
      for (const j of earlier) props[j].reportedBy = i;
      p.rules.push('report.trailing');
    } else if (denial) {
      // "Moscow dismissed the reports as false": a denial of something said before.
      p.reports = 'deny';
      p.rules.push('report.anaphoric-denial');
    }
  });
  futureInPast(c);
  const acc = /\baccording to\b/i.exec(sentenceText);
  if (acc) {
    const k = units.findIndex((u) => u.kind === 'prep' && words[u.start].norm === 'to' && u.start > 0 && words[u.start - 1].norm === 'according');
    const np = k >= 0 ? units[k + 1] : undefined;
    if (np && np.kind === 'np') for (const p of props) if (p.reports === undefined) { p.source = argOf(np); p.rules.push('report.according-to'); }
  }
}

/**
 * Does the noun phrase after a reporting verb begin what it reports? "said Russia is supplying …" (the phrase
 * is the reported clause's subject), "told reporters on Tuesday that …" and "told the Times he was …" do;
 * "recalled 380,000 of the fryers after admitting …" does not: when the phrase and its prepositional phrases
 * are followed by an adverbial ("after admitting", "after reports that"), a conjunction or nothing, the phrase
 * is the verb's object, and the verb ("recall") reports nothing. After a passive verb a noun phrase is its
 * complement ("Danescu was declared the winner with 52.4 per cent, just over the 50 per cent he needed"), checked
 * by the caller.
 */
function npOpensReport(words: Word[], units: Unit[], k: number): boolean {
  let j = k + 1;
  while (units[j]?.kind === 'prep' && units[j + 1]?.kind === 'np') j += 2;
  const u = units[j];
  // Not the verb's own complement ("accused North Korea of supplying", "criticised Kim for testing") or a means
  // ("showed its support by acknowledging": what the gerund does is the subject's, rule subject.means).
  const adverbial = u?.kind === 'prep' && units[j + 1]?.kind === 'vg' && !/^(?:of|for|by)$/.test(words[u.start].norm);
  return !(u === undefined || u.kind === 'conj' || adverbial);
}

/**
 * "Solbakk said Kellner would keep its headquarters": "would" under a past reporting verb is the
 * reported "will" (the future seen from the past), a plan, not a condition (rule modality.future-in-past).
 * Not with a condition anywhere in the sentence ("if", "unless", "whether"), not about "any" one, and not
 * under a present report ("says the deal would cost jobs" is a hypothesis).
 */
function futureInPast(c: Ctx): void {
  const { props, words, units } = c;
  props.forEach((p, i) => {
    if (p.reportedBy === undefined || !p.rules.includes('modality.modal')) return;
    const vg = units[c.unitOf[i]];
    if (!words.slice(vg.start, vg.end).some((w) => w.tag === 'modal' && w.norm === 'would')) return;
    const r = props[p.reportedBy];
    if (r.reports !== 'say' || words[r.verbAt].form !== 'past' && words[r.verbAt].form !== 'participle') return;
    // "… would be in breach if they struck a pact", "if the court agrees, … would pay", "any deal would breach …": a hypothesis after all.
    if (words.some((w) => w.tag !== 'modal' && CONDITIONALS.has(w.norm))) return;
    if (p.subject && FREE_CHOICE_DETERMINERS.has(words[p.subject.start].norm)) return;
    const plan = (q: Proposition): void => {
      q.modality = 'planned';
      q.rules.push('modality.future-in-past');
    };
    plan(p);
    // "would keep its headquarters … and continue to sell": a verb coordinated under the same "would" is planned too,
    // unless a condition comes between them.
    const joined = props.filter((q, j) => j > i && q.reportedBy === p.reportedBy && q.rules.includes('subject.coordinated')
      && q.rules.includes('modality.conditional-clause') && !words.slice(p.verbAt + 1, q.verbAt).some((w) => w.tag !== 'modal' && CONDITIONALS.has(w.norm)));
    joined.forEach(plan);
    // What they govern ("continue to sell") is only as real as they are.
    for (const q of props) if (q.governedBy !== undefined && [p, ...joined].includes(props[q.governedBy]) && q.rules.includes('modality.inherited')) q.modality = 'planned';
  });
}

/** Propositions of one sentence's words (tagged by tagger.ts). */
export function propositions(words: Word[], sentenceText = ''): Proposition[] {
  const units = chunk(words);
  const c: Ctx = { words, units, props: [], unitOf: [] };
  const question = /\?\s*["'”’]?\s*$/.test(sentenceText);
  units.forEach((u, vi) => {
    if (u.kind !== 'vg') return;
    const head = words[u.head];
    // "according to": a source marker, not an event.
    if (head.norm === 'according') return;
    const p: Proposition = {
      verbAt: u.head, verb: head.lemma, pred: head.lemma, predPos: 'v', obliques: [], passive: false, negated: false,
      modality: 'asserted', rules: [], clauseStart: u.start,
    };
    p.subject = findSubject(c, vi, p);
    if (p.subject && !p.subjectShared && p.clauseStart === u.start) {
      // A relative clause starts at its pronoun, after the noun it hangs on; otherwise at the subject.
      p.clauseStart = p.rules.includes('subject.relative') ? p.subject.end : Math.min(p.subject.start, u.start);
    }
    if (units[vi - 1]?.kind === 'to') p.clauseStart = units[vi - 1].start;
    findComplements(c, vi, p);
    setVoice(c, vi, p);
    setPredicate(c, vi, p);
    setModality(c, vi, p, question);
    c.props.push(p);
    c.unitOf.push(vi);
  });
  markReports(c, sentenceText);
  nominalisations(c);
  return c.props;
}

/** Classes of nouns that name events ("acquisition", "delivery", "visit", "sale"): WordNet lexicographer files. */
const EVENT_NOUN_CLASSES = new Set(['noun.act', 'noun.event', 'noun.process']);

/**
 * "Vestrand's acquisition of Kellner", "North Korea's deliveries of shells to
 * Moscow", "the takeover of Kellner by Vestrand": an event noun with its
 * participants is a proposition of its own (rule pred.nominalisation). It
 * inherits the reporting and the modality of the clause it sits in.
 */
function nominalisations(c: Ctx): void {
  const { units, words } = c;
  const L = lexicon();
  const count = c.props.length;
  units.forEach((u, k) => {
    if (u.kind !== 'np') return;
    const head = words[u.head];
    if (head.tag !== 'noun' || !EVENT_NOUN_CLASSES.has(L.lexname(head.lemma, 'n'))) return;
    // The possessor: the words up to a possessive inside the phrase ("Vestrand's").
    let poss = -1;
    for (let i = u.start; i < u.head; i++) if (/['’ʼ]s?$/.test(words[i].text) && words[i].norm !== words[i].text.toLowerCase()) poss = i;
    const pps: Array<{ prep: string; arg: Arg }> = [];
    for (let j = k + 1; j + 1 < units.length && (units[j].kind === 'prep' || units[j].kind === 'to') && units[j + 1].kind === 'np'; j += 2) {
      pps.push({ prep: words[units[j].start].norm, arg: argOf(units[j + 1]) });
      if (units[j + 1].breakAfter) break;
    }
    const of = pps.find((o) => o.prep === 'of');
    const by = pps.find((o) => o.prep === 'by');
    if (poss < 0 && !of) return;
    const agentArg = poss >= 0 ? { start: u.start, end: poss + 1, head: poss } : by?.arg;
    // The clause the phrase sits in: its modality and its reporter carry over.
    const host = c.props.slice(0, count).find((q) => [q.subject, q.object, q.object2, ...q.obliques.map((o) => o.arg)]
      .some((a) => a && a.start <= u.start && a.end >= u.head + 1));
    const p: Proposition = {
      verbAt: u.head, verb: head.lemma, pred: head.lemma, predPos: 'n', obliques: pps.filter((o) => o !== of), passive: false,
      negated: host?.negated ?? false, modality: host?.modality ?? 'asserted', rules: ['pred.nominalisation'], clauseStart: u.start,
      ...(agentArg ? { subject: agentArg, agent: agentArg } : {}), ...(of ? { object: of.arg, patient: of.arg } : {}),
    };
    if (host?.reportedBy !== undefined) p.reportedBy = host.reportedBy;
    else if (host?.reports) p.reportedBy = c.props.indexOf(host);
    c.props.push(p);
    c.unitOf.push(k);
  });
}

