// One typed map of calls per direction. Every call answers a serialisable
// Result<T>; payloads are plain data (no `any`, no class instances).
import type { ActorKind, KbEvidence, Stance } from '../kb/types';
import type { ActorMatch, ClaimMatch, ClaimSource } from '../match/types';
import type { Note, TextPositionSelector, TextQuoteSelector } from '../notes/types';
import type { FrameEvent, FrameSubject, NoteAnchor } from './frame-messages';
import type { Result } from './result';

/**
 * What the page needs to highlight a block: the annotate contract's matches
 * without `sources` (the card asks for them on hover). Sources were most of
 * the message: every claim match carried every quote of its claim.
 */
export type PageClaimMatch = Omit<ClaimMatch, 'sources'>;

export interface BlockMatches {
  actors: ActorMatch[];
  claims: PageClaimMatch[];
}

export interface KbStatus {
  /** IndexedDB schema version. */
  dbVersion: number;
  schema: string | null;
  builtAt: string | null;
  origin: 'bundled' | 'imported' | null;
  importedAt: string | null;
  counts: { documents: number; actors: number; claims: number };
  /** Recent things the reader should know ("bundled KB re-imported because …"). */
  events: Array<{ at: string; level: 'info' | 'warning' | 'error'; message: string }>;
}

export interface ActorCardData {
  id: string;
  name: string;
  kind: ActorKind;
  roles: string[];
  aliases: string[];
  documentCount: number;
  claims: Array<{ id: string; text: string; stance: Stance }>;
}

export interface ClaimCardData {
  id: string;
  text: string;
  supports: ClaimSource[];
  contradicts: ClaimSource[];
  /** The reader's notes on the claim (extension pages only: the page's card gets none, see `noteCount`). */
  notes: NoteSummary[];
  /** How many notes the reader has on the claim; the page's card shows them in the private note frame. */
  noteCount?: number;
  /** What the card says about each source document (by docId): site, date, added by the reader. */
  documents?: Record<string, SourceDocInfo>;
  /** The claim over time (its documents in date order; undated ones apart). */
  timeline?: ClaimTimeline;
}

/** One source document as cards and the library describe it. */
export interface SourceDocInfo {
  title: string;
  site: string | null;
  /** Published date (ISO) when the document says it; never guessed. */
  date: string | null;
  url: string | null;
  /** Added by the reader ("Add this page to the knowledge base"), with when. */
  addedByYou: boolean;
  addedAt: string | null;
}

export interface TimelineEntry {
  docId: string;
  title: string;
  site: string | null;
  date: string | null;
  stance: Stance;
  /** Who said it in that document (first speaker), or null for the article itself. */
  speaker: string | null;
  addedByYou: boolean;
}

/** Evidence by document, dated ones in date order (first reported first); undated ones listed apart. */
export interface ClaimTimeline {
  dated: TimelineEntry[];
  undated: TimelineEntry[];
}

export interface NoteSummary {
  id: string;
  body: string;
  quote: string;
  source: string;
  pageTitle: string | null;
  modified: string;
}

export interface SearchHit {
  kind: 'actor' | 'claim';
  id: string;
  label: string;
  detail: string;
}

export interface LibraryClaim {
  id: string;
  text: string;
  actors: string[];
  evidence: Array<KbEvidence & { title: string; speakerName: string | null; addedByYou?: boolean }>;
  timeline?: ClaimTimeline;
}

export interface LibraryData {
  actors: ActorCardData[];
  claims: LibraryClaim[];
}

/** An article as the content script extracted it from the live page (Readability on a clone). */
export interface ArticleDraft {
  /** The page's address (location.href). */
  url: string;
  /** `<link rel=canonical>` / og:url, when the page names one. */
  canonicalUrl: string | null;
  title: string;
  byline: string | null;
  siteName: string | null;
  /** article:published_time, JSON-LD datePublished or <time datetime>, as the page wrote it. */
  published: string | null;
  lang: string | null;
  /** The article's text blocks (headings, paragraphs, list items). */
  paragraphs: string[];
  /** The article was longer than the cap and was cut. */
  truncated: boolean;
}

/** What adding a page did to the knowledge base. */
export interface AddReport {
  docId: string;
  title: string;
  /** A page with the same canonical URL was already a source: it was replaced. */
  updated: boolean;
  claims: Array<{ claimId: string; text: string; isNew: boolean; supports: number; contradicts: number }>;
  newActors: number;
  truncated: boolean;
  /** One sentence for the reader ("3 claims, 2 new; 1 new source for '…'"). */
  message: string;
}

/** One page the reader added, as My sources lists it. */
export interface AddedSource extends SourceDocInfo {
  id: string;
  /** Claims it carries now: new ones it brought, known ones it adds evidence to. */
  claims: Array<{ claimId: string; text: string; isNew: boolean; stance: Stance }>;
  actors: number;
}

export interface SourcesData {
  added: AddedSource[];
  bundled: Array<{ id: string; title: string; site: string | null; date: string | null; claims: number }>;
}

