// The hover / focus card: <claimlens-card> with an open shadow root. Every KB
// string is rendered as a Preact text child, never as HTML.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { ClaimSource } from '../match/types';
import type { ActorCardData, ClaimCardData } from '../shared/messages';
import type { Stance } from '../kb/types';
import { AddedByYou, CompactTimeline, docCount, formatDate, SourceMeta, stanceCounts, STANCE_WORD } from '../ui/source-meta';
import type { Theme } from './background-theme';
import { CardTheme } from './card-theme';
import { NoteFrame } from './note-frame-host';

export type CardContent =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'actor'; data: ActorCardData }
  | { kind: 'claim'; data: ClaimCardData; pageStance: Stance | null }
  | { kind: 'custom'; children: ComponentChildren };

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

function StanceBadge({ stance }: { stance: Stance }) {
  return <span class={`badge ${stance}`}>{STANCE_WORD[stance]}</span>;
}

/** A first-view quote longer than this may be cut by its three-line clamp: "All" shows it whole. */
const FIRST_QUOTE_CHARS = 120;

/** Sources of one side grouped by document, in the order the KB gives them. */
function byDocument(list: ClaimSource[]): Array<{ docId: string; title: string; items: ClaimSource[] }> {
  const groups: Array<{ docId: string; title: string; items: ClaimSource[] }> = [];
  for (const s of list) {
    const g = groups.find((x) => x.docId === s.docId);
    if (g) g.items.push(s);
    else groups.push({ docId: s.docId, title: s.title, items: [s] });
  }
  return groups;
}

const saidBy = (s: ClaimSource): string => (s.speaker ? `Said by ${s.speaker}` : 'Stated by the article');

function Quote({ s }: { s: ClaimSource }) {
  return (
    <div>
      <div class="muted">{saidBy(s)}</div>
      <blockquote>{s.quote}</blockquote>
    </div>
  );
}

const SIDE_HEADING: Record<Stance, (docs: number) => string> = {
  supports: (n) => (n === 1 ? '1 source supports' : `${n} sources support`),
  contradicts: (n) => (n === 1 ? '1 source contradicts' : `${n} sources contradict`),
};
const SIDE_EMPTY: Record<Stance, string> = {
  supports: 'No source in the knowledge base supports this.',
  contradicts: 'No source in the knowledge base contradicts this.',
};

/**
 * One side of a claim. First view: its count (documents), then its first
 * source in three short lines (document and site on one line, who said it,
 * the quote clamped to three lines), so both sides fit in a small window. The
 * rest, every quote beneath its document, behind one button.
 */
function Side({ stance, list, docs }: { stance: Stance; list: ClaimSource[]; docs?: ClaimCardData['documents'] }) {
  const [all, setAll] = useState(false);
  const groups = byDocument(list);
  const first = groups[0];
  const firstQuote = first?.items[0];
  const more = first && (list.length > 1 || (firstQuote?.quote.length ?? 0) > FIRST_QUOTE_CHARS);
  return (
    <section class={`side ${stance}`} data-side={stance} aria-label={SIDE_HEADING[stance](groups.length)}>
      <h3>
        {/* The count in its side's colour: one pill says both which side and how many. */}
        <span class={`badge ${stance}`}>{SIDE_HEADING[stance](groups.length)}</span>
        {more && (
          <button type="button" class="more" onClick={() => setAll(!all)} aria-expanded={all}>
            {all ? 'Show fewer' : list.length === 1 ? 'Whole quote' : `All ${list.length} quotes`}
          </button>
        )}
      </h3>
      {!first || !firstQuote ? (
        <p class="empty">{SIDE_EMPTY[stance]}</p>
      ) : !all ? (
        <div class="src first-source">
          <div class="muted one-line" title={first.title}>
            {[saidBy(firstQuote), docs?.[first.docId]?.site, formatDate(docs?.[first.docId]?.date)].filter(Boolean).join(' · ')}
            {docs?.[first.docId]?.addedByYou && <> · <AddedByYou /></>}
            {' · '}
            <span class="doc">{first.title}</span>
          </div>
          <blockquote class="clamped">{firstQuote.quote}</blockquote>
        </div>
      ) : (
        groups.map((g) => (
          <div class="src" key={g.docId}>
            <div class="doc">{g.title}</div>
            <SourceMeta info={docs?.[g.docId]} />
            {g.items.map((s, j) => <Quote key={j} s={s} />)}
          </div>
        ))
      )}
    </section>
  );
}

function ActorCard({ data }: { data: ActorCardData }) {
  return (
    <div>
      <p class="kicker">{data.kind}</p>
      <p class="title">{data.name}</p>
      {data.roles.length > 0 && <p class="row">{data.roles.join('; ')}</p>}
      {data.aliases.length > 0 && (
        <p class="row muted">Also: {data.aliases.slice(0, 8).join(', ')}</p>
      )}
      <p class="row muted">Named in {plural(data.documentCount, 'corpus document', 'corpus documents')}</p>
      <h3>Claims they support or contradict</h3>
      {data.claims.length === 0 ? (
        <p class="empty">No claims attributed to {data.name} in the corpus.</p>
      ) : (
        <ul>
          {data.claims.slice(0, 8).map((c) => (
            <li key={c.id}>
              <StanceBadge stance={c.stance} />
              {c.text}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * The side that disagrees with the page's sentence first: a reader who meets
 * a claim here sees the other view before scrolling. No page sentence (the
 * popup): supporting sources first.
 */
export function sideOrder(pageStance: Stance | null): [Stance, Stance] {
  return pageStance === 'supports' ? ['contradicts', 'supports'] : ['supports', 'contradicts'];
}

function ClaimCard({ data, pageStance }: { data: ClaimCardData; pageStance: Stance | null }) {
  const lists: Record<Stance, ClaimSource[]> = { supports: data.supports, contradicts: data.contradicts };
  return (
    <div>
      <p class="kicker">Known claim</p>
      <p class="title" title={data.text}>{data.text}</p>
      {pageStance && (
        <p class="row page-stance">
          This page's sentence <StanceBadge stance={pageStance} /> the claim.
        </p>
      )}
      <p class="row counts">
        <strong>{stanceCounts(docCount(data.supports), docCount(data.contradicts))}</strong>
      </p>
      {sideOrder(pageStance).map((side) => (
        <Side key={side} stance={side} list={lists[side]} docs={data.documents} />
      ))}
      <CompactTimeline timeline={data.timeline} />
      {/* The reader's notes: text only inside the private note frame, never in this shadow root. */}
      {(data.noteCount ?? 0) > 0 && <NoteFrame subject={{ kind: 'claim', claimId: data.id }} />}
    </div>
  );
}

export function Card({
  content,
  theme,
  onEnter,
  onLeave,
}: {
  content: CardContent;
  theme: Theme;
  onEnter: () => void;
  onLeave: () => void;
}) {
  // Placed by the controller right after this renders, before anything is
  // painted (card-placement.ts): one pass, on the real content.
  return (
    <CardTheme.Provider value={theme}>
      <div class={`card ${theme}`} onMouseEnter={onEnter} onMouseLeave={onLeave} data-testid="claimlens-card">
        <div class="card-body">
          {content.kind === 'loading' && <p class="muted">Loading…</p>}
          {content.kind === 'error' && <p class="empty">{content.message}</p>}
          {content.kind === 'actor' && <ActorCard data={content.data} />}
          {content.kind === 'claim' && <ClaimCard data={content.data} pageStance={content.pageStance} />}
          {content.kind === 'custom' && content.children}
        </div>
      </div>
    </CardTheme.Provider>
  );
}
