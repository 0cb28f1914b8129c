// `claimlens build --corpus <dir> --out <file>`: file IO around the pure buildKb.

import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { buildKb } from '../kb/build';
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

export async function runBuild(args: string[]): Promise<number> {
  const parsed = parseBuildArgs(args);
  if (typeof parsed === 'string') {
    process.stderr.write(`claimlens build: ${parsed}\nusage: claimlens build --corpus <dir> --out <file.json>\n`);
    return 2;
  }
  let files: string[];
  try {
    if (!statSync(parsed.corpus).isDirectory()) throw new Error('not a directory');
    files = listFiles(parsed.corpus);
  } catch (e) {
    process.stderr.write(`claimlens build: cannot read corpus folder ${parsed.corpus}: ${(e as Error).message}\n`);
    return 1;
  }
  const docs: IngestedDoc[] = [];
  let skipped = 0;
  const t0 = Date.now();
  for (const path of files) {
    const rel = relative(parsed.corpus, path);
    if (!formatOf(rel)) {
      process.stderr.write(`skipped ${rel}: unsupported file type (expected .txt, .md or .html)\n`);
      skipped++;
      continue;
    }
    try {
      if (statSync(path).size > MAX_DOC_BYTES) throw new IngestError(rel, `too large (${(statSync(path).size / 1048576).toFixed(1)} MB > ${MAX_DOC_BYTES / 1048576} MB limit)`);
      docs.push(ingestDocument(rel, readFileSync(path), { html: readabilityArticle }));
    } catch (e) {
      const msg = e instanceof IngestError ? e.message : `${rel}: ${(e as Error).message}`;
      process.stderr.write(`skipped ${msg}\n`);
      skipped++;
    }
  }
  if (!docs.length) {
    process.stderr.write(`claimlens build: no usable documents in ${parsed.corpus} (${files.length} file(s), ${skipped} skipped)\n`);
    return 1;
  }
  const every = Math.max(1, Math.ceil(docs.length / 20));
  const kb = buildKb(docs, {
    onProgress: (done, total) => {
      if (total >= 50 && (done % every === 0 || done === total)) process.stderr.write(`analysed ${done}/${total} documents\n`);
    },
  });
  mkdirSync(dirname(parsed.out) || '.', { recursive: true });
  writeFileSync(parsed.out, JSON.stringify(kb, null, 2) + '\n');
  process.stderr.write(`wrote ${parsed.out}: ${kb.documents.length} documents, ${kb.actors.length} actors, ${kb.claims.length} claims`
    + `${skipped ? `, ${skipped} file(s) skipped` : ''} in ${Date.now() - t0} ms\n`);
  return 0;
}
