// The claim card's sources: every evidence quote of the claim with its
// document title and speaker name resolved, corroborating ones first.
import type { Kb, KbClaim } from '../kb/types';
import type { ClaimSource } from './types';

export class SourceResolver {
  private readonly titles: Map<string, string>;
  private readonly names: Map<string, string>;
  /**
   * A claim's sources never change for a KB, and a page repeats claims: the
   * same frozen array is returned for every match (callers only serialise it).
   */
  private readonly cache = new Map<string, ClaimSource[]>();

  constructor(kb: Kb) {
    this.titles = new Map(kb.documents.map((d) => [d.id, d.title]));
    this.names = new Map(kb.actors.map((a) => [a.id, a.name]));
  }

  sources(claim: KbClaim): ClaimSource[] {
    const hit = this.cache.get(claim.id);
    if (hit) return hit;
    const out = claim.evidence.map((e): ClaimSource => ({
      docId: e.docId,
      title: this.titles.get(e.docId) ?? e.docId,
      quote: e.quote,
      speaker: e.speaker === null ? null : (this.names.get(e.speaker) ?? null),
      stance: e.stance,
    }));
    // Stable: keeps the KB's order within each stance.
    const sorted = [...out.filter((s) => s.stance === 'supports'), ...out.filter((s) => s.stance === 'contradicts')];
    for (const x of sorted) Object.freeze(x);
    this.cache.set(claim.id, sorted);
    return sorted;
  }
}
