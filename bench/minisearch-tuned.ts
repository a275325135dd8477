/**
 * minisearch configured with the project's own analyzer: the same written words
 * (`words`), the same index terms (`term`: folded, irregular forms, Porter stems, stop words
 * dropped), and at query time the same query terms our engine searches. This is the honest
 * baseline: ranking is identical to our postings (tests/persist-postings.test.ts), so every
 * difference it shows is the data structure's, not the analysis. minisearch with default options
 * (`defaultIndex`) keeps stop words and its own tokenizer and stays as a second row.
 */
import MiniSearch, { type Options } from "minisearch";
import { term, terms as analyze, words } from "../src/search/analyzer.js";
import type { PassageIndex } from "../src/search/passage-index.js";
import type { RankedDoc } from "../src/search/postings.js";

export interface Doc {
  id: number;
  text: string;
}

export const TUNED_OPTIONS: Options<Doc> = {
  fields: ["text"],
  tokenize: (text) => words(text).map((w) => w.word),
  processTerm: (w) => term(w) ?? undefined,
};

export const DEFAULT_OPTIONS: Options<Doc> = { fields: ["text"] };

/** Query-time options: the terms handed over are already analysed. */
const AS_IS = { fuzzy: false, prefix: false, tokenize: (s: string) => [s], processTerm: (s: string) => s } as const;

export function tunedIndex(docs: readonly Doc[]): MiniSearch<Doc> {
  const ms = new MiniSearch<Doc>(TUNED_OPTIONS);
  ms.addAll(docs);
  return ms;
}

export function defaultIndex(docs: readonly Doc[]): MiniSearch<Doc> {
  const ms = new MiniSearch<Doc>(DEFAULT_OPTIONS);
  ms.addAll(docs);
  return ms;
}

/** A question's query terms, as the engine's retrieval gets them: analysed, distinct, known. */
export function queryTerms(question: string, index: PassageIndex): string[] {
  return [...new Set(analyze(question))].filter((t) => index.knows(t));
}

/** Passages for already-analysed terms (OR), best first, the first `limit`. */
export function tunedSearch(ms: MiniSearch<Doc>, terms: readonly string[], limit: number): RankedDoc[] {
  if (terms.length === 0) return [];
  return ms
    .search({ combineWith: "OR", queries: [...terms] }, AS_IS)
    .slice(0, limit)
    .map((r) => ({ doc: r.id as number, score: r.score, terms: terms.filter((t) => r.terms.includes(t)) }));
}

/**
 * A copy of `index` that ranks with minisearch instead of its postings, for timing a whole `ask`
 * with minisearch as the retriever. Everything else (passages, vocabulary, word meaning, the
 * postings' list of passages holding a term, which minisearch has no call for) is shared with
 * `index`. `ms` must hold the index's passages under their ids.
 */
export function withMinisearchRetrieval(index: PassageIndex, ms: MiniSearch<Doc>): PassageIndex {
  const copy = Object.assign(Object.create(Object.getPrototypeOf(index) as object) as object, index) as PassageIndex;
  const slot = copy as unknown as { postings: object };
  const own = slot.postings;
  slot.postings = Object.assign(Object.create(Object.getPrototypeOf(own) as object) as object, own, {
    search: (terms: readonly string[], limit: number) => tunedSearch(ms, terms, limit),
  });
  return copy;
}
