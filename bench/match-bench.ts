// Matcher bench: build time and heap, annotate time on a 20,000-word page with
// the bundled KB and with synthetic KBs (1k / 10k / 100k claims, 10k actors),
// next to the mark.js-equivalent peer: one RegExp alternation of every alias
// (what markRegExp would be given), run with exec over the same text.
// Then how cost grows: the bundled KB on 5k / 10k / 20k-word pages, and the
// 20k-word page against the 1k / 10k / 100k-claim KBs (CPU-time ratios).
// `npx tsx bench/match-bench.ts` prints the figures as JSON.
import { readFileSync, readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Kb, KbActor, KbClaim } from '../src/kb/types';
import { buildCorpusKb, CORPUS_DIR } from '../src/match/fixtures/corpus-kb';
import { buildMatcher, type Matcher } from '../src/match/matcher';
import { rng } from '../src/shared/rng';

const PAGE_WORDS = 20_000;
const RUNS = 21;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const round = (x: number, d = 2): number => Math.round(x * 10 ** d) / 10 ** d;

/** A full GC, with or without `node --expose-gc` (the flag can be set at run time for a new context). */
const gc: () => void = (globalThis as { gc?: () => void }).gc ?? (() => {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
})();

/** Live heap after full collections (twice: the first can leave finalizer work behind). */
function heapMb(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1048576;
}

/** Corpus paragraphs (plus synthetic ones) repeated up to `pageWords` words. */
function makePage(extra: string[] = [], pageWords = PAGE_WORDS): string[] {
  const paras = readdirSync(CORPUS_DIR).sort().flatMap((f) =>
    readFileSync(join(CORPUS_DIR, f), 'utf8').split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean));
  const blocks: string[] = [];
  let words = 0;
  for (let i = 0; words < pageWords; i++) {
    const p = i % 3 === 2 && extra.length ? extra[i % extra.length] : paras[i % paras.length];
    blocks.push(p);
    words += p.split(/\s+/).length;
  }
  return blocks;
}

const SYL = ['ka', 'lo', 'mi', 'ren', 'tor', 'vak', 'zel', 'dun', 'sha', 'pri', 'gol', 'nev', 'bar', 'tis', 'mor', 'quin'];
const VERBS = ['supplies', 'sells', 'ships', 'buys', 'meets', 'attacks', 'funds', 'sanctions', 'launches', 'negotiates with'];
const NOUNS = ['missiles', 'grain', 'oil', 'drones', 'loans', 'troops', 'gas', 'chips', 'satellites', 'vaccines', 'coal',
  'rifles', 'tanks', 'ships', 'data', 'uranium', 'steel', 'fertilizer', 'software', 'ammunition'];
const EXTRA = ['in secret', 'through intermediaries', 'at a summit', 'this year', 'despite sanctions', 'by rail', 'via ports'];

function synthName(r: () => number, parts: number): string {
  const word = (): string => {
    const n = 2 + Math.floor(r() * 2);
    let w = '';
    for (let i = 0; i < n; i++) w += SYL[Math.floor(r() * SYL.length)];
    return w[0].toUpperCase() + w.slice(1);
  };
  return Array.from({ length: parts }, word).join(' ');
}

function syntheticKb(nActors: number, nClaims: number, seed = 7): Kb {
  const r = rng(seed);
  const kinds: KbActor['kind'][] = ['person', 'organization', 'country', 'place'];
  const seen = new Set<string>();
  const actors: KbActor[] = [];
  while (actors.length < nActors) {
    const kind = kinds[actors.length % 4];
    const name = synthName(r, kind === 'person' ? 2 : 1 + Math.floor(r() * 2));
    if (seen.has(name)) continue;
    seen.add(name);
    const aliases = kind === 'person' ? [name.split(' ')[1]] : r() < 0.5 ? [synthName(r, 1)] : [];
    actors.push({ id: `a${actors.length}`, name, kind, aliases, roles: [], documents: ['d0'] });
  }
  const claims: KbClaim[] = [];
  for (let i = 0; i < nClaims; i++) {
    const a = actors[Math.floor(r() * nActors)];
    const b = actors[Math.floor(r() * nActors)];
    const verb = VERBS[Math.floor(r() * VERBS.length)];
    const noun = NOUNS[Math.floor(r() * NOUNS.length)];
    const text = `${a.name} ${verb} ${noun} to ${b.name}`;
    const quote = `Officials said ${a.name} ${verb} ${noun} to ${b.name} ${EXTRA[Math.floor(r() * EXTRA.length)]}.`;
    claims.push({ id: `c${i}`, text, actors: [a.id, b.id], evidence: [{ docId: 'd0', quote, start: 0, end: quote.length, speaker: null, stance: 'supports' }] });
  }
  return { schema: 'claimlens-kb/1', documents: [{ id: 'd0', title: 'Synthetic' }], actors, claims };
}

/** Page sentences naming the synthetic KB's actors, some restating its claims. */
function syntheticParagraphs(kb: Kb, n: number): string[] {
  const r = rng(11);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const sents: string[] = [];
    for (let k = 0; k < 5; k++) {
      const c = kb.claims[Math.floor(r() * kb.claims.length)];
      sents.push(r() < 0.5 ? `${c.evidence[0].quote}` : `Reporters in ${kb.actors[Math.floor(r() * kb.actors.length)].name} saw nothing unusual on ${['Monday', 'Friday'][k % 2]}.`);
    }
    out.push(sents.join(' '));
  }
  return out;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The regex mark.js markRegExp would run: every alias, longest first, whole words. */
