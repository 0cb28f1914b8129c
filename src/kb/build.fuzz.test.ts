// Fuzz: documents through ingest and the KB builder.
// 1. Random bytes, text and HTML fragments: ingest may only refuse with its
//    own IngestError.
// 2. Real sentence shapes (src/kb/fixtures/news-grammar.ts, seeded): articles
//    mixing appositives, quotes attributed before and after, parentheses,
//    lists, figures, datelines, unpunctuated headlines, ALL CAPS, ʼ and ’,
//    emoji, very long and one-word sentences, URLs, hashtags, HTML entities,
//    nested quotes, bullets and tables as text, as .txt, .md and .html.
//    buildKb must not throw, every evidence quote must be its document's text
//    at its offsets, every claim must have evidence, ids must be unique and
//    the output the same for the same input.
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../html/readability';
import { rng } from '../shared/rng';
import { buildKb } from './build';
import { generateCorpus } from './fixtures/news-grammar';
import { IngestError, type IngestedDoc } from './ingest';
import type { Kb } from './types';
import { validateKb } from './validate';

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

/** Every structural promise of the KB file, checked on one build. */
function checkKb(kb: Kb): void {
  expect(validateKb(JSON.parse(JSON.stringify(kb))).ok).toBe(true);
  const unique = (ids: string[], what: string) => expect(new Set(ids).size, `${what} ids unique`).toBe(ids.length);
  unique(kb.documents.map((d) => d.id), 'document');
  unique(kb.actors.map((a) => a.id), 'actor');
  unique(kb.claims.map((c) => c.id), 'claim');
  const texts = new Map(kb.documents.map((d) => [d.id, d.text ?? '']));
  const actorIds = new Set(kb.actors.map((a) => a.id));
  for (const a of kb.actors) for (const d of a.documents) expect(texts.has(d), `${a.name} names document ${d}`).toBe(true);
  for (const c of kb.claims) {
    expect(c.text.trim(), c.id).not.toBe('');
    expect(c.evidence.length, `claim "${c.text}" has evidence`).toBeGreaterThan(0);
    for (const id of c.actors) expect(actorIds.has(id), `claim "${c.text}" actor ${id}`).toBe(true);
    for (const e of c.evidence) {
      const text = texts.get(e.docId);
      expect(text, `evidence document ${e.docId}`).toBeDefined();
      expect(e.start >= 0 && e.start < e.end && e.end <= text!.length, `offsets ${e.start}-${e.end}`).toBe(true);
      expect(text!.slice(e.start, e.end)).toBe(e.quote);
      expect(['supports', 'contradicts']).toContain(e.stance);
      if (e.speaker !== null) expect(actorIds.has(e.speaker), `speaker ${e.speaker}`).toBe(true);
    }
  }
}

/** The same article as a .txt, a .md with front matter, or an HTML page. */
function asFile(file: string, text: string, i: number): { file: string; bytes: Uint8Array } {
  const enc = (s: string) => new TextEncoder().encode(s);
  const [title, ...rest] = text.replace(/\r\n/g, '\n').split('\n\n');
  if (i % 6 === 4) return { file: file.replace(/\.txt$/, '.md'), bytes: enc(`---\ntitle: ${title}\ndate: 2026-0${1 + (i % 9)}-1${i % 10}\n---\n\n# ${title}\n\n${rest.join('\n\n')}`) };
  if (i % 6 === 5) {
    // Paragraph text goes in as markup: its entities and stray tags are the page's own.
    return { file: file.replace(/\.txt$/, '.html'), bytes: enc(`<!doctype html><html><head><title>${title}</title><meta name="author" content="Fuzz Desk"></head>`
      + `<body><nav>Home | World</nav><article><h1>${title}</h1>${rest.map((p) => `<p>${p.replace(/\n/g, '<br>')}</p>`).join('')}</article><footer>Advertisement</footer></body></html>`) };
  }
  return { file, bytes: enc(text) };
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
    checkKb(buildKb(docs));
  });

  it('builds generated articles of real sentence shapes: no throw, exact quotes, unique ids, deterministic', () => {
    const articles = generateCorpus(20261202, 36, { odd: true, stories: 8, sentences: [3, 28] });
    const extremes = [
      // A one-sentence brief, one enormous sentence, one-word lines, a headline with only a figure under it.
      { file: 'x-brief.txt', text: 'Brief On A Merger\n\nOSLO, March 3 (Reuters) - Halden Foods agreed to buy Norrland Dairy.' },
      { file: 'x-long.txt', text: `A Very Long Sentence\n\n${Array.from({ length: 400 }, (_, i) => `clause ${i} of the ruling`).join(', ')} was read out by Judge Ama Okoro.` },
      { file: 'x-words.txt', text: 'One Word Lines Only Here\n\nYes.\n\nNo.\n\nMaybe?\n\nOkay!\n\nFine.' },
      { file: 'x-figure.txt', text: 'GDP GROWTH 2024\n\n3.2%\n\n$1.2bn (€1.1bn) — up 4.5% y/y; Q3: 0.8%.' },
    ];
    const docs: IngestedDoc[] = [];
    [...articles, ...extremes].forEach((a, i) => {
      const { file, bytes } = asFile(a.file, a.text, i);
      try {
        docs.push(ingestFile(file, bytes));
      } catch (e) {
        expect(e, `${file}: ${String(e)}`).toBeInstanceOf(IngestError);
      }
    });
    expect(docs.length).toBeGreaterThanOrEqual(38);
    const skipped: string[] = [];
    let kb: Kb | undefined;
    expect(() => { kb = buildKb(docs, { onSkip: (file, sentence, e) => skipped.push(`${file}: ${String(e)}: ${sentence.slice(0, 80)}`) }); }).not.toThrow();
    checkKb(kb!);
    // Not an empty pass: the shapes give claims across documents.
    expect(kb!.claims.length).toBeGreaterThan(0);
    expect(kb!.claims.some((c) => new Set(c.evidence.map((e) => e.docId)).size >= 2)).toBe(true);
    // A sentence the analysis cannot take is skipped and reported (not hidden):
    // print them so a regression shows which shapes.
    if (skipped.length) console.warn(`fuzz: ${skipped.length} sentence(s) skipped\n  ${skipped.slice(0, 10).join('\n  ')}`);
    const sentences = docs.reduce((n, d) => n + (d.text.match(/[.!?](\s|$)/g)?.length ?? 0), 0);
    expect(skipped.length, 'skipped sentences stay rare').toBeLessThan(sentences * 0.05);
    // Same input, same bytes; the order the files come in does not matter either.
    expect(JSON.stringify(buildKb(docs))).toBe(JSON.stringify(kb));
    expect(JSON.stringify(buildKb([...docs].reverse()))).toBe(JSON.stringify(kb));
  });
});
