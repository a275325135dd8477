/**
 * Who says what in one sentence. Works on the sentence's "frame": its tokens with each quotation
 * collapsed into a single placeholder, so nothing inside a quote is ever taken for its speaker.
 * Finds the clauses that introduce speech ("X said", "said X", "X told reporters", "the Kremlin
 * cited X as saying", "according to X", "X's message ... was") with the noun phrase that speaks,
 * and the sentence's main subject (for resolving a later "he" to the right person).
 */
import { isPostNominal, isTitleWord, type Mention } from "./mentions.js";
import { wordMap, WORDS } from "../text/lexicon.js";
import type { Tok } from "./tokens.js";

/** A frame token: a word or punctuation outside quotes, or a placeholder (`quote` >= 0) for a whole quotation. */
export type FrameTok = Tok;

export type Pronoun = "he" | "she" | "they" | "it";

export type NounPhrase =
  | { kind: "name"; mention: Mention; from: number; to: number }
  | { kind: "pronoun"; pronoun: Pronoun; from: number; to: number }
  /** A role without a name: "the spokesman", "Putin's spokesman", "the Russian President". */
  | { kind: "title"; words: string[]; from: number; to: number }
  /** A body named by a common noun: "the foreign ministry". Never resolved to a name. */
  | { kind: "group"; words: string[]; from: number; to: number }
  /**
   * Someone the text does not name ("a student", "I", "our late minister"). Never resolved, but it
   * is the speaker of its clause, so the quote is not handed to anyone else.
   */
  | { kind: "other"; from: number; to: number };

export interface Clause {
  /** Frame index of the verb (or of "according", or of the message noun). */
  at: number;
  kind: "speech" | "message" | "according" | "message-noun";
  /** Who speaks: the subject, or for "cited X as saying" the object X. */
  speaker: NounPhrase;
  /** True when the speaker follows the verb ("said Peskov"). */
  inverted: boolean;
}

export interface SentenceAnalysis {
  frame: FrameTok[];
  clauses: Clause[];
  subject: NounPhrase | null;
}

/** Mentions of one paragraph, looked up by the offsets of their tokens. */
export interface MentionLookup {
  /** By the start offset of the name's last token. */
  byLast: Map<number, Mention>;
  /** By the start offset of the first token of the mention including its role. */
  byFirst: Map<number, Mention>;
}

// A plain object, as it always was: looked up by any word, it answers for its own keys (and, being
// an object, for an inherited one such as "constructor").
const POSSESSIVE_PRONOUNS = Object.fromEntries(wordMap("possessivePronouns")) as Record<string, Pronoun>;

function isAdverb(t: FrameTok | undefined): boolean {
  return !!t && t.isWord && !t.cap && (WORDS.function.clauseAdverbs.has(t.key) || (t.key.length > 4 && t.key.endsWith("ly")));
}

/** Skips adverbs and auxiliaries leftwards from `i`; returns the new index and the skipped words. */
function skipLeft(frame: readonly FrameTok[], i: number): { i: number; skipped: string[] } {
  const skipped: string[] = [];
  while (i >= 0 && isAdverb(frame[i])) skipped.push(frame[i--]!.key);
  return { i, skipped };
}

function isPronoun(t: FrameTok | undefined, sentenceStart: boolean): Pronoun | null {
  if (!t || !t.isWord || !WORDS.pronouns.speakers.has(t.key)) return null;
  if (t.cap && !sentenceStart) return null;
  return t.key as Pronoun;
}

/** Role words leftwards from a title word: "Putin's spokesman", "the Russian President". */
function titleLeft(frame: readonly FrameTok[], i: number): NounPhrase | null {
  const t = frame[i];
  if (!t || !isTitleWord(t)) return null;
  let j = i;
  while (j - 1 >= 0) {
    const p = frame[j - 1]!;
    if (!p.isWord || WORDS.function.articles.has(p.key) || WORDS.auxiliaries.be.has(p.key) || WORDS.function.nonVerbs.has(p.key)) break;
    if (p.possessive) {
      if (p.cap) j--;
      break;
    }
    if (p.cap || isTitleWord(p) || WORDS.roleModifiers.beforeBareTitle.has(p.key)) j--;
    else break;
  }
  return { kind: "title", words: frame.slice(j, i + 1).map((x) => (x.possessive ? `${x.key}'s` : x.key)), from: j, to: i };
}

const DIGITS = /\d/;

