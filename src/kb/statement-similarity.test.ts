import { describe, expect, it } from 'vitest';
import { EDGE_THRESHOLD } from './claim-cluster';
import { StatementSimilarity, specificFigure, type Comparable } from './statement-similarity';

describe('specific figures', () => {
  it('count digits with two significant ones, not single digits, round figures or years', () => {
    for (const x of ['14', '1,200', '52.4', '380,000', '3,200', '14%']) expect(specificFigure(x)).toBe(true);
    for (const x of ['2', '9', '200,000', '2021', 'percent']) expect(specificFigure(x)).toBe(false);
  });
  it('two tellings with the same specific figure and related events are one claim; with another figure they are not', () => {
    const st = (docId: string, pred: string, figure: string, extra: string[]): Comparable => ({
      docId, sent: 0, actors: ['a-union'], roles: { others: ['a-union'] }, pred, preds: [pred],
      terms: [[pred, 'v'], [figure, 'x'], ['percent', 'x'], ...extra.map((l) => [l, 'n'] as const)].map(([lemma, pos]) => ({ lemma, pos: pos as 'n' | 'v' | 'x', weight: pos === 'x' ? 1 : 0.5 })),
    });
    const sim = new StatementSimilarity();
    const a = st('d1', 'drop', '14', ['wage']);
    const same = sim.compare(a, st('d2', 'lose', '14', ['member', 'value', 'inflation']));
    const other = sim.compare(a, st('d2', 'lose', '17', ['member', 'value', 'inflation']));
    expect(same.score).toBeGreaterThanOrEqual(EDGE_THRESHOLD);
    expect(other.score).toBeLessThan(EDGE_THRESHOLD);
    // One figure rounded differently ("closed 17.6 percent higher" ~ "rose 18 percent"), not a nearby one.
    const b = st('d1', 'drop', '17.6', ['wage']);
    expect(sim.compare(b, st('d2', 'lose', '18', ['member', 'value', 'inflation'])).score).toBeGreaterThanOrEqual(EDGE_THRESHOLD);
    expect(sim.compare(b, st('d2', 'lose', '19', ['member', 'value', 'inflation'])).score).toBeLessThan(EDGE_THRESHOLD);
  });
  it('the same agent with the same figure and most of the content is one claim whatever the verbs ("recalled" ~ "was pulling")', () => {
    const st = (docId: string, pred: string, figure: string): Comparable => ({
      docId, sent: 0, actors: ['a-maker'], roles: { agent: 'a-maker', others: [] }, pred, preds: [pred],
      terms: [[pred, 'v'], [figure, 'x'], ['heater', 'n'], ['kitchen', 'n']].map(([lemma, pos]) => ({ lemma, pos: pos as 'n' | 'v' | 'x', weight: pos === 'x' ? 1 : 0.6 })),
    });
    const sim = new StatementSimilarity();
    const a = st('d1', 'recall', '380,000');
    expect(sim.compare(a, st('d2', 'pull', '380,000')).score).toBeGreaterThanOrEqual(EDGE_THRESHOLD);
    expect(sim.compare(a, st('d2', 'pull', '170,000')).score).toBeLessThan(EDGE_THRESHOLD);
  });
});
