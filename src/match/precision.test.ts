// Precision mechanisms of the matcher on the corpus KB: another object of the
// same predicate, salience-based coreference, denials naming another party,
// and a subject that is only a place.
import { describe, expect, it } from 'vitest';
import { buildCorpusKb } from './fixtures/corpus-kb';
import { buildMatcher } from './matcher';

const kb = buildCorpusKb();
const m = buildMatcher(kb);
const claimOf = (blocks: string[]): (string | null)[] => m.annotateBlocks(blocks).map((b) => b.claims[0]?.claim ?? null);

describe('matcher precision mechanisms', () => {
  it('a transfer of another explicit object is not the weapons claim', () => {
    expect(claimOf(['North Korea exported coal and ginseng to Russia.', 'Pyongyang sent a team of doctors to Moscow.']))
      .toEqual([null, null]);
    expect(claimOf(['North Korea shipped artillery shells to Russia.'])[0]).toBe('North Korea supplies weapons to Russia');
  });

  it('a description refers to the salient country, never to one the same sentence names', () => {
    const [, second] = claimOf(['North Korea sent a delegation to Moscow.', 'The country has also shipped artillery shells to Russia.']);
    expect(second).toBe('North Korea supplies weapons to Russia');
    const [, other] = claimOf(['Pyongyang’s ambassador attended a concert in Moscow.', 'The regime has also sent shells to Russia.']);
    // No bare country: the last one named (Moscow) is the candidate, and the sentence names it: unresolved.
    expect(other).toBeNull();
  });

  it('a denial naming another party denies something else', () => {
    expect(claimOf(['North Korea denied supplying weapons to Syria.'])).toEqual([null]);
  });

  it('a subject named only as a place loses to the bare agent', () => {
    expect(claimOf(['During his trip to North Korea, Shoigu pushed for bigger munitions sales to Moscow.'])[0])
      .not.toBe('North Korea supplies weapons to Russia');
  });
});
