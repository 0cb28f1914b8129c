import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DATA_FILE, generate, serialise } from './word-classes.gen';
import { isFiniteVerb, isIn } from './words';

describe('word classes compiled from compromise', () => {
  it('are what the generator makes from the installed compromise (regenerate with npx tsx src/match/actors/word-classes.gen.ts)', () => {
    expect(readFileSync(DATA_FILE, 'utf8')).toBe(serialise(generate()));
  });

  it('know the words the actor rules ask about', () => {
    expect(isFiniteVerb('denied') && isFiniteVerb('said') && isFiniteVerb('will') && isFiniteVerb('test-fired')).toBe(true);
    expect(isFiniteVerb('time') || isFiniteVerb('festival')).toBe(false);
    expect(isIn('title', 'president') && isIn('firstName', 'alex') && isIn('currency', 'dollar')).toBe(true);
  });
});
