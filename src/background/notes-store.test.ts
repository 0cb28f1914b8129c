import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DB_VERSION, openClaimlensDb, type ClaimlensDb } from './db';
import { allNotes, deleteNote, getNote, importNotes, listNotes, restoreNote, saveNote } from './notes-store';
import { describeRange } from '../notes/selectors';
import { createNote, exportNotes, parseNotesImport, updateNote } from '../notes/web-annotation';
import type { Note } from '../notes/types';

const TEXT = 'Ministers met in Brussels on Monday. The Élysée said the summit would resume in March after talks on energy prices.';

function make(i: number, o: { source?: string; body?: string; tags?: string[]; claimId?: string; title?: string; day?: number; phrase?: string } = {}): Note {
  const phrase = o.phrase ?? 'the summit would resume in March';
  const at = TEXT.indexOf(phrase);
  const { quote, position } = describeRange(TEXT, at, at + phrase.length);
  return createNote({
    id: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    source: o.source ?? 'https://news.example.com/summit',
    pageTitle: o.title ?? 'Summit delayed',
    quote,
    position,
    body: o.body ?? `note ${i}`,
    tags: o.tags,
    claimId: o.claimId,
    now: new Date(Date.UTC(2026, 10, o.day ?? i)),
  });
}

let db: ClaimlensDb;
beforeEach(async () => {
  // A fresh IndexedDB per test: no state leaks between tests.
  globalThis.indexedDB = new IDBFactory();
  db = await openClaimlensDb('notes-test');
});
afterEach(() => {
  db.close();
  vi.restoreAllMocks();
});

