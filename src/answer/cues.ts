/**
 * Answer-type cues: does a sentence carry what a kind of question asks for? A reason (because,
 * therefore, the difference...), a point in time, a number, people, someone's attributed words, a
 * description of someone. Each returns a strength in [0, 1]. General English patterns only.
 */
import { fold, term } from "../search/analyzer.js";
import { alternation, wordList, WORDS } from "../text/lexicon.js";
import { previousOf, type SentenceView } from "./sentence-view.js";

// ---------------------------------------------------------------------------------------- reason

const REASON_STRONG =
  /\b(?:because|until (?:\p{L}+ ){1,4}?(?:agrees?|agreed|meets?|met|accepts?|accepted) (?:to|their|its|the)|in protest (?:at|against|over)|to protest (?:against )?|demanding|calling for|due to|owing to|thanks to|as a result|in order to|so that|therefore|thus|hence|the reason|reasons? (?:for|why|behind)|that is why|that's why|which is why|this is why|explains? why|caused by|as a consequence|given that|in response to|for fear)\b/u;
/** "since" giving a reason, not a time: at a clause start and not followed by a time word. */
const REASON_SINCE = /(?:^|[,;:(—–]\s*)since (?!when\b|then\b|the (?:start|beginning|end)\b|\d|last\b|early\b|late\b)/;
const REASON_MEDIUM = /\b(?:differen(?:ce|ces|t)|explain(?:s|ed|ing)?|motive|motives|motivated|why|so as to|lest|blamed?|cited)\b|, as (?:the|a|an|it|he|she|they|we|its|his|her|their|there)\b/;

/** "was due to open", "is due to be signed": a schedule, not a cause. */
const DUE_SCHEDULE = /\b(?:is|was|are|were|be|been|being|now|not) due to (?:be|open|start|begin|end|close|arrive|leave|take|meet|hold|return|finish|launch|resume|expire|appear|speak|visit|go|come|make|give|vote|sign|run|play|reopen|land|sail|depart|report|publish|announce|testify|retire)\b/g;

export function reasonCue(view: SentenceView): number {
  const s = fold(view.text).replace(DUE_SCHEDULE, " ");
  if (REASON_STRONG.test(s) || REASON_SINCE.test(s)) return 1;
  return REASON_MEDIUM.test(s) ? 0.6 : 0;
}

// ---------------------------------------------------------------------------------------- manner

/** How something was done: the means ("through an old password", "by forging"), or what let it happen ("after a smoke alarm woke them"). */
const MANNER_STRONG = /\b(?:through|via|using|by (?:means of|using|\p{L}+ing)|with the help of|thanks to|after (?:a|an|the|his|her|their|its|being)|managed to)\b/u;
const MANNER_MEDIUM = /\b(?:by|with|when)\b/;

/** 1 for a means or an enabling event, 0.5 for a weaker "by"/"with", else 0. */
export function mannerCue(view: SentenceView): number {
  const s = fold(view.text);
  if (MANNER_STRONG.test(s)) return 1;
  return MANNER_MEDIUM.test(s) ? 0.5 : 0;
}

// ------------------------------------------------------------------------------------------ time

const WEEKDAY = alternation("calendar.weekdays");
/** Month names and abbreviations, but "may" (mostly the verb): patterns that take it say so. */
const MONTH = alternation("calendar.monthsButMay");
const UNIT = "minutes?|hours?|days?|weeks?|months?|years?|decades?";
const COUNT_WORD = `${alternation("numbers.countWords")}|\\d+`;

/** A season or the end of a period ("by midsummer", "by the end of the year"): times no date reader reads. */
const SEASONAL = /\b(?:by|in|until|since|before|after|this|next|last|early|late|mid-?)\s?(?:spring|summer|autumn|fall|winter|midsummer|midwinter)\b|\bby the end of (?:the|this|next) (?:week|month|year)\b/;

const TIME_STRONG = [
  new RegExp(`\\b(?:${WEEKDAY})\\b`),
  new RegExp(`\\b(?:${MONTH})\\.? \\d{1,2}\\b|\\b\\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:${MONTH})\\b|\\b(?:in|since|by|until|during|early|late|mid|last|next|this) (?:${MONTH}|may)\\b`),
  // "May" is mostly the verb: a date only after a preposition ("on May 3") or before a year.
  /\b(?:on|by|until|since|from|before|after|of) may \d{1,2}(?:st|nd|rd|th)?\b|\bmay \d{1,2}(?:st|nd|rd|th)?,? (?:1[89]|20)\d\d\b/,
  /\b(?:yesterday|today|tonight|tomorrow|this morning|last night|overnight)\b/,
  new RegExp(`\\b(?:${COUNT_WORD}) (?:${UNIT}) (?:ago|later|earlier|after|before|since)\\b`),
  new RegExp(`\\b(?:last|next|this|that) (?:week|month|year|weekend|${WEEKDAY})\\b`),
  /\b(?:in|since|by|until|during|from|before|after) (?:early |late |mid-?)?(?:1[89]|20)\d\d\b/,
  /\b\d{1,2}:\d\d\b|\b\d{1,2} ?(?:a\.m\.|p\.m\.|am\b|pm\b)|\b\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\b/,
  SEASONAL,
];
/** Times anchored to an event ("after the Electoral College affirmed...") or loosely placed. */
const TIME_ANCHOR = /\b(?:after|before|until|once|following|ahead of|as soon as) (?:the |his |her |their |its )?\p{Lu}/u;
const TIME_MEDIUM = /\b(?:when|earlier|later|previously|soon|recently|shortly|immediately|within an? \w+|at the time|at that time)\b/;
/** A bare year mostly names something ("the 2020 election") rather than dating it. */
const TIME_YEAR = /\b(?:1[89]|20)\d\d\b/;
/** A duration ("after weeks of...") says how long, not when. */
const TIME_DURATION = new RegExp(`\\b(?:after|for|over|within) (?:weeks|months|days|years|hours)\\b`);

/**
 * "Peskov said on Monday", "a statement on Tuesday": in news copy a time right after a word of
 * saying usually dates the report, not the event asked about.
 */
const AFTER_SPEECH = new RegExp(
  `\\b(?:${alternation("speechVerbs.datelines")})(?: \\w+){0,2} (?:on |in |at |early |late )?(?:${TIME_STRONG.map((re) => re.source).join("|")})`,
);

function datesTheStatement(folded: string): boolean {
  return TIME_STRONG.filter((re) => re.test(folded)).length <= 1 && AFTER_SPEECH.test(folded);
}

/** Global twins of the time patterns, made once: matchAll needs the flag. */
const globalTwins = new Map<RegExp, RegExp>();
function globalOf(re: RegExp): RegExp {
  let g = globalTwins.get(re);
  if (!g) globalTwins.set(re, (g = new RegExp(re.source, re.flags.includes("g") ? re.flags : re.flags + "g")));
  return g;
}

/** A match of `re` in `text` that is not all the question's own words: a time the question already names ("in 2016") is not news to the asker. */
function freshMatch(re: RegExp, text: string, questionTerms: ReadonlySet<string>): boolean {
  for (const m of text.matchAll(globalOf(re))) {
    const ts = m[0].split(/\s+/).map((w) => term(w)).filter((t): t is string => t !== null);
    if (ts.length === 0 || ts.some((t) => !questionTerms.has(t))) return true;
  }
  return false;
}

/** Words of making something known: asked when it was announced, the statement's date is the answer. */
const STATEMENT_TERMS = termsOf(wordList("speechVerbs.announcing"));

/** Does the question ask when something was announced, revealed or reported? */
export function asksStatementTime(questionTerms: ReadonlySet<string>): boolean {
  for (const t of questionTerms) if (STATEMENT_TERMS.has(t)) return true;
  return false;
}

/** `statementAsked`: the question asks when something was announced (see asksStatementTime). */
export function timeCue(view: SentenceView, questionTerms: ReadonlySet<string>, statementAsked = false): number {
  const s = fold(view.text);
  const fresh = (re: RegExp, text: string) => freshMatch(re, text, questionTerms);
  if (TIME_STRONG.some((re) => fresh(re, s))) return !statementAsked && datesTheStatement(s) ? 0.4 : 1;
  return Math.max(eventTimeCue(view, questionTerms), fresh(TIME_YEAR, s) ? 0.3 : 0);
}

/**
 * Times a date reader does not read: a season or the end of a period ("by midsummer", 1),
 * anchored to an event ("after the Electoral College affirmed...", 0.8), loosely placed
 * ("shortly", "at the time", 0.5) or a stretch ("after weeks of", 0.3).
 */
export function eventTimeCue(view: SentenceView, questionTerms: ReadonlySet<string>): number {
  const s = fold(view.text);
  if (freshMatch(SEASONAL, s, questionTerms)) return 1;
  if (freshMatch(TIME_ANCHOR, view.text.replace(/[“”"]/g, ""), questionTerms)) return 0.8;
  if (freshMatch(TIME_MEDIUM, s, questionTerms)) return 0.5;
  return TIME_DURATION.test(s) ? 0.3 : 0;
}

/** A stretch of time ("three days", "48 hours", "a fortnight"): what "how long" asks for. */
const DURATION = new RegExp(`\\b(?:${COUNT_WORD}|\\d+(?:\\.\\d+)?|a few|several|many) (?:${UNIT})\\b|\\bfortnight\\b`);

export function durationCue(view: SentenceView, questionTerms: ReadonlySet<string>): number {
  return DURATION.test(fold(view.text)) ? 1 : 0.5 * timeCue(view, questionTerms);
}

// ----------------------------------------------------------------------------------------- count

function isNumberWord(word: string): boolean {
  const w = fold(word);
  return /^\d[\d,.]*%?$/.test(w) || WORDS.numbers.counting.has(w);
}

const YEAR = /^(?:1[89]|20)\d\d$/;

/**
 * A number the question does not already contain: 1 when it counts one of the question's own
 * words ("290 electoral votes" for "how many electoral votes"), 0.3 for a number of something
 * else. Years are dates, not counts.
 */
export function countCue(view: SentenceView, questionTerms: ReadonlySet<string>): number {
  let best = 0;
  const toks = view.tokens;
  toks.forEach((tok, i) => {
    if (!isNumberWord(tok.word) || YEAR.test(tok.word)) return;
    if (tok.term && questionTerms.has(tok.term)) return;
    best = Math.max(best, 0.3);
    if (countsQuestionWord(view, i, questionTerms)) best = 1;
    // An amount (money, a percentage) is what it measures when the question's word comes just
    // before it: "could cost the company $30 million", "shares fell 6 percent".
    // "the 2% target" is a goal, not the level asked about, unless the question asks the goal.
    else if (isAmount(view, i) && !namesGoal(view, i, questionTerms)) {
      for (let j = Math.max(0, i - AMOUNT_REACH); j < i; j++) {
        const t = toks[j]!.term;
        if (t && questionTerms.has(t)) best = 1;
      }
    }
  });
  return best;
}

/** "by half a percentage point", "by 6%", "by about two thirds": the size of a change. */
const CHANGE_BY = /\bby (?:about |around |nearly |almost |roughly |some |more than |less than |just |over |under |up to |as much as )?(?:\$|€|£|\d|(?:a |one )?(?:half|third|quarter|fifth|tenth)\b|(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|a hundred|a few|several) |a (?:percentage )?point\b)/;

/** Does the sentence give how much something changed ("rose by 6%")? What "how much did X rise by" asks. */
export function changeCue(view: SentenceView): boolean {
  return CHANGE_BY.test(fold(view.text));
}

/** Words that make an amount a goal or a limit rather than a level reached. */
const GOAL_TERMS = termsOf(wordList("amounts.goals"));

/** Is the amount at token i a goal or a limit ("the 2% target") that the question does not ask about? */
function namesGoal(view: SentenceView, i: number, questionTerms: ReadonlySet<string>): boolean {
  const next = view.tokens[i + 1]?.term;
  return next !== null && next !== undefined && GOAL_TERMS.has(next) && !questionTerms.has(next);
}

/** How far before an amount the word it measures may stand, in words. */
const AMOUNT_REACH = 5;
const AMOUNT_UNIT = /^(?:percent|per|%|dollars?|euros?|pounds?|yen|yuan|rupees?|francs?|cents?|pence)$/i;
const CURRENCY_BEFORE = /[$€£¥₹]\s*$/;
const PERCENT_AFTER = /^\s?%/;

/** Is the number at token i an amount of money or a percentage ("$30", "6 percent", "12 million euros")? */
function isAmount(view: SentenceView, i: number): boolean {
  const tok = view.tokens[i]!;
  // The analyser keeps "%" out of the word ("7.2" of "7.2%"): read the character after it too.
  if (CURRENCY_BEFORE.test(view.text.slice(Math.max(0, tok.start - 2), tok.start)) || PERCENT_AFTER.test(view.text.slice(tok.start + tok.word.length, tok.start + tok.word.length + 2))) return true;
  for (let j = i + 1; j <= i + 2 && j < view.tokens.length; j++) {
    const w = view.tokens[j]!.word;
    if (AMOUNT_UNIT.test(w)) return true;
    if (!WORDS.numbers.counting.has(fold(w))) break;
  }
  return false;
}

/** Does the number at token i count one of the question's words ("2.3 million customers")? */
function countsQuestionWord(view: SentenceView, i: number, questionTerms: ReadonlySet<string>): boolean {
  for (let j = i + 1; j <= i + 3 && j < view.tokens.length; j++) {
    const t = view.tokens[j]!.term;
    if (t && questionTerms.has(t)) return true;
  }
  return false;
}

/**
 * Does the sentence count one of the question's words outright ("2.3 million customers" for "how
 * many customers were affected")? Such a sentence answers even when it leaves out what happened
 * to them, which the sentence before or the headline has said.
 */
export function countsNoun(view: SentenceView, questionTerms: ReadonlySet<string>): boolean {
  return view.tokens.some((tok, i) => isNumberWord(tok.word) && !YEAR.test(tok.word) && !(tok.term && questionTerms.has(tok.term)) && countsQuestionWord(view, i, questionTerms));
}

// ---------------------------------------------------------------------------------------- people

/**
 * Runs of capitalised words, the shape of names ("German Chancellor Angela Merkel"), that do not
 * repeat the question. A lone capitalised word opening the sentence is only grammar.
 */
export function nameRuns(view: SentenceView, questionTerms: ReadonlySet<string>): string[][] {
  const runs: string[][] = [];
  let run: { word: string; term: string | null; first: boolean }[] = [];
  const flush = () => {
    const words = run.filter((r) => !WORDS.names.notNames.has(fold(r.word)));
    const loneOpener = run.length === 1 && run[0]!.first;
    const repeatsQuestion = words.some((r) => r.term && questionTerms.has(r.term));
    if (words.length > 0 && !loneOpener && !repeatsQuestion) runs.push(words.map((r) => r.word));
    run = [];
  };
  view.tokens.forEach((tok, i) => {
    const gap = i > 0 ? view.text.slice(view.tokens[i - 1]!.start + view.tokens[i - 1]!.word.length, tok.start) : "";
    if (run.length > 0 && !/^\s+$/.test(gap)) flush();
    // After an opening quotation mark or a colon a capital starts a sentence, as at position 0.
    const opens = i === 0 || (run.length === 0 && /[“"‘:]\s*$/.test(gap));
    if (/^\p{Lu}/u.test(tok.word)) run.push({ word: tok.word, term: tok.term, first: opens });
    else flush();
  });
  flush();
  return runs;
}

/**
 * Names and years in the sentence that the question does not contain: a sentence that names
 * someone else, or another year ("2020" asked about 2016), is about those.
 */
export function otherNames(view: SentenceView, questionTerms: ReadonlySet<string>): { names: boolean; years: boolean } {
  const years = view.tokens.some((t) => YEAR.test(t.word) && t.term !== null && !questionTerms.has(t.term));
  return { names: nameRuns(view, questionTerms).length > 0, years };
}

const POINTING_BACK = new RegExp(`\\b(?:${alternation("pronouns.pointingBack")})\\b`, "i");

/** Does the sentence point back to someone named before: a personal pronoun or "the President"? */
export function refersBack(view: SentenceView): boolean {
  return POINTING_BACK.test(view.text) || /\bthe (?:\p{Lu}\p{L}+ )*\p{Lu}\p{L}+/u.test(view.text);
}

/** A run of two or more capitalised words reads as a person or title; a lone one counts half. */
function nameWeight(run: readonly string[]): number {
  return run.length >= 2 ? 1 : 0.5;
}

/**
 * People who did what the question asks about: names in the few words before the question's
 * action word (its subject) or after a "by" that follows it (a passive's agent, often a list).
 * Without the action word in the sentence, any names count at half strength.
 */
export function peopleCue(view: SentenceView, questionTerms: ReadonlySet<string>, actionTerms: ReadonlySet<string>): number {
  const toks = view.tokens;
  const at = toks.findIndex((t) => t.term !== null && actionTerms.has(t.term));
  let weight = 0;
  if (at < 0) {
    for (const r of nameRuns(view, questionTerms)) weight += nameWeight(r) / 2;
  } else {
    const before = { ...view, tokens: toks.slice(Math.max(0, at - 7), at) };
    for (const r of nameRuns(before, questionTerms)) weight += nameWeight(r);
    const by = toks.findIndex((t, i) => i > at && i <= at + 6 && t.word.toLowerCase() === "by");
    if (by >= 0) {
      const agents = { ...view, tokens: toks.slice(by + 1, by + 30) };
      for (const r of nameRuns(agents, questionTerms)) weight += nameWeight(r);
    }
  }
  return Math.min(1, 0.35 * weight);
}

// ---------------------------------------------------------------------------------------- speech

/** Verbs that attribute words (or a stated view) to someone. */
const SPEECH_VERB_TERMS = termsOf(wordList("speechVerbs.answerCues"));
/**
 * Nouns for what someone said. They attribute only when the speaker owns them outright ("Putin's
 * message"): "contacted the Kremlin for comment" is no comment of the Kremlin's.
 */
const SPEECH_NOUN_TERMS = termsOf(wordList("speechNouns.answerCues"));
const SPEECH_CUE_TERMS = new Set([...SPEECH_VERB_TERMS, ...SPEECH_NOUN_TERMS]);

/** The index terms of a lexicon class's words. */
function termsOf(words: readonly string[]): Set<string> {
  return new Set(words.map((w) => term(w)).filter((t): t is string => t !== null));
}

export function hasQuotation(view: SentenceView): boolean {
  return /[“”"]/.test(view.text) || /(?:^|\s)'\p{L}/u.test(view.text);
}

/**
 * How surely the sentence gives `speaker`'s own words: 1 when, next to a word of saying, the
 * nearest name is the speaker ("Peskov said", "according to Putin", "Putin's message ... was",
 * "the Kremlin cited Putin as saying"); 0.8 when a pronoun is nearest ("he wrote") and the
 * sentence before names the speaker; else 0. A possessive that makes someone else the speaker
 * ("Putin's spokesman said") is no mention of Putin as speaker.
 */
export function speechCue(view: SentenceView, speaker: readonly ReadonlySet<string>[]): number {
  if (speaker.length === 0) return 0;
  const direct = attributedTo(view, speaker);
  if (direct !== "pronoun") return direct;
  // "he wrote" stands for whoever the sentence before is about: its main clause's first name
  // ("While Putin is yet to comment, Navalny has congratulated Biden and Harris. ... he wrote" is
  // Navalny's), or a speaker it already quotes ("Peskov said ... He added").
  const prev = previousOf(view);
  if (!prev) return 0;
  const head = speaker[speaker.length - 1]!;
  if (![...head].some((t) => prev.terms.has(t))) return 0;
  return leadsMainClause(prev, head) || attributedTo(prev, speaker) === 1 ? 0.8 : 0;
}

/** Is the first name of the sentence's main clause (past a leading subordinate clause) the speaker's? */
function leadsMainClause(view: SentenceView, head: ReadonlySet<string>): boolean {
  let tokens = view.tokens;
  if (tokens.length > 0 && WORDS.function.subordinators.has(fold(tokens[0]!.word))) {
    const comma = view.text.indexOf(",");
    tokens = comma < 0 ? [] : tokens.filter((t) => t.start > comma);
  }
  const first = nameRuns({ ...view, tokens }, EMPTY)[0];
  return first !== undefined && first.some((w) => head.has(term(w) ?? ""));
}

const EMPTY: ReadonlySet<string> = new Set();

/**
 * 1 when a word of saying has the speaker as its nearest name, "pronoun" when a pronoun is nearest
 * (and no one else), else 0.
 */
function attributedTo(view: SentenceView, speaker: readonly ReadonlySet<string>[]): 1 | 0 | "pronoun" {
  const toks = view.tokens;
  const isCue = (i: number) => {
    const t = toks[i]?.term;
    return t !== null && t !== undefined && SPEECH_CUE_TERMS.has(t);
  };
  /**
   * A word of saying that attributes words to someone near it: not a passive ("the election was
   * called"), and not a verb used as a noun ("in the hope he would").
   */
  const attributes = (c: number) => {
    if (!isCue(c)) return false;
    const before = c > 0 ? fold(toks[c - 1]!.word) : "";
    if (WORDS.auxiliaries.bePassive.has(before) && fold(toks[c + 1]?.word ?? "") !== "by") return false;
    return !(WORDS.function.determiners.has(before) && !SPEECH_NOUN_TERMS.has(toks[c]!.term!));
  };
  // Most sentences have no word of saying at all: nothing to attribute, no name phrases to read.
  let anyCue = false;
  for (let c = 0; c < toks.length && !anyCue; c++) anyCue = attributes(c);
  if (!anyCue) return 0;
  // Each word of the speaker's name comes with the terms that stand for it (typos corrected).
  const head = speaker[speaker.length - 1]!;
  const named = new Set(speaker.flatMap((w) => [...w]));
  const isName = (i: number) => /^\p{Lu}/u.test(toks[i]!.word) && !WORDS.names.notNames.has(fold(toks[i]!.word));
  // A name phrase is a run of capitalised words and the speaker's own words ("Mayor Ines Okafor",
  // "Kremlin spokesman Dmitry Peskov"): it is the speaker when it holds the speaker's head word.
  const phraseOf = new Array<number>(toks.length).fill(-1);
  const phraseEnd = new Map<number, number>();
  const speakerPhrases = new Set<number>();
  for (let i = 0, p = 0; i < toks.length; i++) {
    const inPhrase = isName(i) || (toks[i]!.term !== null && named.has(toks[i]!.term!));
    if (!inPhrase) continue;
    const gap = i > 0 ? toks[i - 1]!.word.length + toks[i - 1]!.start : 0;
    if (i === 0 || phraseOf[i - 1] === -1 || !/^\s+$/.test(view.text.slice(gap, toks[i]!.start))) p++;
    phraseOf[i] = p;
    phraseEnd.set(p, i);
    if (head.has(toks[i]!.term ?? "")) speakerPhrases.add(p);
  }
  /** What stands at token i: the speaker, someone else, a pronoun, or nothing of the sort. */
  const who = (i: number): "speaker" | "other" | "pronoun" | null => {
    const t = toks[i]!;
    if (WORDS.pronouns.people.has(fold(t.word))) return "pronoun";
    const p = phraseOf[i]!;
    if (p === -1) return null;
    // "Putin's spokesman", "in Joe Biden's favor": the possessor does not speak, unless what he
    // owns is speech ("Putin's message").
    const end = phraseEnd.get(p)!;
    if (/['’]s$/i.test(toks[end]!.word) && end + 1 < toks.length && !isCue(end + 1)) return null;
    if (speakerPhrases.has(p)) return "speaker";
    // "The Russian President also believed": a title after "the", naming no one, points back
    // to someone named before, as a pronoun does.
    return describesBack(i) ? "pronoun" : "other";
  };
  const describesBack = (i: number) => {
    let start = i;
    while (start > 0 && phraseOf[start - 1] === phraseOf[i]) start--;
    if (start === 0 || fold(toks[start - 1]!.word) !== "the") return false;
    let role = false;
    for (let j = start; j < toks.length && phraseOf[j] === phraseOf[i]; j++) {
      const t = toks[j]!.term;
      if (t === null || !ROLE_WORDS.has(t)) {
        // Only titles and the adjectives of a country or body before them ("Russian", "French").
        if (!/^\p{Lu}\p{Ll}+(?:an|ian|ese|ish|i|ic)$/u.test(toks[j]!.word)) return false;
      } else role = true;
    }
    return role;
  };
  let viaPronoun = false;
  for (let c = 0; c < toks.length; c++) {
    if (!attributes(c)) continue;
    const reach = SPEECH_VERB_TERMS.has(toks[c]!.term!) ? 6 : 1;
    for (let d = 1; d <= reach; d++) {
      const near: ReturnType<typeof who>[] = [];
      if (c - d >= 0) near.push(who(c - d));
      if (c + d < toks.length) near.push(who(c + d));
      if (near.every((x) => x === null)) continue;
      if (near.includes("speaker")) return 1;
      if (near.includes("pronoun") && !near.includes("other")) viaPronoun = true;
      break;
    }
  }
  return viaPronoun ? "pronoun" : 0;
}

// ------------------------------------------------------------------------------------ definition

/** Titles and roles that, written before a name, say who the person is ("President", "spokesman"). */
const ROLE_WORDS = termsOf(wordList("titles.answerRoles"));

/** Is the word a title or role ("CEO", "mayor"): asked about, it wants the person who holds it. */
export function isRoleWord(word: string): boolean {
  const t = term(word);
  return t !== null && ROLE_WORDS.has(t);
}

/**
 * Does the sentence describe who or what the subject is: a role before the name ("Kremlin
 * spokesman Dmitry Peskov", "Venezuelan President Nicolas Maduro"), an apposition after it
 * ("Peskov, the ..."), or "X is a/the ...".
 */
export function definitionCue(view: SentenceView, subjectTerms: ReadonlySet<string>): number {
  const toks = view.tokens;
  for (let i = 0; i < toks.length; i++) {
    if (!toks[i]!.term || !subjectTerms.has(toks[i]!.term!)) continue;
    // Walk back over the rest of the name; a title inside it, or a role word just before it,
    // describes the person. Any other word before a name ("get Trump elected") does not.
    let j = i - 1;
    while (j >= 0 && /^\p{Lu}/u.test(toks[j]!.word)) {
      if (toks[j]!.term && ROLE_WORDS.has(toks[j]!.term!)) return 1;
      j--;
    }
    if (j >= 0 && toks[j]!.term && ROLE_WORDS.has(toks[j]!.term!)) return 1;
    const after = view.text.slice(toks[i]!.start + toks[i]!.word.length, toks[i]!.start + toks[i]!.word.length + 12);
    if (/^(?:,\s+(?:the|a|an|who)\b|\s+(?:is|was)\s+(?:a|an|the)\b)/.test(after)) return 1;
  }
  return 0;
}

// ----------------------------------------------------------------------------------------- place

export function placeCue(view: SentenceView, questionTerms: ReadonlySet<string>): number {
  for (const m of view.text.matchAll(/\b(?:in|at|from|near|to)\s+(?:the\s+)?(\p{Lu}\p{L}+)/gu)) {
    const t = term(m[1]!);
    if (t && !questionTerms.has(t) && !WORDS.names.notNames.has(fold(m[1]!))) return 1;
  }
  return 0;
}
