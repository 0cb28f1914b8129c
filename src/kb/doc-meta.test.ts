import { describe, expect, it } from 'vitest';
import { byline, creditLine, dateLine, dateline, readHeaderLines } from './doc-meta';

describe('metadata written in the text', () => {
  it('reads bylines', () => {
    expect(byline('By Jane Doe')).toEqual({ author: 'Jane Doe' });
    expect(byline('By: Jane Doe')).toEqual({ author: 'Jane Doe' });
    expect(byline('Written by Ana María de la Cruz')).toEqual({ author: 'Ana María de la Cruz' });
    expect(byline('By Jane Doe, John Roe and Ann Poe')).toEqual({ author: 'Jane Doe, John Roe and Ann Poe' });
    expect(byline('By Jane Doe, Associated Press')).toEqual({ author: 'Jane Doe', publisher: 'Associated Press' });
    expect(byline('By Jane Doe for The Guardian')).toEqual({ author: 'Jane Doe', publisher: 'The Guardian' });
    expect(byline('By Jane Doe Published 3 March 2024')).toEqual({ author: 'Jane Doe', date: '3 March 2024' });
    expect(byline('By Jane Doe, Reuters Staff')).toEqual({ author: 'Jane Doe' });
    for (const no of ['By March, prices had doubled.', 'By the end of the year', 'By Christmas, the shops were empty.', 'Bylines are hard', 'By Jane Doe, who wrote the report, the company was wrong about everything it said']) {
      expect(byline(no), no).toBeUndefined();
    }
  });
  it('reads date lines', () => {
    expect(dateLine('March 3, 2024')).toBe('March 3, 2024');
    expect(dateLine('Published: Mon 3 Mar 2024 10.30 GMT')).toBe('3 Mar 2024');
    expect(dateLine('Updated on 2024-03-03T10:00:00Z')).toBe('2024-03-03T10:00:00Z');
    expect(dateLine('March 3, 2024 was a Sunday.')).toBeUndefined();
    expect(dateLine('March 3')).toBeUndefined();
  });
  it('reads wire datelines', () => {
    expect(dateline('OSLO, March 3 (Reuters) - Halden Foods agreed')).toEqual({ length: 'OSLO, March 3 (Reuters) - '.length, publisher: 'Reuters' });
    expect(dateline('SÃO PAULO, Brazil, March 3, 2024 (AFP) — x')).toMatchObject({ publisher: 'AFP', date: 'March 3, 2024' });
    expect(dateline('Geneva (Thomson Reuters Foundation) - x')).toMatchObject({ publisher: 'Thomson Reuters Foundation' });
    expect(dateline('The agency (FDA) said on Monday')).toBeUndefined();
    expect(dateline('Officials said (in private) - that')).toBeUndefined();
  });
  it('reads a header block only at the top', () => {
    expect(readHeaderLines(['', 'Title: "A Quoted Title"', 'url: https://x.test/a', '', 'Body.'])).toEqual({
      meta: { title: 'A Quoted Title', url: 'https://x.test/a' }, rest: ['', 'Body.'],
    });
    const lines = ['A Headline', 'Title: not a header here'];
    expect(readHeaderLines(lines)).toEqual({ meta: {}, rest: lines });
  });
  it('reads a reporting credit', () => {
    expect(creditLine('(Reporting by Jane Doe in Oslo; Editing by John Roe)')).toBe('Jane Doe');
    expect(creditLine('Reporting by Jane Doe and John Roe')).toBe('Jane Doe and John Roe');
    expect(creditLine('Reporting by the agency showed a rise.')).toBeUndefined();
  });
});