/**
 * The subject before a comma that precedes the verb. Commas there set off asides: dates and
 * places ("on the 26th of October, 1846,", "of Massachusetts,"), relative clauses ("who fought in
 * World War II,") and descriptions ("the inspiration for our commission,"), which are skipped; or a
 * name in apposition to a role ("Putin's spokesman, Dmitry Peskov, told"), which speaks.
 */
function parentheticalSubject(frame: readonly FrameTok[], comma: number, mentions: MentionLookup): NounPhrase | null {
  let end = comma; // index of the comma closing the current segment
  for (let guard = 0; guard < 6; guard++) {
    let k = end - 1;
    while (k >= 0 && end - k < 30 && frame[k]!.text !== "," && frame[k]!.quote < 0) k--;
    if (k < 0 || frame[k]!.quote >= 0 || end - k >= 30) {
      // The text before the first comma: the subject itself.
      return end - 1 >= 0 ? phraseEndingAt(frame, end - 1, mentions) : null;
    }
    if (frame[k]!.text !== ",") return null;
    const first = frame[k + 1];
    // "Celeste's barrister, Nadia Sorensen KC, accused": honours after the name end the segment.
    let lastAt = end - 1;
    while (lastAt > k + 1 && isPostNominal(frame[lastAt]!)) lastAt--;
    const last = frame[lastAt];
    if (!first || !last || k + 1 >= end) return null;
    // The whole segment is a name (with its role): ", Dmitry Peskov," / ", Putin's spokesman Dmitry Peskov,".
    const lastMention = mentions.byLast.get(last.start);
    const nameStart = WORDS.function.articles.has(first.key) ? frame[k + 2] : first;
    if (lastMention && !last.possessive && nameStart && lastMention.roleStart === nameStart.start) {
      return { kind: "name", mention: lastMention, from: k + 1, to: end - 1 };
    }
    const segment = frame.slice(k + 1, end);
    const aside =
      WORDS.function.prepositions.has(first.key) ||
      WORDS.function.asideOpeners.has(first.key) ||
      // A participle phrase: ", speaking in parliament," / ", pressed on the point,".
      (!first.cap && /^[a-z]{3,}(?:ing|ed)$/.test(first.key)) ||
      segment.every((x) => WORDS.names.suffixes.has(x.key)) ||
      segment.some((x) => DIGITS.test(x.text) || isTitleWord(x)) ||
      describesName(frame, k, segment);
    if (!aside) return null;
    end = k;
  }
  return null;
}

/**
 * "B.J. Moore, contract administrator with SPEEA, said": after a name, a description in common
 * nouns (no verb, no possessive, a lower-case first word) that the role words need not cover.
 * `comma` is the comma before the segment.
 */
function describesName(frame: readonly FrameTok[], comma: number, segment: readonly FrameTok[]): boolean {
  const name = frame[comma - 1];
  if (!name || !name.isWord || !name.cap || name.possessive) return false;
  const first = segment[0];
  if (!first || first.cap || segment.length > APPOSITION_REACH) return false;
  return segment.every((x) => x.isWord && !x.possessive && !WORDS.auxiliaries.be.has(x.key) && !WORDS.auxiliaries.beforeVerb.has(x.key) && !WORDS.pronouns.speakers.has(x.key) && !looksLikeVerb(x.key));
}

/**
 * "Callum Reid of the Seafarers' Union said": the name before "of" speaks, not the body after it.
 * `from` is the first frame index of the body's name.
 */
function memberOf(frame: readonly FrameTok[], from: number, mentions: MentionLookup): NounPhrase | null {
  let k = from - 1;
  // The rest of the body's name ("Seafarers'" ends a name run of its own).
  for (let n = 0; n < 3 && k >= 0 && frame[k]!.isWord && frame[k]!.cap; n++) k--;
  if (frame[k]?.key === "the" && !frame[k]!.cap) k--;
  if (frame[k]?.key !== "of" || frame[k]!.cap) return null;
  const person = frame[k - 1];
  if (!person || !person.isWord || person.possessive) return null;
  const m = mentions.byLast.get(person.start);
  if (!m || m.keys.length < 2) return null;
  let start = k - 1;
  while (start > 0 && frame[start - 1]!.start >= m.roleStart) start--;
  return { kind: "name", mention: m, from: start, to: k - 1 };
}

