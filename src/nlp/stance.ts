// Denial detection: does a sentence deny / refute / reject the proposition it
// reports? General English cues only. Mere negation elsewhere in a sentence
// ("has not yet responded", "has yet to act", "no signs of resolution") is not
// a denial: negation counts only when it governs an event verb or a claim noun.

import { concept, lemma } from './lexicon';

export interface DenialCue {
  denies: boolean;
  cue: string | null;
}

const CLAIM_NOUN = '(?:claims?|allegations?|accusations?|reports?|charges?|suspicions?|suggestions?|assertions?|rumou?rs?|speculation|notion|idea|story|stories|accounts?)';

/** Cues that on their own mark a denial or a dismissal of a claim. */
const STRONG_CUES: RegExp[] = [
  /\b(?:den(?:y|ies|ied|ying)|denials?)\b/i,
  /\brefut(?:e|es|ed|ing)\b/i,
  /\brebut(?:s|ted|ting)?\b/i,
  /\brepudiat(?:e|es|ed|ing)\b/i,
  new RegExp(`\\b(?:reject(?:s|ed|ing)?|dismiss(?:es|ed|ing)?|disput(?:e|es|ed|ing)|contest(?:s|ed|ing)?)\\b(?:\\s+\\w+){0,3}?\\s+${CLAIM_NOUN}\\b`, 'i'),
  new RegExp(`\\b(?:reject(?:s|ed|ing)?|dismiss(?:es|ed|ing)?)\\s+(?:it|them|this|that|these|those)\\b`, 'i'),
  /\b(?:baseless|groundless|unfounded|unsubstantiated|fabricat(?:ed|ion|ions)|made[- ]up|smears?|slanders?|slanderous|fake news|hoax|untrue|nonsense|absurd|lies)\b/i,
  /\bfalse(?:ly)?\s+(?:\w+\s+){0,1}(?:information|accusations?|allegations?|claims?|statements?|reports?|rumou?rs?|narratives?|stories|charges?)\b/i,
  /\b(?:misinformation|disinformation|propaganda)\b/i,
  /\b(?:no|without(?:\s+any)?|lack of)\s+(?:\w+\s+)?(?:evidence|proof|basis)\b/i,
  /\bspread(?:s|ing)?\s+(?:\w+\s+){0,2}(?:rumou?rs?|lies)\b/i,
  /\b(?:has|have|had)\s+nothing\s+to\s+do\s+with\b/i,
  /\b(?:no|any)\s+(?:involvement|role|part|connection)\s+in\b/i,
  /\bnot\s+(?:involved|responsible)\b/i,
  /\b(?:not|never)\s+(?:true|accurate|correct)\b/i,
  // "no such transfers had ever taken place", "the meeting never took place".
  /\bno\s+such\s+(?:\w+\s+){1,3}(?:(?:has|have|had)\s+)?(?:ever\s+)?(?:been\s+)?(?:taken place|took place|occurred|happened|existed|exists?)\b/i,
  /\b(?:never|not)\s+(?:ever\s+)?(?:taken|took|take)\s+place\b/i,
];

/** Negation + verb: "did not supply", "never sold", "has not provided". */
const NEGATED_VERB = /\b(?:never|not|n't|no longer)\s+(?:(?:ever|once|directly|knowingly|actually|in fact)\s+)?(?:been\s+)?([a-z]+)\b/gi;

/** Event concepts whose negation is a denial; reporting/waiting verbs are not. */
const NON_EVENT_LEMMAS = new Set([
  'be', 'have', 'do', 'yet', 'respond', 'comment', 'reply', 'answer', 'act', 'reach', 'say', 'know', 'clear',
  'able', 'only', 'immediately', 'make', 'see', 'expect', 'want', 'need', 'like', 'return', 'confirm',
  'go', 'take', 'give', 'seem', 'appear', 'specify', 'elaborate', 'disclose', 'identify', 'name', 'detail',
]);
const EVENT_CONCEPTS = new Set([
  'supply', 'acquire', 'meet', 'attack', 'launch', 'agree', 'violate', 'sanction', 'leak', 'exchange', 'fund',
  'help', 'approve', 'harm', 'pay', 'sell', 'use', 'kill', 'steal', 'hack', 'send', 'build', 'develop',
  'plan', 'order', 'hide', 'cover', 'conduct', 'carry', 'involve', 'participate', 'test', 'cause',
  'conceal', 'withhold', 'expose', 'falsify', 'manipulate', 'suppress', 'mislead', 'leak',
]);

const UNDERTAKING = /\b(?:to|promis\w*|pledg\w*|commitments?|committed|vow\w*|agree[sd]?|urg\w*|asked|warned|told)\s+$/i;

function negatedEventVerb(sentence: string): string | null {
  NEGATED_VERB.lastIndex = 0;
  for (let m = NEGATED_VERB.exec(sentence); m !== null; m = NEGATED_VERB.exec(sentence)) {
    const word = m[1].toLowerCase();
    if (word === 'yet' || word === 'to') continue;
    // "promised not to sell", "commitments to not provide": an undertaking, not a denial.
    if (UNDERTAKING.test(sentence.slice(Math.max(0, m.index - 40), m.index))) continue;
    const lem = lemma(word);
    if (NON_EVENT_LEMMAS.has(lem)) continue;
    const c = concept(lem);
    if (EVENT_CONCEPTS.has(c) || EVENT_CONCEPTS.has(lem)) return m[0];
  }
  return null;
}

/** Detect whether a sentence denies (or reports a denial of) a proposition. */
export function denialCue(sentence: string): DenialCue {
  const s = sentence.replace(/[’‘]/g, "'");
  for (const re of STRONG_CUES) {
    const m = re.exec(s);
    if (m) return { denies: true, cue: m[0] };
  }
  const neg = negatedEventVerb(s);
  if (neg) return { denies: true, cue: neg };
  return { denies: false, cue: null };
}

/**
 * A denial reported about someone ("X denied ...", "X called the claims
 * groundless") as opposed to the writer's own negative statement. True when a
 * cue is present and a reporting/denial verb carries it.
 */
export function isReportedDenial(sentence: string): boolean {
  const d = denialCue(sentence);
  if (!d.denies) return false;
  return /\b(?:den(?:y|ies|ied|ying)|refut\w*|reject\w*|dismiss\w*|said|says|stated|called|insist\w*|claim\w*|told|accus\w*|rebut\w*)\b/i.test(sentence);
}
