// Validators for the private note frame's messages (frame-messages.ts), run
// at the edge by the one listener of each context like every other call.
// The frame's token is 128 random bits in hex; heights are plain numbers.
import * as v from 'valibot';
import type { FrameCalls, FrameEvent, FrameSubject } from './frame-messages';
import type { Schemas } from './message-schemas';
import { httpUrl, id, noteBody, selectionDraft, str, tags } from './schema-parts';

export const FRAME_TOKEN = /^[0-9a-f]{32}$/;
export const token = v.pipe(v.string(), v.regex(FRAME_TOKEN, 'not a frame token'));
/** A frame taller than this is a bug or a lie: the card caps it far lower anyway. */
export const MAX_FRAME_HEIGHT = 20_000;
const height = v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(MAX_FRAME_HEIGHT));

export const frameSubject: v.GenericSchema<unknown, FrameSubject> = v.variant('kind', [
  v.object({ kind: v.literal('new'), draft: selectionDraft }),
  v.object({ kind: v.literal('note'), noteId: id }),
  v.object({ kind: v.literal('claim'), claimId: id }),
]);

const selector = v.variant('type', [
  v.object({ type: v.literal('TextQuoteSelector'), exact: str(100_000, 'selection'), prefix: str(1_000), suffix: str(1_000) }),
  v.object({ type: v.literal('TextPositionSelector'), start: v.pipe(v.number(), v.integer(), v.minValue(0)), end: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
]);

const noteAnchor = v.object({
  id,
  target: v.object({ source: httpUrl, selector: v.pipe(v.array(selector), v.maxLength(10)) }),
  claimId: v.nullable(id),
});

export const frameEvent: v.GenericSchema<unknown, FrameEvent> = v.variant('type', [
  v.object({ type: v.literal('size'), height }),
  v.object({ type: v.literal('editing'), editing: v.boolean() }),
  v.object({ type: v.literal('close') }),
  v.object({ type: v.literal('saved'), note: noteAnchor }),
  v.object({ type: v.literal('deleted'), noteId: id }),
]);

export const frameSchemas = {
  'frame.claim': v.object({ token }),
  'frame.save': v.object({ token, body: noteBody, tags }),
  'frame.delete': v.object({ token }),
  'frame.size': v.object({ token, height }),
  'frame.editing': v.object({ token, editing: v.boolean() }),
  'frame.close': v.object({ token }),
} satisfies Schemas<FrameCalls>;
