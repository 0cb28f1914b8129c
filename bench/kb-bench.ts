// KB build benchmark: the bundled corpus's build time (median of 5); 1,000
// articles of fresh text from the seeded news grammar, built the way the CLI
// builds (src/cli/build-runner.ts)
// (src/kb/fixtures/news-grammar.ts: lexicon vocabulary, invented names, varied
// constructions) ingested and built, with throughput and the process's peak
// RSS; and the unpacked size of the extension (`npm run build`, then dist/).
// `npx tsx bench/kb-bench.ts` prints JSON.

import '../src/lang/node-lexicon';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildInWorker, heapBudgetMb } from '../src/cli/build-runner';
import { defaultThreads } from '../src/cli/tag-pool';
import { buildKb } from '../src/kb/build';
import { generateCorpus } from '../src/kb/fixtures/news-grammar';
import { ingestDocument, type IngestedDoc } from '../src/kb/ingest';
import { splitSentences } from '../src/lang/sentences';

const ROOT = join(fileURLToPath(import.meta.url), '../..');
const MB = 1048576;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Peak resident memory of this process so far (the kernel's high-water mark), in MB. */
const peakRssMB = (): number => Math.round((process.resourceUsage().maxRSS * 1024) / MB);

function filesUnder(dir: string): Array<{ path: string; bytes: number }> {
  const out: Array<{ path: string; bytes: number }> = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) out.push(...filesUnder(p));
    else out.push({ path: p, bytes: st.size });
  }
  return out;
}

/**
 * `npm run build` (set CLAIMLENS_BENCH_NO_BUILD=1 to measure the dist/ that is
 * there), then dist/'s unpacked size: the sum of its file sizes (what a store
 * lists as the unpacked size) and `du -sk` (disk blocks), its largest files,
 * and whether the compiled lexicon is inside.
 */
function extensionSize(): Record<string, number | string> {
  const dist = join(ROOT, 'dist');
  try {
    if (!process.env.CLAIMLENS_BENCH_NO_BUILD) execFileSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'ignore' });
  } catch (e) {
    return { extensionError: `npm run build failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}` };
  }
  if (!existsSync(join(dist, 'manifest.json'))) return { extensionError: 'no dist/manifest.json: run npm run build' };
  const files = filesUnder(dist).sort((a, b) => b.bytes - a.bytes || (a.path < b.path ? -1 : 1));
  const total = files.reduce((n, f) => n + f.bytes, 0);
  let duKB = NaN;
  try {
    duKB = Number(execFileSync('du', ['-sk', dist], { encoding: 'utf8' }).split(/\s/)[0]);
  } catch { /* du missing: the file sum stands */ }
  const lexicon = files.find((f) => f.path.endsWith('lexicon.json.gz'));
  return {
    extensionUnpackedMB: +(total / MB).toFixed(2),
    extensionDuMB: +(duKB / 1024).toFixed(2),
    extensionFiles: files.length,
    extensionLargestFiles: files.slice(0, 5).map((f) => `${relative(dist, f.path)} ${(f.bytes / MB).toFixed(2)} MB`).join(', '),
    extensionHasLexicon: lexicon ? 1 : 0,
    extensionLexiconGzMB: lexicon ? +(lexicon.bytes / MB).toFixed(2) : 0,
    lexiconDataMB: +(statSync(join(ROOT, 'src/lang/data/lexicon.json')).size / MB).toFixed(2),
  };
}

export async function runKbBench(): Promise<Record<string, number | string>> {
  const dir = join(ROOT, 'assets/corpus');
  const files = readdirSync(dir).sort();
  const raw = files.map((f) => readFileSync(join(dir, f)));
  const bundled = files.map((f, k) => ingestDocument(f, raw[k]));
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    buildKb(bundled);
    times.push(performance.now() - t0);
  }

  // Fresh text: generated from the grammar, not recombined corpus sentences.
  const articles = generateCorpus(42, 1000);
  const bytes = articles.map((a) => new TextEncoder().encode(a.text));
  const totalBytes = bytes.reduce((n, b) => n + b.length, 0);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const docs: IngestedDoc[] = articles.map((a, i) => ingestDocument(a.file, bytes[i]));
  const ingestMs = performance.now() - t0;
  // The path `claimlens build` takes: parallel tagging threads, then the build in a worker with a heap budget.
  const kb = await buildInWorker(docs);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const peak = peakRssMB();

  // How fresh the text is: distinct sentences and words over the corpus.
  const sentences = docs.flatMap((d) => splitSentences(d.text).map((s) => s.text));
  const words = new Set(docs.flatMap((d) => d.text.toLowerCase().match(/\p{L}+/gu) ?? []));
  const crossDoc = kb.claims.filter((c) => new Set(c.evidence.map((e) => e.docId)).size >= 2).length;
  return {
    kbBundledBuildMedianMs: Math.round(median(times)),
    kbSyntheticDocs: docs.length,
    kbSyntheticMB: +(totalBytes / MB).toFixed(2),
    kbSyntheticDistinctSentenceShare: +(new Set(sentences).size / sentences.length).toFixed(3),
    kbSyntheticDistinctWords: words.size,
    kbSyntheticIngestMs: Math.round(ingestMs),
    kbSyntheticBuildMs: Math.round(ms),
    kbSyntheticBuildCpuMs: Math.round((cpu.user + cpu.system) / 1000),
    kbSyntheticDocsPerSec: +((docs.length / ms) * 1000).toFixed(1),
    kbSyntheticMBPerSec: +((totalBytes / MB / ms) * 1000).toFixed(3),
    kbSyntheticActors: kb.actors.length,
    kbSyntheticClaims: kb.claims.length,
    kbSyntheticCrossDocClaims: crossDoc,
    kbPeakRssMB: peak,
    kbTaggingThreads: defaultThreads(),
    kbBuildHeapBudgetMB: heapBudgetMb(docs.length),
    kbLoadAverage1m: +loadavg()[0].toFixed(2),
    ...extensionSize(),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  runKbBench().then((r) => process.stdout.write(JSON.stringify(r) + '\n'));
}
