import { describe, expect, it } from 'vitest';
import { MINI_KB } from './fixtures/mini-kb';
import { buildMatcher } from './matcher';
import { buildKb } from '../kb/build';
import { ingestDocument } from '../kb/ingest';

const m = buildMatcher(MINI_KB);

describe('buildMatcher on a small KB', () => {
  it('matches a paraphrase, gives the stance and the sources', () => {
    const text = 'Pyongyang has shipped artillery shells to Moscow.';
    const a = m.annotate(text);
    expect(a.claims).toHaveLength(1);
    const c = a.claims[0];
    expect(c.claim).toBe('North Korea supplies munitions to Russia');
    expect(c.stance).toBe('supports');
    expect(text.slice(c.start, c.end)).toBe(c.text);
    expect(c.sources.length).toBe(5);
    expect(c.sources[0]).toMatchObject({ title: 'Corpus article', speaker: 'United States', stance: 'supports' });
    expect(c.sources.at(-1)?.stance).toBe('contradicts');
    expect(c.sources.some((s) => s.speaker === 'North Korea')).toBe(true);
  });

  it('reads denials as contradicting', () => {
    for (const s of ['North Korea denied sending any munitions to Russia.', 'Pyongyang never sold weapons to Moscow.',
      'North Korea called reports that it shipped shells to Russia baseless.']) {
      expect(m.annotate(s).claims[0]?.stance, s).toBe('contradicts');
    }
  });

  it('reads a debunk naming nobody, far below the claim, as contradicting the page\'s story', () => {
    const page = ['Pyongyang has shipped artillery shells to Moscow, the report said.', 'The report spread quickly online.',
      'Many readers shared it.', 'Others wrote about the weather.', 'Some made jokes about it.', 'The whole story turned out to be a hoax.'];
    const res = m.annotateBlocks(page);
    expect(res[5].claims[0]?.claim).toBe('North Korea supplies munitions to Russia');
    expect(res[5].claims[0]?.stance).toBe('contradicts');
    // With no claim told first, the same debunk is about nothing known.
    expect(m.annotateBlocks(page.slice(1)).flatMap((b) => b.claims)).toEqual([]);
  });

  it('does not match sentences that only share actors', () => {
    expect(m.annotate('Kim Jong Un inspected a farm. Putin will address the nation.').claims).toEqual([]);
    expect(m.annotate('Russia sent ballet dancers to North Korea.').claims).toEqual([]);
  });

  it('applies the ambiguous-alias rule across all blocks, offsets per block', () => {
    const alone = m.annotateBlocks(['Kim visited a farm.']);
    expect(alone[0].actors).toEqual([]);
    const page = m.annotateBlocks(['Kim visited a farm.', 'Kim Jong Un is the leader.']);
    expect(page[0].actors).toEqual([{ actorId: 'kim', name: 'Kim Jong Un', text: 'Kim', start: 0, end: 3 }]);
    expect(page[1].actors[0]).toMatchObject({ actorId: 'kim', start: 0, end: 11 });
  });

  it('uses demonyms for claims without highlighting them', () => {
    const kb = { ...MINI_KB, actors: MINI_KB.actors.map((a) => (a.id === 'ru' ? { ...a, aliases: ['Moscow'] } : a)) };
    const a = buildMatcher(kb).annotate('North Korea has sent shells to the Russian army.');
    expect(a.actors.map((x) => x.text)).toEqual(['North Korea']);
    expect(a.claims[0]?.claim).toBe('North Korea supplies munitions to Russia');
  });
});

describe('a negative claim', () => {
  // Two documents state a negative proposition; the claim is that proposition, and a page sentence
  // keeps or drops the negation: saying it supports it, saying the opposite contradicts it.
  const kb = buildKb([
    ingestDocument('a.txt', Buffer.from('Tank exports reviewed\n\nGermany no longer sells tanks to Saudi Arabia, the government said on Monday. The two states had traded since 2019.')),
    ingestDocument('b.txt', Buffer.from('Riyadh loses supplier\n\nGermany no longer sells its tanks to Saudi Arabia, according to a filing seen by reporters.')),
  ]);
  const claim = kb.claims.find((c) => /no longer sells/.test(c.text));
  it('is stored negative, with the documents that state it as support', () => {
    expect(claim, JSON.stringify(kb.claims.map((c) => c.text))).toBeDefined();
    expect(claim!.signatures?.every((s) => s.negated)).toBe(true);
    expect(claim!.evidence.map((e) => e.stance)).toEqual(['supports', 'supports']);
  });
  it('is supported by a sentence with the negation and contradicted by one without it', () => {
    const m = buildMatcher(kb);
    expect(m.annotate('Germany no longer sells tanks to Saudi Arabia.').claims[0]?.stance).toBe('supports');
    expect(m.annotate('Germany still sells tanks to Saudi Arabia.').claims[0]?.stance).toBe('contradicts');
  });
});

describe('a negation', () => {
  const kb = buildKb([
    ingestDocument('a.txt', Buffer.from('Ferry rescue\n\nFerry captain Ingrid Solberg rescued four fishermen off the coast of Norway on Monday, the coastguard said.')),
    ingestDocument('b.txt', Buffer.from('Fishermen saved\n\nIngrid Solberg, a ferry captain, rescued four fishermen off Norway, according to the coastguard.')),
  ]);
  it('of the claim\'s own event contradicts it, said or denied (NEGATION_MIN_PRED keeps other negations out, eval: realnews stance)', () => {
    const m = buildMatcher(kb);
    expect(m.annotate('Ingrid Solberg did not rescue four fishermen off Norway.').claims[0]?.stance).toBe('contradicts');
    expect(m.annotate('Solberg denied that she had rescued four fishermen off Norway.').claims[0]?.stance).toBe('contradicts');
    expect(m.annotate('Ingrid Solberg rescued four fishermen off Norway.').claims[0]?.stance).toBe('supports');
  });
});

describe('a bare surname on a page', () => {
  const kb = buildKb([
    ingestDocument('a.txt', Buffer.from('Transfer news\n\nEirik Halvorsen joined Ashcombe Rovers on Tuesday. Halvorsen scored twice on his debut.')),
    ingestDocument('b.txt', Buffer.from('Rovers sign striker\n\nAshcombe Rovers confirmed that Eirik Halvorsen signed a five-year deal. Halvorsen thanked the fans.')),
  ]);
  const m = buildMatcher(kb);
  const named = (t: string): string[] => m.annotate(t).actors.map((a) => a.text);
  it('is the person when the page names, in full, a body the KB names with them', () => {
    expect(named('Ashcombe Rovers said Halvorsen was ready.')).toContain('Halvorsen');
  });
  it('is left alone on a page with nothing of theirs', () => {
    expect(named('Halvorsen wrote a new book about birds.')).toEqual([]);
  });
});
