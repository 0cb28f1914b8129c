// `claimlens build --corpus <dir> --out <file>`: file IO around the pure buildKb.

import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { BuildFailure, buildKbGuarded, type BuildFn, type GuardOptions } from '../kb/build-guard';
import type { Kb } from '../kb/types';
import { buildInWorker } from './build-runner';
import { readabilityArticle } from '../html/readability';
import { formatOf, ingestDocument, IngestError, MAX_DOC_BYTES, type IngestedDoc } from '../kb/ingest';

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) out.push(...listFiles(p));
    else out.push(p);
  }
  return out;
}

export function parseBuildArgs(args: string[]): { corpus: string; out: string } | string {
  let corpus = '';
  let out = '';
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--corpus') corpus = args[++i] ?? '';
    else if (a === '--out') out = args[++i] ?? '';
    else if (a.startsWith('--corpus=')) corpus = a.slice(9);
    else if (a.startsWith('--out=')) out = a.slice(6);
    else return `unknown argument: ${a}`;
  }
  if (!corpus || !out) return 'build needs --corpus <dir> and --out <file>';
  return { corpus, out };
}

/** Sentences reported by name per file; past this, a count. */
export const SENTENCE_SKIP_LINES_PER_FILE = 3;

/** The first line of an error's message, clipped: one stderr line per problem. */
function reason(e: unknown): string {
  const m = (e instanceof Error ? e.message : String(e)).split('\n')[0].trim() || 'unknown error';
  return m.length > 200 ? `${m.slice(0, 199)}…` : m;
}

export interface BuildDeps {
  /** The KB builder (a seam for tests; default buildKb). */
  build?: BuildFn;
}

/**
 * The build in a worker thread with a heap budget and parallel tagging (build-runner.ts); in this
 * thread when a test gives its own builder, or when the worker cannot run here (nothing is lost:
 * the same build, slower).
 */
async function buildWithBudget(docs: IngestedDoc[], guard: GuardOptions, build: BuildFn | undefined, note: (m: string) => void): Promise<Kb> {
  if (!build) {
    try {
      return await buildInWorker(docs, guard, note);
    } catch (e) {
      if (e instanceof BuildFailure) throw e;
      note(`claimlens build: the build worker failed (${reason(e)}); building in this thread`);
    }
  }
  return buildKbGuarded(docs, guard, build).kb;
}

export async function runBuild(args: string[], deps: BuildDeps = {}): Promise<number> {
  const err = (s: string): void => { process.stderr.write(s); };
  const parsed = parseBuildArgs(args);
  if (typeof parsed === 'string') {
    err(`claimlens build: ${parsed}\nusage: claimlens build --corpus <dir> --out <file.json>\n`);
    return 2;
  }
  let files: string[];
  try {
    if (!statSync(parsed.corpus).isDirectory()) throw new Error('not a directory');
    files = listFiles(parsed.corpus);
  } catch (e) {
    err(`claimlens build: cannot read corpus folder ${parsed.corpus}: ${(e as Error).message}\n`);
    return 1;
  }
  const docs: IngestedDoc[] = [];
  let skipped = 0;
  const t0 = Date.now();
  for (const path of files) {
    const rel = relative(parsed.corpus, path);
    if (!formatOf(rel)) {
      err(`skipped ${rel}: unsupported file type (expected .txt, .md or .html)\n`);
      skipped++;
      continue;
    }
    try {
      if (statSync(path).size > MAX_DOC_BYTES) throw new IngestError(rel, `too large (${(statSync(path).size / 1048576).toFixed(1)} MB > ${MAX_DOC_BYTES / 1048576} MB limit)`);
      docs.push(ingestDocument(rel, readFileSync(path), { html: readabilityArticle }));
    } catch (e) {
      const msg = e instanceof IngestError ? e.message : `${rel}: ${(e as Error).message}`;
      err(`skipped ${msg}\n`);
      skipped++;
    }
  }
  const noDocuments = (): number => {
    err(`claimlens build: no usable documents in ${parsed.corpus} (${files.length} file(s), ${skipped} skipped)\n`);
    return 1;
  };
  if (!docs.length) return noDocuments();
  const every = Math.max(1, Math.ceil(docs.length / 20));
  const sentenceSkips = new Map<string, number>();
  let kb: Kb;
  const guard: GuardOptions = {
      onProgress: (done, total) => {
        if (total >= 50 && (done % every === 0 || done === total)) err(`analysed ${done}/${total} documents\n`);
      },
      onSkip: (file, _sentence, e) => {
        const n = (sentenceSkips.get(file) ?? 0) + 1;
        sentenceSkips.set(file, n);
        if (n <= SENTENCE_SKIP_LINES_PER_FILE) err(`skipped a sentence in ${file}: ${reason(e)}\n`);
      },
      onDocumentSkip: (file, e) => {
        skipped++;
        err(`skipped ${file}: analysing it failed (${reason(e)})\n`);
      },
  };
  try {
    kb = await buildWithBudget(docs, guard, deps.build, (m) => err(`${m}\n`));
  } catch (e) {
    if (!(e instanceof BuildFailure)) throw e;
    err(`claimlens build: ${e.message}\n`);
    return 1;
  }
  let sentences = 0;
  for (const [file, n] of sentenceSkips) {
    sentences += n;
    if (n > SENTENCE_SKIP_LINES_PER_FILE) err(`skipped ${n - SENTENCE_SKIP_LINES_PER_FILE} more sentence(s) in ${file}\n`);
  }
  if (!kb.documents.length) return noDocuments();
  if (!kb.claims.length) {
    err(`claimlens build: warning: no claims found in ${kb.documents.length} document(s)`
      + ` (${kb.actors.length} actor(s)); the KB will highlight actors only\n`);
  }
  mkdirSync(dirname(parsed.out) || '.', { recursive: true });
  writeFileSync(parsed.out, JSON.stringify(kb, null, 2) + '\n');
  err(`wrote ${parsed.out}: ${kb.documents.length} documents, ${kb.actors.length} actors, ${kb.claims.length} claims`
    + `${skipped ? `, ${skipped} file(s) skipped` : ''}${sentences ? `, ${sentences} sentence(s) skipped` : ''} in ${Date.now() - t0} ms\n`);
  return 0;
}
