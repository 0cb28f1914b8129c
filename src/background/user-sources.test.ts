// Added pages in the background, on a fake IndexedDB: stored apart, kept
// through an update and an import, removed exactly, never lost when two tabs
// add at once; the same canonical URL replaces its earlier version.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildKb } from '../kb/build';
import { ingestFile } from '../html/readability';
import { ingestDocument } from '../kb/ingest';
import type { Kb } from '../kb/types';
import type { ArticleDraft } from '../shared/messages';
import { openClaimlensDb } from './db';
import { KbService } from './kb-service';
import { readKb, readUserDocs } from './kb-store';
import { addPage, describeContribution, kbExportJson, normaliseDate, removeSource } from './user-sources';
import { writeKbChange } from './kb-store';

const dir = (d: string) => join(__dirname, '../kb/fixtures', d);
const BUNDLED: Kb = buildKb(readdirSync(join(__dirname, '../../assets/corpus')).sort().map((f) => ingestDocument(f, readFileSync(join(__dirname, '../../assets/corpus', f)))), { omitText: true });

/** A fixture article as the content script would send it. */
function draft(folder: string, file: string, url: string, extra: Partial<ArticleDraft> = {}): ArticleDraft {
  const lines = readFileSync(join(dir(folder), file), 'utf8').replace(/^#\s*/gm, '').split(/\n+/).map((l) => l.trim()).filter(Boolean);
  return { url, canonicalUrl: null, title: lines[0], byline: null, siteName: 'The Daily Ledger', published: '2026-03-02T10:00:00Z', lang: 'en', paragraphs: lines.slice(1), truncated: false, ...extra };
}

let version = '1.0.0';
const service = (bundled: Kb = BUNDLED) => new KbService({ openDb: () => openClaimlensDb('t'), fetchBundled: async () => JSON.stringify(bundled), extensionVersion: version });
const stored = async (s: KbService) => JSON.stringify(await readKb(await s.db()));

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  version = '1.0.0';
});

describe('added pages', () => {
  it('adds a page of a new story: new claims, stored apart from the KB, described for the reader', async () => {
    const s = service();
    await s.kb();
    const r = await addPage(s, draft('databreach', '01_report.txt', 'https://news.example/breach?utm_source=x'));
    expect(r.claims.some((c) => c.isNew)).toBe(true);
    expect(r.message).toMatch(/^\d+ claims?, \d+ new/);
    const kb = await s.kb();
    const doc = kb.documents.find((d) => d.id === r.docId)!;
    expect(doc).toMatchObject({ url: 'https://news.example/breach', publisher: 'The Daily Ledger', date: '2026-03-02T10:00:00.000Z' });
    const users = await readUserDocs(await s.db());
    expect(users.map((u) => u.id)).toEqual([r.docId]);
    expect(users[0].doc.text.length).toBeGreaterThan(200);
    // What is stored is what is in memory (one transaction, incremental writes).
    const fresh = service();
    expect((await fresh.kb()).claims.map((c) => c.id).sort()).toEqual(kb.claims.map((c) => c.id).sort());
  });

  it('keeps added pages through an extension update (bundled KB re-imported) and an import', async () => {
    const s = service();
    await s.kb();
    const r = await addPage(s, draft('drugtrial', '02_regulator.md', 'https://news.example/drug'));
    version = '1.1.0';
    const updated = service();
    const kb = await updated.kb();
    expect(kb.documents.some((d) => d.id === r.docId)).toBe(true);
    expect(kb.claims.some((c) => c.evidence.some((e) => e.docId === r.docId))).toBe(true);
    const other = buildKb(readdirSync(dir('databreach')).sort().map((f) => ingestFile(f, readFileSync(join(dir('databreach'), f)))), { omitText: true });
    const kept = await updated.importKbText(JSON.stringify(other), 'keep');
    expect(kept.sources).toBe(1);
    expect(kept.kb.documents.some((d) => d.id === r.docId)).toBe(true);
    const dropped = await updated.importBundled('reset', 'drop');
    expect(dropped.sources).toBe(0);
    expect(await readUserDocs(await updated.db())).toEqual([]);
    expect(JSON.stringify(dropped.kb)).toBe(JSON.stringify(BUNDLED));
  });

  it('removing the page gives back the KB it was added to, in memory and in storage', async () => {
    const s = service();
    await s.kb();
    const before = await stored(s);
    const r = await addPage(s, draft('databreach', '01_report.txt', 'https://news.example/a'));
    expect(await stored(s)).not.toBe(before);
    expect(await removeSource(s, r.docId)).toMatchObject({ removed: true });
    expect(await stored(s)).toBe(before);
    expect(await readUserDocs(await s.db())).toEqual([]);
    expect(await removeSource(s, r.docId)).toEqual({ removed: false, claimsGone: 0 });
  });

  it('loses nothing when two tabs add at once', async () => {
    const s = service();
    await s.kb();
    const [a, b] = await Promise.all([
      addPage(s, draft('databreach', '01_report.txt', 'https://news.example/a')),
      addPage(s, draft('drugtrial', '02_regulator.md', 'https://news.example/b')),
    ]);
    const ids = (await readUserDocs(await s.db())).map((u) => u.id).sort();
    expect(ids).toEqual([a.docId, b.docId].sort());
    const kb = await service().kb();
    for (const id of ids) expect(kb.documents.some((d) => d.id === id)).toBe(true);
  });

  it('the same canonical URL updates the source instead of duplicating it', async () => {
    const s = service();
    await s.kb();
    await addPage(s, draft('databreach', '01_report.txt', 'https://news.example/a?fbclid=1'));
    const again = await addPage(s, draft('databreach', '01_report.txt', 'https://m.news.example/a', { canonicalUrl: 'https://news.example/a', paragraphs: [...draft('databreach', '01_report.txt', 'x').paragraphs, 'An update was added on Wednesday with more detail about the records.'] }));
    expect(again.updated).toBe(true);
    expect(again.message).toMatch(/^Updated/);
    const users = await readUserDocs(await s.db());
    expect(users).toHaveLength(1);
    expect((await s.kb()).documents.filter((d) => d.url === 'https://news.example/a')).toHaveLength(1);
  });

  it('refuses a page with no article, and adds nothing', async () => {
    const s = service();
    await s.kb();
    await expect(addPage(s, draft('databreach', '01_report.txt', 'https://news.example/x', { title: 'Menu', paragraphs: ['Home', 'Contact us'] }))).rejects.toThrow(/No article/);
    expect(await readUserDocs(await s.db())).toEqual([]);
  });
});

