// Statements → claims: average-link clustering over the pairs that share an
// actor, across documents and within them. Each cluster is one claim whose
// evidence is its statements.

import type { Statement } from './statements';
import { StatementSimilarity } from './statement-similarity';

/** Two statements this alike may join one claim (an edge). */
export const EDGE_THRESHOLD = 0.5;
/** Two clusters join when their members are this alike on average (unknown pairs count 0). */
export const MERGE_THRESHOLD = 0.3;
/** An actor named in more statements than this is too common to pair on by itself. */
const BUCKET_CAP = 300;

export interface Cluster {
  members: number[];
}

interface Edge { i: number; j: number; s: number }

function push<K>(m: Map<K, number[]>, k: K, i: number): void {
  const list = m.get(k);
  if (list) list.push(i);
  else m.set(k, [i]);
}

/**
 * Calls `visit` once for each pair of statements worth comparing: they share an actor (and, for very
 * common actors, a content term too), or one names no actor and they share a rare content word.
 * Pairs are not stored: a pair reachable through several buckets is visited only from the first of
 * them (the smallest shared actor, then the smallest shared term), so memory stays linear in the
 * statements however many pairs there are.
 */
function forEachCandidate(st: Statement[], visit: (i: number, j: number) => void): void {
  const byActor = new Map<string, number[]>();
  st.forEach((s, i) => { for (const a of new Set(s.actors)) push(byActor, a, i); });
  const small = (a: string): boolean => (byActor.get(a)?.length ?? 0) <= BUCKET_CAP;
  const pairTerms = (s: Statement, min: number): Set<string> => new Set(s.terms.filter((t) => t.weight >= min).map((t) => t.lemma));
  const sharedActors = (i: number, j: number): string[] => st[i].actors.filter((a) => st[j].actors.includes(a));
  // Route 1: a shared actor named in few statements; the pair belongs to the smallest such actor.
  for (const [actor, list] of byActor) {
    if (list.length > BUCKET_CAP) continue;
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const first = sharedActors(list[x], list[y]).filter(small).sort()[0];
        if (first === actor) visit(list[x], list[y]);
      }
    }
  }
  // Route 2: actors too common to pair on alone, through a content term as well; only pairs route 1 missed.
  const termsOf = new Map<number, Set<string>>();
  const termsAt = (i: number, min: number): Set<string> => {
    const k = min === 0.3 ? i : -1 - i;
    let v = termsOf.get(k);
    if (!v) termsOf.set(k, (v = pairTerms(st[i], min)));
    return v;
  };
  const bigByTerm = new Map<string, Map<string, number[]>>();
  for (const [actor, list] of byActor) {
    if (list.length <= BUCKET_CAP) continue;
    const byTerm = new Map<string, number[]>();
    for (const i of list) for (const t of termsAt(i, 0.3)) push(byTerm, t, i);
    bigByTerm.set(actor, byTerm);
  }
  const firstRoute = (i: number, j: number, actors: string[]): string | undefined => {
    const tj = termsAt(j, 0.3);
    const terms = [...termsAt(i, 0.3)].filter((t) => tj.has(t)).sort();
    for (const a of actors.sort()) {
      const t = terms.find((x) => (bigByTerm.get(a)?.get(x)?.length ?? Infinity) <= BUCKET_CAP);
      if (t !== undefined) return `${a}\u0000${t}`;
    }
    return undefined;
  };
  for (const [actor, byTerm] of bigByTerm) {
    for (const [term, sub] of byTerm) {
      if (sub.length > BUCKET_CAP) continue;
      const here = `${actor}\u0000${term}`;
      for (let x = 0; x < sub.length; x++) {
        for (let y = x + 1; y < sub.length; y++) {
          const shared = sharedActors(sub[x], sub[y]);
          if (shared.some(small)) continue;
          if (firstRoute(sub[x], sub[y], shared) === here) visit(sub[x], sub[y]);
        }
      }
    }
  }
  // Route 3: statements that name no actor meet others through a rare content word.
  const byTerm = new Map<string, number[]>();
  st.forEach((_, i) => { for (const t of termsAt(i, 0.6)) push(byTerm, t, i); });
  for (const [term, list] of byTerm) {
    if (list.length > BUCKET_CAP) continue;
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const i = list[x];
        const j = list[y];
        if (st[i].actors.length && st[j].actors.length) continue;
        const tj = termsAt(j, 0.6);
        const firstTerm = [...termsAt(i, 0.6)].filter((t) => tj.has(t) && (byTerm.get(t)?.length ?? 0) <= BUCKET_CAP).sort()[0];
        if (firstTerm === term) visit(i, j);
      }
    }
  }
}

export function clusterStatements(st: Statement[], sim = new StatementSimilarity()): { clusters: Cluster[]; pairScore: (i: number, j: number) => number } {
  const scores = new Map<number, number>();
  const key = (i: number, j: number): number => (i < j ? i * st.length + j : j * st.length + i);
  const edges: Edge[] = [];
  forEachCandidate(st, (i, j) => {
    // Debunks ("the surgery is a fake") do not shape claims: they are attached to the claim they debunk afterwards.
    if (st[i].debunks || st[j].debunks) return;
    const s = sim.compare(st[i], st[j]).score;
    if (s <= 0) return;
    scores.set(key(i, j), s);
    if (s >= EDGE_THRESHOLD) edges.push({ i, j, s });
  });
  edges.sort((a, b) => b.s - a.s || a.i - b.i || a.j - b.j);
  const owner = st.map((_, i) => i);
  const members = new Map<number, number[]>(st.map((_, i) => [i, [i]]));
  const find = (i: number): number => {
    while (owner[i] !== i) { owner[i] = owner[owner[i]]; i = owner[i]; }
    return i;
  };
  const pairScore = (i: number, j: number): number => scores.get(key(i, j)) ?? 0;
  for (const e of edges) {
    const a = find(e.i);
    const b = find(e.j);
    if (a === b) continue;
    const ma = members.get(a)!;
    const mb = members.get(b)!;
    // Two propositions of one sentence never sit on one claim.
    if (ma.some((x) => mb.some((y) => st[x].docId === st[y].docId && st[x].sent === st[y].sent))) continue;
    let total = 0;
    for (const x of ma) for (const y of mb) total += pairScore(x, y);
    if (total / (ma.length * mb.length) < MERGE_THRESHOLD) continue;
    owner[b] = a;
    members.set(a, [...ma, ...mb]);
    members.delete(b);
  }
  const clusters = [...members.values()].map((m) => ({ members: m.sort((x, y) => x - y) }));
  clusters.sort((a, b) => a.members[0] - b.members[0]);
  return { clusters, pairScore };
}
