// The incremental KB: one document the reader added, merged into an existing
// KB, and taken out again. Pure and deterministic (no clock, no randomness,
// appends only), so adding a document and removing it gives back the KB
// before it, byte for byte.
//
// The new document goes through the same pipeline as a corpus (buildKb on it
// alone); its actors join existing ones by identity (same id, or same name or
// alias and kind), and each of its claims either restates an existing claim
// (recognised by the matcher on the claim's own quotes, with the stance the
// matcher reads) and becomes evidence on it, or is added as a new claim.
import { buildKb } from './build';
import type { IngestedDoc } from './ingest';
import type { Kb, KbActor, KbClaim, KbDocument, KbEvidence, Stance } from './types';

/** An existing claim a sentence restates, as the matcher reads it. */
export interface Recognised {
  claimId: string;
  stance: Stance;
  score: number;
}

/** Which existing claims a sentence states (the matcher, over the KB before the merge). */
export type Recogniser = (sentence: string) => Recognised[];

/** What a document added to an existing actor: taken away again when the document goes. */
export interface ActorAddition {
  actorId: string;
  aliases: string[];
  ambiguousAliases: string[];
  roles: string[];
  /** The actor had no `ambiguousAliases` field before. */
  createdAmbiguous: boolean;
}

export interface ClaimContribution {
  claimId: string;
  /** Claim text when the document was added. */
  text: string;
  /** True when the document brought a claim the KB did not have. */
  isNew: boolean;
  supports: number;
  contradicts: number;
}

/** What one document brought: kept with it, shown to the reader, and needed to remove it exactly. */
export interface Contribution {
  docId: string;
  claims: ClaimContribution[];
  newActors: string[];
  actorAdditions: ActorAddition[];
}

/** Roles kept per actor: a role list is a summary, not a log of every byline. */
const MAX_ROLES = 8;

const lower = (s: string): string => s.toLowerCase();

/** Lower-cased names an actor can be known by on its own (ambiguous short forms excluded). */
function namesOf(a: KbActor): string[] {
  const amb = new Set((a.ambiguousAliases ?? []).map(lower));
  return [a.name, ...a.aliases].map(lower).filter((n) => !amb.has(n));
}

/** The existing actor a new one is, if any: same id first, then same name or alias and kind. */
function actorMapper(kb: Kb): (a: KbActor) => KbActor | undefined {
  const byId = new Map(kb.actors.map((a) => [a.id, a]));
  const byName = new Map<string, KbActor[]>();
  for (const a of kb.actors) {
    for (const n of new Set(namesOf(a))) byName.set(`${a.kind}\u0000${n}`, [...(byName.get(`${a.kind}\u0000${n}`) ?? []), a]);
  }
  return (a) => {
    const same = byId.get(a.id);
    if (same) return same;
    const found: KbActor[] = [];
    for (const n of namesOf(a)) for (const x of byName.get(`${a.kind}\u0000${n}`) ?? []) if (!found.includes(x)) found.push(x);
    // Several candidates: the best-attested, then the smallest id (deterministic).
    found.sort((x, y) => y.documents.length - x.documents.length || (x.id < y.id ? -1 : 1));
    return found[0];
  };
}

/** New aliases, ambiguous aliases and roles of `fresh` for `old`, in the new actor's order. */
function additionFor(old: KbActor, fresh: KbActor): ActorAddition {
  const known = new Set([old.name, ...old.aliases].map(lower));
  const aliases = [fresh.name, ...fresh.aliases].filter((n) => !known.has(lower(n)) && (known.add(lower(n)), true));
  const knownAmb = new Set((old.ambiguousAliases ?? []).map(lower));
  const ambiguousAliases = (fresh.ambiguousAliases ?? []).filter((n) => aliases.some((x) => lower(x) === lower(n)) && !knownAmb.has(lower(n)));
  const knownRoles = new Set(old.roles.map(lower));
  const room = Math.max(0, MAX_ROLES - old.roles.length);
  const roles = fresh.roles.filter((r) => !knownRoles.has(lower(r)) && (knownRoles.add(lower(r)), true)).slice(0, room);
  return { actorId: old.id, aliases, ambiguousAliases, roles, createdAmbiguous: ambiguousAliases.length > 0 && !old.ambiguousAliases };
}

