/** Builds small invented articles in memory and the quote index over them. */
import { buildArticle } from "../../src/corpus/load.js";
import type { Article } from "../../src/corpus/types.js";
import { QuoteIndex } from "../../src/quotes/quote-index.js";
import type { QuoteOccurrence } from "../../src/quotes/types.js";

/** An article from a title and paragraphs (blank lines between them, as pages are saved). */
export function article(id: string, title: string, paragraphs: string[], meta: { url?: string | null; outlet?: string | null; published?: string | null } = {}): Article {
  return buildArticle(id, `${id}.txt`, `${title}\n\n${paragraphs.join("\n\n")}\n`, meta);
}

export function index(...articles: Article[]): QuoteIndex {
  return new QuoteIndex(articles);
}

/** Every occurrence the index extracted whose text contains `fragment`. */
export function find(ix: QuoteIndex, fragment: string): QuoteOccurrence[] {
  return ix.occurrences.filter((o) => o.text.includes(fragment));
}

/** The speaker of the one occurrence containing `fragment` ("" when unattributed). */
export function speakerOf(ix: QuoteIndex, fragment: string): string {
  const found = find(ix, fragment);
  if (found.length !== 1) throw new Error(`expected one quote containing "${fragment}", found ${found.length}`);
  return found[0]!.speaker;
}
