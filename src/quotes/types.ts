/**
 * Plain results of quote extraction and lookup (no Discord types). The CLI's `quote --json`
 * prints `QuoteResult` as is; its required fields are a contract with evaluation scripts.
 */

/** One occurrence of a quotation in one article. */
export interface QuoteOccurrence {
  /** Exactly the article text between the quote marks: `article.text.slice(start, end)`. */
  text: string;
  /** Canonical name of the speaker entity. */
  speaker: string;
  /** Equal for occurrences of the same statement across articles. */
  group: string;
  articleId: string;
  title: string;
  outlet: string | null;
  url: string | null;
  published: string | null;
  /** The sentence(s) around the quote, verbatim: `article.text.slice(contextStart, contextEnd)`. */
  context: string;
  start: number;
  end: number;
  contextStart: number;
  contextEnd: number;
  /** Where to read it (article URL, possibly with a text fragment), or null. */
  link: string | null;
}

/** A speaker entity learned from the corpus. */
export interface SpeakerInfo {
  name: string;
  /** Other names it goes by: surname, spelling variants, roles ("Kremlin spokesman"). */
  aliases: string[];
  /** Attributed statements (groups), and occurrences. */
  statements: number;
  quotes: number;
}

export interface QuoteResult {
  query: string;
  speaker: { name: string; aliases: string[] } | null;
  quotes: QuoteOccurrence[];
  /** When `quotes` is empty: in how many articles the queried name appears at all. */
  mentionedIn: number;
}
