import { describe, expect, it } from 'vitest';
import { anchorNote, anchorNotes, collapseWhitespace } from './anchor';
import { describeRange } from './selectors';
import type { Note } from './types';

const ARTICLE = [
  'The city council met on Monday evening to discuss the new budget proposal.',
  'After three hours of debate, the committee voted to approve the measure on Tuesday.',
  'Critics said the plan would raise property taxes for thousands of residents.',
  'The mayor defended the proposal, arguing that the schools needed the money.',
  'A final vote is expected next month, after a round of public hearings.',
].join(' ');

/** Selectors for the first occurrence of `phrase` (or the nth). */
function select(text: string, phrase: string, nth = 0) {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(phrase, at + 1);
  if (at < 0) throw new Error(`fixture: "${phrase}" not in text`);
  return describeRange(text, at, at + phrase.length);
}

const slice = (text: string, a: { start: number; end: number } | null) => (a ? text.slice(a.start, a.end) : null);

describe('anchorNote: exact paths', () => {
  it('uses the stored position on an unchanged page', () => {
    const sel = select(ARTICLE, 'the committee voted to approve the measure');
    const a = anchorNote(ARTICLE, sel);
    expect(a).toMatchObject({ method: 'position', start: sel.position.start, end: sel.position.end });
    expect(a?.score).toBeCloseTo(1, 5);
  });

  it('accepts the selector list of a stored note too', () => {
    const sel = select(ARTICLE, 'property taxes');
    expect(anchorNote(ARTICLE, [sel.position, sel.quote])?.method).toBe('position');
  });

  it('finds the quote by text when content was inserted above it', () => {
    const sel = select(ARTICLE, 'Critics said the plan would raise property taxes');
    const edited = 'Breaking: a late amendment was filed. ' + ARTICLE;
    const a = anchorNote(edited, sel);
    expect(a?.method).toBe('quote');
    expect(slice(edited, a)).toBe('Critics said the plan would raise property taxes');
    expect(a?.start).toBe(sel.position.start + 38);
  });

  it('survives whitespace changes inside the quote and its context', () => {
    const sel = select(ARTICLE, 'the committee voted to approve the measure');
    const edited = ARTICLE.replace('committee voted to', 'committee\n  voted\u00a0to').replace('debate, the', 'debate,\n\nthe');
    const a = anchorNote(edited, sel);
    expect(a).not.toBeNull();
    expect(collapseWhitespace(slice(edited, a) ?? '')).toBe('the committee voted to approve the measure');
    expect(a?.method).toBe('quote');
  });
});

describe('anchorNote: repeated phrases', () => {
  const text =
    'In the first round, the proposal was rejected by a narrow margin. ' +
    'Lawmakers then rewrote the funding section entirely. ' +
    'In the second round, the proposal was rejected by a narrow margin again, to general surprise. ' +
    'The sponsors gave up after that.';
  const phrase = 'the proposal was rejected by a narrow margin';

  it('picks the occurrence whose prefix and suffix fit (second occurrence)', () => {
    const sel = select(text, phrase, 1);
    // Shift everything so the stored position is useless.
    const edited = 'Update: ' + text;
    const a = anchorNote(edited, sel);
    expect(a?.start).toBe(edited.indexOf(phrase, edited.indexOf(phrase) + 1));
  });

  it('picks the first occurrence when that is the one the note was on', () => {
    const sel = select(text, phrase, 0);
    const edited = 'Update: ' + text;
    expect(anchorNote(edited, sel)?.start).toBe(edited.indexOf(phrase));
  });

  it('does not take the stored position if another copy of the phrase moved there', () => {
    // Note on the second occurrence; the page is rebuilt so that the stored
    // offsets now hold the FIRST occurrence (same words, other context).
    const sel = select(text, phrase, 1);
    const filler = 'x'.repeat(sel.position.start - 'In the first round, '.length);
    const edited = filler + 'In the first round, ' + phrase + ' today. Elsewhere: In the second round, ' + phrase + ' again, to general surprise.';
    expect(edited.startsWith(phrase, sel.position.start)).toBe(true);
    const a = anchorNote(edited, sel);
    expect(a?.start).toBe(edited.lastIndexOf(phrase));
  });

  it('orphans a short repeated phrase whose own occurrence was deleted', () => {
    const t = 'Alpha said yes to the plan. Beta said no to the plan. Gamma abstained entirely from voting.';
    const sel = select(t, 'said no', 0);
    const edited = 'Alpha said yes to the plan. Gamma abstained entirely from voting. Delta said no quietly.';
    // "said no" still exists, but elsewhere and with unrelated context.
    expect(anchorNote(edited, sel)).toBeNull();
  });
});

