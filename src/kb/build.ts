// buildKb: the pure pipeline, ingested documents → claimlens-kb/1.
// Deterministic: no clock, ids from content hashes, stable sort orders.

import { splitSentences } from '../lang/sentences';
import { detectMentions, type Mention } from './actors';
import { enrichAliases } from './aliases';
import { assembleClaims } from './claim-assembly';
import { clusterStatements } from './claim-cluster';
import { tagText, type Word } from '../lang/tagger';
import { extractStatements, type Statement } from './statements';
import { StatementSimilarity } from './statement-similarity';
import { gazetteer, lexiconTags } from './gazetteer';
import { contentId } from './hash';
import type { IngestedDoc } from './ingest';
import { resolveActors } from './resolve';
import { KB_SCHEMA, type Kb, type KbDocument } from './types';

export interface BuildOptions {
  /** Called after each document's analysis (for progress on large corpora). */
  onProgress?: (done: number, total: number) => void;
  /** Leave document text out of the KB (smaller file; offsets no longer checkable). */
  omitText?: boolean;
  /** Told about each sentence that could not be analysed and was skipped. */
  onSkip?: (docFile: string, sentence: string, error: unknown) => void;
  /**
   * Documents' words already tagged by `tagText` (src/lang/tagger.ts), by document id: a host with
   * several cores tags them in parallel (src/cli/tag-pool.ts). A document missing here is tagged here.
   * Entries are taken out as the build uses them, so the words are freed as soon as they are read.
   */
  tagged?: Map<string, Word[]>;
  /** Shown the statements, their similarity and the clusters before claims are assembled (diagnostics). */
  inspect?: (statements: Statement[], sim: StatementSimilarity, clusters: Array<{ members: number[] }>) => void;
}

export function buildKb(docs: IngestedDoc[], opts: BuildOptions = {}): Kb {
  const sorted = [...docs].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.id < b.id ? -1 : 1));
  const gaz = gazetteer();
  const gazNames = new Map([...gaz.entries.values()].map((e) => [e.key, e.name]));
  const analysed: Array<{ id: string; mentions: Mention[] }> = [];
  const sentencesOf = new Map<string, ReturnType<typeof splitSentences>>();
  // compromise tags each document once: its names find the actors, its words make the statements.
  const wordsOf = new Map<string, Word[]>();
  sorted.forEach((d, i) => {
    sentencesOf.set(d.id, splitSentences(d.text));
    const words = opts.tagged?.get(d.id) ?? tagText(d.text);
    opts.tagged?.delete(d.id);
    wordsOf.set(d.id, words);
    analysed.push({ id: d.id, mentions: detectMentions(d.text, words) });
    opts.onProgress?.(i + 1, sorted.length);
  });
  const { actors, mentions } = resolveActors(analysed, gazNames);
  enrichAliases(actors);
  const byId = new Map(actors.map((a) => [a.id, a]));
  // A person acts for the country named in their role ("Russian President").
  const affiliationMap = new Map<string, string>();
  for (const a of actors) {
    // People act for their state; a body keeps its own identity ("Wagner Group" is not "Russia").
    if (a.kind !== 'person') continue;
    for (const role of a.roles) {
      const ms = detectMentions(role);
      // "chief executive of Vestrand Automotive": the body named in the role comes first, else the country.
      const body = ms.find((x) => x.kind === 'organization' && byId.has(contentId('a-', x.key)));
      if (body) {
        affiliationMap.set(a.id, contentId('a-', body.key));
        break;
      }
      const m = ms.find((x) => x.kind === 'country');
      // "security spokesperson at the White House": the institution's country.
      const inst = ms.map((x) => gaz.entries.get(x.key)?.country).find((c): c is string => !!c);
      const key = m?.key ?? inst;
      if (key && byId.has(contentId('a-', key))) {
        affiliationMap.set(a.id, contentId('a-', key));
        break;
      }
    }
  }
  for (const a of actors) {
    if (a.kind !== 'organization' || affiliationMap.has(a.id)) continue;
    const key = [...gaz.entries.values()].find((e) => contentId('a-', e.key) === a.id)?.country;
    if (key && byId.has(contentId('a-', key))) affiliationMap.set(a.id, contentId('a-', key));
  }
  for (const a of actors) {
    const side = affiliationMap.get(a.id);
    if (side && side !== a.id) a.actsFor = side;
  }
  const regionOf = new Map<string, string>();
  for (const e of gaz.entries.values()) if (e.region) regionOf.set(contentId('a-', e.key), e.region);
  const gender = new Map<string, 'm' | 'f'>();
  for (const a of actors) {
    if (a.kind !== 'person') continue;
    const tags = lexiconTags(a.name.split(/\s+/)[0].toLowerCase());
    if (tags.includes('MaleName')) gender.set(a.id, 'm');
    else if (tags.includes('FemaleName')) gender.set(a.id, 'f');
  }
  const statements: Statement[] = [];
  for (const d of sorted) {
    statements.push(...extractStatements(d.id, d.text, sentencesOf.get(d.id)!, mentions.get(d.id) ?? [], {
      kindOf: (id) => byId.get(id)?.kind,
      nameOf: (id) => byId.get(id)?.name ?? id,
      genderOf: (id) => gender.get(id),
      regionOf: (id) => regionOf.get(id),
      onSkip: (sp, e) => opts.onSkip?.(d.file, sp.text, e),
    }, headlineEnd(d), wordsOf.get(d.id)));
    wordsOf.delete(d.id);
  }
  const sim = new StatementSimilarity((id) => affiliationMap.get(id) ?? id, (id) => byId.get(id)?.kind === 'person');
  const { clusters, pairScore } = clusterStatements(statements, sim);
  opts.inspect?.(statements, sim, clusters);
  const textOf = new Map(sorted.map((d) => [d.id, d.text]));
  const claims = assembleClaims(statements, clusters, pairScore, sim, {
    docText: (id) => textOf.get(id) ?? '',
    nameOf: (id) => byId.get(id)?.name ?? id,
    docOrder: new Map(sorted.map((d, i) => [d.id, i])),
  });
  const documents: KbDocument[] = sorted.map((d) => {
    const doc: KbDocument = { id: d.id, title: d.title, file: d.file };
    if (d.author) doc.author = d.author;
    if (d.publisher) doc.publisher = d.publisher;
    if (d.date) doc.date = d.date;
    if (d.url) doc.url = d.url;
    if (!opts.omitText) doc.text = d.text;
    return doc;
  });
  const dates = sorted.map((d) => d.date).filter((x): x is string => !!x && !Number.isNaN(Date.parse(x))).sort();
  const kb: Kb = { schema: KB_SCHEMA, generator: 'claimlens-kb-builder/1', documents, actors, claims };
  if (dates.length) kb.builtAt = new Date(Date.parse(dates[dates.length - 1])).toISOString();
  return kb;
}

/** End offset of the document's headline (its first line, when that is the title). */
function headlineEnd(d: IngestedDoc): number {
  const nl = d.text.indexOf('\n');
  const first = nl < 0 ? d.text : d.text.slice(0, nl);
  return first.trim() === d.title.trim() ? first.length : -1;
}
