import { describe, expect, it } from 'vitest';
import { splitSentences } from './sentences';

function texts(t: string): string[] {
  const spans = splitSentences(t);
  for (const s of spans) expect(t.slice(s.start, s.end)).toBe(s.text);
  return spans.map((s) => s.text);
}

describe('splitSentences', () => {
  it('splits plain sentences with exact offsets', () => {
    expect(texts('One two. Three four! Five six? Seven')).toEqual(['One two.', 'Three four!', 'Five six?', 'Seven']);
  });
  it('keeps abbreviations, initials and decimals inside sentences', () => {
    expect(texts('The U.S. Air Force flew. Mr. Smith met Dr. Jones on Feb. 3, 2022 at No. 10.')).toEqual([
      'The U.S. Air Force flew.',
      'Mr. Smith met Dr. Jones on Feb. 3, 2022 at No. 10.',
    ]);
    expect(texts('John F. Kennedy spoke. Growth was 3.5 percent. The U.N. Security Council met.')).toEqual([
      'John F. Kennedy spoke.', 'Growth was 3.5 percent.', 'The U.N. Security Council met.',
    ]);
  });
  it('ends a sentence after an acronym when a sentence starter follows', () => {
    expect(texts('It was sent to the U.S. The next day it left.')).toEqual(['It was sent to the U.S.', 'The next day it left.']);
  });
  it('handles quotes around terminators', () => {
    expect(texts('“We condemn it,” he said. “It is hard.” Kirby added.')).toEqual([
      '“We condemn it,” he said.', '“It is hard.”', 'Kirby added.',
    ]);
  });
  it('treats newlines as breaks and keeps headlines without punctuation', () => {
    expect(texts('A Headline Here\n\n  First para. Second.\nLast line ')).toEqual([
      'A Headline Here', 'First para.', 'Second.', 'Last line',
    ]);
  });
  it('does not split before lower-case continuation', () => {
    expect(texts('in Oct. 2023 the war went on. Next.')).toEqual(['in Oct. 2023 the war went on.', 'Next.']);
  });
  it('returns nothing for blank text', () => {
    expect(splitSentences('  \n\n ')).toEqual([]);
  });
});