/** What to do with the reader's added pages when the KB is replaced. */
export type KeepSources = 'keep' | 'drop';

/** Calls from the content script to the background. */
export interface ContentCalls {
  'page.start': { req: { host: string }; res: { enabled: boolean } };
  'page.annotate': { req: { blocks: string[] }; res: BlockMatches[] };
  'card.actor': { req: { id: string }; res: ActorCardData | null };
  'card.claim': { req: { id: string }; res: ClaimCardData | null };
  /** Where the page's notes are: ids and selectors, never bodies or tags (those stay in the note frame). */
  'notes.forPage': { req: { source: string }; res: NoteAnchor[] };
  /** Registers what a note frame will show; the token is all the frame's URL carries. */
  'frame.open': { req: { subject: FrameSubject }; res: { token: string } };
  /** The card that held the frame closed. */
  'frame.release': { req: { token: string }; res: boolean };
  /** Adds the article of the sender's page to the knowledge base. */
  'kb.addPage': { req: ArticleDraft; res: AddReport };
  /** What the page shows (for the toolbar badge). */
  'page.findings': { req: { claims: Array<{ id: string; stance: Stance }> }; res: boolean };
}

/** Calls from extension pages (popup, library) to the background. */
export interface UiCalls {
  'kb.status': { req: Record<string, never>; res: KbStatus };
  'kb.search': { req: { query: string; limit: number }; res: SearchHit[] };
  'kb.library': { req: Record<string, never>; res: LibraryData };
  'kb.export': { req: Record<string, never>; res: string };
  /** Replaces the KB with one the reader built (`npm run kb -- build`); notes untouched; added pages kept or dropped. */
  'kb.import': { req: { json: string; sources: KeepSources }; res: { claims: number; actors: number; sources: number } };
  /** Goes back to the bundled KB (added pages kept or dropped). */
  'kb.reset': { req: { sources: KeepSources }; res: { claims: number; actors: number; sources: number } };
  /** An actor's or a claim's details (what the cards show), for the popup's KB search. */
  'kb.actor': { req: { id: string }; res: ActorCardData | null };
  'kb.claim': { req: { id: string }; res: ClaimCardData | null };
  /** My sources: the pages the reader added, and the bundled corpus. */
  'sources.list': { req: Record<string, never>; res: SourcesData };
  /** Removes an added page: its evidence goes, and the claims only it carried. */
  'sources.remove': { req: { id: string }; res: { removed: boolean; claimsGone: number } };
  'site.get': { req: { host: string }; res: { enabled: boolean } };
  'site.set': { req: { host: string; enabled: boolean }; res: { enabled: boolean } };
  'notes.list': {
    req: { query?: string; site?: string; tag?: string; source?: string };
    res: Note[];
  };
  'notes.update': { req: { id: string; body: string; tags: string[] }; res: Note };
  'notes.delete': { req: { id: string }; res: Note | null };
  'notes.restore': { req: { note: Note }; res: Note };
  'notes.export': { req: { format: 'jsonld' | 'markdown' }; res: string };
  /** `imported` = added + updated; `skipped` were already there (same or newer). */
  'notes.import': { req: { json: string }; res: { imported: number; added: number; updated: number; skipped: number } };
}

export interface PageSummary {
  url: string;
  /** The page's notes' source (canonical URL): the popup reads their bodies from the background by it. */
  source: string;
  title: string;
  enabled: boolean;
  actors: Array<{ id: string; name: string; count: number }>;
  claims: Array<{ id: string; text: string; stance: Stance; count: number }>;
  /** No bodies: the content script never holds what the reader wrote. */
  notes: Array<{ id: string; quote: string; anchored: boolean }>;
}

/** Calls from extension pages (popup) to the content script of a tab. */
export interface TabCalls {
  'page.summary': { req: Record<string, never>; res: PageSummary };
  'page.reveal': { req: { kind: 'actor' | 'claim' | 'note'; id: string }; res: boolean };
  'page.setEnabled': { req: { enabled: boolean }; res: boolean };
  /** From the context menu or the keyboard shortcut: open the note editor on the selection. */
  'note.begin': { req: Record<string, never>; res: boolean };
  /** Extract this page's article, add it to the KB, re-highlight. */
  'page.addToKb': { req: Record<string, never>; res: AddReport };
  /** The KB changed (a page was added or removed elsewhere, an import): highlight again. */
  'kb.changed': { req: Record<string, never>; res: boolean };
  /** From the background: something happened in one of this page's note frames (sizes and states only). */
  'frame.event': { req: { token: string; event: FrameEvent }; res: boolean };
}

export type CallMap = ContentCalls | UiCalls | TabCalls;

export interface Envelope<M, K extends keyof M = keyof M> {
  claimlens: 1;
  call: K;
  req: M[K] extends { req: infer R } ? R : never;
}

export type Req<M, K extends keyof M> = M[K] extends { req: infer R } ? R : never;
export type Res<M, K extends keyof M> = M[K] extends { res: infer R } ? R : never;
export type Reply<M, K extends keyof M> = Result<Res<M, K>>;
