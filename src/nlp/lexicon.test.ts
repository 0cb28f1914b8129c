import { describe, expect, it } from 'vitest';
import { concept, intentFramed, lemma, STOPWORDS } from './lexicon';

describe('lemma', () => {
  const cases: Record<string, string> = {
    supplied: 'supply', supplies: 'supply', supplying: 'supply', shells: 'shell', delivered: 'deliver',
    sent: 'send', sold: 'sell', met: 'meet', provided: 'provide', visited: 'visit', planned: 'plan',
    called: 'call', denied: 'deny', refuted: 'refute', used: 'use', taking: 'take', missiles: 'missile',
    allegations: 'allegation', boxes: 'box', added: 'add', stated: 'state', received: 'receive',
  };
  for (const [w, l] of Object.entries(cases)) it(`${w} → ${l}`, () => expect(lemma(w)).toBe(l));
  it('leaves non-inflected words alone', () => {
    for (const w of ['news', 'crisis', 'during', 'thing', 'us', 'arms']) expect(lemma(w)).toBe(w);
  });
});

describe('concept', () => {
  it('maps synonyms to shared concepts', () => {
    for (const w of ['supply', 'ship', 'send', 'deliver', 'provide', 'transfer', 'export', 'sell', 'furnish']) {
      expect(concept(w)).toBe('supply');
    }
    for (const w of ['shell', 'ammunition', 'munition', 'arms', 'weapon', 'missile', 'rocket', 'artillery']) {
      expect(concept(w)).toBe('weapon');
    }
    for (const w of ['deny', 'refute', 'reject', 'dismiss']) expect(concept(w)).toBe('deny');
    for (const w of ['buy', 'acquire', 'procure', 'obtain', 'import']) expect(concept(w)).toBe('acquire');
    for (const w of ['meet', 'visit', 'summit']) expect(concept(w)).toBe('meet');
    expect(concept('condemn')).toBe(concept('criticize'));
    expect(concept('accuse')).toBe(concept('allege'));
  });
  it('accepts inflected input and leaves unknown words as themselves', () => {
    expect(concept('supplied')).toBe('supply');
    expect(concept('giraffe')).toBe('giraffe');
  });
  it('has general stopwords', () => {
    expect(STOPWORDS.has('the')).toBe(true);
    expect(STOPWORDS.has('missile')).toBe(false);
  });
});

describe('intentFramed', () => {
  it('reads a wanted or tried transfer as intent', () => {
    for (const t of ['The Kremlin is trying to procure ammunition from North Korea', 'Moscow is seeking to buy arms from Pyongyang',
      'Russia turned to North Korea for shells', 'Russia has asked North Korea for artillery', 'Russia is looking to buy shells',
      'the Kremlin is actively pursuing a plan to acquire ballistic missiles from Iran']) expect(intentFramed(t), t).toBe(true);
  });
  it('does not read a stated transfer, or another request, as intent', () => {
    for (const t of ['Russia received shells from North Korea', 'Russia took delivery of shells from North Korea',
      'Kim is seeking advanced weapons technologies and in return, is supplying Russia with additional munitions',
      'Wagner, in turn, has been feeding both weapons and fighters into Russia', 'North Korea asked Russia to send more tourists']) {
      expect(intentFramed(t), t).toBe(false);
    }
  });
});
