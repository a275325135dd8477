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
  /**
   * When the speaker is a body speaking for a person ("Ferreira's office said", "the ministry said
   * on behalf of Ferreira"): that person's canonical name. The engine always sets it (null otherwise).
   */
  onBehalfOf?: string | null;
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
  /**
   * "statement" for quoted words; "fragment" for scare quotes of one or two words, and "title"
   * for a quoted title or name ("a book titled ..."). Only statements are listed by default.
   * The engine always sets it; absent means "statement".
   */
  kind?: QuoteKind;
  /**
   * The quoted text of each paragraph, without marks, for a quote that runs over several
   * paragraphs (one part otherwise). `text` runs from the first part's start to the last part's end.
   * The engine always sets it.
   */
  parts?: { start: number; end: number }[];
}

export type QuoteKind = "statement" | "fragment" | "title";

/** A speaker entity learned from the corpus. */
export interface SpeakerInfo {
  name: string;
  /** Other names it goes by: surname, spelling variants, roles ("Kremlin spokesman"). */
  aliases: string[];
  /** Attributed statements (groups), and occurrences. */
  statements: number;
  quotes: number;
}

/** A role a person or body was given, and where and when: the articles that give it, with their dates. */
export interface HeldRole {
  /** As first written ("Finance Minister"). */
  role: string;
  /** Earliest first; an article without a date comes last. */
  held: { articleId: string; published: string | null }[];
}

export interface QuoteResult {
  query: string;
  speaker: { name: string; aliases: string[] } | null;
  quotes: QuoteOccurrence[];
  /** When `quotes` is empty: in how many articles the queried name appears at all. */
  mentionedIn: number;
}
