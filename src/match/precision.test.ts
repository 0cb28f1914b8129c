// Precision mechanisms of the matcher on the corpus KB: another object of the
// same predicate, coreference, denials naming another party, seeking is not
// getting, converse transfers, and a foreign-made missile is no supply.
// Claims are found by their evidence (claimWith), not by their wording.
import { describe, expect, it } from 'vitest';
import { buildCorpusKb } from './fixtures/corpus-kb';
import { claimWith } from './fixtures/claim-of';
import { OTHER_TENSE } from './claim-match';
import { buildMatcher } from './matcher';

const kb = buildCorpusKb();
const m = buildMatcher(kb);
const claimOf = (blocks: string[]): (string | null)[] => m.annotateBlocks(blocks).map((b) => b.claims[0]?.claimId ?? null);
const SUPPLY = claimWith(kb, 'accused North Korea of supplying Russia', 'supplied Russia with ballistic missile launchers');

describe('matcher precision mechanisms (corpus KB)', () => {
  it('has the claims these tests speak of', () => {
    expect(SUPPLY).not.toBeNull();
  });

  it('reads a whole sentence that names a claim\'s participants and covers its content when no clause states it', () => {
    const talks = claimWith(kb, 'cease its arms negotiations with Russia');
    expect(talks).not.toBeNull();
    const res = m.annotateBlocks(['John Kirby urged Pyongyang to halt its arms talks with Moscow.']);
    expect(res[0].claims[0]?.claimId).toBe(talks);
    expect(m.explain('John Kirby urged Pyongyang to halt its arms talks with Moscow.').every((e) => e.score < 0.45)).toBe(true);
    // Sharing the participants and some words is not enough.
    expect(claimOf(['Russia sent a troupe of ballet dancers on a tour of North Korea.', 'North Korea asked Russia to send more tourists to its ski resorts.'])).toEqual([null, null]);
  });

  it('a plan is not the deed: the same transfer told as planned scores OTHER_TENSE of the one told as done', () => {
    const score = (t: string): number => m.explain(t).find((e) => e.claimId === SUPPLY)?.score ?? 0;
    const done = score('North Korea shipped artillery shells to Russia.');
    expect(done).toBeGreaterThan(0.45);
    expect(score('North Korea will ship artillery shells to Russia.')).toBeCloseTo(done * OTHER_TENSE, 2);
  });

  it('a transfer of another explicit object is not the weapons claim', () => {
    expect(claimOf(['North Korea exported coal and ginseng to Russia.', 'Pyongyang sent a team of doctors to Moscow.'])).toEqual([null, null]);
    expect(claimOf(['North Korea shipped artillery shells to Russia.'])[0]).toBe(SUPPLY);
  });

  it('reads receiving or buying weapons from North Korea as the supply claim (converse)', () => {
    for (const s of ['Russia received shells from North Korea.', 'Russia bought artillery shells from North Korea.']) {
      expect(claimOf([s])[0], s).toBe(SUPPLY);
    }
  });

  it('a denial naming another party denies something else', () => {
    expect(claimOf(['North Korea denied supplying weapons to Syria.'])).toEqual([null]);
  });

  it('wanting weapons is not getting them', () => {
    for (const s of ['Moscow is seeking to buy arms from Pyongyang.', 'Russia has asked North Korea for artillery.']) {
      expect(claimOf([s])[0], s).not.toBe(SUPPLY);
    }
  });

  it('firing a foreign-made missile is no supply', () => {
    expect(claimOf(['Russian troops fired a North Korean-made missile at Kharkiv.'])[0]).not.toBe(SUPPLY);
  });

  it('reads denials as contradicting a claim of North Korean arms going to Russia', () => {
    // The corpus words that transfer as a delivery and as the content of the arms talks: either claim is the one denied.
    const transfers = new Set([SUPPLY, claimWith(kb, 'North Korea sending Russia significant quantities')]);
    const got = m.annotateBlocks(['North Korea denied sending any weapons to Russia.', 'Pyongyang has never sold arms to Moscow.']);
    for (const b of got) {
      expect(b.claims[0]?.stance).toBe('contradicts');
      expect(transfers.has(b.claims[0]?.claimId ?? null)).toBe(true);
    }
  });
});
