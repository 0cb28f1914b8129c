import { describe, expect, it } from 'vitest';
import { fastTagText } from './fast-tagger';
import { isDebunk, isNoComment } from './stance';
import { tagText } from './tagger';

const debunks = (s: string): boolean[] => [isDebunk(tagText(s)), isDebunk(fastTagText(s))];

describe('debunk cues', () => {
  it('a debunk adjective before a thing names a counterfeit, not an untrue claim', () => {
    expect(debunks('Officers seized more than 20,000 fake kitchen appliances at British ports.')).toEqual([false, false]);
    expect(debunks('Police found fake banknotes in the car.')).toEqual([false, false]);
  });
  it('still debunks before a claim, a report or the media a hoax is told in', () => {
    expect(debunks('The minister called it a false report.')).toEqual([true, true]);
    expect(debunks('Experts said the fake photos were made with editing software.')).toEqual([true, true]);
    expect(debunks('The story turned out to be fake.')).toEqual([true, true]);
  });
});

describe('the no-comment formula', () => {
  it('is found in either tagger\'s words, and an ordinary report is not it', () => {
    for (const s of ['The Russian Embassy in Washington has not yet responded to requests for comment.', 'A spokeswoman for Halden Foods declined to comment on Tuesday.']) {
      expect([isNoComment(tagText(s)), isNoComment(fastTagText(s))], s).toEqual([true, true]);
    }
    expect(isNoComment(tagText('The embassy responded to the report by denying it.'))).toBe(false);
  });
});
