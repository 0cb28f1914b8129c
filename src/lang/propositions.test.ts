import { describe, expect, it } from 'vitest';
import { propositions } from './propositions';
import { tagText } from './tagger';

const subjects = (s: string): Record<string, string | undefined> => {
  const words = tagText(s);
  const text = (a: { start: number; end: number } | undefined): string | undefined => a && words.slice(a.start, a.end).map((w) => w.text).join(' ');
  return Object.fromEntries(propositions(words, s).map((p) => [p.verb, text(p.agent ?? p.subject)]));
};

describe('clauses joined by ", and"', () => {
  it('a noun phrase with its own tensed verb after ", and" is the subject of a second clause', () => {
    const s = subjects('Kim Jong Un inspected a fruit farm on Tuesday, and Vladimir Putin will address the nation next week.');
    expect(s.inspect).toBe('Kim Jong Un');
    expect(s.address).toBe('Vladimir Putin');
  });
  it('a second clause whose verb group opens on an auxiliary, with an adverb in it ("…, and the regulator is now seeking")', () => {
    const s = subjects('Halden Foods has come to rely on Danish suppliers, and the regulator is now seeking to block the merger.');
    expect(s.rely).toBe('Halden Foods');
    expect(s.seek).toBe('the regulator');
  });
  it('the last conjuncts of a list with an Oxford comma are not split into a clause', () => {
    const s = subjects('Officials said Russia, China, and Iran supplied the parts.');
    expect(s.supply).toMatch(/China and Iran/);
  });
});

describe('gerunds after a preposition', () => {
  it('a "by" gerund is done by the subject, not the object ("violated sanctions by providing")', () => {
    const s = subjects('North Korea has previously violated U.N. sanctions by providing artillery to Russia.');
    expect(s.provide).toBe('North Korea');
  });
  it('after "of"/"for"/"from" the object does it ("accused Russia of buying")', () => {
    expect(subjects('Officials accused Russia of buying drones.').buy).toBe('Russia');
  });
  it('a report does not do what it reports: "denied claims of selling arms" is about the one denying', () => {
    expect(subjects('Veltrix Pharma denied claims of hiding trial data.').hide).toBe('Veltrix Pharma');
    expect(subjects('The ministry rejected reports of buying drones from Iran.').buy).toBe('The ministry');
  });
  it('after an adverbial preposition the subject does it ("after meeting")', () => {
    expect(subjects('The minister resigned after meeting the protesters.').meet).toBe('The minister');
  });
});

describe('negation', () => {
  const negated = (s: string, verb: string): boolean | undefined => {
    const words = tagText(s);
    return propositions(words, s).find((p) => p.verb === verb)?.negated;
  };
  it('"no longer" negates the verb, before it or inside its group', () => {
    expect(negated('Her mother no longer speaks to her.', 'speak')).toBe(true);
    expect(negated('Her mother and sister are no longer talking to her.', 'talk')).toBe(true);
    expect(negated('Her mother speaks to her every day.', 'speak')).toBe(false);
  });
  it('"no" before the object negates the clause ("exported no fertiliser")', () => {
    expect(negated('Iran exported no fertiliser to Venezuela.', 'export')).toBe(true);
  });
});

describe('tagging repairs', () => {
  it('a verb before a figure: "Kellner shares rose 18%" has the verb "rise" with "Kellner shares" as subject', () => {
    const words = tagText('Kellner shares rose 18%.');
    const p = propositions(words, 'Kellner shares rose 18%.');
    expect(p.map((x) => x.pred)).toContain('rise');
    expect(subjects('The shares fell by about 5 percent on Monday.').fall).toBe('The shares');
  });
  it('a verb\'s -s form after a preposition and an adjective, ending the phrase, is a plural noun ("from British kitchens,")', () => {
    const tag = (s: string, word: string): string | undefined => tagText(s).find((w) => w.text === word)?.tag;
    expect(tag('It was pulling 20,000 heaters from British kitchens, the company said.', 'kitchens')).toBe('noun');
    expect(tag('The report from Britain says that prices rose.', 'says')).toBe('verb');
  });
});

describe('phrasal verbs', () => {
  const preds = (s: string): string[] => propositions(tagText(s), s).map((p) => p.pred);
  it('a verb and its particle are one predicate ("take over", "snapped up")', () => {
    expect(preds('Vestrand will take over Kellner Cells.')).toContain('take over');
    expect(preds('The company was snapped up by Vestrand on Monday.')).toContain('snap up');
  });
  it('a particle that heads a place phrase stays a preposition ("taken in Seoul")', () => {
    expect(preds('The photos were taken in Seoul last week.')).not.toContain('take in');
  });
});

