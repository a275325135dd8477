/**
 * Question analysis: what kind of answer a question wants (a reason, a time, people, a number, a
 * person's words...) and which of its words are key (names, nouns: the coverage must contain them)
 * versus filler (frame words and adverbs such as "finally": nice to match, never a reason to refuse).
 * Pure text work: it knows nothing of the corpus.
 */
import { fold, term, words } from "../search/analyzer.js";
import { alternation, phraseAlternation, wordList, wordMap, WORDS } from "../text/lexicon.js";
import { isRoleWord } from "./cues.js";

export type QuestionKind =
  | "reason" // why
  | "time" // when
  | "count" // how many / how much
  | "person" // who did it
  | "definition" // who is X / what is X
  | "speech" // what did X say
  | "place" // where
  | "manner" // how did it happen
  | "yesno" // did / is / has ...
  | "general";

export type WordRole = "key" | "speaker" | "soft";

export interface QuestionWord {
  /** As typed. */
  word: string;
  /** Its index term (analyzer output). */
  term: string;
  /** Capitalised mid-question or an acronym: a name, which the coverage must contain exactly. */
  proper: boolean;
  role: WordRole;
}

export interface Question {
  text: string;
  kind: QuestionKind;
  /** Content words in question order, each once. */
  words: QuestionWord[];
  /**
   * "who is dmitry peskov": the terms after "who is", when they might all be a name the asker
   * typed in lower case (no role, no article); the caller, which knows the coverage, decides.
   */
  copula: string[] | null;
  /** Term of the thing a what-question asks for ("margin" in "what was his margin in Kelby"), or null. */
  focus: string | null;
}

/** Words that introduce what someone said, wrote or thought, as a speech question's verb. */
const SPEECH_VERBS = alternation("speechVerbs.questionWords");

const AUX = alternation("auxiliaries.question");

/** Speech nouns that make "what was X's message" a speech question. */
const SPEECH_NOUNS = alternation("speechNouns.questionWords");
/** The same, with the plurals a bare search for someone's words takes ("navalny tweets"). */
const SPEECH_NOUNS_BARE = alternation("speechNouns.questionBare");

/**
 * Leading phrases that set the kind. Each consumes its words, so that "how many" or "what time"
 * never count as topic words. Order matters: the first match wins.
 */
const KIND_PATTERNS: { kind: QuestionKind; re: RegExp }[] = [
  { kind: "reason", re: /^(?:why|how come|for what reason|what (?:is|was|were|are) the reasons? (?:for|why|that)?|what (?:made|caused|led|prompted))\b/ },
  // A preposition may lead ("on what date", "in which year").
  { kind: "time", re: /^(?:when|since when|until when|how (?:long|soon|quickly|fast|early|late)|(?:(?:on|in|at|by) )?(?:what|which) (?:time|day|date|year|month|weekday))\b/ },
  { kind: "count", re: /^(?:(?:by )?how (?:many|much|high|low|big|large|small|steep|deep)|what (?:number|share|percentage|proportion|amount)(?: of)?)\b/ },
  { kind: "place", re: /^(?:where|in which (?:country|city|state|place)|in what (?:country|city|state|place))\b/ },
];

