/** Plain results of the engine: no Discord or terminal types, ready for any renderer. */

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

export interface AskResult {
  question: string;
  /** One or two sentences with [n] markers, or null when the coverage does not answer. */
  answer: string | null;
  citations: Citation[];
  /** When `answer` is null: the question's words the coverage does not contain (may be empty). */
  notFound: string[];
  /** When `answer` is null: why, in a sentence a user can read. */
  reason: string | null;
  /** How many distinct outlets (or articles, where the outlet is unknown) support the lead. */
  support: number;
  /** What kind of answer the question asked for (reason, time, count, person, speech...). */
  kind?: string;
  /** The answer model's probability that the lead answers (absent when no model scored it). */
  confidence?: number;
}
