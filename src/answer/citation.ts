import type { Article, Span } from "../corpus/types.js";
import { textFragmentLink } from "./fragment.js";
import type { Citation } from "./types.js";

/**
 * A citation of `span` in `article`; the excerpt is cut from the offsets, never rebuilt. The link
 * opens the article at the cited words; `sameAs` marks a citation that repeats (corroborates) the
 * report of an earlier one.
 */
export function citeSpan(n: number, article: Article, span: Span, sameAs: number | null = null): Citation {
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
    link: textFragmentLink(article.url, article.text, span),
    sameAs,
  };
}
