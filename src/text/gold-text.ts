/**
 * Text as the evaluation compares it with gold spans: Unicode-normalised, typographic quotes and
 * dashes made plain, spaces collapsed, lower case. Shared by the trainer and the gold scorers so
 * a span counts as found by the same rule everywhere.
 */
export function goldText(s: string): string {
  return s
    .normalize("NFKC")
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/[\u2013\u2014]/g, "-")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

/**
 * As `goldText`, with quote marks left out: how the eval script compares a quotation with a gold
 * fragment (NFKC has already spelled an ellipsis as three dots).
 */
export function bareQuoteText(s: string): string {
  return goldText(s).replace(/["']/g, "").replace(/\s+/g, " ").trim();
}
