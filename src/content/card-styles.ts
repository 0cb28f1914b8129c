// Styles live inside the card's shadow root: the page's CSS cannot reach in,
// and ours cannot leak out. Light or dark follows the page's own background
// under the words (background-theme.ts: class "dark" on the card), not the
// operating system's setting: a white card glares on a dark site.
export const CARD_CSS = `
:host { all: initial; }
.card {
  position: fixed; z-index: 2147483647; box-sizing: border-box;
  width: min(380px, calc(100vw - 16px)); max-height: min(70vh, 520px); overflow: auto; overscroll-behavior: contain;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: #1d2430; background: #ffffff; border: 1px solid #c9d1dc; border-radius: 10px;
  box-shadow: 0 10px 30px rgba(20, 30, 50, 0.22); padding: 12px 14px; text-align: left;
}
.card.dark { color: #e7ebf1; background: #1d222b; border-color: #3a4350; box-shadow: 0 10px 30px rgba(0,0,0,0.5); color-scheme: dark; }
.dark .muted, .dark .kicker, .dark .empty { color: #9aa6b5; }
.dark .src, .dark .side { border-color: #3a4350; }
.dark .badge.supports { background: #173456; color: #a9cdfa; }
.dark .badge.contradicts { background: #4a2810; color: #ffc79e; }
.dark blockquote { border-color: #4b5563; }
.dark textarea, .dark input { background: #12161c; color: #e7ebf1; border-color: #4b5563; }
.dark button { background: #2a313c; color: #e7ebf1; border-color: #4b5563; }
.kicker { font-size: 11px; letter-spacing: .06em; text-transform: uppercase; color: #5b6675; margin: 0 0 4px; }
.title { font-size: 16px; font-weight: 650; margin: 0 0 6px; }
.muted { color: #5b6675; }
.row { margin: 6px 0; }
.badge { display: inline-block; font-size: 12px; font-weight: 600; border-radius: 999px; padding: 1px 8px; margin-right: 6px; }
.badge.supports { background: #e3efff; color: #17457f; }
.badge.contradicts { background: #ffeadb; color: #8a3a06; }
h3 { font-size: 13px; margin: 12px 0 4px; }
.src { border-top: 1px solid #e3e8ef; padding: 6px 0; }
.side { border-top: 1px solid #e3e8ef; margin-top: 8px; padding-top: 2px; }
.side h3 { margin: 6px 0 2px; display: flex; flex-wrap: wrap; align-items: center; gap: 4px; }
.side h3 .badge { font-size: 13px; }
.side h3 button.more { margin: 0 0 0 auto; }
.one-line { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.one-line .doc { font-weight: 600; }
.first-source blockquote { margin-top: 2px; }
blockquote.clamped { display: -webkit-box; -webkit-line-clamp: 3; -webkit-box-orient: vertical; overflow: hidden; }
/* A card too tall for its room (card-controller adds "tight"): the claim and the first quotes take fewer lines. */
.tight .title { display: -webkit-box; -webkit-line-clamp: 3; -webkit-box-orient: vertical; overflow: hidden; font-size: 15px; }
.tight blockquote.clamped { -webkit-line-clamp: 2; }
.tight .side { margin-top: 4px; }
.tighter .title { -webkit-line-clamp: 2; }
.tighter blockquote.clamped { -webkit-line-clamp: 1; }
.tighter .side h3 { margin: 2px 0 0; }
.side h3 span, .side h3 button { white-space: nowrap; }
.page-stance { margin: 2px 0; }
.page-stance .badge { margin: 0 2px; }
.counts { margin: 2px 0 4px; }
.side .src { border-top: 0; padding: 2px 0 4px; }
.side .src + .src { border-top: 1px dashed #e3e8ef; }
.counts { font-size: 14px; }
.src .doc { font-weight: 600; font-size: 13px; }
blockquote { margin: 4px 0 0; padding-left: 8px; border-left: 3px solid #cbd5e1; font-style: italic; }
ul { margin: 4px 0; padding-left: 18px; }
li { margin: 2px 0; }
.empty { font-style: italic; color: #5b6675; }
button.more { margin-top: 4px; font-size: 12px; padding: 1px 8px; }
textarea { width: 100%; box-sizing: border-box; min-height: 70px; font: inherit; padding: 6px; border: 1px solid #b8c2cf; border-radius: 6px; }
input { font: inherit; padding: 4px 6px; border: 1px solid #b8c2cf; border-radius: 6px; width: 100%; box-sizing: border-box; }
button { font: inherit; font-size: 13px; padding: 4px 10px; border-radius: 6px; border: 1px solid #b8c2cf; background: #f4f6f9; color: #1d2430; cursor: pointer; margin-right: 6px; }
button.primary, .dark button.primary { background: #2457b8; border-color: #2457b8; color: #fff; }
button:focus-visible, textarea:focus-visible, input:focus-visible { outline: 2px solid #2f6fe0; outline-offset: 1px; }
label { display: block; font-size: 12px; font-weight: 600; margin: 6px 0 2px; }
.actions { margin-top: 8px; }
.note-body { white-space: pre-wrap; }
`;