function aliasRegex(kb: Kb): RegExp {
  const aliases = [...new Set(kb.actors.flatMap((a) => [a.name, ...a.aliases]))].sort((a, b) => b.length - a.length);
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${aliases.map(escapeRe).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
}

function timeRegex(re: RegExp, text: string): { ms: number; hits: number } {
  const times: number[] = [];
  let hits = 0;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    hits = 0;
    re.lastIndex = 0;
    while (re.exec(text) !== null) hits++;
    times.push(performance.now() - t0);
  }
  return { ms: median(times), hits };
}

function timeAnnotate(m: Matcher, blocks: string[]): { ms: number; cpuMs: number; actors: number; claims: number } {
  const times: number[] = [];
  const cpu: number[] = [];
  let actors = 0;
  let claims = 0;
  // Warm-up: JIT (whose background compiles count in process CPU time) and the
  // term cache, as in a long-lived worker.
  for (let i = 0; i < 10; i++) m.annotateBlocks(blocks);
  for (let i = 0; i < RUNS; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const res = m.annotateBlocks(blocks);
    times.push(performance.now() - t0);
    // CPU time of the process (this thread plus GC helpers): less sensitive
    // than wall time to other jobs sharing this 2-core machine.
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    actors = res.reduce((n, b) => n + b.actors.length, 0);
    claims = res.reduce((n, b) => n + b.claims.length, 0);
  }
  return { ms: median(times), cpuMs: median(cpu), actors, claims };
}

type Figures = Record<string, number | string>;

/** Returns the annotate CPU median (ms), for the growth ratios. */
function measure(name: string, kb: Kb, blocks: string[], out: Figures): number {
  // Retained size of the matcher: live heap with it minus live heap without it.
  const h0 = heapMb();
  const t0 = performance.now();
  const m = buildMatcher(kb);
  out[`${name}_build_ms`] = round(performance.now() - t0, 1);
  out[`${name}_heap_mb`] = round(heapMb() - h0, 1);
  const a = timeAnnotate(m, blocks);
  out[`${name}_annotate_20k_words_ms`] = round(a.ms);
  out[`${name}_annotate_20k_words_cpu_ms`] = round(a.cpuMs);
  out[`${name}_actor_matches`] = a.actors;
  out[`${name}_claim_matches`] = a.claims;
  const re = aliasRegex(kb);
  const text = blocks.join('\n\n');
  const rx = timeRegex(re, text);
  out[`${name}_regex_peer_ms`] = round(rx.ms);
  out[`${name}_regex_peer_hits`] = rx.hits;
  out[`${name}_annotate_over_regex`] = round(a.ms / rx.ms);
  return a.cpuMs;
}

/**
 * Synthetic KB sizes (claims): `CLAIMLENS_BENCH_MATCH_SIZES=1000,10000` leaves out the 100,000-claim KB, whose
 * matcher build takes minutes today.
 */
const SYNTHETIC_SIZES = (process.env.CLAIMLENS_BENCH_MATCH_SIZES ?? '1000,10000,100000').split(',').map(Number).filter((n) => n > 0);

export async function runMatchBench(): Promise<Figures> {
  const out: Figures = {};
  out.load_average_1m = round(loadavg()[0]);
  const t0 = performance.now();
  const bundled = buildCorpusKb();
  out.bundled_kb_build_ms = round(performance.now() - t0, 1);
  out.bundled_claims = bundled.claims.length;
  out.bundled_actors = bundled.actors.length;
  const page = makePage();
  out.page_words = page.join(' ').split(/\s+/).length;
  measure('bundled', bundled, page, out);
  // Growth with the page: the bundled KB on a quarter, a half and all of the
  // 20k-word page (every 4th, every 2nd, every block: the same mix of text),
  // one matcher, back to back, after a full GC each.
  const m = buildMatcher(bundled);
  // A fresh matcher's first calls still pay for JIT work on background threads
  // (counted in process CPU time): settle it on the full page first.
  for (let i = 0; i < 5; i++) m.annotateBlocks(page);
  const pageCpu: number[] = [];
  for (const stride of [4, 2, 1]) {
    const blocks = page.filter((_, i) => i % stride === 0);
    const words = blocks.join(' ').split(/\s+/).length;
    gc();
    const a = timeAnnotate(m, blocks);
    out[`growth_bundled_${round(words / 1000, 0)}k_words_cpu_ms`] = round(a.cpuMs);
    pageCpu.push(a.cpuMs);
  }
  const kbCpu: number[] = [];
  for (const n of SYNTHETIC_SIZES) {
    const kb = syntheticKb(10_000, n);
    const synthPage = makePage(syntheticParagraphs(kb, 40));
    gc();
    kbCpu.push(measure(`synthetic_${n / 1000}k_claims`, kb, synthPage, out));
  }
  out.growth_page_x1_x2_x4_cpu_ratio = pageCpu.map((x) => round(x / pageCpu[0])).join(' : ');
  out[`growth_kb_${SYNTHETIC_SIZES.map((n) => `${n / 1000}k`).join('_')}_cpu_ratio`] = kbCpu.map((x) => round(x / kbCpu[0])).join(' : ');
  out.growth_note = `page x2 -> cost x${round(pageCpu[1] / pageCpu[0], 1)}, x4 -> x${round(pageCpu[2] / pageCpu[0], 1)} ` +
    `(linear = x2, x4); KB sizes ${SYNTHETIC_SIZES.join(', ')} -> cost ${kbCpu.map((x) => `x${round(x / kbCpu[0], 1)}`).join(', ')} ` +
    '(same page shape, 10k actors: candidates per sentence grow with claims per actor)';
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runMatchBench().then((r) => process.stdout.write(`${JSON.stringify(r, null, 2)}\n`));
}
