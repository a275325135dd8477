/** Lines every front end prints: who stands behind an answer, what a source is called, when a timeline row happened. */
import type { AskResult } from "../answer/types.js";
import type { Citation } from "../citation/citation.js";
import { humanDate, parseIsoDate } from "../dates/calendar.js";
import { dropFootnoteMarks } from "../text/footnotes.js";

/**
 * Does the answer line already show this citation's excerpt? The answer is the lead's excerpt
 * with its markers, so [1] is then not quoted a second time: the terminal and Discord show the
 * lead once, with its markers, and [1]'s source under it (issue 14, reply fix 4).
 */
export function answerShowsExcerpt(result: Pick<AskResult, "answer">, c: Pick<Citation, "n" | "excerpt">): boolean {
  return c.n === 1 && result.answer !== null && result.answer.startsWith(dropFootnoteMarks(c.excerpt));
}

/**
 * How many of the articles cited report the lead, counted in articles and said so ("2 of 5
 * articles report this"): the lead's own article and those whose excerpt repeats it (`sameAs` 1),
 * out of every article cited. It counts what it names; the outlets it used to claim included
 * articles without a named outlet. Derived from the citations alone, so the terminal and Discord
 * print the same line.
 */
export function supportLine(result: Pick<AskResult, "citations">): string | null {
  const lead = result.citations.find((c) => c.n === 1);
  if (!lead) return null;
  const cited = new Set(result.citations.map((c) => c.articleId)).size;
  const reporting = new Set(result.citations.filter((c) => c.n === 1 || c.sameAs === 1).map((c) => c.articleId)).size;
  if (cited === 1) return "From 1 article";
  if (reporting >= cited) return `All ${cited} articles cited report this`;
  return `${reporting} of ${cited} articles ${reporting === 1 ? "reports" : "report"} this`;
}

/** The site of a URL without "www." ("uawire.org"), or null when there is no usable http(s) URL. */
export function siteOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return null;
    return parsed.hostname.replace(/^www\./i, "") || null;
  } catch {
    return null;
  }
}

/**
 * What a source is called: its manifest outlet, else the URL's site, else null (the headline is
 * then the label). Never "Unknown outlet".
 */
export function sourceName(c: Pick<Citation, "outlet" | "url">): string | null {
  return c.outlet ?? siteOf(c.url);
}

/** The date of a timeline row for people, with how a relative date was read. */
export function timelineHeading(date: string, readAs: string | null): string {
  const parsed = parseIsoDate(date);
  const when = parsed ? humanDate(parsed) : date;
  return readAs ? `${when} · ${readAs}` : when;
}
