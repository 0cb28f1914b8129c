// The note frame's messages are checked at the edge like every other call:
// a token is 32 hex digits, a height a bounded number, events carry no text.
import { describe, expect, it } from 'vitest';
import { checkRequest as checkTyped, NOTE_MAX_CHARS, tabSchemas, type Schemas } from './message-schemas';
import { frameSchemas, MAX_FRAME_HEIGHT } from './frame-schemas';

type AnyMap = Record<string, { req: unknown }>;
const check = (schemas: object, call: string, req: unknown) => checkTyped<AnyMap>(schemas as Schemas<AnyMap>, call, req);
const token = '0123456789abcdef0123456789abcdef';
const anchor = {
  id: 'urn:uuid:1',
  target: { source: 'https://news.example/a', selector: [{ type: 'TextQuoteSelector', exact: 'leaked', prefix: '', suffix: '' }, { type: 'TextPositionSelector', start: 3, end: 9 }] },
  claimId: null,
};

describe('frame schemas', () => {
  it('accept what the frame and the background send, unknown keys stripped', () => {
    expect(check(frameSchemas, 'frame.claim', { token, extra: 1 })).toEqual({ ok: true, value: { token } });
    expect(check(frameSchemas, 'frame.save', { token, body: 'my note', tags: ['a'] }).ok).toBe(true);
    expect(check(frameSchemas, 'frame.size', { token, height: 240.5 }).ok).toBe(true);
    expect(check(frameSchemas, 'frame.editing', { token, editing: true }).ok).toBe(true);
    expect(check(frameSchemas, 'frame.close', { token }).ok).toBe(true);
    expect(check(tabSchemas, 'frame.event', { token, event: { type: 'saved', note: anchor } }).ok).toBe(true);
    expect(check(tabSchemas, 'frame.event', { token, event: { type: 'size', height: 300 } }).ok).toBe(true);
  });

  it('strip any text smuggled into an event: the content script gets sizes, states and anchors only', () => {
    const r = check(tabSchemas, 'frame.event', { token, event: { type: 'close', body: 'secret' } });
    expect(r).toEqual({ ok: true, value: { token, event: { type: 'close' } } });
    const saved = check(tabSchemas, 'frame.event', { token, event: { type: 'saved', note: { ...anchor, body: [{ value: 'secret' }] } } });
    expect(JSON.stringify(saved)).not.toContain('secret');
  });

  it('reject malformed payloads with a reason', () => {
    const bad: Array<[object, string, unknown, RegExp]> = [
      [frameSchemas, 'frame.claim', { token: 'abc' }, /frame token/],
      [frameSchemas, 'frame.claim', { token: token.toUpperCase() }, /frame token/],
      [frameSchemas, 'frame.claim', {}, /token/],
      [frameSchemas, 'frame.save', { token, body: '  ', tags: [] }, /needs some text/],
      [frameSchemas, 'frame.save', { token, body: 'x'.repeat(NOTE_MAX_CHARS + 1), tags: [] }, /at most 10,000/],
      [frameSchemas, 'frame.save', { token, body: 'ok', tags: 'a,b' }, /tags/],
      [frameSchemas, 'frame.size', { token, height: 'tall' }, /height/],
      [frameSchemas, 'frame.size', { token, height: MAX_FRAME_HEIGHT + 1 }, /height/],
      [frameSchemas, 'frame.size', { token, height: -1 }, /height/],
      [frameSchemas, 'frame.size', { token, height: Number.POSITIVE_INFINITY }, /height/],
      [frameSchemas, 'frame.editing', { token, editing: 'yes' }, /editing/],
      [tabSchemas, 'frame.event', { token, event: { type: 'type', text: 'hello' } }, /type/],
      [tabSchemas, 'frame.event', { token, event: { type: 'saved', note: { ...anchor, target: { ...anchor.target, source: 'file:///etc' } } } }, /web pages/],
    ];
    for (const [schemas, call, req, reason] of bad) {
      const r = check(schemas, call, req);
      expect(r.ok, `${call} ${JSON.stringify(req).slice(0, 80)}`).toBe(false);
      if (!r.ok) expect(r.message).toMatch(reason);
    }
  });
});
