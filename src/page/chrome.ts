// Page chrome: the parts of a page that are not the article's (or any
// story's) prose, though they are visible text: navigation and section
// labels, language pickers, promotion, bylines, copyright lines. Decided on
// the DOM (roles, class/id tokens, link density, lang) and on the block's own
// text (byline and copyright openings), the same way in the CLI and the
// browser. DOM-generic: Element members only.
import { BYLINE_GLUE, BYLINE_OPENING, CHROME_ROLES, CHROME_TOKENS, CONTRIBUTED, COPYRIGHT, CREDIT_OPENING, OUTSIDE_ARTICLE_ONLY } from './chrome-cues';

export const ARTICLE_SELECTOR = 'article, main, [role="main"]';

/** Class and id split into lower-case tokens ("mainNav", "site-footer__links" → main, nav, site, footer, links). */
export function attrTokens(el: Element): string[] {
  const raw = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  if (raw.length <= 1) return [];
  return raw.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}

/** The chrome cue an element's role or class/id carries, if any (why it would be chrome). */
export function chromeCue(el: Element, insideArticle: boolean): string | null {
  const role = el.getAttribute('role');
  if (role && CHROME_ROLES.has(role.trim().toLowerCase())) return `role=${role}`;
  for (const t of attrTokens(el)) {
    if (CHROME_TOKENS.has(t) && !(insideArticle && OUTSIDE_ARTICLE_ONLY.has(t))) return t;
  }
  return null;
}

/**
 * A container that carries a chrome cue is still prose when it holds much
 * text that is not links (a wrapper named "has-sidebar" around the whole page,
 * a "related" div that is really the story). Chrome is short or link-heavy.
 */
export function chromeByShape(len: number, links: number): boolean {
  return len < 1_500 || links >= 0.35 * len;
}

/** Primary language subtag of `lang` ("en-US" → "en"), or null. */
export function primaryLang(lang: string | null): string | null {
  if (!lang) return null;
  const m = /^\s*([a-z]{2,3})\b/i.exec(lang);
  return m ? m[1].toLowerCase() : null;
}

/**
 * Text in another language than the page's (a language picker's entries,
 * alternate-language links): the matcher reads English only.
 */
export function foreignLang(el: Element, pageLang: string): boolean {
  const l = primaryLang(el.getAttribute('lang'));
  return l !== null && l !== pageLang;
}

/** A heading of the article is never chrome by link density (some sites link the headline to itself). */
const HEADING = /^h[1-6]$/;

/**
 * A block of chrome by its text: a byline or credit line, a copyright line,
 * or text that is mostly links (menus, section labels, lists of headlines).
 * `links` = characters inside <a href> elements.
 */
export function chromeBlock(text: string, links: number, tag: string): string | null {
  const t = text.trim();
  if (t.length === 0) return null;
  if (!HEADING.test(tag) && links >= 0.5 * t.length) return 'links';
  if (t.length <= 300 && COPYRIGHT.test(t)) return 'copyright';
  if (t.length <= 200 && (isByline(t) || CREDIT_OPENING.test(t))) return 'byline';
  if (t.length <= 400 && CONTRIBUTED.test(t)) return 'credit';
  return null;
}

/** "By Jane Doe and John Roe, The Daily Paper | Updated 5:03 p.m.": names, glue words, numbers and punctuation only. */
function isByline(t: string): boolean {
  const m = BYLINE_OPENING.exec(t);
  if (!m) return false;
  const rest = t.slice(m[0].length);
  for (const w of rest.split(/[\s,;|·•/()–—-]+/)) {
    if (!w) continue;
    if (/^[\p{Lu}\d@#]/u.test(w)) continue;
    if (!BYLINE_GLUE.has(w.toLowerCase().replace(/[.:]+$/, ''))) return false;
  }
  return true;
}
