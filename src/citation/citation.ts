/**
 * Citations, shared by every feature that cites the coverage (/ask, /timeline, /quote's links):
 * an excerpt cut from the article by its offsets, and a link that opens the article at it
 * (fragment.ts). It sits below quotes/ and answer/ (see "Layers" in the README), so both use the
 * same links without importing each other.
 */
import type { Article, Span } from "../corpus/types.js";
import { textFragmentLink } from "./fragment.js";

export interface Citation {
  /** 1-based marker number, as in "[1]". */
  n: number;
  articleId: string;
  title: string;
  outlet: string | null;
  url: string | null;
  published: string | null;
  /** Exactly `article.text.slice(start, end)`. */
  excerpt: string;
  start: number;
  end: number;
  /**
   * Where to read it: the article URL with a text fragment (`#:~:text=...`) that jumps to and
   * highlights the excerpt, or null when the article has no URL.
   */
  link: string | null;
  /**
   * Null for an excerpt shown in its own right; otherwise the `n` of the citation whose report this
   * one repeats in near-identical words (another outlet corroborating it), so it is not shown twice.
   */
  sameAs: number | null;
}

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
