// Validators shared by the call maps' schemas (message-schemas.ts) and the
// note frame's (frame-schemas.ts): one definition of an id, a note body, tags.
import * as v from 'valibot';

/** Longest note body, everywhere (frame, popup, library, background). */
export const NOTE_MAX_CHARS = 10_000;

export const NOTE_TOO_LONG = `A note can be at most ${NOTE_MAX_CHARS.toLocaleString('en')} characters.`;

export const str = (max: number, what = 'text') => v.pipe(v.string(), v.maxLength(max, `${what} is too long (over ${max.toLocaleString('en')} characters)`));
export const id = str(200, 'id');
export const httpUrl = v.pipe(str(4_000, 'address'), v.regex(/^https?:\/\//i, 'only web pages (http, https)'));
export const tags = v.pipe(v.array(str(200, 'tag')), v.maxLength(100, 'too many tags'));
export const noteBody = v.pipe(
  v.string(),
  v.maxLength(NOTE_MAX_CHARS, NOTE_TOO_LONG),
  v.check((s) => s.trim().length > 0, 'A note needs some text.'),
);

/** The selection a new note is made on (page text and offsets). */
export const selectionDraft = v.object({
  source: httpUrl,
  pageTitle: str(1_000, 'page title'),
  quote: v.object({
    type: v.literal('TextQuoteSelector'),
    exact: v.pipe(str(NOTE_MAX_CHARS * 10, 'selection'), v.minLength(1, 'The selected text is missing.')),
    prefix: str(1_000),
    suffix: str(1_000),
  }),
  position: v.pipe(
    v.object({
      type: v.literal('TextPositionSelector'),
      start: v.pipe(v.number(), v.integer(), v.minValue(0)),
      end: v.pipe(v.number(), v.integer(), v.minValue(1)),
    }),
    v.check((p) => p.end > p.start, 'The selected text is missing.'),
  ),
  claimId: v.nullable(id),
});
