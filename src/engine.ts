/**
 * The engine: a loaded corpus and its index, answering from memory. Knows nothing of Discord or
 * terminals; front ends render what it returns.
 */
import { ask, type AskOptions } from "./answer/ask.js";
import type { SentenceDates, StatedDate } from "./answer/options.js";
import type { AskResult } from "./answer/types.js";
import { loadCorpus, type LoadOptions } from "./corpus/load.js";
import type { Article, Corpus, SourceInfo } from "./corpus/types.js";
import { PassageIndex } from "./search/passage-index.js";
import { meaningKey, openMeaning, WordMeaning } from "./search/meaning.js";
import { openIndexedCorpus } from "./search/persist.js";
import { openQuoteIndex, type QuoteCacheOptions } from "./quotes/persist.js";
import { QuoteIndex, type QuoteOptions } from "./quotes/quote-index.js";
import type { QuoteResult, SpeakerInfo } from "./quotes/types.js";
import { withDisagreements, type AskAnswer } from "./disagree/report.js";
import { TimelineIndex, type TimelineResult } from "./timeline/timeline.js";
import { articleDates, type ArticleDates } from "./dates/read-dates.js";
import { precisionOf } from "./dates/calendar.js";
import { openDates, type DateCacheOptions, type DatesByArticle } from "./dates/persist-dates.js";

const NO_DATES: readonly StatedDate[] = [];

export class Engine {
  readonly index: PassageIndex;
  private quoteIndex: QuoteIndex | null = null;
  private timelineIndex: TimelineIndex | null = null;
  private articleById: Map<string, Article> | null = null;
  private dateMap: DatesByArticle | null = null;
  /** Where `fromDir` keeps the quote index and the dates between starts; null: built in memory. */
  private derivedCache: QuoteCacheOptions & DateCacheOptions | null = null;
  /** Whether the passage index was loaded from the cache, built (and saved), or built in memory only. */
  indexSource: "loaded" | "built" | "memory" = "memory";
  /** The same for the quote index, once it exists (null until first use). */
  quoteSource: "loaded" | "built" | "memory" | null = null;
  /** The same for the articles' dates, once read (null until first use). */
  dateSource: "loaded" | "built" | "memory" | null = null;

  /** `index` must have been built over `corpus.articles` (as `openIndexedCorpus` does). */
  constructor(
    readonly corpus: Corpus,
    index?: PassageIndex,
  ) {
    this.index = index ?? new PassageIndex(corpus.articles);
    // Built in memory unless `fromDir` restored it from the cache.
    if (this.index.meaning === null) this.index.meaning = WordMeaning.build(this.index.writtenWords());
  }

  /**
   * Every quotation with its speaker, extracted and grouped once, on first use, so lookups are
   * instant afterwards. Not at start-up: on a large corpus extraction takes seconds, and `ask`
   * (the CLI's usual command) never needs it. A front end that serves quotes can touch this
   * once when it starts. With a cache (see `fromDir`) a saved snapshot is restored instead.
   */
  /**
   * What a server builds once after it starts, so that no reply pays for it: the vocabulary typo
   * correction looks words up in, and WordNet's links when the index was built in memory.
   */
  warmUp(): void {
    this.index.prepareCorrections();
    this.index.meaning?.warm();
  }

  get quotes(): QuoteIndex {
    return (this.quoteIndex ??= this.openQuotes());
  }

  private openQuotes(): QuoteIndex {
    if (!this.derivedCache) {
      this.quoteSource = "memory";
      return new QuoteIndex(this.corpus.articles);
    }
    const opened = openQuoteIndex(this.corpus.articles, this.derivedCache);
    this.quoteSource = opened.source;
    if (opened.saveError) this.corpus.warnings.push(`quote cache not saved (${opened.saveError}); the next start will extract quotations again`);
    return opened.index;
  }

  /**
   * With `cacheDir`, the index (and, on first use, the quote index) is reloaded from a persisted
   * entry when the corpus and the code are unchanged, and rebuilt and saved otherwise; without it,
   * everything is built in memory.
   */
  static fromDir(dir: string, options: LoadOptions & { cacheDir?: string; onProgress?: (line: string) => void } = {}): Engine {
    if (!options.cacheDir) return new Engine(loadCorpus(dir, options));
    const opened = openIndexedCorpus(dir, { cacheDir: options.cacheDir, strict: options.strict });
    const corpus = opened.saveError
      ? { ...opened.corpus, warnings: [...opened.corpus.warnings, `index cache not saved (${opened.saveError}); the next start will index again`] }
      : opened.corpus;
    opened.index.meaning = opened.key
      ? openMeaning(opened.file.replace(/\.idx$/, ".meaning"), meaningKey(opened.key), () => opened.index.writtenWords(), options.onProgress)
      : WordMeaning.build(opened.index.writtenWords(), { onProgress: options.onProgress });
    const engine = new Engine(corpus, opened.index);
    engine.indexSource = opened.key && !opened.saveError ? opened.source : "memory";
    // Without a key the corpus is not known to match what was hashed; quotes are then built in memory.
    if (opened.key) engine.derivedCache = { dir, cacheDir: options.cacheDir, corpusKey: opened.key };
    return engine;
  }

