import { describe, expect, it } from 'vitest';
import { propositions } from './propositions';
import { tagText } from './tagger';

const subjects = (s: string): Record<string, string | undefined> => {
  const words = tagText(s);
  const text = (a: { start: number; end: number } | undefined): string | undefined => a && words.slice(a.start, a.end).map((w) => w.text).join(' ');
  return Object.fromEntries(propositions(words, s).map((p) => [p.verb, text(p.agent ?? p.subject)]));
};

describe('clauses joined by ", and"', () => {
  it('a noun phrase with its own tensed verb after ", and" is the subject of a second clause', () => {
    const s = subjects('Kim Jong Un inspected a fruit farm on Tuesday, and Vladimir Putin will address the nation next week.');
    expect(s.inspect).toBe('Kim Jong Un');
    expect(s.address).toBe('Vladimir Putin');
  });
  it('the last conjuncts of a list with an Oxford comma are not split into a clause', () => {
    const s = subjects('Officials said Russia, China, and Iran supplied the parts.');
    expect(s.supply).toMatch(/China and Iran/);
  });
});
