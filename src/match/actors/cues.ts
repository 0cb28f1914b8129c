// Closed-class cues for actor resolution that hold for any news text, as
// data: none names a story, a place or a person.

/** Auxiliaries and modals: after a subject they make it act ("Moscow has denied", "Seoul will send"). */
export const AUXILIARIES: ReadonlySet<string> = new Set(('has have had is are was were will would can could may might ' +
  'must shall should does do did').split(' '));

/** A name right after these introduces someone new ("a writer named Peskov"). */
export const NAMING_WORDS: ReadonlySet<string> = new Set(['named', 'called', 'surnamed', 'nicknamed', 'dubbed', 'née', 'nee']);
/** Determiners of the noun phrase a naming word follows ("a writer named …", "one man called …"). */
export const INTRODUCING: ReadonlySet<string> = new Set(['a', 'an', 'one', 'another', 'the']);
/** Verbs of "… known as X" ("known locally as", "referred to as"). */
export const KNOWN_AS: ReadonlySet<string> = new Set(['known', 'referred', 'nicknamed', 'dubbed', 'styled', 'described']);

/** Determiners that make the name a modifier of a common noun ("a Blue House compound", "this Moscow restaurant"). */
export const INDEFINITE_DETERMINERS: ReadonlySet<string> = new Set(('a an this these those every each some any another ' +
  'such no').split(' '));

/** Compass words and the initials news writes for them in names ("N.Korea", "S. Korea"). */
export const COMPASS_INITIALS: Readonly<Record<string, string>> = { North: 'N', South: 'S', East: 'E', West: 'W' };

/** Government roles a capital or seat heads as a modifier ("Kremlin spokesman", "Pyongyang officials"): the government acts through them. */
export const GOVERNMENT_ROLES: ReadonlySet<string> = new Set(('official officials spokesman spokeswoman spokesperson spokespeople ' +
  'aide aides adviser advisers advisor advisors envoy envoys diplomat diplomats negotiator negotiators leadership ' +
  'government regime authorities administration ministry ministries leader leaders regulator regulators lawmakers ' +
  'legislators policymakers prosecutors investigators ministers').split(' '));

/** Second parts of hyphenated compounds that make a capital a place ("Washington-based", "Moscow-born"). */
export const PLACE_COMPOUNDS: ReadonlySet<string> = new Set(['based', 'born', 'bred', 'raised', 'bound', 'headquartered',
  'listed', 'area', 'style', 'registered']);

/** Prepositions of place: a capital after one is where something is ("a festival in Seoul"). */
export const LOCATIVE: ReadonlySet<string> = new Set(('in at near inside outside around across throughout within beyond ' +
  'downtown outskirts').split(' '));

/** Beginnings of words of travel and arrival: a capital right after one (or after one and "to") is a destination. */
export const MOTION_STEMS: readonly string[] = ('travel trip visit flew flown fly flies flying flight went go goes going gone came ' +
  'come coming arriv return head moved moving relocat journey tour drove drive sail fled flee left leav reach landed ' +
  'landing stay lived living born based stationed').split(' ');

/** Prepositions compromise's lexicon does not tag as such. */
export const MORE_PREPOSITIONS: ReadonlySet<string> = new Set(('over under against behind below beneath beside beyond inside ' +
  'outside near toward towards upon via past like amid before after since until despite except including regarding ' +
  'concerning following throughout across along around').split(' '));
