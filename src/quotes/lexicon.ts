/**
 * General English vocabulary the attribution rules lean on: how news copy introduces speech,
 * names offices, and opens clauses. These are word classes of the language, not facts about any
 * article: no person, organisation or alias is listed here, and none may be. Everything about who
 * is who is learned from the corpus text (see entities.ts).
 */

function set(words: string): ReadonlySet<string> {
  return new Set(words.split(/\s+/).filter(Boolean));
}

/**
 * Verbs that report speech or writing, in the forms news uses. A quote next to one of these, with
 * a subject, is attributed to that subject.
 */
export const SPEECH_VERBS = set(`
  say says said saying tell tells told telling add adds added adding stress stresses stressed stressing
  recall recalls recalled recalling explain explains explained explaining write writes wrote writing
  tweet tweets tweeted tweeting post posts posted state states stated stating note notes noted noting
  insist insists insisted argue argues argued ask asks asked answer answers answered reply replies
  replied continue continues continued warn warns warned warning claim claims claimed declare declares
  declared announce announces announced suggest suggests suggested urge urges urged advise advises
  advised comment comments commented remark remarks remarked observe observes observed acknowledge
  acknowledges acknowledged admit admits admitted emphasize emphasizes emphasized emphasise emphasises
  emphasised underline underlines underlined underscore underscores underscored conclude concludes
  concluded counter counters countered concede concedes conceded confirm confirms confirmed promise
  promises promised vow vows vowed predict predicts predicted boast boasts boasted complain complains
  complained joke jokes joked quip quips quipped caution cautions cautioned maintain maintains maintained
  reiterate reiterates reiterated repeat repeats repeated respond responds responded shout shouts
  shouted exclaim exclaims exclaimed allege alleges alleged assure assures assured insisting
  reported reports report mention mentions mentioned describe describes described call calls called
  cite cites cited quote quotes quoted read reads
  fume fumes fumed rage rages raged lament laments lamented muse muses mused sigh sighs sighed
  enthuse enthuses enthused gush gushes gushed retort retorts retorted recount recounts recounted
  whisper whispers whispered groan groans groaned moan moans moaned snap snaps snapped
  posting arguing asking answering replying claiming declaring announcing suggesting urging
  commenting acknowledging admitting conceding confirming promising vowing complaining
  cautioning reiterating responding retorting
`);

/**
 * Verbs that carry someone's view or message without being verbs of saying; they introduce partial
 * quotes ("expressed confidence that ... 'really help'") and make their subject a speaker for the
 * purpose of resolving a later "he said".
 */
export const MESSAGE_VERBS = set(`
  express expresses expressed expressing detail details detailed detailing congratulate congratulates
  congratulated congratulating wish wishes wished hope hopes hoped believe believes believed think
  thinks thought slam slams slammed blast blasts blasted criticize criticizes criticized criticise
  criticises criticised praise praises praised thank thanks thanked welcome welcomes welcomed
  accuse accuses accused deny denies denied dismiss dismisses dismissed reject rejects rejected
  pledge pledges pledged demand demands demanded describe describing calling insists
`);

/** Verbs after which a named object, not the subject, is the speaker: "the Kremlin cited Putin as saying". */
export const CITING_VERBS = set(`cite cites cited quote quotes quoted`);

/**
 * Nouns that head an office or a role. A name right after one of these ("Kremlin spokesman Dmitry
 * Peskov", "Prime Minister Boris Johnson") carries that role; a role alone ("the spokesman") is
 * resolved to the nearest person who has held it in the article.
 */
export const TITLE_WORDS = set(`
  president president-elect vice-president minister premier chancellor spokesman spokeswoman
  spokesperson secretary senator congressman congresswoman representative governor mayor leader chief
  head director chairman chairwoman chair ambassador envoy official adviser advisor aide king queen
  prince princess emperor pope judge justice general admiral commander colonel captain sergeant
  lieutenant officer lawyer attorney candidate nominee founder ceo executive analyst expert professor
  economist journalist reporter correspondent editor activist politician lawmaker legislator diplomat
  critic dissident opponent rival challenger incumbent democrat republican speaker manager coach
  commissioner inspector prosecutor deputy counsel mr mrs ms miss dr sir dame lord lady sheikh emir
  prime chief-of-staff negotiator strategist pollster researcher scientist author writer owner
  president's premier's mp mep msp councillor councilor alderman sheriff superintendent constable
  bishop archbishop cardinal rabbi imam pastor vicar reverend dean provost principal headteacher
  headmaster headmistress engineer surveyor geologist architect marshal detective trooper ranger
  warden coroner firefighter paramedic resident neighbour neighbor witness student teacher nurse
  doctor farmer shopkeeper worker volunteer survivor passenger driver pilot voter parent
  gov sen rep gen prof lt col capt sgt rev hon maj det supt insp cllr
  player striker defender midfielder goalkeeper winger batsman bowler referee umpire
`);

