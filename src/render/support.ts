/** The line every front end prints under an answer: who stands behind it. */
import type { AskResult } from "../answer/types.js";

/**
 * How many outlets report the lead alike, out of all outlets cited (an article without a named
 * outlet counts as its own). The lead's count alone ("1 outlet") read as a contradiction next to
 * excerpts from three others.
 */
export function supportLine(result: AskResult): string | null {
  const cited = new Set(result.citations.map((c) => c.outlet ?? `article:${c.articleId}`)).size;
  if (result.support <= 0 || cited === 0) return null;
  if (cited === 1) return "From 1 outlet";
  if (result.support >= cited) return `Answer reported alike by all ${cited} outlets cited`;
  return `Answer reported by ${result.support} of the ${cited} outlets cited`;
}
