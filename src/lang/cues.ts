// Typed access to the hand-written cues (src/lang/data/cues.json): closed-class
// words and wording that holds for all of news. Each list lives there once.

import data from './data/cues.json';

const set = (xs: readonly string[]): ReadonlySet<string> => new Set(xs);

export const REPORTING_VERBS = set(data.reportingVerbs.words);
export const DENIAL_VERBS = set(data.denialVerbs.words);
export const DEBUNK_WORDS = set(data.debunkWords.words.filter((w) => !w.includes(' ')));
/** Multi-word debunk cues as word sequences ('*' = any word), longest first. */
export const DEBUNK_PHRASES: readonly string[][] = [
  ...data.debunkPhrases.phrases, ...data.debunkWords.words.filter((w) => w.includes(' ')),
].map((p) => p.split(' ')).sort((a, b) => b.length - a.length);
export const HEDGES = set(data.hedges.words);
export const CONDITIONALS = set(data.conditionals.words);
export const FREE_CHOICE_DETERMINERS = set(data.freeChoiceDeterminers.words);
export const PLANS = set(data.plans.words);
export const WANTS = set(data.wants.words);
export const DISCOURSE_MARKERS: readonly string[][] = data.discourseMarkers.words.map((w) => w.split(' ')).sort((a, b) => b.length - a.length);
export const PRONOUNS = {
  person: set(data.pronouns.person),
  male: set(data.pronouns.male),
  female: set(data.pronouns.female),
  group: set(data.pronouns.group),
  thing: set(data.pronouns.thing),
  firstSecond: set(data.pronouns.firstSecond),
};
export const SUBORDINATORS = set(data.subordinators.words);
export const TITLE_ABBREVIATIONS = set(data.sentence.titleAbbreviations);
export const MONTH_ABBREVIATIONS = set(data.sentence.monthAbbreviations);
export const STARTERS_AFTER_ACRONYM = set(data.sentence.startersAfterAcronym);
export const WEEKDAYS = set(data.calendar.weekdays);
export const CALENDAR = set([...data.calendar.months, ...data.calendar.weekdays, ...data.calendar.relative]);
export const LIGHT_VERBS = set(data.lightVerbs.words);
export const COPULAS = set(data.copulas.words);
export const ACCUSATION_VERBS = set(data.accusationVerbs.words);
export const OBJECT_CONTROL_PREPOSITIONS = set(data.objectControlPrepositions.words);
export const MEANS_PREPOSITIONS = set(data.meansPrepositions.words);
export const PARTICLES = set(data.particles.words);
export const ITERATIVE_PREFIXES: readonly string[] = data.iterativePrefixes.words;
export const FIGURE_LEADS = set(data.figureLeads.words);
export const FIGURE_APPROXIMATORS = set(data.figureApproximators.words);
export const PREPOSITION_PARTICLES = set(data.particles.alsoPrepositions.words);
export const NEGATING_ADVERBS: readonly string[][] = data.negatingAdverbs.words.map((w) => w.split(' '));
export const GENERIC_VERBS = set(data.genericVerbs.words);
export const STATE_ROLES = set(data.stateRoles.words);
export const PARTITIVE_ANCHORS: readonly string[] = data.partitives.anchors;
export const PARTITIVE_SUFFIXES: readonly string[] = data.partitives.suffixes;
export const ACT_ONLY_LIGHT_VERBS = set(data.lightVerbsOfActsOnly.words);
export const DEBUNK_MEDIA: readonly string[] = data.debunkMedia.words;
export const NO_COMMENT_PHRASES: readonly string[][] = data.noComment.phrases.map((p) => p.split(' '));