/** The noun phrase ending at frame index `i` (after adverbs), if it can be a speaker. */
export function phraseEndingAt(frame: readonly FrameTok[], i: number, mentions: MentionLookup): NounPhrase | null {
  ({ i } = skipLeft(frame, i));
  // "Martin Hale KC said": the honours after a name leave the name the speaker.
  if (frame[i] && isPostNominal(frame[i]!) && i > 0 && mentions.byLast.has(frame[i - 1]!.start)) i--;
  const t = frame[i];
  if (!t) return null;
  if (t.text === ",") return parentheticalSubject(frame, i, mentions);
  // "the Electronic Privacy Information Centre (Epic) claims": a name with its short form in
  // brackets speaks by the short form, which is how the text names it from then on.
  if (t.text === ")" && frame[i - 2]?.text === "(") {
    const short = frame[i - 1]!;
    const m = short.isWord && !short.possessive ? mentions.byLast.get(short.start) : undefined;
    if (m && m.start === short.start && mentions.byLast.has(frame[i - 3]?.start ?? -1)) return { kind: "name", mention: m, from: i - 2, to: i };
  }
  const m = mentions.byLast.get(t.start);
  if (m && t.isWord) {
    if (t.possessive) return null;
    let from = i;
    while (from > 0 && frame[from - 1]!.start >= m.roleStart) from--;
    const member = memberOf(frame, from, mentions);
    if (member) return member;
    const before = frame[from - 1];
    if (before && before.isWord && !before.cap) {
      // "the Secretary of War said": the name completes a title, and the title speaks.
      if (before.key === "of" && frame[from - 2] && isTitleWord(frame[from - 2]!)) {
        const title = titleLeft(frame, from - 2);
        if (title && title.kind === "title") return { kind: "title", words: [...title.words, "of", ...m.keys], from: title.from, to: i };
      }
      // "Bank of England Governor Andrew Bailey said", "Department of Health spokeswoman Jo Lund
      // said": a body's name in "of" before a person's office and name is the person's employer,
      // and the person speaks.
      if (before.key === "of" && frame[from - 2]?.cap && m.role && m.roleStart < m.start && m.keys.length >= 2) return { kind: "name", mention: m, from, to: i };
      // "A spokesman for Harrowgate Borough Council said": an unnamed spokesperson speaks for the body.
      if (before.key === "for" && WORDS.titles.spokespeople.has(frame[from - 2]?.key ?? "") && WORDS.function.articles.has(frame[from - 3]?.key ?? "") && frame[from - 3]!.key !== "the") {
        return { kind: "name", mention: m, from: from - 3, to: i };
      }
      // "the people of London have said", "in his Annual Message announced": not the speaker.
      if (WORDS.function.prepositions.has(before.key) || POSSESSIVE_PRONOUNS[before.key]) return { kind: "other", from, to: i };
      // "a doctor in rural South Africa describes": a place after a preposition and an adjective.
      const earlier = frame[from - 2];
      if (earlier && earlier.isWord && !earlier.cap && WORDS.function.prepositions.has(earlier.key) && !WORDS.function.stopWords.has(before.key)) return { kind: "other", from, to: i };
    }
    return { kind: "name", mention: m, from, to: i };
  }
  if (t.possessive) return null;
  const p = isPronoun(t, i === 0 || frame[i - 1]!.quote >= 0);
  if (p) return { kind: "pronoun", pronoun: p, from: i, to: i };
  if (isTitleWord(t)) return titleLeft(frame, i);
  if (!t.cap && WORDS.orgs.nouns.has(t.key)) {
    let j = i;
    while (j - 1 >= 0 && frame[j - 1]!.isWord && !WORDS.function.articles.has(frame[j - 1]!.key) && !WORDS.function.nonVerbs.has(frame[j - 1]!.key) && (frame[j - 1]!.cap || WORDS.orgs.qualifiers.has(frame[j - 1]!.key))) j--;
    return { kind: "group", words: frame.slice(j, i + 1).map((x) => x.key), from: j, to: i };
  }
  return null;
}

/**
 * "Prasad agreed, but said ...": a verb joined by "and" or "but" (at `conj`) to the verb just
 * before it shares that verb's subject, which a speech clause earlier in the sentence (from an
 * opening phrase such as "In his response,") does not replace.
 */
function coordinatedSubject(frame: readonly FrameTok[], conj: number, mentions: MentionLookup): NounPhrase | null {
  let k = conj - 1;
  if (frame[k]?.text === ",") k--;
  const verb = frame[k];
  if (!verb || !verb.isWord || verb.cap || !looksLikeVerb(verb.key)) return null;
  const np = phraseEndingAt(frame, k - 1, mentions);
  return np && np.kind !== "other" ? np : null;
}

