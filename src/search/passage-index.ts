/**
 * The retrieval layer: one minisearch document per clean paragraph ("passage"), analysed by
 * `analyzer.ts`. Besides ranked search it exposes the vocabulary (which terms the corpus knows and
 * in how many passages), which the answer layer uses for IDF weights and honest refusals.
 */
import MiniSearch, { type SearchResult } from "minisearch";
import type { Article, Paragraph } from "../corpus/types.js";
import { fold, term, words } from "./analyzer.js";
import { editBudget, Vocabulary } from "./fuzzy.js";

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

/** Derivational relatives: stems at least this long that extend one another by a few letters. */
export const RELATIVE_MIN_STEM = 6;
export const RELATIVE_MAX_EXTRA = 5;

/** A typo correction: the index terms a misspelt word most likely stands for. */
export interface Correction {
  terms: string[];
  /** Edits between the word as typed and the known word(s). */
  distance: number;
}

interface Doc {
  id: number;
  text: string;
}

export class PassageIndex {
  readonly passages: Passage[] = [];
  /** Term to the number of passages containing it. */
  readonly docFreq = new Map<string, number>();
  private readonly search_: MiniSearch<Doc>;
  /** Built on first use: only questions with unknown words pay for them. */
  private termVocabulary: Vocabulary | null = null;
  private surfaceVocabulary: { forms: Map<string, string>; vocabulary: Vocabulary } | null = null;
  private sortedTerms: string[] | null = null;

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

  /** The IDF a term found in a single passage would have: the most specific a word can be. */
  idf1(): number {
    return Math.log(1 + (this.passages.length - 0.5) / 1.5);
  }

  /**
   * Index terms a query term stands for: itself when the corpus knows it, otherwise its close
   * spellings (typo tolerance, transpositions included), otherwise none.
   */
  expand(t: string): string[] {
    if (this.knows(t)) return [t];
    if (t.length < FUZZY_MIN_LENGTH || /^\d+$/.test(t)) return [];
    this.termVocabulary ??= new Vocabulary(this.docFreq.keys());
    return this.termVocabulary.nearest(t, editBudget(t.length)).words;
  }

  /**
   * Typo correction for a word as written whose term the corpus does not know: the terms of the
   * known written forms nearest to it ("putn" to putin, "congratulatd" to congratul). Comparing
   * written forms rather than stems matters: a misspelt word does not stem like the real one.
   */
  correct(word: string): Correction {
    const folded = fold(word).replace(/[.']/g, "");
    const none: Correction = { terms: [], distance: Infinity };
    if (folded.length < FUZZY_MIN_LENGTH || /^\d+$/.test(folded)) return none;
    const surface = (this.surfaceVocabulary ??= this.buildSurfaceVocabulary());
    const near = surface.vocabulary.nearest(folded, editBudget(folded.length));
    if (near.words.length === 0) {
      // The corpus may only have other inflections of the word ("failed" for a mistyped "fail"):
      // compare with the stems too.
      const t = term(word);
      const stems = t ? this.expand(t) : [];
      return stems.length > 0 ? { terms: stems, distance: 1 } : none;
    }
    const terms = [...new Set(near.words.map((w) => surface.forms.get(w)!))];
    terms.sort((a, b) => (this.docFreq.get(b) ?? 0) - (this.docFreq.get(a) ?? 0));
    return { terms, distance: near.distance };
  }

  /**
   * Known terms that share a long stem with `t` and extend it (or are extended by it) by a few
   * letters: derivations the stemmer keeps apart, such as congratul / congratulatori.
   */
  relatives(t: string): string[] {
    if (t.length < RELATIVE_MIN_STEM || /\d/.test(t)) return [];
    const out: string[] = [];
    for (let len = RELATIVE_MIN_STEM; len < t.length; len++) {
      const shorter = t.slice(0, len);
      if (t.length - len <= RELATIVE_MAX_EXTRA && this.knows(shorter)) out.push(shorter);
    }
    const sorted = (this.sortedTerms ??= [...this.docFreq.keys()].sort());
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < t) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < sorted.length && sorted[i]!.startsWith(t); i++) {
      const longer = sorted[i]!;
      if (longer !== t && longer.length - t.length <= RELATIVE_MAX_EXTRA) out.push(longer);
    }
    return out;
  }

  private buildSurfaceVocabulary(): { forms: Map<string, string>; vocabulary: Vocabulary } {
    const forms = new Map<string, string>();
    for (const { article, paragraph } of this.passages) {
      for (const w of words(article.text.slice(paragraph.start, paragraph.end))) {
        const folded = fold(w.word).replace(/[.']/g, "");
        if (forms.has(folded)) continue;
        const t = term(w.word);
        if (t) forms.set(folded, t);
      }
    }
    return { forms, vocabulary: new Vocabulary(forms.keys()) };
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
