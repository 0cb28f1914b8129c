// KB build benchmark: bundled corpus build time (median of 5), a synthetic
// corpus of 1,000 articles (sentences of the bundled corpus recombined with
// varied names), throughput and peak RSS. `npx tsx bench/kb-bench.ts` prints JSON.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildKb } from '../src/kb/build';
import { ingestDocument, ingestText, type IngestedDoc } from '../src/kb/ingest';
import { splitSentences } from '../src/lang/sentences';

const ROOT = join(fileURLToPath(import.meta.url), '../..');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Deterministic PRNG so the synthetic corpus is the same every run. */
function rng(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x ^ (x >>> 15), 2246822507) + 0x6d2b79f5) >>> 0;
    return x / 4294967296;
  };
}

const FIRST = ['Anna', 'Marco', 'Lena', 'Tomas', 'Priya', 'Omar', 'Sofia', 'Daniel', 'Yuki', 'Carlos', 'Ingrid', 'Ravi'];
const LAST = ['Keller', 'Novak', 'Okafor', 'Lindqvist', 'Moreau', 'Tanaka', 'Haddad', 'Silva', 'Kowalski', 'Brennan'];

export function syntheticCorpus(n: number, rawDocs: string[]): IngestedDoc[] {
  const sentences = rawDocs.flatMap((t) => splitSentences(t).map((s) => s.text)).filter((s) => s.length > 60);
  const r = rng(42);
  const docs: IngestedDoc[] = [];
  for (let i = 0; i < n; i++) {
    const person = `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}`;
    const paras: string[] = [`Report ${i}: ${person} On The Latest Developments`];
    const k = 25 + Math.floor(r() * 20);
    for (let p = 0; p < k; p += 3) {
      const chunk: string[] = [];
      for (let q = 0; q < 3; q++) chunk.push(sentences[Math.floor(r() * sentences.length)].replace(/John Kirby|Kirby/g, person));
      paras.push(chunk.join(' '));
    }
    paras.push(`Government spokesperson ${person} said the agency would publish more details next week.`);
    docs.push(ingestText(`synthetic-${String(i).padStart(4, '0')}.txt`, paras.join('\n\n')));
  }
  return docs;
}

export async function runKbBench(): Promise<Record<string, number>> {
  const dir = join(ROOT, 'assets/corpus');
  const files = readdirSync(dir).sort();
  const raw = files.map((f) => readFileSync(join(dir, f)));
  let peak = process.memoryUsage().rss;
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    buildKb(files.map((f, k) => ingestDocument(f, raw[k])));
    times.push(performance.now() - t0);
  }
  const texts = raw.map((b) => new TextDecoder().decode(b));
  const synth = syntheticCorpus(1000, texts);
  const bytes = synth.reduce((a, d) => a + new TextEncoder().encode(d.text).length, 0);
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 50);
  const t0 = performance.now();
  const kb = buildKb(synth, { onProgress: () => { peak = Math.max(peak, process.memoryUsage().rss); } });
  const ms = performance.now() - t0;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  return {
    kbBundledBuildMedianMs: Math.round(median(times)),
    kbSyntheticDocs: synth.length,
    kbSyntheticMB: +(bytes / 1048576).toFixed(2),
    kbSyntheticBuildMs: Math.round(ms),
    kbSyntheticDocsPerSec: +((synth.length / ms) * 1000).toFixed(1),
    kbSyntheticMBPerSec: +((bytes / 1048576 / ms) * 1000).toFixed(3),
    kbSyntheticActors: kb.actors.length,
    kbSyntheticClaims: kb.claims.length,
    kbPeakRssMB: Math.round(peak / 1048576),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  runKbBench().then((r) => process.stdout.write(JSON.stringify(r) + '\n'));
}
