// The private note frame: an extension page inside the card's <iframe>. It
// asks the background for what its token names and shows it (the editor of a
// new note, a note with Edit and Delete, a claim's notes). Everything goes
// through extension messaging: the page hosting the frame sees neither the
// text nor the keys. Escape closes it from anywhere inside.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { FrameView } from '../shared/frame-messages';
import { callFrame } from '../shared/messaging';
import { readFrameHash } from './frame-address';
import { reportHeight } from './frame-size';
import { NoteEditor } from './note-editor';
import { ClaimNotesView, NoteCardView } from './note-view';

const { token, theme } = readFrameHash(location.hash);
document.documentElement.dataset.theme = theme;

const close = (): void => void callFrame('frame.close', { token });

function App() {
  const [view, setView] = useState<FrameView | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void callFrame('frame.claim', { token }).then((r) => {
      if (!r.ok) return setProblem(r.error.message);
      setView(r.value);
      setEditing(r.value.kind === 'new');
    });
  }, []);
  // The card must stay open while the reader writes (leaving it with the mouse must not lose the text).
  useEffect(() => void callFrame('frame.editing', { token, editing }), [editing]);

  if (problem) return <p class="muted pad">{problem}</p>;
  if (!view) return <p class="muted pad">Loading…</p>;
  if (view.kind === 'claim') return <ClaimNotesView view={view} />;
  if (editing) {
    return (
      <NoteEditor
        initialBody={view.kind === 'note' ? view.body : ''}
        initialTags={view.kind === 'note' ? view.tags : []}
        quote={view.quote}
        // Cancelling an edit goes back to the note; cancelling a new note closes the card.
        onCancel={() => (view.kind === 'note' ? setEditing(false) : close())}
        onSave={async (body, tags) => {
          const r = await callFrame('frame.save', { token, body, tags });
          if (!r.ok) return `Not saved: ${r.error.message}`;
          setView(r.value);
          setEditing(false);
          return null;
        }}
      />
    );
  }
  if (view.kind === 'new') return null;
  return (
    <NoteCardView
      note={view}
      busy={busy}
      onEdit={() => setEditing(true)}
      onDelete={async () => {
        setBusy(true);
        const r = await callFrame('frame.delete', { token });
        setBusy(false);
        if (!r.ok) setProblem(`Not deleted: ${r.error.message}`);
      }}
    />
  );
}

window.addEventListener(
  'keydown',
  (e) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    close();
  },
  { capture: true },
);

const app = document.getElementById('app')!;
reportHeight(app, (height) => void callFrame('frame.size', { token, height }));
render(<App />, app);
