/**
 * Finds quotations by their marks, as offsets into the article text. Works paragraph by paragraph
 * over the kept (non-furniture) paragraphs, so a headline or a caption never opens a quote that
 * swallows the body. Handles curly, straight, angle and CJK corner marks (「」, 『』 inside them),
 * quotes nested in quotes (kept inside
 * the outer quote), apostrophes that look like closing marks, and news-style quotes that run over
 * several paragraphs: the opening mark repeats on each paragraph, the closing mark only on the last.
 */
import type { Article, Span } from "../corpus/types.js";

export interface QuoteMarks {
  /** Offset of the opening mark. */
  open: number;
  /**
   * Offset of the closing mark. A quotation whose closing mark never comes is reported only when its
   * text ends a sentence at its paragraph's end; `close` is then that end.
   */
  close: number;
  /** The quoted text: from just after the opening mark to the closing mark. */
  start: number;
  end: number;
  /** The quoted text of each paragraph the quote runs over, without the marks. */
  parts: Span[];
  /** Indices of the paragraphs it runs over. */
  paragraphs: number[];
}

type Family = "double" | "single" | "angle" | "corner" | "white-corner";

/** A quotation longer than this in one paragraph is a mis-pairing of marks, not a quote. */
export const MAX_QUOTE_CHARS = 4000;

interface Mark {
  at: number;
  family: Family;
  role: "open" | "close";
}

const SPACE = /\s/;
/** What may stand before an opening mark. */
const BEFORE_OPEN = /[\s([{—–\-/:;,“‘«"']/;
/** What may stand after a closing mark. */
const AFTER_CLOSE = /[\s.,;:!?)\]}—–\-/…”’»"']/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** Characters that end a quoted sentence, and closing marks that may follow them unpaired. */
const SENTENCE_END = ".!?…";
const STRAY_CLOSER = "’”\"'»";

function charAt(text: string, i: number, from: number, to: number): string {
  return i >= from && i < to ? text[i]! : " ";
}

/**
 * The marks of one paragraph, each classified as opening or closing from its shape and its
 * neighbours. Ambiguous straight marks are decided later by the pairing state.
 */
function classify(text: string, from: number, to: number): (Mark | { at: number; family: Family; role: "either" })[] {
  const out: (Mark | { at: number; family: Family; role: "either" })[] = [];
  for (let i = from; i < to; i++) {
    const ch = text[i]!;
    const prev = charAt(text, i - 1, from, to);
    const next = charAt(text, i + 1, from, to);
    switch (ch) {
      case "„":
        out.push({ at: i, family: "double", role: "open" });
        break;
      case "“":
        // German and some Central European styles close with “ („so“, sagte er): a “ with
        // nothing quotable after it is a closing mark.
        if (!SPACE.test(prev) && (SPACE.test(next) || /[,.;:!?)…]/.test(next))) out.push({ at: i, family: "double", role: "close" });
        else out.push({ at: i, family: "double", role: "open" });
        break;
      case "”":
        // Some pages use ” for both marks; one at a word start is an opener.
        if (BEFORE_OPEN.test(prev) && !SPACE.test(next) && !AFTER_CLOSE.test(next)) out.push({ at: i, family: "double", role: "open" });
        else out.push({ at: i, family: "double", role: "close" });
        break;
      case "«":
        out.push({ at: i, family: "angle", role: "open" });
        break;
      // Chinese and Japanese corner brackets cannot be mistaken for anything else.
      case "「":
        out.push({ at: i, family: "corner", role: "open" });
        break;
      case "」":
        out.push({ at: i, family: "corner", role: "close" });
        break;
      case "『":
        out.push({ at: i, family: "white-corner", role: "open" });
        break;
      case "』":
        out.push({ at: i, family: "white-corner", role: "close" });
        break;
      case "»":
        out.push({ at: i, family: "angle", role: "close" });
        break;
      case '"': {
        const canOpen = BEFORE_OPEN.test(prev) && !SPACE.test(next);
        const canClose = !SPACE.test(prev) && AFTER_CLOSE.test(next);
        if (canOpen && !canClose) out.push({ at: i, family: "double", role: "open" });
        else if (canClose && !canOpen) out.push({ at: i, family: "double", role: "close" });
        else out.push({ at: i, family: "double", role: "either" });
        break;
      }
      case "‘":
        // ‘90s, ‘em: an apostrophe written with the wrong mark is followed by a digit.
        if (!/\d/.test(next)) out.push({ at: i, family: "single", role: "open" });
        break;
      case "’":
      case "'": {
        // An apostrophe sits between letters (it’s, Biden’s) or after a plural s (voters’ choice).
        if (LETTER_OR_DIGIT.test(prev) && LETTER_OR_DIGIT.test(next)) break;
        const canOpen = ch === "'" && BEFORE_OPEN.test(prev) && /\p{L}/u.test(next);
        const canClose = !SPACE.test(prev) && AFTER_CLOSE.test(next);
        if (canOpen) out.push({ at: i, family: "single", role: "open" });
        else if (canClose) out.push({ at: i, family: "single", role: "close" });
        break;
      }
    }
  }
  return out;
}

interface Segment {
  open: number;
  /** Closing mark offset, or -1 when the paragraph ended with the quote still open. */
  close: number;
}

/**
 * Top-level quotations of one paragraph. Marks of the paragraph's main families (double, angle and
 * corner marks if there are any, else single marks) delimit quotes; marks of other families inside a quote are
 * nested quotes and stay part of it. `continuing` says the previous paragraph ended inside a quote.
 */
function paragraphQuotes(text: string, from: number, to: number): Segment[] {
  const marks = classify(text, from, to);
  const hasDouble = marks.some((m) => m.family !== "single");
  const primary = (m: { family: Family }) => (hasDouble ? m.family !== "single" : m.family === "single");

  const segments: Segment[] = [];
  let openAt = -1;
  let openFamily: Family | null = null;
  const first = marks.find(primary);
  for (const m of marks) {
    if (!primary(m)) continue;
    if (openAt === -1) {
      // Nothing is open at a paragraph's start, so a closing mark there, with a closer of its kind
      // later in the paragraph, is an opener typed the wrong way round (” If I …”).
      const opensParagraph = m === first && m.role === "close" && text.slice(from, m.at).trim() === "" && marks.some((x) => x.at > m.at && x.family === m.family && x.role !== "open");
      if (m.role === "close" && !opensParagraph) continue; // a stray closer, or an apostrophe we could not tell apart
      openAt = m.at;
      openFamily = m.family;
      continue;
    }
    if (m.family !== openFamily) continue;
    if (m.role === "open") {
      // Another opener of the same kind before any closer: the first one was stray (nested quotes
      // use the other kind of mark). Starting again here keeps one stray mark from pairing
      // every later quote the wrong way round.
      openAt = m.at;
      continue;
    }
    segments.push({ open: openAt, close: m.at });
    openAt = -1;
    openFamily = null;
  }
  if (openAt !== -1) segments.push({ open: openAt, close: -1 });
  return segments;
}

/** Does the paragraph start with an opening quotation mark (a continued quote's repeat mark)? */
function startsWithOpener(text: string, p: Span): boolean {
  const ch = text[p.start];
  return ch === "“" || ch === '"' || ch === "«" || ch === "„" || ch === "「" || ch === "『" || ch === "‘" || (ch === "'" && /\p{L}/u.test(text[p.start + 1] ?? ""));
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && SPACE.test(text[end - 1]!)) end--;
  return end;
}

