import { describe, expect, it } from 'vitest';
import { denialCue, isReportedDenial } from './stance';

describe('denialCue', () => {
  const positives = [
    'The ministry denied the reports on Monday.',
    'North Korea has refuted these allegations.',
    'The company rejected the accusations as politically motivated.',
    'Officials called the claims baseless.',
    'He dismissed the story as groundless rumours.',
    'They accused Washington of spreading false information with no evidence.',
    'The firm said it never sold customer data.',
    'Pyongyang said it did not supply any weapons.',
    'The firm has nothing to do with the breach.',
    'The report was fabricated, a spokesman said.',
    'The government called it a smear campaign.',
    'It warned Washington to stop spreading groundless rumors.',
    'They denied the suspicions that they were selling weapons.',
  ];
  const negatives = [
    'The embassy has not yet responded to requests for comment.',
    'North Korea has yet to act on these threats.',
    'The war shows no signs of immediate resolution.',
    'An agreement has not been reached between the two sides.',
    'The company supplied the parts in March.',
    'Officials did not say how the data was obtained.',
    'The trial met its primary endpoint.',
    'Kirby refrained from detailing how the U.S. gathered this intelligence.',
  ];
  for (const s of positives) it(`denies: ${s}`, () => expect(denialCue(s).denies).toBe(true));
  for (const s of negatives) it(`no denial: ${s}`, () => expect(denialCue(s)).toEqual({ denies: false, cue: null }));
  it('reports the cue text', () => {
    expect(denialCue('North Korea has refuted these allegations.').cue).toBe('refuted');
  });
});

describe('isReportedDenial', () => {
  it('is true for attributed denials', () => {
    expect(isReportedDenial('The company denied the report.')).toBe(true);
    expect(isReportedDenial('The sky is blue.')).toBe(false);
  });
});

describe('denialCue: events that never took place, undertakings', () => {
  it('denies "no such X ever took place"', () => {
    expect(denialCue('The agency said no such transfers had ever taken place.').denies).toBe(true);
    expect(denialCue('Officials said the meeting never took place.').denies).toBe(true);
  });
  it('does not read a promise not to act as a denial', () => {
    expect(denialCue('He urged them to honour their promise not to sell weapons.').denies).toBe(false);
    expect(denialCue('It made commitments to not provide arms to the rebels.').denies).toBe(false);
  });
});
