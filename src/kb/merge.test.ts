// The incremental merge, on corpora where today's pipeline finds claims. The
// assertions are about behaviour (a restatement becomes evidence, B's matches
// cite A, removal restores the KB), never about exact claim wording.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildMatcher } from '../match/matcher';
import { buildKb } from './build';
import { ingestFile } from '../html/readability';
import { ingestDocument, type IngestedDoc } from './ingest';
import { mergeDocument, removeDocument, type Contribution, type Recogniser } from './merge';
import type { Kb } from './types';

const load = (dir: string): IngestedDoc[] => readdirSync(dir).sort().map((f) => ingestFile(f, readFileSync(join(dir, f))));
const CORPUS = load(join(__dirname, '../../assets/corpus'));
const BREACH = load(join(__dirname, 'fixtures/databreach'));
const DRUG = load(join(__dirname, 'fixtures/drugtrial'));


const recogniserOf = (kb: Kb): Recogniser => {
  const m = buildMatcher(kb);
  return (s) => m.annotate(s).claims.map((c) => ({ claimId: c.claimId, stance: c.stance, score: c.score }));
};
const add = (kb: Kb, doc: IngestedDoc) => mergeDocument(kb, doc, recogniserOf(kb));
const bytes = (kb: Kb): string => JSON.stringify(kb);
const bundled = buildKb(CORPUS, { omitText: true });
/** A bundled article as a reader would add it from another site: the same story, a new document. */
const RESTATED = ingestDocument('elsewhere.txt', readFileSync(join(__dirname, '../../assets/corpus', readdirSync(join(__dirname, '../../assets/corpus')).sort()[2])));

describe('mergeDocument / removeDocument', () => {
  it('adding then removing a document gives back the KB byte for byte', () => {
    for (const doc of [...BREACH, ...DRUG, RESTATED]) {
      const before = bytes(bundled);
      const { kb, contribution } = add(bundled, doc);
      expect(bytes(kb)).not.toBe(before);
      expect(bytes(removeDocument(kb, contribution))).toBe(before);
    }
  });

  it('removing several added documents in reverse order gives back the KB byte for byte', () => {
    let kb = bundled;
    const steps: Array<{ before: string; c: Contribution }> = [];
    for (const doc of BREACH) {
      const before = bytes(kb);
      const r = add(kb, doc);
      steps.push({ before, c: r.contribution });
      kb = r.kb;
    }
    for (const step of steps.reverse()) {
      kb = removeDocument(kb, step.c, steps.map((s) => s.c));
      expect(bytes(kb)).toBe(step.before);
    }
  });

  it('is deterministic', () => {
    expect(bytes(add(bundled, BREACH[0]).kb)).toBe(bytes(add(bundled, BREACH[0]).kb));
  });

  it('a document that restates known claims becomes evidence on them, not duplicate claims', () => {
    const four = buildKb(CORPUS.slice(0, 4), { omitText: true });
    const { kb, contribution } = add(four, CORPUS[4]);
    const restatements = contribution.claims.filter((c) => !c.isNew);
    expect(restatements.length).toBeGreaterThan(0);
    for (const r of restatements) {
      const claim = kb.claims.find((c) => c.id === r.claimId)!;
      expect(claim.evidence.some((e) => e.docId === CORPUS[4].id)).toBe(true);
      expect(four.claims.some((c) => c.id === r.claimId)).toBe(true);
    }
    // Actors are merged by identity: no name appears twice.
    const names = kb.actors.map((a) => a.name);
    expect(new Set(names).size).toBe(names.length);
    expect(kb.actors.filter((a) => a.name === 'North Korea')).toHaveLength(1);
  });

  it('a new story adds actors and claims, and another article on it then matches them, citing the added one', () => {
    const [a, , , b] = BREACH;
    const { kb, contribution } = add(bundled, a);
    expect(contribution.claims.some((c) => c.isNew)).toBe(true);
    expect(contribution.newActors.length).toBeGreaterThan(0);
    expect(kb.documents.at(-1)).toMatchObject({ id: a.id, title: a.title });
    expect(kb.documents.at(-1)).not.toHaveProperty('text');
    const found = buildMatcher(kb).annotate(b.text).claims;
    expect(found.some((c) => c.sources.some((s) => s.docId === a.id))).toBe(true);
    // Without A, B finds nothing of the story.
    expect(buildMatcher(bundled).annotate(b.text).claims.some((c) => contribution.claims.some((x) => x.claimId === c.claimId))).toBe(false);
  });

  it('a second copy of a story joins the first one’s claims; removing the first keeps what the second carries', () => {
    // The same article from another site: its claims are the first one's, whatever the pipeline makes of them.
    const first = add(bundled, BREACH[0]);
    const copy = ingestDocument('syndicated.txt', readFileSync(join(__dirname, 'fixtures/databreach', readdirSync(join(__dirname, 'fixtures/databreach')).sort()[0])));
    const second = add(first.kb, copy);
    const joined = second.contribution.claims.filter((c) => !c.isNew);
    expect(joined.length).toBeGreaterThan(0);
    const claim = second.kb.claims.find((c) => c.id === joined[0].claimId)!;
    expect(new Set(claim.evidence.map((e) => e.docId))).toEqual(new Set([BREACH[0].id, copy.id]));
    const left = removeDocument(second.kb, first.contribution, [second.contribution]);
    const kept = left.claims.find((c) => c.id === claim.id)!;
    expect(kept.evidence.every((e) => e.docId === copy.id)).toBe(true);
    expect(left.documents.some((d) => d.id === BREACH[0].id)).toBe(false);
    // No claim or evidence points at an actor that is gone.
    const ids = new Set(left.actors.map((x) => x.id));
    for (const c of left.claims) {
      for (const id of c.actors) expect(ids.has(id)).toBe(true);
      for (const e of c.evidence) if (e.speaker) expect(ids.has(e.speaker)).toBe(true);
    }
  });

  it('refuses a document that is already in the KB', () => {
    const { kb } = add(bundled, BREACH[0]);
    expect(() => add(kb, BREACH[0])).toThrow(/already/);
  });
});
