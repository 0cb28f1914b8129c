import { describe, expect, it } from 'vitest';
import { ingestDocument, IngestError, MAX_DOC_BYTES } from './ingest';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const PROSE = 'The agency said on Monday that the company supplied parts to the factory. '.repeat(6);

describe('ingestDocument', () => {
  it('rejects binary, non-UTF-8, oversized and empty files with named errors', () => {
    expect(() => ingestDocument('a.txt', new Uint8Array([0x50, 0, 1, 2]))).toThrow(/a\.txt: binary/);
    expect(() => ingestDocument('b.txt', new Uint8Array([0x41, 0xff, 0xfe, 0x41]))).toThrow(/b\.txt: not valid UTF-8/);
    expect(() => ingestDocument('c.txt', new Uint8Array(MAX_DOC_BYTES + 1).fill(65))).toThrow(/c\.txt: too large/);
    expect(() => ingestDocument('d.txt', enc('   \n'))).toThrow(IngestError);
    expect(() => ingestDocument('e.pdf', enc(PROSE))).toThrow(/unsupported/);
  });
  it('rejects an HTML page with no article', () => {
    expect(() => ingestDocument('nav.html', enc('<html><body><nav><a href="/">Home</a></nav><p>Connect with us</p></body></html>'))).toThrow(/nav\.html: no article/);
  });
  it('drops page chrome from text files', () => {
    const d = ingestDocument('x.txt', enc(`Connect with us\n\nHi, what are you looking for?\n\nA Real Headline For The Story\n\nWritten by Published\n\n${PROSE}\n\nImage Credit: Someone.\n\nCOMMENTS\n`));
    expect(d.title).toBe('A Real Headline For The Story');
    expect(d.text).not.toMatch(/Connect with us|looking for|Written by|Image Credit|COMMENTS/);
  });
});
