// Quality on the hand-written paraphrase set against the KB the real pipeline
// builds from assets/corpus. Prints the figures; fails below the targets.
import { describe, expect, it } from 'vitest';
import { buildCorpusKb } from './fixtures/corpus-kb';
import { evaluate } from './fixtures/evaluate';
import { PARAPHRASES } from './fixtures/paraphrases';
import { buildMatcher, CLAIM_THRESHOLD } from './matcher';

describe('matcher quality (paraphrases vs corpus KB)', () => {
  it('meets precision 0.9, recall 0.8, stance 0.85, actors 0.9', () => {
    const kb = buildCorpusKb();
    const q = evaluate(kb, buildMatcher(kb), PARAPHRASES);
    const { failures, ...figures } = q;
    console.log(`threshold ${CLAIM_THRESHOLD}`, JSON.stringify(figures, (_, v: unknown) => (typeof v === 'number' ? Math.round(v * 1000) / 1000 : v)));
    if (failures.length) console.log(failures.join('\n'));
    expect(q.negatives * 3).toBeGreaterThanOrEqual(PARAPHRASES.length);
    // The labels must mostly resolve, or recall would be measured on too little.
    expect(q.unresolved).toBeLessThanOrEqual(Math.floor(q.positives * 0.2));
    expect(q.precision).toBeGreaterThanOrEqual(0.9);
    expect(q.recall).toBeGreaterThanOrEqual(0.8);
    expect(q.stanceAccuracy).toBeGreaterThanOrEqual(0.85);
    expect(q.actorRecall).toBeGreaterThanOrEqual(0.9);
  });
});
