import { describe, expect, it } from 'vitest';
import { fastTagText } from './fast-tagger';
import { isDebunk } from './stance';
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
