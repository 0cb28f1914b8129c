// Removes page chrome that leaks into scraped article text: navigation
// prompts, ad markers, image credits, related-article blocks, comment prompts,
// author bios. Works on paragraphs (lines) so the remaining text stays prose.

/** Whole-line chrome (compared case-insensitively after trimming). */
const CHROME_LINE = new RegExp(
  '^(?:' + [
    'connect with us', 'hi,? what are you looking for\\??', 'advertisement', 'advertisements?', 'sponsored( content)?',
    'comments?', '\\d+ comments?', 'leave a (?:comment|reply)', 'post a comment', 'add a comment',
    'join the (?:conversation|discussion)', 'what do you think\\??', 'let us know (?:what you think )?in the comments.*',
    'share(?: this(?: article| story)?)?(?: on \\w+)?', 'follow us(?: on \\w+)?', 'subscribe(?: now| to .*)?',
    'sign up(?: for .*)?', 'newsletter', 'skip to (?:main )?content', 'menu', 'search', 'close', 'loading\\.*',
    'click here.*', 'print', 'email', 'tweet', 'facebook', 'twitter', 'whatsapp', 'linkedin', 'reddit',
    'written by(?: published)?', 'published', 'by', 'updated', 'photo', 'image', 'video', 'watch',
    'read (?:more|next|also)(?::.*)?', 'see also', 'trending( now)?', 'most (?:read|popular)', 'top stories',
    'you may also like', 'recommended(?: for you)?', 'related(?: articles| stories| posts| news)?',
    'home', 'log ?in', 'sign ?in', 'register', 'my account', 'toggle navigation', 'main menu', 'search(?: for)?:.*',
    'type (?:here|your search).*', 'press enter to search.*', 'accept(?: all)?(?: cookies)?', 'cookie (?:policy|settings)',
    'we use cookies.*', 'privacy policy', 'terms (?:of (?:use|service)|and conditions)', 'all rights reserved.*',
    '(?:©|\\(c\\)|copyright) ?\\d{4}.*', 'back to top', 'scroll to top', 'share (?:on|via) \\w+', 'share this:?',
    'listen(?: to (?:this )?article)?', 'min read', '\\d+ min(?:ute)?s? read', 'breaking news', 'latest news', 'more',
  ].join('|') + ')[.:!]?$',
  'i',
);

/** Headings after which everything is page furniture (related links, bios). */
const TAIL_MARKER = /^(?:from the (?:vault|archives?)|related(?: articles| stories| posts)?|read more|more from .*|you may also like|recommended(?: for you)?|more stories|written by|about the author|trending(?: now)?)[.:]?$/i;

/** Image captions and credits. */
const CAPTION = /\b(?:image credit|photo credit|photo by|photograph by|pool photo|getty images|via reuters|credit:|\(photo:|\(image:|file photo)\b/i;

/** Author bio paragraph: "Jane Doe, a Senior Editor for X, is ..." / "follow her on Twitter". */
const BIO = /^([A-Z][\p{L}.'’-]+(?: [A-Z][\p{L}.'’-]+){1,3}), (?:a|an|the) [^.]{0,80}\b(?:editor|writer|reporter|correspondent|journalist|contributor|columnist|analyst|author|fellow)\b/u;
const FOLLOW = /\bfollow (?:her|him|them|me|us) on (?:twitter|x|facebook|instagram|linkedin)\b/i;

export interface CleanResult {
  paragraphs: string[];
  /** Author found in a bio or "Written by" block, if any. */
  author?: string;
  /** Lines removed, for diagnostics. */
  dropped: string[];
}

/** Clean a list of raw paragraphs (already split on newlines). */
export function cleanParagraphs(raw: string[]): CleanResult {
  const dropped: string[] = [];
  const kept: string[] = [];
  const seen = new Set<string>();
  let author: string | undefined;
  const lines = raw.map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim());
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    if (TAIL_MARKER.test(line)) {
      // Look ahead for an author bio before discarding the tail.
      for (const rest of lines.slice(i + 1)) {
        const bio = BIO.exec(rest);
        if (bio && !author) author = bio[1];
      }
      dropped.push(...lines.slice(i).filter(Boolean));
      break;
    }
    if (CHROME_LINE.test(line) || CAPTION.test(line)) {
      dropped.push(line);
      continue;
    }
    const bio = BIO.exec(line);
    if (bio && (FOLLOW.test(line) || /\bby-?lines?\b/i.test(line) || i > lines.length / 2)) {
      author ??= bio[1];
      dropped.push(line);
      continue;
    }
    // Scraped pages often repeat the standfirst or a caption verbatim.
    const key = line.toLowerCase();
    if (seen.has(key)) {
      dropped.push(line);
      continue;
    }
    seen.add(key);
    kept.push(line);
  }
  return { paragraphs: kept, author, dropped };
}

/** Whole-line page chrome ("Connect with us", "Hi, what are you looking for?"): never a title, never text. */
export function isChromeLine(line: string): boolean {
  const t = line.replace(/[ \t\u00a0]+/g, ' ').trim();
  return CHROME_LINE.test(t) || TAIL_MARKER.test(t);
}

/** Lines that look like a headline: short (minWords to 25 words), no final full stop. */
export function looksLikeHeadline(line: string, minWords = 3): boolean {
  const words = line.split(/\s+/).length;
  return words >= minWords && words <= 25 && !/[.,;:]$/.test(line);
}
