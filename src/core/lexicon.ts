// Generic English word lists the judge relies on. Rules are data: nothing here is about any
// particular article; these are closed-class words and common news vocabulary.

const words = (s: string): Set<string> => new Set(s.trim().split(/\s+/));

export const STOPWORDS = words(`
a an the and or but nor so yet of to in on at by for from with without within into onto about as than then
that this these those there here it its it's is are was were be been being am do does did done have has had
having will would shall should can could may might must i you he she we they them him her his hers their theirs
our ours your yours me us my mine who whom whose which what when where why how not no also such both either
neither each every all any some most more less very just only even still already now currently up down out over
under again further once if while because although though until unless whether upon via per amid among around
its' s t said says say according one ones
`);

/** Words that carry little of a statement's meaning on their own. */
export const LIGHT_WORDS = words(`
make makes made making take takes took taken get gets got give gives gave given go goes went gone come comes came
use uses used using put puts set sets hold holds held keep keeps kept let lets
`);

// Verbs of not doing count as negations: "failed to sign" says the signing did not happen.
export const NEGATIONS = words(`not no never none nobody nothing neither nor without n't cannot refused refuses declined denies denied failed fails`);

/** Hedges: the source says something may be so, not that it is. */
export const HEDGES = words(`
may might could whether possibly potentially possibility possible perhaps likely unlikely reportedly allegedly considering
consider considers mulling weighing would-be expected expects expect
`);

/** Words that assert something as settled fact or already done. */
export const CERTAINTY = words(`already definitely certainly confirmed officially finally has have will decided approved agreed`);

/** Verbs that introduce what someone said, believes or did as speech. */
export const SPEECH_VERBS = words(`
said says say warned warns warn urged urges urge indicated indicates indicate believes believe believed stated
states state told tells argued argues argue claimed claims claim emphasized emphasised emphasizes emphasises stressed
stresses announced announces added adds noted notes insisted insists suggested suggests suggest hinted hints
explained explains wrote writes lobbying lobbied lobbies lobby urging warning saying believing pushed pushing pushes
pressed pressing cautioned cautions predicted predicts promised promises vowed vows acknowledged admitted
`);

/** Words that bound a number or a date ("more than", "fewer than", "before", "nearly"). */
export const COMPARATORS = words(`
more less fewer over under above below before after since until till by prior earlier later greater higher lower
larger smaller nearly almost about around approximately roughly some least most exceeding exceeded upwards excess
surpassed surpassing topped short close estimated circa approx maximum minimum than following from starting beginning
`);

/** Title heads of offices; the words around them in a capitalised phrase form the office. */
export const TITLE_HEADS = words(`
President Minister Secretary Chancellor King Queen Prince Princess Governor Mayor Senator Representative Director
Chief Ambassador General Commissioner CEO Chairman Chairwoman Chair Chairperson Spokesperson Spokesman Spokeswoman
Judge Justice Pope Premier Leader Speaker Officer Coach Manager Captain Admiral Colonel Commander Councillor
Councilor Treasurer Attorney Envoy Head Dean Rector Provost Bishop Archbishop Sheriff Inspector Superintendent
Professor Editor Founder Engineer Auditor Registrar Lieutenant Major Sergeant Marshal Mp MEP Congressman Congresswoman
`);

/** Words that make a capitalised phrase an organisation. */
export const ORG_WORDS = words(`
Times Post News Journal Herald Guardian Telegraph Tribune Gazette Press Agency Agencies Company Corporation Corp Inc Ltd
LLC Group Council Ministry Department Committee Commission Court University College Institute Party Union
Association Organisation Organization Bank Fund Board Authority Office Service Services Foundation Network Reuters
Parliament Congress Senate Assembly Federation Alliance Coalition Club Society League Firm Partners Holdings
Industries Airlines Systems Labs Laboratories School Hospital Police Army Navy
`);

