// Re-anchoring benchmark: 200 notes on a generated 20,000-word page, in three
// situations. Budget (issue 6): ≤ 50 ms per situation for the whole batch.
//   unchanged — the page as it was: every note should take the position path;
//   edited    — a paragraph inserted at the top (all offsets shift) and one
//               word changed inside 20 % of the quotes (→ fuzzy);
//   deleted   — the sentences of 10 % of the notes removed (→ orphans).
// Besides timings it checks correctness against the generator's ground truth:
// `wrong` counts notes anchored outside their own sentence, or anchored at all
// when their sentence was deleted. It must stay 0.
// Run alone: `npx tsx bench/notes-bench.ts` prints one JSON object.
import { pathToFileURL } from 'node:url';
import { anchorNotes } from '../src/notes/anchor';
import { describeRange } from '../src/notes/selectors';
import type { Note } from '../src/notes/types';
import { rng } from '../src/shared/rng';

const WORDS = 20_000;
const NOTES = 200;
const RUNS = 7;

const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'tor', 'van', 'sel', 'dra', 'pu', 'ri', 'gon', 'te', 'bas', 'ul', 'fen', 'cho', 'y', 'an', 'es', 'il'];
const COMMON = ['the', 'a', 'of', 'to', 'and', 'in', 'that', 'is', 'for', 'on', 'said', 'was', 'with', 'by', 'as'];

interface Sentence {
  words: string[];
  deleted: boolean;
}
interface Page {
  paragraphs: Sentence[][];
}

function generatePage(seed: number): Page {
  const r = rng(seed);
  const vocab = Array.from({ length: 4000 }, () => {
    const n = 1 + Math.floor(r() * 3);
    let w = '';
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(r() * SYLLABLES.length)];
    return w;
  });
  const paragraphs: Sentence[][] = [];
  let count = 0;
  while (count < WORDS) {
    const para: Sentence[] = [];
    const ns = 3 + Math.floor(r() * 4);
    for (let s = 0; s < ns && count < WORDS; s++) {
      const len = 8 + Math.floor(r() * 18);
      const words = Array.from({ length: len }, () => (r() < 0.3 ? COMMON[Math.floor(r() * COMMON.length)] : vocab[Math.floor(r() * vocab.length)]));
      words[0] = words[0][0].toUpperCase() + words[0].slice(1);
      para.push({ words, deleted: false });
      count += len;
    }
    paragraphs.push(para);
  }
  return { paragraphs };
}

/** Renders the page; returns the text and each live sentence's [start, end). */
function render(page: Page, intro?: string): { text: string; spans: Map<Sentence, [number, number]> } {
  const spans = new Map<Sentence, [number, number]>();
  const parts: string[] = [];
  let at = 0;
  const push = (s: string): void => {
    parts.push(s);
    at += s.length;
  };
  if (intro) push(intro + '\n\n');
  page.paragraphs.forEach((para, pi) => {
    if (pi > 0) push('\n\n');
    let first = true;
    for (const s of para) {
      if (s.deleted) continue;
      if (!first) push(' ');
      first = false;
      const str = s.words.join(' ') + '.';
      spans.set(s, [at, at + str.length]);
      push(str);
    }
  });
  return { text: parts.join(''), spans };
}

interface BenchNote {
  note: Pick<Note, 'target'>;
  sentence: Sentence;
  firstWord: number;
  lastWord: number;
}

function makeNotes(page: Page, text: string, spans: Map<Sentence, [number, number]>, seed: number): BenchNote[] {
  const r = rng(seed);
  const all = page.paragraphs.flat();
  const chosen = new Set<Sentence>();
  while (chosen.size < NOTES) chosen.add(all[Math.floor(r() * all.length)]);
  return [...chosen].map((sentence) => {
    // A phrase of 4-12 words inside the sentence (readers rarely select whole paragraphs).
    const n = sentence.words.length;
    const len = Math.min(n, 4 + Math.floor(r() * 9));
    const firstWord = Math.floor(r() * (n - len + 1));
    const lastWord = firstWord + len - 1;
    const [s0] = spans.get(sentence)!;
    const start = s0 + sentence.words.slice(0, firstWord).reduce((a, w) => a + w.length + 1, 0);
    const end = start + sentence.words.slice(firstWord, lastWord + 1).join(' ').length;
    const { quote, position } = describeRange(text, start, end);
    return { note: { target: { source: 'https://bench.example/page', selector: [quote, position] } }, sentence, firstWord, lastWord };
  });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

interface Situation {
  ms: number;
  anchored: number;
  orphaned: number;
  wrong: number;
  byPosition: number;
  byQuote: number;
  byFuzzy: number;
  deferred: number;
}

function measure(text: string, spans: Map<Sentence, [number, number]>, notes: BenchNote[]): Situation {
  const batch = notes.map((n) => n.note);
  anchorNotes(text, batch); // warm-up (JIT)
  const times: number[] = [];
  let res = anchorNotes(text, batch);
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    res = anchorNotes(text, batch);
    times.push(performance.now() - t0);
  }
  const out: Situation = { ms: median(times), anchored: 0, orphaned: 0, wrong: 0, byPosition: 0, byQuote: 0, byFuzzy: 0, deferred: 0 };
  res.forEach((r, i) => {
    const span = spans.get(notes[i].sentence);
    if (!r.anchor) {
      out.orphaned++;
      if (r.deferred) out.deferred++;
      return;
    }
    out.anchored++;
    if (r.anchor.method === 'position') out.byPosition++;
    else if (r.anchor.method === 'quote') out.byQuote++;
    else out.byFuzzy++;
    if (!span || r.anchor.start < span[0] || r.anchor.end > span[1]) out.wrong++;
  });
  return out;
}

export async function runNotesBench(): Promise<Record<string, number>> {
  const page = generatePage(42);
  const original = render(page);
  const notes = makeNotes(page, original.text, original.spans, 7);
  const r = rng(99);

  const unchanged = measure(original.text, original.spans, notes);

  // Edited: inserted intro paragraph + one word changed in 20 % of quotes.
  const edits: Array<[Sentence, number, string]> = [];
  for (const n of notes) {
    if (r() < 0.2) {
      const w = n.firstWord + Math.floor(r() * (n.lastWord - n.firstWord + 1));
      edits.push([n.sentence, w, n.sentence.words[w]]);
      n.sentence.words[w] = 'changed';
    }
  }
  const intro = 'Editor’s note: this article was updated after publication with new comments from officials and a correction to the figures in the fourth paragraph, which misstated the size of the budget.';
  const edited = render(page, intro);
  const editedRes = measure(edited.text, edited.spans, notes);
  for (const [s, w, orig] of edits) s.words[w] = orig;

  // Deleted: the sentences of 10 % of the notes disappear.
  const victims = notes.filter((_, i) => i % 10 === 3);
  for (const v of victims) v.sentence.deleted = true;
  const deletedPage = render(page);
  const deleted = measure(deletedPage.text, deletedPage.spans, notes);
  for (const v of victims) v.sentence.deleted = false;

  const flat = (prefix: string, s: Situation): Record<string, number> =>
    Object.fromEntries(Object.entries(s).map(([k, v]) => [`notes.${prefix}.${k}`, Math.round(v * 100) / 100]));
  return {
    'notes.textChars': original.text.length,
    'notes.count': notes.length,
    ...flat('unchanged', unchanged),
    ...flat('edited', editedRes),
    ...flat('deleted', deleted),
    'notes.deleted.expectedOrphans': victims.length,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runNotesBench().then((r) => console.log(JSON.stringify(r, null, 2)));
}
