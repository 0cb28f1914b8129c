// Actor aliases for readers' pages. The corpus shows only the forms its
// writers happened to use; pages elsewhere write "US", "USA", "Russian
// Federation" or the capital. Country and institution actors get every
// general-knowledge form the gazetteer judges safe (gazetteer.kbAliases);
// two-word person names get the bare surname. Then every single-word alias is
// marked: ambiguous (counts on a page only next to the full name) or
// unambiguous (a distinctive surname: "Putin", "Shoigu").

import { contentId } from './hash';
import { gazetteer, isGivenName, lexiconTags } from './gazetteer';
import type { KbActor } from './types';

/** Lexicon tags a distinctive surname may carry ("putin": LastName, "kirby": ProperNoun). */
const SURNAME_TAGS = new Set(['LastName', 'ProperNoun']);
/** Everyday words compromise's lexicon leaves out (it conjugates them by rule instead). */
const COMMON_WORDS = new Set(['bush', 'trump', 'gun', 'may', 'price', 'rice', 'brown', 'king', 'bond', 'cook', 'hope', 'grant', 'young', 'rich', 'little', 'rose', 'frank', 'hunt', 'fox', 'wolf', 'lamb', 'stone', 'wood', 'field', 'hill', 'moon', 'park', 'long', 'bell', 'cash', 'gold', 'land', 'love', 'sun', 'wall', 'west', 'white', 'black', 'green', 'gray', 'grey']);
/** Minimum length of a surname safe on its own ("Kim", "Lee", "Xi" are not). */
const MIN_SAFE = 4;

const low = (s: string): string => s.toLowerCase().replace(/[’‘]/g, "'");
const words = (s: string): string[] => low(s).split(/[\s-]+/).filter(Boolean);
const isAcronym = (s: string): boolean => s.includes('.') || /^[\p{Lu}\p{N}&]{2,}$/u.test(s);

/** A word an English reader meets outside this name: lexicon entry other than a surname, or everyday word. */
function isCommonWord(w: string): boolean {
  const k = low(w);
  if (COMMON_WORDS.has(k)) return true;
  return lexiconTags(k).some((t) => !SURNAME_TAGS.has(t));
}

/** Add general-knowledge aliases and mark single-word aliases ambiguous / unambiguous, in place. */
export function enrichAliases(actors: KbActor[]): void {
  const gaz = gazetteer();
  const entryOf = new Map<string, string>();
  for (const key of gaz.entries.keys()) entryOf.set(contentId('a-', key), key);
  // Which actors already own a form (name or corpus alias): a general-knowledge form never steals another actor's name.
  const formOwners = new Map<string, Set<string>>();
  const own = (form: string, id: string): void => {
    const k = low(form);
    formOwners.set(k, (formOwners.get(k) ?? new Set()).add(id));
  };
  for (const a of actors) for (const f of [a.name, ...a.aliases]) own(f, a.id);
  const freeFor = (form: string, id: string): boolean => [...(formOwners.get(low(form)) ?? [])].every((o) => o === id);

  const ambiguous = new Map<string, Set<string>>();
  for (const a of actors) ambiguous.set(a.id, new Set());
  for (const a of actors) {
    const extra: string[] = [];
    const key = entryOf.get(a.id);
    if (key && (a.kind === 'country' || a.kind === 'organization')) {
      for (const f of gaz.kbAliases.get(key) ?? []) {
        if (f.text === a.name || !freeFor(f.text, a.id)) continue;
        extra.push(f.text);
        if (f.ambiguous) ambiguous.get(a.id)!.add(f.text);
      }
    }
    if (a.kind === 'person') {
      // "Sergei Lavrov" → "Lavrov". Only two-word names: in "Kim Jong Un" or "Kwon Jong Gun" the last word is no surname.
      const ws = a.name.split(/\s+/);
      const last = ws[ws.length - 1];
      if (ws.length === 2 && /^\p{Lu}\p{Ll}{2,}$/u.test(last) && freeFor(last, a.id)) extra.push(last);
    }
    for (const f of extra) own(f, a.id);
    a.aliases = [...new Set([...a.aliases, ...extra])].filter((x) => x !== a.name).sort();
  }

  // Who uses each single word, over every actor's name and aliases: a surname two actors share names neither.
  const wordOwners = new Map<string, Set<string>>();
  for (const a of actors) {
    for (const f of [a.name, ...a.aliases]) {
      for (const w of words(f)) wordOwners.set(w, (wordOwners.get(w) ?? new Set()).add(a.id));
    }
  }
  for (const a of actors) {
    const amb = ambiguous.get(a.id)!;
    const safe: string[] = [];
    const nameWords = words(a.name);
    for (const alias of a.aliases) {
      if (/\s/.test(alias.trim()) || isAcronym(alias)) continue;
      if (a.kind === 'person' && nameWords.length > 1) {
        const ok = alias.length >= MIN_SAFE && /^\p{Lu}\p{Ll}+$/u.test(alias) && wordOwners.get(low(alias))!.size === 1
          && !isCommonWord(alias) && !isGivenName(alias);
        if (ok) safe.push(alias);
        else amb.add(alias);
      } else if (a.kind === 'organization' && nameWords.length > 1 && nameWords.includes(low(alias))) {
        // "Wagner" for "Wagner Group": a word of the name, also a surname, a composer...
        amb.add(alias);
      }
    }
    const ambList = [...amb].filter((x) => x !== a.name).sort();
    if (ambList.length) a.ambiguousAliases = ambList;
    else delete a.ambiguousAliases;
    if (safe.length) a.unambiguousAliases = safe.sort();
    else delete a.unambiguousAliases;
  }
}
