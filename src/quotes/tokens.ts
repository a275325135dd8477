/**
 * Words and punctuation of a stretch of article text, with offsets, shaped for the attribution
 * rules: capitalisation, possessives ("Putin's", "Putin’s") and dotted abbreviations ("U.S.",
 * "Mr.", initials) are recognised; quote marks are punctuation.
 */
import { fold } from "../search/analyzer.js";
import { alternation } from "../text/lexicon.js";
import { Scanner } from "../text/scan.js";

export interface Tok {
  text: string;
  start: number;
  end: number;
  /** Folded form, possessive ending removed ("putin" for "Putin’s"). */
  key: string;
  isWord: boolean;
  /** Starts with an upper-case letter (or is a dotted acronym). */
  cap: boolean;
  /** Ends in 's / ’s, or is a plural ending in s' / s’. */
  possessive: boolean;
  /** Index of the quotation a placeholder token stands for (see clauses.ts); -1 for real tokens. */
  quote: number;
}

const TOKEN =
  /(?:\p{Lu}\.){2,}|(?:\p{L}\.)(?=\s*\p{Lu})|[@#]?[\p{L}\p{N}]+(?:[-'’.][\p{L}\p{N}]+)*(?:['’](?=\s|[,.;:!?)]|$))?|\S/gu;

/** Abbreviations whose period belongs to the word. */
const DOTTED = new RegExp(`^(?:${alternation("abbreviations.keepingPeriod")})$`, "i");

const ASCII = /^[ -~]*$/;

/** Folds a word for lookup; plain ASCII words (nearly all) skip the Unicode normalisation. */
export function foldWord(w: string): string {
  return ASCII.test(w) ? w.toLowerCase() : fold(w);
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const UPPER = /^[@#]?\p{Lu}/u;

function isCapitalised(surface: string): boolean {
  const c = surface.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c < 128 && c !== 64 && c !== 35) return false;
  return UPPER.test(surface);
}

export function tokenize(text: string, from = 0, to = text.length): Tok[] {
  const out: Tok[] = [];
  const scanner = new Scanner(text, TOKEN, from, to);
  for (let m = scanner.next(); m; m = scanner.next()) {
    let surface = m.text;
    const start = m.start;
    let end = start + surface.length;
    // The punctuation alternative matches one character; every longer match is a word.
    const isWord = surface.length > 1 ? surface !== "\r\n" : WORD_CHAR.test(surface);
    if (!isWord) {
      out.push({ text: surface, start, end, key: surface, isWord, cap: false, possessive: false, quote: -1 });
      continue;
    }
    if (text.charCodeAt(end) === 46 && surface.length <= 4 && DOTTED.test(surface)) {
      surface += ".";
      end++;
      scanner.resumeAt(end);
    }
    let key = foldWord(surface);
    let possessive = false;
    if (key.length > 2 && key.endsWith("'s")) {
      key = key.slice(0, -2);
      possessive = true;
    } else if (key.endsWith("s'")) {
      key = key.slice(0, -1);
      possessive = true;
    } else if (key.endsWith("'")) {
      key = key.slice(0, -1);
    }
    out.push({ text: surface, start, end, key, isWord, cap: isCapitalised(surface), possessive, quote: -1 });
  }
  return out;
}
