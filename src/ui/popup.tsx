// The action popup: what Claimlens found on this tab, the per-site switch, a
// KB search, a legend, and the KB status (with anything that went wrong).
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { KbStatus, PageSummary, SearchHit } from '../shared/messages';
import { callTab, callUi, onKbChanged } from '../shared/messaging';
import { noteBody } from '../notes/web-annotation';
import { targetTabId } from './active-tab';
import { AddPage } from './popup-add-page';
import { LongText } from './long-text';
import { SearchResult } from './search-result';
import { STANCE_WORD } from './source-meta';

function Legend() {
  return (
    <div class="legend" aria-label="Legend">
      <span><span class="sw actor" />actor</span>
      <span><span class="sw supports" />claim this page {STANCE_WORD.supports}</span>
      <span><span class="sw contradicts" />claim this page {STANCE_WORD.contradicts}</span>
      <span><span class="sw note" />your note</span>
    </div>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

function Popup() {
  const [tabId, setTabId] = useState<number | null>(null);
  const [page, setPage] = useState<PageSummary | null>(null);
  const [pageError, setPageError] = useState<string | null>(null);
  const [status, setStatus] = useState<KbStatus | null>(null);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);

  const [bodies, setBodies] = useState<Map<string, string>>(new Map());

  const refresh = async (id: number | null): Promise<void> => {
    if (id === null) return;
    const r = await callTab(id, 'page.summary', {});
    if (r.ok) {
      setPage(r.value);
      // The page's content script knows where notes are, not what they say: their text comes from the background.
      const notes = r.value.notes.length > 0 ? await callUi('notes.list', { source: r.value.source }) : null;
      if (notes?.ok) setBodies(new Map(notes.value.map((n) => [n.id, noteBody(n)])));
    } else setPageError('Claimlens works on web pages (http and https). Reload the page if it was open before Claimlens was installed.');
  };

  const loadStatus = async (): Promise<void> => {
    const s = await callUi('kb.status', {});
    if (s.ok) setStatus(s.value);
  };
  useEffect(() => {
    void (async () => {
      const id = await targetTabId();
      setTabId(id);
      await refresh(id);
      await loadStatus();
    })();
  }, []);
  // A page added from another tab, or an import in the library: counts change.
  useEffect(() => onKbChanged(() => void loadStatus()), []);

  useEffect(() => {
    if (!query.trim()) {
      setHits([]);
      return;
    }
    const t = window.setTimeout(async () => {
      const r = await callUi('kb.search', { query, limit: 12 });
      if (r.ok) setHits(r.value);
    }, 120);
    return () => window.clearTimeout(t);
  }, [query]);

  const host = page ? hostOf(page.url) : '';
  const toggle = async (on: boolean): Promise<void> => {
    if (!host || tabId === null) return;
    await callUi('site.set', { host, enabled: on });
    await callTab(tabId, 'page.setEnabled', { enabled: on });
    await refresh(tabId);
  };
  const reveal = (kind: 'actor' | 'claim' | 'note', id: string): void => {
    if (tabId !== null) void callTab(tabId, 'page.reveal', { kind, id });
  };

  const orphans = page?.notes.filter((n) => !n.anchored) ?? [];
  const anchored = page?.notes.filter((n) => n.anchored) ?? [];

  return (
    <main>
      <header class="bar">
        <img src="/assets/icons/icon-32.png" alt="" />
        <h1>Claimlens</h1>
        {page && (
          <label class="switch">
            <input type="checkbox" checked={page.enabled} onChange={(e) => void toggle((e.target as HTMLInputElement).checked)} />
            On for {host}
          </label>
        )}
      </header>
      {status?.events.filter((e) => e.level !== 'info').map((e, i) => (
        <div class="notice" role="status" key={i}>{e.message}</div>
      ))}
      {pageError && <section><p class="empty">{pageError}</p></section>}
      {page && tabId !== null && (
        <AddPage tabId={tabId} enabled={page.enabled} onAdded={async () => { await refresh(tabId); await loadStatus(); }} />
      )}
      {page && !page.enabled && (
        <section>
          <p>Claimlens is off on {host}: it changes nothing on this site. Turn it back on with the switch above.</p>
        </section>
      )}
      {page?.enabled && (
        <>
          <section aria-labelledby="claims-h">
            <h2 id="claims-h">Claims on this page ({page.claims.length})</h2>
            {page.claims.length === 0 ? (
              <p class="empty">No known claim on this page.</p>
            ) : (
              <ul class="items">
                {page.claims.map((c) => (
                  <li key={c.id}>
                    <button class="item" onClick={() => reveal('claim', c.id)} title="Show on the page">
                      <span class={`badge ${c.stance}`}>{STANCE_WORD[c.stance]}</span>
                      <span>{c.text}</span>
                      <span class="count">{c.count}</span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="actors-h">
            <h2 id="actors-h">Actors on this page ({page.actors.length})</h2>
            {page.actors.length === 0 ? (
              <p class="empty">No known actor on this page.</p>
            ) : (
              <ul class="items">
                {[...page.actors].sort((a, b) => b.count - a.count).map((a) => (
                  <li key={a.id}>
                    <button class="item" onClick={() => reveal('actor', a.id)} title="Show on the page">
                      <span>{a.name}</span>
                      <span class="count">{a.count}</span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="notes-h">
            <h2 id="notes-h">Your notes on this page ({page.notes.length})</h2>
            {page.notes.length === 0 && <p class="empty">Select text on the page and choose “Add note”.</p>}
            <ul class="items">
              {anchored.map((n) => (
                <li key={n.id}>
                  <button class="item" onClick={() => reveal('note', n.id)}>
                    <span class="badge note">note</span>
                    <LongText class="note-body" text={bodies.get(n.id) ?? ''} toggle={false} />
                  </button>
                </li>
              ))}
            </ul>
            {orphans.length > 0 && (
              <div aria-label="Orphaned notes">
                <h2>No longer found on this page ({orphans.length})</h2>
                <ul class="items">
                  {orphans.map((n) => (
                    <li key={n.id} class="orphan">
                      <div class="item">
                        <LongText class="note-body" text={bodies.get(n.id) ?? ''} />
                      </div>
                      <blockquote>{n.quote}</blockquote>
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </section>
        </>
      )}
      <section>
        <label class="muted" for="q">Search the knowledge base</label>
        <input id="q" type="search" placeholder="Actor or claim…" value={query} onInput={(e) => setQuery((e.target as HTMLInputElement).value)} />
        {query.trim() && hits.length === 0 && <p class="empty">Nothing matches “{query}”.</p>}
        <ul class="items" aria-label="Search results">
          {hits.map((h) => <SearchResult key={h.kind + h.id} hit={h} />)}
        </ul>
      </section>
      <section>
        <Legend />
      </section>
      <footer>
        {status && (
          <span>
            KB: {status.counts.claims} claims · {status.counts.actors} actors · {status.counts.documents} documents
          </span>
        )}
        <a href="/src/ui/library.html" target="_blank">Library</a>
      </footer>
    </main>
  );
}

render(<Popup />, document.getElementById('app')!);