function withAddition(old: KbActor, add: ActorAddition, docId: string): KbActor {
  const next: KbActor = { ...old, aliases: [...old.aliases, ...add.aliases], roles: [...old.roles, ...add.roles], documents: [...old.documents, docId] };
  if (add.ambiguousAliases.length) next.ambiguousAliases = [...(old.ambiguousAliases ?? []), ...add.ambiguousAliases];
  return next;
}

/** The existing claim a new claim restates, by its quotes, and the stance of each quote toward it. */
function restated(fresh: KbClaim, existing: Map<string, KbClaim>, recognise: Recogniser): { target: string; stances: Map<number, Stance> } | null {
  if (existing.has(fresh.id)) return { target: fresh.id, stances: new Map() };
  const votes = new Map<string, { n: number; best: number; stances: Map<number, Stance> }>();
  fresh.evidence.forEach((e, i) => {
    for (const r of recognise(e.quote)) {
      if (!existing.has(r.claimId)) continue;
      const v = votes.get(r.claimId) ?? { n: 0, best: 0, stances: new Map<number, Stance>() };
      if (!v.stances.has(i)) v.n++;
      v.best = Math.max(v.best, r.score);
      v.stances.set(i, r.stance);
      votes.set(r.claimId, v);
    }
  });
  const ranked = [...votes].sort(([a, x], [b, y]) => y.n - x.n || y.best - x.best || (a < b ? -1 : 1));
  return ranked.length ? { target: ranked[0][0], stances: ranked[0][1].stances } : null;
}

const count = (ev: KbEvidence[], s: Stance): number => ev.filter((e) => e.stance === s).length;

/**
 * Merges one ingested document into `kb`. `recognise` must read sentences
 * against `kb` itself (the matcher built from it). The document's id must be
 * new to the KB (the caller removes an earlier version first).
 */
export function mergeDocument(kb: Kb, doc: IngestedDoc, recognise: Recogniser): { kb: Kb; contribution: Contribution } {
  if (kb.documents.some((d) => d.id === doc.id)) throw new Error(`Document ${doc.id} is already in the knowledge base`);
  const frag = buildKb([doc], { omitText: true });
  const mapActor = actorMapper(kb);
  const idMap = new Map<string, string>();
  const changedActors = new Map<string, KbActor>();
  const additions: ActorAddition[] = [];
  const newActors: KbActor[] = [];
  for (const a of frag.actors) {
    const old = mapActor(a);
    if (!old) {
      newActors.push(a);
      idMap.set(a.id, a.id);
      continue;
    }
    idMap.set(a.id, old.id);
    const base = changedActors.get(old.id);
    if (base) continue; // two new actors are one existing one: the first speaks for both
    const add = additionFor(old, a);
    changedActors.set(old.id, withAddition(old, add, doc.id));
    if (add.aliases.length || add.roles.length || add.ambiguousAliases.length) additions.push(add);
  }
  const remap = (id: string): string => idMap.get(id) ?? id;
  const existing = new Map(kb.claims.map((c) => [c.id, c]));
  const grown = new Map<string, KbEvidence[]>();
  const newClaims: KbClaim[] = [];
  for (const c of frag.claims) {
    const evidence = c.evidence.map((e) => ({ ...e, speaker: e.speaker === null ? null : remap(e.speaker) }));
    const hit = restated(c, existing, recognise);
    if (!hit) {
      newClaims.push({ ...c, actors: [...new Set(c.actors.map(remap))], evidence });
      continue;
    }
    const list = grown.get(hit.target) ?? [];
    evidence.forEach((e, i) => {
      if (list.some((x) => x.start === e.start && x.end === e.end)) return;
      list.push({ ...e, stance: hit.stances.get(i) ?? e.stance });
    });
    grown.set(hit.target, list);
  }
  const docEntry: KbDocument = { ...frag.documents[0] };
  const next: Kb = {
    ...kb,
    documents: [...kb.documents, docEntry],
    actors: [...kb.actors.map((a) => changedActors.get(a.id) ?? a), ...newActors],
    claims: [...kb.claims.map((c) => (grown.has(c.id) ? { ...c, evidence: [...c.evidence, ...grown.get(c.id)!] } : c)), ...newClaims],
  };
  const claims: ClaimContribution[] = [
    ...[...grown].map(([id, ev]) => ({ claimId: id, text: existing.get(id)!.text, isNew: false, supports: count(ev, 'supports'), contradicts: count(ev, 'contradicts') })),
    ...newClaims.map((c) => ({ claimId: c.id, text: c.text, isNew: true, supports: count(c.evidence, 'supports'), contradicts: count(c.evidence, 'contradicts') })),
  ];
  return { kb: next, contribution: { docId: doc.id, claims, newActors: newActors.map((a) => a.id), actorAdditions: additions } };
}

