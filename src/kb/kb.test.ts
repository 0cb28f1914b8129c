import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildKb } from './build';
import { ingestDocument, type IngestedDoc } from './ingest';
import type { Kb } from './types';

function load(dir: string): IngestedDoc[] {
  return readdirSync(dir).sort().map((f) => ingestDocument(f, readFileSync(join(dir, f))));
}
const CORPUS = join(__dirname, '../../assets/corpus');
const FIX = join(__dirname, 'fixtures/databreach');

function actorByAlias(kb: Kb, s: string) {
  return kb.actors.find((a) => a.name === s || a.aliases.includes(s));
}
function docsOf(c: Kb['claims'][number]): number {
  return new Set(c.evidence.map((e) => e.docId)).size;
}

describe('bundled corpus golden', () => {
  const kb = buildKb(load(CORPUS));
  it('finds the main actors with aliases merged', () => {
    const nk = actorByAlias(kb, 'North Korea')!;
    for (const a of ['DPRK', "Democratic People's Republic of Korea", 'Pyongyang']) expect(nk.aliases).toContain(a);
    const ru = actorByAlias(kb, 'Russia')!;
    expect(ru.aliases).toEqual(expect.arrayContaining(['Kremlin', 'Moscow']));
    expect(actorByAlias(kb, 'Kim Jong-un')?.name).toBe('Kim Jong Un');
    const kirby = actorByAlias(kb, 'John Kirby')!;
    expect(kirby.aliases).toContain('Kirby');
    expect(kirby.roles).toContain('National Security Council spokesperson');
    expect(kirby.roles).toContain('spokesman for the White House National Security Council');
    for (const n of ['Vladimir Putin', 'Sergei Shoigu', 'Dmitry Peskov', 'Yevgeny Prigozhin', 'Wagner Group', 'White House',
      'United States', 'Ukraine', 'Iran', 'Center for Strategic and International Studies', 'Kwon Jong Gun', 'Sergei Lavrov']) {
      expect(actorByAlias(kb, n), n).toBeTruthy();
    }
  });
  it('has no junk actors', () => {
    const names = kb.actors.map((a) => a.name);
    for (const junk of ['Russian', 'North Korean', 'Connect with us', 'Advertisement', 'August', 'He', 'The', 'Image Credit', 'Hermit Kingdom', 'COMMENTS']) {
      expect(names).not.toContain(junk);
    }
  });
  it('recovers the shared supply claim across all five documents with denials attached', () => {
    const supply = kb.claims.find((c) => /North Korea supplies weapons to Russia/.test(c.text))!;
    expect(supply).toBeTruthy();
    expect(docsOf(supply)).toBe(5);
    const nk = actorByAlias(kb, 'North Korea')!.id;
    const denials = supply.evidence.filter((e) => e.stance === 'contradicts');
    expect(denials.some((e) => /refuted these allegations/.test(e.quote) && e.speaker === nk)).toBe(true);
    expect(denials.some((e) => /denied the suspicions/.test(e.quote))).toBe(true);
    expect(supply.evidence.find((e) => /accused North Korea of supplying/.test(e.quote))?.stance).toBe('supports');
    expect(supply.evidence.filter((e) => /urge the DPRK/.test(e.quote)).every((e) => e.stance === 'supports')).toBe(true);
  });
  it('keeps unrelated claims apart and recovers other cross-document claims', () => {
    const supply = kb.claims.find((c) => /North Korea supplies weapons to Russia/.test(c.text))!;
    expect(supply.evidence.some((e) => /met with Russian President/.test(e.quote))).toBe(false);
    expect(supply.evidence.some((e) => /nuclear tests/.test(e.quote))).toBe(false);
    const iran = kb.claims.find((c) => c.evidence.some((e) => /obtaining weaponry from Tehran/.test(e.quote)) && c.evidence.some((e) => /leaned heavily on Iran/.test(e.quote)));
    expect(iran && docsOf(iran)).toBeGreaterThanOrEqual(3);
    const containers = kb.claims.find((c) => /1,000 container/.test(c.text));
    expect(containers && docsOf(containers)).toBe(2);
    const urge = kb.claims.find((c) => c.evidence.every((e) => /urge the DPRK/.test(e.quote)));
    expect(urge && docsOf(urge)).toBe(2);
  });
  it('quotes are exact sentences at their offsets', () => {
    const text = new Map(kb.documents.map((d) => [d.id, d.text!]));
    for (const c of kb.claims) for (const e of c.evidence) expect(text.get(e.docId)!.slice(e.start, e.end)).toBe(e.quote);
  });
  it('is deterministic', () => {
    expect(JSON.stringify(buildKb(load(CORPUS)))).toBe(JSON.stringify(kb));
  });
});

describe('second corpus (data leak) golden', () => {
  const kb = buildKb(load(FIX));
  it('ingests txt, md and html with metadata', () => {
    expect(kb.documents).toHaveLength(4);
    const html = kb.documents.find((d) => d.file === '03_analysis.html')!;
    expect(html.author).toBe('Lena Fischer');
    expect(html.publisher).toBe('Tech Ledger');
    expect(html.text).not.toMatch(/Connect with us|COMMENTS|Advertisement/);
    const md = kb.documents.find((d) => d.file === '02_wire.md')!;
    expect(md.author).toBe('Sam Reyes');
  });
  it('finds the actors', () => {
    for (const n of ['Northwind Telecom', 'Data Protection Commission', 'Martin Hale', 'Priya Nair', 'Helen Ortiz']) {
      expect(actorByAlias(kb, n), n).toBeTruthy();
    }
  });
  it('has a cross-document leak claim with the company denials attached', () => {
    const leak = kb.claims.filter((c) => docsOf(c) >= 3).find((c) => c.evidence.some((e) => /leaked/.test(e.quote)));
    expect(leak).toBeTruthy();
    expect(leak!.evidence.some((e) => e.stance === 'contradicts')).toBe(true);
    expect(leak!.evidence.some((e) => e.stance === 'supports')).toBe(true);
  });
});
