// The extension's private IndexedDB (extension origin, never the page's).
// Versioned schema: each entry of MIGRATIONS upgrades from version i to i+1,
// so a database of any older version walks forward step by step.
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { IngestedDoc } from '../kb/ingest';
import type { Contribution } from '../kb/merge';
import type { KbActor, KbClaim, KbDocument } from '../kb/types';
import type { Note } from '../notes/types';

export const DB_NAME = 'claimlens';

export interface KbMeta {
  key: 'current';
  schema: string;
  builtAt: string | null;
  generator: string | null;
  /** Where the KB came from: the bundled kb.json or a user import. */
  origin: 'bundled' | 'imported';
  /** Extension version that imported it (a new version re-imports the bundled KB). */
  extensionVersion: string;
  importedAt: string;
  counts: { documents: number; actors: number; claims: number };
}

export interface SiteSetting {
  /** Host name, e.g. "www.example.com". */
  host: string;
  enabled: boolean;
}

export interface EventRecord {
  id?: number;
  at: string;
  level: 'info' | 'warning' | 'error';
  message: string;
}

/**
 * A page the reader added. Kept apart from the KB stores: they hold the KB in
 * use (the base KB with every added page merged in), this store holds what is
 * needed to merge the page again onto a new base KB (an extension update, an
 * import) and to take it out exactly.
 */
export interface UserDocRecord {
  /** The document id (also in kbDocuments while the page is merged). */
  id: string;
  /** Canonical URL: adding the same article again replaces this record. */
  url: string;
  addedAt: string;
  /** The article as ingested, text included (evidence offsets point into it). */
  doc: IngestedDoc;
  /** What merging it changed (to remove it exactly, and to tell the reader). */
  contribution: Contribution;
}

export interface ClaimlensDB extends DBSchema {
  kbMeta: { key: string; value: KbMeta };
  kbDocuments: { key: string; value: KbDocument };
  kbActors: { key: string; value: KbActor };
  kbClaims: { key: string; value: KbClaim };
  notes: {
    key: string;
    value: Note;
    indexes: { bySource: string; byModified: string };
  };
  sites: { key: string; value: SiteSetting };
  events: { key: number; value: EventRecord };
  userDocs: { key: string; value: UserDocRecord; indexes: { byUrl: string } };
}

type UpgradeTx = IDBPTransaction<ClaimlensDB, StoreNames<ClaimlensDB>[], 'versionchange'>;
type Migration = (db: IDBPDatabase<ClaimlensDB>, tx: UpgradeTx) => void;

/** MIGRATIONS[i] upgrades a database from version i to version i + 1. */
export const MIGRATIONS: readonly Migration[] = [
  // v1: the KB stores and the notes store.
  (db) => {
    db.createObjectStore('kbMeta', { keyPath: 'key' });
    db.createObjectStore('kbDocuments', { keyPath: 'id' });
    db.createObjectStore('kbActors', { keyPath: 'id' });
    db.createObjectStore('kbClaims', { keyPath: 'id' });
    db.createObjectStore('notes', { keyPath: 'id' });
  },
  // v2: note indexes (by page, by date), per-site switch, and an
  // event log the popup shows ("the KB was re-imported because …").
  (db, tx) => {
    const notes = tx.objectStore('notes');
    notes.createIndex('bySource', 'target.source');
    notes.createIndex('byModified', 'modified');
    // No index on 'claimlens:claimId': a colon is not allowed in an IndexedDB
    // key path; notes on a claim are few, so they are filtered in memory.
    db.createObjectStore('sites', { keyPath: 'host' });
    db.createObjectStore('events', { keyPath: 'id', autoIncrement: true });
  },
  // v3: pages the reader added to the KB, apart from the KB stores.
  (db) => {
    db.createObjectStore('userDocs', { keyPath: 'id' }).createIndex('byUrl', 'url');
  },
];

export const DB_VERSION = MIGRATIONS.length;

export function openClaimlensDb(
  name: string = DB_NAME,
  version: number = DB_VERSION,
): Promise<IDBPDatabase<ClaimlensDB>> {
  return openDB<ClaimlensDB>(name, version, {
    upgrade(db, oldVersion, newVersion, tx) {
      const target = newVersion ?? version;
      for (let v = oldVersion; v < target; v++) MIGRATIONS[v](db, tx);
    },
    blocking(_current, _next, event) {
      // Another context wants a newer schema: let it, we reopen on next use.
      (event.target as IDBDatabase).close();
    },
  });
}

export type ClaimlensDb = IDBPDatabase<ClaimlensDB>;
