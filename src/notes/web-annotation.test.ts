import { describe, expect, it } from 'vitest';
import { describeRange } from './selectors';
import { createNote, exportNotes, noteBody, noteTags, parseNotesImport, updateNote, validateNote } from './web-annotation';
import type { Note } from './types';

const TEXT = 'The committee voted to approve the measure on Tuesday after a long debate.';
const sel = describeRange(TEXT, 4, 42);

function make(i: number, extra: Partial<Parameters<typeof createNote>[0]> = {}): Note {
  return createNote({
    source: `https://news.example.com/story-${i}`,
    pageTitle: `Story ${i}`,
    quote: sel.quote,
    position: sel.position,
    body: `Comment ${i}`,
    tags: ['budget', 'Budget', '  council '],
    now: new Date(Date.UTC(2026, 10, i + 1, 12)),
    ...extra,
  });
}

describe('createNote / updateNote', () => {
  it('creates a W3C annotation with a urn:uuid id and normalised tags', () => {
    const n = make(1, { claimId: 'claim-7' });
    expect(n.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(n).toMatchObject({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'Annotation', motivation: 'commenting', created: '2026-11-02T12:00:00.000Z', modified: '2026-11-02T12:00:00.000Z', 'claimlens:claimId': 'claim-7', 'claimlens:pageTitle': 'Story 1' });
    expect(n.target.selector).toEqual([sel.quote, sel.position]);
    expect(noteBody(n)).toBe('Comment 1');
    expect(noteTags(n)).toEqual(['budget', 'council']);
    expect(make(1).id).not.toBe(make(1).id);
  });

  it('updates body and tags without touching created or the original object', () => {
    const n = make(1);
    const u = updateNote(n, { body: 'Edited' }, new Date('2026-12-01T00:00:00Z'));
    expect(noteBody(u)).toBe('Edited');
    expect(noteTags(u)).toEqual(['budget', 'council']);
    expect(u.modified).toBe('2026-12-01T00:00:00.000Z');
    expect(u.created).toBe(n.created);
    expect(noteBody(n)).toBe('Comment 1');
    expect(noteTags(updateNote(n, { tags: ['x'] }, new Date()))).toEqual(['x']);
  });
});

describe('exportNotes / parseNotesImport', () => {
  it('round-trips losslessly through the AnnotationCollection export', () => {
    const notes = [make(1, { claimId: 'c1' }), make(2, { pageTitle: undefined }), make(3, { body: '', tags: [] })];
    const json = exportNotes(notes);
    const doc = JSON.parse(json);
    expect(doc.type).toBe('AnnotationCollection');
    expect(doc.first.type).toBe('AnnotationPage');
    expect(doc.total).toBe(3);
    const back = parseNotesImport(json);
    expect(back).toEqual({ ok: true, notes });
  });

  it('accepts a plain array, a bare page and a single annotation', () => {
    const notes = [make(1), make(2)];
    expect(parseNotesImport(JSON.stringify(notes))).toEqual({ ok: true, notes });
    expect(parseNotesImport(JSON.stringify({ type: 'AnnotationPage', items: notes }))).toEqual({ ok: true, notes });
    expect(parseNotesImport(JSON.stringify(notes[0]))).toEqual({ ok: true, notes: [notes[0]] });
  });

  it('accepts notes from other tools (target array, single body, no position, extra selectors)', () => {
    const foreign = {
      id: 'https://hypothes.is/a/abc', type: 'Annotation', created: '2026-01-02T03:04:05+00:00',
      body: { type: 'TextualBody', value: 'hi' },
      target: [{ source: 'https://example.org/p', selector: [{ type: 'XPathSelector', value: '/p[1]' }, { type: 'TextQuoteSelector', exact: 'quote' }] }],
    };
    const r = parseNotesImport(JSON.stringify([foreign]));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.notes[0].target).toEqual({ source: 'https://example.org/p', selector: [{ type: 'TextQuoteSelector', exact: 'quote', prefix: '', suffix: '' }] });
    expect(r.notes[0].modified).toBe(foreign.created);
    expect(noteBody(r.notes[0])).toBe('hi');
  });

  it('reports every bad record by position and imports nothing', () => {
    const good = make(1);
    const noQuote = { ...make(2), target: { source: 'https://a.example/x', selector: [sel.position] } };
    const badDate = { ...make(3), created: 'yesterday' };
    const badSource = { ...make(4), target: { ...make(4).target, source: 'javascript:alert(1)' } };
    const r = parseNotesImport(JSON.stringify([good, noQuote, badDate, 42, badSource]));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      { index: 2, message: 'item 2: target.selector missing TextQuoteSelector' },
      { index: 3, message: 'item 3: created missing or not an ISO 8601 date-time' },
      { index: 4, message: 'item 4: is not an object (got number)' },
      { index: 5, message: 'item 5: target.source missing or not an http(s) URL' },
    ]);
  });

  it('rejects wrong types inside records', () => {
    const n = make(1) as unknown as Record<string, unknown>;
    const cases: Array<[unknown, RegExp]> = [
      [{ ...n, id: 5 }, /id missing/],
      [{ ...n, type: 'Note' }, /type is not "Annotation"/],
      [{ ...n, body: [{ type: 'TextualBody', value: 3 }] }, /body\[0\] is not a TextualBody/],
      [{ ...n, target: { source: 'https://a.example/', selector: [{ type: 'TextQuoteSelector', exact: '' }] } }, /exact missing, empty/],
      [{ ...n, target: { source: 'https://a.example/', selector: [sel.quote, { type: 'TextPositionSelector', start: 5, end: 2 }] } }, /TextPositionSelector/],
      [{ ...n, 'claimlens:claimId': {} }, /claimId/],
    ];
    for (const [rec, re] of cases) {
      const r = parseNotesImport(JSON.stringify([rec]));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors[0].message).toMatch(re);
    }
  });

  it('rejects duplicate ids within one file', () => {
    const n = make(1);
    const r = parseNotesImport(JSON.stringify([n, n]));
    expect(r).toEqual({ ok: false, errors: [{ index: 2, message: 'item 2: duplicate id (same as item 1)' }] });
  });

  it('handles malformed JSON, wrong top-level shapes and size limits with clear errors', () => {
    const first = (r: ReturnType<typeof parseNotesImport>): string => (r.ok ? 'ok' : r.errors[0].message);
    expect(first(parseNotesImport('{"type": "AnnotationCollection", '))).toMatch(/^not valid JSON/);
    expect(first(parseNotesImport('"hello"'))).toMatch(/not a JSON object or array/);
    expect(first(parseNotesImport('{"type":"Something"}'))).toMatch(/not a Web Annotation document/);
    expect(first(parseNotesImport(JSON.stringify([make(1)]), { maxChars: 100 }))).toMatch(/file too large: .* the limit is/);
    expect(first(parseNotesImport(JSON.stringify([make(1), make(2)]), { maxNotes: 1 }))).toMatch(/too many notes: 2, the limit is 1/);
  });

  it('rejects prototype-pollution keys and never pollutes Object.prototype', () => {
    const n = JSON.stringify(make(1));
    const evil = `[${n.replace('"target":', '"__proto__": {"polluted": true}, "target":')}]`;
    const r = parseNotesImport(evil);
    expect(r).toEqual({ ok: false, errors: [{ index: 1, message: 'item 1: forbidden key "__proto__"' }] });
    const nested = `[${n.replace('"source":', '"constructor": {"prototype": {"x": 1}}, "source":')}]`;
    const r2 = parseNotesImport(nested);
    expect(r2.ok).toBe(false);
    if (!r2.ok) expect(r2.errors[0].message).toBe('item 1: forbidden key "target.constructor"');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('validateNote applies the same rules to a single value', () => {
    expect(validateNote(make(1)).ok).toBe(true);
    expect(validateNote({})).toMatchObject({ ok: false });
  });
});