/** Words that name a building or room rather than a town or country. */
export const FACILITY_WORDS = words(`
Office House Room Hall Building Center Centre Hotel Palace Embassy Castle Tower Square Street Road Avenue Airport
Station Base Garden Gardens Chamber Stadium Arena Park Bridge Library Museum
`);

export const WEEKDAYS = words(`monday tuesday wednesday thursday friday saturday sunday`);
export const MONTHS = words(`january february march april may june july august september october november december`);
export const RELATIVE_TIMES = words(`today yesterday tomorrow tonight weekend week month year morning afternoon evening night`);

export const LOCATIVE_PREPOSITIONS = words(`in at to from within into near inside outside across toward towards visit visited`);

/** Capitalised words that start sentences but name nothing. */
export const FUNCTION_CAPITALS = words(`
The A An This That These Those However But And Or So Yet In On At By For From With Without During After Before
While When Where Why How What Which Who Whom Whose According Meanwhile Although Though If Unless Since As It Its
He She They We I His Her Their Our Your My There Here Both Each Every All Some Many Most Several Other Such Not
No Yes Also Still Even Only Then Thus Therefore Moreover Furthermore Instead Despite Amid Under Over Following
Sources Source Read More Update Updated Photo Image Video Last Next First Second Third New Mr Mrs Ms Dr
`);

/** Abbreviations after which a full stop does not end a sentence. */
export const ABBREVIATIONS = words(`
mr mrs ms dr prof st sen rep gov gen col lt sgt capt cmdr adm jr sr inc ltd co corp vs etc no vol approx fig
jan feb mar apr jun jul aug sep sept oct nov dec mt ft pt dept est al e.g i.e a.m p.m
`);

