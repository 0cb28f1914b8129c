// Page-chrome cues that hold for news sites in general, as data. Nothing here
// names a site or a story: these are the words front-end developers put in
// class names and ARIA roles for navigation, promotion and boilerplate, and
// the openings of bylines and copyright lines.

/** ARIA landmark and widget roles that never hold the article's prose. */
export const CHROME_ROLES: ReadonlySet<string> = new Set([
  'navigation', 'banner', 'contentinfo', 'search', 'menu', 'menubar', 'tablist', 'toolbar', 'complementary',
  'dialog', 'alertdialog', 'tooltip', 'listbox',
]);

/**
 * Class/id tokens (split at '-', '_', spaces and camelCase) of chrome
 * containers. "header" and "masthead" count only outside the article, where
 * they are the site's banner; inside it they hold the headline.
 */
export const CHROME_TOKENS: ReadonlySet<string> = new Set([
  'nav', 'navbar', 'navigation', 'subnav', 'menu', 'menus', 'megamenu', 'breadcrumb', 'breadcrumbs', 'crumbs',
  'footer', 'sidebar', 'rail', 'share', 'sharing', 'social', 'related', 'recommended', 'recirc', 'recirculation',
  'trending', 'popular', 'mostread', 'promo', 'promos', 'newsletter', 'newsletters', 'subscribe', 'subscription',
  'signup', 'login', 'cookie', 'cookies', 'consent', 'gdpr', 'banner', 'ad', 'ads', 'advert', 'advertisement',
  'sponsor', 'sponsored', 'outbrain', 'taboola', 'byline', 'bylines', 'dateline', 'copyright', 'legal',
  'disclaimer', 'language', 'languages', 'lang', 'locale', 'edition', 'editions', 'kicker', 'eyebrow', 'skip',
  'toolbar', 'topbar', 'utility', 'drawer', 'flyout', 'dropdown', 'modal', 'popup', 'overlay', 'comments',
  'comment', 'tags', 'topics', 'pagination', 'pager', 'widget', 'ticker', 'masthead', 'header', 'colophon',
]);

/** Chrome tokens that inside an article name its own parts (its headline block). */
export const OUTSIDE_ARTICLE_ONLY: ReadonlySet<string> = new Set(['header', 'masthead']);

/** Openings of a byline or credit line ("By Jane Doe and John Roe, Staff Writers"). */
export const BYLINE_OPENING = /^\s*(?:(?:written|reported|reporting|words|photos?|photographs?|video|edited|editing|additional reporting|compiled|interview)\s+by|by)\s+(?=\p{Lu})/iu;

/** Lower-case words a byline may hold between names ("Jane Doe and John Roe in Paris for ..."). */
export const BYLINE_GLUE: ReadonlySet<string> = new Set([
  'and', 'in', 'for', 'of', 'with', 'the', 'at', 'from', 'de', 'da', 'van', 'von', 'der', 'den', 'du', 'le', 'la',
  'bin', 'al', 'el', 'y', 'staff', 'writer', 'writers', 'reporter', 'reporters', 'correspondent', 'editor',
  'updated', 'published', 'posted', 'min', 'read', 'ago', 'hour', 'hours', 'am', 'pm', 'a.m', 'p.m', 'via',
  'editing', 'reporting', 'by', 'contributed', 'contributing',
]);

/** Copyright and rights lines. */
export const COPYRIGHT = /^\s*(?:©|\(c\)\s*\d|copyright\b)|\ball rights reserved\b/i;

/** The closing credit line of a wire story ("Associated Press writer Jane Doe in Kyiv contributed to this report."). */
export const CONTRIBUTED = /\bcontributed(?:\s+(?:to|reporting to)\s+this\s+(?:report|story|article))?\.?\s*$/i;

/** Credit lines under pictures ("Photo: Jane Doe/Agency"). */
export const CREDIT_OPENING = /^\s*(?:photo|photograph|image|picture|illustration|graphic|credit|video)s?\s*(?:credit)?\s*:/i;
