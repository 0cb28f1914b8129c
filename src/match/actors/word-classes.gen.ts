// Generates word-classes.data.json from compromise's English lexicon, so the
// matcher knows word classes without loading compromise (0.5 s to import,
// ~3 ms per sentence: too slow for a page scan in the service worker).
// Run: npx tsx src/match/actors/word-classes.gen.ts (word-classes.test.ts
// checks the committed file is what this produces).
import nlp from 'compromise';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

type Lexicon = Record<string, string | string[]>;

/** compromise tags of each word class (single words only). */
const CLASSES: Record<string, string[]> = {
  preposition: ['Preposition'],
  adverb: ['Adverb'],
  function: ['Determiner', 'Preposition', 'Conjunction', 'Pronoun', 'QuestionWord', 'Adverb', 'Negative', 'Possessive',
    'Reflexive', 'Condition', 'Expression', 'Modal', 'Copula'],
  date: ['WeekDay', 'Month', 'Date', 'Duration'],
  number: ['Cardinal', 'Ordinal', 'TextValue', 'Multiple', 'Fraction'],
  title: ['Actor', 'Honorific'],
  firstName: ['MaleName', 'FemaleName', 'FirstName'],
  demonym: ['Demonym'],
  currency: ['Currency'],
  adjective: ['Adjective', 'Comparative', 'Superlative'],
};
export function generate(): Record<string, string[]> {
  const model = nlp.model() as {
    one: { lexicon: Lexicon };
    two: { switches: Record<string, string>; orgWords: Record<string, true>; placeWords: Record<string, true> };
  };
  const lexicon = model.one.lexicon;
  // Words the lexicon leaves to context ("rise", "fire", "report": noun or verb) are verbs too.
  const verbToo = new Set(Object.entries(model.two.switches).filter(([, k]) => k === 'Noun|Verb' || k === 'Actor|Verb' || k === 'Person|Verb').map(([w]) => w));
  const pluralOrVerb = Object.entries(model.two.switches).filter(([, k]) => k === 'Plural|Verb').map(([w]) => w);
  const adjOrPast = Object.entries(model.two.switches).filter(([, k]) => k === 'Adj|Past').map(([w]) => w);
  const conjugate = (nlp.methods() as { two: { transform: { verb: { conjugate: (w: string, m: unknown) => Record<string, string> } } } })
    .two.transform.verb.conjugate;
  const tagsOf = (w: string): string[] => ([] as string[]).concat(lexicon[w] ?? []);
  // finite: past forms, modals, auxiliaries; present3: third-person -s forms,
  // kept apart because most are also plural nouns ("markets", "fires");
  // base: infinitives ("say" after "residents" makes that a plural noun).
  const out: Record<string, Set<string>> = Object.fromEntries([...Object.keys(CLASSES), 'finite', 'present3', 'base', 'nameHead'].map((k) => [k, new Set<string>()]));
  for (const [word, raw] of Object.entries(lexicon)) {
    if (word.includes(' ') || !/^[a-z][a-z.'-]*$/.test(word)) continue;
    const tags = ([] as string[]).concat(raw);
    for (const [cls, want] of Object.entries(CLASSES)) if (tags.some((t) => want.includes(t))) out[cls].add(word);
    if (tags.some((t) => ['PastTense', 'Modal', 'Copula', 'Auxiliary'].includes(t))) out.finite.add(word);
    if (tags.includes('PresentTense')) out.present3.add(word);
    if (tags.includes('Infinitive') || verbToo.has(word)) {
      out.base.add(word);
      const c = conjugate(word, model);
      if (c.PastTense && !c.PastTense.includes(' ')) out.finite.add(c.PastTense);
      if (c.PresentTense && !c.PresentTense.includes(' ')) out.present3.add(c.PresentTense);
    }
  }
  // Heads of organisation and place names ("Bank of …", "University of …", "Sea of …").
  for (const w of [...Object.keys(model.two.orgWords), ...Object.keys(model.two.placeWords)]) if (/^[a-z]+$/.test(w)) out.nameHead.add(w);
  for (const w of pluralOrVerb) if (/^[a-z]+$/.test(w)) out.present3.add(w);
  for (const w of adjOrPast) if (/^[a-z]+$/.test(w)) out.finite.add(w);
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, [...v].sort()]));
}

export const DATA_FILE = fileURLToPath(new URL('./word-classes.data.json', import.meta.url));

export function serialise(classes: Record<string, string[]>): string {
  return `${JSON.stringify(Object.fromEntries(Object.entries(classes).map(([k, v]) => [k, v.join(' ')])), null, 1)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(DATA_FILE, serialise(generate()));
}
