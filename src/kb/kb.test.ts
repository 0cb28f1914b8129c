import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildKb } from './build';
import { ingestFile } from '../html/readability';
import type { IngestedDoc } from './ingest';
import type { Kb } from './types';

function load(dir: string): IngestedDoc[] {
  return readdirSync(dir).sort().map((f) => ingestFile(f, readFileSync(join(dir, f))));
}
const CORPUS = join(__dirname, '../../assets/corpus');
const FIX = join(__dirname, 'fixtures/databreach');
const DRUG = join(__dirname, 'fixtures/drugtrial');

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
    for (const junk of ['Russian', 'North Korean', 'Connect with us', 'Advertisement', 'August', 'He', 'The', 'Image Credit', 'Hermit Kingdom',
      'COMMENTS', 'Creative Commons', 'Alexander Zemlianichenko', 'Pool Photo', 'Maya Carlin', 'Republicans', 'Why Weapons Exchange']) {
      expect(names).not.toContain(junk);
    }
    // Every actor is a multi-word name, a gazetteer entry or an acronym; no sentence-initial words, months or pronouns.
    for (const a of kb.actors) {
      expect(a.name, a.name).not.toMatch(/^(?:January|February|March|April|May|June|July|August|September|October|November|December|He|She|They|It|The|This|However|Recently)\b/);
      expect(a.name.split(' ').length > 1 || a.kind === 'country' || /^[A-Z]{2,}$/.test(a.name) || a.name === 'Pentagon', a.name).toBe(true);
    }
    for (const n of ['Donetsk People’s Republic', 'Luhansk People’s Republic', 'Middle East', 'Wagner Group']) expect(actorByAlias(kb, n), n).toBeTruthy();
  });
  it('keeps the claim list short and every claim templated', () => {
    expect(kb.claims.length).toBeGreaterThanOrEqual(12);
    expect(kb.claims.length).toBeLessThanOrEqual(35);
    // No claim is just a copied sentence.
    for (const c of kb.claims) expect(c.evidence.some((e) => e.quote === c.text), c.text).toBe(false);
    expect(kb.claims.some((c) => /United Nations supplies/.test(c.text))).toBe(false);
    expect(kb.claims.some((c) => /^Russia and Kim Jong Un/.test(c.text))).toBe(false);
  });
  const supplyClaim = () => kb.claims.find((c) => c.text === 'North Korea supplies weapons to Russia')!;
  it('recovers the shared supply claim with supports from four documents and the denials attached', () => {
    const supply = supplyClaim();
    expect(supply).toBeTruthy();
    expect(docsOf(supply)).toBeGreaterThanOrEqual(4);
    const nk = actorByAlias(kb, 'North Korea')!.id;
    const id = (n: string) => actorByAlias(kb, n)!.id;
    const ev = (re: RegExp) => supply.evidence.find((e) => re.test(e.quote));
    expect(ev(/refuted these allegations/)).toMatchObject({ stance: 'contradicts', speaker: nk });
    expect(ev(/denied the suspicions/)).toMatchObject({ stance: 'contradicts', speaker: nk });
    expect(ev(/Wagner and Prigozhin denied the claims/)).toMatchObject({ stance: 'contradicts', speaker: id('Wagner Group') });
    expect(ev(/nothing to do with supplying/)?.stance).toBe('contradicts');
    expect(ev(/Kwon Jong Gun continued to deny/)).toMatchObject({ stance: 'contradicts', speaker: id('Kwon Jong Gun') });
    expect(ev(/stop spreading groundless rumors/)).toMatchObject({ stance: 'contradicts', speaker: id('Kwon Jong Gun') });
    expect(ev(/Peskov called out the United States/)).toMatchObject({ stance: 'contradicts', speaker: id('Dmitry Peskov') });
    expect(ev(/accused North Korea of supplying/)).toMatchObject({ stance: 'supports', speaker: id('United States') });
    expect(ev(/Asian nation has supplied Russia/)).toMatchObject({ stance: 'supports', speaker: id('White House') });
    expect(ev(/informed reporters on January 4/)).toMatchObject({ stance: 'supports', speaker: id('John Kirby') });
    // Loosely related sentences are not evidence of the proposition.
    for (const re of [/ammo shortages/, /seeking assistance from North Korea/, /Analysts suggest/, /urge the DPRK/, /met with Russian President/,
      /nuclear tests/, /high-level discussions/, /taking steps to secure a joint arms deal/, /Shoigu first proposed/]) {
      expect(ev(re), String(re)).toBeUndefined();
    }
    // The "10% of soldiers" sentence makes no claim, so the Wagner denial cannot land there.
    expect(kb.claims.some((c) => c.evidence.some((e) => /10% of Russian soldiers/.test(e.quote)))).toBe(false);
  });
  it('keeps unrelated claims apart and recovers the other cross-document claims', () => {
    const byText = (t: string) => kb.claims.find((c) => c.text === t);
    const containers = kb.claims.find((c) => /1,000 containers/.test(c.text))!;
    expect(containers.text).toBe('North Korea sent over 1,000 containers of military equipment to Russia');
    expect(docsOf(containers)).toBe(2);
    expect(kb.claims.filter((c) => /1,000 container/.test(c.text))).toHaveLength(1);
    const iran = kb.claims.find((c) => c.evidence.some((e) => /obtaining weaponry from Tehran/.test(e.quote)) && c.evidence.some((e) => /leaned heavily on Iran/.test(e.quote)));
    expect(iran && docsOf(iran)).toBeGreaterThanOrEqual(3);
    const urge = kb.claims.find((c) => c.evidence.every((e) => /urge the DPRK/.test(e.quote)))!;
    expect(urge.text).toBe('John Kirby urges North Korea to cease its arms negotiations with Russia');
    expect(docsOf(urge)).toBe(2);
    const meet = byText('Kim Jong Un met Vladimir Putin')!;
    expect(docsOf(meet)).toBe(2);
    for (const t of ['North Korea and Russia negotiate an arms deal', 'Vladimir Putin and Kim Jong Un exchanged letters', 'Sergei Shoigu visited North Korea',
      'North Korea launches ballistic missiles', 'Russia seeks weapons from North Korea', 'Russia and Ukraine face ammunition shortages']) {
      expect(byText(t) && docsOf(byText(t)!), t).toBeGreaterThanOrEqual(2);
    }
    expect(kb.claims.find((c) => /negotiate an arms deal/.test(c.text))!.evidence.every((e) => e.stance === 'supports')).toBe(true);
    // Speakers: the person, not the body, when a person is named.
    const kirby = actorByAlias(kb, 'John Kirby')!.id;
    const shoigu = kb.claims.find((c) => c.text === 'Sergei Shoigu visited North Korea')!;
    expect(shoigu.evidence.find((e) => /According to National Security Council spokesperson/.test(e.quote))?.speaker).toBe(kirby);
  });
  it('recovers the alliance claim with hedged reports for and the headline denial against', () => {
    const ally = kb.claims.find((c) => c.text === 'North Korea and Russia have formed a military alliance')!;
    expect(ally).toBeTruthy();
    expect(docsOf(ally)).toBe(2);
    const nk = actorByAlias(kb, 'North Korea')!.id;
    const ev = (re: RegExp) => ally.evidence.find((e) => re.test(e.quote));
    // Hedged ("potential", "supposed", "suspect") is still the proposition put forward: support, not denial.
    expect(ev(/conjecture about a potential alliance/)?.stance).toBe('supports');
    expect(ev(/supposed military alliance/)?.stance).toBe('supports');
    expect(ev(/still suspect a military alliance/)?.stance).toBe('supports');
    // The article's own headline denies it, in North Korea's voice.
    expect(ev(/^North Korea Denies Military Alliance With Russia$/)).toMatchObject({ stance: 'contradicts', speaker: nk });
    // A denial of "the claims regarding troops and weapons" answers the supply claims, not the alliance.
    expect(ev(/Wagner and Prigozhin denied/)).toBeUndefined();
    // Other headline-like lines and question headlines make no claims; "NATO allies" is no alliance.
    for (const c of kb.claims) for (const e of c.evidence) expect(e.quote).not.toMatch(/^(?:Suspicious Alliance|Why Weapons Exchange|The Navy Sent|We Hit a Russian)/);
    expect(kb.claims.some((c) => /alliance/.test(c.text) && c.text !== ally.text)).toBe(false);
  });
  it('puts negotiation reports and demands to stop negotiating on the arms-deal claim', () => {
    const deal = kb.claims.find((c) => c.text === 'North Korea and Russia negotiate an arms deal')!;
    const kirby = actorByAlias(kb, 'John Kirby')!.id;
    expect(deal.evidence.find((e) => /further discussions about potential arms deals/.test(e.quote))?.stance).toBe('supports');
    const urged = deal.evidence.filter((e) => /urge the DPRK to cease its arms negotiations/.test(e.quote));
    expect(urged).toHaveLength(2);
    for (const e of urged) expect(e).toMatchObject({ stance: 'supports', speaker: kirby });
    // The demand keeps its own claim; what it tells North Korea not to do is no supply claim.
    expect(kb.claims.find((c) => /^John Kirby urges/.test(c.text))).toBeTruthy();
  });
  it('gives every claim evidence with a stance', () => {
    for (const c of kb.claims) expect(c.evidence.some((e) => e.stance === 'supports' || e.stance === 'contradicts'), c.text).toBe(true);
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
    expect(leak!.text).toBe('Northwind Telecom leaked customer data');
    // "the company never exposed any customer data" is the company's denial of the same claim.
    expect(leak!.evidence.find((e) => /never exposed/.test(e.quote))?.stance).toBe('contradicts');
    for (const c of kb.claims) expect(c.text).not.toMatch(/^(?:Martin Hale|Data Protection Commission) leaked/);
  });
});