describe('anchorNote: fuzzy', () => {
  it('finds the quote when a word inside it changed', () => {
    const sel = select(ARTICLE, 'After three hours of debate, the committee voted to approve the measure on Tuesday.');
    const edited = 'Editor’s note: this story was updated. ' + ARTICLE.replace('approve the measure', 'reject the measure');
    const a = anchorNote(edited, sel);
    expect(a?.method).toBe('fuzzy');
    expect(slice(edited, a)).toBe('After three hours of debate, the committee voted to reject the measure on Tuesday.');
    expect(a!.score).toBeGreaterThan(0.75);
    expect(a!.score).toBeLessThan(1);
  });

  it('finds an edited quote that moved far away (probe windows, not the hint window)', () => {
    const sel = select(ARTICLE, 'The mayor defended the proposal, arguing that the schools needed the money.');
    const edited = 'Lorem ipsum dolor sit amet. '.repeat(400) + ARTICLE.replace('schools needed', 'schools badly needed');
    const a = anchorNote(edited, sel, { maxFullScanWork: 0 });
    expect(slice(edited, a)).toBe('The mayor defended the proposal, arguing that the schools badly needed the money.');
    expect(a?.method).toBe('fuzzy');
  });

  it('uses pieces of the quote as probes when the context edges changed too', () => {
    const sel = select(ARTICLE, 'The mayor defended the proposal, arguing that the schools needed the money.');
    // One character changed right at the prefix end and the suffix start, so
    // neither context probe is found; the quote itself moved and was edited.
    const edited =
      'Lorem ipsum dolor sit amet. '.repeat(400) +
      ARTICLE.replace('thousands of residents. The mayor', 'thousands of residents; The mayor')
        .replace('money. A final', 'money. The final')
        .replace('schools needed', 'schools badly needed');
    const a = anchorNote(edited, sel, { maxFullScanWork: 0 });
    expect(slice(edited, a)).toBe('The mayor defended the proposal, arguing that the schools badly needed the money.');
  });

  it('accepts a long unique exact quote whose surroundings were rewritten', () => {
    const quote = 'Critics said the plan would raise property taxes for thousands of residents.';
    const sel = select(ARTICLE, quote);
    const edited = 'Completely new opening lines here, nothing alike. ' + quote + ' Followed by entirely new closing words too.';
    expect(slice(edited, anchorNote(edited, sel))).toBe(quote);
  });

  it('orphans a long quote that now exists twice with neither copy in its context', () => {
    const quote = 'Critics said the plan would raise property taxes for thousands of residents.';
    const sel = select(ARTICLE, quote);
    const edited = 'Pull quote box: ' + quote + ' Share this. Later, unrelated paragraph. ' + quote + ' End of the page.';
    expect(anchorNote(edited, sel)).toBeNull();
  });

  it('returns null when the quote is gone, even though its context remains', () => {
    const sel = select(ARTICLE, 'Critics said the plan would raise property taxes for thousands of residents.');
    const edited = ARTICLE.replace('Critics said the plan would raise property taxes for thousands of residents. ', '');
    expect(anchorNote(edited, sel)).toBeNull();
  });

  it('returns null rather than anchoring on a similar sentence with different surroundings', () => {
    const sel = select(ARTICLE, 'A final vote is expected next month');
    const other = 'Weather was mild across the region this weekend. A final vote is expected next week, officials said on Friday.';
    expect(anchorNote(other, sel)).toBeNull();
  });

  it('returns null on an unrelated page and for a missing quote selector', () => {
    const sel = select(ARTICLE, 'the schools needed the money');
    expect(anchorNote('Completely different text about football and the weather in Spain.', sel)).toBeNull();
    expect(anchorNote(ARTICLE, [sel.position])).toBeNull();
  });

  it('does not fuzzy-match very short quotes', () => {
    const sel = select(ARTICLE, 'Monday');
    const edited = ARTICLE.replace('Monday', 'Mondax').replace('The city council met on', 'Councillors gathered,');
    expect(anchorNote(edited, sel)).toBeNull();
  });

  it('respects minScore', () => {
    const sel = select(ARTICLE, 'After three hours of debate, the committee voted to approve the measure on Tuesday.');
    const edited = ARTICLE.replace('approve the measure', 'reject the measure');
    expect(anchorNote(edited, sel, { minScore: 0.99 })).toBeNull();
  });
});

describe('anchorNotes', () => {
  function note(text: string, phrase: string, nth = 0): Pick<Note, 'target'> {
    const { quote, position } = select(text, phrase, nth);
    return { target: { source: 'https://a.example/x', selector: [quote, position] } };
  }

  it('anchors a batch in input order and reports orphans', () => {
    const notes = [
      note(ARTICLE, 'A final vote is expected next month'),
      note(ARTICLE, 'Critics said the plan would raise property taxes for thousands of residents.'),
      note(ARTICLE, 'The city council met on Monday evening'),
    ];
    const edited = 'New intro paragraph with several words. ' + ARTICLE.replace('Critics said the plan would raise property taxes for thousands of residents. ', '');
    const res = anchorNotes(edited, notes);
    expect(res.map((r) => r.note)).toEqual(notes);
    expect(slice(edited, res[0].anchor)).toBe('A final vote is expected next month');
    expect(res[1].anchor).toBeNull();
    expect(res[1].deferred).toBe(false);
    expect(slice(edited, res[2].anchor)).toBe('The city council met on Monday evening');
  });

  it('marks notes deferred when the whole-text budget is exhausted', () => {
    const long = 'Some filler words go here and there. '.repeat(200) + ARTICLE;
    const notes = [note(long, 'the committee voted to approve the measure on Tuesday')];
    const edited = ARTICLE.replace('After three hours of debate, the committee voted to approve the measure on Tuesday.', '');
    const res = anchorNotes(edited, notes, { batchFullScanWork: 0 });
    expect(res[0].anchor).toBeNull();
    expect(res[0].deferred).toBe(true);
  });
});
