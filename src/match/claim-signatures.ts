// How each KB claim reads to the language layer: the signatures the KB
// builder stored (its best evidence's predicate, roles and content), checked,
// or, for a KB without them, the signature of the claim's own text. Pages'
// sentences are compared with these by the same StatementSimilarity that
// clustered the corpus.

import { fastTagText } from '../lang/fast-tagger';
import { propositions } from '../lang/propositions';
import { splitSentences } from '../lang/sentences';
import { Coreference } from '../kb/coreference';
import type { ResolvedMention } from '../kb/resolve';
import { sentenceStatements, statesNegation, type Statement } from '../kb/statements';
import { daysOf } from '../kb/statement-similarity';
import type { ClaimSignature, Kb, KbClaim } from '../kb/types';

/** A signature in the shape the similarity compares (a statement without a place in a document). */
export type Signature = Pick<Statement, 'pred' | 'preds' | 'roles' | 'terms' | 'actors' | 'docId' | 'sent'> & { theme?: string; negated?: boolean; planned?: boolean; days?: readonly string[] };

const isStr = (v: unknown): v is string => typeof v === 'string';

/** A stored signature, if it is well-formed (an imported KB may carry anything). */
function checked(sig: unknown, claim: KbClaim): Signature | null {
  if (typeof sig !== 'object' || sig === null) return null;
  const s = sig as Partial<ClaimSignature>;
  if (!isStr(s.pred) || !Array.isArray(s.preds) || !s.preds.every(isStr) || typeof s.roles !== 'object' || s.roles === null
    || !Array.isArray(s.terms)) return null;
  const terms: Signature['terms'] = [];
  for (const t of s.terms) {
    if (!Array.isArray(t) || !isStr(t[0]) || !['n', 'v', 'a', 'x'].includes(t[1]) || typeof t[2] !== 'number') return null;
    terms.push({ lemma: t[0], pos: t[1], weight: t[2] });
  }
  const r = s.roles;
  const roles: Signature['roles'] = { others: Array.isArray(r.others) ? r.others.filter(isStr) : [] };
  for (const k of ['agent', 'patient', 'goal', 'source'] as const) if (isStr(r[k])) roles[k] = r[k];
  return {
    pred: s.pred, preds: s.preds, roles, terms, actors: claim.actors, docId: `claim:${claim.id}`, sent: -1,
    ...(isStr(s.theme) ? { theme: s.theme } : {}), ...(s.negated === true ? { negated: true } : {}), ...(s.planned === true ? { planned: true } : {}),
  };
}

/** The signature of a claim's text, for KBs built without signatures. */
function fromText(claim: KbClaim, kb: Kb, mentionsOf: (text: string) => ResolvedMention[]): Signature[] {
  const kinds = new Map(kb.actors.map((a) => [a.id, a.kind]));
  const text = claim.text;
  const mentions = mentionsOf(text);
  const coref = new Coreference(mentions, { kindOf: (id) => kinds.get(id), genderOf: () => undefined });
  const out: Signature[] = [];
  for (const span of splitSentences(text)) {
    const words = fastTagText(span.text).map((w) => ({ ...w, start: w.start + span.start, end: w.end + span.start }));
    const analysis = { span, words, props: propositions(words, span.text) };
    for (const st of sentenceStatements(`claim:${claim.id}`, 0, analysis, coref, { kindOf: (id) => kinds.get(id), nameOf: (id) => id, genderOf: () => undefined }, false)) {
      out.push({
        pred: st.pred, preds: st.preds, roles: st.roles, terms: st.terms, actors: [...new Set([...st.actors, ...claim.actors])], docId: `claim:${claim.id}`, sent: -1,
        ...(st.theme ? { theme: st.theme } : {}), ...(statesNegation(st) ? { negated: true } : {}), ...(st.modality === 'planned' ? { planned: true } : {}),
      });
    }
  }
  return out.slice(0, 2);
}

/** Every claim's signatures, in KB order. */
export function claimSignatures(kb: Kb, mentionsOf: (text: string) => ResolvedMention[]): Signature[][] {
  return kb.claims.map((c) => {
    const stored = Array.isArray(c.signatures) ? c.signatures.map((s) => checked(s, c)).filter((s): s is Signature => !!s) : [];
    const sigs = stored.length ? stored : fromText(c, kb, mentionsOf);
    // A claim dated to a weekday by one telling is dated by all of them ("the launch on Wednesday").
    const days = [...new Set(sigs.flatMap((s) => daysOf(s)))];
    return days.length ? sigs.map((s) => ({ ...s, days })) : sigs;
  });
}
