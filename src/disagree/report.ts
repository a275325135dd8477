/**
 * "Outlets differ" for an /ask answer: among the lead and the citations that corroborate it (the
 * same report in other outlets' words), the durations, counts and dates that do not agree.
 * Computed after the answer is chosen, from its citations alone: it never changes what is cited.
 */
import type { AskResult } from "../answer/types.js";
import type { Article } from "../corpus/types.js";
import { compatible, precisionOf } from "../dates/calendar.js";
import type { ArticleDates, DateMention } from "../dates/read-dates.js";
import { disagreements, type Disagreement, type Member } from "./compare.js";
import { figuresIn } from "./figures.js";

/** An /ask result with its disagreements (`ask --json` prints it as is). */
export type AskAnswer = AskResult & { disagreements: Disagreement[] };

/** The mentions inside `start..end` of the article, finest first; a date also given more precisely is left out. */
function datesWithin(dates: ArticleDates, start: number, end: number): DateMention[] {
  const inside = dates.spans
    .flatMap((s) => s.mentions)
    .filter((m) => m.start >= start && m.end <= end);
  return inside.filter((m) => !inside.some((o) => o !== m && compatible(o.date, m.date) && rank(o) > rank(m)));
}

function rank(m: DateMention): number {
  const p = precisionOf(m.date);
  return p === "day" ? 2 : p === "month" ? 1 : 0;
}

/**
 * `datesOf` gives an article's dates (read-dates.ts), asked only for the articles of an answer
 * whose lead other outlets corroborate: the engine's come from its saved entry.
 */
export function withDisagreements(result: AskResult, articles: ReadonlyMap<string, Article>, datesOf: (article: Article) => ArticleDates): AskAnswer {
  const group = result.citations.filter((c) => c.n === 1 || c.sameAs === 1);
  if (result.answer === null || group.length < 2) return { ...result, disagreements: [] };
  const members: Member[] = group.map((c) => {
    const article = articles.get(c.articleId);
    const mentions = article ? datesWithin(datesOf(article), c.start, c.end) : [];
    const figures = figuresIn(c.excerpt).filter((f) => !mentions.some((m) => m.start - c.start < f.end && f.start < m.end - c.start));
    const distinct = new Set(mentions.map((m) => `${m.date.year}-${m.date.month}-${m.date.day}`));
    const only = distinct.size === 1 ? mentions[0]! : null;
    return { n: c.n, figures, date: only ? { date: only.date, text: only.text, relative: only.readAs !== null } : null };
  });
  return { ...result, disagreements: disagreements(members) };
}
