// Claim profiles and the inverted indexes that find candidate claims for a
// sentence. Built once per KB; looking a sentence up costs the length of the
// postings it touches, so page cost grows with the page and barely with the KB.
import type { Kb } from '../kb/types';
import type { ActorAutomaton } from './actor-automaton';
import { denialCue } from '../nlp/stance';
import { concept, GENERIC_OBJECTS, intentFramed, isConceptGroup, lemma, PREDICATE_CONCEPTS, TRANSFER_CONCEPTS } from '../nlp/lexicon';
import type { TermExtractor } from './terms';

export interface ClaimProfile {
  index: number;
  /** Claim actors as indexes into kb.actors, subject first. */
  actors: number[];
  /** Sum of core weights: the mass a sentence must cover. */
  coreMass: number;
  /**
   * Core = concepts of the canonical claim text, weight = idf, as parallel
   * arrays (hot loop): concept id, weight, converse concept id or -1.
   */
  coreTerms: number[];
  coreWeights: number[];
  coreConverse: number[];
  /**
   * Every concept the claim explains (core, converse of core, evidence words)
   * → its bonus weight: evidence-only words get half weight, scaled by how
   * many quotes use them; core and converse concepts 0.
   */
  known: Map<number, number>;
  /** Tie-breaker: how well attested the claim is (more quotes, more canonical). */
  attestation: number;
  /** The claim itself is a denial ("X denies ..."): a denying sentence then supports it. */
  denial: boolean;
  /**
   * Core concepts that are what the claim is about ("weapon" in "supplies
   * weapons"; concept groups only: a bare lemma may be a light verb like
   * "impose"), and its predicate concepts with their converses ("supply",
   * "acquire"). Empty objects or predicates: no object check.
   */
  objects: number[];
  predicates: number[];
  /**
   * The claim says something changed hands ("supplies", "sent") and is no
   * seek/acquire-intent claim: a sentence that only wants or tries the
   * transfer ("trying to procure shells from") does not state it.
   */
  transfer: boolean;
}

export interface ClaimIndex {
  profiles: ClaimProfile[];
  /** core concept id → claims (the concept route to candidates). */
  byConcept: Map<number, number[]>;
  /** actor (or the country a person stands for) → claims (the actor route). */
  byActor: Map<number, number[]>;
  /** person actor → country actors named in its roles ("Russian Defense Minister"), by actor index. */
  proxies: (number[] | undefined)[];
  /** Heads of state or government (1 by actor index): they and their country stand for each other. */
  isHead: Uint8Array;
  /** country → its heads of state in the KB. */
  headsOf: Map<number, number[]>;
  /**
   * Flat copies for the candidate gates, so a rejected candidate never touches
   * its profile: subject actor per claim (-1 none), and the core concepts of
   * claim i at [coreOff[i], coreOff[i + 1]) with their converses (-1 none).
   */
  subject: Int32Array;
  coreOff: Int32Array;
  coreIds: Int32Array;
  coreConv: Int32Array;
  /** Generic object words ("supplies", "materials", "large"): they name no particular object. */
  neutral: Set<number>;
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
  const textConcepts = (text: string): Set<number> => terms.conceptsOf(text, automaton);

  // First pass: raw concept sets, to get document frequencies for idf.
  const raw = kb.claims.map((c) => {
    // Core = the canonical wording only. `terms` (when the builder gives them)
    // pool every quote's words, so they count like evidence words, not core.
    // Speech acts ("condemns", "urges") are core only when the wording has nothing else.
    const all = textConcepts(c.text);
    const strong = [...all].filter((x) => !terms.weak.has(x));
    const core = new Set(strong.length > 0 ? strong : all);
    const counts = new Map<number, number>();
    for (const e of c.evidence) for (const x of textConcepts(e.quote)) if (!terms.weak.has(x)) counts.set(x, (counts.get(x) ?? 0) + 1);
    for (const t of c.terms ?? []) for (const x of textConcepts(t)) if (!counts.has(x) && !terms.weak.has(x)) counts.set(x, 1);
    return { core, counts };
  });
  const df = new Map<number, number>();
  for (const r of raw) for (const t of r.core) df.set(t, (df.get(t) ?? 0) + 1);
  const n = kb.claims.length;
  // Floor of 1 so a concept shared by every claim still counts for something.
  const idf = (t: number): number => Math.max(1, Math.log(1 + n / (1 + (df.get(t) ?? 0))));
  const converseOf = new Map([...CONVERSE].map(([a, b]) => [terms.idOf(a), terms.idOf(b)]));

