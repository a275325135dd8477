/**
 * Words and punctuation of a stretch of article text, with offsets, shaped for the attribution
 * rules: capitalisation, possessives ("Putin's", "Putin’s") and dotted abbreviations ("U.S.",
 * "Mr.", initials) are recognised; quote marks are punctuation.
 */
import { fold } from "../search/analyzer.js";

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
}

const TOKEN =
  /(?:\p{Lu}\.){2,}|(?:\p{L}\.)(?=\s*\p{Lu})|[@#]?[\p{L}\p{N}]+(?:[-'’.][\p{L}\p{N}]+)*(?:['’](?=\s|[,.;:!?)]|$))?|\S/gu;

/** Abbreviations whose period belongs to the word. */
const DOTTED = /^(?:mr|mrs|ms|dr|st|jr|sr|gen|sen|rep|gov|prof|lt|col|capt|sgt|rev|hon)$/i;

export function tokenize(text: string, from = 0, to = text.length): Tok[] {
  const out: Tok[] = [];
  const re = new RegExp(TOKEN.source, "gu");
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  const stretch = text.slice(0, to);
  while ((m = re.exec(stretch))) {
    let surface = m[0];
    let end = m.index + surface.length;
    const isWord = /[\p{L}\p{N}]/u.test(surface[0]!) || (surface.length > 1 && /[@#]/.test(surface[0]!));
    if (isWord && text[end] === "." && DOTTED.test(surface)) {
      surface += ".";
      end++;
      re.lastIndex = end;
    }
    let key = isWord ? fold(surface) : surface;
    let possessive = false;
    if (isWord) {
      if (/'s$/.test(key) && key.length > 2) {
        key = key.slice(0, -2);
        possessive = true;
      } else if (/s'$/.test(key)) {
        key = key.slice(0, -1);
        possessive = true;
      } else if (key.endsWith("'")) {
        key = key.slice(0, -1);
      }
    }
    out.push({
      text: surface,
      start: m.index,
      end,
      key,
      isWord,
      cap: isWord && /^[@#]?\p{Lu}/u.test(surface),
      possessive,
    });
  }
  return out;
}
