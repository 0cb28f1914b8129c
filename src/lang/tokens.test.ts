import { describe, expect, it } from 'vitest';
import { tokenize } from './tokens';

describe('tokenize', () => {
  it('keeps hyphenated words, apostrophes, acronyms and numbers', () => {
    const t = 'Kim Jong-un’s U.S. visit: over 1,000 containers, 3.5% more, don\'t.';
    const toks = tokenize(t);
    expect(toks.map((x) => x.text)).toEqual(['Kim', 'Jong-un’s', 'U.S.', 'visit', 'over', '1,000', 'containers', '3.5%', 'more', "don't"]);
    for (const k of toks) expect(t.slice(k.start, k.end)).toBe(k.text);
  });
  it('normalises case, curly quotes and possessives', () => {
    const toks = tokenize('Russia’s Kirby\'s PEOPLE’S');
    expect(toks.map((x) => x.norm)).toEqual(['russia', 'kirby', 'people']);
  });
});

describe('tokenize: real-world apostrophes and abbreviations', () => {
  it('reads a modifier-letter apostrophe as a possessive (Russiaʼs)', () => {
    const toks = tokenize('Russiaʼs war');
    expect(toks.map((x) => x.norm)).toEqual(['russia', 'war']);
  });
  it('splits a dotted initial glued to a name (N.Korea)', () => {
    const toks = tokenize('N.Korea fired');
    expect(toks.map((x) => x.text)).toEqual(['N.', 'Korea', 'fired']);
  });
  it('keeps a plural possessive apostrophe but not a closing quote', () => {
    expect(tokenize("the countries' talks").map((x) => x.text)).toEqual(['the', 'countries\'', 'talks']);
    expect(tokenize("called it 'fake'").map((x) => x.text)).toEqual(['called', 'it', 'fake']);
  });
});
