// Note calls from the content script and the library page. Notes live in the
// extension's IndexedDB; the content script only ever holds copies.
import type { ContentCalls, NoteDraft, NoteSummary, UiCalls } from '../shared/messages';
import type { Handlers } from '../shared/messaging';
import { err, ok } from '../shared/result';
import { notesToMarkdown } from '../notes/markdown';
import { createNote, exportNotes, noteBody, parseNotesImport, updateNote, validateNote } from '../notes/web-annotation';
import type { Note } from '../notes/types';
import type { ClaimlensDb } from './db';
import { db } from './service';
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

const isStr = (v: unknown): v is string => typeof v === 'string';
const isTags = (v: unknown): v is string[] => Array.isArray(v) && v.length <= 100 && v.every(isStr);

/** What a content script hands over is checked, never trusted: a broken draft must not become a stored note. */
function draftProblem(d: NoteDraft): string | null {
  if (typeof d !== 'object' || d === null) return 'Bad request.';
  if (!isStr(d.body) || !d.body.trim()) return 'A note needs some text.';
  if (!isStr(d.source) || !/^https?:\/\//.test(d.source)) return 'Notes can only be kept on web pages.';
  const q = d.quote as unknown as Record<string, unknown> | null;
  if (!q || q.type !== 'TextQuoteSelector' || !isStr(q.exact) || !q.exact || !isStr(q.prefix) || !isStr(q.suffix)) return 'The selected text is missing.';
  const p = d.position as unknown as Record<string, unknown> | null;
  if (!p || p.type !== 'TextPositionSelector' || !Number.isInteger(p.start) || !Number.isInteger(p.end) || (p.start as number) < 0 || (p.end as number) <= (p.start as number)) {
    return 'The selected text is missing.';
  }
  if (!isTags(d.tags)) return 'Tags must be a list of words.';
  if (d.claimId !== null && d.claimId !== undefined && !isStr(d.claimId)) return 'Bad claim id.';
  if (d.pageTitle !== undefined && !isStr(d.pageTitle)) return 'Bad page title.';
  return null;
}

async function update(id: string, body: string, tags: string[]): Promise<Note> {
  if (!isStr(id) || !isStr(body) || !isTags(tags)) throw new Error('Bad request.');
  if (!body.trim()) throw new Error('A note needs some text.');
  const d = await db();
  const note = await getNote(d, id);
  if (!note) throw new Error('This note no longer exists.');
  const next = updateNote(note, { body: body.slice(0, MAX_BODY), tags }, new Date());
  await saveNote(d, next);
  return next;
}

const content: Handlers<ContentCalls> = {
  'notes.forPage': async ({ source }) => (isStr(source) ? ok(await listNotes(await db(), { source })) : err('bad-request', 'source must be a string')),
  'notes.create': async (draft) => {
    const problem = draftProblem(draft);
    if (problem) return err('bad-request', problem);
    const created = createNote({
      source: draft.source,
      pageTitle: (draft.pageTitle ?? '').slice(0, 1000),
      // Only the known fields (no stray keys from the page's side).
      quote: { type: 'TextQuoteSelector', exact: draft.quote.exact, prefix: draft.quote.prefix, suffix: draft.quote.suffix },
      position: { type: 'TextPositionSelector', start: draft.position.start, end: draft.position.end },
      body: draft.body.slice(0, MAX_BODY),
      tags: draft.tags,
      claimId: draft.claimId ?? undefined,
      now: new Date(),
    });
    const v = validateNote(created);
    if (!v.ok) return err('bad-request', v.errors.join('; '));
    await saveNote(await db(), v.note);
    return ok(v.note);
  },
  'notes.update': async ({ id, body, tags }) => ok(await update(id, body, tags)),
  'notes.delete': async ({ id }) => ok((await deleteNote(await db(), id)) ?? null),
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
    if (!isStr(json)) return err('bad-request', 'Nothing to import.');
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