/**
 * Nouns for a person that are no office ("the 48-year-old" is matched by shape): after "the", in a
 * clause of speech, they rename the person the text has just been about.
 */
export const PERSON_NOUNS = set(`
  man woman boy girl father mother son daughter husband wife brother sister grandfather grandmother
  teenager youngster veteran athlete champion singer actor actress musician novelist entrepreneur
  businessman businesswoman billionaire
`);

/** Honorifics that also tell a person's gender. */
export const MASCULINE_TITLES = set(`mr sir lord king prince spokesman chairman congressman emperor`);
export const FEMININE_TITLES = set(`mrs ms miss dame lady queen princess spokeswoman chairwoman congresswoman`);

/** Lower-case words that qualify an office in front of its title word ("opposition leader", "former president"). */
export const ROLE_MODIFIERS = set(`
  former outgoing incoming incumbent opposition foreign deputy vice press chief top senior acting then
  state defence defense interior finance trade health justice economy economic security national
  federal regional local party government presidential prime assistant associate general special
  first second senior junior new longtime long-time veteran elected de-facto interim
`);

/** Nouns that head an organisation named in lower case ("the Russian government", "the ministry"). */
export const ORG_NOUNS = set(`
  government ministry department agency office committee party campaign company embassy army police
  court council commission administration parliament cabinet military authorities agency's
  group club union institute firm association federation foundation
`);

/** Lower-case words that may stand between a body's proper adjective and its noun ("the Karvanian foreign ministry"). */
export const ORG_QUALIFIERS = set(`foreign defence defense state federal national interior health finance`);

/** Nouns for a communication that can stand in for its author: "Putin's message to Biden was, ...". */
export const MESSAGE_NOUNS = set(`
  message messages statement statements words response reply answer comment comments remarks tweet
  tweets post letter note speech address testimony telegram
`);

/** Words that may sit between a subject and its verb without breaking the clause. */
export const ADVERBS = set(`
  also then later previously has have had was were is are be been being will would could should may
  might can must shall do does did
  reportedly again once repeatedly further immediately quickly finally earlier recently just already
  still himself herself itself themselves not never publicly privately even only first last too
  separately subsequently similarly likewise meanwhile once more however today yesterday since
`);

/** Personal pronouns that can stand for a speaker. */
export const PRONOUNS = set(`he she they it`);

/** Sentence openers that start an introductory phrase or subordinate clause, not the subject. */
export const CLAUSE_OPENERS = set(`
  in on at after before while when whereas although though as if because since during under with from
  by to of for despite until unless once given according compared asked speaking following amid
  among over about without however meanwhile previously earlier later still yet also but and so
  then thus instead nevertheless nonetheless moreover last this next that
`);

/** Words that a subject may be followed by that are not verbs. */
export const NON_VERBS = set(`
  in on at of for from by with to into onto about as and or but nor who whom whose which that than
  the a an this these those his her their its our my your why how what when where whether
`);

/** Particles inside personal names ("Charles de Gaulle", "Ursula von der Leyen"). */
export const NAME_PARTICLES = set(`de da di du del della der den van von ter bin ibn al el la le dos das st`);

/** Suffixes that end a personal name and tell two people apart ("Jr.", "III"). */
export const NAME_SUFFIXES = set(`jr jr. sr sr. ii iii iv`);

/** Words before a quoted string that make it a title or a name, not anybody's statement. */
export const TITLE_INTRODUCERS = set(`
  titled entitled headlined called dubbed named so-called nicknamed branded labelled labeled headline
  slogan hashtag
`);

/**
 * Role words that narrow an office to a different one: an "opposition leader" is no leader of
 * the country, a "former president" no president. A query for a role matches a role with one of
 * these only when the query says it too.
 */
export const NARROWING_MODIFIERS = set(`former ex opposition deputy vice assistant shadow associate`);

/** Head words of one office written several ways; each maps to one spelling for comparison. */
export const ROLE_SPELLINGS: ReadonlyMap<string, string> = new Map([
  ["spokesman", "spokesperson"],
  ["spokeswoman", "spokesperson"],
  ["chairman", "chair"],
  ["chairwoman", "chair"],
  ["chairperson", "chair"],
  ["congressman", "congressperson"],
  ["congresswoman", "congressperson"],
  ["advisor", "adviser"],
  ["councilor", "councillor"],
]);

/** Offices that make their holder a country's (or a state's) "leader". */
export const LEADING_OFFICES = set(`president premier chancellor king queen emir sultan`);

/** Letters after a name that are honours or offices, not part of it ("Martin Hale KC", "Ann Lee MP"). */
export const POST_NOMINALS = set(`kc qc sc mp mep msp obe mbe cbe kbe dbe frs phd`);
