// Fuzz: random documents (bytes, text, HTML fragments) through ingest and the
// KB builder. Ingest may only refuse with its own IngestError; buildKb must
// never throw and must keep every evidence quote equal to its offsets.
import { describe, expect, it } from 'vitest';
import { buildKb } from './build';
import { ingestFile } from '../html/readability';
import { IngestError, type IngestedDoc } from './ingest';
import { rng } from '../shared/rng';

const WORDS = [
  'North', 'Korea', 'Russia', 'denied', 'supplied', 'weapons', 'to', 'the', 'U.S.', 'said', 'Kirby', 'John',
  'Acme', 'Corp.', 'leaked', 'data', 'never', '"', '“', '”', '—', ',', '.', '?', '!', 'Mr.', 'Dr.', '1,000',
  'containers', 'rumours', 'baseless', 'Putin', 'Kim', 'Jong', 'Un', "'s", '(', ')', '\n', '\n\n', '  ', 'é', '🙂',
  '<p>', '</p>', '<div>', '<script>x()</script>', '&amp;', '<', '>', 'Moscow', 'Pyongyang', 'allegations',
];

function randomText(r: () => number, n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += WORDS[Math.floor(r() * WORDS.length)] + (r() < 0.8 ? ' ' : '');
  return out;
}

function randomDoc(r: () => number, i: number): { file: string; bytes: Uint8Array } {
  const kind = Math.floor(r() * 5);
  if (kind === 0) {
    const bytes = new Uint8Array(Math.floor(r() * 2000));
    for (let j = 0; j < bytes.length; j++) bytes[j] = Math.floor(r() * 256);
    return { file: `bin${i}.txt`, bytes };
  }
  if (kind === 1) return { file: `page${i}.html`, bytes: new TextEncoder().encode(`<html><body><article><h1>${randomText(r, 6)}</h1><p>${randomText(r, 300)}</p></article></body></html>`) };
  if (kind === 2) return { file: `broken${i}.html`, bytes: new TextEncoder().encode(`<div><p>${randomText(r, 200)}<table><tr><td>${randomText(r, 50)}`) };
  if (kind === 3) return { file: `note${i}.md`, bytes: new TextEncoder().encode(`---\ntitle: ${randomText(r, 4)}\n---\n# ${randomText(r, 5)}\n\n${randomText(r, 250)}`) };
  return { file: `doc${i}.txt`, bytes: new TextEncoder().encode(randomText(r, Math.floor(r() * 400))) };
}

describe('KB builder fuzz', () => {
  it('never throws past its own error reporting on 60 random documents', () => {
    const r = rng(20261123);
    const docs: IngestedDoc[] = [];
    let refused = 0;
    for (let i = 0; i < 60; i++) {
      const { file, bytes } = randomDoc(r, i);
      try {
        docs.push(ingestFile(file, bytes));
      } catch (e) {
        expect(e, `${file}: ${String(e)}`).toBeInstanceOf(IngestError);
        refused++;
      }
    }
    expect(docs.length).toBeGreaterThan(10);
    expect(refused).toBeGreaterThan(0);
    const kb = buildKb(docs);
    const texts = new Map(kb.documents.map((d) => [d.id, d.text ?? '']));
    for (const c of kb.claims) {
      for (const e of c.evidence) expect(texts.get(e.docId)?.slice(e.start, e.end)).toBe(e.quote);
    }
  });
});