/** "what is X's job": the person's role, as "who is X" asks (possessive with or without apostrophe). */
const JOB_OF = /^what (?:is|was|are|were) (?:the )?(.+?)(?:'s|s'|')? (job|role|position|title|post|occupation|profession|function)$/;

/**
 * "what's the new interest rate", "what is the inflation target": a value, asked through what it
 * measures. Its words are all topic words (the measure is in the answer: "the 2% target").
 */
const MEASURE_ASKED = /^what (?:is|was|are|were) (?:the |its |their |his |her )?(?:[\p{L}'-]+ ){0,3}(?:rate|target|price|cost|level|total|figure|tally|budget|salary|fee|fine|toll|turnout|score)$/u;

/** "what was his margin in Kelby": the noun a what-question asks for, before a preposition or the end. */
const FOCUS = /^what (?:is|was|are|were) (?:the |a |an )?(?:[\p{L}']+ ){0,3}?([\p{L}']+)(?: (?:in|of|for|on|at|from|with|between|over|after|before|during)\b|$)/u;

/** General English frame and filler words: they shape a question without naming its topic. */
const FILLER = wordList("questions.filler");
const FILLER_TERMS = new Set(FILLER.map((w) => term(w)).filter((t): t is string => t !== null));

function isFiller(word: string, proper: boolean): boolean {
  const t = term(word);
  if (t !== null && FILLER_TERMS.has(t)) return true;
  // Adverbs in -ly ("finally", "officially") qualify a question rather than name its topic. They
  // are an adjective of four letters or more plus -ly; shorter words in -ly ("family", "rally",
  // "supply", "deadly") and a few nouns ("assembly") are topic words.
  return !proper && LY_ADVERB.test(word) && !WORDS.questions.lyNouns.has(word.toLowerCase());
}

const LY_ADVERB = /^\p{Ll}{5,}ly$/u;

export function isNumeral(word: string): boolean {
  return /^\d[\d,.]*$/.test(word);
}

function isProper(word: string, position: number): boolean {
  // A number ("2016", "270") pins the question down as tightly as a name does.
  if (isNumeral(word)) return true;
  if (/^\p{Lu}[\p{Lu}\d.]+$/u.test(word) && word.replace(/\./g, "").length >= 2) return true; // NATO, U.S.
  return position > 0 && /^\p{Lu}/u.test(word);
}

/** Normalised question text for pattern matching: folded, single spaces, no end punctuation. */
function normalise(text: string): string {
  return fold(text)
    .replace(/[^\p{L}\p{N}'\s]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Where a speech question's topic starts ("what did X say about ..."). */
const SPEECH_TOPIC = /\b(?:about|on|regarding|concerning|over)\s/i;

/** Leading courtesy that carries no meaning ("so", "tell me", "can you tell me"). */
const PREAMBLE = /^(?:(?:so|and|but|ok|okay|hey|please)\s+)*(?:(?:can|could) you (?:please )?(?:tell me|explain)\s+|tell me\s+|do you know\s+|i (?:want|would like) to know\s+)?/;

/** Adverbial idioms whose words, taken one by one, would look like topic words. */
const IDIOMS = new RegExp(`\\b(?:${phraseAlternation("adverbialIdioms")})\\b`, "g");

/**
 * Chat spellings of a question word and "is" ("whats", "whos", "hows"), typed without the
 * apostrophe: read as the two words, so the question's kind is seen and "whats" is no topic word.
 */
const CHAT_QUESTION_WORD = /\b(what|who|where|when|how|why)['’]?s\b/gi;

/**
 * "us" in lower case, in a question about news, is mostly the country typed sloppily ("us russia
 * relations", "blames on the us"); after a verb of giving or telling it is the pronoun ("tell us",
 * "let us know"), as after "for" ("what it means for us").
 */
const LOWER_US = /(^|\s)(?<!\b(?:tell|tells|told|give|gives|gave|show|shows|let|lets|help|helps|for)\s)us\b/g;

/** Chat shorthand for everyday words: read as the word itself, not as a weaker synonym. */
const SHORTHAND: ReadonlyMap<string, string> = wordMap("chatShorthand");
const SHORTHAND_WORD = new RegExp(`(?<![\\p{L}'.])(?:${[...SHORTHAND.keys()].join("|")})(?![\\p{L}'.])`, "giu");

/** Negations typed without the apostrophe ("didnt", "wont"): the stop word they stand for. */
const CHAT_NEGATION = new RegExp(`\\b(${alternation("auxiliaries.chatNegation")})nt\\b`, "gi");

function chatForms(q: string): string {
  return q
    .replace(CHAT_NEGATION, "$1n't")
    .replace(CHAT_QUESTION_WORD, "$1 is")
    .replace(LOWER_US, "$1US")
    .replace(SHORTHAND_WORD, (w) => SHORTHAND.get(w.toLowerCase()) ?? w);
}

export function analyzeQuestion(text: string): Question {
  const q = text.trim();
  const read = chatForms(q);
  const tokens = words(read);
  const plain = normalise(read).replace(PREAMBLE, "");
  let kind: QuestionKind = "general";
  let frame = new Set<string>();
  for (const p of KIND_PATTERNS) {
    const m = p.re.exec(plain);
    if (m) {
      kind = p.kind;
      frame = termSet(m[0]);
      break;
    }
  }

  if (kind === "general" && MEASURE_ASKED.test(plain)) kind = "count";

  // Speech: "what did X say (about Y)", "what has X told ...", "what was X's message".
  let speakerPhrase: string | null = null;
  let subject = new Set<string>();
  let copulaSubject: string[] | null = null;
  if (kind === "general") {
    const speech = new RegExp(`^(?:what|how) (?:${AUX}) (.+?) (?:${SPEECH_VERBS})\\b`).exec(plain);
    // "what was Putin's message", typed "whats in putins letter": the possessive may lack its apostrophe.
    const noun = new RegExp(`^what (?:is|was|were|are) (?:in )?(?:the )?(.+?)(?:'s|s'|')? (?:${SPEECH_NOUNS})\\b`).exec(plain);
    // A bare "navalny tweet", "peskov's comments": the speaker's words, asked as a search.
    const bare = new RegExp(`^(?!(?:what|who|which|whose|how|why|when|where|${AUX})\\b)((?:[\\p{L}]+ ){0,2}?[\\p{L}]+?)(?:'s|s'|')? (?:${SPEECH_NOUNS_BARE})$`, "u").exec(plain);
    const m = speech ?? noun ?? bare;
    if (m) {
      kind = "speech";
      speakerPhrase = m[1]!;
    }
  }
  if (kind === "general") {
    if (/^(?:who|whom|whose)\b/.test(plain)) kind = "person";
    else {
      // "which (world) leaders ...": the category names the answer's type, so it is a frame word.
      const which = /^(?:which|what) (?:\p{L}+ ){0,2}?(?:people|persons?|leaders?|officials?|countries|nations|politicians|lawmakers|governments|companies|firms|outlets|ministers|presidents|candidates|groups|organi[sz]ations)\b/u.exec(plain);
      if (which) {
        kind = "person";
        for (const t of termSet(which[0])) frame.add(t);
      }
    }
    const copula = /^(?:who|what) (?:is|was|are|were) (?:the |a |an )?(.+)$/.exec(plain);
    // "Who is the CEO of Norvik?" asks for the person who holds the role, not what Norvik is.
    const asksRole = tokens.some((t) => isRoleWord(t.word));
    if (copula && namesOnly(copula[1]!, tokens) && !asksRole) kind = "definition";
    else if (kind === "person" && copula && !asksRole && /^who (?:is|was) (?!the |a |an )[\p{L}' ]+$/u.test(plain)) {
      const rest = termSet(copula[1]!);
      if (rest.size > 0 && rest.size <= 3) copulaSubject = [...rest];
    }
    // "what is Peskov's job", "what is peskovs role": who someone is, asked through the job. The
    // subject is then a name however it was typed, and the job word only frames the question.
    const job = JOB_OF.exec(plain);
    if (job) {
      kind = "definition";
      subject = termSet(job[1]!);
      for (const t of termSet(job[2]!)) frame.add(t);
    }
  }
  // "How did the hackers get in?": the means. Counts, durations and speech ("how did X react")
  // were read above.
  if (kind === "general" && new RegExp(`^how (?:${AUX})\\b`).test(plain)) kind = "manner";
  if (kind === "general" && new RegExp(`^(?:${AUX}|is|are|was|were)\\b`).test(plain)) kind = "yesno";

  const speakerTerms = speakerPhrase ? termSet(speakerPhrase) : new Set<string>();
  const aboutAt = kind === "speech" ? read.search(SPEECH_TOPIC) : -1;
  for (const idiom of plain.match(IDIOMS) ?? []) for (const t of termSet(idiom)) frame.add(t);
  const out: QuestionWord[] = [];
  const seen = new Set<string>();
  tokens.forEach((tok, i) => {
    const t = term(tok.word);
    if (!t || seen.has(t)) return;
    seen.add(t);
    const proper = isProper(tok.word, i) || subject.has(t);
    let role: WordRole;
    if (frame.has(t)) role = "soft";
    else if (speakerTerms.has(t)) role = "speaker";
    else if (kind === "speech" && new RegExp(`^(?:${SPEECH_VERBS}|${SPEECH_NOUNS})$`).test(fold(tok.word))) role = "soft";
    // What a speech question asks about ("say about the cause") is its topic, even a word that
    // elsewhere only frames a question ("cause", "reason").
    else if (isFiller(tok.word, proper) && !(kind === "speech" && aboutAt >= 0 && tok.start > aboutAt)) role = "soft";
    else role = "key";
    out.push({ word: tok.word, term: t, proper, role });
  });
  const focus = FOCUS.exec(plain);
  return { text: q, kind, words: out, focus: focus ? term(focus[1]!) : null, copula: copulaSubject };
}

function termSet(phrase: string): Set<string> {
  return new Set(words(phrase).map((w) => term(w.word)).filter((t): t is string => t !== null));
}

/**
 * "who is Peskov" asks what Peskov is; "who is leading" asks for a person. True when every
 * content word of `rest` is written as a name in the question.
 */
function namesOnly(rest: string, tokens: { word: string }[]): boolean {
  const wanted = termSet(rest);
  if (wanted.size === 0 || wanted.size > 4) return false;
  const properTerms = new Set(tokens.filter((t, i) => isProper(t.word, i)).map((t) => term(t.word)));
  return [...wanted].every((t) => properTerms.has(t));
}