/** Groups of words that say the same thing in news prose. The first is the group's name. */
export const SYNONYM_GROUPS: string[][] = [
  ['allow', 'let', 'permit', 'authorise', 'authorize', 'enable', 'greenlight', 'clear', 'approve', 'sanction',
    'permission', 'approval', 'authorisation', 'authorization', 'consent', 'clearance', 'go-ahead'],
  ['urge', 'push', 'press', 'lobby', 'call', 'appeal', 'ask', 'pressure', 'campaign', 'implore'],
  ['say', 'state', 'tell', 'declare', 'remark', 'comment', 'note', 'mention', 'add'],
  ['stress', 'emphasise', 'emphasize', 'underline', 'underscore', 'insist', 'highlight'],
  ['indicate', 'signal', 'suggest', 'hint', 'imply'],
  ['warn', 'caution', 'alert'],
  ['believe', 'think', 'argue', 'contend', 'hold', 'consider', 'reckon', 'feel'],
  ['talk', 'discussion', 'discuss', 'negotiation', 'meeting', 'conversation', 'dialogue', 'summit', 'meet'],
  ['weapon', 'missile', 'arm', 'munition', 'rocket', 'armament', 'weaponry'],
  ['use', 'deploy', 'employ', 'fire', 'launch', 'utilise', 'utilize'],
  ['strike', 'hit', 'attack', 'target', 'bomb', 'shell'],
  ['leader', 'president', 'head', 'premier', 'chief'],
  ['ally', 'partner', 'backer', 'supporter'],
  ['country', 'nation', 'state'],
  ['visit', 'trip', 'journey', 'mission', 'tour', 'travel', 'go'],
  ['cover', 'encompass', 'include', 'span', 'address', 'involve'],
  ['extend', 'go', 'run', 'continue', 'last', 'stretch', 'drag'],
  ['beyond', 'past', 'after'],
  ['escalate', 'intensify', 'inflame', 'worsen', 'heighten'],
  ['alter', 'change', 'transform', 'modify', 'shift'],
  ['nature', 'character'],
  ['reduce', 'cut', 'lower', 'decrease', 'diminish', 'curb', 'limit', 'weaken', 'degrade', 'lessen'],
  ['increase', 'raise', 'boost', 'grow', 'rise', 'expand', 'enlarge'],
  ['support', 'back', 'help', 'aid', 'assist', 'bolster'],
  ['conflict', 'war', 'fighting', 'hostility', 'confrontation'],
  ['official', 'officer', 'authority', 'administrator'],
  ['big', 'large', 'major', 'huge', 'vast', 'significant', 'substantial'],
  ['small', 'little', 'minor', 'slight'],
  ['broad', 'wide', 'wider', 'broader', 'general', 'overall', 'comprehensive'],
  ['decision', 'ruling', 'verdict', 'determination', 'choice'],
  ['commitment', 'pledge', 'promise', 'guarantee', 'undertaking', 'commit', 'vow'],
  ['supply', 'provide', 'give', 'deliver', 'furnish', 'send', 'ship', 'supplier', 'provider'],
  ['produce', 'make', 'manufacture', 'build', 'construct', 'create'],
  ['capability', 'capacity', 'ability', 'power'],
  ['attack', 'assault', 'offensive', 'raid'],
  ['territory', 'land', 'soil', 'ground'],
  ['begin', 'start', 'commence', 'launch', 'open'],
  ['end', 'finish', 'conclude', 'close', 'stop'],
  ['buy', 'purchase', 'acquire'],
  ['sell', 'vend'],
  ['win', 'gain', 'secure', 'earn', 'obtain'],
  ['die', 'kill', 'death', 'dead', 'fatality', 'deceased'],
  ['rate', 'score', 'rating'],
  ['film', 'movie', 'picture'],
  ['song', 'single', 'track'],
  ['job', 'role', 'post', 'position'],
  ['repair', 'fix', 'restore', 'refurbish', 'renovate', 'renovation', 'restoration', 'refurbishment'],
  ['vote', 'ballot', 'poll'],
  ['cost', 'price', 'expense', 'fee', 'budget', 'spend', 'spending'],
  ['plan', 'proposal', 'scheme', 'programme', 'program'],
  ['city', 'town', 'municipal', 'municipality'],
  ['close', 'shut', 'closure', 'shutdown'],
  ['delay', 'postpone', 'defer', 'push back'],
  ['expert', 'specialist', 'analyst'],
  ['resident', 'citizen', 'inhabitant', 'local'],
  ['announce', 'unveil', 'reveal', 'disclose'],
  ['report', 'article', 'story'],
  ['currently', 'now', 'presently'],
  ['immediate', 'instant', 'prompt', 'quick', 'swift'],
  ['worldwide', 'globally', 'global', 'internationally', 'world-wide', 'world'],
  ['gross', 'earn', 'revenue', 'takings', 'box-office'],
  ['critic', 'reviewer', 'review'],
  ['case', 'infection', 'infected'],
  ['recover', 'recovery', 'cure', 'recovered'],
  ['release', 'publish', 'issue', 'premiere', 'debut'],
  ['receive', 'get', 'obtain', 'garner', 'attract'],
  ['found', 'establish', 'form', 'set up', 'co-found'],
  ['locate', 'situate', 'base', 'headquarter'],
  ['portray', 'play', 'voice', 'star', 'depict'],
  ['sign', 'join', 'recruit'],
  ['popular', 'famous', 'well-known', 'renowned', 'notable', 'acclaimed'],
  ['compete', 'participate', 'play', 'take part'],
  ['total', 'overall', 'combined', 'cumulative'],
  ['confirm', 'verify', 'record', 'register', 'report'],
  ['elect', 'vote in', 'choose'],
  ['marry', 'wed', 'married', 'wedding'],
  ['child', 'kid', 'offspring'],
  ['begin', 'start', 'commence', 'launch', 'open', 'debut'],
];

