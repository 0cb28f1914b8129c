import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../html/readability';
import { ingestDocument, IngestError, MAX_DOC_BYTES } from './ingest';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const PROSE = 'The agency said on Monday that the company supplied parts to the factory. '.repeat(6);
const txt = (s: string) => ingestDocument('t.txt', enc(s));

describe('ingestDocument', () => {
  it('rejects binary, non-UTF-8, oversized and empty files with named errors', () => {
    expect(() => ingestDocument('a.txt', new Uint8Array([0x50, 0, 1, 2]))).toThrow(/a\.txt: binary/);
    expect(() => ingestDocument('b.txt', new Uint8Array([0x41, 0xff, 0xfe, 0x41]))).toThrow(/b\.txt: not valid UTF-8/);
    expect(() => ingestDocument('c.txt', new Uint8Array(MAX_DOC_BYTES + 1).fill(65))).toThrow(/c\.txt: too large/);
    expect(() => ingestDocument('d.txt', enc('   \n'))).toThrow(/d\.txt: empty file/);
    expect(() => ingestDocument('d.md', enc('\n\t \r\n'))).toThrow(/d\.md: empty file/);
    expect(() => ingestDocument('e.pdf', enc(PROSE))).toThrow(/unsupported/);
  });
  it('rejects an HTML page with no article', () => {
    expect(() => ingestFile('nav.html', enc('<html><body><nav><a href="/">Home</a></nav><p>Connect with us</p></body></html>'))).toThrow(/nav\.html: no article/);
  });
  it('refuses HTML when no extractor is given, saying so', () => {
    expect(() => ingestDocument('p.html', enc(`<p>${PROSE}</p>`))).toThrow(/p\.html: HTML needs an article extractor/);
  });
  it('drops page chrome from text files', () => {
    const d = ingestDocument('x.txt', enc(`Connect with us\n\nHi, what are you looking for?\n\nA Real Headline For The Story\n\nWritten by Published\n\n${PROSE}\n\nImage Credit: Someone.\n\nCOMMENTS\n`));
    expect(d.title).toBe('A Real Headline For The Story');
    expect(d.text).not.toMatch(/Connect with us|looking for|Written by|Image Credit|COMMENTS/);
  });
  it('rejects a file of page chrome only, naming what it found', () => {
    expect(() => txt('Connect with us\n\nHi, what are you looking for?\n\nAdvertisement\n')).toThrow(/t\.txt: no article text found: only page chrome \(3 line\(s\) such as "Connect with us"\)/);
    expect(() => ingestDocument('m.md', enc('---\ntitle: Connect with us\n---\n\nSubscribe\n\nMenu\n'))).toThrow(IngestError);
  });
  it('rejects a lone headline, but not a one-sentence brief', () => {
    expect(() => txt('Halden Foods Agrees To Buy Norrland Dairy\n')).toThrow(/only a headline/);
    const brief = txt('Report on a Florida woman\'s surgery claim\n\nThe third breast story is a hoax.\n');
    expect(brief.title).toBe("Report on a Florida woman's surgery claim");
    expect(brief.text).toBe("Report on a Florida woman's surgery claim\n\nThe third breast story is a hoax.");
    const bare = txt('The woman who claimed she had a third breast has been proved a hoax.');
    expect(bare.title).toBe('The woman who claimed she had a third breast has been proved a hoax.');
    expect(bare.text).toBe(bare.title);
    expect(() => txt('Yes.')).toThrow(/fewer than 3 words/);
  });
  it('accepts every brief of the real-news set (under 200 characters)', () => {
    const dir = join(__dirname, '../../../shared/realnews/articles');
    for (const f of ['article-020.txt', 'article-033.txt']) {
      let bytes: Uint8Array;
      try {
        bytes = readFileSync(join(dir, f));
      } catch {
        return; // the shared set is not in every checkout
      }
      expect(bytes.length).toBeLessThan(200);
      const d = ingestDocument(f, bytes);
      expect(d.text.split('\n\n')).toHaveLength(2);
    }
  });
  it('keeps a scraped kicker and chrome out of the title (assets/corpus/003)', () => {
    const d = ingestDocument('003.txt', readFileSync(join(__dirname, '../../assets/corpus/003_55ab084170e37a5d.txt')));
    expect(d.title).toBe('‘Arsenal of Evil’: Why North Korea Could Sell Russia Weapons for Ukraine War');
    expect(d.text.startsWith(d.title)).toBe(true);
  });
  it('never takes chrome for a title from metadata either', () => {
    const d = ingestDocument('m.md', enc(`---\ntitle: Hi, what are you looking for?\n---\n\n# Water Prices Rise In Three Towns\n\n${PROSE}`));
    expect(d.title).toBe('Water Prices Rise In Three Towns');
  });
});

