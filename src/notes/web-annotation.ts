// Notes as W3C Web Annotations: creation, editing, export and validated import.
//
// Export format (decision): one AnnotationCollection with its single
// AnnotationPage embedded as `first` — the W3C model's own container for a
// set of annotations, so other annotation tools can read the file:
//   { "@context": ["http://www.w3.org/ns/anno.jsonld", {claimlens ns}],
//     "id": "urn:uuid:…", "type": "AnnotationCollection", "label": "Claimlens notes",
//     "total": n, "generator": "claimlens", "created": "…",
//     "first": { "type": "AnnotationPage", "startIndex": 0, "items": [Note, …] } }
// Items are stored notes verbatim (the stored shape is the export shape), so
// export → import is lossless. Import also accepts a bare AnnotationPage, a
// plain array of annotations, or a single annotation.
//
// Import is all or nothing: every record is validated and every problem is
// reported by position ("item 3: …", counting from 1), and no note is returned
// unless all are valid. Records are rebuilt field by field from known keys
// only, so unknown or hostile keys (__proto__, constructor) never reach the
// store; a record carrying such keys is rejected outright as a sign of a
// crafted file.
import type { Note, NoteBody, NoteSelector, NoteTagBody, TextPositionSelector, TextQuoteSelector } from './types';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld' as const;
/** Largest import accepted, in UTF-16 code units of the JSON text (~20 MB). */
export const MAX_IMPORT_CHARS = 20_000_000;
export const MAX_IMPORT_NOTES = 50_000;
const MAX_BODY_CHARS = 100_000;
const MAX_QUOTE_CHARS = 100_000;
const MAX_CONTEXT_CHARS = 1_000;
const MAX_TAGS = 100;
const MAX_TAG_CHARS = 200;
const MAX_URL_CHARS = 8_192;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface NoteInput {
  source: string;
  pageTitle?: string;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  body: string;
  tags?: readonly string[];
  claimId?: string;
  now: Date;
  id?: string;
}

/** Trimmed, non-empty, de-duplicated (case-insensitively, first spelling kept), in order. */
export function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const t = raw.trim().replace(/\s+/g, ' ');
    if (!t || seen.has(t.toLowerCase())) continue;
    seen.add(t.toLowerCase());
    out.push(t);
  }
  return out;
}

function bodies(text: string, tags: readonly string[]): Array<NoteBody | NoteTagBody> {
  // The commenting body is always present (possibly empty: a bare highlight),
  // so noteBody() and edits never have to create or find it.
  return [
    { type: 'TextualBody', value: text, format: 'text/plain', purpose: 'commenting' },
    ...normaliseTags(tags).map((value): NoteTagBody => ({ type: 'TextualBody', value, purpose: 'tagging' })),
  ];
}

export function createNote(input: NoteInput): Note {
  const at = input.now.toISOString();
  const note: Note = {
    '@context': ANNO_CONTEXT,
    id: input.id ?? `urn:uuid:${crypto.randomUUID()}`,
    type: 'Annotation',
    motivation: 'commenting',
    created: at,
    modified: at,
    body: bodies(input.body, input.tags ?? []),
    target: { source: input.source, selector: [{ ...input.quote }, { ...input.position }] },
  };
  if (input.pageTitle) note['claimlens:pageTitle'] = input.pageTitle;
  if (input.claimId) note['claimlens:claimId'] = input.claimId;
  return note;
}

/** A new note object (stored notes are never mutated in place). */
export function updateNote(note: Note, changes: { body?: string; tags?: readonly string[] }, now: Date): Note {
  return {
    ...note,
    modified: now.toISOString(),
    body: bodies(changes.body ?? noteBody(note), changes.tags ?? noteTags(note)),
  };
}

export function noteBody(note: Pick<Note, 'body'>): string {
  const b = note.body.find((x) => x.purpose !== 'tagging');
  return b ? b.value : '';
}

export function noteTags(note: Pick<Note, 'body'>): string[] {
  return note.body.filter((x) => x.purpose === 'tagging').map((x) => x.value);
}

export function noteQuote(note: Pick<Note, 'target'>): TextQuoteSelector | undefined {
  return note.target.selector.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
}

export interface NotesExport {
  '@context': [typeof ANNO_CONTEXT, { claimlens: string }];
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  generator: string;
  created: string;
  first: { type: 'AnnotationPage'; startIndex: 0; items: Note[] };
}

export function exportNotes(notes: readonly Note[], now: Date = new Date()): string {
  const doc: NotesExport = {
    '@context': [ANNO_CONTEXT, { claimlens: 'https://claimlens.invalid/ns#' }],
    id: `urn:uuid:${crypto.randomUUID()}`,
    type: 'AnnotationCollection',
    label: 'Claimlens notes',
    total: notes.length,
    generator: 'claimlens',
    created: now.toISOString(),
    first: { type: 'AnnotationPage', startIndex: 0, items: [...notes] },
  };
  return JSON.stringify(doc, null, 2);
}

