// The KB half of the database: replaced whole, in one transaction, so a
// reader never sees half a KB, and the notes store is never touched.
import type { Kb } from '../kb/types';
import { KB_SCHEMA } from '../kb/types';
import type { IDBPTransaction } from 'idb';
import type { ClaimlensDB, ClaimlensDb, KbMeta, UserDocRecord } from './db';

const KB_STORES = ['kbMeta', 'kbDocuments', 'kbActors', 'kbClaims'] as const;

function metaOf(kb: Kb, origin: KbMeta['origin'], extensionVersion: string, now: Date): KbMeta {
  return {
    key: 'current',
    schema: kb.schema,
    builtAt: kb.builtAt ?? null,
    generator: kb.generator ?? null,
    origin,
    extensionVersion,
    importedAt: now.toISOString(),
    counts: { documents: kb.documents.length, actors: kb.actors.length, claims: kb.claims.length },
  };
}

/** Document texts stay out of the KB store: offsets are kept, the text is only needed by the CLI (added pages keep theirs in userDocs). */
function withoutText<T extends { text?: string }>(d: T): Omit<T, 'text'> {
  const { text: _text, ...rest } = d;
  return rest;
}

/**
 * Replaces the whole KB in one transaction (a reader never sees half a KB;
 * notes are never touched). With `userDocs`, the added pages are replaced in
 * the same transaction, so the KB in use and the list of added pages always
 * agree, even if the worker dies half way.
 */
export async function replaceKb(
  db: ClaimlensDb,
  kb: Kb,
  origin: KbMeta['origin'],
  extensionVersion: string,
  now: Date = new Date(),
  userDocs?: UserDocRecord[],
): Promise<KbMeta> {
  const stores = userDocs ? [...KB_STORES, 'userDocs' as const] : [...KB_STORES];
  const tx = db.transaction(stores, 'readwrite');
  const meta = metaOf(kb, origin, extensionVersion, now);
  const docs = tx.objectStore('kbDocuments');
  const actors = tx.objectStore('kbActors');
  const claims = tx.objectStore('kbClaims');
  // Requests are queued without awaiting each one: one transaction, one commit.
  const pending: Promise<unknown>[] = [];
  try {
    pending.push(docs.clear(), actors.clear(), claims.clear(), tx.objectStore('kbMeta').clear());
    for (const d of kb.documents) pending.push(docs.put(withoutText(d)));
    for (const a of kb.actors) pending.push(actors.put(a));
    for (const c of kb.claims) pending.push(claims.put(c));
    pending.push(tx.objectStore('kbMeta').put(meta));
    if (userDocs) {
      const store = tx.objectStore('userDocs');
      pending.push(store.clear());
      for (const r of userDocs) pending.push(store.put(r));
    }
    await Promise.all([...pending, tx.done]);
  } catch (e) {
    abortQuietly(tx, pending);
    throw e;
  }
  return meta;
}

/** Puts what differs between two KBs (by object identity: the merge reuses untouched records) and deletes what is gone. */
function queueDiff<T extends { id: string }>(store: { put(v: T): Promise<unknown>; delete(k: string): Promise<unknown> }, before: T[], after: T[], out: Promise<unknown>[], map: (x: T) => T = (x) => x): void {
  const old = new Map(before.map((x) => [x.id, x]));
  for (const x of after) {
    if (old.get(x.id) !== x) out.push(store.put(map(x)));
    old.delete(x.id);
  }
  for (const id of old.keys()) out.push(store.delete(id));
}

/**
 * Writes an incremental change (a page added or removed) in one transaction:
 * only the records that changed, the meta counts, and the added-page records.
 * A worker killed half way leaves the previous state: IndexedDB commits all or nothing.
 */
export async function writeKbChange(
  db: ClaimlensDb,
  before: Kb,
  after: Kb,
  change: { put?: UserDocRecord[]; remove?: string[] },
): Promise<void> {
  const tx = db.transaction([...KB_STORES, 'userDocs'], 'readwrite');
  const pending: Promise<unknown>[] = [];
  try {
    await queueChange(tx, before, after, change, pending);
    await Promise.all([...pending, tx.done]);
  } catch (e) {
    // A request that throws (a value that cannot be stored) must not let the
    // ones queued before it commit: all or nothing.
    abortQuietly(tx, pending);
    throw e;
  }
}

function abortQuietly(tx: { abort(): void; done: Promise<void> }, pending: Promise<unknown>[]): void {
  // Every queued request now fails with AbortError: that is the point, not news.
  for (const p of pending) p.catch(() => undefined);
  try {
    tx.abort();
  } catch {
    // Already finished or aborted.
  }
  tx.done.catch(() => undefined);
}

type ChangeTx = IDBPTransaction<ClaimlensDB, Array<(typeof KB_STORES)[number] | 'userDocs'>, 'readwrite'>;

async function queueChange(tx: ChangeTx, before: Kb, after: Kb, change: { put?: UserDocRecord[]; remove?: string[] }, pending: Promise<unknown>[]): Promise<void> {
  queueDiff(tx.objectStore('kbDocuments'), before.documents, after.documents, pending, (d) => withoutText(d));
  queueDiff(tx.objectStore('kbActors'), before.actors, after.actors, pending);
  queueDiff(tx.objectStore('kbClaims'), before.claims, after.claims, pending);
  const metaStore = tx.objectStore('kbMeta');
  const meta = await metaStore.get('current');
  if (meta) {
    pending.push(metaStore.put({ ...meta, counts: { documents: after.documents.length, actors: after.actors.length, claims: after.claims.length } }));
  }
  const users = tx.objectStore('userDocs');
  for (const id of change.remove ?? []) pending.push(users.delete(id));
  for (const r of change.put ?? []) pending.push(users.put(r));
}

export async function readUserDocs(db: ClaimlensDb): Promise<UserDocRecord[]> {
  const all = await db.getAll('userDocs');
  // Oldest first: the order they were merged in.
  return all.sort((a, b) => (a.addedAt < b.addedAt ? -1 : a.addedAt > b.addedAt ? 1 : a.id < b.id ? -1 : 1));
}

export async function readKbMeta(db: ClaimlensDb): Promise<KbMeta | undefined> {
  return db.get('kbMeta', 'current');
}

/** Reads the stored KB back as a KB object (for the matcher and export). */
export async function readKb(db: ClaimlensDb): Promise<Kb | null> {
  const tx = db.transaction(['kbMeta', 'kbDocuments', 'kbActors', 'kbClaims'], 'readonly');
  const [meta, documents, actors, claims] = await Promise.all([
    tx.objectStore('kbMeta').get('current'),
    tx.objectStore('kbDocuments').getAll(),
    tx.objectStore('kbActors').getAll(),
    tx.objectStore('kbClaims').getAll(),
    tx.done,
  ]);
  if (!meta) return null;
  return {
    schema: KB_SCHEMA,
    ...(meta.builtAt ? { builtAt: meta.builtAt } : {}),
    ...(meta.generator ? { generator: meta.generator } : {}),
    documents,
    actors,
    claims,
  };
}
