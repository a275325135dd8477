/**
 * The corpus data model. Every piece of text the engine hands out is named by character offsets
 * into `Article.text`, the file exactly as read; excerpts are cut from those offsets at the last
 * moment, so "verbatim" holds by construction rather than by checking.
 */

/** A half-open range `[start, end)` of UTF-16 code units in `Article.text`. */
export interface Span {
  start: number;
  end: number;
}

export interface Sentence extends Span {
  /** Position of the sentence in `Article.sentences`. */
  index: number;
  /** Position of its paragraph in `Article.paragraphs`. */
  paragraph: number;
}

export interface Paragraph extends Span {
  /** Position of the paragraph in `Article.paragraphs` (kept paragraphs only). */
  index: number;
  /** Indices into `Article.sentences`, in order. */
  sentences: number[];
}

/** A stretch of the file that cleaning left out, with the rule that caught it. */
export interface Furniture extends Span {
  reason: string;
}

export interface ArticleMeta {
  url: string | null;
  outlet: string | null;
  /** ISO date (YYYY-MM-DD) or null when unknown. */
  published: string | null;
}

export interface Article extends ArticleMeta {
  /** File name without its extension. */
  id: string;
  /** Path the article was read from (for error messages). */
  file: string;
  /** The whole file, unchanged. */
  text: string;
  /** From the manifest when given, else the first non-empty line. */
  title: string;
  /** Content paragraphs, furniture removed, in document order. */
  paragraphs: Paragraph[];
  /** Sentences of the content paragraphs, in document order. */
  sentences: Sentence[];
  /** What cleaning removed, for diagnostics and tests. */
  furniture: Furniture[];
}

export interface Corpus {
  dir: string;
  articles: Article[];
  /** Files that were skipped, each message naming the file. */
  warnings: string[];
}

/** One article as `sources` lists it: what a reader needs to find it, no text. */
export interface SourceInfo {
  articleId: string;
  title: string;
  outlet: string | null;
  url: string | null;
  published: string | null;
}

/** The text a span covers. */
export function slice(article: Pick<Article, "text">, span: Span): string {
  return article.text.slice(span.start, span.end);
}
