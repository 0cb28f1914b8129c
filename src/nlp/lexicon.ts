// General news-English lexicon: a light lemmatiser, synonym concepts and
// stopwords. Nothing here is about any particular story; the concept groups are
// the vocabulary news uses for recurring kinds of events.

const IRREGULAR: Record<string, string> = {
  sent: 'send', sold: 'sell', met: 'meet', gave: 'give', given: 'give', bought: 'buy', brought: 'bring',
  made: 'make', said: 'say', told: 'tell', took: 'take', taken: 'take', went: 'go', gone: 'go',
  came: 'come', began: 'begin', begun: 'begin', saw: 'see', seen: 'see', knew: 'know', known: 'know',
  held: 'hold', led: 'lead', left: 'leave', paid: 'pay', fought: 'fight', sought: 'seek', thought: 'think',
  won: 'win', lost: 'lose', struck: 'strike', shot: 'shoot', hit: 'hit', built: 'build', spent: 'spend',
  kept: 'keep', found: 'find', got: 'get', gotten: 'get', ran: 'run', wrote: 'write', written: 'write',
  spoke: 'speak', spoken: 'speak', stole: 'steal', stolen: 'steal', hid: 'hide', hidden: 'hide',
  drew: 'draw', drawn: 'draw', flew: 'fly', flown: 'fly', threw: 'throw', thrown: 'throw', rose: 'rise',
  fell: 'fall', fallen: 'fall', broke: 'break', broken: 'break', chose: 'choose', chosen: 'choose',
  was: 'be', were: 'be', is: 'be', are: 'be', been: 'be', am: 'be', has: 'have', had: 'have', did: 'do',
  does: 'do', done: 'do', children: 'child', men: 'man', women: 'woman', people: 'people', data: 'data',
  leaked: 'leak', media: 'media', arms: 'arms', news: 'news', series: 'series', species: 'species',
  analyses: 'analysis', crises: 'crisis', bases: 'base', forces: 'force', ties: 'tie', lies: 'lie',
  dying: 'die', lying: 'lie', tying: 'tie', fled: 'flee', dealt: 'deal', meant: 'mean', felt: 'feel',
  shut: 'shut', set: 'set', put: 'put', cut: 'cut', launched: 'launch', launches: 'launch',
  missiles: 'missile', supplies: 'supply', allies: 'ally', agencies: 'agency', countries: 'country',
  bodies: 'body', parties: 'party', policies: 'policy', economies: 'economy', militaries: 'military',
  sat: 'sit', trying: 'try', fed: 'feed', burnt: 'burn', handed: 'handover', handing: 'handover', wargames: 'wargame',
  manoeuvres: 'manoeuvre', maneuvers: 'maneuver', rounds: 'round', talks: 'talk',
};

/** Words ending in -s/-ed/-ing that are not inflections (keep as is). */
const KEEP = new Set([
  'us', 'is', 'was', 'has', 'this', 'thus', 'its', 'his', 'hers', 'ours', 'yours', 'theirs', 'news', 'series',
  'always', 'perhaps', 'less', 'unless', 'across', 'status', 'process', 'access', 'address', 'business',
  'press', 'congress', 'class', 'glass', 'gas', 'bus', 'virus', 'campus', 'census', 'focus', 'bonus',
  'crisis', 'analysis', 'basis', 'thesis', 'arms', 'politics', 'economics', 'physics', 'species', 'means',
  'bed', 'red', 'need', 'feed', 'seed', 'speed', 'shed', 'led', 'fled', 'wed', 'hundred', 'indeed', 'creed',
  'greed', 'embed', 'bring', 'thing', 'king', 'ring', 'sing', 'sting', 'spring', 'string', 'swing', 'wing',
  'during', 'morning', 'evening', 'nothing', 'something', 'anything', 'everything', 'ceiling', 'sibling',
  'shilling', 'wedding', 'pudding', 'herring', 'beijing', 'nanjing', 'sterling', 'darling', 'ding',
  'united', 'limited', 'alleged', 'naked', 'wicked', 'sacred', 'kindred', 'rugged', 'aged', 'beloved',
  'plus', 'minus', 'citrus', 'famous', 'serious', 'various', 'previous', 'obvious', 'nervous', 'dangerous',
  'anonymous', 'numerous', 'tremendous', 'enormous', 'gorgeous', 'religious', 'cautious', 'ambitious',
  'suspicious', 'vicious', 'conscious', 'previous', 'nucleus', 'consensus', 'surplus', 'chaos', 'kudos',
  'alias', 'atlas', 'canvas', 'bias', 'yes', 'lens', 'whereas', 'towards', 'afterwards', 'sometimes',
  'overseas', 'ammunition', 'united', 'billings', 'savings', 'earnings', 'proceedings', 'findings',
  'holdings', 'surroundings', 'headquarters', 'tidings', 'belongings', 'weapons',
]);

