// The KB half of the database: replaced whole, in one transaction, so a
// reader never sees half a KB, and the notes store is never touched.
import type { Kb } from '../kb/types';
import { KB_SCHEMA } from '../kb/types';
import type { ClaimlensDb, KbMeta } from './db';

export async function replaceKb(
  db: ClaimlensDb,
  kb: Kb,
  origin: KbMeta['origin'],
  extensionVersion: string,
  now: Date = new Date(),
): Promise<KbMeta> {
  const tx = db.transaction(['kbMeta', 'kbDocuments', 'kbActors', 'kbClaims'], 'readwrite');
  const meta: KbMeta = {
    key: 'current',
    schema: kb.schema,
    builtAt: kb.builtAt ?? null,
    generator: kb.generator ?? null,
    origin,
    extensionVersion,
    importedAt: now.toISOString(),
    counts: { documents: kb.documents.length, actors: kb.actors.length, claims: kb.claims.length },
  };
  const docs = tx.objectStore('kbDocuments');
  const actors = tx.objectStore('kbActors');
  const claims = tx.objectStore('kbClaims');
  // Requests are queued without awaiting each one: one transaction, one commit.
  const pending: Promise<unknown>[] = [docs.clear(), actors.clear(), claims.clear(), tx.objectStore('kbMeta').clear()];
  // Document texts stay out of the store: offsets are kept, the text is only needed by the CLI.
  for (const d of kb.documents) {
    const { text: _text, ...rest } = d;
    pending.push(docs.put(rest));
  }
  for (const a of kb.actors) pending.push(actors.put(a));
  for (const c of kb.claims) pending.push(claims.put(c));
  pending.push(tx.objectStore('kbMeta').put(meta));
  await Promise.all([...pending, tx.done]);
  return meta;
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
