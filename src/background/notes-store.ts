// Personal notes in the extension's IndexedDB. Each note is its own record
// keyed by id and every write is a single transaction, so saves from two tabs
// never overwrite each other (there is no read-modify-write of a shared list).
import type { ClaimlensDb } from './db';
import { noteBody, noteQuote, noteTags, validateNote } from '../notes/web-annotation';
import type { Note } from '../notes/types';
import { err, errorMessage, ok, type Result } from '../shared/result';

export async function saveNote(db: ClaimlensDb, note: Note): Promise<void> {
  await db.put('notes', note);
}

export async function getNote(db: ClaimlensDb, id: string): Promise<Note | undefined> {
  return db.get('notes', id);
}

/** Deletes and returns the note (kept by the caller for "undo" → restoreNote). */
export async function deleteNote(db: ClaimlensDb, id: string): Promise<Note | undefined> {
  const tx = db.transaction('notes', 'readwrite');
  const note = await tx.store.get(id);
  if (note) await tx.store.delete(id);
  await tx.done;
  return note;
}

/** Undo of deleteNote: puts the note back unless a newer version was saved meanwhile. */
export async function restoreNote(db: ClaimlensDb, note: Note): Promise<void> {
  const tx = db.transaction('notes', 'readwrite');
  const current = await tx.store.get(note.id);
  if (!current || time(current.modified) <= time(note.modified)) await tx.store.put(note);
  await tx.done;
}

export async function allNotes(db: ClaimlensDb): Promise<Note[]> {
  return db.getAll('notes');
}

export interface NotesFilter {
  /** Canonical page URL (Note.target.source): uses the bySource index. */
  source?: string;
  claimId?: string;
  /** Full-text: every word must occur in body, quote, page title or tags (case- and accent-insensitive). */
  query?: string;
  /** Host name; matches the host and its subdomains ("example.com" matches "www.example.com"). */
  site?: string;
  /** Tag, case-insensitive. */
  tag?: string;
  limit?: number;
}

const time = (iso: string): number => {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? 0 : t;
};

/** Lower-case, accents stripped, whitespace collapsed: "Élysée" matches "elysee". */
export function foldForSearch(s: string): string {
  return s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/\s+/g, ' ');
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
}

/** Notes matching every given criterion, newest `modified` first. */
export async function listNotes(db: ClaimlensDb, filter: NotesFilter = {}): Promise<Note[]> {
  // The page's notes are fetched by index (the content script asks on every
  // visit); other filters scan all notes, which stays cheap at personal scale.
  let notes = filter.source !== undefined ? await db.getAllFromIndex('notes', 'bySource', filter.source) : await db.getAll('notes');
  if (filter.claimId !== undefined) notes = notes.filter((n) => n['claimlens:claimId'] === filter.claimId);
  if (filter.site) {
    const site = filter.site.toLowerCase().replace(/^\.+/, '');
    notes = notes.filter((n) => {
      const h = hostOf(n.target.source);
      return h !== null && (h === site || h.endsWith(`.${site}`));
    });
  }
  if (filter.tag) {
    const tag = filter.tag.trim().toLowerCase();
    notes = notes.filter((n) => noteTags(n).some((t) => t.toLowerCase() === tag));
  }
  if (filter.query && filter.query.trim()) {
    const words = foldForSearch(filter.query).split(' ').filter(Boolean);
    notes = notes.filter((n) => {
      const hay = foldForSearch([noteBody(n), noteQuote(n)?.exact ?? '', n['claimlens:pageTitle'] ?? '', ...noteTags(n)].join('\n'));
      return words.every((w) => hay.includes(w));
    });
  }
  notes.sort((a, b) => time(b.modified) - time(a.modified) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return filter.limit !== undefined ? notes.slice(0, filter.limit) : notes;
}

export interface ImportSummary {
  added: number;
  updated: number;
  /** Already present with the same or a newer `modified`: kept as is. */
  unchanged: number;
}

/**
 * Imports notes in ONE transaction: all are written or none. For an id that
 * already exists the newer `modified` wins. Notes are re-validated here too
 * (the background must not trust what a page or a message hands it).
 */
export async function importNotes(db: ClaimlensDb, notes: readonly Note[]): Promise<Result<ImportSummary>> {
  // Stored copies are rebuilt from known fields only (no stray or hostile keys).
  const clean: Note[] = [];
  for (let i = 0; i < notes.length; i++) {
    const v = validateNote(notes[i]);
    if (!v.ok) return err('invalid-note', `item ${i + 1}: ${v.errors.join('; ')}`);
    clean.push(v.note);
  }
  const summary: ImportSummary = { added: 0, updated: 0, unchanged: 0 };
  const tx = db.transaction('notes', 'readwrite');
  try {
    for (const note of clean) {
      const current = await tx.store.get(note.id);
      if (!current) summary.added++;
      else if (time(note.modified) > time(current.modified)) summary.updated++;
      else {
        summary.unchanged++;
        continue;
      }
      await tx.store.put(note);
    }
    await tx.done;
    return ok(summary);
  } catch (e) {
    // A failed request already aborts the transaction; abort explicitly in
    // case the failure came from our own code, then wait for the rollback.
    try {
      tx.abort();
    } catch {
      /* already finished or aborted */
    }
    await tx.done.catch(() => undefined);
    return err('import-failed', `import rolled back, nothing was saved: ${errorMessage(e)}`);
  }
}
