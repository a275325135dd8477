/**
 * The retrieval layer: one passage per clean paragraph (or window of a very long one), analysed
 * by `analyzer.ts` and ranked by BM25+ over flat postings (`postings.ts`). Besides ranked search
 * it exposes the vocabulary (which terms the corpus knows and in how many passages), which the
 * answer layer uses for IDF weights and honest refusals.
 */
import type { Article, Paragraph } from "../corpus/types.js";
import { alternation, WORDS } from "../text/lexicon.js";
import { fold, term, words } from "./analyzer.js";
import { editBudget, Vocabulary } from "./fuzzy.js";
import { Postings, PostingsBuilder, type PostingsData } from "./postings.js";
import type { WordMeaning } from "./meaning.js";

export interface Passage {
  /** Dense id: position in `PassageIndex.passages`. */
  id: number;
  article: Article;
  /**
   * The passage's span and sentences. Usually a whole paragraph; a very long paragraph (a speech
   * or a page with no blank lines) is cut into windows of whole sentences, each with the
   * `index` of the paragraph it came from, so `article.paragraphs[paragraph.index]` is its context.
   */
  paragraph: Paragraph;
}

/**
 * The version of what a passage is and what its postings hold: bump it when a change in this
 * folder alters the saved index (the analyzer has its own ANALYZER_VERSION; see src/code-version.ts).
 */
export const PASSAGE_VERSION = 1;

/** Paragraphs longer than this many sentences are indexed as several passages. */
export const MAX_PASSAGE_SENTENCES = 8;
/** The size a long paragraph's windows aim at. */
export const WINDOW_SENTENCES = 5;

/**
 * A paragraph as passages: itself, or consecutive windows of about `WINDOW_SENTENCES` sentences.
 * A ranked unit of one speech-length paragraph would drown its one relevant sentence in hundreds
 * of others, and scoring every sentence of it would cost as much as scoring a whole article.
 */