// ---------------------------------------------------------------------------
// Import

export interface ImportError {
  /** 1-based position of the record; 0 for a problem with the file as a whole. */
  index: number;
  message: string;
}

export type ParseResult = { ok: true; notes: Note[] } | { ok: false; errors: ImportError[] };

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const MAX_ERRORS = 100;

/** Path of the first forbidden key inside `v`, if any (depth-limited: notes are shallow). */
function forbiddenKeyPath(v: unknown, path: string, depth = 0): string | null {
  if (depth > 8 || typeof v !== 'object' || v === null) return null;
  for (const k of Object.keys(v)) {
    if (FORBIDDEN_KEYS.has(k)) return path ? `${path}.${k}` : k;
    const inner = forbiddenKeyPath((v as Record<string, unknown>)[k], path ? `${path}.${k}` : k, depth + 1);
    if (inner) return inner;
  }
  return null;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const isIsoDate = (v: unknown): v is string => typeof v === 'string' && ISO_DATE.test(v) && !Number.isNaN(Date.parse(v));

function isHttpUrl(v: string): boolean {
  try {
    const u = new URL(v);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Validates one record and rebuilds it from known fields; returns the note or the problems. */
function validateRecord(rec: unknown): { note: Note } | { problems: string[] } {
  const problems: string[] = [];
  if (!isObject(rec)) return { problems: [`is not an object (got ${Array.isArray(rec) ? 'array' : rec === null ? 'null' : typeof rec})`] };
  const bad = forbiddenKeyPath(rec, '');
  if (bad) return { problems: [`forbidden key "${bad}"`] };

  const id = rec.id;
  if (typeof id !== 'string' || !id.trim() || id.length > 2048) problems.push('id missing or not a non-empty string');
  const type = rec.type;
  if (type !== 'Annotation' && !(Array.isArray(type) && type.includes('Annotation'))) problems.push('type is not "Annotation"');
  if (!isIsoDate(rec.created)) problems.push('created missing or not an ISO 8601 date-time');
  if (rec.modified !== undefined && !isIsoDate(rec.modified)) problems.push('modified is not an ISO 8601 date-time');

  // target: an object (or a one-element array of one, as some tools write it).
  let target: Json | undefined = rec.target;
  if (Array.isArray(target)) target = target.length === 1 ? target[0] : undefined;
  let source = '';
  let quote: TextQuoteSelector | undefined;
  let position: TextPositionSelector | undefined;
  if (!isObject(target)) {
    problems.push('target missing or not an object');
  } else {
    if (typeof target.source !== 'string' || target.source.length > MAX_URL_CHARS || !isHttpUrl(target.source)) {
      problems.push('target.source missing or not an http(s) URL');
    } else source = target.source;
    const sel = Array.isArray(target.selector) ? target.selector : isObject(target.selector) ? [target.selector] : null;
    if (!sel) problems.push('target.selector missing');
    else {
      for (const s of sel) {
        if (!isObject(s)) continue;
        if (s.type === 'TextQuoteSelector' && !quote) {
          const { exact, prefix = '', suffix = '' } = s;
          if (typeof exact !== 'string' || !exact || exact.length > MAX_QUOTE_CHARS) problems.push('TextQuoteSelector.exact missing, empty or too long');
          else if (typeof prefix !== 'string' || typeof suffix !== 'string' || prefix.length > MAX_CONTEXT_CHARS || suffix.length > MAX_CONTEXT_CHARS) {
            problems.push('TextQuoteSelector.prefix/suffix not strings or too long');
          } else quote = { type: 'TextQuoteSelector', exact, prefix, suffix };
        } else if (s.type === 'TextPositionSelector' && !position) {
          const { start, end } = s;
          if (typeof start !== 'number' || typeof end !== 'number' || !Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start) {
            problems.push('TextPositionSelector.start/end not integers with 0 ≤ start ≤ end');
          } else position = { type: 'TextPositionSelector', start, end };
        }
        // Other selector types (XPath, CSS, Range…) are dropped: Claimlens anchors on text only.
      }
      if (!quote && !problems.some((p) => p.startsWith('TextQuoteSelector'))) problems.push('target.selector missing TextQuoteSelector');
    }
  }

  // body: array or single TextualBody; "tagging" bodies are tags, the first other one is the comment.
  const rawBodies = Array.isArray(rec.body) ? rec.body : rec.body === undefined ? [] : [rec.body];
  let comment: NoteBody | undefined;
  const tagBodies: NoteTagBody[] = [];
  rawBodies.forEach((b, i) => {
    if (!isObject(b) || b.type !== 'TextualBody' || typeof b.value !== 'string') {
      problems.push(`body[${i}] is not a TextualBody with a string value`);
      return;
    }
    if (b.purpose === 'tagging') {
      if (b.value.length > MAX_TAG_CHARS) problems.push(`body[${i}] tag longer than ${MAX_TAG_CHARS} characters`);
      else tagBodies.push({ type: 'TextualBody', value: b.value, purpose: 'tagging' });
    } else if (!comment) {
      if (b.value.length > MAX_BODY_CHARS) problems.push(`body[${i}] longer than ${MAX_BODY_CHARS} characters`);
      else {
        comment = { type: 'TextualBody', value: b.value, format: 'text/plain' };
        if (b.purpose === 'commenting') comment.purpose = 'commenting';
      }
    } else problems.push(`body[${i}] is a second comment body`);
  });
  if (tagBodies.length > MAX_TAGS) problems.push(`more than ${MAX_TAGS} tags`);

  const title = rec['claimlens:pageTitle'];
  if (title !== undefined && (typeof title !== 'string' || title.length > 2048)) problems.push('claimlens:pageTitle is not a string');
  const claimId = rec['claimlens:claimId'];
  if (claimId !== undefined && (typeof claimId !== 'string' || claimId.length > 512)) problems.push('claimlens:claimId is not a string');

  if (problems.length || !quote || typeof id !== 'string' || typeof rec.created !== 'string') return { problems };
  const created = rec.created;
  const selector: NoteSelector[] = position ? [quote, position] : [quote];
  // Order of fields as createNote writes them, so a round trip is deep-equal.
  const note: Note = {
    '@context': ANNO_CONTEXT,
    id,
    type: 'Annotation',
    motivation: 'commenting',
    created,
    modified: typeof rec.modified === 'string' ? rec.modified : created,
    body: [comment ?? { type: 'TextualBody', value: '', format: 'text/plain', purpose: 'commenting' }, ...tagBodies],
    target: { source, selector },
  };
  if (typeof title === 'string') note['claimlens:pageTitle'] = title;
  if (typeof claimId === 'string') note['claimlens:claimId'] = claimId;
  return { note };
}

/** Records of an import document: our collection, a page, a plain array, or one annotation. */
function recordsOf(doc: Json): Json[] | string {
  if (Array.isArray(doc)) return doc;
  if (!isObject(doc)) return 'the file is not a JSON object or array';
  const t = doc.type;
  if (t === 'AnnotationCollection') {
    const first = doc.first;
    if (isObject(first) && Array.isArray(first.items)) {
      if (first.next !== undefined && first.next !== null) return 'paged collections (with "next") are not supported: export all notes into one page';
      return first.items;
    }
    if (Array.isArray(doc.items)) return doc.items;
    return 'AnnotationCollection has no embedded "first" page with "items"';
  }
  if (t === 'AnnotationPage') return Array.isArray(doc.items) ? doc.items : 'AnnotationPage has no "items" array';
  if (t === 'Annotation') return [doc];
  return 'not a Web Annotation document (expected an AnnotationCollection, AnnotationPage, Annotation or an array of annotations)';
}

export function parseNotesImport(json: string, limits: { maxChars?: number; maxNotes?: number } = {}): ParseResult {
  const maxChars = limits.maxChars ?? MAX_IMPORT_CHARS;
  const maxNotes = limits.maxNotes ?? MAX_IMPORT_NOTES;
  if (typeof json !== 'string') return { ok: false, errors: [{ index: 0, message: 'import is not text' }] };
  if (json.length > maxChars) {
    const mb = (n: number): string => `${(n / 1_000_000).toFixed(1)} MB`;
    return { ok: false, errors: [{ index: 0, message: `file too large: ${mb(json.length)}, the limit is ${mb(maxChars)}` }] };
  }
  let doc: Json;
  try {
    doc = JSON.parse(json) as Json;
  } catch (e) {
    return { ok: false, errors: [{ index: 0, message: `not valid JSON: ${e instanceof Error ? e.message : String(e)}` }] };
  }
  const records = recordsOf(doc);
  if (typeof records === 'string') return { ok: false, errors: [{ index: 0, message: records }] };
  if (records.length > maxNotes) return { ok: false, errors: [{ index: 0, message: `too many notes: ${records.length}, the limit is ${maxNotes}` }] };

  const notes: Note[] = [];
  const errors: ImportError[] = [];
  const seen = new Map<string, number>();
  records.forEach((rec, i) => {
    const r = validateRecord(rec);
    if ('problems' in r) {
      for (const p of r.problems) if (errors.length < MAX_ERRORS) errors.push({ index: i + 1, message: `item ${i + 1}: ${p}` });
      return;
    }
    const dup = seen.get(r.note.id);
    if (dup !== undefined) {
      if (errors.length < MAX_ERRORS) errors.push({ index: i + 1, message: `item ${i + 1}: duplicate id (same as item ${dup})` });
      return;
    }
    seen.set(r.note.id, i + 1);
    notes.push(r.note);
  });
  if (errors.length) return { ok: false, errors };
  return { ok: true, notes };
}

/** Validates one note (e.g. from a message) with the import rules. */
export function validateNote(value: unknown): { ok: true; note: Note } | { ok: false; errors: string[] } {
  const r = validateRecord(value);
  return 'note' in r ? { ok: true, note: r.note } : { ok: false, errors: r.problems };
}
