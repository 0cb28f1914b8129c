// The hover / focus card: <claimlens-card> with an open shadow root. Every KB
// string is rendered as a Preact text child, never as HTML.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { ClaimSource } from '../match/types';
import type { ActorCardData, ClaimCardData } from '../shared/messages';
import type { Stance } from '../kb/types';
import { CompactTimeline, SourceMeta } from '../ui/source-meta';
import { NoteFrame } from './note-frame-host';

export type CardContent =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'actor'; data: ActorCardData }
  | { kind: 'claim'; data: ClaimCardData; pageStance: Stance | null }
  | { kind: 'custom'; children: ComponentChildren };

export interface CardPosition {
  top: number;
  left: number;
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

function StanceBadge({ stance }: { stance: Stance }) {
  return <span class={`badge ${stance}`}>{stance === 'supports' ? 'supports' : 'contradicts'}</span>;
}

/** Sources grouped by document, a few shown at first so both sides fit in view. */
const FIRST_SHOWN = 2;

function Sources({ list, emptyText, docs }: { list: ClaimSource[]; emptyText: string; docs?: ClaimCardData['documents'] }) {
  const [all, setAll] = useState(false);
  if (list.length === 0) return <p class="empty">{emptyText}</p>;
  const groups: Array<{ docId: string; title: string; items: ClaimSource[] }> = [];
  for (const s of list) {
    const g = groups.find((x) => x.docId === s.docId);
    if (g) g.items.push(s);
    else groups.push({ docId: s.docId, title: s.title, items: [s] });
  }
  // Collapsed: one quote from each of the first few documents, so the reader
  // sees how many outlets say it before reading every quote.
  const shownGroups = all ? groups : groups.slice(0, FIRST_SHOWN).map((g) => ({ ...g, items: g.items.slice(0, 1) }));
  const hidden = list.length - shownGroups.reduce((n, g) => n + g.items.length, 0);
  return (
    <div>
      {shownGroups.map((g, i) => (
        <div class="src" key={`${g.docId}-${i}`}>
          <div class="doc">{g.title}</div>
          <SourceMeta info={docs?.[g.docId]} />
          {g.items.map((s, j) => (
            <div key={j}>
              <div class="muted">{s.speaker ? `Said by ${s.speaker}` : 'Stated by the article'}</div>
              <blockquote>{s.quote}</blockquote>
            </div>
          ))}
        </div>
      ))}
      {(hidden > 0 || all) && list.length > 1 && (
        <button type="button" class="more" onClick={() => setAll(!all)} aria-expanded={all}>
          {all ? 'Show fewer' : `Show all ${list.length} from ${groups.length} document${groups.length === 1 ? '' : 's'}`}
        </button>
      )}
    </div>
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
      <h3>Claims made or denied</h3>
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

function ClaimCard({ data, pageStance }: { data: ClaimCardData; pageStance: Stance | null }) {
  const s = data.supports.length;
  const c = data.contradicts.length;
  return (
    <div>
      <p class="kicker">Known claim</p>
      <p class="title">{data.text}</p>
      <p class="row">
        <strong>{plural(s, 'source supports', 'sources support')}</strong>, <strong>{plural(c, 'denies', 'deny')}</strong>
      </p>
      <CompactTimeline timeline={data.timeline} />
      {pageStance && (
        <p class="row">
          This page's sentence <StanceBadge stance={pageStance} /> the claim.
        </p>
      )}
      <h3>Corroborating</h3>
      <Sources list={data.supports} docs={data.documents} emptyText="No corroborating source in the knowledge base." />
      <h3>Contradicting</h3>
      <Sources list={data.contradicts} docs={data.documents} emptyText="No source in the knowledge base contradicts this." />
      {/* The reader's notes: text only inside the private note frame, never in this shadow root. */}
      {(data.noteCount ?? 0) > 0 && <NoteFrame subject={{ kind: 'claim', claimId: data.id }} />}
    </div>
  );
}

export function Card({
  content,
  position,
  onEnter,
  onLeave,
}: {
  content: CardContent;
  position: CardPosition;
  onEnter: () => void;
  onLeave: () => void;
}) {
  return (
    <div
      class="card"
      style={{ top: `${position.top}px`, left: `${position.left}px` }}
      onMouseEnter={onEnter}
      onMouseLeave={onLeave}
      data-testid="claimlens-card"
    >
      {content.kind === 'loading' && <p class="muted">Loading…</p>}
      {content.kind === 'error' && <p class="empty">{content.message}</p>}
      {content.kind === 'actor' && <ActorCard data={content.data} />}
      {content.kind === 'claim' && <ClaimCard data={content.data} pageStance={content.pageStance} />}
      {content.kind === 'custom' && content.children}
    </div>
  );
}

/** Beside the anchor, inside the viewport: below if it fits, else above; clamped. */
export function placeCard(anchor: DOMRect, size: { width: number; height: number }, viewport: { width: number; height: number }): CardPosition {
  const margin = 8;
  const below = anchor.bottom + 6;
  const above = anchor.top - 6 - size.height;
  let top = below + size.height <= viewport.height - margin ? below : above >= margin ? above : Math.max(margin, viewport.height - margin - size.height);
  top = Math.max(margin, top);
  let left = anchor.left;
  left = Math.min(left, viewport.width - margin - size.width);
  left = Math.max(margin, left);
  return { top, left };
}
