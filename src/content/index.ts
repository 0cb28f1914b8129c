// Content script entry: runs on every http(s) page at document_idle. It asks
// the background whether the site is on, then highlights, shows cards and
// anchors notes. Any failure stays inside Claimlens: never in the page console.
import browser, { type Runtime } from 'webextension-polyfill';
import type { PageSummary, TabCalls } from '../shared/messages';
import { callBackground, isEnvelope } from '../shared/messaging';
import { err, errorMessage, ok, type Result } from '../shared/result';
import { CardController } from './card-controller';
import { clearHighlights, MARK_TAG } from './highlighter';
import { PageHighlights } from './page-highlights';
import { NotesFeature } from './notes-feature';

let highlights: PageHighlights | null = null;
let cards: CardController | null = null;
let notes: NotesFeature | null = null;
let enabled = false;

async function turnOn(): Promise<void> {
  enabled = true;
  cards = new CardController({ renderNote: (id, close) => notes!.cardFor(id, close) });
  notes = new NotesFeature(cards);
  highlights = new PageHighlights();
  // Notes re-anchor after every highlight pass, since late text may hold them.
  highlights.onHighlighted = () => void notes?.reanchor();
  await highlights.start();
  notes.start();
}

function turnOff(): void {
  enabled = false;
  highlights?.stop();
  cards?.destroy();
  notes?.stop();
  highlights = cards = notes = null;
  clearHighlights(document.documentElement);
}

function summary(): PageSummary {
  return {
    url: location.href,
    title: document.title,
    enabled,
    actors: [...(highlights?.findings.actors ?? new Map())].map(([id, f]) => ({ id, name: f.name, count: f.count })),
    claims: [...(highlights?.findings.claims ?? new Map())].map(([id, f]) => ({ id, text: f.text, stance: f.stance, count: f.count })),
    notes: notes?.summaries() ?? [],
  };
}

function reveal(kind: string, id: string): boolean {
  const el = [...document.querySelectorAll(`${MARK_TAG}[data-claimlens-kind]`)].find(
    (m) => m.getAttribute('data-claimlens-kind') === kind && m.getAttribute('data-claimlens-id') === id,
  );
  if (!(el instanceof HTMLElement)) return false;
  el.scrollIntoView({ block: 'center', behavior: 'smooth' });
  el.setAttribute('data-claimlens-flash', '');
  window.setTimeout(() => el.removeAttribute('data-claimlens-flash'), 2600);
  return true;
}

type TabHandler = (req: unknown) => Promise<Result<unknown>>;
const handlers: { [K in keyof TabCalls]: TabHandler } = {
  'page.summary': async () => ok(summary()),
  'page.reveal': async (req) => {
    const r = req as TabCalls['page.reveal']['req'];
    return ok(reveal(r.kind, r.id));
  },
  'page.setEnabled': async (req) => {
    const r = req as TabCalls['page.setEnabled']['req'];
    if (r.enabled && !enabled) await turnOn();
    if (!r.enabled && enabled) turnOff();
    return ok(enabled);
  },
  'note.begin': async () => ok(enabled && notes ? notes.beginFromSelection() : false),
};

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  if (sender.id !== browser.runtime.id || !isEnvelope(message)) return undefined;
  const h = handlers[message.call as keyof TabCalls];
  if (!h) return undefined;
  return h(message.req).catch((e: unknown) => err('failed', errorMessage(e)));
});

async function main(): Promise<void> {
  const r = await callBackground('page.start', { host: location.hostname });
  if (r.ok && r.value.enabled) await turnOn();
}

main().catch((e: unknown) => console.debug('[Claimlens]', errorMessage(e)));
