/**
 * The text analyzer shared by indexing and querying: words out of text, then folded (case,
 * diacritics, curly quotes), stop words dropped, irregular forms and British spellings mapped to one
 * word ("wrote" to "write", "criticised" to "criticized"), English (Porter) stems. Index and query must use
 * the same analyzer; ANALYZER_VERSION names it so a persisted index can tell it is stale.
 */
import { stemmer } from "stemmer";
import { WORDS } from "../text/lexicon.js";
import { Scanner } from "../text/scan.js";
import { americanSpelling, IRREGULAR } from "./english.js";

export const ANALYZER_VERSION = "porter-en-2";

/** Case, diacritics, ligatures and typographic quotes folded away. */
export function fold(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/[\u2018\u2019\u201A\u201B\u2032`´]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033«»]/g, '"')
    .toLowerCase();
}

/** A word: letters or digits, with inner apostrophes or dots ("o'brien", "u.s."); hyphens split. */
const WORD = /[\p{L}\p{N}]+(?:['’.][\p{L}\p{N}]+)*\.?/gu;

/** "U.S.", "US" and "USA" would fold into the stop word "us"; they name a country. */
const COUNTRY_US = /^(?:U\.S\.?(?:A\.?)?|US|USA)$/;

export interface Token {
  /** The surface form as written. */
  word: string;
  /** Offset of the word in the analysed string. */
  start: number;
}

/** Surface words with their offsets, before folding. */
export function words(text: string): Token[] {
  const out: Token[] = [];
  const scanner = new Scanner(text, WORD);
  for (let m = scanner.next(); m; m = scanner.next()) {
    let word = m.text;
    if (word.endsWith(".") && !/\p{L}\.\p{L}/u.test(word)) word = word.slice(0, -1);
    out.push({ word, start: m.start });
  }
  return out;
}

const stemCache = new Map<string, string | null>();

/** One surface word to its index term, or null for stop words and noise. */
export function term(word: string): string | null {
  if (COUNTRY_US.test(word)) return "usa";
  const cached = stemCache.get(word);
  if (cached !== undefined) return cached;
  let folded = fold(word).replace(/\./g, "");
  folded = folded.replace(/'s$/, "").replace(/'$/, "");
  let result: string | null;
  if (folded.length === 0 || WORDS.function.stopWords.has(folded)) result = null;
  else if (/^\d+$/.test(folded)) result = folded;
  else if (folded.length === 1) result = null;
  else {
    const plain = folded.replace(/'/g, "");
    result = stemmer(IRREGULAR.get(plain) ?? americanSpelling(plain));
  }
  if (stemCache.size < 200_000) stemCache.set(word, result);
  return result;
}

/** All index terms of a text, in order, duplicates kept. */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const t of words(text)) {
    const x = term(t.word);
    if (x) out.push(x);
  }
  return out;
}