describe('notes store', () => {
  it('saves, gets, deletes (returning the note) and restores', async () => {
    const n = make(1);
    await saveNote(db, n);
    expect(await getNote(db, n.id)).toEqual(n);
    const deleted = await deleteNote(db, n.id);
    expect(deleted).toEqual(n);
    expect(await getNote(db, n.id)).toBeUndefined();
    expect(await deleteNote(db, n.id)).toBeUndefined();
    await restoreNote(db, deleted!);
    expect(await getNote(db, n.id)).toEqual(n);
  });

  it('restore does not overwrite a newer version', async () => {
    const n = make(1);
    const newer = updateNote(n, { body: 'newer' }, new Date(Date.UTC(2027, 0, 1)));
    await saveNote(db, newer);
    await restoreNote(db, n);
    expect(await getNote(db, n.id)).toEqual(newer);
  });

  it('two concurrent saves (two tabs, two connections) both persist', async () => {
    const other = await openClaimlensDb('notes-test');
    const a = make(1);
    const b = make(2);
    await Promise.all([saveNote(db, a), saveNote(other, b)]);
    other.close();
    expect((await allNotes(db)).map((n) => n.id).sort()).toEqual([a.id, b.id]);
  });

  it('lists newest first with source, claim, site, tag and full-text filters', async () => {
    const n1 = make(1, { body: 'Energy prices matter', tags: ['Energy'] });
    const n2 = make(2, { source: 'https://www.other.example/a', title: 'Other', claimId: 'claim-9' });
    const n3 = make(3, { phrase: 'Ministers met in Brussels', body: 'who attended?' });
    for (const n of [n1, n2, n3]) await saveNote(db, n);
    const ids = (ns: Note[]): string[] => ns.map((n) => n.id);
    expect(ids(await listNotes(db))).toEqual([n3.id, n2.id, n1.id]);
    expect(ids(await listNotes(db, { source: 'https://news.example.com/summit' }))).toEqual([n3.id, n1.id]);
    expect(ids(await listNotes(db, { claimId: 'claim-9' }))).toEqual([n2.id]);
    expect(ids(await listNotes(db, { site: 'other.example' }))).toEqual([n2.id]);
    expect(ids(await listNotes(db, { site: 'ther.example' }))).toEqual([]); // label boundary, not a substring
    expect(ids(await listNotes(db, { tag: 'energy' }))).toEqual([n1.id]);
    // Body, quote and title, accent- and case-insensitive, all words required.
    expect(ids(await listNotes(db, { query: 'ENERGY prices' }))).toEqual([n1.id]);
    expect(ids(await listNotes(db, { query: 'brussels' }))).toEqual([n3.id]);
    expect(ids(await listNotes(db, { query: 'other' }))).toEqual([n2.id]);
    expect(ids(await listNotes(db, { query: 'summit delayed attended' }))).toEqual([n3.id]);
    expect(ids(await listNotes(db, { query: 'nowhere' }))).toEqual([]);
    expect(ids(await listNotes(db, { limit: 1 }))).toEqual([n3.id]);
  });

  it('import keeps the newer modified for existing ids', async () => {
    const old = make(1);
    const newer = updateNote(old, { body: 'newer' }, new Date(Date.UTC(2027, 0, 1)));
    const kept = make(2);
    await saveNote(db, newer);
    await saveNote(db, kept);
    const r = await importNotes(db, [old, updateNote(kept, { body: 'imported edit' }, new Date(Date.UTC(2027, 1, 1))), make(3)]);
    expect(r).toEqual({ ok: true, value: { added: 1, updated: 1, unchanged: 1 } });
    expect((await getNote(db, old.id))?.body[0].value).toBe('newer');
    expect((await getNote(db, kept.id))?.body[0].value).toBe('imported edit');
  });

  it('import is atomic: a record failing inside the transaction rolls back all', async () => {
    const before = make(9);
    await saveNote(db, before);
    const notes = [make(1), make(2), make(3)];
    // Make the store fail on the second write (as a quota or clone error would).
    const realPut = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      if ((value as Note).id === notes[1].id) throw new DOMException('simulated failure', 'DataError');
      return realPut.call(this, value, key);
    });
    const r = await importNotes(db, notes);
    vi.restoreAllMocks();
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/rolled back.*simulated failure/);
    expect((await allNotes(db)).map((n) => n.id)).toEqual([before.id]);
  });

  it('import rejects an invalid note before writing anything', async () => {
    const bad = { ...make(2), target: { source: 'https://a.example/', selector: [] } } as Note;
    const r = await importNotes(db, [make(1), bad]);
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-note' } });
    if (!r.ok) expect(r.error.message).toMatch(/^item 2: target.selector missing TextQuoteSelector/);
    expect(await allNotes(db)).toEqual([]);
  });

  it('round trip: export → wipe → import gives deep-equal notes', async () => {
    const notes = [make(1, { tags: ['a', 'b'], claimId: 'c1' }), make(2, { body: '' }), make(3, { title: 'Ünïcode ✓ "quotes"' })];
    for (const n of notes) await saveNote(db, n);
    const json = exportNotes(await allNotes(db));
    await db.clear('notes');
    expect(await allNotes(db)).toEqual([]);
    const parsed = parseNotesImport(json);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(await importNotes(db, parsed.notes)).toEqual({ ok: true, value: { added: 3, updated: 0, unchanged: 0 } });
    const byId = (a: Note, b: Note): number => a.id.localeCompare(b.id);
    expect((await allNotes(db)).sort(byId)).toEqual([...notes].sort(byId));
  });

  it('migration: a note saved at schema v1 survives the upgrade and is indexed', async () => {
    db.close();
    globalThis.indexedDB = new IDBFactory();
    const v1 = await openClaimlensDb('migrate', 1);
    const n = make(1);
    await v1.put('notes', n);
    v1.close();
    expect(DB_VERSION).toBeGreaterThan(1);
    db = await openClaimlensDb('migrate');
    expect(db.version).toBe(DB_VERSION);
    expect(await getNote(db, n.id)).toEqual(n);
    expect((await listNotes(db, { source: n.target.source })).map((x) => x.id)).toEqual([n.id]);
    expect(await db.getAllFromIndex('notes', 'byModified')).toEqual([n]);
  });
});
