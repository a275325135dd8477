/**
 * The retrieval layer: one minisearch document per clean paragraph ("passage"), analysed by
 * `analyzer.ts`. Besides ranked search it exposes the vocabulary (which terms the corpus knows and
 * in how many passages), which the answer layer uses for IDF weights and honest refusals.
 */
import MiniSearch, { type SearchResult } from "minisearch";
import type { Article, Paragraph } from "../corpus/types.js";
import { term, words } from "./analyzer.js";

export interface Passage {
  /** Dense id: position in `PassageIndex.passages`. */
  id: number;
  article: Article;
  paragraph: Paragraph;
}

export interface PassageHit {
  passage: Passage;
  score: number;
  /** Index terms of the passage that matched, mapped from the query term that reached them. */
  matches: Map<string, string>;
}

/** Typo tolerance: only for words of this length or more that the corpus does not know. */
export const FUZZY_MIN_LENGTH = 4;
export const FUZZY_RATIO = 0.25;

interface Doc {
  id: number;
  text: string;
}

export class PassageIndex {
  readonly passages: Passage[] = [];
  /** Term to the number of passages containing it. */
  readonly docFreq = new Map<string, number>();
  private readonly search_: MiniSearch<Doc>;

  constructor(articles: readonly Article[]) {
    let current: Set<string> | null = null;
    this.search_ = new MiniSearch<Doc>({
      fields: ["text"],
      idField: "id",
      tokenize: (text) => words(text).map((w) => w.word),
      processTerm: (w) => {
        const t = term(w);
        if (t && current) current.add(t);
        return t ?? undefined;
      },
      searchOptions: { tokenize: (text) => words(text).map((w) => w.word), processTerm: (w) => term(w) ?? undefined },
    });
    for (const article of articles) {
      for (const paragraph of article.paragraphs) {
        const id = this.passages.length;
        this.passages.push({ id, article, paragraph });
        current = new Set();
        this.search_.add({ id, text: article.text.slice(paragraph.start, paragraph.end) });
        for (const t of current) this.docFreq.set(t, (this.docFreq.get(t) ?? 0) + 1);
      }
    }
    current = null;
  }

  get size(): number {
    return this.passages.length;
  }

  /** Does any passage contain this index term exactly? */
  knows(t: string): boolean {
    return this.docFreq.has(t);
  }

  /** Inverse document frequency of an index term (0 for unknown terms). */
  idf(t: string): number {
    const df = this.docFreq.get(t);
    if (!df) return 0;
    return Math.log(1 + (this.passages.length - df + 0.5) / (df + 0.5));
  }

  /**
   * Index terms a query term stands for: itself when the corpus knows it, otherwise its close
   * spellings (typo tolerance), otherwise none.
   */
  expand(t: string): string[] {
    if (this.knows(t)) return [t];
    if (t.length < FUZZY_MIN_LENGTH || /^\d+$/.test(t)) return [];
    const found = this.search_.search(t, {
      fuzzy: FUZZY_RATIO,
      prefix: false,
      tokenize: (s) => [s],
      processTerm: (s) => s,
    });
    const terms = new Set<string>();
    for (const r of found) for (const matched of r.terms) terms.add(matched);
    return [...terms];
  }

  /**
   * Passages ranked by BM25 over already-analysed query terms (OR), each expanded with `expand`
   * so that fuzzy matching costs only for words the corpus does not know.
   */
  search(queryTerms: readonly string[], limit = 10): PassageHit[] {
    const reach = new Map<string, string>();
    for (const q of queryTerms) for (const t of this.expand(q)) if (!reach.has(t)) reach.set(t, q);
    if (reach.size === 0) return [];
    const results: SearchResult[] = this.search_.search(
      { combineWith: "OR", queries: [...reach.keys()] },
      { fuzzy: false, prefix: false, tokenize: (s) => [s], processTerm: (s) => s },
    );
    return results.slice(0, limit).map((r) => {
      const matches = new Map<string, string>();
      for (const t of r.terms) matches.set(t, reach.get(t) ?? t);
      return { passage: this.passages[r.id as number]!, score: r.score, matches };
    });
  }
}