/** Pairs whose members contradict each other when said of the same thing. */
export const ANTONYM_PAIRS: [string, string][] = [
  ['increase', 'decrease'], ['rise', 'fall'], ['raise', 'lower'], ['grow', 'shrink'], ['gain', 'lose'],
  ['win', 'lose'], ['won', 'lost'], ['more', 'less'], ['more', 'fewer'], ['higher', 'lower'], ['above', 'below'],
  ['before', 'after'], ['earlier', 'later'], ['first', 'last'], ['start', 'end'], ['open', 'close'],
  ['allow', 'forbid'], ['allow', 'ban'], ['allow', 'prohibit'], ['permit', 'prohibit'], ['approve', 'reject'],
  ['accept', 'reject'], ['accept', 'refuse'], ['agree', 'disagree'], ['support', 'oppose'], ['endorse', 'oppose'],
  ['praise', 'criticise'], ['praise', 'criticize'], ['praise', 'condemn'],
  ['broad', 'narrow'], ['wide', 'narrow'], ['public', 'private'],
  ['male', 'female'], ['alive', 'dead'], ['born', 'died'], ['success', 'failure'], ['succeed', 'fail'],
  ['positive', 'negative'], ['legal', 'illegal'], ['largest', 'smallest'], ['biggest', 'smallest'],
  ['highest', 'lowest'], ['best', 'worst'], ['most', 'least'], ['maximum', 'minimum'], ['majority', 'minority'],
  ['inside', 'outside'], ['import', 'export'], ['buy', 'sell'], ['north', 'south'], ['east', 'west'],
  ['domestic', 'foreign'], ['ally', 'enemy'], ['friend', 'enemy'], ['peace', 'war'], ['rise', 'decline'],
  ['strengthen', 'weaken'], ['escalate', 'de-escalate'], ['reduce', 'increase'], ['improve', 'worsen'],
  ['older', 'younger'], ['oldest', 'youngest'], ['early', 'late'], ['long', 'short'], ['full', 'empty'],
  ['confirm', 'deny'], ['include', 'exclude'], ['join', 'leave'], ['hire', 'fire'], ['appoint', 'dismiss'],
  ['remain', 'leave'], ['continue', 'stop'], ['profit', 'loss'], ['cheap', 'expensive'], ['true', 'false'],
];

/** Verbs of taking a stance for or against something: a flip between the two is a contradiction. */
export const STANCE_FOR = words(`endorse endorsed endorses back backed backs support supported supports approve approved approves welcome welcomed welcomes praise praised praises favour favor favoured favored favours favors agree agreed agrees embrace embraced embraces accept accepted accepts champion championed urge urged urges`);
export const STANCE_AGAINST = words(`warn warned warns oppose opposed opposes reject rejected rejects criticise criticised criticises criticize criticized criticizes condemn condemned condemns object objected objects refuse refused refuses resist resisted resists veto vetoed vetoes deny denied denies block blocked blocks`);

/** Word forms whose stem is an antonym's but whose sense is not ("a critical moment", "the critics"). */
export const ANTONYM_FALSE_FRIENDS = words(`critic critics critical critically`);

/** Words that mark the second of two things as the one not meant ("X rather than Y"). */
export const CONTRAST_MARKERS = ['rather than', 'instead of', 'as opposed to', 'not'];

/** Words that name a nationality or side without being a country name. */
export const NATIONALITY_SUFFIX = /(?:an|ian|ean|ish|ese|ic|i|ch|ern)$/;


/**
 * Closed sets of mutually exclusive values: saying one where the source says another is a clash.
 * Words joined by "/" are one value ("positive" and "favourable" reviews agree).
 */
export const EXCLUSIVE_SETS: string[][] = [
  ['positive/favorable/favourable', 'negative/unfavorable/unfavourable', 'mixed'],
  ['northern', 'southern', 'eastern', 'western', 'central'],
  ['male', 'female'],
  ['gold', 'silver', 'bronze'],
  ['winner', 'runner-up', 'loser'],
];
