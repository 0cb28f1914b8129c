// The edge validators: every call has one, bad payloads get a reason in
// words, good ones come through with unknown keys stripped.
import { describe, expect, it } from 'vitest';
import { checkRequest as checkTyped, contentSchemas, NOTE_MAX_CHARS, tabSchemas, uiSchemas, type Schemas } from './message-schemas';

type AnyMap = Record<string, { req: unknown }>;
const checkRequest = (schemas: object, call: string, req: unknown) => checkTyped<AnyMap>(schemas as Schemas<AnyMap>, call, req);

const draft = {
  source: 'https://news.example/a', pageTitle: 'A', claimId: null,
  quote: { type: 'TextQuoteSelector', exact: 'leaked', prefix: 'Acme ', suffix: ' data' },
  position: { type: 'TextPositionSelector', start: 5, end: 11 },
};

describe('message schemas', () => {
  it('accept well-formed payloads and strip unknown keys', () => {
    const r = checkRequest(contentSchemas, 'page.annotate', { blocks: ['a', 'b'], evil: 1 });
    expect(r).toEqual({ ok: true, value: { blocks: ['a', 'b'] } });
    expect(checkRequest(contentSchemas, 'frame.open', { subject: { kind: 'new', draft } }).ok).toBe(true);
    expect(checkRequest(contentSchemas, 'frame.open', { subject: { kind: 'note', noteId: 'urn:uuid:1' } }).ok).toBe(true);
    expect(checkRequest(uiSchemas, 'notes.update', { id: 'n', body: 'my note', tags: ['x'] }).ok).toBe(true);
    expect(checkRequest(tabSchemas, 'page.reveal', { kind: 'claim', id: 'c-1' }).ok).toBe(true);
    expect(checkRequest(uiSchemas, 'kb.reset', { sources: 'keep' }).ok).toBe(true);
  });

  it('give the content script no call that writes or reads note text (only the note frame does)', () => {
    for (const call of ['notes.create', 'notes.update', 'notes.delete', 'notes.list']) expect(call in contentSchemas, call).toBe(false);
  });

  it('reject malformed payloads with a reason', () => {
    const bad: Array<[object, string, unknown, RegExp]> = [
      [contentSchemas, 'page.annotate', { blocks: 'text' }, /blocks/],
      [contentSchemas, 'page.annotate', null, /./],
      [contentSchemas, 'page.annotate', { blocks: [1, 2] }, /blocks/],
      [contentSchemas, 'frame.open', { subject: { kind: 'new', draft: { ...draft, source: 'javascript:alert(1)' } } }, /web pages/],
      [contentSchemas, 'frame.open', { subject: { kind: 'new', draft: { ...draft, position: { type: 'TextPositionSelector', start: 9, end: 3 } } } }, /selected text/],
      [contentSchemas, 'frame.open', { subject: { kind: 'script' } }, /kind/],
      [uiSchemas, 'notes.update', { id: 'n', body: '   ', tags: [] }, /needs some text/],
      [uiSchemas, 'notes.update', { id: 'n', body: 'x'.repeat(NOTE_MAX_CHARS + 1), tags: [] }, /at most 10,000/],
      [contentSchemas, 'kb.addPage', { url: 'https://x.example', paragraphs: 'no' }, /./],
      [uiSchemas, 'kb.search', { query: 'x', limit: 1e9 }, /limit/],
      [uiSchemas, 'kb.import', { json: '{}', sources: 'maybe' }, /sources/],
      [uiSchemas, 'notes.restore', { note: { id: 1 } }, /not a valid note/],
      [tabSchemas, 'page.reveal', { kind: 'script', id: 'x' }, /kind/],
    ];
    for (const [schemas, call, req, reason] of bad) {
      const r = checkRequest(schemas, call, req);
      expect(r.ok, `${call} ${JSON.stringify(req).slice(0, 60)}`).toBe(false);
      if (!r.ok) expect(r.message).toMatch(reason);
    }
  });
});
