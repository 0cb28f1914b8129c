// Content script entry: runs on every http(s) page at document_idle. It asks
// the background whether the site is on, then highlights, shows cards and
// anchors notes. Any failure stays inside Claimlens: never in the page console.
import browser from 'webextension-polyfill';
import type { PageSummary, TabCalls } from '../shared/messages';
import { tabSchemas } from '../shared/message-schemas';
import { callBackground, callsOf, listen, type Handlers } from '../shared/messaging';
import { errorMessage, ok } from '../shared/result';
import { addThisPage } from './add-page';
import { CardController } from './card-controller';
import { clearHighlights } from './highlighter';
import { reveal } from './reveal';
import { PageHighlights } from './page-highlights';
import { NotesFeature } from './notes-feature';
import { noteFrames } from './note-frame-host';
import { startRovingFocus } from './roving-focus';

let highlights: PageHighlights | null = null;
let cards: CardController | null = null;
let notes: NotesFeature | null = null;
let enabled = false;

let roving: AbortController | null = null;

async function turnOn(): Promise<void> {
  enabled = true;
  roving = new AbortController();
  startRovingFocus(roving.signal);
  cards = new CardController({ renderNote: (id, close) => notes!.cardFor(id, close) });
  notes = new NotesFeature(cards);
  await startHighlights();
  notes.start();
}

/** The toolbar badge counts the page's known claims. */
function reportFindings(): void {
  const claims = [...(highlights?.findings.claims ?? new Map<string, { stance: 'supports' | 'contradicts' }>())].map(([id, f]) => ({ id, stance: f.stance }));
  void callBackground('page.findings', { claims });
}

async function startHighlights(): Promise<void> {
  highlights = new PageHighlights();
  // Notes re-anchor after every highlight pass, since late text may hold them.
  highlights.onHighlighted = () => {
    void notes?.reanchor();
    reportFindings();
  };
  await highlights.start();
}

/** The KB changed (a page added here or elsewhere, an import): highlight from scratch. */
async function rehighlight(): Promise<void> {
  if (!enabled || !highlights) return;
  highlights.stop();
  await startHighlights();
}

function turnOff(): void {
  enabled = false;
  roving?.abort();
  roving = null;
  highlights?.stop();
  cards?.destroy();
  notes?.stop();
  highlights = cards = notes = null;
  clearHighlights(document.documentElement);
  reportFindings();
}

function summary(): PageSummary {
  return {
    url: location.href,
    source: notes?.pageSource ?? location.href,
    title: document.title,
    enabled,
    actors: [...(highlights?.findings.actors ?? new Map())].map(([id, f]) => ({ id, name: f.name, count: f.count })),
    claims: [...(highlights?.findings.claims ?? new Map())].map(([id, f]) => ({ id, text: f.text, stance: f.stance, count: f.count })),
    notes: notes?.summaries() ?? [],
  };
}

// Payloads are checked against tabSchemas by `listen` before these run.
const handlers: Handlers<TabCalls> = {
  'page.summary': async () => ok(summary()),
  'page.reveal': async ({ kind, id }) => ok(reveal(kind, id)),
  'page.setEnabled': async (req) => {
    if (req.enabled && !enabled) await turnOn();
    if (!req.enabled && enabled) turnOff();
    return ok(enabled);
  },
  'note.begin': async () => ok(enabled && notes ? notes.beginFromSelection() : false),
  'page.addToKb': () => addThisPage(enabled, rehighlight),
  'kb.changed': async () => {
    await rehighlight();
    return ok(true);
  },
  'frame.event': async ({ token, event }) => ok(noteFrames.dispatch(token, event)),
};

listen<TabCalls>(callsOf(tabSchemas), (sender) => (sender.id === browser.runtime.id ? { handlers, schemas: tabSchemas } : null));

async function main(): Promise<void> {
  const r = await callBackground('page.start', { host: location.hostname });
  if (r.ok && r.value.enabled) await turnOn();
}

main().catch((e: unknown) => console.debug('[Claimlens]', errorMessage(e)));
