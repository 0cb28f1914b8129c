// The build CLI's messages: files skipped by name, sentences skipped (a few
// lines per file, then a count), a document whose analysis throws, a corpus
// that gives no claims (a warning, exit 0) or no documents (an error, exit 1).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildKb, type BuildOptions } from '../kb/build';
import type { IngestedDoc } from '../kb/ingest';
import { runBuild, SENTENCE_SKIP_LINES_PER_FILE } from './build';

let dir: string;
let stderr: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'claimlens-build-'));
  stderr = '';
  vi.spyOn(process.stderr, 'write').mockImplementation(((s: string | Uint8Array) => {
    stderr += String(s);
    return true;
  }) as typeof process.stderr.write);
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

function corpus(files: Record<string, string>, name = 'corpus'): string {
  const c = join(dir, name);
  mkdirSync(c, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(c, name), text);
  return c;
}

const LEAK = 'Regulator Says Northwind Leaked Customer Records\n\nThe Data Protection Commission said on Tuesday that Northwind Telecom leaked the personal records of 2.3 million customers.\n';
const DENIAL = 'Northwind Denies Leak\n\nNorthwind Telecom denied that it had leaked any customer records, calling the report baseless.\n';

describe('claimlens build', () => {
  it('skips bad files by name and keeps a one-line brief', async () => {
    const c = corpus({
      'a.txt': LEAK, 'brief.txt': 'Northwind Telecom denied the report.', 'empty.txt': '  \n',
      'chrome.txt': 'Connect with us\n\nHi, what are you looking for?\n', 'notes.pdf': 'x',
    });
    const out = join(dir, 'kb.json');
    expect(await runBuild(['--corpus', c, '--out', out])).toBe(0);
    expect(stderr).toContain('skipped empty.txt: empty file\n');
    expect(stderr).toContain('skipped chrome.txt: no article text found: only page chrome');
    expect(stderr).toContain('skipped notes.pdf: unsupported file type');
    const kb = JSON.parse(readFileSync(out, 'utf8'));
    expect(kb.documents.map((d: { file: string }) => d.file)).toEqual(['a.txt', 'brief.txt']);
    expect(stderr).toMatch(/wrote .*kb\.json: 2 documents, \d+ actors, \d+ claims, 3 file\(s\) skipped in \d+ ms\n$/);
  });

  it('prints a few skipped sentences per file, then a count', async () => {
    const c = corpus({ 'a.txt': LEAK, 'b.txt': DENIAL });
    const build = (docs: IngestedDoc[], opts: BuildOptions) => {
      for (let i = 0; i < SENTENCE_SKIP_LINES_PER_FILE + 2; i++) opts.onSkip?.('a.txt', `sentence ${i}`, new TypeError(`bad token ${i}\nstack…`));
      opts.onSkip?.('b.txt', 'one', new Error('once'));
      return buildKb(docs, opts);
    };
    expect(await runBuild(['--corpus', c, '--out', join(dir, 'kb.json')], { build })).toBe(0);
    const lines = stderr.split('\n');
    expect(lines.filter((l) => l.startsWith('skipped a sentence in a.txt: bad token '))).toHaveLength(SENTENCE_SKIP_LINES_PER_FILE);
    expect(lines).toContain('skipped 2 more sentence(s) in a.txt');
    expect(lines).toContain('skipped a sentence in b.txt: once');
    expect(stderr).not.toContain('stack…');
    expect(stderr).toMatch(/, 6 sentence\(s\) skipped in \d+ ms\n$/);
  });

  it('skips a document whose analysis throws and builds the rest', async () => {
    const c = corpus({ 'a.txt': LEAK, 'b.txt': DENIAL, 'gm-food.txt': 'Food Report\n\nThe panel said the crops were safe.\n' });
    const build = (docs: IngestedDoc[], opts: BuildOptions) => {
      if (docs.some((d) => d.file === 'gm-food.txt')) throw new TypeError("Cannot read properties of undefined (reading 'end')");
      return buildKb(docs, opts);
    };
    const out = join(dir, 'kb.json');
    expect(await runBuild(['--corpus', c, '--out', out], { build })).toBe(0);
    expect(stderr).toContain("skipped gm-food.txt: analysing it failed (Cannot read properties of undefined (reading 'end'))\n");
    expect(JSON.parse(readFileSync(out, 'utf8')).documents).toHaveLength(2);
    expect(stderr).toMatch(/2 documents, .*, 1 file\(s\) skipped/);
  });

  it('warns when the documents give no claims, and still writes the KB', async () => {
    const c = corpus({ 'a.txt': LEAK, 'b.txt': DENIAL });
    const out = join(dir, 'kb.json');
    const build = (docs: IngestedDoc[], opts: BuildOptions) => ({ ...buildKb(docs, opts), claims: [] });
    expect(await runBuild(['--corpus', c, '--out', out], { build })).toBe(0);
    expect(stderr).toMatch(/claimlens build: warning: no claims found in 2 document\(s\)/);
    expect(existsSync(out)).toBe(true);
  });

  it('fails clearly when no document is usable', async () => {
    const c = corpus({ 'empty.txt': '', 'chrome.txt': 'Advertisement\n' });
    const out = join(dir, 'kb.json');
    expect(await runBuild(['--corpus', c, '--out', out])).toBe(1);
    expect(stderr).toContain(`claimlens build: no usable documents in ${c} (2 file(s), 2 skipped)`);
    expect(existsSync(out)).toBe(false);
    // Every document failing in analysis is the same error.
    const c2 = corpus({ 'a.txt': LEAK }, 'corpus2');
    const build = () => { throw new Error('boom'); };
    expect(await runBuild(['--corpus', c2, '--out', out], { build })).toBe(1);
    expect(stderr).toContain('skipped a.txt: analysing it failed (boom)');
    expect(stderr).toContain(`claimlens build: no usable documents in ${c2} (1 file(s), 1 skipped)`);
    expect(existsSync(out)).toBe(false);
  });
});
