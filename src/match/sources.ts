// The claim card's sources: every evidence quote of the claim with its
// document title and speaker name resolved, corroborating ones first.
import type { Kb, KbClaim } from '../kb/types';
import type { ClaimSource } from './types';

export class SourceResolver {
  private readonly titles: Map<string, string>;
  private readonly names: Map<string, string>;

  constructor(kb: Kb) {
    this.titles = new Map(kb.documents.map((d) => [d.id, d.title]));
    this.names = new Map(kb.actors.map((a) => [a.id, a.name]));
  }

  sources(claim: KbClaim): ClaimSource[] {
    const out = claim.evidence.map((e): ClaimSource => ({
      docId: e.docId,
      title: this.titles.get(e.docId) ?? e.docId,
      quote: e.quote,
      speaker: e.speaker === null ? null : (this.names.get(e.speaker) ?? null),
      stance: e.stance,
    }));
    // Stable: keeps the KB's order within each stance.
    return [...out.filter((s) => s.stance === 'supports'), ...out.filter((s) => s.stance === 'contradicts')];
  }
}
