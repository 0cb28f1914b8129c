// Claim profiles and the inverted indexes that find candidate claims for a
// sentence. Built once per KB; looking a sentence up costs the length of the
// postings it touches, so page cost grows with the page and barely with the KB.
import type { Kb } from '../kb/types';
import { pieces, type ActorAutomaton } from './actor-automaton';
import { denialCue } from '../nlp/stance';
import type { TermExtractor } from './terms';

export interface ClaimProfile {
  index: number;
  /** Claim actors as indexes into kb.actors, subject first. */
  actors: number[];
  /** Concepts of the canonical claim text (and `terms`), weight = idf. */
  core: Map<string, number>;
  /** Concepts of the evidence quotes only: half weight, scaled by how many quotes use them. */
  bonus: Map<string, number>;
  /** Sum of core weights: the mass a sentence must cover. */
  coreMass: number;
  /** Core as parallel arrays (hot loop): concept, weight, converse concept or null. */
  coreTerms: string[];
  coreWeights: number[];
  coreConverse: (string | null)[];
  /** Every concept the claim explains: core, converse of core, evidence words. */
  known: Set<string>;
  /** Tie-breaker: how well attested the claim is (more quotes, more canonical). */
  attestation: number;
  /** The claim itself is a denial ("X denies ..."): a denying sentence then supports it. */
  denial: boolean;
}

export interface ClaimIndex {
  profiles: ClaimProfile[];
  /** core concept → claims (the concept route to candidates). */
  byConcept: Map<string, number[]>;
  /** actor (or the country a person stands for) → claims (the actor route). */
  byActor: Map<number, number[]>;
  /** person actor → country actors named in its roles ("Russian Defense Minister"). */
  proxies: Map<number, number[]>;
  /** Heads of state or government: they and their country stand for each other. */
  heads: Set<number>;
  /** country → its heads of state in the KB. */
  headsOf: Map<number, number[]>;
}

/** Roles whose holder speaks and acts for the whole country. */
const HEAD_ROLE = /\b(?:leader|president|king|queen|emperor|supreme|chairman|dictator|prime minister|premier|head of state)\b/i;

/**
 * Converse predicates: "Russia received shells from North Korea" states
 * "North Korea supplies shells to Russia" when the recipient is named first.
 */
export const CONVERSE: ReadonlyMap<string, string> = new Map([['supply', 'acquire'], ['acquire', 'supply']]);

function push<K>(m: Map<K, number[]>, k: K, v: number): void {
  const list = m.get(k);
  if (!list) m.set(k, [v]);
  else if (list[list.length - 1] !== v) list.push(v);
}

/** A person stands for the country their role names, for claims about that country. */
function buildProxies(kb: Kb, automaton: ActorAutomaton): { proxies: Map<number, number[]>; heads: Set<number> } {
  const out = new Map<number, number[]>();
  const heads = new Set<number>();
  kb.actors.forEach((a, i) => {
    if (a.kind !== 'person' || a.roles.length === 0) return;
    const countries = new Set<number>();
    for (const role of a.roles) {
      for (const c of automaton.scan(role)) if (kb.actors[c.actorIndex].kind === 'country') countries.add(c.actorIndex);
    }
    if (countries.size === 0) return;
    out.set(i, [...countries]);
    if (a.roles.some((r) => HEAD_ROLE.test(r) && !/\bvice\b/i.test(r))) heads.add(i);
  });
  return { proxies: out, heads };
}

export function buildClaimIndex(kb: Kb, automaton: ActorAutomaton, terms: TermExtractor): ClaimIndex {
  const actorIndex = new Map(kb.actors.map((a, i) => [a.id, i]));
  const { proxies, heads } = buildProxies(kb, automaton);
  const countryOf = (a: number): number[] => proxies.get(a) ?? [];
  // Exactly the page's path (same pieces, same actor skipping), so claim and page concepts agree.
  const textConcepts = (text: string): Set<string> => {
    const ps = pieces(text);
    const keys = ps.map((p) => p.text.toLowerCase());
    return terms.ofPieces(ps, keys, 0, ps.length, automaton.scan(text, ps, keys));
  };

  // First pass: raw concept sets, to get document frequencies for idf.
  const raw = kb.claims.map((c) => {
    // Core = the canonical wording only. `terms` (when the builder gives them)
    // pool every quote's words, so they count like evidence words, not core.
    const core = textConcepts(c.text);
    const counts = new Map<string, number>();
    for (const e of c.evidence) for (const x of textConcepts(e.quote)) counts.set(x, (counts.get(x) ?? 0) + 1);
    for (const t of c.terms ?? []) for (const x of textConcepts(t)) if (!counts.has(x)) counts.set(x, 1);
    return { core, counts };
  });
  const df = new Map<string, number>();
  for (const r of raw) for (const t of r.core) df.set(t, (df.get(t) ?? 0) + 1);
  const n = kb.claims.length;
  // Floor of 1 so a concept shared by every claim still counts for something.
  const idf = (t: string): number => Math.max(1, Math.log(1 + n / (1 + (df.get(t) ?? 0))));

  const byConcept = new Map<string, number[]>();
  const byActor = new Map<number, number[]>();
  const profiles = kb.claims.map((c, index): ClaimProfile => {
    const actors = c.actors.map((id) => actorIndex.get(id)).filter((x): x is number => x !== undefined);
    const core = new Map<string, number>();
    const nq = Math.max(1, c.evidence.length);
    const counts = raw[index].counts;
    // A core concept the quotes rarely use is a weak part of the wording
    // (a generated verb like "pursue"): weight by the quotes' support.
    for (const t of raw[index].core) core.set(t, idf(t) * (0.5 + 0.5 * Math.min(1, (counts.get(t) ?? 0) / nq)));
    const bonus = new Map<string, number>();
    // Evidence words: half weight once two quotes use them, a quarter for one,
    // so a one-quote claim does not own every word of its single sentence.
    for (const [t, k] of counts) if (!core.has(t)) bonus.set(t, 0.5 * idf(t) * Math.min(1, k / 2));
    let coreMass = 0;
    for (const w of core.values()) coreMass += w;
    for (const t of core.keys()) push(byConcept, t, index);
    for (const a of actors) {
      push(byActor, a, index);
      // A head of state's claims are also reachable from their country's name.
      if (heads.has(a)) for (const p of countryOf(a)) push(byActor, p, index);
    }
    const supporting = c.evidence.filter((e) => e.stance === 'supports');
    const denyingQuotes = supporting.filter((e) => denialCue(e.quote).denies).length;
    const denial = denialCue(c.text).denies || (supporting.length > 0 && denyingQuotes * 2 > supporting.length);
    const coreTerms = [...core.keys()];
    const coreConverse = coreTerms.map((t) => CONVERSE.get(t) ?? null);
    const known = new Set([...coreTerms, ...bonus.keys(), ...coreConverse.filter((x): x is string => x !== null)]);
    return {
      index, actors, core, bonus, coreMass, denial, attestation: Math.log1p(c.evidence.length),
      coreTerms, coreWeights: coreTerms.map((t) => core.get(t) ?? 0), coreConverse, known,
    };
  });
  const headsOf = new Map<number, number[]>();
  for (const h of heads) for (const c of countryOf(h)) push(headsOf, c, h);
  return { profiles, byConcept, byActor, proxies, heads, headsOf };
}
