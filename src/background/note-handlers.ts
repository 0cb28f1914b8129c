// Note calls from the content script (where notes are, never what they say)
// and the library page. Notes live in the extension's IndexedDB; the content
// script holds only their anchors, the note frame (frame-handlers.ts) the text.
import type { NoteAnchor, SelectionDraft } from '../shared/frame-messages';
import type { ContentCalls, NoteSummary, UiCalls } from '../shared/messages';
import { notesFileProblem } from './import-errors';
import type { Handlers } from '../shared/messaging';
import { err, ok } from '../shared/result';
import { notesToMarkdown } from '../notes/markdown';
import { createNote, exportNotes, noteBody, parseNotesImport, updateNote, validateNote } from '../notes/web-annotation';
import type { Note } from '../notes/types';
import type { ClaimlensDb } from './db';
import { db } from './service';
import { allNotes, deleteNote, getNote, importNotes, listNotes, restoreNote, saveNote } from './notes-store';


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

// Payloads were checked at the edge (message-schemas.ts: shapes, lengths,
// http(s) sources); a new note is still built from known fields only and
// checked again by the notes validator before it is stored.
export async function createFromSelection(draft: SelectionDraft, body: string, tags: string[]): Promise<Note> {
  const created = createNote({
    source: draft.source,
    pageTitle: draft.pageTitle,
    // Only the known fields (no stray keys from the page's side).
    quote: { type: 'TextQuoteSelector', exact: draft.quote.exact, prefix: draft.quote.prefix, suffix: draft.quote.suffix },
    position: { type: 'TextPositionSelector', start: draft.position.start, end: draft.position.end },
    body,
    tags,
    claimId: draft.claimId ?? undefined,
    now: new Date(),
  });
  const v = validateNote(created);
  if (!v.ok) throw new Error(v.errors.join('; '));
  await saveNote(await db(), v.note);
  return v.note;
}

export async function update(id: string, body: string, tags: string[]): Promise<Note> {
  const d = await db();
  const note = await getNote(d, id);
  if (!note) throw new Error('This note no longer exists.');
  const next = updateNote(note, { body, tags }, new Date());
  await saveNote(d, next);
  return next;
}

/** Where a note is, without what it says: all the content script gets. */
export const anchorOf = (n: Note): NoteAnchor => ({ id: n.id, target: n.target, claimId: n['claimlens:claimId'] ?? null });

const content: Handlers<ContentCalls> = {
  'notes.forPage': async ({ source }) => ok((await listNotes(await db(), { source })).map(anchorOf)),
};

const ui: Handlers<UiCalls> = {
  'notes.list': async (q) => ok(await listNotes(await db(), q)),
  'notes.update': async ({ id, body, tags }) => ok(await update(id, body, tags)),
  'notes.delete': async ({ id }) => ok((await deleteNote(await db(), id)) ?? null),
  'notes.restore': async ({ note }) => {
    const v = validateNote(note);
    if (!v.ok) return err('bad-request', v.errors.join('; '));
    await restoreNote(await db(), v.note);
    return ok(v.note);
  },
  'notes.export': async ({ format }) => {
    const notes = await allNotes(await db());
    return ok(format === 'markdown' ? notesToMarkdown(notes) : exportNotes(notes));
  },
  'notes.import': async ({ json }) => {
    const problem = notesFileProblem(json);
    if (problem) return err('invalid-import', problem);
    const parsed = parseNotesImport(json);
    if (!parsed.ok) {
      const shown = parsed.errors.slice(0, 5).map((e) => `item ${e.index}: ${e.message}`).join('; ');
      return err('invalid-import', `${parsed.errors.length} bad record(s): ${shown}`);
    }
    const r = await importNotes(await db(), parsed.notes);
    if (!r.ok) return err(r.error.code, r.error.message);
    const { added, updated, unchanged } = r.value;
    return ok({ imported: added + updated, added, updated, skipped: unchanged });
  },
};

export const noteHandlers = { content, ui };
