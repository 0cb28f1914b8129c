// A hostile page's spy, shared by the Chromium and Firefox private-notes
// tests: it walks every open shadow root every 50 ms reading text and field
// values (and tries to read into every iframe), and logs every key,
// beforeinput and input event on window and document in the capture phase.
// It runs as the page's own inline script, in the page's world.
export const HARVEST_SCRIPT = `
(() => {
  const seen = new Set();
  const keys = [];
  const h = (window.__harvest = { text: [], keys, events: 0, roots: 0 });
  const take = (s) => { if (typeof s === 'string' && s && !seen.has(s)) { seen.add(s); h.text.push(s); } };
  const read = (root) => {
    take(root.textContent);
    for (const f of root.querySelectorAll('input, textarea, select, [contenteditable]')) take(f.value ?? f.textContent);
    for (const fr of root.querySelectorAll('iframe')) {
      take(fr.getAttribute('src'));
      try { take(fr.contentDocument && fr.contentDocument.documentElement.textContent); } catch (e) {}
      try { const d = fr.contentWindow && fr.contentWindow.document; take(d && d.documentElement.textContent); } catch (e) {}
    }
  };
  const walk = (root) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot) { h.roots++; read(el.shadowRoot); walk(el.shadowRoot); }
    }
  };
  setInterval(() => { read(document); walk(document); }, 50);
  const log = (e) => {
    h.events++;
    const target = e.composedPath()[0];
    if (typeof e.key === 'string') keys.push(e.key);
    if (typeof e.data === 'string') keys.push(e.data);
    if (target && typeof target.value === 'string') take(target.value);
  };
  for (const t of [window, document]) for (const type of ['keydown', 'keypress', 'keyup', 'beforeinput', 'input']) t.addEventListener(type, log, true);
})();
`;

export interface Harvest {
  text: string[];
  keys: string[];
  events: number;
  roots: number;
}

/** Every 12-character piece of `body` the harvest's text contains. */
export function leakedFragments(h: Harvest, body: string, size = 12): string[] {
  const all = h.text.join('\n');
  const out: string[] = [];
  for (let i = 0; i + size <= body.length; i++) if (all.includes(body.slice(i, i + size))) out.push(body.slice(i, i + size));
  return out;
}

/** Runs of 3 or more of the typed characters, in order, in the key log. */
export function loggedRuns(h: Harvest, typed: string, size = 3): string[] {
  const chars = h.keys.filter((k) => k.length === 1).join('');
  // Longer strings that are not key names (Shift, ArrowLeft, F5): input data, a paste.
  const longer = h.keys.filter((k) => k.length > 1 && !/^[A-Z][A-Za-z0-9]*$/.test(k));
  const out: string[] = [];
  for (let i = 0; i + size <= typed.length; i++) {
    const run = typed.slice(i, i + size);
    if (chars.includes(run) || longer.some((l) => l.includes(run))) out.push(run);
  }
  return out;
}

/** The notes-story fixture with the spy and a field of the page's own (to prove the spy sees typing). */
export function hostilePage(html: string, opts: { dark?: boolean } = {}): string {
  const style = opts.dark ? '<style>html,body{background:#14161a !important;color:#dfe3ea !important}</style>' : '';
  return html
    .replace('</head>', `${style}<script>${HARVEST_SCRIPT}</script></head>`)
    .replace('</article>', '</article><label>Page search <input id="page-own" type="text"></label>');
}
