// Pages the reader added to the KB ("Add this page to the knowledge base"):
// turned into a document, merged into the KB in use (src/kb/merge.ts), stored
// with it in one transaction, removed again, and merged anew onto a new base
// KB (an extension update re-imports the bundled KB, an import replaces it).
import { IngestError, ingestText, type IngestedDoc } from '../kb/ingest';
import { mergeDocument, removeDocument, type Contribution, type Recogniser } from '../kb/merge';
import type { Kb } from '../kb/types';
import { buildMatcher, type Matcher } from '../match/matcher';
import { canonicalUrl } from '../notes/canonical-url';
import type { AddReport, ArticleDraft } from '../shared/messages';
import type { UserDocRecord } from './db';
import type { KbService } from './kb-service';
import { readUserDocs, writeKbChange } from './kb-store';

export const recogniserOf = (m: Matcher): Recogniser => (sentence) =>
  m.annotate(sentence).claims.map((c) => ({ claimId: c.claimId, stance: c.stance, score: c.score }));

/** A published date as ISO, or null: a date the page does not give clearly is never guessed. */
export function normaliseDate(s: string | null, now: Date = new Date()): string | null {
  if (!s || !s.trim()) return null;
  const t = Date.parse(s.trim());
  // Future dates (beyond a day of clock skew) and pre-web dates are page errors, not publication dates.
  if (Number.isNaN(t) || t > now.getTime() + 86_400_000 || t < Date.UTC(1990, 0, 1)) return null;
  return new Date(t).toISOString();
}

