/** Lines every front end prints: who stands behind an answer, when a timeline row happened. */
import type { AskResult } from "../answer/types.js";
import { humanDate, parseIsoDate } from "../timeline/calendar.js";

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

/** The date of a timeline row for people, with how a relative date was read. */
export function timelineHeading(date: string, readAs: string | null): string {
  const parsed = parseIsoDate(date);
  const when = parsed ? humanDate(parsed) : date;
  return readAs ? `${when} · ${readAs}` : when;
}
