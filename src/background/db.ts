// The extension's private IndexedDB (extension origin, never the page's).
// Versioned schema: each entry of MIGRATIONS upgrades from version i to i+1,
// so a database of any older version walks forward step by step.
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames, type IDBPObjectStore, type IndexNames } from 'idb';
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

/**
 * A store made if it is missing. A database can exist at a version without the
 * stores that version should have (another context opened it first, with no
 * upgrade of its own); each migration then builds what is missing instead of
 * aborting the upgrade and leaving Claimlens without storage.
 */
function store<N extends StoreNames<ClaimlensDB>>(db: IDBPDatabase<ClaimlensDB>, tx: UpgradeTx, name: N, opts: IDBObjectStoreParameters) {
  return db.objectStoreNames.contains(name) ? tx.objectStore(name) : db.createObjectStore(name, opts);
}

function index<N extends StoreNames<ClaimlensDB>>(
  s: IDBPObjectStore<ClaimlensDB, StoreNames<ClaimlensDB>[], N, 'versionchange'>, name: IndexNames<ClaimlensDB, N>, keyPath: string,
): void {
  if (!s.indexNames.contains(name)) s.createIndex(name, keyPath);
}

/** MIGRATIONS[i] upgrades a database from version i to version i + 1; each must be safe to run again. */
export const MIGRATIONS: readonly Migration[] = [
  // v1: the KB stores and the notes store.
  (db, tx) => {
    store(db, tx, 'kbMeta', { keyPath: 'key' });
    store(db, tx, 'kbDocuments', { keyPath: 'id' });
    store(db, tx, 'kbActors', { keyPath: 'id' });
    store(db, tx, 'kbClaims', { keyPath: 'id' });
    store(db, tx, 'notes', { keyPath: 'id' });
  },
  // v2: note indexes (by page, by date), per-site switch, and an
  // event log the popup shows ("the KB was re-imported because …").
  (db, tx) => {
    const notes = store(db, tx, 'notes', { keyPath: 'id' });
    index(notes, 'bySource', 'target.source');
    index(notes, 'byModified', 'modified');
    // No index on 'claimlens:claimId': a colon is not allowed in an IndexedDB
    // key path; notes on a claim are few, so they are filtered in memory.
    store(db, tx, 'sites', { keyPath: 'host' });
    store(db, tx, 'events', { keyPath: 'id', autoIncrement: true });
  },
  // v3: pages the reader added to the KB, apart from the KB stores.
  (db, tx) => {
    index(store(db, tx, 'userDocs', { keyPath: 'id' }), 'byUrl', 'url');
  },
];

export const DB_VERSION = MIGRATIONS.length;

export function openClaimlensDb(
  name: string = DB_NAME,
  version: number = DB_VERSION,
): Promise<IDBPDatabase<ClaimlensDB>> {
  return openDB<ClaimlensDB>(name, version, {
    upgrade(db, oldVersion, newVersion, tx) {
      // Every migration runs on every upgrade, not only those past oldVersion: each
      // one only builds what is missing, so a database whose stores fell behind its
      // version number is repaired too.
      void oldVersion;
      const target = newVersion ?? version;
      for (let v = 0; v < target; v++) MIGRATIONS[v](db, tx);
    },
    blocking(_current, _next, event) {
      // Another context wants a newer schema: let it, we reopen on next use.
      (event.target as IDBDatabase).close();
    },
  });
}

export type ClaimlensDb = IDBPDatabase<ClaimlensDB>;
