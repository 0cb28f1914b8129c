import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULE_REASONS } from './rules';

const SRC = join(__dirname, '..');
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'compile' || e.name === 'fixtures' ? [] : sources(p);
    return /\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [p] : [];
  });
}

describe('named rules', () => {
  it('every rule pushed in the language layer, the builder and the matcher has a reason', () => {
    const used = new Set<string>();
    for (const f of [...sources(join(SRC, 'lang')), ...sources(join(SRC, 'kb')), ...sources(join(SRC, 'match'))]) {
      for (const m of readFileSync(f, 'utf8').matchAll(/'((?:subject|voice|pred|modality|polarity|report|stance|speaker|denial|roles)\.[a-z-]+)'/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(20);
    for (const r of used) expect(RULE_REASONS[r], r).toBeTruthy();
  });
});