  const byConcept = new Map<number, number[]>();
  const byActor = new Map<number, number[]>();
  const profiles = kb.claims.map((c, index): ClaimProfile => {
    const actors = c.actors.map((id) => actorIndex.get(id)).filter((x): x is number => x !== undefined);
    const core = new Map<number, number>();
    const nq = Math.max(1, c.evidence.length);
    const counts = raw[index].counts;
    // A core concept the quotes rarely use is a weak part of the wording
    // (a generated verb like "pursue"): weight by the quotes' support.
    for (const t of raw[index].core) core.set(t, idf(t) * (0.5 + 0.5 * Math.min(1, (counts.get(t) ?? 0) / nq)));
    const bonus = new Map<number, number>();
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
    const coreConverse = coreTerms.map((t) => converseOf.get(t) ?? -1);
    // Core and converse concepts explain without a bonus (adding 0 leaves the sum as it was).
    const known = new Map<number, number>();
    for (const t of coreTerms) known.set(t, 0);
    for (const [t, w] of bonus) known.set(t, w);
    for (const t of coreConverse) if (t >= 0 && !known.has(t)) known.set(t, 0);
    const predicates: number[] = [];
    const objects: number[] = [];
    coreTerms.forEach((t, i) => {
      if (PREDICATE_CONCEPTS.has(terms.names[t]) || terms.weak.has(t)) {
        predicates.push(t);
        if (coreConverse[i] >= 0) predicates.push(coreConverse[i]);
      } else if (isConceptGroup(terms.names[t])) objects.push(t);
    });
    if (predicates.length === 0) objects.length = 0;
    // A transfer claim the corpus itself grounds in wanting or trying ("pursuing
    // a plan to acquire missiles from Iran") is partly an acquire-intent claim.
    const transfer = predicates.some((t) => TRANSFER_CONCEPTS.has(terms.names[t])) && !predicates.some((t) => terms.names[t] === 'seek') &&
      !supporting.some((e) => intentFramed(e.quote));
    return {
      transfer,
      index, actors, coreMass, denial, attestation: Math.log1p(c.evidence.length),
      coreTerms, coreWeights: coreTerms.map((t) => core.get(t) ?? 0), coreConverse, known, objects, predicates,
    };
  });
  const headsOf = new Map<number, number[]>();
  for (const h of heads) for (const c of countryOf(h)) push(headsOf, c, h);
  const proxyList: (number[] | undefined)[] = new Array(kb.actors.length).fill(undefined);
  for (const [a, cs] of proxies) proxyList[a] = cs;
  const isHead = new Uint8Array(kb.actors.length);
  for (const h of heads) isHead[h] = 1;
  const subject = new Int32Array(n).fill(-1);
  const coreOff = new Int32Array(n + 1);
  let total = 0;
  profiles.forEach((p, i) => {
    if (p.actors.length > 0) subject[i] = p.actors[0];
    coreOff[i] = total;
    total += p.coreTerms.length;
  });
  coreOff[n] = total;
  const coreIds = new Int32Array(total);
  const coreConv = new Int32Array(total);
  profiles.forEach((p, i) => {
    coreIds.set(p.coreTerms, coreOff[i]);
    coreConv.set(p.coreConverse, coreOff[i]);
  });
  const neutral = new Set(GENERIC_OBJECTS.map((w) => terms.idOf(concept(lemma(w)))));
  terms.freeze();
  return { profiles, byConcept, byActor, proxies: proxyList, isHead, headsOf, subject, coreOff, coreIds, coreConv, neutral };
}
