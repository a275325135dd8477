import type { Article, Span } from "../corpus/types.js";
import type { Citation } from "./types.js";

/** A citation of `span` in `article`; the excerpt is cut from the offsets, never rebuilt. */
export function citeSpan(n: number, article: Article, span: Span): Citation {
  return {
    n,
    articleId: article.id,
    title: article.title,
    outlet: article.outlet,
    url: article.url,
    published: article.published,
    excerpt: article.text.slice(span.start, span.end),
    start: span.start,
    end: span.end,
    link: article.url,
  };
}
