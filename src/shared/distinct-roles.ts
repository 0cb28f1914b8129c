// An actor's roles as a reader should see them: the KB keeps every wording
// its documents used ("National Security Council spokesman", "… spokesperson",
// "spokesman for the White House National Security Council"), which a card
// would list five times over. Pure.
//
// Two roles say the same when their content words match, word by word, with
// the gendered forms of a title taken as one (spokesman / spokesperson) and a
// word matching its own longer form (Russia / Russian: one a prefix of the
// other, five letters or more). A role whose words are all in another role
// says less than it and goes; of two that say the same, the first stays.

const FUNCTION_WORDS = new Set(['the', 'a', 'an', 'of', 'for', 'at', 'in', 'to', 'and', 'on', "'s"]);

const TITLE_FORMS: Array<[RegExp, string]> = [
  [/^spokes(man|woman|person|people)$/, 'spokesperson'],
  [/^chair(man|woman|person)$/, 'chairperson'],
  [/^congress(man|woman)$/, 'congressperson'],
];

function words(role: string): string[] {
  return role
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && !FUNCTION_WORDS.has(w))
    .map((w) => TITLE_FORMS.find(([re]) => re.test(w))?.[1] ?? w);
}

const sameWord = (a: string, b: string): boolean => a === b || (Math.min(a.length, b.length) >= 5 && (a.startsWith(b) || b.startsWith(a)));

/** True when every word of `a` is among the words of `b`. */
const within = (a: string[], b: string[]): boolean => a.every((w) => b.some((v) => sameWord(w, v)));

export function distinctRoles(roles: readonly string[]): string[] {
  const list = roles.map((r) => ({ role: r.trim(), words: words(r) })).filter((r) => r.role);
  return list
    .filter((r, i) =>
      !list.some((o, j) => {
        if (j === i) return false;
        const inO = within(r.words, o.words);
        if (!inO) return false;
        // Says the same: the first one stays. Says less: it goes.
        return within(o.words, r.words) ? j < i : true;
      }),
    )
    .map((r) => r.role);
}