export function hostOf(url: string | undefined | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** The extracted article as a document, through the pipeline's own text entry point. */
export function draftToDoc(d: ArticleDraft, url: string, now: Date = new Date()): IngestedDoc {
  const paragraphs = d.paragraphs.map(oneLine).filter(Boolean);
  const title = oneLine(d.title);
  let doc: IngestedDoc;
  try {
    doc = ingestText(url, [title, ...paragraphs].filter(Boolean).join('\n\n'));
  } catch (e) {
    if (e instanceof IngestError) throw new Error('No article found on this page (too little text): nothing was added.');
    throw e;
  }
  const out: IngestedDoc = { ...doc, title: title || doc.title, url };
  const byline = d.byline ? oneLine(d.byline).replace(/^by\s+/i, '') : '';
  if (byline) out.author = byline.slice(0, 200);
  out.publisher = (d.siteName ? oneLine(d.siteName) : '') || hostOf(url) || undefined;
  if (!out.publisher) delete out.publisher;
  const date = normaliseDate(d.published, now);
  if (date) out.date = date;
  return out;
}

const quoteText = (t: string): string => `‘${t.length > 80 ? t.slice(0, 79) + '…' : t}’`;

/** "3 claims, 2 new; 1 new source for ‘…’", in one sentence. */
export function describeContribution(c: Contribution, opts: { updated: boolean; truncated: boolean; actors: number }): string {
  const n = c.claims.length;
  const fresh = c.claims.filter((x) => x.isNew).length;
  const known = c.claims.filter((x) => !x.isNew);
  let s: string;
  if (n === 0) {
    s = `No claim found in this article; it is kept as a source${opts.actors ? ` naming ${opts.actors} actor${opts.actors === 1 ? '' : 's'}` : ''}.`;
  } else {
    s = `${n} claim${n === 1 ? '' : 's'}, ${fresh} new`;
    if (known.length === 1) s += `; 1 new source for ${quoteText(known[0].text)}`;
    else if (known.length === 2) s += `; 1 new source for ${quoteText(known[0].text)} and ${quoteText(known[1].text)}`;
    else if (known.length > 2) s += `; 1 new source for ${quoteText(known[0].text)} and ${known.length - 1} other known claims`;
    s += '.';
  }
  if (opts.updated) s = `Updated (this article was already one of your sources): ${s}`;
  if (opts.truncated) s += ' The page was very long: only its beginning was added.';
  return s;
}

function reportOf(doc: IngestedDoc, c: Contribution, updated: boolean, truncated: boolean, actors: number): AddReport {
  return {
    docId: doc.id,
    title: doc.title,
    updated,
    claims: c.claims,
    newActors: c.newActors.length,
    truncated,
    message: describeContribution(c, { updated, truncated, actors }),
  };
}

/** The contributions of stored records, damaged ones left out. */
function contributionsOf(records: UserDocRecord[]): Contribution[] {
  return records.map((r) => r?.contribution).filter((c): c is Contribution => !!c && typeof c.docId === 'string' && Array.isArray(c.actorAdditions));
}

/** A stored record that can be merged again (stored data can be damaged: it is checked, never trusted). */
function isMergeable(r: UserDocRecord): boolean {
  const d = r?.doc as Partial<IngestedDoc> | undefined;
  return !!d && typeof r.id === 'string' && d.id === r.id && typeof d.text === 'string' && typeof d.title === 'string' && typeof d.file === 'string';
}

/**
 * Merges every record, in order, onto `base`; the matcher is rebuilt only
 * when a merge taught the KB something new. A damaged record is skipped (and
 * named in `skipped`), never a reason to lose the others.
 */
export function remerge(base: Kb, records: UserDocRecord[]): { kb: Kb; records: UserDocRecord[]; skipped: string[] } {
  let kb = base;
  let matcher: Matcher | null = null;
  const out: UserDocRecord[] = [];
  const skipped: string[] = [];
  for (const r of records) {
    // The base already has this document (an import of a KB that includes it): nothing to add.
    if (isMergeable(r) && kb.documents.some((d) => d.id === r.id)) continue;
    try {
      if (!isMergeable(r)) throw new Error('damaged record');
      matcher ??= buildMatcher(kb);
      const m = mergeDocument(kb, r.doc, recogniserOf(matcher));
      const c = m.contribution;
      if (c.newActors.length || c.actorAdditions.length || c.claims.some((x) => x.isNew)) matcher = null;
      kb = m.kb;
      out.push({ ...r, contribution: c });
    } catch {
      skipped.push(typeof r?.doc?.title === 'string' ? r.doc.title : String(r?.url ?? r?.id ?? 'a page'));
    }
  }
  return { kb, records: out, skipped };
}

/** Adds a page (or replaces the one with the same canonical URL), in one transaction. */
export async function addPage(service: KbService, draft: ArticleDraft, originTab?: number, now: Date = new Date()): Promise<AddReport> {
  const url = canonicalUrl(draft.url, draft.canonicalUrl);
  const doc = draftToDoc(draft, url, now);
  return service.exclusive(async () => {
    const db = await service.db();
    const kb = await service.kb();
    // The pipeline below reads the language data.
    await service.language();
    const all = await readUserDocs(db);
    const same = all.filter((r) => r.url === url || r.id === doc.id);
    let base = kb;
    const others = contributionsOf(all);
    for (const c of contributionsOf(same)) base = removeDocument(base, c, others);
    if (base.documents.some((d) => d.id === doc.id)) throw new Error('This article is already in the knowledge base (it is part of the bundled corpus or the loaded KB).');
    const matcher = base === kb ? await service.matcher() : buildMatcher(base);
    const { kb: next, contribution } = mergeDocument(base, doc, recogniserOf(matcher));
    const record: UserDocRecord = { id: doc.id, url, addedAt: now.toISOString(), doc, contribution };
    await writeKbChange(db, kb, next, { put: [record], remove: same.map((r) => r.id).filter((id) => id !== doc.id) });
    service.adopt(next, originTab);
    const actors = next.actors.filter((a) => a.documents.includes(doc.id)).length;
    return reportOf(doc, contribution, same.length > 0, draft.truncated, actors);
  });
}

/** Removes an added page: its evidence, the claims only it carried, the actors only it named. */
export async function removeSource(service: KbService, id: string): Promise<{ removed: boolean; claimsGone: number }> {
  return service.exclusive(async () => {
    const db = await service.db();
    const kb = await service.kb();
    const all = await readUserDocs(db);
    const record = all.find((r) => r.id === id);
    if (!record) return { removed: false, claimsGone: 0 };
    // A damaged record still goes: its document's evidence is found by id.
    const [own] = contributionsOf([record]);
    const next = removeDocument(kb, own ?? { docId: id, claims: [], newActors: [], actorAdditions: [] }, contributionsOf(all));
    await writeKbChange(db, kb, next, { remove: [id] });
    service.adopt(next);
    return { removed: true, claimsGone: kb.claims.length - next.claims.length };
  });
}

/** kb.json as exported: the KB in use and, when the reader added pages, those pages (texts included) so an import can merge them again. */
export function kbExportJson(kb: Kb, records: UserDocRecord[]): string {
  return JSON.stringify(records.length ? { ...kb, userSources: records } : kb);
}

/** The added pages of an exported KB file (`userSources`), checked; anything malformed is skipped. */
export function sourcesInFile(value: unknown): UserDocRecord[] {
  const list = (value as { userSources?: unknown } | null)?.userSources;
  if (!Array.isArray(list)) return [];
  const out: UserDocRecord[] = [];
  for (const x of list as unknown[]) {
    const r = x as Partial<UserDocRecord> | null;
    const d = r?.doc as Partial<IngestedDoc> | undefined;
    if (!r || typeof r.id !== 'string' || typeof r.url !== 'string' || typeof r.addedAt !== 'string') continue;
    if (!d || typeof d.id !== 'string' || d.id !== r.id || typeof d.text !== 'string' || typeof d.title !== 'string' || typeof d.file !== 'string') continue;
    const c = r.contribution as Partial<Contribution> | undefined;
    const contribution: Contribution = c && Array.isArray(c.actorAdditions) && Array.isArray(c.claims) && Array.isArray(c.newActors)
      ? { docId: r.id, claims: c.claims, newActors: c.newActors, actorAdditions: c.actorAdditions }
      : { docId: r.id, claims: [], newActors: [], actorAdditions: [] };
    out.push({ id: r.id, url: r.url, addedAt: r.addedAt, doc: { ...d, format: 'txt' } as IngestedDoc, contribution });
  }
  return out;
}

/** A KB file without the added pages it carries (so they can be merged again on top of what the reader keeps). */
export function baseOfFile(kb: Kb, records: UserDocRecord[]): Kb {
  let base = kb;
  for (const r of [...records].reverse()) base = removeDocument(base, r.contribution, records.map((x) => x.contribution));
  return base;
}

/** The added pages to merge onto a new base: the reader's own (when kept) and the file's, one per URL. */
export function sourcesToKeep(mine: UserDocRecord[], fromFile: UserDocRecord[]): UserDocRecord[] {
  const byUrl = new Map<string, UserDocRecord>();
  for (const r of [...fromFile, ...mine]) {
    const had = byUrl.get(r.url);
    if (!had || had.addedAt < r.addedAt) byUrl.set(r.url, r);
  }
  return [...byUrl.values()].sort((a, b) => (a.addedAt < b.addedAt ? -1 : a.addedAt > b.addedAt ? 1 : a.id < b.id ? -1 : 1));
}
