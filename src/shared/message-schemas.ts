// One validator per call, beside the typed call maps (messages.ts). The one
// listener of each context (messaging.ts `listen`) runs the call's schema on
// the payload before any handler sees it, so the types in messages.ts are true
// at run time: a handler gets exactly the typed request (unknown keys
// stripped) or the sender gets a `bad-request` error. The `satisfies` clauses
// make a call without a schema, or a schema that disagrees with its type, a
// compile error.
import * as v from 'valibot';
import { validateNote } from '../notes/web-annotation';
import type { Note } from '../notes/types';
import type { ContentCalls, Req, TabCalls, UiCalls } from './messages';
import { frameEvent, frameSubject, token } from './frame-schemas';
import { httpUrl, id, noteBody, str, tags } from './schema-parts';

export { NOTE_MAX_CHARS } from './schema-parts';
/** Longest article text accepted from a page (characters); the content script cuts longer ones. */
export const ARTICLE_MAX_CHARS = 200_000;
/** Text blocks per annotate request and characters per block (the content script's own caps, with room). */
const MAX_BLOCKS = 4_000;
const MAX_BLOCK_CHARS = 20_000;
const MAX_PAGE_CHARS = 500_000;
/** A KB or notes file read by the library (the file input has no size limit of its own). */
const MAX_IMPORT_CHARS = 200 * 1024 * 1024;

export type Schemas<M> = { [K in keyof M]: v.GenericSchema<unknown, Req<M, K>> };

const empty = v.object({});
const stance = v.picklist(['supports', 'contradicts']);
const totalChars = (max: number) => v.check((xs: string[]) => xs.reduce((n, x) => n + x.length, 0) <= max, `more than ${max.toLocaleString('en')} characters in all`);

const noteUpdate = v.object({ id, body: noteBody, tags });

const articleDraft = v.object({
  url: httpUrl,
  canonicalUrl: v.nullable(str(4_000, 'address')),
  title: str(1_000, 'title'),
  byline: v.nullable(str(1_000, 'byline')),
  siteName: v.nullable(str(1_000, 'site name')),
  published: v.nullable(str(200, 'date')),
  lang: v.nullable(str(50, 'language')),
  paragraphs: v.pipe(v.array(str(ARTICLE_MAX_CHARS, 'paragraph')), v.maxLength(20_000, 'too many paragraphs'), totalChars(ARTICLE_MAX_CHARS)),
  truncated: v.boolean(),
});

const storedNote = v.custom<Note>((x) => validateNote(x).ok, 'not a valid note');
const keepSources = v.picklist(['keep', 'drop']);

export const contentSchemas = {
  'page.start': v.object({ host: str(1_000, 'host') }),
  'page.annotate': v.object({
    blocks: v.pipe(v.array(str(MAX_BLOCK_CHARS, 'block')), v.maxLength(MAX_BLOCKS, 'too many blocks'), totalChars(MAX_PAGE_CHARS)),
  }),
  'card.actor': v.object({ id }),
  'card.claim': v.object({ id }),
  'notes.forPage': v.object({ source: str(4_000, 'address') }),
  'frame.open': v.object({ subject: frameSubject }),
  'frame.release': v.object({ token }),
  'kb.addPage': articleDraft,
  'page.findings': v.object({ claims: v.pipe(v.array(v.object({ id, stance })), v.maxLength(10_000)) }),
} satisfies Schemas<ContentCalls>;

export const uiSchemas = {
  'kb.status': empty,
  'kb.search': v.object({ query: str(1_000, 'query'), limit: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100)) }),
  'kb.library': empty,
  'kb.export': empty,
  'kb.import': v.object({ json: str(MAX_IMPORT_CHARS, 'file'), sources: keepSources }),
  'kb.reset': v.object({ sources: keepSources }),
  'kb.actor': v.object({ id }),
  'kb.claim': v.object({ id }),
  'sources.list': empty,
  'sources.remove': v.object({ id }),
  'site.get': v.object({ host: str(1_000, 'host') }),
  'site.set': v.object({ host: str(1_000, 'host'), enabled: v.boolean() }),
  'notes.list': v.object({
    query: v.optional(str(1_000, 'query')),
    site: v.optional(str(1_000, 'site')),
    tag: v.optional(str(200, 'tag')),
    source: v.optional(str(4_000, 'address')),
  }),
  'notes.update': noteUpdate,
  'notes.delete': v.object({ id }),
  'notes.restore': v.object({ note: storedNote }),
  'notes.export': v.object({ format: v.picklist(['jsonld', 'markdown']) }),
  'notes.import': v.object({ json: str(MAX_IMPORT_CHARS, 'file') }),
} satisfies Schemas<UiCalls>;

export const tabSchemas = {
  'page.summary': empty,
  'page.reveal': v.object({ kind: v.picklist(['actor', 'claim', 'note']), id: str(1_000, 'id') }),
  'page.setEnabled': v.object({ enabled: v.boolean() }),
  'note.begin': empty,
  'page.addToKb': empty,
  'kb.changed': empty,
  'frame.event': v.object({ token, event: frameEvent }),
} satisfies Schemas<TabCalls>;

/** The payload as its call's type, or the first problem in words. */
export function checkRequest<M>(schemas: Schemas<M>, call: keyof M, req: unknown): { ok: true; value: Req<M, typeof call> } | { ok: false; message: string } {
  const schema = schemas[call];
  const r = v.safeParse(schema, req);
  if (r.success) return { ok: true, value: r.output };
  const issue = r.issues[0];
  const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  return { ok: false, message: path ? `${path}: ${issue.message}` : issue.message };
}
