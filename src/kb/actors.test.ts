import { describe, expect, it } from 'vitest';
import { detectMentions } from './actors';

const names = (text: string): string[] => [...new Set(detectMentions(text).map((m) => m.name))];

describe('capitalised sequences', () => {
  it('a closed-class word at a sentence start opens no name', () => {
    const text = 'Was Marco Feliciani right? Whether Marco Feliciani knew is unclear. Marco Feliciani said nothing.';
    expect(names(text).filter((n) => /Feliciani/.test(n))).toEqual(['Marco Feliciani']);
  });
  it('a first word naming a kind of person is the role, not the name ("Singer Maya Lind"), unless compromise reads it as a name', () => {
    const ms = detectMentions('Singer Maya Lind was rescued by a fishing boat on Sunday. Coach Lene Brandt was furious.');
    expect(ms.map((m) => [m.kind, m.name, m.role])).toEqual([['person', 'Maya Lind', 'Singer'], ['person', 'Lene Brandt', 'Coach']]);
    expect(names('Hunter Stockton Thompson wrote the piece.')).toEqual(['Hunter Stockton Thompson']);
  });
  it('a hyphenated descriptor is not part of the name', () => {
    const text = 'Super-agent Marco Feliciani said the offer was higher. Marco Feliciani is based in Milan.';
    expect(names(text).filter((n) => /Feliciani/.test(n))).toEqual(['Marco Feliciani']);
  });
});
