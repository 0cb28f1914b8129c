// Desire/attempt frames: "trying to procure shells from" states the seek claim,
// never the supply; "received shells from" states the supply (converse reading).
import { describe, expect, it } from 'vitest';
import { buildCorpusKb } from './fixtures/corpus-kb';
import { buildMatcher } from './matcher';

const m = buildMatcher(buildCorpusKb());
const claimOf = (s: string): string | undefined => m.annotate(s).claims[0]?.claim;

describe('seek/attempt frames vs stated transfers (corpus KB)', () => {
  it('reads wanting or trying to get weapons as the seek claim', () => {
    for (const s of ['The Kremlin is trying to procure ammunition from North Korea.', 'Moscow is seeking to buy arms from Pyongyang.',
      'Russia turned to North Korea for shells.', 'Russia has asked North Korea for artillery.']) {
      expect(claimOf(s), s).toBe('Russia seeks weapons from North Korea');
    }
  });
  it('reads receiving or buying weapons as the supply claim', () => {
    for (const s of ['Russia received shells from North Korea.', 'Russia bought shells from North Korea.',
      'Russia obtained shells from North Korea.', 'Russia took delivery of shells from North Korea.']) {
      expect(claimOf(s), s).toBe('North Korea supplies weapons to Russia');
    }
  });
  it('does not read firing a foreign-made missile as a supply', () => {
    expect(claimOf('Russian forces launched a North Korean-made missile into Ukraine.')).toBe('Russia launches missiles at Ukraine');
    expect(claimOf('Russian troops fired a North Korean-made missile at Kharkiv.')).toBeUndefined();
  });
});
