// One key per article, whichever URL the reader arrived by: notes are stored
// under this key (Note.target.source) and looked up by it on every visit.
//
// Decisions:
// - `<link rel=canonical>` wins when it is http(s) — it is how AMP pages,
//   mobile hosts and syndicated copies name the original article — except when
//   it points at the site's root while the page is deeper: that is a common
//   misconfiguration and would merge the notes of every article into one page.
// - Tracking parameters are removed (they name the campaign, not the article).
// - The fragment is removed (same document, different scroll position).
// - Remaining query parameters are SORTED (stably, so repeated keys keep their
//   order): "?id=1&page=2" and "?page=2&id=1" are the same article, and the
//   key is an identity, not a URL we navigate to. Servers that give meaning to
//   parameter order are vanishingly rare on article pages.
// - Host is lower-cased, default ports and user:password@ are dropped (the
//   URL parser does the first two; credentials must never land in an export).
// - The path is kept as written (trailing slash included): servers differ on
//   whether /a and /a/ are the same page, and guessing wrong merges two pages.

/** Exact tracking parameter names (compared lower-cased). */
const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'gclsrc', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'ttclid',
  'li_fat_id', 'igshid', 'igsh', 'mc_cid', 'mc_eid', 'ref_src', 'ref_url', '_ga', '_gl', 'mkt_tok',
  '_hsenc', '_hsmi', '__hsfp', '__hssc', '__hstc', 'hsctatracking', 'oly_anon_id', 'oly_enc_id',
  'vero_id', 'vero_conv', 'wickedid', 's_cid', 'ocid', 'cmpid', 'smid', 'sr_share', 'at_medium',
  'at_campaign', 'at_custom1', 'at_custom2', 'at_custom3', 'at_custom4', 'rb_clickid', 'srsltid',
  'spm', 'ncid', 'xtor', 'guccounter', 'guce_referrer', 'guce_referrer_sig',
]);

/** Tracking parameter prefixes (utm_source, utm_medium, …; pk_/mtm_ are Matomo's). */
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'hmb_'];

export function isTrackingParam(name: string): boolean {
  const n = name.toLowerCase();
  return TRACKING_PARAMS.has(n) || TRACKING_PREFIXES.some((p) => n.startsWith(p));
}

function parseHttp(href: string, base?: string): URL | null {
  try {
    const u = new URL(href, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : null;
  } catch {
    return null;
  }
}

function clean(u: URL): string {
  u.hash = '';
  u.username = '';
  u.password = '';
  const kept = [...u.searchParams].filter(([k]) => !isTrackingParam(k));
  const params = new URLSearchParams(kept);
  params.sort();
  const q = params.toString();
  // Assigning '' leaves no bare "?" behind.
  u.search = q ? `?${q}` : '';
  return u.href;
}

/**
 * The key a note is stored under. `canonicalHref` is the raw `href` of
 * `<link rel=canonical>` (may be relative). A pageUrl that does not parse
 * is returned unchanged (the content script only runs on http(s) pages, so
 * this only happens for hand-written input).
 */
export function canonicalUrl(pageUrl: string, canonicalHref?: string | null): string {
  const page = parseHttp(pageUrl.trim());
  if (!page) return pageUrl;
  if (canonicalHref && canonicalHref.trim()) {
    const canon = parseHttp(canonicalHref.trim(), page.href);
    const rootForDeepPage = canon !== null && canon.pathname === '/' && !canon.search && page.pathname !== '/';
    if (canon && !rootForDeepPage) return clean(canon);
  }
  return clean(page);
}
