// A saved note, and a claim's notes, as the private note frame shows them.
// Long notes are collapsed (LongText), so the card stays a card.
import type { FrameView } from '../shared/frame-messages';
import { LongText } from '../ui/long-text';

type NoteView = Extract<FrameView, { kind: 'note' }>;
type ClaimView = Extract<FrameView, { kind: 'claim' }>;

export function NoteCardView({ note, onEdit, onDelete, busy }: { note: NoteView; onEdit: () => void; onDelete: () => void; busy: boolean }) {
  return (
    <div>
      <p class="kicker">Your note</p>
      <LongText class="note-body" text={note.body} />
      {note.tags.length > 0 && <p class="row muted">Tags: {note.tags.join(', ')}</p>}
      <p class="row muted">Last edited {new Date(note.modified).toLocaleString()}</p>
      <div class="actions">
        <button type="button" onClick={onEdit} disabled={busy}>Edit</button>
        <button type="button" onClick={onDelete} disabled={busy}>Delete</button>
      </div>
    </div>
  );
}

export function ClaimNotesView({ view }: { view: ClaimView }) {
  return (
    <div class="pad">
      <h3>Your notes on this claim</h3>
      {view.notes.map((n) => (
        <div class="item" key={n.id}>
          <LongText class="note-body" text={n.body} />
          <div class="muted">{n.where}</div>
        </div>
      ))}
    </div>
  );
}