export function passageSpans(article: Article, paragraph: Paragraph): Paragraph[] {
  const n = paragraph.sentences.length;
  if (n <= MAX_PASSAGE_SENTENCES) return [paragraph];
  const windows = Math.ceil(n / WINDOW_SENTENCES);
  const out: Paragraph[] = [];
  for (let w = 0; w < windows; w++) {
    const ids = paragraph.sentences.slice(Math.floor((w * n) / windows), Math.floor(((w + 1) * n) / windows));
    const first = article.sentences[ids[0]!]!;
    const last = article.sentences[ids[ids.length - 1]!]!;
    out.push({ index: paragraph.index, start: first.start, end: last.end, sentences: ids });
  }
  return out;
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

/** Written words as the analyzer cuts them (see `words`), for the typo vocabulary. */
/** A word inside a sentence: after another word or a comma and one space (not after a full stop). */
const MID_SENTENCE_WORD = /(?<=[\p{L}\p{N},;] )([\p{L}][\p{L}\p{N}]*(?:['’.][\p{L}\p{N}]+)*)/gu;
/** A run of capitalised words, small joining words allowed inside ("Bank of Osterland"). */
const CAPITALISED_RUN = new RegExp(`\\p{Lu}[\\p{L}'’-]+(?:\\s+(?:(?:${alternation("names.runJoiners")})\\s+)?\\p{Lu}[\\p{L}'’-]+)+`, "gu");
const SURFACE_WORD = /[\p{L}\p{N}]+(?:['’.][\p{L}\p{N}]+)*/gu;
const UPPER_START = /^\p{Lu}/u;
/** Passages with the term capitalised mid-sentence, and never in lower case, that make it a name. */
const NAME_EVIDENCE_PASSAGES = 200;

/** A typo correction: the index terms a misspelt word most likely stands for. */
export interface Correction {
  terms: string[];
  /** Edits between the word as typed and the known word(s). */
  distance: number;
}

export interface PassageIndexOptions {
  /** Called after each article is indexed: articles done, articles in all. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Postings saved with `snapshot()` from an index over exactly these articles: restores them
   * instead of indexing again. Throws when they do not fit the articles (the caller rebuilds).
   */
  snapshot?: PostingsData;
}

export class PassageIndex {
  readonly passages: Passage[] = [];
  /** Term to the number of passages containing it. */
  readonly docFreq = new Map<string, number>();
  private readonly postings: Postings;
  /** Built on first use: only questions with unknown words pay for them. */
  private termVocabulary: Vocabulary | null = null;
  private surfaceVocabulary: { forms: Map<string, string>; vocabulary: Vocabulary } | null = null;
  private sortedTerms: string[] | null = null;
  private readonly corrections = new Map<string, Correction>();
  /** Built on first use: terms the coverage only ever writes capitalised mid-sentence (names). */
  /** writesAsName's verdicts so far: a question asks about a handful of terms, not the corpus. */
  private readonly nameVerdicts = new Map<string, boolean>();
  /** Word meaning for words the coverage lacks (meaning.ts); null: words match by form only. */
  meaning: WordMeaning | null = null;

  constructor(articles: readonly Article[], options: PassageIndexOptions = {}) {
    for (const article of articles) {
      for (const whole of article.paragraphs) {
        for (const paragraph of passageSpans(article, whole)) {
          this.passages.push({ id: this.passages.length, article, paragraph });
        }
      }
    }
    if (options.snapshot) {
      this.postings = new Postings(options.snapshot);
      if (this.postings.documentCount !== this.passages.length) {
        throw new Error(`index snapshot holds ${this.postings.documentCount} passages, the articles make ${this.passages.length}`);
      }
    } else {
      const builder = new PostingsBuilder();
      let done = 0;
      let article: Article | null = null;
      for (const { article: a, paragraph } of this.passages) {
        if (a !== article) {
          if (article) options.onProgress?.(++done, articles.length);
          article = a;
        }
        const written = words(a.text.slice(paragraph.start, paragraph.end)).map((w) => w.word);
        const terms: string[] = [];
        for (const w of written) {
          const t = term(w);
          if (t) terms.push(t);
        }
        // A passage's length for BM25 is its number of distinct written words.
        builder.add(terms, new Set(written).size);
      }
      this.postings = builder.build();
    }
    for (const t of this.postings.terms) this.docFreq.set(t, this.postings.docFreq(t));
    options.onProgress?.(articles.length, articles.length);
  }

  /** The postings, for `PassageIndexOptions.snapshot`. */
  snapshot(): PostingsData {
    return this.postings.data;
  }

  get size(): number {
    return this.passages.length;
  }

  /** Does any passage contain this index term exactly? */
  knows(t: string): boolean {
    return this.docFreq.has(t);
  }

  /**
   * Does the coverage write this term as a name: capitalised wherever it stands inside a
   * sentence, and never in lower case? A question typed in lower case ("did merkel congratulate
   * putin") names people all the same, and this tells them from ordinary words.
   */
  writesAsName(t: string): boolean {
    let verdict = this.nameVerdicts.get(t);
    if (verdict === undefined) this.nameVerdicts.set(t, (verdict = this.judgeName(t)));
    return verdict;
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
    const cached = this.corrections.get(folded);
    if (cached) return cached;
    const found = this.correctFolded(word, folded);
    // Unknown words recur (names the coverage lacks, common typos): remember a bounded number.
    if (this.corrections.size >= 10_000) this.corrections.clear();
    this.corrections.set(folded, found);
    return found;
  }

  /**
   * Builds the typo vocabulary now rather than on the first misspelt word: a long-running front
   * end calls this at start-up, so no user's question pays for it (~0.3 s on 10 M characters).
   */
  prepareCorrections(): void {
    this.surfaceVocabulary ??= this.buildSurfaceVocabulary();
  }

  private correctFolded(word: string, folded: string): Correction {
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

  /**
   * Reads only the passages that contain the term (the postings say which), words after another
   * word or a comma: one written in lower case settles it as no name. Headlines are left out:
   * title case capitalises every word. A term written capitalised in `NAME_EVIDENCE_PASSAGES`
   * passages and never in lower case is a name without reading further: a common word shows its
   * lower case long before that. (Building this for the whole corpus at the first question cost
   * seconds on a large corpus.)
   */
  private judgeName(t: string): boolean {
    const termOf = new Map<string, string | null>();
    let capitalisedIn = 0;
    for (const d of this.postings.docsOf(t)) {
      const { article, paragraph } = this.passages[d]!;
      const text = article.text.slice(paragraph.start, paragraph.end);
      if (text.trim() === article.title.trim()) continue;
      let capitalisedHere = false;
      for (const m of text.matchAll(MID_SENTENCE_WORD)) {
        const w = m[1]!;
        let wt = termOf.get(w);
        if (wt === undefined) termOf.set(w, (wt = term(w)));
        if (wt !== t) continue;
        if (!UPPER_START.test(w)) return false;
        capitalisedHere = true;
      }
      if (capitalisedHere && ++capitalisedIn >= NAME_EVIDENCE_PASSAGES) return true;
    }
    return capitalisedIn > 0;
  }

  private articlesById: Map<string, Article> | null = null;
  private acronyms: Map<string, string[]> | null = null;

  /**
   * Index terms of the names an acronym stands for, read from the coverage itself: each run of
   * capitalised words ("Calvessan National Railways", "Bank of Osterland") gives its initials
   * ("cnr", "bo"), so a question that writes "CNR" or "EU" finds the spelt-out name. Empty when
   * the coverage spells out no such name.
   */
  acronymTerms(word: string): string[] {
    if (!this.acronyms) {
      this.acronyms = new Map();
      for (const { article, paragraph } of this.passages) {
        for (const m of article.text.slice(paragraph.start, paragraph.end).matchAll(CAPITALISED_RUN)) {
          const parts = m[0].split(/\s+/);
          // A sentence's opening article is no part of the name ("The Northern Water Authority").
          if (WORDS.function.articles.has(parts[0]!.toLowerCase())) parts.shift();
          const content = parts.filter((p) => !WORDS.names.runJoiners.has(p));
          if (content.length < 2 || content.length > 6) continue;
          const initials = content.map((p) => p[0]!.toLowerCase()).join("");
          const terms = content.map((p) => term(p)).filter((t): t is string => t !== null);
          const list = this.acronyms.get(initials) ?? [];
          for (const t of terms) if (!list.includes(t)) list.push(t);
          this.acronyms.set(initials, list);
        }
      }
    }
    return this.acronyms.get(fold(word).replace(/\./g, "")) ?? [];
  }

  /** An indexed article by id. */
  article(id: string): Article | undefined {
    if (!this.articlesById) {
      this.articlesById = new Map();
      for (const p of this.passages) this.articlesById.set(p.article.id, p.article);
    }
    return this.articlesById.get(id);
  }

  /** Every distinct word as written in the passages (capitalisation kept). */
  writtenWords(): Set<string> {
    const distinct = new Set<string>();
    for (const { article, paragraph } of this.passages) {
      for (const w of article.text.slice(paragraph.start, paragraph.end).match(SURFACE_WORD) ?? []) distinct.add(w);
    }
    return distinct;
  }

  /** The index term of a folded written form the coverage contains, or undefined. */
  termOfForm(folded: string): string | undefined {
    this.surfaceVocabulary ??= this.buildSurfaceVocabulary();
    return this.surfaceVocabulary.forms.get(folded);
  }

  private buildSurfaceVocabulary(): { forms: Map<string, string>; vocabulary: Vocabulary } {
    // Distinct raw words first (one regex pass per passage), then fold and analyse each once:
    // a corpus has far fewer distinct words than words.
    const distinct = this.writtenWords();
    const forms = new Map<string, string>();
    for (const w of distinct) {
      const folded = fold(w).replace(/[.'’]/g, "");
      if (forms.has(folded)) continue;
      const t = term(w);
      if (t) forms.set(folded, t);
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
    return this.postings.search([...reach.keys()], limit).map((r) => {
      const matches = new Map<string, string>();
      for (const t of r.terms) matches.set(t, reach.get(t) ?? t);
      return { passage: this.passages[r.doc]!, score: r.score, matches };
    });
  }
}
