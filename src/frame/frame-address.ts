// What a note frame's address carries: an opaque token and the page's theme.
// Nothing the reader wrote, nothing the page could use. Shared by the content
// script (which builds it) and the frame (which reads it).
import type { FrameTheme } from '../shared/frame-messages';

export const NOTE_FRAME_PAGE = 'src/frame/note-frame.html';

export function frameHash(token: string, theme: FrameTheme): string {
  return `#${new URLSearchParams({ t: token, theme }).toString()}`;
}

export function readFrameHash(hash: string): { token: string; theme: FrameTheme } {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  return { token: p.get('t') ?? '', theme: p.get('theme') === 'dark' ? 'dark' : 'light' };
}