const VOWEL = /[aeiou]/;

/**
 * Common verbs and nouns whose base form ends in a silent "e": after stripping
 * -ed/-ing we restore the "e" only for these (provid → provide, but visit → visit).
 */
const E_FINAL = new Set(
  ('provide use make take decide hope file sue agree exchange engage explore receive state note violate ' +
    'create produce raise argue believe propose date continue issue pursue source force relate indicate ' +
    'announce accuse refute dismiss criticize criticise emphasize emphasise recognize recognise realize ' +
    'realise organize organise authorize authorise apologize apologise analyze analyse surprise advise ' +
    'promise compromise smuggle settle struggle handle tackle double triple cite invite unite ignore ' +
    'restore store score explore compare declare prepare share care scare dare rule schedule ' +
    'charge urge merge emerge judge pledge acknowledge damage manage encourage arrange change challenge ' +
    'range rage stage wage engage exchange estimate generate investigate negotiate operate separate ' +
    'participate update locate allocate communicate demonstrate illustrate eliminate terminate ' +
    'coordinate cooperate collaborate evaluate escalate accumulate regulate speculate isolate ' +
    'deliberate facilitate debate vote quote cite note devote promote complete delete compete ' +
    'achieve believe relieve receive deceive perceive conceive retrieve solve involve evolve resolve ' +
    'move prove approve improve remove serve observe preserve deserve reserve starve save have live give ' +
    'dive drive arrive survive revive strive leave weave shave behave cause pause abuse refuse confuse ' +
    'excuse accuse amuse use close choose lose pose impose oppose propose suppose expose compose dispose ' +
    'purchase increase decrease release lease cease chase raise praise rise advise revise devise ' +
    'supervise televise practise practice advance balance enhance finance announce pronounce bounce ' +
    'convince reduce introduce produce induce deduce place replace face trace race grace embrace ' +
    'notice service voice juice price slice sacrifice force enforce reinforce divorce pierce commence ' +
    'reference influence evidence experience sentence silence fence dance glance license ' +
    'combine define refine decline incline determine examine imagine mine shine line outline underline ' +
    'dine fine pine sine confine undermine require acquire inquire desire fire hire admire retire tire ' +
    'expire inspire conspire wire aspire ignore implore deplore score bore snore adore ' +
    'cure secure endure procure lure measure pressure treasure capture feature venture structure ' +
    'picture culture manufacture torture lecture nurture rupture fracture puncture figure configure ' +
    'injure censure assure ensure insure disclose enclose glimpse collapse lapse rinse license tease ' +
    'dose hose nose rose pose ease please cease crease grease release ' +
    'bake make take wake shake quake stake rake brake like strike hike spike smoke joke provoke invoke ' +
    'revoke evoke poke stroke broke choke ' +
    'hate rate date gate state create skate plate debate relate inflate dictate rotate donate mandate ' +
    'translate vote note quote wrote devote promote denote mute dispute execute contribute distribute ' +
    'attribute constitute substitute institute pollute salute route compute commute ' +
    'write invite excite recite unite bite cite ignite delete complete compete ' +
    'tape shape scrape escape cope hope rope scope type wipe pipe ' +
    'name blame frame claim same shame tame game become overcome welcome come assume consume resume ' +
    'presume time prime crime ' +
    'trade fade made wade evade invade persuade dissuade grade upgrade downgrade parade blockade crusade ' +
    'decide divide provide guide slide ride hide side reside preside coincide collide override ' +
    'conclude include exclude preclude allude elude delude explode erode code encode decode ' +
    'bribe describe subscribe prescribe ascribe inscribe transcribe probe ' +
    'rifle stifle title pile file smile compile reconcile tackle tickle trickle settle battle rattle ' +
    'bottle cycle recycle circle handle bundle kindle dwindle struggle juggle smuggle single mingle ' +
    'tangle angle dangle jungle couple double trouble bubble stumble tumble crumble resemble assemble ' +
    'scramble gamble sample trample enable disable table cable label ' +
    'argue continue issue pursue rescue value devalue queue sue glue tissue ' +
    'lie die tie vie ' +
    'breathe bathe soothe loathe clothe deplete characterize characterise denounce renounce castigate chastise excoriate ' +
    'lambaste shelve resupply undertake').split(/\s+/),
);

