// Denials and debunks that restate nothing ("It was all a hoax", "Moscow
// dismissed the reports as false") go to the claim their document is about:
// the claim whose content the document covers best, preferring one the
// document itself states. A debunk is an article's frame more often than one
// sentence's negation, so the document, not the sentence, picks the target.

import type { WeightedTerm } from '../lang/terms';
import type { Statement } from './statements';
import type { StatementSimilarity } from './statement-similarity';

/** A sentence or its document must share this much content weight with a claim to debunk it. */
export const DEBUNK_MIN_SHARED = 0.8;
/** Shared weight counts up to this much. */
const SHARED_CAP = 3;
/** Weight of how many documents report a claim, when choosing which claim a debunk answers. */
export const WIDELY_REPORTED = 0.3;
/** Debunk sentences attached per document. */
export const DEBUNKS_PER_DOC = 2;
/** Terms that stand for a claim's content. */
const CLAIM_TERMS = 8;

export interface ClaimDraft {
  members: number[];
  extra: Array<{ statement: number }>;
}

/** A claim's content: its members' terms, the ones most of its documents use first. */
function claimTerms(d: ClaimDraft, st: Statement[]): WeightedTerm[] {
  const docs = new Map<string, { t: WeightedTerm; docs: Set<string> }>();
  for (const m of d.members) {
    for (const t of st[m].terms) {
      const e = docs.get(t.lemma) ?? { t, docs: new Set<string>() };
      e.docs.add(st[m].docId);
      docs.set(t.lemma, e);
    }
  }
  return [...docs.values()].sort((a, b) => b.docs.size * b.t.weight - a.docs.size * a.t.weight || (a.t.lemma < b.t.lemma ? -1 : 1))
    .slice(0, CLAIM_TERMS).map((e) => e.t);
}

/** Σ over the claim's terms of weight × best similarity in the other bag, capped. */
function shared(sim: StatementSimilarity, claim: readonly WeightedTerm[], other: readonly WeightedTerm[]): number {
  let total = 0;
  for (const t of claim) {
    let best = 0;
    for (const o of other) best = Math.max(best, sim.terms.terms(t, o));
    total += t.weight * best;
  }
  return Math.min(SHARED_CAP, total);
}

export function attachDebunks(drafts: ClaimDraft[], st: Statement[], claimed: Set<number>, sim: StatementSimilarity): void {
  const byDoc = new Map<string, number[]>();
  st.forEach((s, i) => { const list = byDoc.get(s.docId); if (list) list.push(i); else byDoc.set(s.docId, [i]); });
  const terms = drafts.map((d) => claimTerms(d, st));
  const docsOf = drafts.map((d) => new Set(d.members.map((m) => st[m].docId)));
  // A claim's own participants: the actors in its statements' roles (not every actor its sentences mention).
  const actorsOf = drafts.map((d) => new Set(d.members.flatMap((m) => st[m].actors)));
  for (const [docId, idx] of byDoc) {
    const debunks = idx.filter((i) => !claimed.has(i) && (st[i].debunks || st[i].anaphoric) && st[i].stance === 'contradicts');
    if (!debunks.length) continue;
    // Only the best match of each claim term counts, so each lemma once; and the document's share of
    // a claim is the same for every debunk in it: computed once per claim.
    const docTerms = [...new Map(idx.flatMap((i) => st[i].terms).map((t) => [`${t.lemma}/${t.pos}`, t])).values()];
    const docActors = new Set(idx.flatMap((i) => st[i].actors));
    const docShared = new Map<number, number>();
    const sharedWithDoc = (k: number): number => {
      let v = docShared.get(k);
      if (v === undefined) docShared.set(k, (v = shared(sim, terms[k], docTerms)));
      return v;
    };
    const perClaim = new Map<number, number>();
    for (const i of debunks) {
      const s = st[i];
      let best = -1;
      let bestScore = 0;
      drafts.forEach((d, k) => {
        const local = docsOf[k].has(docId);
        if (!local && ![...actorsOf[k]].some((a) => docActors.has(a))) return;
        // What the sentence names of the claim counts most; what the whole document names decides between the rest.
        // Shared weight, not a ratio: a one-word claim fully covered says less than a rich one mostly covered.
        const own = shared(sim, terms[k], s.sentenceTerms ?? s.terms);
        const doc = sharedWithDoc(k);
        // Another document's claim needs the debunk to name its content itself, not only the document around it.
        if (local ? Math.max(own, doc) < DEBUNK_MIN_SHARED : own < DEBUNK_MIN_SHARED / 2 || doc < DEBUNK_MIN_SHARED) return;
        // A debunk answers the story's most widely reported claim more often than a detail of it.
        const score = own + 0.5 * doc + (local ? 0.3 : 0) + WIDELY_REPORTED * Math.log2(1 + docsOf[k].size);
        if (score > bestScore) { bestScore = score; best = k; }
      });
      if (best < 0 || (perClaim.get(best) ?? 0) >= DEBUNKS_PER_DOC) continue;
      perClaim.set(best, (perClaim.get(best) ?? 0) + 1);
      drafts[best].extra.push({ statement: i });
      claimed.add(i);
    }
  }
}
