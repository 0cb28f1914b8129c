// The note editor and the note card, rendered inside <claimlens-card>. Note
// text is always a Preact text child, never HTML.
import { useEffect, useRef, useState } from 'preact/hooks';

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
  onSave: (body: string, tags: string[]) => Promise<string | null>;
  onCancel: () => void;
}) {
  const [body, setBody] = useState(initialBody);
  const [tags, setTags] = useState(initialTags.join(', '));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  // `autoFocus` is only an attribute in Preact, and the attribute does nothing
  // for an element inserted after load: focus it by hand, without scrolling
  // the page (the card is position: fixed).
  useEffect(() => {
    const el = bodyRef.current;
    if (!el) return;
    el.focus({ preventScroll: true });
    el.setSelectionRange(el.value.length, el.value.length);
  }, []);
  const save = async (): Promise<void> => {
    if (busy) return;
    if (!body.trim()) {
      setError('Write something first.');
      return;
    }
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
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void save();
        // Keep the page's own shortcuts from firing while typing a note.
        e.stopPropagation();
      }}
    >
      <p class="kicker">Your note</p>
      <blockquote>{quote.length > 280 ? quote.slice(0, 280) + '…' : quote}</blockquote>
      <label for="claimlens-note-body">Note</label>
      <textarea id="claimlens-note-body" ref={bodyRef} aria-label="Note" value={body} onInput={(e) => setBody((e.target as HTMLTextAreaElement).value)} />
      <label for="claimlens-note-tags">Tags (optional, comma separated)</label>
      <input id="claimlens-note-tags" type="text" aria-label="Tags" value={tags} onInput={(e) => setTags((e.target as HTMLInputElement).value)} />
      {error && <p class="empty" role="alert">{error}</p>}
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>Save</button>
        <button type="button" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}

export function NoteCardView({
  body,
  tags,
  modified,
  onEdit,
  onDelete,
}: {
  body: string;
  tags: string[];
  modified: string;
  onEdit: () => void;
  onDelete: () => void;
}) {
  return (
    <div>
      <p class="kicker">Your note</p>
      <p class="note-body">{body}</p>
      {tags.length > 0 && <p class="row muted">Tags: {tags.join(', ')}</p>}
      <p class="row muted">Last edited {new Date(modified).toLocaleString()}</p>
      <div class="actions">
        <button type="button" onClick={onEdit}>Edit</button>
        <button type="button" onClick={onDelete}>Delete</button>
      </div>
    </div>
  );
}

export function AddNoteButton({ onClick }: { onClick: () => void }) {
  return (
    <button
      type="button"
      class="add-note"
      aria-label="Add note"
      onMouseDown={(e) => e.preventDefault() /* keep the selection */}
      onClick={onClick}
    >
      ✎ Add note
    </button>
  );
}

export const ADD_NOTE_CSS = `
:host { all: initial; }
.add-note {
  position: fixed; z-index: 2147483647; font: 600 13px/1 system-ui, sans-serif;
  padding: 6px 10px; border-radius: 999px; border: 1px solid #2457b8; background: #2457b8; color: #fff;
  box-shadow: 0 4px 14px rgba(20, 30, 50, 0.25); cursor: pointer;
}
.add-note:focus-visible { outline: 2px solid #f59e0b; outline-offset: 2px; }
`;
