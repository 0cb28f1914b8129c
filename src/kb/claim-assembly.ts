// Clusters of statements → KB claims: which clusters are claims, each
// claim's text and actors, its evidence, and the denials and debunks that
// point at it without restating it ("Moscow dismissed the reports as false",
// "It was all a hoax").

import { GENERIC_VERBS } from '../lang/cues';
import { contentId } from './hash';
import { claimText } from './claim-text';
import { EDGE_THRESHOLD } from './claim-cluster';
import { attachDebunks } from './debunk';
import type { Cluster } from './claim-cluster';
import { stanceToward, statesNegation, type Statement } from './statements';
import type { StatementSimilarity } from './statement-similarity';
import type { ClaimSignature, KbClaim, KbEvidence, Stance } from './types';

/** A claim seen in one document only must carry at least this much content weight. */
export const SINGLE_DOC_MIN_WEIGHT = 1.5;
/** A denial or debunk names its target when its content covers this much of the claim's. */
export const DEBUNK_TARGET_MIN = 0.25;

export interface AssembleOptions {
  docText: (docId: string) => string;
  nameOf: (actorId: string) => string;
  docOrder: Map<string, number>;
}

interface Draft {
  members: number[];
  rep: number;
  extra: Array<{ statement: number }>;
}

const weightOf = (s: Statement): number => s.terms.reduce((a, t) => a + t.weight, 0);

/** How much less an event noun's statement counts as a claim's wording than a verb's. */
export const NOMINAL_REP_PENALTY = 0.3;

/** Denials that restate nothing and debunks are evidence against claims, never claims of their own. */
function isClaimLike(s: Statement): boolean {
  return !s.anaphoric && !s.debunks;
}

function strongSingle(s: Statement): boolean {
  return isClaimLike(s) && !!s.roles.agent && !GENERIC_VERBS.has(s.pred) && weightOf(s) >= SINGLE_DOC_MIN_WEIGHT
    && (s.modality === 'asserted' || s.modality === 'hedged');
}

