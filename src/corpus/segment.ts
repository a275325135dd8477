/**
 * Paragraph and sentence segmentation that only ever returns offsets into the original text.
 * Nothing here copies or rewrites text, which is what keeps every later excerpt an exact slice.
 */
import type { Span } from "./types.js";

/** Sentence punctuation: Latin, the CJK full stop and marks, the Devanagari danda and double danda. */
const TERMINAL = /[.!?…。！？।॥]/;
/** Full-width marks end a sentence with no space after them (Chinese and Japanese use none). */
const FULL_WIDTH_TERMINAL = /[。！？]/;
/** The characters sentence splitting reacts to: terminal punctuation and quotation marks. */
const MARKS = /[.!?…。！？।॥“”"„«»「」『』]/.source;
const CLOSERS = new Set(['"', "”", "“", "’", "'", ")", "]", "»", "」", "』", "）"]);
/** What can start a sentence: a capital, a letter of a script without case (CJK, Devanagari, Arabic ...), a digit, an opening mark. */
const SENTENCE_START = /[\p{Lu}\p{Lt}\p{Lo}\d“"‘'([¿¡«„「『]/u;
const LOWER_START = /^\s*[\p{Ll}\d]/u;
const FOOTNOTE_AFTER_STOP = /^\[\d{1,4}\]/;

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

/** A line that ends like a sentence: terminal punctuation, maybe closing quotes or brackets. */
const ENDS_SENTENCE = /[.!?…:]["”’')\]]*$/;
const LIST_ITEM = /^\s*([-*•·]|\d+[.)])\s/;
/** Lines at least this long that stop mid-sentence are what a hard wrap at a fixed width leaves. */
const WRAP_MIN = 60;

interface Line {
  start: number;
  end: number;
}

/**
 * Is a block (lines between blank lines) hard-wrapped prose? Wrapping at a fixed width breaks
 * most long lines mid-sentence, while a scraped page puts one paragraph per line, so its long
 * lines end like sentences and the few that do not are captions, datelines or headlines.
 * The block's last line ends a paragraph either way and is not counted.
 */
function isHardWrapped(text: string, lines: Line[]): boolean {
  let open = 0;
  let closed = 0;
  for (let i = 0; i < lines.length - 1; i++) {
    const line = text.slice(lines[i]!.start, lines[i]!.end).trimEnd();
    if (line.length < WRAP_MIN) continue;
    if (ENDS_SENTENCE.test(line)) closed++;
    else open++;
  }
  return open > closed;
}

/** Does `line` run on into `next` (the same paragraph, broken by a line break)? */
function continuesParagraph(text: string, line: Line, next: Line, wrapped: boolean): boolean {
  const before = text.slice(line.start, line.end).trimEnd();
  if (ENDS_SENTENCE.test(before)) return false;
  const after = text.slice(next.start, next.end);
  if (LIST_ITEM.test(after)) return false;
  // A lower-case continuation is a broken sentence in any layout; a long line that stops
  // mid-sentence is wrapping only where the block is wrapped.
  return LOWER_START.test(after) || (wrapped && before.trim().length >= WRAP_MIN);
}

/**
 * Paragraphs are separated by blank lines; inside a block, each line is its own paragraph unless
 * the block is hard-wrapped prose. Web pages pasted as text put one paragraph (or one menu item)
 * per line, while hand-wrapped articles break lines mid-sentence: both come out right.
 */
export function splitParagraphs(text: string): Span[] {
  const spans: Span[] = [];
  let block: Line[] = [];
  const flush = () => {
    if (block.length === 0) return;
    const wrapped = block.length > 1 && isHardWrapped(text, block);
    let paraStart = block[0]!.start;
    for (let i = 0; i < block.length; i++) {
      const line = block[i]!;
      const next = block[i + 1];
      if (next && continuesParagraph(text, line, next, wrapped)) continue;
      const span = trimSpan(text, paraStart, line.end);
      if (span) spans.push(span);
      if (next) paraStart = next.start;
    }
    block = [];
  };
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf("\n", lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    if (/\S/.test(text.slice(lineStart, lineEnd))) block.push({ start: lineStart, end: lineEnd });
    else flush();
    lineStart = lineEnd + 1;
  }
  flush();
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
    if (ch === "“") {
      // “ closes in German and Russian typography („so“, sagte er): after a word, before a space or punctuation.
      const closes = i > span.start && !/\s/.test(text[i - 1]!) && (i + 1 >= span.end || /[\s,.;:!?)…]/.test(text[i + 1]!));
      quoteOpenedAt = closes ? -1 : i;
    } else if (ch === "„" || ch === "«" || ch === "「" || ch === "『") {
      if (quoteOpenedAt === -1) quoteOpenedAt = i;
    } else if (ch === "»" || ch === "」" || ch === "』") quoteOpenedAt = -1;
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
      if (text[j] === '"' || text[j] === "”" || text[j] === "“" || text[j] === "»" || text[j] === "」" || text[j] === "』") closedQuote = true;
      j++;
    }
    // Footnote marks after the stop belong to the sentence they follow ("in 1998.[3] It ...").
    for (let mark = FOOTNOTE_AFTER_STOP.exec(text.slice(j, j + 12)); mark; mark = FOOTNOTE_AFTER_STOP.exec(text.slice(j, j + 12))) j += mark[0].length;
    if (j >= span.end) break;
    if (!/\s/.test(text[j]!) && !FULL_WIDTH_TERMINAL.test(ch)) continue;
    let k = j;
    while (k < span.end && /\s/.test(text[k]!)) k++;
    if (k >= span.end) break;
    if (!SENTENCE_START.test(text[k]!)) continue;
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
