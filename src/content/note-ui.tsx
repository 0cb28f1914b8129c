// The "Add note" button beside a selection (open shadow root: it holds no
// note text). The editor and note cards live in the note frame (src/frame/).

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