/** A word that is a verb of speech or message, or a past form. */
function looksLikeVerb(key: string): boolean {
  return WORDS.speechVerbs.quoteCues.has(key) || WORDS.speechVerbs.messageCues.has(key) || WORDS.verbs.pastLikeNouns.has(key) || /ed$/.test(key);
}

/**
 * A name introduced by its role, starting at frame index `i` after at most two lower-case
 * qualifying words: "area manager Joanne Whitfield-Price", "spokeswoman Priya Natarajan".
 */
function roledNameAfter(frame: readonly FrameTok[], i: number, mentions: MentionLookup): { mention: Mention; to: number } | null {
  for (let k = i; k <= i + 2 && k < frame.length; k++) {
    const r = frame[k]!;
    if (!r.isWord || r.possessive) return null;
    // A lower-case office ("manager"), not an honorific ("Mr."), which no employer comes before.
    const named = isTitleWord(r) && !r.cap ? mentions.byFirst.get(r.start) : undefined;
    if (named && named.roleStart === r.start && named.start > r.start) {
      let to = k;
      while (to + 1 < frame.length && frame[to + 1]!.end <= named.end) to++;
      return frame[to]!.possessive ? null : { mention: named, to };
    }
    if (r.cap || WORDS.function.nonVerbs.has(r.key) || WORDS.function.clauseAdverbs.has(r.key) || WORDS.function.quantifiers.has(r.key) || WORDS.function.stopWords.has(r.key) || looksLikeVerb(r.key)) return null;
  }
  return null;
}

/** The noun phrase starting at frame index `i`, if it can be a speaker. */
/**
 * "Kiren Rijiju in an exclusive interview with IANS had said", "Gandhi in a tweet said": a
 * phrase opened by a preposition may stand between a name and its verb without commas. The name
 * is the subject when it is one itself (not the object of a preposition before it) and nothing
 * but words lies between it and the verb.
 */
function nameBeforeAdverbial(frame: readonly FrameTok[], from: number, mentions: MentionLookup): NounPhrase | null {
  for (let j = from; j > 0 && from - j < 8; j--) {
    const t = frame[j]!;
    if (!t.isWord || t.quote >= 0) return null;
    if (t.cap || !WORDS.function.prepositions.has(t.key)) continue;
    const np = phraseEndingAt(frame, j - 1, mentions);
    if (np?.kind === "name") return np;
  }
  return null;
}