/** Does a clause read as a whole statement (a subject, a verb and something after it, no dangling end)? */
function readable(s: Statement, docText: (id: string) => string): number {
  const clause = docText(s.docId).slice(s.clause.start, s.clause.end);
  // A headline's bare noun phrase ("Coverage of the protests") names a topic, it states nothing.
  if (s.rules.includes('pred.nominalisation') && s.headline) return -1;
  // An event noun ("Despite North Korea's apparent support for Russia, …") is what the sentence takes for granted,
  // not what it says: its sentence is a poor wording of the claim when a member states it with a verb.
  const nominal = s.rules.includes('pred.nominalisation') ? NOMINAL_REP_PENALTY : 0;
  const words = clause.split(/\s+/).length;
  let score = 0;
  if (words >= 5 && words <= 35) score += 0.2;
  if (s.roles.agent && !s.outsideSubject) score += 0.15;
  if (/\b(?:when|and|but|or|that|which|who|because|while|as|to|of|with|the|a|an|too)\W*$/i.test(clause)) score -= 0.4;
  if (/^(?:it|this|that|they|he|she|there)\b/i.test(clause) && !s.references.length) score -= 0.2;
  if (/^["“'‘]|["”'’]$/.test(clause.trim())) score -= 0.1;
  // A claim speaks in the third person: "I was walking …" is a quote, not a claim's wording.
  const sentence = docText(s.docId).slice(s.sentenceBody.start, s.sentenceBody.end);
  if (/(?:^|[\s"“‘])(?:I|I'm|I've|we|We|my|My|our|Our)\b/.test(sentence)) score -= 0.5;
  if (s.sentenceBody.end - s.sentenceBody.start > 180) score -= 0.1;
  // "Vestrand, which has purchased …": a relative clause hangs on a noun, it is not a statement.
  if (/^[^,]{1,60},\s+(?:which|who|whose|whom)\b/i.test(clause)) score -= 0.4;
  return score - nominal;
}

/**
 * The member that best states the claim: it carries the content most of the
 * cluster's documents share, reads as a whole sentence, and supports rather
 * than denies.
 */
function representative(members: number[], st: Statement[], pairScore: (i: number, j: number) => number, docText: (id: string) => string): number {
  const docsWith = new Map<string, Set<string>>();
  for (const m of members) for (const t of st[m].terms) docsWith.set(t.lemma, (docsWith.get(t.lemma) ?? new Set()).add(st[m].docId));
  const nDocs = new Set(members.map((m) => st[m].docId)).size;
  let best = members[0];
  let bestScore = -Infinity;
  for (const m of members) {
    const s = st[m];
    if (!isClaimLike(s)) continue;
    let avg = 0;
    for (const o of members) if (o !== m) avg += pairScore(m, o);
    avg = members.length > 1 ? avg / (members.length - 1) : 0;
    // Shared content: the weight of the member's terms that other documents of the cluster also use.
    const shared = nDocs > 1 ? s.terms.reduce((a, t) => a + ((docsWith.get(t.lemma)?.size ?? 0) > 1 ? t.weight : 0), 0) : 0;
    // A claim is worded as its supporters state it; a denial's wording is a last resort.
    const score = avg + Math.min(1, shared / 2) * 0.5 + readable(s, docText) + (s.stance === 'supports' ? 0.4 : 0)
      + (s.modality === 'asserted' ? 0.05 : 0) - (s.clause.end - s.clause.start > 200 ? 0.1 : 0);
    if (score > bestScore) { bestScore = score; best = m; }
  }
  return best;
}

/** A member's stance toward the claim as its representative words it (a negative claim is supported by negated members). */
const relativeStance = (s: Statement, negative: boolean): Stance => stanceToward(s.stance, negative);

function evidenceOf(s: Statement, stance = s.stance): KbEvidence {
  return { docId: s.docId, quote: s.span.text, start: s.span.start, end: s.span.end, speaker: s.speaker, stance };
}

/** Signatures kept per claim: the representative and the other supporting members that best stand for the rest. */
export const SIGNATURES_PER_CLAIM = 5;

const round = (x: number): number => Math.round(x * 100) / 100;

function signatureOf(s: Statement, negative: boolean): ClaimSignature {
  const roles: ClaimSignature['roles'] = { others: s.roles.others };
  for (const k of ['agent', 'patient', 'goal', 'source'] as const) if (s.roles[k]) roles[k] = s.roles[k];
  return {
    pred: s.pred, preds: s.preds, roles, terms: s.terms.map((t) => [t.lemma, t.pos, round(t.weight)]),
    ...(s.theme ? { theme: s.theme } : {}), ...(negative ? { negated: true as const } : {}),
    ...(s.modality === 'planned' ? { planned: true as const } : {}),
  };
}

function signaturesOf(d: Draft, st: Statement[], pairScore: (i: number, j: number) => number, negative: boolean): ClaimSignature[] {
  // Only members that state the claim as its representative does (directly alike), not every member a chain brought in.
  const others = d.members.filter((m) => m !== d.rep && isClaimLike(st[m]) && relativeStance(st[m], negative) === 'supports' && st[m].terms.length
    && pairScore(m, d.rep) >= EDGE_THRESHOLD);
  const central = (m: number): number => d.members.reduce((a, o) => a + (o === m ? 0 : pairScore(m, o)), 0);
  others.sort((a, b) => central(b) - central(a) || a - b);
  return [d.rep, ...others.slice(0, SIGNATURES_PER_CLAIM - 1)].map((m) => signatureOf(st[m], negative));
}

/**
 * A draft told only by sentences another draft with the same representative
 * sentence also holds is that claim again (two statements of one sentence,
 * "Putin's pursuit of talks with a country like North Korea signifies his
 * desperation"): it joins the other, so no two claims show one sentence.
 */
function mergeRepeats(drafts: Draft[], st: Statement[]): void {
  const key = (m: number): string => `${st[m].docId}:${st[m].span.start}`;
  for (let i = drafts.length - 1; i >= 0; i--) {
    const d = drafts[i];
    const mine = new Set([...d.members, ...d.extra.map((x) => x.statement)].map(key));
    const host = drafts.find((o) => o !== d && key(o.rep) === key(d.rep)
      && [...mine].every((k) => o.members.some((m) => key(m) === k) || o.extra.some((x) => key(x.statement) === k)));
    if (!host) continue;
    host.members = [...new Set([...host.members, ...d.members])];
    host.extra = [...host.extra, ...d.extra.filter((x) => !host.extra.some((y) => y.statement === x.statement))];
    drafts.splice(i, 1);
  }
}

export function assembleClaims(st: Statement[], clusters: Cluster[], pairScore: (i: number, j: number) => number,
  sim: StatementSimilarity, opts: AssembleOptions): KbClaim[] {
  const drafts: Draft[] = [];
  const claimed = new Set<number>();
  for (const c of clusters) {
    const claimLike = c.members.filter((m) => isClaimLike(st[m]));
    if (!claimLike.length) continue;
    const docs = new Set(c.members.map((m) => st[m].docId));
    if (docs.size < 2 && !claimLike.some((m) => strongSingle(st[m]))) continue;
    drafts.push({ members: c.members, rep: representative(c.members, st, pairScore, opts.docText), extra: [] });
    for (const m of c.members) claimed.add(m);
  }
  attachDebunks(drafts, st, claimed, sim);
  const claims: KbClaim[] = [];
  mergeRepeats(drafts, st);
  const usedIds = new Set<string>();
  const usedTexts = new Set<string>();
  for (const d of drafts) {
    const rep = st[d.rep];
    // Two claims told by one sentence ("Putin's pursuit of talks with a country like North Korea signifies his
    // desperation"): the second one gets its own clause, so no two claims read the same.
    let text = claimText(rep, opts.docText(rep.docId), opts.nameOf);
    if (usedTexts.has(text)) text = claimText(rep, opts.docText(rep.docId), opts.nameOf, true);
    usedTexts.add(text);
    const negative = statesNegation(rep);
    const evidence = new Map<string, KbEvidence>();
    for (const m of d.members) {
      const k = `${st[m].docId}:${st[m].span.start}`;
      const prev = evidence.get(k);
      const stance = relativeStance(st[m], negative);
      if (!prev || (prev.stance === 'supports' && stance === 'contradicts')) evidence.set(k, evidenceOf(st[m], stance));
    }
    for (const x of d.extra) {
      const k = `${st[x.statement].docId}:${st[x.statement].span.start}`;
      if (!evidence.has(k)) evidence.set(k, evidenceOf(st[x.statement], 'contradicts'));
    }
    const ev = [...evidence.values()].sort((a, b) => (opts.docOrder.get(a.docId) ?? 0) - (opts.docOrder.get(b.docId) ?? 0) || a.start - b.start);
    const actorCount = new Map<string, number>();
    for (const m of d.members) for (const a of st[m].actors) actorCount.set(a, (actorCount.get(a) ?? 0) + 1);
    const lead = [rep.roles.agent, rep.roles.source, rep.roles.goal, rep.roles.patient].filter((x): x is string => !!x);
    const actors = [...new Set([...lead, ...[...actorCount.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([a]) => a)])];
    let id = contentId('c-', `${text}\u0000${actors.join(',')}`);
    for (let n = 2; usedIds.has(id); n++) id = contentId('c-', `${text}\u0000${actors.join(',')}\u0000${n}`);
    usedIds.add(id);
    claims.push({
      id, text, actors, evidence: ev, terms: [...new Set([rep.pred, ...rep.terms.map((t) => t.lemma)])],
      signatures: signaturesOf(d, st, pairScore, negative),
    });
  }
  return claims;
}
