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

/** Pairs of statements worth comparing: they share an actor (and, for very common actors, a content term too). */
function candidatePairs(st: Statement[]): Array<[number, number]> {
  const byActor = new Map<string, number[]>();
  st.forEach((s, i) => { for (const a of s.actors) push(byActor, a, i); });
  const seen = new Set<number>();
  const out: Array<[number, number]> = [];
  const add = (i: number, j: number): void => {
    const k = i < j ? i * st.length + j : j * st.length + i;
    if (seen.has(k)) return;
    seen.add(k);
    out.push(i < j ? [i, j] : [j, i]);
  };
  for (const [actor, list] of byActor) {
    if (list.length <= BUCKET_CAP) {
      for (let x = 0; x < list.length; x++) for (let y = x + 1; y < list.length; y++) add(list[x], list[y]);
      continue;
    }
    const byTerm = new Map<string, number[]>();
    for (const i of list) for (const t of st[i].terms) if (t.weight >= 0.3) push(byTerm, t.lemma, i);
    for (const sub of byTerm.values()) {
      if (sub.length > BUCKET_CAP) continue;
      for (let x = 0; x < sub.length; x++) for (let y = x + 1; y < sub.length; y++) add(sub[x], sub[y]);
    }
    void actor;
  }
  // Statements that name no actor meet others through a rare content word.
  const byTerm = new Map<string, number[]>();
  st.forEach((s, i) => { for (const t of s.terms) if (t.weight >= 0.6) push(byTerm, t.lemma, i); });
  for (const list of byTerm.values()) {
    if (list.length > BUCKET_CAP) continue;
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) if (!st[list[x]].actors.length || !st[list[y]].actors.length) add(list[x], list[y]);
    }
  }
  return out;
}

export function clusterStatements(st: Statement[], sim = new StatementSimilarity()): { clusters: Cluster[]; pairScore: (i: number, j: number) => number } {
  const scores = new Map<number, number>();
  const key = (i: number, j: number): number => (i < j ? i * st.length + j : j * st.length + i);
  const edges: Edge[] = [];
  for (const [i, j] of candidatePairs(st)) {
    // Debunks ("the surgery is a fake") do not shape claims: they are attached to the claim they debunk afterwards.
    if (st[i].debunks || st[j].debunks) continue;
    const s = sim.compare(st[i], st[j]).score;
    if (s <= 0) continue;
    scores.set(key(i, j), s);
    if (s >= EDGE_THRESHOLD) edges.push({ i, j, s });
  }
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
