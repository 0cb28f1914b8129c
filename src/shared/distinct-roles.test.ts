import { describe, expect, it } from 'vitest';
import { distinctRoles } from './distinct-roles';

describe('distinctRoles', () => {
  it('folds the bundled KB’s five wordings of John Kirby’s job into the one that says most', () => {
    expect(
      distinctRoles([
        'National Security Council spokesman',
        'National Security Council spokesperson',
        'National Security Spokesperson',
        'security spokesperson at the White House',
        'spokesman for the White House National Security Council',
      ]),
    ).toEqual(['spokesman for the White House National Security Council']);
  });

  it('takes a country and its adjective as one word, keeps the first of equal roles', () => {
    expect(distinctRoles(['Russian President', 'president of Russia'])).toEqual(['Russian President']);
  });

  it('keeps roles that differ', () => {
    expect(distinctRoles(['North Korean leader', 'North Korean counterpart'])).toEqual(['North Korean leader', 'North Korean counterpart']);
    expect(distinctRoles(['Prime Minister', 'Foreign Minister'])).toEqual(['Prime Minister', 'Foreign Minister']);
    expect(distinctRoles(['chairman', 'chief executive'])).toEqual(['chairman', 'chief executive']);
  });

  it('drops exact and case duplicates and blanks', () => {
    expect(distinctRoles(['CEO', 'ceo', ' ', 'CEO'])).toEqual(['CEO']);
  });
});
