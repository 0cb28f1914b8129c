import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { DB_VERSION, openClaimlensDb } from './db';
import { readKb, readKbMeta, replaceKb } from './kb-store';
import type { Kb } from '../kb/types';
import type { Note } from '../notes/types';

const kbA: Kb = {
  schema: 'claimlens-kb/1',
  builtAt: '2024-01-01T00:00:00.000Z',
  documents: [{ id: 'd1', title: 'Doc one', text: 'A sells B to C.' }],
  actors: [{ id: 'a1', name: 'Acme', kind: 'organization', aliases: ['Acme'], roles: [], documents: ['d1'] }],
  claims: [
    {
      id: 'c1',
      text: 'Acme sells widgets',
      actors: ['a1'],
      evidence: [{ docId: 'd1', quote: 'A sells B to C.', start: 0, end: 15, speaker: null, stance: 'supports' }],
    },
  ],
};

const note: Note = {
  '@context': 'http://www.w3.org/ns/anno.jsonld',
  id: 'urn:uuid:1',
  type: 'Annotation',
  motivation: 'commenting',
  created: '2024-01-01T00:00:00.000Z',
  modified: '2024-01-02T00:00:00.000Z',
  body: [{ type: 'TextualBody', value: 'my note', format: 'text/plain', purpose: 'commenting' }],
  target: {
    source: 'https://news.example/a',
    selector: [
      { type: 'TextQuoteSelector', exact: 'sells', prefix: 'A ', suffix: ' B' },
      { type: 'TextPositionSelector', start: 2, end: 7 },
    ],
  },
  'claimlens:claimId': 'c1',
};

beforeEach(() => {
  // A fresh IndexedDB per test.
  globalThis.indexedDB = new IDBFactory();
});

describe('database schema', () => {
  it('creates every store from an empty database', async () => {
    const db = await openClaimlensDb('t');
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(
      ['events', 'kbActors', 'kbClaims', 'kbDocuments', 'kbMeta', 'notes', 'sites', 'userDocs'].sort(),
    );
    db.close();
  });

  it('migrates a version-1 database without losing notes', async () => {
    const old = await openClaimlensDb('t', 1);
    expect(old.objectStoreNames.contains('sites')).toBe(false);
    await old.put('notes', note);
    old.close();
    const db = await openClaimlensDb('t');
    expect(await db.get('notes', note.id)).toEqual(note);
    expect(await db.getAllFromIndex('notes', 'bySource', 'https://news.example/a')).toHaveLength(1);
    expect(await db.getAllFromIndex('notes', 'byModified')).toHaveLength(1);
    db.close();
  });

  it('builds the missing stores of a database another context created empty', async () => {
    // indexedDB.open(name) with no version makes an empty version-1 database.
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open('t');
      req.onsuccess = () => { req.result.close(); resolve(); };
      req.onerror = () => reject(req.error);
    });
    const db = await openClaimlensDb('t');
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(
      ['events', 'kbActors', 'kbClaims', 'kbDocuments', 'kbMeta', 'notes', 'sites', 'userDocs'].sort(),
    );
    await db.put('notes', note);
    expect(await db.getAllFromIndex('notes', 'bySource', 'https://news.example/a')).toHaveLength(1);
    db.close();
  });
});

describe('KB store', () => {
  it('replaces the KB in one go and never touches notes', async () => {
    const db = await openClaimlensDb('t');
    await db.put('notes', note);
    await replaceKb(db, kbA, 'bundled', '0.1.0');
    const kbB: Kb = { ...kbA, actors: [], claims: [], documents: [{ id: 'd2', title: 'Two' }] };
    const meta = await replaceKb(db, kbB, 'imported', '0.1.0');
    expect(meta.counts).toEqual({ documents: 1, actors: 0, claims: 0 });
    const back = await readKb(db);
    expect(back?.documents.map((d) => d.id)).toEqual(['d2']);
    expect(back?.claims).toEqual([]);
    expect(await db.get('notes', note.id)).toEqual(note);
    expect((await readKbMeta(db))?.origin).toBe('imported');
    db.close();
  });

  it('round-trips a KB (without document texts)', async () => {
    const db = await openClaimlensDb('t');
    await replaceKb(db, kbA, 'bundled', '0.1.0');
    const back = await readKb(db);
    expect(back?.claims).toEqual(kbA.claims);
    expect(back?.documents[0]).toEqual({ id: 'd1', title: 'Doc one' });
    db.close();
  });
});