describe('text documents: title and metadata from the text', () => {
  it('reads header lines at the top of a .txt', () => {
    const d = txt(`Title: Halden Foods to buy Norrland Dairy\nBy: Jane Doe\nSource: Nordic Wire\nDate: 2024-03-03\nURL: https://example.com/halden\n\n${PROSE}`);
    expect(d).toMatchObject({ title: 'Halden Foods to buy Norrland Dairy', author: 'Jane Doe', publisher: 'Nordic Wire', date: '2024-03-03', url: 'https://example.com/halden' });
    // The title opens the text, as an HTML page's headline does; the header lines are gone.
    expect(d.text.startsWith('Halden Foods to buy Norrland Dairy\n\nThe agency')).toBe(true);
    expect(d.text).not.toMatch(/By:|Source:|URL:/);
    const e = txt(`\n\nAuthor: Jane Doe\nPublisher: Nordic Wire\n\nA Headline Line Of The Story\n\n${PROSE}`);
    expect(e).toMatchObject({ title: 'A Headline Line Of The Story', author: 'Jane Doe', publisher: 'Nordic Wire' });
  });
  it('does not read header keys further down', () => {
    const d = txt(`A Headline Line Of The Story\n\nSource: a person familiar with the talks.\n\n${PROSE}`);
    expect(d.publisher).toBeUndefined();
    expect(d.text).toMatch(/Source: a person familiar/);
  });
  it('takes the byline for the author and leaves it out of the text', () => {
    const d = txt(`Halden Foods Agrees To Buy Norrland Dairy\n\nBy Jane Doe and John Roe, Nordic Wire\n\n${PROSE}`);
    expect(d).toMatchObject({ author: 'Jane Doe and John Roe', publisher: 'Nordic Wire' });
    expect(d.text).not.toMatch(/By Jane/);
    expect(txt(`A Headline Line Of The Story\n\nBY JANE DOE\n\n${PROSE}`).author).toBe('Jane Doe');
    expect(txt(`A Headline Line Of The Story\n\nBy Jane Doe, Senior Correspondent\n\n${PROSE}`)).toMatchObject({ author: 'Jane Doe' });
    expect(txt(`A Headline Line Of The Story\n\nBy Jane Doe | March 3, 2024\n\n${PROSE}`)).toMatchObject({ author: 'Jane Doe', date: 'March 3, 2024' });
  });
  it('is not fooled by sentences that start with "By"', () => {
    for (const line of ['By March, prices had doubled in three towns.', 'By then the company had sold its plant.', 'By Monday the strike was over.']) {
      const d = txt(`A Headline Line Of The Story\n\n${line}\n\n${PROSE}`);
      expect(d.author, line).toBeUndefined();
      expect(d.text).toContain(line);
    }
  });
  it('takes the date from a date line and the publisher from a wire dateline', () => {
    const d = txt(`Halden Foods Agrees To Buy Norrland Dairy\n\nPublished: March 3, 2024 10:30 GMT\n\nOSLO, March 3 (Reuters) - Halden Foods agreed on Monday to buy Norrland Dairy for 2.1 billion crowns.\n\n${PROSE}`);
    expect(d).toMatchObject({ publisher: 'Reuters', date: 'March 3, 2024' });
    // The dateline opens the first sentence and stays; the date line is metadata.
    expect(d.text).toMatch(/^Halden Foods Agrees To Buy Norrland Dairy\n\nOSLO, March 3 \(Reuters\) - Halden/);
    expect(txt(`WASHINGTON (AP) — The agency said it would appeal the ruling on Friday.`)).toMatchObject({ publisher: 'AP' });
    expect(txt(`(CNN) - Officials said the bridge would reopen next week.`)).toMatchObject({ publisher: 'CNN' });
    // A dateline's day without a year is not a date a reader can place.
    expect(txt(`OSLO, March 3 (Reuters) - Halden Foods agreed to buy Norrland Dairy.`).date).toBeUndefined();
    expect(txt(`PARIS, 3 March 2024 — The minister resigned on Sunday after a week of protests.`).date).toBe('3 March 2024');
  });
  it('titles a brief without a headline by its first sentence, without the dateline', () => {
    const d = txt('OSLO, March 3 (Reuters) - Halden Foods agreed to buy Norrland Dairy. The deal needs approval.');
    expect(d.title).toBe('Halden Foods agreed to buy Norrland Dairy.');
    expect(d.publisher).toBe('Reuters');
  });
  it('header lines, front matter and HTML meta win over what the text says', () => {
    const d = txt(`Source: Nordic Wire\n\nOSLO (Reuters) - ${PROSE}`);
    expect(d.publisher).toBe('Nordic Wire');
    const m = ingestDocument('m.md', enc(`---\nauthor: Sam Reyes\n---\n# A Headline Line Of The Story\n\nBy Jane Doe\n\n${PROSE}`));
    expect(m.author).toBe('Sam Reyes');
    expect(m.text).not.toMatch(/By Jane Doe/);
  });
  it('takes a wire credit at the end for the author', () => {
    const d = txt(`A Headline Line Of The Story\n\n${PROSE}\n\n(Reporting by Jane Doe in Oslo; Editing by John Roe)`);
    expect(d.author).toBe('Jane Doe');
    expect(d.text).not.toMatch(/Reporting by/);
  });
});

describe('HTML documents through the Readability extractor', () => {
  it('accepts a one-paragraph brief and reads the dateline', () => {
    const d = ingestFile('b.html', enc('<html><body><article><h1>Halden Foods to buy Norrland Dairy</h1><p>OSLO, March 3 (Reuters) - Halden Foods agreed to buy Norrland Dairy.</p></article></body></html>'));
    expect(d).toMatchObject({ title: 'Halden Foods to buy Norrland Dairy', publisher: 'Reuters' });
    expect(d.text).toBe('Halden Foods to buy Norrland Dairy\n\nOSLO, March 3 (Reuters) - Halden Foods agreed to buy Norrland Dairy.');
  });
  it('reports an extractor that throws as the file\'s error', () => {
    expect(() => ingestDocument('x.html', enc('<p>x</p>'), { html: () => { throw new Error('bad markup'); } }))
      .toThrow(/x\.html: could not parse the HTML \(bad markup\)/);
  });
});
