// What cards and the library say about sources: each document's site, date
// and whether the reader added it; a claim's timeline; My sources. Pure.
import type { Kb, KbClaim, KbDocument, Stance } from '../kb/types';
import type { AddedSource, ClaimTimeline, SourceDocInfo, SourcesData, TimelineEntry } from '../shared/messages';
import type { UserDocInfo } from './kb-service';
import { hostOf } from './user-sources';

export function docInfo(d: KbDocument, user: UserDocInfo | undefined): SourceDocInfo {
  const date = d.date && !Number.isNaN(Date.parse(d.date)) ? d.date : null;
  return {
    title: d.title,
    site: d.publisher ?? hostOf(d.url) ?? null,
    date,
    url: d.url ?? user?.url ?? null,
    addedByYou: !!user,
    addedAt: user?.addedAt ?? null,
  };
}

/** Infos of the documents a claim cites, by id. */
export function claimDocs(kb: Kb, claim: KbClaim, users: Map<string, UserDocInfo>): Record<string, SourceDocInfo> {
  const byId = new Map(kb.documents.map((d) => [d.id, d]));
  const out: Record<string, SourceDocInfo> = {};
  for (const e of claim.evidence) {
    const d = byId.get(e.docId);
    if (d && !out[e.docId]) out[e.docId] = docInfo(d, users.get(e.docId));
  }
  return out;
}

/**
 * The claim over time: one entry per document and stance, dated documents in
 * date order (first reported first), undated ones apart in KB order; a date
 * is never guessed.
 */
export function claimTimeline(kb: Kb, claim: KbClaim, users: Map<string, UserDocInfo>, speakerName: (id: string) => string | null): ClaimTimeline {
  const docs = claimDocs(kb, claim, users);
  const seen = new Set<string>();
  const entries: TimelineEntry[] = [];
  for (const e of claim.evidence) {
    const key = `${e.docId}\u0000${e.stance}`;
    if (seen.has(key) || !docs[e.docId]) continue;
    seen.add(key);
    const d = docs[e.docId];
    entries.push({
      docId: e.docId,
      title: d.title,
      site: d.site,
      date: d.date,
      stance: e.stance,
      speaker: e.speaker ? speakerName(e.speaker) : null,
      addedByYou: d.addedByYou,
    });
  }
  const dated = entries.filter((x) => x.date).sort((a, b) => Date.parse(a.date!) - Date.parse(b.date!) || a.title.localeCompare(b.title));
  return { dated, undated: entries.filter((x) => !x.date) };
}

/** My sources: every added page with what it carries now, and the rest of the KB's documents apart. */
export function sourcesData(kb: Kb, users: Map<string, UserDocInfo>): SourcesData {
  const carried = new Map<string, Array<{ claimId: string; text: string; stance: Stance; first: boolean }>>();
  for (const c of kb.claims) {
    const docsInOrder = [...new Set(c.evidence.map((e) => e.docId))];
    for (const docId of docsInOrder) {
      const e = c.evidence.find((x) => x.docId === docId)!;
      const list = carried.get(docId) ?? [];
      // The document the claim's first evidence comes from brought it (merges append).
      list.push({ claimId: c.id, text: c.text, stance: e.stance, first: docsInOrder[0] === docId });
      carried.set(docId, list);
    }
  }
  const actorCount = new Map<string, number>();
  for (const a of kb.actors) for (const d of a.documents) actorCount.set(d, (actorCount.get(d) ?? 0) + 1);
  const added: AddedSource[] = [];
  const bundled: SourcesData['bundled'] = [];
  for (const d of kb.documents) {
    const user = users.get(d.id);
    const claims = carried.get(d.id) ?? [];
    if (!user) {
      bundled.push({ id: d.id, title: d.title, site: d.publisher ?? hostOf(d.url), date: d.date ?? null, claims: claims.length });
      continue;
    }
    added.push({
      ...docInfo(d, user),
      id: d.id,
      claims: claims.map(({ claimId, text, stance, first }) => ({ claimId, text, stance, isNew: first })),
      actors: actorCount.get(d.id) ?? 0,
    });
  }
  added.sort((a, b) => (b.addedAt ?? '').localeCompare(a.addedAt ?? ''));
  return { added, bundled };
}
