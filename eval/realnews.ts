// Real-news evaluation of the KB builder on ../shared/realnews (74 FNC-1
// bodies in 7 stories, each labelled supports/contradicts toward the story's
// canonical claim). The KB is built from every file but each story's
// `suggestedHeldOut` ones; the held-out files are pages for the matcher.
//
// Per story: the KB claim carrying the story (the claim with evidence from the
// most of the story's articles; found when that is 2 or more), its text, and
// how many of the story's contradicting corpus articles put contradicting
// evidence on it. Across stories: claims mixing stories, articles skipped.
// This is a measurement set: rules are never written for its sentences.
import '../src/lang/node-lexicon';

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildKb } from '../src/kb/build';
import { ingestDocument, type IngestedDoc } from '../src/kb/ingest';
import { buildMatcher } from '../src/match/matcher';
import type { Kb, KbClaim } from '../src/kb/types';

export const REALNEWS_DIR = join(import.meta.dirname ?? '.', '../../shared/realnews');

interface Story {
  id: string;
  claim: string;
  files: Record<string, 'supports' | 'contradicts'>;
  suggestedHeldOut: string[];
}

export interface StoryFigure {
  story: string;
  canonical: string;
  found: boolean;
  claimId: string | null;
  claimText: string | null;
  articlesOnClaim: number;
  corpusArticles: number;
  contradictingArticles: number;
  contradictingAttached: number;
  /** Supporting articles whose only evidence on the claim contradicts it. */
  supportingReadAsContradicting: number;
}

export interface RealnewsKbFigures {
  stories: StoryFigure[];
  storiesFound: number;
  storyCount: number;
  contradictingAttached: number;
  contradictingArticles: number;
  mixedClaims: number;
  skipped: string[];
  claims: number;
  kb: Kb;
}

export function loadStories(dir = REALNEWS_DIR): Story[] {
  return (JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as { stories: Story[] }).stories;
}

export function realnewsAvailable(dir = REALNEWS_DIR): boolean {
  return existsSync(join(dir, 'labels.json'));
}

function docsOf(claim: KbClaim, byDoc: Map<string, string>): Map<string, Array<'supports' | 'contradicts'>> {
  const out = new Map<string, Array<'supports' | 'contradicts'>>();
  for (const e of claim.evidence) {
    const f = byDoc.get(e.docId);
    if (!f) continue;
    const list = out.get(f) ?? [];
    list.push(e.stance);
    out.set(f, list);
  }
  return out;
}

export function evaluateRealnewsKb(dir = REALNEWS_DIR): RealnewsKbFigures {
  const stories = loadStories(dir);
  const docs: IngestedDoc[] = [];
  const skipped: string[] = [];
  const storyOf = new Map<string, string>();
  for (const s of stories) {
    for (const f of Object.keys(s.files)) {
      storyOf.set(f, s.id);
      if (s.suggestedHeldOut.includes(f)) continue;
      try {
        docs.push(ingestDocument(f, readFileSync(join(dir, 'articles', f))));
      } catch (e) {
        skipped.push(`${f}: ${(e as Error).message}`);
      }
    }
  }
  const kb = buildKb(docs);
  const fileOf = new Map(kb.documents.map((d) => [d.id, d.file ?? '']));
  let mixed = 0;
  for (const c of kb.claims) {
    const ss = new Set([...docsOf(c, fileOf).keys()].map((f) => storyOf.get(f)));
    if (ss.size > 1) mixed++;
  }
  const figures: StoryFigure[] = stories.map((s) => {
    const corpusFiles = Object.keys(s.files).filter((f) => !s.suggestedHeldOut.includes(f));
    let best: { c: KbClaim; n: number; docs: Map<string, Array<'supports' | 'contradicts'>> } | null = null;
    for (const c of kb.claims) {
      const d = docsOf(c, fileOf);
      const n = [...d.keys()].filter((f) => storyOf.get(f) === s.id).length;
      if (n > 0 && (!best || n > best.n || (n === best.n && c.evidence.length > best.c.evidence.length))) best = { c, n, docs: d };
    }
    const contra = corpusFiles.filter((f) => s.files[f] === 'contradicts');
    const attached = best ? contra.filter((f) => best!.docs.get(f)?.includes('contradicts')).length : 0;
    const supRead = best ? corpusFiles.filter((f) => s.files[f] === 'supports' && (best!.docs.get(f) ?? []).length > 0
      && best!.docs.get(f)!.every((x) => x === 'contradicts')).length : 0;
    return {
      story: s.id, canonical: s.claim, found: !!best && best.n >= 2, claimId: best?.c.id ?? null, claimText: best?.c.text ?? null,
      articlesOnClaim: best?.n ?? 0, corpusArticles: corpusFiles.length, contradictingArticles: contra.length,
      contradictingAttached: attached, supportingReadAsContradicting: supRead,
    };
  });
  return {
    stories: figures,
    storiesFound: figures.filter((f) => f.found).length,
    storyCount: figures.length,
    contradictingAttached: figures.reduce((a, f) => a + f.contradictingAttached, 0),
    contradictingArticles: figures.reduce((a, f) => a + f.contradictingArticles, 0),
    mixedClaims: mixed,
    skipped,
    claims: kb.claims.length,
    kb,
  };
}

