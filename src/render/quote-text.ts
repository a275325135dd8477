/** How a quotation is shown by every front end: each statement once, paragraph by paragraph. */
import { containsWords } from "../quotes/group.js";
import type { QuoteOccurrence } from "../quotes/types.js";

/**
 * A statement's occurrences to show: one that only repeats words another occurrence in the same
 * article already quotes (a fragment quoted again, grouped with the whole) is left out.
 */
export function shownOccurrences(members: readonly QuoteOccurrence[]): QuoteOccurrence[] {
  return members.filter(
    (o, i) =>
      !members.some(
        (other, j) =>
          j !== i &&
          other.articleId === o.articleId &&
          containsWords(other.text, o.text) &&
          // Of two with the same words, the first is kept.
          (other.text.length > o.text.length || (other.text.length === o.text.length && j < i)),
      ),
  );
}

/**
 * The quotation's paragraphs, each as the article gives it without its marks: a quotation that
 * runs over paragraphs reopens each with a mark, which is the article's typography, not the
 * speaker's words. One paragraph for an ordinary quote.
 */
export function quoteParagraphs(o: Pick<QuoteOccurrence, "text" | "start" | "parts">): string[] {
  const parts = o.parts ?? [];
  if (parts.length < 2) return [o.text];
  const paragraphs = parts.map((p) => o.text.slice(p.start - o.start, p.end - o.start)).filter((p) => p.trim().length > 0);
  return paragraphs.length > 0 ? paragraphs : [o.text];
}

/** The line under a statement a body made for a person: both are named, the speaker first. */
export function behalfNote(speaker: string, person: string): string {
  return `Said by ${speaker} on behalf of ${person}`;
}
