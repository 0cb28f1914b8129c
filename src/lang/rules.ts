// Every named rule of the language layer, the KB builder and the matcher, with
// the reason it exists: what `claimlens explain` prints beside each rule that
// fired. A rule name used in code and missing here fails rules.test.ts.

export const RULE_REASONS: Readonly<Record<string, string>> = {
  'subject.nearest-np': 'the noun phrase right before the verb is its subject',
  'subject.appositive': 'a subject with an aside after it ("Tridevil, a 21-year-old from Tampa, claims"): the aside is part of it',
  'subject.relative': 'a relative clause ("the woman who claimed") has the noun its pronoun hangs on as subject',
  'subject.past-relative-clause': 'the noun next to the verb sits inside a relative clause; the subject is the one the clause hangs on',
  'subject.np-with-pp': 'a noun phrase after a preposition modifies the noun before it, which is the subject',
  'subject.control': 'an infinitive takes its subject from the verb that governs it ("urged North Korea to stop", "wants to buy")',
  'subject.gerund': 'a gerund after a preposition takes its subject from the clause ("accused North Korea of supplying")',
  'subject.means': 'a gerund after "by"/"through" is how the subject did it, and a statement of its own ("violated sanctions by providing artillery": North Korea provided artillery)',
  'subject.gerund-adverbial': 'a gerund after an adverbial preposition ("after meeting", "without paying") shares the clause\'s subject',
  'subject.gerund-complement': 'a gerund right after a verb shares its subject ("denied selling", "explored obtaining")',
  'subject.reduced-relative': 'a participle after a noun is about that noun ("containers sent from North Korea")',
  'subject.participle': 'an adverbial participle after a comma shares the main clause\'s subject (", even using drones")',
  'subject.coordinated': 'a verb after "and"/"but" shares the subject of the verb it pairs with ("stated … and denied")',
  'subject.inverted': 'in trailing attribution the subject follows the verb (\'…," said TMZ\')',
  'voice.passive': 'be/get + participle: the subject is acted on; the doer is the "by" phrase',
  'voice.causative': '"had a third breast implanted": the object of have/get undergoes the event',
  'pred.light-verb': 'a light verb with an event noun ("held talks", "had surgery"): the noun is the event',
  'pred.copula': 'a linking verb ("is a hoax", "was fake"): its complement is the predicate',
  'pred.nominalisation': 'an event noun with its participants ("Vestrand\'s acquisition of Kellner") is a proposition of its own',
  'modality.question': 'a question asserts nothing',
  'modality.conditional-clause': 'inside an "if"/"unless"/"whether" clause the event is only conditional',
  'modality.future': '"will"/"shall": a planned event',
  'modality.modal': '"would"/"should": a conditional event',
  'modality.epistemic': '"may"/"might"/"could": a possibility put forward, a hedge',
  'modality.wanted': 'the event is what someone wants, seeks or asks for, not what happened',
  'modality.planned': 'the event is planned or proposed',
  'modality.inherited': 'a governed verb is no more real than the verb that governs it',
  'modality.future-in-past': '"would" under a past report is the reported "will": the event is planned, not conditional',
  'modality.hedged': 'a hedge ("allegedly", "reportedly", "suspected") puts the statement forward without asserting it',
  'polarity.negated': 'negation in the verb group or "no"/"none" in its subject or object',
  'report.that-clause': 'a reporting verb introduces reported speech: its subject is the speaker of what follows',
  'report.trailing': 'attribution after the statement ("…, the minister said") names its speaker',
  'report.according-to': '"according to X": X is the speaker',
  'report.accusation': 'accusing, condemning or praising someone for something asserts that something, in the accuser\'s voice',
  'report.denial-content': 'a denial verb introduces what is denied: it contradicts that content',
  'report.anaphoric-denial': 'a denial with nothing of its own ("dismissed the reports as false") denies what came before',
  'stance.negative-claim': 'the claim itself is negative ("her mother no longer speaks to her"): saying it with the negation supports it, without the negation contradicts it',
  'speaker.reported': 'the statement is reported speech: its speaker is the reporter',
  'speaker.trailing': 'the statement is attributed after it: its speaker is the one attributing',
  'stance.denied': 'the statement is reported as denied, or is itself a denial',
  'stance.debunk-cue': 'the sentence calls something untrue ("a hoax", "fake", "never happened", "no evidence")',
  'stance.page-debunks-it': 'the page debunks this claim in its own voice, so where it only reports the claim it contradicts it',
  'denial.anaphoric': 'a denial that restates nothing denies the claim the page stated just before',
  'denial.page-story': 'a debunk naming nobody, further down a page that has told a claim, is about the page\'s story ("the story has since been exposed as a hoax")',
  'match.whole-sentence': 'no single clause states a claim, but the sentence names every participant of one of its tellings and its words cover that telling\'s content (the stance is that of the clause most about it)',
  'roles.converse': 'the same transfer told from the other side ("X sold to Y" = "Y bought from X")',
};

/** The reason of a rule, for a rule recorded as "verb:rule" (a governed verb's rule) too. */
export function reasonOf(rule: string): string | undefined {
  return RULE_REASONS[rule] ?? RULE_REASONS[rule.replace(/^[^:]+:/, '')];
}
