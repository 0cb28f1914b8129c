import { describe, expect, it } from 'vitest';
import type { Kb } from '../kb/types';
import { BADGE_COLOURS, badgeFor } from './badge';
import { kbFileProblem, notesFileProblem } from './import-errors';

const ev = (stance: 'supports' | 'contradicts') => ({ docId: 'd', quote: 'q', start: 0, end: 1, speaker: null, stance });
const kb: Kb = {
  schema: 'claimlens-kb/1', documents: [], actors: [],
  claims: [{ id: 'c1', text: 'A', actors: [], evidence: [ev('supports')] }, { id: 'c2', text: 'B', actors: [], evidence: [ev('supports'), ev('contradicts')] }],
};

describe('toolbar badge', () => {
  it('counts distinct claims, empty when none', () => {
    expect(badgeFor([], kb).text).toBe('');
    expect(badgeFor([{ id: 'c1', stance: 'supports' }, { id: 'c1', stance: 'supports' }], kb)).toEqual({ text: '1', colour: BADGE_COLOURS.plain });
  });
  it('takes the warning colour when a claim is contradicted on the page or in the KB', () => {
    expect(badgeFor([{ id: 'c1', stance: 'contradicts' }], kb).colour).toBe(BADGE_COLOURS.contested);
    expect(badgeFor([{ id: 'c1', stance: 'supports' }, { id: 'c2', stance: 'supports' }], kb)).toEqual({ text: '2', colour: BADGE_COLOURS.contested });
  });
});

describe('import errors in words', () => {
  it('never shows raw bytes or schema jargon', () => {
    expect(kbFileProblem('PK\u0003\u0004\u0000\u0000binary')).toMatch(/not a text file/);
    expect(kbFileProblem('{"schema":"claimlens-kb/1","actors":')).toMatch(/not JSON/);
    expect(kbFileProblem(JSON.stringify({ type: 'AnnotationCollection', first: { items: [] } }))).toMatch(/notes file.*Notes tab/);
    expect(kbFileProblem('{"hello":1}')).toMatch(/not a Claimlens knowledge base/);
    expect(kbFileProblem('{"schema":"claimlens-kb/0"}')).toMatch(/another version/);
    expect(kbFileProblem('{"schema":"claimlens-kb/1","documents":[],"actors":[],"claims":[]}')).toBeNull();
    expect(notesFileProblem('\u0000\u0001')).toMatch(/not a text file/);
    expect(notesFileProblem('{"schema":"claimlens-kb/1"}')).toMatch(/knowledge base file/);
  });
});
