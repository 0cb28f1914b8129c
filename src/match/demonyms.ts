// Demonyms of the KB's countries ("Russian", "North Korean"), from
// world-countries. The KB decides what is highlighted as an actor (it lists a
// demonym as an alias when it wants one); these extra forms only feed claim
// matching, where "the Russian army" is Russia's side of "supplies ... to Russia".
import countries from 'world-countries';
import type { KbActor } from '../kb/types';

const fold = (s: string): string => s.replace(/[’‘]/g, "'").toLowerCase();

let byName: Map<string, string[]> | null = null;

function table(): Map<string, string[]> {
  if (byName) return byName;
  byName = new Map();
  for (const c of countries) {
    const eng = c.demonyms?.eng;
    if (!eng) continue;
    const forms = [...new Set([eng.m, eng.f].filter((x): x is string => !!x))];
    for (const n of [c.name.common, c.name.official, ...c.altSpellings]) byName.set(fold(n), forms);
  }
  return byName;
}

/** Demonyms of a country actor that the KB does not already list as aliases. */
export function extraDemonyms(actor: KbActor): string[] {
  if (actor.kind !== 'country') return [];
  const t = table();
  const have = new Set([actor.name, ...actor.aliases].map(fold));
  for (const n of [actor.name, ...actor.aliases]) {
    const forms = t.get(fold(n));
    if (forms) return forms.filter((f) => !have.has(fold(f)));
  }
  return [];
}
