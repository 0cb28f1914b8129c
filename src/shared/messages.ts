// One typed map of calls per direction. Every call answers a serialisable
// Result<T>; payloads are plain data (no `any`, no class instances).
import type { ActorKind, KbEvidence, Stance } from '../kb/types';
import type { ActorMatch, ClaimMatch, ClaimSource } from '../match/types';
import type { Note, TextPositionSelector, TextQuoteSelector } from '../notes/types';
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
  notes: NoteSummary[];
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
  evidence: Array<KbEvidence & { title: string; speakerName: string | null }>;
}

export interface LibraryData {
  actors: ActorCardData[];
  claims: LibraryClaim[];
}

export interface NoteDraft {
  source: string;
  pageTitle: string;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  body: string;
  tags: string[];
  claimId: string | null;
}

/** Calls from the content script to the background. */
export interface ContentCalls {
  'page.start': { req: { host: string }; res: { enabled: boolean } };
  'page.annotate': { req: { blocks: string[] }; res: BlockMatches[] };
  'card.actor': { req: { id: string }; res: ActorCardData | null };
  'card.claim': { req: { id: string }; res: ClaimCardData | null };
  'notes.forPage': { req: { source: string }; res: Note[] };
  'notes.create': { req: NoteDraft; res: Note };
  'notes.update': { req: { id: string; body: string; tags: string[] }; res: Note };
  'notes.delete': { req: { id: string }; res: Note | null };
}

/** Calls from extension pages (popup, library) to the background. */
export interface UiCalls {
  'kb.status': { req: Record<string, never>; res: KbStatus };
  'kb.search': { req: { query: string; limit: number }; res: SearchHit[] };
  'kb.library': { req: Record<string, never>; res: LibraryData };
  'kb.export': { req: Record<string, never>; res: string };
  /** Replaces the KB with one the reader built (`npm run kb -- build`); notes untouched. */
  'kb.import': { req: { json: string }; res: { claims: number; actors: number } };
  /** Goes back to the bundled KB. */
  'kb.reset': { req: Record<string, never>; res: { claims: number; actors: number } };
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
  'notes.import': { req: { json: string }; res: { imported: number } };
}

export interface PageSummary {
  url: string;
  title: string;
  enabled: boolean;
  actors: Array<{ id: string; name: string; count: number }>;
  claims: Array<{ id: string; text: string; stance: Stance; count: number }>;
  notes: Array<{ id: string; body: string; quote: string; anchored: boolean }>;
}

/** Calls from extension pages (popup) to the content script of a tab. */
export interface TabCalls {
  'page.summary': { req: Record<string, never>; res: PageSummary };
  'page.reveal': { req: { kind: 'actor' | 'claim' | 'note'; id: string }; res: boolean };
  'page.setEnabled': { req: { enabled: boolean }; res: boolean };
  /** From the context menu or the keyboard shortcut: open the note editor on the selection. */
  'note.begin': { req: Record<string, never>; res: boolean };
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
