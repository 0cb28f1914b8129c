import { describe, expect, it } from 'vitest';
import type { KbActor } from '../../kb/types';
import { buildMatcher } from '../matcher';

const actor = (id: string, name: string, kind: KbActor['kind'], aliases: string[], extra: Partial<KbActor> = {}): KbActor => ({
  id, name, kind, aliases, roles: [], documents: [], ...extra,
});

// A KB of the shape the builder makes, on no particular story.
const KB = {
  schema: 'claimlens-kb/1' as const, builtAt: '', generator: 'test', documents: [], claims: [],
  actors: [
    actor('us', 'United States', 'country', ['U.S.', 'US', 'America', 'Washington']),
    actor('ru', 'Russia', 'country', ['Moscow', 'Kremlin', 'Russian Federation']),
    actor('kr', 'South Korea', 'country', ['Seoul', 'Blue House', 'Republic of Korea', 'ROK']),
    actor('kp', 'North Korea', 'country', ['Pyongyang', 'DPRK']),
    actor('jp', 'Japan', 'country', ['Tokyo']),
    actor('peskov', 'Dmitry Peskov', 'person', ['Peskov'], { roles: ['Russian Kremlin Press Secretary'], unambiguousAliases: ['Peskov'] }),
    actor('kirby', 'John Kirby', 'person', ['Kirby'], { roles: ['National Security Council spokesman'], unambiguousAliases: ['Kirby'] }),
    actor('nsc', 'National Security Council', 'organization', []),
    actor('putin', 'Vladimir Putin', 'person', ['Putin'], { roles: ['Russian President'], unambiguousAliases: ['Putin'] }),
    actor('kim', 'Kim Jong Un', 'person', ['Kim'], { ambiguousAliases: ['Kim'] }),
  ],
};
const m = buildMatcher(KB);
const found = (...blocks: string[]): string[] => m.annotateBlocks(blocks).flatMap((b) => b.actors.map((a) => `${a.actorId}:${a.text}`));

describe('a place name inside a larger name is not the place', () => {
  it('newspapers, companies, continents, banks, people', () => {
    expect(found('The Washington Post and The Moscow Times reported it.')).toEqual([]);
    expect(found('Yahoo Japan and U.S. Games Systems, Inc. grew in North America and South America.')).toEqual([]);
    expect(found('The Bank of Japan met. Kim Kardashian and Alex Kirby spoke.')).toEqual([]);
  });

  it('but not titles, the actor’s own given names and initials, or adjacent actors', () => {
    expect(found('President Vladimir V. Putin said U.S. President Biden and Russia Japan talks failed.')).toEqual([
      'putin:Vladimir V. Putin', 'us:U.S.', 'ru:Russia', 'jp:Japan',
    ]);
  });

  it('currencies and bracketed qualifiers', () => {
    expect(found('It cost US$5 billion, or 4 US dollars a share. Language: English (US).')).toEqual([]);
    expect(found("The Republic of Korea (ROK) said")).toEqual(['kr:Republic of Korea', 'kr:ROK']);
  });

  it('headlines in Title Case or capitals', () => {
    expect(found('Russia Says It Will Respond To Sanctions')).toEqual(['ru:Russia']);
    expect(found('Is North Korea Secretly Arming Russia In Japan Conflict?')).toEqual(['kp:North Korea', 'ru:Russia', 'jp:Japan']);
    expect(found('Yahoo Japan Shares Jump')).toEqual([]);
    expect(found('Next: South Korea v Japan, 10 June, Seoul World Cup Stadium.')).toEqual(['kr:South Korea', 'jp:Japan']);
  });

  it('hides a country inside the name of one of its institutions, drops a person inside another name', () => {
    expect(found('The U.S. Air Force is conducting drills with Japan.')).toEqual(['jp:Japan']);
  });
});

describe('a capital stands for its government only when it takes part', () => {
  it('acts, receives, is addressed', () => {
    expect(found('Moscow denied it. Pyongyang has repeatedly sent shells to Moscow. The Kremlin dismissed the claim.')).toEqual([
      'ru:Moscow', 'kp:Pyongyang', 'ru:Moscow', 'ru:Kremlin',
    ]);
    expect(found('Washington urged Seoul to act, officials in Pyongyang said, according to Tokyo.')).toEqual([
      'us:Washington', 'kr:Seoul', 'kp:Pyongyang', 'jp:Tokyo',
    ]);
  });

  it('never as a dateline, a location, a destination or a modifier', () => {
    expect(found('SEOUL, South Korea (AP) — North Korea fired a missile.')).toEqual(['kp:North Korea']);
    expect(found('MOSCOW (AP) — A film festival in Seoul opened at 7:09 a.m. Moscow time.')).toEqual([]);
    expect(found('Tokyo, Nov 5 (Reuters) - Tokyo stocks rose after the minister flew to Washington.')).toEqual([]);
    expect(found('A Blue House compound in Harare was sold. He visited Pyongyang.')).toEqual([]);
  });
});

describe('a bare surname counts only when the page supports that person', () => {
  it('the full name, a role of the person, or an actor of those roles', () => {
    expect(found('Peskov said nothing.')).toEqual([]);
    expect(found('Peskov said nothing.', 'Dmitry Peskov is the spokesman.')).toEqual(['peskov:Peskov', 'peskov:Dmitry Peskov']);
    expect(found('Press secretary Peskov said nothing.')).toEqual(['peskov:Peskov']);
    expect(found('The Kremlin said it. Peskov added more.')).toEqual(['ru:Kremlin', 'peskov:Peskov']);
  });

  it('not a namesake introduced by name, nor an inverted citation name', () => {
    expect(found('Moscow said it. A writer named Peskov disagreed.')).toEqual(['ru:Moscow']);
    expect(found('The National Security Council met.', 'Kirby, Alex (2019). Notes on weather. Kirby, A. and Roe, J.')).toEqual([
      'nsc:National Security Council',
    ]);
  });
});

describe('spellings', () => {
  it('a modifier apostrophe and abbreviated compass words', () => {
    expect(found('Russiaʼs envoy met N.Korea and N. Korea officials.')).toEqual(['ru:Russia', 'kp:N.Korea', 'kp:N. Korea']);
  });
});
