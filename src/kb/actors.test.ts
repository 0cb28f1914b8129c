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

describe('names in headlines', () => {
  it('a headline name is the actor the body names, and nothing when the body does not name it', async () => {
    const { resolveActors } = await import('./resolve');
    const text = 'Fact check: No, dolphins did not rescue Maya Lind from a shark\n\nThe singer Maya Lind was never attacked, her agent said. Rumours about Piet Ostra are also false.\n\nWho is Karel Danning';
    const { actors, mentions } = resolveActors([{ id: 'd1', mentions: detectMentions(text) }], new Map());
    const lind = actors.find((a) => a.name === 'Maya Lind');
    expect(lind).toBeDefined();
    expect(mentions.get('d1')!.filter((m) => m.actorId === lind!.id).map((m) => m.start)).toContain(text.indexOf('Maya Lind'));
    expect(actors.some((a) => a.name === 'Karel Danning')).toBe(false);
  });
});
