// Quality floors: every figure of `npm run eval` must stay at or above its
// committed baseline (eval/baseline.json), counts of mistakes at or below it.
// Raise the baseline with `npm run eval -- --write` when a change improves it.
import { describe, expect, it } from 'vitest';
import { loadBaseline, runEval } from './run';

/** Figures where fewer is better. */
const LOWER_IS_BETTER = /(?:mixedClaims|overMergedClaims|unrelatedWithHighlights|skipped)$/;
/** Slack for figures computed from a different document order on another machine: none is expected (the pipeline is deterministic). */
const SLACK = 1e-9;

describe('quality floors (eval/baseline.json)', () => {
  const base = loadBaseline();
  const run = runEval();
  it('has a baseline for every figure it measures', () => {
    for (const k of Object.keys(run.figures)) expect(base[k], `no baseline for ${k}`).toBeTypeOf('number');
  });
  for (const [k, b] of Object.entries(base)) {
    it(k, () => {
      const v = run.figures[k];
      expect(v, `${k} was not measured`).toBeTypeOf('number');
      if (LOWER_IS_BETTER.test(k)) expect(v, `${k}: ${v} > baseline ${b}`).toBeLessThanOrEqual(b + SLACK);
      else expect(v, `${k}: ${v} < baseline ${b}`).toBeGreaterThanOrEqual(b - SLACK);
    });
  }
});
