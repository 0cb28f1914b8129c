// `claimlens explain [--kb <kb.json>] "<sentence>"`: why a sentence gives what
// it gives. The propositions the language layer reads in it (the named rules
// that fired, each with its reason), the statements the KB builder would make
// of it, and, with a KB, the claims the matcher compares it with and the
// parts of each score.
import { readFile } from 'node:fs/promises';
import { parseKb } from '../kb/validate';
import { propositions, type Arg } from '../lang/propositions';
import { reasonOf } from '../lang/rules';
import { splitSentences } from '../lang/sentences';
import { tagText } from '../lang/tagger';
import { buildMatcher } from '../match/matcher';

const USAGE = 'usage: claimlens explain [--kb <kb.json>] "<sentence>"';

export async function runExplain(args: string[]): Promise<number> {
  let kbPath: string | undefined;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--kb') kbPath = args[++i];
    else rest.push(args[i]);
  }
  const text = rest.join(' ').trim();
  if (!text || (args.includes('--kb') && !kbPath)) {
    process.stderr.write(`claimlens explain: ${USAGE}\n`);
    return 2;
  }
  const out: Record<string, unknown> = { text, sentences: [] };
  for (const span of splitSentences(text)) {
    const words = tagText(span.text);
    const arg = (a?: Arg): string | null => (a ? words.slice(a.start, a.end).map((w) => w.text).join(' ') : null);
    (out.sentences as unknown[]).push({
      sentence: span.text,
      words: words.map((w) => `${w.text}/${w.tag}`).join(' '),
      propositions: propositions(words, span.text).map((p) => ({
        predicate: p.pred, verb: p.verb, agent: arg(p.agent), patient: arg(p.patient),
        obliques: p.obliques.map((o) => `${o.prep} ${arg(o.arg)}`), modality: p.modality, negated: p.negated,
        reports: p.reports ?? null, reportedBy: p.reportedBy ?? null,
        rules: p.rules.map((r) => ({ rule: r, reason: reasonOf(r) ?? null })),
      })),
    });
  }
  if (kbPath) {
    let kbText: string;
    try {
      kbText = await readFile(kbPath, 'utf8');
    } catch (e) {
      process.stderr.write(`claimlens explain: cannot read KB ${kbPath}: ${(e as Error).message}\n`);
      return 1;
    }
    const checked = parseKb(kbText);
    if (!checked.ok) {
      process.stderr.write(`claimlens explain: bad KB ${kbPath}: ${checked.message}\n`);
      return 1;
    }
    const matcher = buildMatcher(checked.kb);
    const annotation = matcher.annotate(text);
    out.highlights = annotation.claims.map((c) => ({ claim: c.claim, stance: c.stance, score: c.score, text: c.text }));
    out.candidates = matcher.explain(text).map((e) => ({ ...e, rules: e.rules.map((r) => ({ rule: r, reason: reasonOf(r) ?? null })) }));
  }
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  return 0;
}