describe('third corpus (drug trial) golden', () => {
  const kb = buildKb(load(DRUG));
  it('finds the actors and no headline or byline junk', () => {
    for (const n of ['Veltrix Pharmaceuticals', 'European Medicines Agency', 'Dana Whitfield', 'Ines Carvalho']) expect(actorByAlias(kb, n), n).toBeTruthy();
    const names = kb.actors.map((a) => a.name);
    for (const junk of ['By Tom Abara', 'Questions Corvane Trial', 'Tom Abara', 'Regulator']) expect(names).not.toContain(junk);
  });
  it('recovers the data-hiding claim with the regulator for and the company against', () => {
    const hide = kb.claims.find((c) => /^Veltrix Pharmaceuticals hid data/.test(c.text))!;
    expect(hide).toBeTruthy();
    expect(docsOf(hide)).toBe(2);
    const id = (n: string) => actorByAlias(kb, n)!.id;
    const ev = (re: RegExp) => hide.evidence.find((e) => re.test(e.quote));
    expect(ev(/had hidden records/)).toMatchObject({ stance: 'supports', speaker: id('Ines Carvalho') });
    expect(ev(/accused the company of withholding/)).toMatchObject({ stance: 'supports', speaker: id('European Medicines Agency') });
    expect(ev(/denied the allegations, calling them baseless/)).toMatchObject({ stance: 'contradicts', speaker: id('Veltrix Pharmaceuticals') });
    expect(ev(/denied that it had hidden/)?.stance).toBe('contradicts');
    expect(ev(/never concealed side effects/)).toMatchObject({ stance: 'contradicts', speaker: id('Dana Whitfield') });
  });
});
