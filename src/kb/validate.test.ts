import { describe, expect, it } from 'vitest';
import { parseKb } from './validate';

describe('parseKb', () => {
  it('accepts a minimal KB', () => {
    expect(parseKb('{"schema":"claimlens-kb/1","documents":[],"actors":[],"claims":[]}').ok).toBe(true);
  });
  it('rejects truncated JSON with a message', () => {
    const r = parseKb('{"schema":"claimlens-kb/1","documents":[');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/not valid JSON/);
  });
  it('rejects a wrong schema and bad records', () => {
    expect(parseKb('{"schema":"other","documents":[],"actors":[],"claims":[]}').ok).toBe(false);
    const bad = parseKb('{"schema":"claimlens-kb/1","documents":[],"actors":[{"id":1}],"claims":[]}');
    expect(bad.ok === false && bad.message).toMatch(/actors\[0\]/);
  });
});