describe('export, import and failures', () => {
  it('an export carries the added pages; importing it elsewhere gives them back as added pages', async () => {
    const s = service();
    await s.kb();
    const r = await addPage(s, draft('databreach', '01_report.txt', 'https://news.example/a'));
    const json = kbExportJson(await s.kb(), await readUserDocs(await s.db()));
    globalThis.indexedDB = new IDBFactory();
    const other = service();
    await other.kb();
    const imported = await other.importKbText(json, 'drop');
    expect(imported.sources).toBe(1);
    expect((await readUserDocs(await other.db())).map((u) => u.id)).toEqual([r.docId]);
    expect(imported.kb.documents.filter((d) => d.id === r.docId)).toHaveLength(1);
    expect(imported.kb.claims.map((c) => c.id).sort()).toEqual((await s.kb()).claims.map((c) => c.id).sort());
  });

  it('a damaged stored page is left out on the next update, with a warning; the others stay', async () => {
    const s = service();
    await s.kb();
    const good = await addPage(s, draft('databreach', '01_report.txt', 'https://news.example/a'));
    const bad = await addPage(s, draft('drugtrial', '02_regulator.md', 'https://news.example/b'));
    const d = await s.db();
    const rec = (await d.get('userDocs', bad.docId))!;
    await d.put('userDocs', { ...rec, doc: { ...rec.doc, text: 42 as unknown as string } });
    version = '1.1.0';
    const updated = service();
    const kb = await updated.kb();
    expect(kb.documents.some((x) => x.id === good.docId)).toBe(true);
    expect(kb.documents.some((x) => x.id === bad.docId)).toBe(false);
    expect((await updated.recentEvents(5)).some((e) => e.level === 'warning' && /could not be read back/.test(e.message))).toBe(true);
  });

  it('a change that cannot be written leaves storage as it was (one transaction)', async () => {
    const s = service();
    await s.kb();
    const before = await stored(s);
    const kb = await s.kb();
    // A changed actor and a new document are queued first, then a claim that cannot be stored.
    const broken = {
      ...kb,
      documents: [...kb.documents, { id: 'd-new', title: 'New' }],
      actors: [{ ...kb.actors[0], roles: [...kb.actors[0].roles, 'new role'] }, ...kb.actors.slice(1)],
      claims: [...kb.claims, { ...kb.claims[0], id: 'c-new', evidence: [{ ...kb.claims[0].evidence[0], quote: (() => 'x') as unknown as string }] }],
    };
    await expect(writeKbChange(await s.db(), kb, broken, {})).rejects.toThrow();
    expect(await stored(s)).toBe(before);
  });
});

describe('words and dates', () => {
  it('says what was added in one sentence', () => {
    const c = (isNew: boolean, text: string) => ({ claimId: text, text, isNew, supports: 1, contradicts: 0 });
    const contribution = { docId: 'd', newActors: [], actorAdditions: [], claims: [c(true, 'A'), c(true, 'B'), c(false, 'North Korea supplies weapons to Russia')] };
    expect(describeContribution(contribution, { updated: false, truncated: false, actors: 2 })).toBe('3 claims, 2 new; 1 new source for ‘North Korea supplies weapons to Russia’.');
  });
  it('never guesses a date', () => {
    const now = new Date('2026-06-01T00:00:00Z');
    expect(normaliseDate('2026-03-02', now)).toBe('2026-03-02T00:00:00.000Z');
    expect(normaliseDate('last Tuesday', now)).toBeNull();
    expect(normaliseDate('2099-01-01', now)).toBeNull();
    expect(normaliseDate(null, now)).toBeNull();
  });
});