export function phraseStartingAt(frame: readonly FrameTok[], i: number, mentions: MentionLookup): NounPhrase | null {
  let from = i;
  if (frame[i] && WORDS.function.articles.has(frame[i]!.key)) i++;
  const t = frame[i];
  if (!t || !t.isWord) return null;
  const p = isPronoun(t, i === 0);
  if (p) return { kind: "pronoun", pronoun: p, from, to: i };
  // "(said) the message from Sen. Robert Ortt", "(read) a statement from Harrow Council": a
  // communication speaks for the one it is from.
  if (!t.cap && WORDS.speechNouns.quoteCues.has(t.key) && frame[i + 1]?.key === "from") {
    const sender = phraseStartingAt(frame, i + 2, mentions);
    if (sender?.kind === "name") return { ...sender, from };
  }
  const m = mentions.byFirst.get(t.start);
  if (m) {
    let to = i;
    while (to + 1 < frame.length && frame[to + 1]!.end <= m.end) to++;
    // "Environment Agency area manager Joanne Whitfield-Price": the body names the person's
    // employer, and the person after the role is the phrase.
    const employee = frame[to]!.possessive ? null : roledNameAfter(frame, to + 1, mentions);
    if (employee) return { kind: "name", mention: employee.mention, from, to: employee.to };
    to = i;
    while (to + 1 < frame.length && frame[to + 1]!.end <= m.end) to++;
    if (frame[to]!.possessive) return null;
    // "the Harcourt Rovers manager admitted": a body's name before a lower-case office, with no
    // name after it, is a role without a name.
    if (m.roleStart === m.start && m.start === t.start) {
      let j = to + 1;
      while (j < frame.length && isTitleWord(frame[j]!) && !frame[j]!.cap && !frame[j]!.possessive) j++;
      if (j > to + 1 && !frame[j]?.cap) return { kind: "title", words: frame.slice(i, j).map((x) => x.key), from, to: j - 1 };
    }
    return { kind: "name", mention: m, from, to };
  }
  // A name after a description in common nouns the role words do not cover: "coastguard
  // spokeswoman Priya Natarajan", "engineer Fatima Haddad". Up to two such words.
  for (let k = i + 1; k <= i + 2 && k < frame.length; k++) {
    const w = frame[k - 1]!;
    if (!w.isWord || w.cap || w.possessive || WORDS.function.nonVerbs.has(w.key) || WORDS.function.clauseAdverbs.has(w.key) || WORDS.function.quantifiers.has(w.key) || WORDS.function.stopWords.has(w.key) || looksLikeVerb(w.key)) break;
    const r = frame[k]!;
    const named = r.isWord && (r.cap || isTitleWord(r)) ? mentions.byFirst.get(r.start) : undefined;
    if (named) {
      let to = k;
      while (to + 1 < frame.length && frame[to + 1]!.end <= named.end) to++;
      if (frame[to]!.possessive) return null;
      return { kind: "name", mention: named, from, to };
    }
  }
  // ... or after "his", "her": "(said) his publicist, Tamsin Fairley".
  const described = from < i ? describedName(frame, from, i, mentions) : POSSESSIVE_PRONOUNS[t.key] !== undefined && !t.cap ? describedName(frame, from, i + 1, mentions) : null;
  if (described) return described;
  // A role without a name: "the spokesman", "the Russian President"; or with its name in
  // apposition: "(said) his neighbour, Maria Lopez".
  const owned = POSSESSIVE_PRONOUNS[t.key] !== undefined && !!frame[i + 1] && isTitleWord(frame[i + 1]!);
  let j = owned ? i + 1 : i;
  while (j < frame.length && frame[j]!.isWord && (isTitleWord(frame[j]!) || frame[j]!.cap) && !frame[j]!.possessive) j++;
  if (j > i && isTitleWord(frame[j - 1]!)) {
    const named = frame[j]?.text === "," && frame[j + 1]?.isWord ? mentions.byFirst.get(frame[j + 1]!.start) : undefined;
    if (named) {
      let to = j + 1;
      while (to + 1 < frame.length && frame[to + 1]!.end <= named.end) to++;
      const after = frame[to + 1];
      if (!frame[to]!.possessive && (!after || /^[,.;:!?]$/.test(after.text))) return { kind: "name", mention: named, from, to };
    }
    if (owned) return null;
    const words = frame.slice(i, j).map((x) => x.key);
    if (from === i) from = i;
    return { kind: "title", words, from, to: j - 1 };
  }
  return null;
}

/** A token that can only be a verb here: a form of "be", an auxiliary, or a past form. */
function surelyAVerb(t: FrameTok | undefined): boolean {
  return !!t && t.isWord && !t.cap && (WORDS.auxiliaries.be.has(t.key) || WORDS.auxiliaries.beforeVerb.has(t.key) || looksLikeVerb(t.key));
}

/** Words an opening phrase may have before its comma. */
const OPENING_PHRASE_MAX = 5;

/** Words a description may take before the name it stands in apposition to. */
const APPOSITION_REACH = 8;

/**
 * "(said) a prominent local historian, Jane Roe.": after "a" or "the" (at `from`), a description
 * the role words need not cover, then the name in apposition, closing the clause.
 */
function describedName(frame: readonly FrameTok[], from: number, i: number, mentions: MentionLookup): NounPhrase | null {
  for (let k = i; k < frame.length && k <= i + APPOSITION_REACH; k++) {
    const w = frame[k]!;
    if (w.text === ",") {
      const next = frame[k + 1];
      const named = next?.isWord ? mentions.byFirst.get(next.start) : undefined;
      if (!named || k === i) return null;
      let to = k + 1;
      while (to + 1 < frame.length && frame[to + 1]!.end <= named.end) to++;
      const after = frame[to + 1];
      return !frame[to]!.possessive && (!after || /^[,.;:!?]$/.test(after.text)) ? { kind: "name", mention: named, from, to } : null;
    }
    if (!w.isWord || w.quote >= 0 || WORDS.speechVerbs.quoteCues.has(w.key) || WORDS.auxiliaries.be.has(w.key)) return null;
  }
  return null;
}

/** Index just past an introductory phrase ("In 2016,", "While Putin waits,", "Asked why,"), or 0. */
function clauseStart(frame: readonly FrameTok[]): number {
  const t = frame[0];
  if (!t || !t.isWord) return 0;
  // "But Bellamy, 47, was ...": a conjunction opens the clause without an introductory phrase.
  if (WORDS.function.coordinators.has(t.key) && frame[1]?.text !== ",") {
    const rest = clauseStart(frame.slice(1));
    return rest < 0 ? rest : rest + 1;
  }
  const opener = WORDS.function.clauseOpeners.has(t.key) || /(?:ed|ing|ly)$/.test(t.key) || /^\d/.test(t.key);
  if (!opener) return 0;
  let depth = 0;
  for (let i = 1; i < frame.length; i++) {
    const x = frame[i]!.text;
    if (x === "(") depth++;
    else if (x === ")") depth--;
    else if (x === "," && depth <= 0) return i + 1;
  }
  return -1;
}

