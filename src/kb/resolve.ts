// Merges per-document mentions into corpus actors: surnames and short forms
// ("Kirby", "Wagner") resolve to the full name in the same document, else to
// the only candidate in the corpus; spelling variants ("Kim Jong-un",
// "Kim Jong Un") share a key. Unresolvable single words are dropped (that is
// what keeps sentence-initial capitals and headline words out).

import type { Mention } from './actors';
import { contentId } from './hash';
import type { ActorKind, KbActor } from './types';

export interface ResolvedMention {
  actorId: string;
  start: number;
  end: number;
  text: string;
  demonym: boolean;
}

interface Acc {
  key: string;
  kind: ActorKind;
  names: Map<string, number>;
  aliases: Map<string, number>;
  ambiguous: Set<string>;
  roles: Map<string, { text: string; n: number }>;
  docs: Set<string>;
  fixedName?: string;
}

const lowTokens = (s: string): string[] => s.toLowerCase().replace(/[’']/g, "'").split(/[\s-]+/).filter(Boolean);

function resolveShort(m: Mention, docFull: Mention[], corpusIndex: Map<string, Mention[]>): Mention | undefined {
  const t = m.text.toLowerCase();
  const match = (c: Mention): boolean => {
    if (c.kind === 'person') {
      const toks = lowTokens(c.name);
      return toks.length >= 2 && (toks[toks.length - 1] === t || toks[0] === t);
    }
    if (c.kind === 'organization') return lowTokens(c.name)[0] === t && lowTokens(c.name).length === 2;
    return false;
  };
  const local = [...new Set(docFull.filter(match).map((c) => c.key))];
  if (local.length === 1) return docFull.find((c) => c.key === local[0]);
  if (local.length > 1) return undefined;
  const pool = corpusIndex.get(t) ?? [];
  const global = [...new Set(pool.filter(match).map((c) => c.key))];
  if (global.length === 1) return pool.find((c) => c.key === global[0]);
  return undefined;
}

function bestName(names: Map<string, number>): string {
  return [...names.entries()].sort((a, b) =>
    b[1] - a[1] || (a[0].includes('-') ? 1 : 0) - (b[0].includes('-') ? 1 : 0) || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))[0][0];
}

export interface ResolveResult {
  actors: KbActor[];
  /** Per document id, resolved mentions in text order. */
  mentions: Map<string, ResolvedMention[]>;
}

export function resolveActors(docs: Array<{ id: string; mentions: Mention[] }>, gazNames: Map<string, string>): ResolveResult {
  // Index full names by first and last token so surname look-ups stay O(1) on large corpora.
  const corpusIndex = new Map<string, Mention[]>();
  const seenKey = new Set<string>();
  for (const d of docs) {
    for (const m of d.mentions) {
      if (m.short || m.tentative || m.kind === 'country' || m.demonym || seenKey.has(m.key)) continue;
      seenKey.add(m.key);
      const toks = lowTokens(m.name);
      for (const t of new Set([toks[0], toks[toks.length - 1]])) corpusIndex.set(t, [...(corpusIndex.get(t) ?? []), m]);
    }
  }
  // Headline names stand for an actor the documents name in running text ("person:talia brook" for "tentative:talia brook").
  const byName = new Map<string, Mention>();
  for (const d of docs) {
    for (const m of d.mentions) {
      if (m.short || m.tentative || m.demonym) continue;
      const name = m.key.slice(m.key.indexOf(':') + 1);
      if (!byName.has(name)) byName.set(name, m);
    }
  }
  const accs = new Map<string, Acc>();
  const perDoc: Array<{ id: string; list: Array<{ key: string; m: Mention; surface: string }> }> = [];
  for (const d of docs) {
    const docFull = d.mentions.filter((m) => !m.short && !m.tentative && m.kind !== 'country');
    const list: Array<{ key: string; m: Mention; surface: string }> = [];
    for (const m of d.mentions) {
      let target: Mention | undefined = m;
      if (m.short) target = resolveShort(m, docFull, corpusIndex);
      else if (m.tentative) target = byName.get(m.key.slice(m.key.indexOf(':') + 1));
      if (!target) continue;
      list.push({ key: target.key, m, surface: m.text });
      let acc = accs.get(target.key);
      if (!acc) {
        acc = { key: target.key, kind: target.kind, names: new Map(), aliases: new Map(), ambiguous: new Set(), roles: new Map(), docs: new Set() };
        if (gazNames.has(target.key)) acc.fixedName = gazNames.get(target.key);
        accs.set(target.key, acc);
      }
      acc.docs.add(d.id);
      if (m.demonym) continue;
      acc.aliases.set(m.text, (acc.aliases.get(m.text) ?? 0) + 1);
      if (m.short) acc.ambiguous.add(m.text);
      else acc.names.set(m.text, (acc.names.get(m.text) ?? 0) + 1);
      if (m.role) {
        const rk = m.role.toLowerCase();
        const r = acc.roles.get(rk) ?? { text: m.role, n: 0 };
        r.n++;
        acc.roles.set(rk, r);
      }
    }
    perDoc.push({ id: d.id, list });
  }
  const idOf = new Map<string, string>();
  const actors: KbActor[] = [];
  for (const acc of [...accs.values()].sort((a, b) => (a.key < b.key ? -1 : 1))) {
    // An actor seen only through demonyms or never by a full name is not an actor.
    if (!acc.names.size) continue;
    const name = acc.fixedName ?? bestName(acc.names);
    const id = contentId('a-', acc.key);
    idOf.set(acc.key, id);
    const aliases = [...acc.aliases.keys()].filter((a) => a !== name).sort();
    const actor: KbActor = {
      id, name, kind: acc.kind, aliases,
      roles: [...acc.roles.values()].sort((a, b) => b.n - a.n || (a.text < b.text ? -1 : 1)).map((r) => r.text),
      documents: [...acc.docs].sort(),
    };
    const amb = [...acc.ambiguous].filter((a) => a !== name).sort();
    if (amb.length) actor.ambiguousAliases = amb;
    actors.push(actor);
  }
  actors.sort((a, b) => b.documents.length - a.documents.length || (a.name < b.name ? -1 : 1));
  const mentions = new Map<string, ResolvedMention[]>();
  for (const d of perDoc) {
    mentions.set(d.id, d.list.filter((x) => idOf.has(x.key)).map((x) => ({
      actorId: idOf.get(x.key)!, start: x.m.start, end: x.m.end, text: x.m.text, demonym: !!x.m.demonym,
    })));
  }
  return { actors, mentions };
}
