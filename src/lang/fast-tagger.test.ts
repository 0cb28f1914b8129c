import { describe, expect, it } from 'vitest';
import { fastTagText } from './fast-tagger';
import { propositions } from './propositions';

const preds = (s: string): string[] => propositions(fastTagText(s), s).map((p) => p.pred);

describe('fast tagger', () => {
  it('reads a title-case headline as words, not names ("North Korea Ships Artillery Shells to Russia")', () => {
    expect(preds('North Korea Ships Artillery Shells and Rockets to Russia, US Says')).toContain('ship');
    const words = fastTagText('North Korea Ships Artillery Shells and Rockets to Russia, US Says');
    expect(words.find((w) => w.text === 'Russia')?.tag).toBe('propn');
  });
  it('keeps capitals as names in an ordinary sentence', () => {
    const words = fastTagText('Kim Jong Un met Vladimir Putin in Vladivostok on Wednesday.');
    expect(words.filter((w) => w.tag === 'propn').map((w) => w.text)).toEqual(expect.arrayContaining(['Kim', 'Putin', 'Vladivostok']));
  });
  it('takes the word after a subject and its adverbs as the verb ("Germany no longer sells tanks")', () => {
    const words = fastTagText('Germany no longer sells tanks to Saudi Arabia.');
    expect(words.find((w) => w.text === 'sells')?.tag).toBe('verb');
  });
});

describe('fast tagger: a capitalised modifier after a determiner', () => {
  it('"the American claims that …" is a noun phrase, not a subject and its verb', () => {
    const s = 'Pyongyang rejected as “reckless rumours” the American claims that North Korea had been selling arms.';
    expect(fastTagText(s).find((w) => w.text === 'claims')?.tag).toBe('noun');
  });
});

describe('fast tagger: clause structure and spellings the lexicon lacks', () => {
  const tags = (s: string): Record<string, string> => Object.fromEntries(fastTagText(s).map((w) => [w.text, `${w.tag}:${w.lemma}`]));
  it('a plural right after a noun, once the clause has its verb, closes the noun phrase ("obtain additional artillery rounds")', () => {
    expect(tags('Moscow hopes to obtain additional artillery rounds.').rounds).toBe('noun:round');
  });
  it('a reported clause has a verb of its own ("officials said the report shows")', () => {
    expect(tags('Officials said the report shows rising prices.').shows).toBe('verb:show');
  });
  it('a noun-or-verb word before a word that can only be an inflected verb is a noun ("defence minister flew")', () => {
    expect(tags('Russia’s defence minister flew to Pyongyang.').minister).toBe('noun:minister');
  });
  it('reads British doubling as the verb WordNet knows ("funnelling", "labelled")', () => {
    expect(tags('Pyongyang has been quietly funnelling shells to Russia.').funnelling).toBe('verb:funnel');
    expect(tags('The ministry labelled the report a smear.').labelled).toBe('verb:label');
  });
});