/**
 * How many tokens one apposition may run to: "The lead plaintiff, Nora Quillfeather, a retired
 * schoolteacher whose well sits less than a mile from the quarry fence, did not attend".
 */
const APPOSITION_MAX = 20;

/** Looks rightwards past a noun phrase ending at `to` for something verb-like. */
function followedByVerb(frame: readonly FrameTok[], to: number): boolean {
  const verbAt = (i: number): boolean => {
    while (isAdverb(frame[i]) && !WORDS.auxiliaries.be.has(frame[i]!.key) && !WORDS.auxiliaries.beforeMainVerb.has(frame[i]!.key)) i++;
    const v = frame[i];
    return !!v && v.isWord && !v.cap && !WORDS.function.nonVerbs.has(v.key);
  };
  // "Gareth Whitlock — no relation to the union leader — runs ...": a dashed aside.
  if (/^[—–]$/.test(frame[to + 1]?.text ?? "")) {
    for (let k = to + 2; k < frame.length && k < to + 16; k++) if (frame[k]!.text === frame[to + 1]!.text) return verbAt(k + 1);
    return false;
  }
  // "Kyrsten Sinema of Arizona blamed ...": a place or body after "of" completes the name.
  if (frame[to + 1]?.key === "of" && !frame[to + 1]!.cap) {
    let k = to + 2;
    if (frame[k]?.key === "the" && !frame[k]!.cap) k++;
    const run = k;
    while (frame[k]?.isWord && frame[k]!.cap && !frame[k]!.possessive) k++;
    if (k > run) return followedByVerb(frame, k - 1);
  }
  if (frame[to + 1]?.text !== ",") return verbAt(to + 1);
  // Skip appositions, up to three: "Eleanor Pratt, 74, a retired teacher, drew ...".
  let comma = to + 1;
  for (let hops = 0; hops < 3; hops++) {
    let k = comma + 1;
    while (k < frame.length && frame[k]!.text !== "," && k < comma + APPOSITION_MAX) k++;
    if (frame[k]?.text !== ",") return false;
    if (verbAt(k + 1)) return true;
    comma = k;
  }
  return false;
}

export function mainSubject(frame: readonly FrameTok[], mentions: MentionLookup): NounPhrase | null {
  const start = clauseStart(frame);
  if (start < 0) {
    // An opening phrase without its comma: "By Sunday morning the mayor had struck a softer note".
    // The first name, role or pronoun a verb follows is the subject.
    for (let k = 1; k < Math.min(frame.length, OPENING_PHRASE_MAX + 2); k++) {
      if (!frame[k]!.isWord || frame[k]!.quote >= 0) return null;
      const np = phraseStartingAt(frame, k, mentions);
      if (np && np.kind !== "other" && surelyAVerb(frame[np.to + 1])) return np.kind === "pronoun" && np.pronoun === "it" ? null : np;
    }
    return null;
  }
  if (start >= frame.length) return null;
  if (frame[start]!.quote >= 0) return null;
  let np = phraseStartingAt(frame, start, mentions);
  if ((!np || !followedByVerb(frame, np.to)) && start === 0) {
    // A short opening phrase no list knows: "Back on the street, Pike was unimpressed".
    const comma = frame.findIndex((t, i) => i > 0 && i <= OPENING_PHRASE_MAX && t.text === ",");
    if (comma > 0 && frame.slice(0, comma).every((t) => t.isWord && t.quote < 0)) {
      np = phraseStartingAt(frame, comma + 1, mentions);
      // "BT Sport's senior director, Sean Hughes, has since ...", "Celeste's barrister, Nadia
      // Sorensen KC, accused ...": the name in apposition to a role (a title word, or anyone's
      // "X's <noun>"), closed by its own comma, is the subject of the verb after it.
      let end = np?.to ?? 0;
      while (frame[end + 1] && isPostNominal(frame[end + 1]!)) end++;
      const role = isTitleWord(frame[comma - 1]!) || (!frame[comma - 1]!.cap && frame.slice(0, comma - 1).some((t) => t.possessive));
      if (np?.kind === "name" && role && frame[end + 1]?.text === "," && (surelyAVerb(frame[end + 2]) || followedByVerb(frame, end + 1))) return { ...np, to: end };
    }
  }
  if (!np || !followedByVerb(frame, np.to)) return null;
  // "It would be ...", "It is clear that ...": an empty subject, not an organisation.
  if (np.kind === "pronoun" && np.pronoun === "it") return null;
  return np;
}

