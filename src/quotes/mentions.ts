/**
 * Name mentions in running text: runs of capitalised words ("Dmitry Peskov", "the Kremlin"),
 * split into the role that precedes a name ("Kremlin spokesman", "Russian President") and the
 * name itself, plus roles given in apposition ("Putin's spokesman, Dmitry Peskov," / "Peskov, the
 * Kremlin spokesman,"). Which capitalised words are ordinary words at a sentence start is learned
 * from the corpus (see `Vocabulary`), not listed.
 */
import { WORDS } from "../text/lexicon.js";
import type { Tok } from "./tokens.js";

/** What the corpus does with one word (folded key). */
export interface WordStats {
  /** Occurrences in all. */
  count: number;
  /** Occurrences written in lower case, and capitalised away from a sentence start. */
  lower: number;
  midCap: number;
  /** Indices of the articles that use it, ascending. */
  articles: number[];
}

/**
 * How the corpus uses each word, gathered in one pass: how often, in which articles, and whether
 * in lower case or capitalised mid-sentence (names are never written in lower case).
 */
export class Vocabulary {
  readonly words = new Map<string, WordStats>();
  /** Words in the corpus. */
  tokens = 0;

  observe(toks: readonly Tok[], sentenceInitial: ReadonlySet<number>, article: number): void {
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i]!;
      if (!t.isWord) continue;
      this.tokens++;
      let w = this.words.get(t.key);
      if (!w) this.words.set(t.key, (w = { count: 0, lower: 0, midCap: 0, articles: [article] }));
      else if (w.articles[w.articles.length - 1] !== article) w.articles.push(article);
      w.count++;
      if (!t.cap) w.lower++;
      else if (!sentenceInitial.has(i)) w.midCap++;
    }
  }

  /**
   * Whether a capitalised word at a sentence start is an ordinary word ("Sanctions", "Asked"),
   * as far as its own shape tells: true, or null when only the whole corpus can tell.
   */
  static byShape(t: Tok): true | null {
    if (WORDS.function.stopWords.has(t.key) || WORDS.function.clauseOpeners.has(t.key)) return true;
    // A function word with a clitic ("It'll", "There'd", "Who've") is one too, listed or not.
    const apostrophe = t.key.indexOf("'");
    return apostrophe > 0 && WORDS.function.stopWords.has(t.key.slice(0, apostrophe)) ? true : null;
  }

  /**
   * A capitalised word at a sentence start that is really an ordinary word: the corpus writes it
   * in lower case more often than capitalised mid-sentence.
   */
  isOrdinaryAtStart(t: Tok): boolean {
    if (Vocabulary.byShape(t)) return true;
    const w = this.words.get(t.key);
    const lower = w?.lower ?? 0;
    const cap = w?.midCap ?? 0;
    if (lower === 0 && cap === 0) return /(?:ed|ing|ly)$/.test(t.key);
    return lower > cap;
  }
}

export interface Mention {
  /** Token indices (inclusive) of the name part, in its paragraph's token array. */
  first: number;
  last: number;
  /** The name's words as written (possessive ending kept on the last one). */
  words: string[];
  /** Folded name words, possessive removed: the lookup key. */
  keys: string[];
  /** The role the text gives this name here, folded words ("kremlin", "spokesman"), or null. */
  role: string[] | null;
  /** The role as written. */
  roleText: string | null;
  /** The name (or its role) is preceded by "the": evidence of an organisation. */
  the: boolean;
  /** The name, with no role, follows "in" ("a court in Limerick"): evidence of a place. */
  afterPlaceWord: boolean;
  /** The name was written with a company's suffix ("Motorola Inc."): evidence of a company. */
  company: boolean;
  /** The last word is possessive ("Putin's spokesman"). */
  possessive: boolean;
  /** Offsets of the name in the article text. */
  start: number;
  end: number;
  /** Start offset of the role written right before the name, or `start` when there is none. */
  roleStart: number;
  /** Start offset of the name's last token. */
  lastStart: number;
}

