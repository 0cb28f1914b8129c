import { describe, expect, it } from 'vitest';
import { fastTagText } from './fast-tagger';
import { isMeasureNoun, partitiveThing } from './partitive';
import { propositions } from './propositions';
import { tagText } from './tagger';

/** The thing of the partitive phrase headed by the word `head` of sentence `s`, by both taggers. */
const thingOf = (s: string, head: string): Array<string | undefined> =>
  [tagText(s), fastTagText(s)].map((words) => partitiveThing(words, words.findIndex((w) => w.text === head))?.lemma);

describe('partitive phrases', () => {
  it('give the thing a measure, a load or a shipment holds, not the measure', () => {
    expect(thingOf('North Korea shipped a consignment of ginseng to Russia.', 'consignment')).toEqual(['ginseng', 'ginseng']);
    expect(thingOf('Russia received several trainloads of artillery shells from North Korea.', 'trainloads')).toEqual(['shell', 'shell']);
    expect(thingOf('The army sent a batch of 40 drones.', 'batch')).toEqual(['drone', 'drone']);
  });
  it('go through chained measures ("hundreds of thousands of mortar rounds")', () => {
    expect(thingOf('Officials counted hundreds of thousands of mortar rounds at the depot.', 'hundreds')).toEqual(['round', 'round']);
  });
  it('leave events and things that are no measures alone ("the delivery of shells", "a report of shelling")', () => {
    expect(isMeasureNoun('delivery')).toBe(false);
    expect(isMeasureNoun('report')).toBe(false);
    expect(isMeasureNoun('missile')).toBe(false);
    expect(thingOf('The delivery of shells was delayed.', 'delivery')).toEqual([undefined, undefined]);
  });
});

describe('light verbs of acts only', () => {
  const preds = (s: string): string[] => propositions(fastTagText(s), s).map((p) => p.pred);
  it('"launched an attack" is the attack, "launched a television channel" is a launch', () => {
    expect(preds('The rebels launched an attack on the port.')).toContain('attack');
    expect(preds('Pyongyang launched a new satellite television channel.')).toContain('launch');
  });
});

describe('tagger repairs', () => {
  it('a hyphenated past form the lexicon does not know is its last part\'s verb ("test-fired")', () => {
    for (const words of [tagText('North Korea test-fired a ballistic missile on Wednesday.'), fastTagText('North Korea test-fired a ballistic missile on Wednesday.')]) {
      const w = words.find((x) => x.text === 'test-fired');
      expect(w?.tag).toBe('verb');
      expect(w?.lemma).toBe('fire');
    }
  });
  it('"US" in capitals inside a lower-case sentence is a name, not the pronoun', () => {
    for (const words of [tagText('A senior US official said so.'), fastTagText('A senior US official said so.')]) {
      expect(words.find((x) => x.text === 'US')?.tag).toBe('propn');
    }
    expect(fastTagText('They told us so.').find((x) => x.text === 'us')?.tag).toBe('pron');
  });
});