/** A verb in its base form: "post", "report", "say" (not "posts", "posted", "said", "saying"). */
function isBaseForm(key: string): boolean {
  return !/(?:s|ed|ing)$/.test(key) && !WORDS.speechVerbs.pastWithoutEd.has(key);
}

/** One lower-case word that is no pronoun and no plural: "blog", "news", not "I", "we", "divers". */
function isSingularCommonNoun(t: FrameTok | undefined): boolean {
  return !!t && t.isWord && !t.cap && !WORDS.pronouns.takingBaseForm.has(t.key) && !/[^s]s$/.test(t.key);
}

/**
 * A determiner opens the noun phrase ending before `i`: "a blog", "the evening news", "his radio",
 * "every inspection", "whose investigative".
 */
function afterDeterminer(frame: readonly FrameTok[], i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
    const t = frame[k]!;
    if (!t.isWord || t.cap) return false;
    if (WORDS.function.articles.has(t.key) || POSSESSIVE_PRONOUNS[t.key] || WORDS.function.singularDeterminers.has(t.key)) return true;
  }
  return false;
}

/** Speech clauses of a sentence frame, in order. */
export function findClauses(frame: readonly FrameTok[], mentions: MentionLookup, subject: NounPhrase | null): Clause[] {
  const out: Clause[] = [];
  const lastSubject = (): NounPhrase | null => (out.length ? out[out.length - 1]!.speaker : subject);
  const intro = clauseStart(frame);
  for (let v = 0; v < frame.length; v++) {
    const t = frame[v]!;
    if (!t.isWord) continue;
    const key = t.key;

    if (key === "according" && frame[v + 1]?.key === "to") {
      const np = phraseStartingAt(frame, v + 2, mentions);
      if (np) out.push({ at: v, kind: "according", speaker: np, inverted: true });
      continue;
    }
    if (WORDS.speechNouns.quoteCues.has(key) && !t.cap && v > 0) {
      const owner = frame[v - 1]!;
      const m = owner.possessive ? mentions.byLast.get(owner.start) : undefined;
      if (m) {
        out.push({ at: v, kind: "message-noun", speaker: { kind: "name", mention: m, from: v - 1, to: v - 1 }, inverted: false });
        continue;
      }
      const pron = POSSESSIVE_PRONOUNS[owner.key];
      if (pron && !owner.cap) {
        out.push({ at: v, kind: "message-noun", speaker: { kind: "pronoun", pronoun: pron, from: v - 1, to: v - 1 }, inverted: false });
        continue;
      }
    }

    if (t.cap) continue;
    const speech = WORDS.speechVerbs.quoteCues.has(key);
    if (!speech && !WORDS.speechVerbs.messageCues.has(key)) continue;
    const kind = speech ? "speech" : "message";
    const { i: p, skipped } = skipLeft(frame, v - 1);
    const prev = frame[p];
    const ing = key.endsWith("ing");

    if (ing) {
      let np: NounPhrase | null = null;
      if (prev?.text === ",") np = lastSubject();
      else if (prev && WORDS.function.beforeParticiple.has(prev.key)) {
        // "continued by saying": the subject of the verb before "by".
        const verb = frame[p - 1];
        if (verb && verb.isWord && !verb.cap) np = phraseEndingAt(frame, p - 2, mentions);
      } else if (prev?.key === "as" && WORDS.speechVerbs.citing.has(frame[p - 1]?.key ?? "")) {
        // "Brookes was quoted as saying": the passive's subject speaks.
        const { i: q, skipped: aux } = skipLeft(frame, p - 2);
        if (aux.some((w) => WORDS.auxiliaries.be.has(w))) np = phraseEndingAt(frame, q, mentions);
      } else if (skipped.some((w) => WORDS.auxiliaries.be.has(w))) np = phraseEndingAt(frame, p, mentions);
      if (np) out.push({ at: v, kind, speaker: np, inverted: false });
      continue;
    }
    if (prev && prev.isWord && (WORDS.function.nounMarkers.has(prev.key) || prev.possessive) && !prev.cap) continue; // a noun: "the comments", "to say"
    if (prev?.possessive) continue;
    if (skipped.some((w) => WORDS.auxiliaries.be.has(w))) continue; // passive: "the results were confirmed"

    let np = phraseEndingAt(frame, v - 1, mentions);
    let inverted = false;
    if (!np && prev && prev.isWord && WORDS.function.subjectJoiners.has(prev.key)) np = coordinatedSubject(frame, p, mentions) ?? lastSubject();
    if (!np && prev && prev.isWord && WORDS.function.relativePronouns.has(prev.key) && frame[p - 1]?.text === ",") {
      // "Peskov, who said ...": the relative pronoun's antecedent, even after a preposition when
      // it is a full name ("backed by Owen Price, who said ...").
      np = phraseEndingAt(frame, p - 2, mentions);
      const antecedent = frame[p - 2];
      const named = np?.kind === "other" && antecedent ? mentions.byLast.get(antecedent.start) : undefined;
      if (named && named.keys.length >= 2 && !antecedent!.possessive) np = { kind: "name", mention: named, from: np!.from, to: p - 2 };
    }
    const afterQuoteOrComma = !prev || prev.quote >= 0 || /^[,:;—–-]$/.test(prev.text);
    if (!np && speech && afterQuoteOrComma) {
      np = phraseStartingAt(frame, v + 1, mentions);
      inverted = np !== null;
      if (!np && frame[v + 1]?.isWord) {
        np = { kind: "other", from: v + 1, to: v + 1 };
        inverted = true;
      }
    }
    if (!np && prev && prev.isWord && !WORDS.function.beforeVerbNoSubject.has(prev.key)) np = { kind: "other", from: p, to: p };
    if (np?.kind === "other" && !inverted) np = nameBeforeAdverbial(frame, np.from, mentions) ?? np;
    if (!np) continue;
    // "In a statement read to the court, X said": a noun in the opening phrase, with a participle
    // after it, is no one who speaks in this sentence.
    if (np.kind === "other" && !inverted && v < intro) continue;
    // "a blog post", "a news report", "a phone call": a singular noun after a determiner does not
    // take a verb's base form ("the man say" is not English), so this is a noun, not a speaker.
    if (np.kind === "other" && !inverted && skipped.length === 0 && isBaseForm(key) && isSingularCommonNoun(frame[np.from]) && afterDeterminer(frame, np.from)) continue;
    // "reports", "comments", "states" are plural nouns as often as verbs: trust them as verbs only
    // after a name or a pronoun ("the general reports relating to ..." is not speech).
    if (WORDS.speechVerbs.nounLike.has(key) && np.kind !== "name" && np.kind !== "pronoun") continue;
    if (WORDS.speechVerbs.citing.has(key)) {
      // "the Kremlin cited Putin as saying": the one cited speaks.
      const cited = phraseStartingAt(frame, v + 1, mentions);
      if (cited && frame[cited.to + 1]?.key === "as" && WORDS.speechVerbs.quoteCues.has(frame[cited.to + 2]?.key ?? "")) {
        out.push({ at: v, kind: "speech", speaker: cited, inverted: false });
        continue;
      }
      if (!inverted) continue; // "cited sources" is not speech by the subject
    }
    out.push({ at: v, kind, speaker: np, inverted });
  }
  // "In his response to the statement, Prasad agreed, but said ...": a "his" or "her" in the
  // opening phrase looks ahead to the one the main clause names, so where a clause after that
  // phrase has a speaker of its own, the possessive is no speaker of its own.
  if (intro > 0 && out.some((c) => c.at >= intro && c.kind !== "message-noun")) {
    return out.filter((c) => !(c.kind === "message-noun" && c.at < intro && c.speaker.kind === "pronoun"));
  }
  return out;
}

/** The frame of tokens [from, to) of a paragraph, quotations collapsed to placeholders. */
export function buildFrame(toks: readonly Tok[], from: number, to: number, quoteAt: (offset: number) => number): FrameTok[] {
  const frame: FrameTok[] = [];
  let lastQuote = -1;
  for (let i = from; i < to; i++) {
    const t = toks[i]!;
    const q = quoteAt(t.start);
    if (q >= 0) {
      if (q !== lastQuote) frame.push({ text: "\u201cquote\u201d", start: t.start, end: t.end, key: "\u0000quote", isWord: false, cap: false, possessive: false, quote: q });
      else frame[frame.length - 1]!.end = t.end;
      lastQuote = q;
      continue;
    }
    lastQuote = -1;
    frame.push(t);
  }
  return frame;
}