/** All quotations of an article, in document order. */
export function findQuoteMarks(article: Pick<Article, "text" | "paragraphs">): QuoteMarks[] {
  const { text, paragraphs } = article;
  const out: QuoteMarks[] = [];
  let pending: QuoteMarks | null = null;

  // Never closed and not continued. A quote whose text ends a sentence at the paragraph's end only
  // lost its closing mark (or closed with a mark of another kind: “… world.’), so it ends there;
  // any other unclosed mark is unreliable, and nothing is quoted.
  const finishPending = () => {
    const q: QuoteMarks | null = pending;
    pending = null;
    if (!q) return;
    const last = q.parts[q.parts.length - 1]!;
    let end = last.end;
    if (end > last.start && STRAY_CLOSER.includes(text[end - 1]!)) end--;
    if (end <= last.start || !SENTENCE_END.includes(text[end - 1]!)) return;
    last.end = end;
    q.end = end;
    q.close = end;
    if (q.end - q.start <= MAX_QUOTE_CHARS * q.parts.length) out.push(q);
  };

  for (const p of paragraphs) {
    let segments = paragraphQuotes(text, p.start, p.end);
    if (pending) {
      const open: QuoteMarks = pending;
      const first = segments[0];
      if (first && first.open === p.start && startsWithOpener(text, p)) {
        // The repeated opening mark continues the quote of the previous paragraph.
        segments = segments.slice(1);
        open.paragraphs.push(p.index);
        if (first.close === -1) {
          open.parts.push({ start: first.open + 1, end: trimEnd(text, first.open + 1, p.end) });
          continue; // still open: it may continue again
        }
        open.parts.push({ start: first.open + 1, end: first.close });
        open.end = first.close;
        open.close = first.close;
        if (open.end - open.start <= MAX_QUOTE_CHARS * open.parts.length) out.push(open);
        pending = null;
      } else {
        finishPending();
      }
    }
    for (const s of segments) {
      const start = s.open + 1;
      if (s.close === -1) {
        pending = {
          open: s.open,
          close: -1,
          start,
          end: -1,
          parts: [{ start, end: trimEnd(text, start, p.end) }],
          paragraphs: [p.index],
        };
        continue;
      }
      if (s.close <= start) continue; // "" : nothing quoted
      if (s.close - start > MAX_QUOTE_CHARS) continue; // marks paired across a page, not a quote
      out.push({ open: s.open, close: s.close, start, end: s.close, parts: [{ start, end: s.close }], paragraphs: [p.index] });
    }
  }
  finishPending();
  return out;
}