function restoreE(stem: string): string {
  return E_FINAL.has(stem + 'e') ? stem + 'e' : stem;
}

function undouble(stem: string): string {
  // planned → plan, committed → commit; keep real doubles (called, pressed, added).
  if (/([bdgmnprt])\1$/.test(stem) && stem.length > 4 && !E_FINAL.has(stem + 'e')) return stem.slice(0, -1);
  return stem;
}

function stripEd(w: string): string {
  const stem = w.slice(0, -2);
  if (E_FINAL.has(w.slice(0, -1))) return w.slice(0, -1);
  return restoreE(undouble(stem));
}

function stripIng(w: string): string {
  const stem = w.slice(0, -3);
  return restoreE(undouble(stem));
}

/** Light rule-based lemma of a lower-case word (verbs and plural nouns). */
export function lemma(word: string): string {
  const w = word.toLowerCase().replace(/[’‘]/g, "'");
  if (IRREGULAR[w]) return IRREGULAR[w];
  if (KEEP.has(w) || w.length < 3 || !/^[a-z][a-z'-]*$/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) return w.slice(0, -3) + 'y';
  if (w.endsWith('ied') && w.length > 4) return w.slice(0, -3) + 'y';
  if (w.endsWith('ing') && w.length >= 5 && VOWEL.test(w.slice(0, -3))) return stripIng(w);
  if (w.endsWith('ed') && w.length >= 4 && VOWEL.test(w.slice(0, -2))) return stripEd(w);
  if (/(?:ss|us|is)$/.test(w)) return w;
  if (/(?:ches|shes|sses|xes|zes)$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !w.endsWith("'s")) return w.slice(0, -1);
  return w;
}

/**
 * Synonym groups → concept id. Granularity: coarse enough that two outlets
 * wording the same event differently land on the same concept, fine enough to
 * keep "supply" apart from "acquire" (direction matters) and "meet".
 */
const CONCEPT_GROUPS: Record<string, string[]> = {
  // Transfer verbs and their nominalisations (giver → receiver).
  supply: ['supply', 'ship', 'shipment', 'send', 'deliver', 'delivery', 'provide', 'provision', 'transfer',
    'export', 'sell', 'sale', 'give', 'furnish', 'arm', 'equip', 'funnel', 'smuggle', 'load', 'aid',
    'contribution', 'contribute', 'shipping', 'supplier', 'exporter', 'seller', 'source', 'restock',
    'handover', 'feed', 'dispatch', 'flow', 'pour', 'transport', 'consignment', 'resupply', 'rearm'],
  // Acquisition verbs (receiver ← giver): the converse of supply.
  acquire: ['acquire', 'acquisition', 'buy', 'purchase', 'procure', 'procurement', 'obtain', 'import',
    'receive', 'receipt', 'get', 'secure', 'buyer', 'importer', 'purchaser', 'recipient', 'gain'],
  // Seeking: wanting or trying to get, not (yet) getting.
  seek: ['seek', 'pursue', 'pursuit', 'try', 'attempt', 'want', 'look', 'search', 'request', 'hunt', 'bid',
    'court', 'solicit', 'quest'],
  weapon: ['weapon', 'weapons', 'weaponry', 'arms', 'arm', 'munition', 'ammunition', 'ammo', 'shell', 'missile',
    'rocket', 'artillery', 'launcher', 'drone', 'uav', 'bomb', 'bomber', 'warhead', 'gun', 'rifle',
    'grenade', 'mortar', 'tank', 'equipment', 'materiel', 'hardware', 'armament', 'ordnance', 'jet',
    'aircraft', 'vehicle', 'military', 'round', 'arsenal', 'howitzer', 'projectile', 'icbm', 'firearm'],
  meet: ['meet', 'meeting', 'visit', 'revisit', 'summit', 'trip', 'tour', 'host', 'travel', 'encounter',
    'journey', 'fly', 'arrive', 'confer', 'sit-down'],
  deny: ['deny', 'denial', 'refute', 'reject', 'dismiss', 'rebut', 'repudiate', 'contest', 'dispute'],
  accuse: ['accuse', 'accusation', 'allege', 'allegation', 'claim', 'charge', 'blame', 'suspect', 'suspicion'],
  condemn: ['condemn', 'condemnation', 'criticize', 'criticise', 'criticism', 'denounce', 'censure', 'slam',
    'decry', 'rebuke', 'deplore', 'lambast', 'castigate', 'assail', 'chastise', 'berate', 'excoriate', 'admonish'],
  say: ['say', 'state', 'statement', 'tell', 'announce', 'announcement', 'reveal', 'disclose', 'note', 'add',
    'remark', 'declare', 'report', 'inform', 'mention', 'emphasize', 'emphasise', 'stress', 'explain',
    'confirm', 'acknowledge', 'assert', 'insist', 'argue', 'write', 'unveil', 'clarify', 'comment',
    'describe', 'brand', 'dub', 'characterise', 'characterize'],
  attack: ['attack', 'strike', 'bomb', 'shell', 'target', 'hit', 'invade', 'invasion', 'assault', 'kill',
    'raid', 'offensive', 'counteroffensive'],
  launch: ['launch', 'fire', 'detonate', 'deploy', 'salvo', 'test-fire', 'liftoff'],
  test: ['test'],
  // Carrying an event out.
  conduct: ['conduct', 'carry', 'stage', 'perform', 'undertake'],
  agree: ['agree', 'agreement', 'deal', 'pact', 'treaty', 'accord', 'negotiate', 'negotiation', 'talk', 'discussion',
    'discuss', 'arrangement'],
  cooperate: ['alliance', 'partnership', 'cooperation', 'cooperate', 'collaboration', 'collaborate', 'pledge', 'commit',
    'commitment', 'tie', 'relationship', 'ally'],
  sanction: ['sanction', 'embargo', 'ban', 'restriction', 'restrict', 'blacklist', 'penalty', 'penalize', 'fine'],
  violate: ['violate', 'violation', 'breach', 'break', 'contravene', 'flout', 'evade', 'circumvent', 'defy',
    'defiance', 'infringe', 'infringement', 'contravention'],
  // Stopping an activity.
  cease: ['cease', 'halt', 'stop', 'suspend', 'suspension', 'end', 'freeze', 'abandon', 'quit', 'terminate',
    'pause', 'scrap', 'cancel', 'abort', 'discontinue'],
  urge: ['urge', 'call', 'demand', 'press', 'ask', 'appeal', 'warn', 'warning'],
  shortage: ['shortage', 'deplete', 'depletion', 'shortfall', 'lack', 'scarcity', 'run', 'exhaust', 'short',
    'dwindle', 'scarce', 'drain'],
  drill: ['drill', 'exercise', 'maneuver', 'manoeuvre', 'wargame', 'war-game', 'rehearsal'],
  leak: ['leak', 'breach', 'expose', 'exposure', 'hack', 'compromise', 'steal', 'theft', 'exfiltrate'],
  investigate: ['investigate', 'investigation', 'probe', 'inquiry', 'inspect', 'audit', 'review'],
  letter: ['letter', 'message', 'correspondence'],
  exchange: ['exchange', 'swap', 'trade'],
  war: ['war', 'conflict', 'warfare', 'fighting', 'hostility'],
  desperate: ['desperate', 'desperation', 'weakness', 'weak'],
  nuclear: ['nuclear', 'atomic'],
  container: ['container', 'crate', 'railcar', 'shipment'],
  technology: ['technology', 'tech', 'know-how', 'expertise'],
  help: ['assist', 'assistance', 'help', 'support', 'backing', 'back', 'bolster', 'prop'],
  trial: ['trial', 'study', 'experiment'],
  effective: ['effective', 'efficacy', 'effectiveness', 'work', 'benefit', 'improve', 'improvement'],
  harm: ['harm', 'side-effect', 'adverse', 'risk', 'death', 'injury', 'complication', 'toxicity'],
  approve: ['approve', 'approval', 'authorize', 'authorise', 'license', 'clear', 'greenlight'],
  fund: ['fund', 'funding', 'finance', 'financing', 'pay', 'payment', 'money', 'dollar', 'billion', 'million'],
  customer: ['customer', 'user', 'client', 'subscriber', 'account', 'patient'],
  record: ['record', 'file', 'database', 'datum', 'data', 'information', 'detail'],
};

/**
 * Concepts that are a predicate rather than what it is about: a claim such as
 * "X supplies weapons to Y" has the predicate "supply" and the object
 * "weapon", and a sentence that only shares the predicate ("shipped ginseng")
 * is about another object.
 */
export const PREDICATE_CONCEPTS: ReadonlySet<string> = new Set(['supply', 'acquire', 'seek', 'launch', 'test', 'conduct',
  'agree', 'exchange', 'sanction', 'violate', 'cease', 'shortage', 'leak', 'investigate', 'approve', 'help', 'attack',
  'meet', 'deny', 'accuse', 'condemn', 'say', 'urge', 'cooperate']);

/**
 * Generic object words: "supplies", "materials", "goods", "help" name no
 * particular object, so they neither confirm nor contradict a claim's object.
 */
export const GENERIC_OBJECTS: readonly string[] = ('material good item cargo product stuff thing quantity amount ' +
  'volume batch load stock stockpile consignment shipment delivery package asset resource aid assistance help support ' +
  'backing kind variety type lot large huge vast significant substantial massive more additional extra further ' +
  'big bigger new fresh further various several many much other million thousand hundred dozen').split(/\s+/);

/**
 * Two-word phrases whose meaning is not their words' ("sit down with" is a
 * meeting, "short of" a shortage): first lemma → second lemma → concept.
 */
const PHRASE_GROUPS: [string, string, string][] = [
  ['sit', 'down', 'meet'], ['short', 'of', 'shortage'], ['run', 'low', 'shortage'], ['run', 'out', 'shortage'],
  ['run', 'short', 'shortage'], ['burn', 'through', 'shortage'], ['take', 'delivery', 'acquire'],
  ['take', 'receipt', 'acquire'], ['take', 'possession', 'acquire'], ['carry', 'out', 'conduct'],
  ['turn', 'to', 'seek'], ['look', 'to', 'seek'], ['look', 'for', 'seek'], ['ask', 'for', 'seek'],
  ['hand', 'over', 'supply'], ['pass', 'on', 'supply'], ['put', 'an', 'cease'], ['call', 'off', 'cease'],
  ['wind', 'down', 'cease'],
];
const PHRASES = new Map<string, Map<string, string>>();
for (const [a, b, c] of PHRASE_GROUPS) {
  let m = PHRASES.get(a);
  if (!m) PHRASES.set(a, (m = new Map()));
  m.set(b, c);
}

/** True when `lem` can start a two-word phrase (cheap pre-test for phraseConcept). */
export function startsPhrase(lem: string): boolean {
  return PHRASES.has(lem);
}

/** Concept of the two-word phrase `first second` (lemmas or words), or null. */
export function phraseConcept(first: string, second: string): string | null {
  return PHRASES.get(lemma(first))?.get(second) ?? PHRASES.get(lemma(first))?.get(lemma(second)) ?? null;
}

/**
 * Desire/attempt cues: a transfer under one of them ("trying to procure",
 * "hopes to obtain", "asked X for") is wanted, not done. 1 = a cue by itself,
 * 2 = a cue only with a later "for" ("asked North Korea for shells", "turned to
 * Pyongyang for ammunition"; "asked Russia to send" is a request of another kind).
 */
const INTENT_CUES: ReadonlyMap<string, number> = new Map([
  ...'seek try attempt want hope plan intend aim wish request court solicit pursue pursuit hunt search bid desire eager keen scramble lobby desperate endeavour endeavor explore'
    .split(' ').map((w): [string, number] => [w, 1]),
  ...'ask turn look appeal approach'.split(' ').map((w): [string, number] => [w, 2]),
]);

/** Intent cue kind of a lemma (see INTENT_CUES): 0 none, 1 cue, 2 cue with a later "for". */
export function intentCue(lem: string): number {
  return INTENT_CUES.get(lem) ?? 0;
}

/**
 * Event predicates that make a sentence about another event: a sentence that
 * fires a (North Korean-made) missile and never uses a claim's own predicate
 * does not state a supply of missiles.
 */
export const EVENT_CONCEPTS: readonly string[] = ['launch', 'attack', 'test', 'meet', 'conduct', 'sanction', 'cease'];

/** Concepts whose words state that something changed hands (either direction). */
export const TRANSFER_CONCEPTS: ReadonlySet<string> = new Set(['supply', 'acquire']);

/**
 * Is the transfer of `text` only wanted or tried? A cue, and every transfer
 * word within reach of one (four words after a cue, three after an
 * "ask"/"turn"/"look" cue). The matcher runs the same rule on page tokens.
 */
export function intentFramed(text: string): boolean {
  const words = text.toLowerCase().match(/[a-z][a-z'’-]*/g) ?? [];
  let cue = -100;
  let cue2 = -100;
  let seen = false;
  let stated = false;
  words.forEach((w, i) => {
    const ic = intentCue(lemma(w));
    if (ic === 1) {
      cue = i;
      seen = true;
    } else if (ic === 2) {
      if (words[i - 1] !== 'in') cue2 = i;
    } else if (i - cue2 <= 6 && w === 'for') seen = true;
    if (STOPWORDS.has(w) || !TRANSFER_CONCEPTS.has(concept(lemma(w)))) return;
    if (i - cue <= 4) return;
    if (i - cue2 <= 3 && words[cue2 + 1] === 'to') seen = true;
    else stated = true;
  });
  return seen && !stated;
}

const CONCEPT_OF = new Map<string, string>();
for (const [id, words] of Object.entries(CONCEPT_GROUPS)) {
  for (const w of words) if (!CONCEPT_OF.has(w)) CONCEPT_OF.set(w, id);
}

/** Concept id of a lemma; the lemma itself when it belongs to no group. */
export function concept(lem: string): string {
  const c = CONCEPT_OF.get(lem) ?? CONCEPT_OF.get(lemma(lem));
  if (c !== undefined) return c;
  // Hyphenated compound outside the groups: its head word's concept ("test-fired" fires, "North Korean-made" is made).
  const dash = lem.lastIndexOf('-');
  if (dash > 0 && dash < lem.length - 2) {
    const head = lem.slice(dash + 1);
    const h = CONCEPT_OF.get(head) ?? CONCEPT_OF.get(lemma(head));
    if (h !== undefined) return h;
  }
  return lem;
}

/** True when `name` is the id of a synonym group (a concept, not a bare lemma). */
export function isConceptGroup(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(CONCEPT_GROUPS, name);
}

/** True when the lemma belongs to a synonym group. */
export function hasConcept(lem: string): boolean {
  return CONCEPT_OF.has(lem) || CONCEPT_OF.has(lemma(lem));
}

export const STOPWORDS: ReadonlySet<string> = new Set(
  ('a about above after again against all almost also although am among an and another any are as at be because been before being ' +
    'below between both but by can could did do does doing down during each either else even ever every few for from further had has ' +
    'have having he her here hers herself him himself his how however i if in into is it its itself just least less like many may me ' +
    'might more most much must my myself neither no nor not now of off often on once one only or other others our ours ourselves out ' +
    'over own per perhaps quite rather same she should since so some such than that the their theirs them themselves then there ' +
    'these they this those though through thus to too under until up upon us very was we were what whatever when where whether which ' +
    'while who whom whose why will with within without would yet you your yours yourself yourselves according amid amidst despite ' +
    'onto toward towards via whereas whilst s t also already still recently reportedly currently further additional several various ' +
    'said says say new including include includes included around across along behind beyond besides inside outside throughout')
    .split(/\s+/),
);
