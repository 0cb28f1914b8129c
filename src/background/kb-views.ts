// What the cards, the popup search and the library page show, computed from
// the KB. Pure (no browser APIs) so it is tested in Node.
import type { Kb, KbActor, KbClaim, Stance } from '../kb/types';
import type { ClaimSource } from '../match/types';
import type { ActorCardData, ClaimCardData, LibraryData, NoteSummary, SearchHit } from '../shared/messages';
import type { UserDocInfo } from './kb-service';
import { claimDocs, claimTimeline } from './source-views';
import { distinctRoles } from '../shared/distinct-roles';

interface KbIndex {
  actors: Map<string, KbActor>;
  claims: Map<string, KbClaim>;
  titles: Map<string, string>;
  /** actor id → claims where the actor speaks (with the stance) or is named. */
  actorClaims: Map<string, Array<{ id: string; text: string; stance: Stance }>>;
}

const cache = new WeakMap<Kb, KbIndex>();

export function indexKb(kb: Kb): KbIndex {
  const hit = cache.get(kb);
  if (hit) return hit;
  const actors = new Map(kb.actors.map((a) => [a.id, a]));
  const claims = new Map(kb.claims.map((c) => [c.id, c]));
  const titles = new Map(kb.documents.map((d) => [d.id, d.title]));
  const actorClaims = new Map<string, Array<{ id: string; text: string; stance: Stance }>>();
  for (const c of kb.claims) {
    const seen = new Set<string>();
    // Speaking counts first: "the claims they made or denied".
    for (const e of c.evidence) {
      if (!e.speaker || seen.has(e.speaker)) continue;
      seen.add(e.speaker);
      const list = actorClaims.get(e.speaker) ?? [];
      list.push({ id: c.id, text: c.text, stance: e.stance });
      actorClaims.set(e.speaker, list);
    }
  }
  const idx = { actors, claims, titles, actorClaims };
  cache.set(kb, idx);
  return idx;
}

export function claimSources(kb: Kb, claim: KbClaim): ClaimSource[] {
  const { actors, titles } = indexKb(kb);
  return claim.evidence.map((e) => ({
    docId: e.docId,
    title: titles.get(e.docId) ?? e.docId,
    quote: e.quote,
    speaker: e.speaker ? (actors.get(e.speaker)?.name ?? null) : null,
    stance: e.stance,
  }));
}

export function actorCard(kb: Kb, id: string): ActorCardData | null {
  const { actors, actorClaims } = indexKb(kb);
  const a = actors.get(id);
  if (!a) return null;
  return {
    id: a.id,
    name: a.name,
    kind: a.kind,
    // The KB keeps every wording of a role; the reader sees each role once.
    roles: distinctRoles(a.roles),
    aliases: a.aliases.filter((x) => x !== a.name),
    documentCount: a.documents.length,
    claims: actorClaims.get(a.id) ?? [],
  };
}

const speakerOf = (kb: Kb) => (id: string): string | null => indexKb(kb).actors.get(id)?.name ?? null;

export function claimCard(kb: Kb, id: string, notes: NoteSummary[], users: Map<string, UserDocInfo> = new Map()): ClaimCardData | null {
  const c = indexKb(kb).claims.get(id);
  if (!c) return null;
  const sources = claimSources(kb, c);
  return {
    id: c.id,
    text: c.text,
    supports: sources.filter((s) => s.stance === 'supports'),
    contradicts: sources.filter((s) => s.stance === 'contradicts'),
    notes,
    documents: claimDocs(kb, c, users),
    timeline: claimTimeline(kb, c, users, speakerOf(kb)),
  };
}

const fold = (s: string): string => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

/** Every query word must appear; names and aliases rank above claim text. */
export function searchKb(kb: Kb, query: string, limit: number): SearchHit[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const scored: Array<{ hit: SearchHit; score: number }> = [];
  for (const a of kb.actors) {
    const hay = fold([a.name, ...a.aliases, ...a.roles].join(' \u0000 '));
    if (!words.every((w) => hay.includes(w))) continue;
    const exact = a.aliases.some((x) => fold(x) === fold(query)) || fold(a.name) === fold(query);
    scored.push({
      hit: { kind: 'actor', id: a.id, label: a.name, detail: [a.kind, ...a.roles.slice(0, 1)].join(' · ') },
      score: (exact ? 3 : 2) + a.documents.length / 100,
    });
  }
  for (const c of kb.claims) {
    const hay = fold(c.text + ' \u0000 ' + c.evidence.map((e) => e.quote).join(' '));
    if (!words.every((w) => hay.includes(w))) continue;
    // Sources are documents, not quotes.
    const n = new Set(c.evidence.map((e) => e.docId)).size;
    scored.push({
      hit: { kind: 'claim', id: c.id, label: c.text, detail: `${n} source${n === 1 ? '' : 's'}` },
      score: 1 + n / 100,
    });
  }
  scored.sort((x, y) => y.score - x.score || x.hit.label.localeCompare(y.hit.label));
  return scored.slice(0, Math.max(1, limit)).map((s) => s.hit);
}

export function libraryData(kb: Kb, users: Map<string, UserDocInfo> = new Map()): LibraryData {
  const { actors, titles } = indexKb(kb);
  return {
    actors: kb.actors
      .map((a) => actorCard(kb, a.id))
      .filter((a): a is ActorCardData => a !== null)
      .sort((x, y) => y.documentCount - x.documentCount || x.name.localeCompare(y.name)),
    claims: kb.claims
      .map((c) => ({
        id: c.id,
        text: c.text,
        actors: c.actors.map((id) => actors.get(id)?.name ?? id),
        evidence: c.evidence.map((e) => ({
          ...e,
          title: titles.get(e.docId) ?? e.docId,
          speakerName: e.speaker ? (actors.get(e.speaker)?.name ?? null) : null,
          addedByYou: users.has(e.docId),
        })),
        timeline: claimTimeline(kb, c, users, speakerOf(kb)),
      }))
      .sort((x, y) => y.evidence.length - x.evidence.length || x.text.localeCompare(y.text)),
  };
}
