// The editor's length message: silent below 9,000 characters, a count up to
// the limit, then how much to cut (Save refuses it).
import { describe, expect, it } from 'vitest';
import { lengthMessage } from './note-editor';

describe('lengthMessage', () => {
  it('says nothing for ordinary notes, counts near the limit, and says how much to cut past it', () => {
    expect(lengthMessage(120)).toBeNull();
    expect(lengthMessage(8_999)).toBeNull();
    expect(lengthMessage(9_412)).toEqual({ text: '9,412 of 10,000 characters', over: false });
    expect(lengthMessage(10_000)).toEqual({ text: '10,000 of 10,000 characters', over: false });
    const over = lengthMessage(10_050)!;
    expect(over.over).toBe(true);
    expect(over.text).toMatch(/at most 10,000 characters/);
    expect(over.text).toMatch(/Shorten it by 50 to save/);
  });
});
