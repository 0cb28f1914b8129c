import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildKb } from './build';
import { gazetteer } from './gazetteer';
import { ingestFile } from '../html/readability';

const CORPUS = join(__dirname, '../../assets/corpus');

describe('general-knowledge country forms (gazetteer.kbAliases)', () => {
  const forms = (cca3: string) => gazetteer().kbAliases.get(`country:${cca3}`)!.map((f) => f.text);
  it('keeps common and official names, English alternative spellings, acronyms of them and the capital', () => {
    expect(forms('USA')).toEqual(expect.arrayContaining(['United States', 'United States of America', 'US', 'USA', 'U.S.', 'America', 'Washington']));
    expect(forms('GBR')).toEqual(expect.arrayContaining(['United Kingdom', 'UK', 'Britain', 'Great Britain', 'London']));
    expect(forms('RUS')).toEqual(expect.arrayContaining(['Russia', 'Russian Federation', 'Moscow', 'Kremlin']));
    expect(forms('PRK')).toEqual(expect.arrayContaining(['North Korea', "Democratic People's Republic of Korea", 'DPRK', 'Pyongyang']));
    expect(forms('COD')).toEqual(expect.arrayContaining(['DRC', 'Democratic Republic of the Congo']));
    expect(forms('IND')).toEqual(expect.arrayContaining(['India', 'Republic of India', 'New Delhi']));
  });
  it('drops two-letter codes, native-language names and forms of two entries', () => {
    expect(forms('IND')).not.toContain('IN');
    expect(forms('PRK')).not.toContain('KP');
    expect(forms('ISL')).not.toContain('IS');
    expect(forms('DEU')).not.toContain('Bundesrepublik Deutschland');
    expect(forms('JPN')).not.toContain('Nippon');
    expect(forms('PAK')).not.toContain('Pākistān');
    expect(forms('COG')).not.toContain('Congo'); // also the other Congo
    expect(forms('DJI')).toContain('Djibouti'); // its own demonym is no rival
  });
  it('marks forms that name other things too', () => {
    const usa = gazetteer().kbAliases.get('country:USA')!;
    expect(usa.find((f) => f.text === 'America')?.ambiguous).toBe(true);
    expect(usa.find((f) => f.text === 'US')?.ambiguous).toBeUndefined();
    expect(gazetteer().kbAliases.get('country:SYC')!.find((f) => f.text === 'Victoria')?.ambiguous).toBe(true);
  });
});

describe('KB actor aliases and ambiguity (bundled corpus)', () => {
  const kb = buildKb(readdirSync(CORPUS).sort().map((f) => ingestFile(f, readFileSync(join(CORPUS, f)))));
  const actor = (n: string) => kb.actors.find((a) => a.name === n)!;
  it('gives country actors the forms readers write, not only the corpus ones', () => {
    expect(actor('United States').aliases).toEqual(expect.arrayContaining(['US', 'USA', 'U.S.', 'United States of America', 'America', 'Washington']));
    expect(actor('United States').ambiguousAliases).toEqual(['America']);
    expect(actor('Russia').aliases).toContain('Russian Federation');
    expect(actor('United Nations').aliases).toContain('UN');
    expect(actor('Sergei Lavrov').aliases).toContain('Lavrov');
  });
  it('marks distinctive surnames unambiguous and short, common or shared ones ambiguous', () => {
    for (const [n, s] of [['Vladimir Putin', 'Putin'], ['John Kirby', 'Kirby'], ['Sergei Shoigu', 'Shoigu'], ['Dmitry Peskov', 'Peskov'],
      ['Yevgeny Prigozhin', 'Prigozhin'], ['Sergei Lavrov', 'Lavrov']]) {
      expect(actor(n).unambiguousAliases, n).toContain(s);
      expect(actor(n).ambiguousAliases ?? [], n).not.toContain(s);
    }
    expect(actor('Kim Jong Un').ambiguousAliases).toContain('Kim');
    expect(actor('Kim Jong Un').unambiguousAliases).toBeUndefined();
    expect(actor('Wagner Group').ambiguousAliases).toContain('Wagner');
  });
  it('never gives one alias to two actors', () => {
    const seen = new Map<string, string>();
    for (const a of kb.actors) {
      for (const f of [a.name, ...a.aliases]) {
        const k = f.toLowerCase();
        expect(seen.get(k) ?? a.id, `${f}: ${a.name}`).toBe(a.id);
        seen.set(k, a.id);
      }
    }
  });
});
