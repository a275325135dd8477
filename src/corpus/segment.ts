/**
 * Paragraph and sentence segmentation that only ever returns offsets into the original text.
 * Nothing here copies or rewrites text, which is what keeps every later excerpt an exact slice.
 */
import type { Span } from "./types.js";

const TERMINAL = /[.!?…]/;
/** The characters sentence splitting reacts to: terminal punctuation and double quotes. */
const MARKS = /[.!?…“”"]/.source;
const CLOSERS = new Set(['"', "”", "’", "'", ")", "]", "»"]);
const LOWER_START = /^\s*[\p{Ll}\d]/u;

/**
 * Words that end in a period without ending a sentence. Lower-cased, without the period.
 * Titles, months and common abbreviations of news copy; dotted acronyms ("U.S.") and single
 * initials ("J.") are recognised by shape instead.
 */
const ABBREVIATIONS = new Set([
  "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "capt", "sgt", "maj",
  "adm", "cmdr", "gens", "reps", "sens", "rev", "hon", "pres", "st", "jr", "sr", "vs", "v", "inc",
  "ltd", "co", "corp", "no", "nos", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
  "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
  "mt", "ft", "approx", "dept", "est", "fig", "al", "op", "ed", "cf", "e.g", "i.e", "a.m", "p.m",
]);

function trimSpan(text: string, start: number, end: number): Span | null {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return start < end ? { start, end } : null;
}

/** Does a line break at `lineEnd` continue the same paragraph (hard-wrapped prose)? */
function continuesParagraph(text: string, lineStart: number, lineEnd: number, nextStart: number): boolean {
  const line = text.slice(lineStart, lineEnd).trimEnd();
  if (line.length === 0) return false;
  if (/[.!?…:]["”’')\]]*$/.test(line)) return false;
  const next = text.slice(nextStart, text.indexOf("\n", nextStart) === -1 ? text.length : text.indexOf("\n", nextStart));
  if (/^\s*([-*•·]|\d+[.)])\s/.test(next)) return false;
  // A long line that stops mid-sentence, or a line followed by a lower-case continuation, is wrapping.
  return line.length >= 60 || LOWER_START.test(next);
}

/**
 * Paragraphs are separated by blank lines; inside a block, each line is its own paragraph unless
 * the block is hard-wrapped prose. Web pages pasted as text put one paragraph (or one menu item)
 * per line, while hand-wrapped articles break lines mid-sentence: both come out right.
 */
export function splitParagraphs(text: string): Span[] {
  const spans: Span[] = [];
  const lineRe = /\n/g;
  let paraStart = 0;
  let lineStart = 0;
  let m: RegExpExecArray | null;
  const close = (end: number, nextStart: number) => {
    const span = trimSpan(text, paraStart, end);
    if (span) spans.push(span);
    paraStart = nextStart;
  };
  while ((m = lineRe.exec(text))) {
    const lineEnd = m.index;
    const nextStart = m.index + 1;
    const lineIsBlank = text.slice(lineStart, lineEnd).trim() === "";
    const nextEol = text.indexOf("\n", nextStart);
    const nextIsBlank = text.slice(nextStart, nextEol === -1 ? text.length : nextEol).trim() === "";
    if (lineIsBlank) {
      paraStart = nextStart;
    } else if (nextIsBlank || !continuesParagraph(text, lineStart, lineEnd, nextStart)) {
      close(lineEnd, nextStart);
    }
    lineStart = nextStart;
  }
  close(text.length, text.length);
  return spans;
}

/** Is the period at `dot` part of an abbreviation, initial or acronym rather than a full stop? */
function isAbbreviation(text: string, dot: number, from: number): boolean {
  let i = dot;
  while (i > from && /[\p{L}.]/u.test(text[i - 1]!)) i--;
  const word = text.slice(i, dot);
  if (word.length === 0) return false;
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return true; // U.S, U.K, a.m, e.g
  if (/^\p{Lu}$/u.test(word)) return true; // an initial: "J. Biden"
  return ABBREVIATIONS.has(word.toLowerCase());
}

/**
 * Sentences inside `span`. A boundary is terminal punctuation, any closing quotes or brackets,
 * white space, then something that can start a sentence. Boundaries inside an open quotation are
 * skipped, so a quote that runs over several sentences stays whole with its attribution
 * ("... announcement," Peskov explained.), unless the quotation grows past `maxQuoted` characters.
 */
export function splitSentences(text: string, span: Span, maxQuoted = 600): Span[] {
  const out: Span[] = [];
  let start = span.start;
  let quoteOpenedAt = -1;
  // Only quotation marks and terminal punctuation can change anything: jump from one to the next
  // rather than testing every character (a speech-length paragraph is hundreds of kilobytes).
  const marks = new RegExp(MARKS, "g");
  marks.lastIndex = span.start;
  for (let m = marks.exec(text); m !== null && m.index < span.end; m = marks.exec(text)) {
    const i = m.index;
    const ch = text[i]!;
    if (ch === "“") quoteOpenedAt = i;
    else if (ch === "”") quoteOpenedAt = -1;
    else if (ch === '"') {
      const prev = i > span.start ? text[i - 1]! : " ";
      if (quoteOpenedAt === -1 && /[\s([—–-]/.test(prev)) quoteOpenedAt = i;
      else if (quoteOpenedAt === -1 && i === span.start) quoteOpenedAt = i;
      else quoteOpenedAt = -1;
    }
    if (!TERMINAL.test(ch)) continue;
    let j = i + 1;
    while (j < span.end && TERMINAL.test(text[j]!)) j++;
    let closedQuote = false;
    while (j < span.end && CLOSERS.has(text[j]!)) {
      if (text[j] === '"' || text[j] === "”") closedQuote = true;
      j++;
    }
    if (j >= span.end) break;
    if (!/\s/.test(text[j]!)) continue;
    let k = j;
    while (k < span.end && /\s/.test(text[k]!)) k++;
    if (k >= span.end) break;
    if (!/[\p{Lu}\d“"‘'([¿¡]/u.test(text[k]!)) continue;
    if (ch === "." && isAbbreviation(text, i, start)) continue;
    const insideQuote = quoteOpenedAt !== -1 && !closedQuote;
    if (insideQuote && i - quoteOpenedAt < maxQuoted) {
      marks.lastIndex = j;
      continue;
    }
    if (closedQuote) quoteOpenedAt = -1;
    const s = trimSpan(text, start, j);
    if (s) out.push(s);
    start = k;
    marks.lastIndex = k;
  }
  const last = trimSpan(text, start, span.end);
  if (last) out.push(last);
  return out;
}
