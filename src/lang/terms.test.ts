import { describe, expect, it } from 'vitest';
import { contentTerms } from './terms';
import { tagText } from './tagger';

const lemmas = (s: string): string[] => {
  const words = tagText(s);
  return contentTerms(words, 0, words.length, () => false).map((t) => t.lemma);
};

describe('content terms', () => {
  it('writes a share one way: "18%", "18 percent" and "18 per cent" give the same figure and word', () => {
    for (const s of ['Shares rose 18% on Monday.', 'Shares rose 18 percent on Monday.', 'Shares rose 18 per cent on Monday.']) {
      expect(lemmas(s), s).toEqual(expect.arrayContaining(['18', 'percent']));
      expect(lemmas(s), s).not.toContain('18%');
      expect(lemmas(s), s).not.toContain('cent');
    }
  });
});
