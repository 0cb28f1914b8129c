// The toolbar badge: how many distinct known claims the tab's page states, in
// a warning colour when one of them is contradicted (on the page or anywhere
// in the KB). `action.setBadgeText` needs no permission.
import type { Kb, Stance } from '../kb/types';

export const BADGE_COLOURS = { plain: '#2457b8', contested: '#c2410c' } as const;

export interface Badge {
  text: string;
  colour: string;
}

export function badgeFor(claims: ReadonlyArray<{ id: string; stance: Stance }>, kb: Kb): Badge {
  const ids = new Set(claims.map((c) => c.id));
  if (ids.size === 0) return { text: '', colour: BADGE_COLOURS.plain };
  const contradictedInKb = new Set(kb.claims.filter((c) => ids.has(c.id) && c.evidence.some((e) => e.stance === 'contradicts')).map((c) => c.id));
  const contested = claims.some((c) => c.stance === 'contradicts') || contradictedInKb.size > 0;
  return { text: ids.size > 999 ? '999+' : String(ids.size), colour: contested ? BADGE_COLOURS.contested : BADGE_COLOURS.plain };
}
