import { describe, expect, it } from 'vitest';
import type { KbActor } from '../kb/types';
import { ActorAutomaton, isAmbiguousAlias } from './actor-automaton';

const actor = (id: string, name: string, kind: KbActor['kind'], aliases: string[], extra: Partial<KbActor> = {}): KbActor => ({
  id, name, kind, aliases, roles: [], documents: [], ...extra,
});

const ACTORS: KbActor[] = [
  actor('nk', 'North Korea', 'country', ['DPRK', 'Pyongyang', 'North Korean', "Democratic People's Republic of Korea"]),
  actor('sk', 'South Korea', 'country', ['Seoul']),
  actor('kor', 'Korea', 'place', []),
  actor('us', 'United States', 'country', ['U.S.', 'US', 'Washington']),
  actor('kim', 'Kim Jong Un', 'person', ['Kim Jong-un', 'Kim']),
  actor('wagner', 'Wagner Group', 'organization', ['Wagner']),
  actor('nato', 'NATO', 'organization', []),
  actor('ru', 'Russia', 'country', ['Moscow', 'Russian', 'Kremlin']),
];

const auto = new ActorAutomaton(ACTORS);
const found = (text: string): string[] =>
  auto.scan(text).map((c) => `${ACTORS[c.actorIndex].id}:${c.text}${c.ambiguous ? '?' : ''}`);

describe('ActorAutomaton', () => {
  it('prefers the longest alias', () => {
    expect(found('North Korea and South Korea met in Korea.')).toEqual(['nk:North Korea', 'sk:South Korea', 'kor:Korea']);
    expect(found("The Democratic People’s Republic of Korea said")).toEqual(["nk:Democratic People’s Republic of Korea"]);
  });

  it('matches whole words only', () => {
    expect(found('Koreans and Russians; Moscowitz; USB')).toEqual([]);
  });

  it('resolves possessives and hyphenated forms', () => {
    expect(found("North Korea's missiles, North Korean-made shells, Russia’s war")).toEqual([
      'nk:North Korea', 'nk:North Korean', 'ru:Russia',
    ]);
    expect(found('Kim Jong-Un and Kim Jong Un')).toEqual(['kim:Kim Jong-Un', 'kim:Kim Jong Un']);
  });

  it('keeps acronyms case-exact and names capitalised', () => {
    expect(found('the DPRK and the dprk; U.S. troops; tell us; US officials')).toEqual([
      'nk:DPRK', 'us:U.S.', 'us:US',
    ]);
    expect(found('Nato allies and NATO')).toEqual(['nato:Nato', 'nato:NATO']);
    expect(found('a moscow mule, a russian doll, the Kremlin')).toEqual(['ru:Kremlin']);
    expect(found('NORTH KOREA FIRES MISSILE')).toEqual(['nk:NORTH KOREA']);
  });

  it('does not join words across punctuation', () => {
    expect(found('in the North. Korea is')).toEqual(['kor:Korea']);
  });

  it('flags bare surnames and name fragments as ambiguous', () => {
    expect(found('Kim met Wagner')).toEqual(['kim:Kim?', 'wagner:Wagner?']);
    expect(isAmbiguousAlias(ACTORS[4], 'Kim')).toBe(true);
    expect(isAmbiguousAlias(ACTORS[0], 'Pyongyang')).toBe(false);
    expect(isAmbiguousAlias(actor('x', 'Acme', 'organization', ['Acme Corp'], { ambiguousAliases: ['Acme'] }), 'Acme')).toBe(true);
  });
});

describe('unambiguousAliases', () => {
  it('lets a bare surname the KB vouches for count without the full name on the page', () => {
    const putin = actor('p', 'Vladimir Putin', 'person', ['Putin']);
    expect(isAmbiguousAlias(putin, 'Putin')).toBe(true);
    expect(isAmbiguousAlias({ ...putin, unambiguousAliases: ['Putin'] }, 'Putin')).toBe(false);
    expect(isAmbiguousAlias({ ...putin, ambiguousAliases: ['Putin'], unambiguousAliases: ['Putin'] }, 'Putin')).toBe(true);
  });
});
