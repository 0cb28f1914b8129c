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