if (process.argv[1] && /realnews\.ts$/.test(process.argv[1])) {
  const r = evaluateRealnewsKb();
  for (const f of r.stories) {
    console.log(`${f.found ? '✓' : '✗'} ${f.story.padEnd(14)} ${f.articlesOnClaim}/${f.corpusArticles} articles, contradicting ${f.contradictingAttached}/${f.contradictingArticles}`
      + `${f.supportingReadAsContradicting ? `, ${f.supportingReadAsContradicting} supporting read as contradicting` : ''}\n    canonical: ${f.canonical}\n    KB claim:  ${f.claimText}`);
  }
  console.log(`stories found ${r.storiesFound}/${r.storyCount}; contradicting attached ${r.contradictingAttached}/${r.contradictingArticles}; mixed claims ${r.mixedClaims}; claims ${r.claims}; skipped ${r.skipped.length}`);
  for (const s of r.skipped) console.log(`  skipped ${s}`);
}

export interface RealnewsMatchFigures {
  /** Held-out articles whose story was recognised (a highlight of one of the story's claims), per all held-out articles. */
  recognised: number;
  heldOut: number;
  /** Of those, articles whose stance (contradicting when any highlight of the story contradicts) is the label's. */
  stanceRight: number;
  /** Claim highlights on held-out articles that belong to the article's own story, over all claim highlights. */
  claimHighlights: number;
  ownStoryHighlights: number;
  /** Unrelated articles (another corpus entirely) with any claim highlight. */
  unrelatedArticles: number;
  unrelatedWithHighlights: number;
  failures: string[];
}

/** The matcher on the held-out realnews articles, against the KB built from the rest; `unrelated` are articles of no story. */
export function evaluateRealnewsMatcher(kb: Kb, unrelated: Array<{ file: string; text: string }>, dir = REALNEWS_DIR): RealnewsMatchFigures {
  const stories = loadStories(dir);
  const storyOfFile = new Map<string, string>();
  for (const s of stories) for (const f of Object.keys(s.files)) storyOfFile.set(f, s.id);
  const fileOf = new Map(kb.documents.map((d) => [d.id, d.file ?? '']));
  const storyOfClaim = new Map(kb.claims.map((c) => {
    const counts = new Map<string, number>();
    for (const e of c.evidence) { const s = storyOfFile.get(fileOf.get(e.docId) ?? ''); if (s) counts.set(s, (counts.get(s) ?? 0) + 1); }
    return [c.id, [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? ''];
  }));
  const matcher = buildMatcher(kb);
  const f: RealnewsMatchFigures = { recognised: 0, heldOut: 0, stanceRight: 0, claimHighlights: 0, ownStoryHighlights: 0, unrelatedArticles: unrelated.length, unrelatedWithHighlights: 0, failures: [] };
  for (const s of stories) {
    for (const file of s.suggestedHeldOut) {
      f.heldOut++;
      const text = readFileSync(join(dir, 'articles', file), 'utf8');
      const ann = matcher.annotate(text);
      f.claimHighlights += ann.claims.length;
      const own = ann.claims.filter((c) => storyOfClaim.get(c.claimId) === s.id);
      f.ownStoryHighlights += own.length;
      for (const c of ann.claims) if (storyOfClaim.get(c.claimId) !== s.id) f.failures.push(`${file} (${s.id}): other story's claim "${c.claim.slice(0, 60)}" on "${c.text.slice(0, 60)}"`);
      if (!own.length) { f.failures.push(`${file} (${s.id}): story not recognised`); continue; }
      f.recognised++;
      const stance = own.some((c) => c.stance === 'contradicts') ? 'contradicts' : 'supports';
      if (stance === s.files[file]) f.stanceRight++;
      else f.failures.push(`${file} (${s.id}): read as ${stance}, labelled ${s.files[file]}`);
    }
  }
  for (const u of unrelated) {
    const ann = matcher.annotate(u.text);
    if (ann.claims.length) {
      f.unrelatedWithHighlights++;
      f.failures.push(`unrelated ${u.file}: "${ann.claims[0].text.slice(0, 60)}" → "${ann.claims[0].claim.slice(0, 60)}"`);
    }
  }
  return f;
}
