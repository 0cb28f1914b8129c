// A long note shown collapsed: its first lines, then "Show all" (a real
// button), so a 10,000-character note never makes a list thousands of
// pixels tall. Inside another button (`toggle={false}`) it is only cut.
import { useState } from 'preact/hooks';

export const COLLAPSED_CHARS = 280;

export function clipText(text: string, max = COLLAPSED_CHARS): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 40)).trimEnd()}…`;
}

export function LongText({ text, class: cls, toggle = true }: { text: string; class?: string; toggle?: boolean }) {
  const [open, setOpen] = useState(false);
  const long = text.length > COLLAPSED_CHARS;
  return (
    <span class={cls}>
      {open || !long ? text : clipText(text)}
      {long && toggle && (
        <>
          {' '}
          <button type="button" class="link" aria-expanded={open} onClick={(e) => { e.stopPropagation(); setOpen(!open); }}>
            {open ? 'Show less' : `Show all (${text.length.toLocaleString()} characters)`}
          </button>
        </>
      )}
    </span>
  );
}
