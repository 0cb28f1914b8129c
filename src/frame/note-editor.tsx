// The note editor, inside the private note frame: what the reader types never
// exists in the page's DOM, and its key events never reach the page's
// document (another origin's frame). Note text is a Preact text child or a
// field value, never HTML.
import { useEffect, useRef, useState } from 'preact/hooks';
import { NOTE_MAX_CHARS, NOTE_TOO_LONG } from '../shared/schema-parts';
import { clipText } from '../ui/long-text';

/** The counter shows from here on, so the limit is never a surprise. */
const COUNT_FROM = Math.floor(NOTE_MAX_CHARS * 0.9);
const n = (x: number): string => x.toLocaleString('en');

export function lengthMessage(length: number): { text: string; over: boolean } | null {
  if (length > NOTE_MAX_CHARS) return { text: `${n(length)} of ${n(NOTE_MAX_CHARS)} characters: ${NOTE_TOO_LONG} Shorten it by ${n(length - NOTE_MAX_CHARS)} to save.`, over: true };
  if (length >= COUNT_FROM) return { text: `${n(length)} of ${n(NOTE_MAX_CHARS)} characters`, over: false };
  return null;
}

export function NoteEditor({
  initialBody,
  initialTags,
  quote,
  onSave,
  onCancel,
}: {
  initialBody: string;
  initialTags: string[];
  quote: string;
  /** Resolves to a problem in words, or null once saved. */
  onSave: (body: string, tags: string[]) => Promise<string | null>;
  onCancel: () => void;
}) {
  const [body, setBody] = useState(initialBody);
  const [tags, setTags] = useState(initialTags.join(', '));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  // The frame is inserted after load, where `autofocus` does nothing: focus by hand.
  useEffect(() => {
    const el = bodyRef.current;
    if (!el) return;
    el.focus({ preventScroll: true });
    el.setSelectionRange(el.value.length, el.value.length);
  }, []);
  const length = lengthMessage(body.length);
  const save = async (): Promise<void> => {
    if (busy) return;
    if (!body.trim()) return setError('Write something first.');
    if (length?.over) return setError(length.text);
    setBusy(true);
    setError(null);
    let problem: string | null;
    try {
      problem = await onSave(body, tags.split(',').map((t) => t.trim()).filter(Boolean));
    } catch (e) {
      problem = `Not saved: ${e instanceof Error ? e.message : String(e)}`;
    }
    setBusy(false);
    if (problem) setError(problem);
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void save();
      }}
    >
      <p class="kicker">Your note</p>
      <blockquote>{clipText(quote)}</blockquote>
      <label for="note-body">Note</label>
      <textarea
        id="note-body"
        ref={bodyRef}
        aria-label="Note"
        aria-invalid={length?.over ? 'true' : 'false'}
        aria-describedby="note-count"
        value={body}
        onInput={(e) => setBody((e.target as HTMLTextAreaElement).value)}
      />
      <p id="note-count" class={length?.over ? 'count error' : 'count'} role={length?.over ? 'alert' : undefined}>
        {length?.text ?? ''}
      </p>
      <label for="note-tags">Tags (optional, comma separated)</label>
      <input id="note-tags" type="text" aria-label="Tags" value={tags} onInput={(e) => setTags((e.target as HTMLInputElement).value)} />
      {error && error !== length?.text && <p class="error" role="alert">{error}</p>}
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>Save</button>
        <button type="button" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
