// Mounts the private note frame in the card: an <iframe> whose document is an
// extension page (src/frame/), addressed by an opaque token the background
// hands out for what it should show, in the card's shadow root. The content
// script never sees what the frame shows: it hears, by way of the background, only the frame's height,
// "editing", "close", and which note was saved or deleted.
import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { FrameEvent, FrameSubject } from '../shared/frame-messages';
import { callBackground } from '../shared/messaging';
import { frameHash, NOTE_FRAME_PAGE } from '../frame/frame-address';
import { themeAt } from './background-theme';
import { CardTheme } from './card-theme';

/** What the card around the frames does for them (set by the notes feature). */
export interface FrameHost {
  /** The card's height changed: place it again inside the viewport. */
  relayout(): void;
  /** A frame asked to close (Escape): close the card, focus back to the highlight. */
  close(): void;
}

/** Frame events by token, as the background forwards them. */
class NoteFrames {
  private readonly listeners = new Map<string, (e: FrameEvent) => void>();
  host: FrameHost | null = null;

  on(token: string, fn: (e: FrameEvent) => void): void {
    this.listeners.set(token, fn);
  }

  off(token: string): void {
    this.listeners.delete(token);
  }

  dispatch(token: string, event: FrameEvent): boolean {
    const fn = this.listeners.get(token);
    fn?.(event);
    return fn !== undefined;
  }
}

export const noteFrames = new NoteFrames();

/** The card's own cap (card-styles: min(70vh, 520px)) less its border: Save is never below the viewport. */
export const frameCap = (): number => Math.max(120, Math.min(window.innerHeight * 0.7, 520) - 2);

/** A frame that is the whole card may take all of it; one inside a KB card stays smaller. */
const capOf = (fill: boolean): number => (fill ? frameCap() : Math.min(frameCap(), 320));

export function NoteFrame({
  subject,
  focus = false,
  fill = false,
  onEvent,
}: {
  subject: FrameSubject;
  /** Move keyboard focus into the frame once it loads (the editor). */
  focus?: boolean;
  /** The frame is the card's whole content: it covers the card's padding. */
  fill?: boolean;
  /** Events other than size; "close" goes to the host when this is absent. */
  onEvent?: (e: FrameEvent) => void;
}) {
  const [token, setToken] = useState<string | null>(null);
  const [height, setHeight] = useState(fill ? 200 : 90);
  const [failed, setFailed] = useState<string | null>(null);
  const slot = useRef<HTMLDivElement>(null);
  const frame = useRef<HTMLIFrameElement | null>(null);
  const handler = useRef(onEvent);
  handler.current = onEvent;
  // The card's own theme (the page's background under the words), fixed for the frame's life.
  const cardTheme = useContext(CardTheme);
  const [theme] = useState(() => cardTheme ?? themeAt(document.body));

  useEffect(() => {
    let alive = true;
    let mine: string | null = null;
    void callBackground('frame.open', { subject }).then((r) => {
      if (!r.ok) return alive && setFailed(r.error.message);
      mine = r.value.token;
      if (!alive) return void callBackground('frame.release', { token: mine });
      noteFrames.on(mine, (e) => {
        if (e.type === 'size') {
          setHeight(e.height);
          // At once, not at the next render: the card measures itself to stay in the viewport.
          if (frame.current) frame.current.style.height = `${Math.min(e.height, capOf(fill))}px`;
          noteFrames.host?.relayout();
        } else if (handler.current) handler.current(e);
        else if (e.type === 'close') noteFrames.host?.close();
      });
      setToken(mine);
    });
    return () => {
      alive = false;
      if (mine) {
        noteFrames.off(mine);
        void callBackground('frame.release', { token: mine });
      }
    };
  }, []);

  // The iframe sits in the card's open shadow root, where DESIGN.md's contract puts it: the page
  // sees an iframe and its address, never its document. Chromium's address is per session
  // (use_dynamic_url); Firefox's moz-extension UUID is per install (see the README's privacy notes).
  const cap = capOf(fill);
  useEffect(() => {
    const host = slot.current;
    if (!token || !host || frame.current) return;
    const f = document.createElement('iframe');
    f.src = browser.runtime.getURL(NOTE_FRAME_PAGE) + frameHash(token, theme);
    f.title = 'Claimlens note';
    f.setAttribute('style', `display: block; border: 0; width: 100%; color-scheme: ${theme}; height: ${Math.min(height, cap)}px;`);
    // A focused frame gets the keys: the page's document never sees them.
    if (focus) f.addEventListener('load', () => f.focus({ preventScroll: true }), { once: true });
    host.append(f);
    frame.current = f;
  }, [token]);
  useEffect(() => {
    if (frame.current) frame.current.style.height = `${Math.min(height, cap)}px`;
  });

  if (failed) return <p class="empty">{failed}</p>;
  if (!token) return <p class="muted">Loading…</p>;
  return <div ref={slot} style={{ display: 'block', width: fill ? 'calc(100% + 28px)' : '100%', margin: fill ? '-12px -14px' : '8px 0 0' }} />;
}
