// One bad document never costs the corpus. buildKb already skips a sentence
// whose analysis throws (BuildOptions.onSkip); this wrapper covers the rest:
// when the build throws anyway, it finds the document(s) whose presence makes
// it throw, by halving the corpus, and builds the KB without them.
//
// Nothing changes when the build succeeds (one call, no overhead). On a
// failure the search costs about two more builds per bad document, which is
// fine for a path that should never be taken. The result is exactly
// buildKb(docs minus the bad ones): as deterministic as buildKb itself.

import { buildKb, type BuildOptions } from './build';
import type { IngestedDoc } from './ingest';
import { KB_SCHEMA, type Kb } from './types';

export interface SkippedDocument {
  file: string;
  /** What the build threw with the document alone. */
  error: unknown;
}

export interface GuardOptions extends BuildOptions {
  /** Told about each document left out because analysing it threw. */
  onDocumentSkip?: (docFile: string, error: unknown) => void;
}

export type BuildFn = (docs: IngestedDoc[], opts: BuildOptions) => Kb;

export class BuildFailure extends Error {
  constructor(message: string, cause: unknown) {
    super(message, { cause });
    this.name = 'BuildFailure';
  }
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * buildKb, skipping any document whose analysis throws. `build` is the seam
 * for tests (default buildKb). Throws BuildFailure only when the failure needs
 * several documents together (no single one explains it).
 */
export function buildKbGuarded(docs: IngestedDoc[], opts: GuardOptions = {}, build: BuildFn = buildKb): { kb: Kb; skipped: SkippedDocument[] } {
  const { onDocumentSkip, onSkip, onProgress, ...rest } = opts;
  const skipped: SkippedDocument[] = [];
  let remaining = docs;
  for (;;) {
    if (!remaining.length && skipped.length) {
      return { kb: { schema: KB_SCHEMA, documents: [], actors: [], claims: [] }, skipped };
    }
    // Sentence skips are held back until an attempt succeeds, so a retried build reports each once.
    const sentenceSkips: Array<[string, string, unknown]> = [];
    let failure: unknown;
    try {
      const kb = build(remaining, { ...rest, onProgress, onSkip: (f, s, e) => sentenceSkips.push([f, s, e]) });
      for (const [f, s, e] of sentenceSkips) onSkip?.(f, s, e);
      return { kb, skipped };
    } catch (e) {
      failure = e;
    }
    const quiet: BuildOptions = { ...rest };
    const fails = (group: IngestedDoc[]): unknown => {
      try {
        build(group, quiet);
        return undefined;
      } catch (e) {
        return e ?? new Error('unknown error');
      }
    };
    const culprits = isolate(remaining, failure, fails);
    if (!culprits) {
      throw new BuildFailure(`the KB build failed and no single document explains it: ${message(failure)}`, failure);
    }
    for (const c of culprits) {
      skipped.push({ file: c.doc.file, error: c.error });
      onDocumentSkip?.(c.doc.file, c.error);
    }
    const out = new Set(culprits.map((c) => c.doc));
    remaining = remaining.filter((d) => !out.has(d));
  }
}

/**
 * The documents of a failing group whose presence makes the build throw:
 * halve, test each half, recurse into the halves that fail. Null when both
 * halves of a failing group build (the failure needs documents from each).
 */
function isolate(group: IngestedDoc[], groupError: unknown, fails: (g: IngestedDoc[]) => unknown): Array<{ doc: IngestedDoc; error: unknown }> | null {
  if (group.length === 0) return null;
  if (group.length === 1) return [{ doc: group[0], error: groupError }];
  const mid = Math.ceil(group.length / 2);
  const halves = [group.slice(0, mid), group.slice(mid)];
  const errors = halves.map(fails);
  if (errors.every((e) => e === undefined)) return null;
  const out: Array<{ doc: IngestedDoc; error: unknown }> = [];
  for (let i = 0; i < 2; i++) {
    if (errors[i] === undefined) continue;
    const found = isolate(halves[i], errors[i], fails);
    if (!found) return null;
    out.push(...found);
  }
  return out;
}
