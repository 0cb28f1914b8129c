// Note calls from the content script and the library page. Notes live in the
// extension's IndexedDB; the content script only ever holds copies.
import type { ContentCalls, NoteSummary, UiCalls } from '../shared/messages';
import type { Handlers } from '../shared/messaging';
import { err, ok } from '../shared/result';
import { notesToMarkdown } from '../notes/markdown';
import { createNote, exportNotes, noteBody, parseNotesImport, updateNote } from '../notes/web-annotation';
import type { Note } from '../notes/types';
import type { ClaimlensDb } from './db';
import { db } from './kb-service';
import { allNotes, deleteNote, getNote, importNotes, listNotes, restoreNote, saveNote } from './notes-store';

const MAX_BODY = 100_000;

export async function notesOnClaim(d: ClaimlensDb, claimId: string): Promise<NoteSummary[]> {
  const notes = await listNotes(d, { claimId });
  return notes.map((n) => ({
    id: n.id,
    body: noteBody(n),
    quote: n.target.selector.find((s) => s.type === 'TextQuoteSelector')?.exact ?? '',
    source: n.target.source,
    pageTitle: n['claimlens:pageTitle'] ?? null,
    modified: n.modified,
  }));
}

async function update(id: string, body: string, tags: string[]): Promise<Note> {
  const d = await db();
  const note = await getNote(d, id);
  if (!note) throw new Error('This note no longer exists.');
  const next = updateNote(note, { body: body.slice(0, MAX_BODY), tags }, new Date());
  await saveNote(d, next);
  return next;
}

const content: Handlers<ContentCalls> = {
  'notes.forPage': async ({ source }) => ok(await listNotes(await db(), { source })),
  'notes.create': async (draft) => {
    if (typeof draft.body !== 'string' || !draft.body.trim()) return err('bad-request', 'A note needs some text.');
    const note = createNote({
      source: draft.source,
      pageTitle: draft.pageTitle,
      quote: draft.quote,
      position: draft.position,
      body: draft.body.slice(0, MAX_BODY),
      tags: draft.tags,
      claimId: draft.claimId ?? undefined,
      now: new Date(),
    });
    await saveNote(await db(), note);
    return ok(note);
  },
  'notes.update': async ({ id, body, tags }) => ok(await update(id, body, tags)),
  'notes.delete': async ({ id }) => ok((await deleteNote(await db(), id)) ?? null),
};

const ui: Handlers<UiCalls> = {
  'notes.list': async (q) => ok(await listNotes(await db(), q)),
  'notes.update': async ({ id, body, tags }) => ok(await update(id, body, tags)),
  'notes.delete': async ({ id }) => ok((await deleteNote(await db(), id)) ?? null),
  'notes.restore': async ({ note }) => {
    await restoreNote(await db(), note);
    return ok(note);
  },
  'notes.export': async ({ format }) => {
    const notes = await allNotes(await db());
    return ok(format === 'markdown' ? notesToMarkdown(notes) : exportNotes(notes));
  },
  'notes.import': async ({ json }) => {
    const parsed = parseNotesImport(json);
    if (!parsed.ok) {
      const shown = parsed.errors.slice(0, 5).map((e) => `item ${e.index}: ${e.message}`).join('; ');
      return err('invalid-import', `${parsed.errors.length} bad record(s): ${shown}`);
    }
    const r = await importNotes(await db(), parsed.notes);
    if (!r.ok) return err(r.error.code, r.error.message);
    return ok({ imported: r.value.added + r.value.updated });
  },
};

export const noteHandlers = { content, ui };