/** `values` without those in `drop` (case-insensitive), unless another document still brings them. */
function without(values: string[], drop: string[], kept: Set<string>): string[] {
  const gone = new Set(drop.map(lower).filter((v) => !kept.has(v)));
  return gone.size ? values.filter((v) => !gone.has(lower(v))) : values;
}

function actorWithout(a: KbActor, docId: string, add: ActorAddition | undefined, others: ActorAddition[]): KbActor {
  const next: KbActor = { ...a, documents: a.documents.filter((d) => d !== docId) };
  if (!add) return next;
  const kept = (pick: (x: ActorAddition) => string[]): Set<string> => new Set(others.filter((o) => o.actorId === a.id).flatMap(pick).map(lower));
  next.aliases = without(a.aliases, add.aliases, kept((o) => o.aliases));
  next.roles = without(a.roles, add.roles, kept((o) => o.roles));
  if (a.ambiguousAliases) {
    const amb = without(a.ambiguousAliases, add.ambiguousAliases, kept((o) => o.ambiguousAliases));
    if (amb.length === 0 && add.createdAmbiguous) delete next.ambiguousAliases;
    else next.ambiguousAliases = amb;
  }
  return next;
}

/**
 * Takes a document out: its evidence goes, claims only it carried go, actors
 * only it named go, and what it added to other actors goes unless another
 * added document (`others`, their contributions) brings the same.
 */
export function removeDocument(kb: Kb, contribution: Contribution, others: Contribution[] = []): Kb {
  const { docId } = contribution;
  const adds = new Map(contribution.actorAdditions.map((x) => [x.actorId, x]));
  const otherAdds = others.filter((o) => o.docId !== docId).flatMap((o) => o.actorAdditions);
  const dropped = new Set<string>();
  const actors: KbActor[] = [];
  for (const a of kb.actors) {
    if (!a.documents.includes(docId) && !adds.has(a.id)) {
      actors.push(a);
      continue;
    }
    const next = actorWithout(a, docId, adds.get(a.id), otherAdds);
    // Only the document that was the actor's last one takes the actor with it.
    if (next.documents.length === 0 && a.documents.length > 0) dropped.add(a.id);
    else actors.push(next);
  }
  const claims: KbClaim[] = [];
  for (const c of kb.claims) {
    const touchesActors = c.actors.some((id) => dropped.has(id)) || c.evidence.some((e) => e.speaker !== null && dropped.has(e.speaker));
    if (!touchesActors && !c.evidence.some((e) => e.docId === docId)) {
      claims.push(c);
      continue;
    }
    const evidence = c.evidence
      .filter((e) => e.docId !== docId)
      .map((e) => (e.speaker !== null && dropped.has(e.speaker) ? { ...e, speaker: null } : e));
    if (evidence.length === 0) continue;
    claims.push({ ...c, actors: c.actors.filter((id) => !dropped.has(id)), evidence });
  }
  return { ...kb, documents: kb.documents.filter((d) => d.id !== docId), actors, claims };
}
