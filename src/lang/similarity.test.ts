import { describe, expect, it } from 'vitest';
import { StatementSimilarity, type Comparable } from '../kb/statement-similarity';
import { TermSimilarity } from './similarity';
import { lexicon } from './default-lexicon';

describe('term similarity', () => {
  it('takes a verb done again for a kind of its stem ("revisit" ~ "visit", ~ "meet" as verbs), not a word of its own ("remark", "reform")', () => {
    const L = lexicon();
    expect(L.iterativeStem('revisit')).toBe('visit');
    expect(L.iterativeStem('re-elect')).toBe('elect');
    for (const w of ['remark', 'reform', 'replace', 'return', 'report', 'resent']) expect(L.iterativeStem(w), w).toBeUndefined();
    expect(L.relation('revisit', 'visit').score).toBeGreaterThanOrEqual(0.6);
    expect(L.relation('revisit', 'meet', ['v'], ['v']).score).toBeGreaterThan(0.5);
    // Only the stem's verb senses: "visit" the noun is also an inspection, "revisit" is no inspecting.
    expect(L.relation('revisit', 'inspect').score).toBe(0);
  });

  it('scores a pair for the parts of speech asked, whichever was asked first ("strike" ~ "hit" as verbs, not as nouns)', () => {
    const nounsFirst = new TermSimilarity();
    expect(nounsFirst.lemmas('strike', 'hit', ['n'], ['n'])).toBe(0);
    expect(nounsFirst.lemmas('strike', 'hit', ['v'], ['v'])).toBeGreaterThan(0.8);
    const verbsFirst = new TermSimilarity();
    expect(verbsFirst.lemmas('hit', 'strike', ['v'], ['v'])).toBeGreaterThan(0.8);
    expect(verbsFirst.lemmas('hit', 'strike', ['n'], ['n'])).toBe(0);
  });

  it('gives a bag overlap that does not depend on which side was worked out first', () => {
    const a = [{ lemma: 'shipment', pos: 'n' as const, weight: 0.8 }, { lemma: 'artillery', pos: 'n' as const, weight: 0.9 }];
    const b = [{ lemma: 'ship', pos: 'v' as const, weight: 0.6 }, { lemma: 'shell', pos: 'n' as const, weight: 0.7 }];
    const one = new TermSimilarity();
    const two = new TermSimilarity();
    const ab = one.bags(a, b);
    two.bags(b, a);
    expect(two.bags(a, b)).toBe(ab);
    expect(ab).toBeGreaterThan(0);
  });

  it('covers a bag both ways as the word-by-word definition does, however often the remembered bag is met, and after it grows', () => {
    const T = (lemma: string, pos: 'n' | 'v' | 'a' | 'x', weight: number) => ({ lemma, pos, weight });
    const claim = [T('shipment', 'n', 0.8), T('artillery', 'n', 0.9), T('deliver', 'v', 0.5), T('2023', 'x', 0.3)];
    const pages = [[T('ship', 'v', 0.6), T('shell', 'n', 0.7)], [T('artillery', 'n', 0.9), T('2023', 'x', 0.2), T('grain', 'n', 0.4)], [T('hand', 'v', 0.5)]];
    const sim = new TermSimilarity();
    const naive = (a: typeof claim, b: typeof claim): number => {
      const fresh = new TermSimilarity();
      const num = a.reduce((n, x) => n + x.weight * Math.max(0, ...b.map((y) => fresh.terms(x, y))), 0);
      return num / a.reduce((n, x) => n + x.weight, 0);
    };
    for (let round = 0; round < 2; round++) {
      for (const page of pages) {
        const [x, y] = sim.coverages(page, claim);
        expect(x).toBeCloseTo(naive(page, claim), 12);
        expect(y).toBeCloseTo(naive(claim, page), 12);
      }
      claim.push(T('munition', 'n', 0.6));
    }
  });
});

describe('statement similarity with a floor', () => {
  const st = (sent: number, agent: string, goal: string, pred: string, terms: string[]): Comparable => ({
    docId: 'd', sent, actors: [agent, goal], roles: { agent, goal, source: agent, others: [] }, pred, preds: [pred],
    terms: terms.map((lemma) => ({ lemma, pos: 'n' as const, weight: 0.8 })),
  });
  const pairs: Array<[Comparable, Comparable]> = [
    [st(1, 'nk', 'ru', 'supply', ['shell', 'artillery']), st(2, 'nk', 'ru', 'ship', ['shell', 'munition'])],
    [st(1, 'nk', 'ru', 'supply', ['shell']), st(2, 'ru', 'nk', 'supply', ['shell'])],
    [st(1, 'nk', 'ru', 'meet', ['summit']), st(2, 'nk', 'ru', 'supply', ['oil', 'coal'])],
    [st(1, 'nk', 'ru', 'sell', ['rifle']), st(2, 'nk', 'sy', 'sell', ['rifle'])],
  ];

  it('gives the full score whenever the score reaches the floor, and 0 only below it', () => {
    for (const [a, b] of pairs) {
      const full = new StatementSimilarity().compare(a, b);
      for (const floor of [0.1, 0.3, 0.45, 0.6, 0.9]) {
        const cut = new StatementSimilarity().compare(a, b, floor);
        if (full.score >= floor) expect(cut, `${a.pred}/${b.pred} at ${floor}`).toEqual(full);
        else expect(cut.score).toBe(0);
      }
    }
  });
});

describe('statements of another day', () => {
  const launch = (sent: number, day: string, extra: Partial<Comparable> = {}): Comparable => ({
    docId: 'd', sent, actors: ['nk'], roles: { agent: 'nk', others: [] }, pred: 'launch', preds: ['launch'],
    terms: [{ lemma: 'missile', pos: 'n', weight: 0.5 }, { lemma: 'ballistic', pos: 'a', weight: 0.7 }, { lemma: day, pos: 'n', weight: 0.13 }], ...extra,
  });
  it('are two events: the same launch told for Monday and for Wednesday scores far lower than for the same day', () => {
    const sim = new StatementSimilarity();
    const same = sim.compare(launch(1, 'wednesday'), launch(2, 'wednesday')).score;
    const other = sim.compare(launch(1, 'monday'), launch(2, 'wednesday')).score;
    expect(same).toBeGreaterThan(0.6);
    expect(other).toBeLessThan(same * 0.5);
  });
  it('date a claim by all its tellings (`days`), and an undated statement is not of another day', () => {
    const sim = new StatementSimilarity();
    const undatedSig = { ...launch(2, 'test'), days: ['wednesday'] };
    expect(sim.compare(launch(1, 'monday'), undatedSig).score).toBeLessThan(sim.compare(launch(1, 'wednesday'), undatedSig).score * 0.5);
    expect(sim.compare(launch(1, 'test'), undatedSig).score).toBeGreaterThan(0.5);
  });
});