  get articles(): readonly Article[] {
    return this.corpus.articles;
  }

  /**
   * The answer, and where the outlets it cites for the lead give different figures (computed
   * from the chosen citations afterwards; it never changes what is chosen). Speech questions read
   * the quote index's attributions.
   */
  ask(question: string, options?: AskOptions): AskAnswer {
    const result: AskResult = ask(this.index, question, { quotesBy: (name) => this.speakerQuotes(name), datesIn: this.sentenceDates, ...options });
    this.articleById ??= new Map(this.corpus.articles.map((a) => [a.id, a]));
    return withDisagreements(result, this.articleById, (a) => this.datesOf(a));
  }

  /**
   * Every article's dates, opened on first use: from the saved entry beside the index when
   * `fromDir` has a cache (read and saved when it is missing or stale), so a new process neither
   * loads chrono-node nor parses articles; null without a cache (dates are then read per article,
   * when asked for).
   */
  get dates(): DatesByArticle | null {
    if (this.dateMap || !this.derivedCache) return this.dateMap;
    const opened = openDates(this.corpus.articles, (t) => this.index.idf(t), this.derivedCache);
    // Unsaved, the dates still serve this process; the next one reads them again (time, never answers).
    this.dateSource = opened.source;
    return (this.dateMap = opened.dates);
  }

  /** The dates an article gives (read-dates.ts), as the answer's comparison and the timeline use them. */
  datesOf(article: Article): ArticleDates {
    const saved = this.dates?.get(article);
    if (saved) return saved;
    this.dateSource ??= "memory";
    return articleDates(article, (t) => this.index.idf(t));
  }

  /**
   * The dates each sentence states, as the date reader found them (saved beside the index), for
   * when-questions: by article, then by sentence index, built once per article on first use.
   * None for an article without a date of its own, whose relative dates the reader cannot read.
   */
  readonly sentenceDates: SentenceDates = (article, sentence) => {
    if (article.published === null) return null;
    let bySentence = this.datesBySentence.get(article);
    if (!bySentence) {
      bySentence = new Map();
      for (const span of this.datesOf(article).spans) {
        if (span.sentence === null) continue;
        const list = bySentence.get(span.sentence.index) ?? [];
        for (const m of span.mentions) list.push({ text: m.text, attribution: m.attribution, precision: precisionOf(m.date) });
        bySentence.set(span.sentence.index, list);
      }
      this.datesBySentence.set(article, bySentence);
    }
    return bySentence.get(sentence) ?? NO_DATES;
  };

  private readonly datesBySentence = new WeakMap<Article, Map<number, StatedDate[]>>();

  /** Where the quote index puts a speaker's quotations, or null when it knows no such speaker. */
  speakerQuotes(name: string): { articleId: string; start: number; end: number }[] | null {
    const found = this.quote(name);
    return found.speaker ? found.quotes.map((q) => ({ articleId: q.articleId, start: q.start, end: q.end })) : null;
  }

  /**
   * Every dated event, in date order, read and grouped once on first use (like quotes: not at
   * start-up, since `ask` never needs it; the bot touches it when it starts).
   */
  get timelines(): TimelineIndex {
    return (this.timelineIndex ??= new TimelineIndex(this.index, this.corpus.articles, (a) => this.datesOf(a)));
  }

  /** The dated events of the coverage, or of those sentences that match `topic` (a speaker: their quotes too). */
  timeline(topic?: string | null): TimelineResult {
    return this.timelines.query(topic, (t) => {
      const found = this.quote(t);
      return found.speaker ? found.quotes.map((q) => ({ articleId: q.articleId, start: q.contextStart, end: q.contextEnd })) : [];
    });
  }

  /** What a person (or organisation, or role such as "Kremlin spokesman") was quoted as saying. */
  quote(name: string, options?: QuoteOptions): QuoteResult {
    return this.quotes.quote(name, options);
  }

  /** Everyone the coverage quotes, most quoted first. */
  speakers(): SpeakerInfo[] {
    return this.quotes.speakers();
  }

  /** Speakers matching a typed prefix, best first (autocomplete). */
  suggestSpeakers(prefix: string, limit = 25): SpeakerInfo[] {
    return this.quotes.suggestSpeakers(prefix, limit);
  }

  sources(): SourceInfo[] {
    return this.corpus.articles.map((a) => ({
      articleId: a.id,
      title: a.title,
      outlet: a.outlet,
      url: a.url,
      published: a.published,
    }));
  }
}
