// Matcher evaluation on the goldens' held-out pages: every labelled sentence
// of a page (labels.json, schema claimlens-pagelabels/1) should be highlighted
// as its gold claim (mapped to the KB claim the gold evaluation matched it
// to) with its stance; distractors (claim: null) should not be highlighted.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { annotatePage } from '../src/cli/annotate';
import type { Kb } from '../src/kb/types';
import { buildMatcher } from '../src/match/matcher';

interface PageLabel {
  quote: string;
  claim: string | null;
  stance?: 'supports' | 'contradicts';
  also?: string;
  headline?: boolean;
}

export interface PageFigures {
  positives: number;
  negatives: number;
  tp: number;
  fp: number;
  fn: number;
  stanceOk: number;
  failures: string[];
}

const fold = (s: string): string => s.replace(/[’‘ʼ]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').toLowerCase();

/** `matches`: gold claim id → KB claim index (from the gold evaluation), or null when no KB claim holds it. */
export function evaluatePages(pagesDir: string, kb: Kb, matches: Record<string, number | null>): PageFigures {
  const labels = JSON.parse(readFileSync(join(pagesDir, 'labels.json'), 'utf8')) as { pages: Array<{ file: string; sentences: PageLabel[] }> };
  const matcher = buildMatcher(kb);
  const f: PageFigures = { positives: 0, negatives: 0, tp: 0, fp: 0, fn: 0, stanceOk: 0, failures: [] };
  for (const page of labels.pages) {
    const ann = annotatePage(matcher, page.file, readFileSync(join(pagesDir, page.file), 'utf8'));
    const text = fold(ann.text);
    for (const s of page.sentences) {
      const at = text.indexOf(fold(s.quote));
      if (at < 0) { f.failures.push(`${page.file}: label not in page text: "${s.quote}"`); continue; }
      const end = at + s.quote.length;
      const got = ann.claims.find((c) => c.start < end && c.end > at);
      const wanted = [s.claim, s.also].filter((x): x is string => !!x).map((g) => matches[g]).filter((x): x is number => x !== null && x !== undefined)
        .map((i) => kb.claims[i].id);
      if (!s.claim) {
        f.negatives++;
        if (got) { f.fp++; f.failures.push(`FP ${page.file}: "${s.quote}" → "${got.claim}"`); }
        continue;
      }
      f.positives++;
      if (got && wanted.includes(got.claimId)) {
        f.tp++;
        if (got.stance === s.stance) f.stanceOk++;
        else f.failures.push(`stance ${page.file}: "${s.quote}" ${got.stance}, want ${s.stance}`);
      } else {
        f.fn++;
        if (got) f.fp++;
        f.failures.push(`${got ? 'wrong claim' : 'FN'} ${page.file}: "${s.quote}" (${s.claim}${wanted.length ? '' : ', no KB claim'})${got ? ` → "${got.claim}"` : ''}`);
      }
    }
  }
  return f;
}