export function isTitleWord(t: Tok): boolean {
  if (!t.isWord) return false;
  // "Mr." and "Dr." keep their period in the token (see tokens.ts); the honorific is the same word.
  const k = t.key.replace(/'s$/, "").replace(/\.$/, "");
  return WORDS.titles.all.has(k) || (k.endsWith("s") && WORDS.titles.all.has(k.slice(0, -1)));
}

/**
 * Letters of an honour or office after a name ("Martin Hale KC", "Ann Lee MP", "Rhys Bevan AM"):
 * the listed ones, and any other short run of capitals, which a personal name never ends with (a
 * company's suffix excepted: it says whose name it is).
 */
export function isPostNominal(t: Tok): boolean {
  if (WORDS.orgs.companySuffixes.has(t.key)) return false;
  return (WORDS.names.postNominals.has(t.key) && /^\p{Lu}[\p{Lu}h]+$/u.test(t.text)) || /^\p{Lu}{2,4}$/u.test(t.text);
}

function isPluralTitle(t: Tok): boolean {
  return !WORDS.titles.all.has(t.key) && t.key.endsWith("s") && WORDS.titles.all.has(t.key.slice(0, -1));
}

/** "Gran-of-three", "Mother-of-two": a description hyphenated around a small lower-case word. */
const HYPHENATED_DESCRIPTION = /^\p{L}+(?:-\p{L}+)*-(?:of|in|to|and|the)-\p{L}+/u;

function isNameWord(t: Tok | undefined): boolean {
  // "I" is a pronoun, never part of a name ("Congress I said").
  return !!t && t.isWord && t.cap && t.text !== "I" && !/^[@#]/.test(t.text) && !/^\d/.test(t.text) && !HYPHENATED_DESCRIPTION.test(t.text);
}

/** Tokens that sit next to each other with only spaces between (no line break or punctuation). */
function adjacent(text: string, a: Tok, b: Tok): boolean {
  const gap = text.slice(a.end, b.start);
  return gap.length <= 2 && /^[ \t\u00a0]*$/.test(gap);
}

/** Words that may stand before a title as part of the role ("Russian", "opposition", "Putin's"). */
function isRoleWord(t: Tok): boolean {
  if (!t.isWord) return false;
  if (isTitleWord(t)) return true;
  if (t.cap) return !WORDS.function.stopWords.has(t.key) || /^\p{Lu}{2,}/u.test(t.text);
  return WORDS.roleModifiers.all.has(t.key);
}

/** Extends a role leftwards from token `i` (inclusive) over role words; returns its first index. */
function roleStartBefore(text: string, toks: readonly Tok[], i: number, stop: number): number {
  let b = i;
  while (b - 1 > stop && isRoleWord(toks[b - 1]!) && adjacent(text, toks[b - 1]!, toks[b]!) && !toks[b - 1]!.possessive) b--;
  // A possessive owner heads the role: "Putin's spokesman".
  if (b - 1 > stop && toks[b - 1]!.possessive && toks[b - 1]!.cap && adjacent(text, toks[b - 1]!, toks[b]!)) b--;
  return b;
}

function roleOf(text: string, toks: readonly Tok[], from: number, to: number): { role: string[]; roleText: string } | null {
  if (from > to) return null;
  const slice = toks.slice(from, to + 1);
  if (!slice.some(isTitleWord)) return null;
  if (isPluralTitle(slice[slice.length - 1]!)) return null; // "Prime Ministers A, B and C": no single role
  return { role: slice.map((t) => fold(t)), roleText: text.slice(slice[0]!.start, slice[slice.length - 1]!.end) };
}

function fold(t: Tok): string {
  return t.possessive ? `${t.key}'s` : t.key;
}

/**
 * All name mentions of one paragraph. `sentenceInitial` holds the indices of tokens that open a
 * sentence (or a quotation), where a capital letter says nothing about names.
 */

export function findMentions(
  text: string,
  toks: readonly Tok[],
  sentenceInitial: ReadonlySet<number>,
  ordinaryAtStart: (t: Tok) => boolean,
): Mention[] {
  const out: Mention[] = [];
  let i = 0;
  while (i < toks.length) {
    if (!isNameWord(toks[i])) {
      i++;
      continue;
    }
    // The run of capitalised words, with name particles inside it.
    let j = i;
    while (j + 1 < toks.length && !toks[j]!.possessive) {
      const next = toks[j + 1]!;
      if (isNameWord(next) && adjacent(text, toks[j]!, next)) {
        j++;
        continue;
      }
      const after = toks[j + 2];
      if (next.isWord && !next.cap && WORDS.names.particles.has(next.key) && isNameWord(after) && adjacent(text, toks[j]!, next) && adjacent(text, next, after!)) {
        j += 2;
        continue;
      }
      // "Ministry of Trade", "Secretary of State", "the Valmora Chamber of Commerce": one name.
      // Only after a single word, a title, or a name written with "the", so "Jane Doe of
      // Harvard" stays a person and a place.
      // A run that opens with a capitalised "The" ("The Ministry of Health said") has its "the".
      const withThe = (i > 0 && toks[i - 1]!.key === "the") || (toks[i]!.key === "the" && j === i + 1);
      // "for" and "on" join only a name written with "the" ("the Institute for Fiscal Studies"):
      // "Obama for America", "Peskov on Monday" are two names.
      // "of" also joins after a body's noun ("Oregon Department of Forestry") and after a name
      // already joined by one ("Ministry of Finance of Veldria").
      const bodyNoun = WORDS.orgs.nouns.has(toks[j]!.key) || toks.slice(i, j).some((t) => t.key === "of" && !t.cap);
      const joins = next.key === "of" ? j === i || withThe || isTitleWord(toks[j]!) || bodyNoun : WORDS.names.bodyJoiners.has(next.key) && withThe;
      if (joins && !next.cap && adjacent(text, toks[j]!, next)) {
        const skip = toks[j + 2]?.key === "the" && !toks[j + 2]!.cap ? 3 : 2;
        const target = toks[j + skip];
        if (isNameWord(target) && adjacent(text, toks[j + skip - 1]!, target!)) {
          j += skip;
          continue;
        }
      }
      break;
    }
    // "the Ludmori government", "the Karvanian foreign ministry": a body named by a proper word
    // and a lower-case noun for a body is one name, so it can speak and be referred back to.
    const definite = (i > 0 && toks[i - 1]!.key === "the") || (toks[i]!.key === "the" && j > i);
    if (definite && !toks[j]!.possessive) {
      let x = j + 1;
      while (toks[x] && !toks[x]!.cap && WORDS.orgs.qualifiers.has(toks[x]!.key) && adjacent(text, toks[x - 1]!, toks[x]!)) x++;
      const noun = toks[x];
      if (noun && noun.isWord && !noun.cap && WORDS.orgs.nouns.has(noun.key.replace(/'s$/, "")) && adjacent(text, toks[x - 1]!, noun)) j = x;
    }
    const runTo = j;
    let runEnd = j;
    // "Martin Hale KC", "Ann Lee MP": honours after a name of two words or more are not part of it.
    while (runEnd - 2 >= i && isPostNominal(toks[runEnd]!)) runEnd--;
    // "Thomson Reuters Corp", "Motorola Inc.": a company's suffix is not part of the name, but says
    // whose name it is.
    const company = runEnd - 1 >= i && WORDS.orgs.companySuffixes.has(toks[runEnd]!.key);
    if (company) runEnd--;
    let s = i;
    let the = s > 0 && toks[s - 1]!.key === "the";
    // The run's first word, taken for an ordinary word only because it opens the sentence.
    let openingWord = -1;
    if (sentenceInitial.has(s) && ordinaryAtStart(toks[s]!)) {
      if (toks[s]!.key === "the") the = true;
      openingWord = s;
      s++;
    }
    while (s <= runEnd && WORDS.function.stopWords.has(toks[s]!.key) && !/^\p{Lu}{2,}/u.test(toks[s]!.text)) {
      if (toks[s]!.key === "the") the = true;
      s++;
    }
    i = runTo + 1;
    if (s > runEnd) continue;

    // Split "Russian President Vladimir Putin" into its role and its name at the last title word.
    let k = -1;
    for (let x = s; x <= runEnd; x++) if (isTitleWord(toks[x]!)) k = x;
    if (k !== -1 && toks[k + 1]?.key === "of") {
      // "Secretary of State Mike Pompeo": the office takes what follows "of" but the last two
      // words, which are the name; "Secretary of State" alone is an office without a name.
      let x = k + 2;
      if (toks[x]?.key === "the") x++;
      k = runEnd - x + 1 >= 3 ? runEnd - 2 : runEnd;
    }
    const first = k === -1 ? s : k + 1;
    if (first > runEnd) continue; // a role alone ("the Russian President"): no name here
    const last = runEnd;
    if (toks.slice(first, last + 1).every((t) => WORDS.names.suffixes.has(t.key))) continue; // "Jr." cut off by a comma

    let roleFrom = k === -1 ? first : s;
    let role = k === -1 ? null : roleOf(text, toks, s, k);
    // A lower-case title right before the name: "Kremlin spokesman Dmitry Peskov"; or one that
    // opens the sentence, capitalised only for that: "Mayor Helen Brandt opened the bridge".
    const openingTitle = first - 1 === openingWord;
    if (first - 1 >= 0 && isTitleWord(toks[first - 1]!) && (k !== -1 || !toks[first - 1]!.cap || openingTitle) && adjacent(text, toks[first - 1]!, toks[first]!)) {
      roleFrom = roleStartBefore(text, toks, first - 1, -1);
      role = roleOf(text, toks, roleFrom, first - 1);
    }
    // "Chairman and Chief Executive Officer Ed Zander", "president and chief executive Jo Lund":
    // two offices joined by "and" before one name are that person's one role.
    const and = toks[roleFrom - 1];
    if (role && and?.key === "and" && roleFrom >= 2 && isTitleWord(toks[roleFrom - 2]!) && adjacent(text, toks[roleFrom - 2]!, and) && adjacent(text, and, toks[roleFrom]!)) {
      roleFrom = roleStartBefore(text, toks, roleFrom - 2, -1);
      role = roleOf(text, toks, roleFrom, first - 1);
    }
    if (roleFrom > 0 && toks[roleFrom - 1]!.key === "the") the = true;

    // Apposition before: "Putin's spokesman, Dmitry Peskov," (the name closed by a comma or the end).
    const after = toks[last + 1];
    if (!role && first >= 2 && toks[first - 1]!.text === "," && isTitleWord(toks[first - 2]!) && (!after || /^[,.;:)]$/.test(after.text))) {
      let from = roleStartBefore(text, toks, first - 2, -1);
      let to = first - 2;
      // "A spokeswoman for the mayor, Carla Jimenez,": she is the spokeswoman, not the mayor.
      const det = toks[from - 1];
      const forTok = det && WORDS.function.articles.has(det.key) ? toks[from - 2] : det;
      const office = forTok?.key === "for" ? toks[toks.indexOf(forTok) - 1] : undefined;
      if (office && isTitleWord(office) && !office.cap) {
        to = toks.indexOf(office);
        from = roleStartBefore(text, toks, to, -1);
      }
      role = roleOf(text, toks, from, to);
    }
    // Apposition after: "Peskov, the Kremlin spokesman, said". A day or month holds no office:
    // "Late on Friday, the minister's spokeswoman, Dana Ivers, said" gives it to the one named after.
    const dated = last === first && (WORDS.calendar.weekdays.has(toks[first]!.key) || WORDS.calendar.months.has(toks[first]!.key));
    if (!role && !dated && after?.text === ",") {
      let x = last + 2;
      if (toks[x] && WORDS.function.articles.has(toks[x]!.key)) x++;
      let y = x;
      while (toks[y] && isRoleWord(toks[y]!) && !isTitleWord(toks[y]!)) y++;
      while (toks[y + 1] && isTitleWord(toks[y + 1]!) && isTitleWord(toks[y]!)) y++;
      const close = toks[y + 1];
      if (toks[y] && isTitleWord(toks[y]!) && (!close || /^[,.;:)]$/.test(close.text))) role = roleOf(text, toks, x, y);
    }

    // "Sen. Robert Ortt, R-North Tonawanda,", "(D-Glen Cove)": a party's letter and a district
    // after a name are no one's name.
    const tag = toks[first]!;
    if (tag.text.charAt(1) === "-" && tag.cap && (toks[first - 1]?.text === "," || toks[first - 1]?.text === "(")) continue;

    const words = toks.slice(first, last + 1);
    out.push({
      first,
      last,
      words: words.map((t) => t.text),
      // A name's apostrophe is a spelling the same article may leave out ("Matiang’i", "Matiangi").
      keys: words.map((t) => t.key.replace(/\.$/, "").replaceAll("'", "")),
      role: role?.role ?? null,
      roleText: role?.roleText ?? null,
      the,
      company,
      afterPlaceWord: roleFrom > 0 && first === roleFrom && !toks[last]!.possessive && !toks[roleFrom - 1]!.cap && WORDS.names.beforePlaces.has(toks[roleFrom - 1]!.key),
      possessive: toks[last]!.possessive,
      start: toks[first]!.start,
      end: toks[last]!.end,
      roleStart: toks[Math.min(roleFrom, first)]!.start,
      lastStart: toks[last]!.start,
    });
  }
  return out;
}