describe('adverbs inside a verb group', () => {
  it('an adverb between a modal and a bare verb is no verb ("will likely turn", "will soon announce", "will still need")', () => {
    const words = tagText('Three countries will likely turn toward each other. Moscow will soon announce a deal. They will still need help.');
    const tagOf = (t: string): string | undefined => words.find((w) => w.text === t)?.tag;
    for (const t of ['likely', 'soon', 'still']) expect(tagOf(t), t).toBe('adv');
    for (const t of ['turn', 'announce', 'need']) expect(tagOf(t), t).toBe('verb');
    expect(subjects('Three countries will likely turn toward each other.').turn).toBe('Three countries');
  });
});

describe('"would" under a past report (future in the past)', () => {
  const modality = (s: string, verb: string): string | undefined => {
    const words = tagText(s);
    return propositions(words, s).find((p) => p.verb === verb)?.modality;
  };
  it('is the reported "will": a plan, and so is a verb coordinated under it and what that governs', () => {
    const s = 'Halden said the company would keep its head office in Aarhus and continue to sell boats abroad.';
    expect(modality(s, 'keep')).toBe('planned');
    expect(modality(s, 'continue')).toBe('planned');
    expect(modality(s, 'sell')).toBe('planned');
    expect(modality('The ministry told reporters that the ferry would cost 40 million euros.', 'cost')).toBe('planned');
  });
  it('stays a condition under a present report, with an "if" after it, or about "any" one', () => {
    expect(modality('The union says the merger would cost jobs.', 'cost')).toBe('conditional');
    expect(modality('The mayor warned that both towns would be in breach of the rules if they signed the deal.', 'be')).toBe('conditional');
    expect(modality('Any agreement with the rebels would breach the treaty, the minister said.', 'breach')).toBe('conditional');
    expect(modality('If the court agrees, the mayor said, the city would pay the fine.', 'pay')).toBe('conditional');
  });
});

describe('a reporting verb with an object and an adverbial reports nothing', () => {
  const reports = (s: string): Record<string, string | undefined> => {
    const words = tagText(s);
    const ps = propositions(words, s);
    return Object.fromEntries(ps.map((p) => [p.verb, p.reports ?? (p.reportedBy !== undefined ? `by ${ps[p.reportedBy].verb}` : undefined)]));
  };
  it('"recalled 380,000 of the heaters after admitting …": the recall is an event, not a report of the admitting', () => {
    const r = reports('Yesterday Halvik recalled 380,000 of the heaters after admitting a wiring fault could start fires.');
    expect(r.recall).toBeUndefined();
    expect(r.admit).not.toBe('by recall');
    expect(reports('Halvik has recalled 20,000 heaters after reports that the units can catch fire.').recall).toBeUndefined();
  });
  it('still reports what follows its object: a that-clause after prepositional phrases, a zero-that clause, an accusation', () => {
    expect(reports('The minister told reporters on Tuesday that the port had reopened.').reopen).toBe('by tell');
    expect(reports('Ostrowski told the Gazette he was fishing when the bear attacked.').fish).toBe('by tell');
    expect(reports('Officials accused Russia of buying drones.').buy).toBe('by accuse');
  });
});

describe('a rounded figure opening a clause', () => {
  it('"About 3,200 dock workers walked out": the rounding word is part of the subject, not a preposition', () => {
    expect(subjects('About 3,200 dock workers walked off the job on Monday.')['walk off']).toMatch(/^About 3,200 dock workers$/);
    expect(subjects('On Monday, around 40 trawlers stayed in port.').stay).toMatch(/^around 40 trawlers$/);
  });
  it('after a verb it stays a preposition ("spoke about 300 …")', () => {
    const words = tagText('The mayor spoke about 300 new homes.');
    const p = propositions(words, 'The mayor spoke about 300 new homes.').find((x) => x.verb === 'speak');
    expect(p?.obliques.map((o) => o.prep)).toContain('about');
  });
});

describe('a passive reporting verb with a noun phrase after it', () => {
  it('"was declared the winner with …" names, it reports nothing', () => {
    const s = 'Moreau was declared the winner with 51.2 per cent, just over the 50 per cent he needed to avoid a runoff.';
    const ps = propositions(tagText(s), s);
    const declare = ps.find((p) => p.verb === 'declare');
    expect(declare?.reports).toBeUndefined();
    expect(ps.find((p) => p.verb === 'need')?.reportedBy).toBeUndefined();
  });
});

describe('possessive of a name', () => {
  it('"Norway\'s Fishing Rights Board said": the "\'s" before a name is no hidden "is" (compromise read "is fishing")', () => {
    expect(subjects('Norway\'s Fishing Rights Board said it had received 40 complaints.').say).toBe('Norway\'s Fishing Rights Board');
    expect(subjects('The EU\'s Shipping Standards Office said it had received 40 complaints.').say).toBe('The EU\'s Shipping Standards Office');
    const words = tagText('The EU\'s ready to act.');
    expect(words.some((w) => w.text === '' && w.norm === 'is')).toBe(true);
  });
});
