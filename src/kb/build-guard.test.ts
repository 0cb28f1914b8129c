// A document whose analysis throws is skipped, the rest still builds, and the
// result is exactly the KB of the other documents. The failure is injected
// through buildKbGuarded's build seam (the real buildKb does the building).
import { describe, expect, it } from 'vitest';
import { buildKb, type BuildOptions } from './build';
import { BuildFailure, buildKbGuarded } from './build-guard';
import { ingestText, type IngestedDoc } from './ingest';

const doc = (file: string, text: string): IngestedDoc => ingestText(file, text);
const GOOD = [
  doc('a.txt', 'Regulator Says Northwind Leaked Customer Records\n\nThe Data Protection Commission said on Tuesday that Northwind Telecom leaked the personal records of 2.3 million customers.'),
  doc('b.txt', 'Northwind Denies Leak\n\nNorthwind Telecom denied that it had leaked any customer records, calling the report baseless.'),
  doc('c.txt', 'Shares Fall\n\nShares in Northwind Telecom fell 8% on Wednesday after the commission said the company leaked customer data.'),
];
const BAD = doc('bad.txt', 'Genetically Modified Food\n\nThe panel said the crops were safe to eat.');
const BAD2 = doc('bad2.txt', 'Another One\n\nThe ministry said the figures were wrong.');

/** buildKb, except that a corpus holding any of `poison` throws as a real bug would. */
function poisoned(poison: IngestedDoc[], calls: IngestedDoc[][] = []) {
  return (docs: IngestedDoc[], opts: BuildOptions) => {
    calls.push(docs);
    if (docs.some((d) => poison.includes(d))) throw new TypeError("Cannot read properties of undefined (reading 'end')");
    return buildKb(docs, opts);
  };
}

describe('buildKbGuarded', () => {
  const expected = JSON.stringify(buildKb(GOOD));

  it('builds once and changes nothing when no document fails', () => {
    const calls: IngestedDoc[][] = [];
    const { kb, skipped } = buildKbGuarded(GOOD, {}, poisoned([], calls));
    expect(calls).toHaveLength(1);
    expect(skipped).toEqual([]);
    expect(JSON.stringify(kb)).toBe(expected);
  });

  it('skips the document whose analysis throws, names it, and builds the rest', () => {
    const told: string[] = [];
    const { kb, skipped } = buildKbGuarded([GOOD[0], BAD, GOOD[1], GOOD[2]], {
      onDocumentSkip: (file, e) => told.push(`${file}: ${(e as Error).message}`),
    }, poisoned([BAD]));
    expect(told).toEqual(["bad.txt: Cannot read properties of undefined (reading 'end')"]);
    expect(skipped.map((s) => s.file)).toEqual(['bad.txt']);
    expect(JSON.stringify(kb)).toBe(expected);
  });

  it('finds every bad document, wherever it sits', () => {
    for (const order of [[BAD, ...GOOD, BAD2], [...GOOD, BAD2, BAD], [BAD2, BAD, ...GOOD]]) {
      const { kb, skipped } = buildKbGuarded(order, {}, poisoned([BAD, BAD2]));
      expect(skipped.map((s) => s.file).sort()).toEqual(['bad.txt', 'bad2.txt']);
      expect(JSON.stringify(kb)).toBe(expected);
    }
  });

  it('reports sentence skips of the successful build only, once each', () => {
    const build = (docs: IngestedDoc[], opts: BuildOptions) => {
      for (const d of docs) opts.onSkip?.(d.file, 'a sentence', new Error('sentence failed'));
      return poisoned([BAD])(docs, opts);
    };
    const skips: string[] = [];
    buildKbGuarded([...GOOD, BAD], { onSkip: (f) => skips.push(f) }, build);
    expect(skips).toEqual(['a.txt', 'b.txt', 'c.txt']);
  });

  it('returns an empty KB when every document fails', () => {
    const { kb, skipped } = buildKbGuarded([BAD, BAD2], {}, poisoned([BAD, BAD2]));
    expect(skipped).toHaveLength(2);
    expect(kb.documents).toEqual([]);
  });

  it('says so when only a combination of documents fails', () => {
    const build = (docs: IngestedDoc[], opts: BuildOptions) => {
      if (docs.includes(GOOD[0]) && docs.includes(GOOD[2])) throw new Error('cluster of a.txt and c.txt');
      return buildKb(docs, opts);
    };
    expect(() => buildKbGuarded(GOOD, {}, build)).toThrow(BuildFailure);
    expect(() => buildKbGuarded(GOOD, {}, build)).toThrow(/no single document explains it: cluster of a\.txt and c\.txt/);
  });
});
