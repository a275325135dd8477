/**
 * The persisted dates: every article's date mentions, as read-dates.ts reads them with chrono-node,
 * saved beside the corpus's passage-index entry. Without it, a new process pays for loading
 * chrono and parsing the cited articles again at its first answer whose outlets are compared
 * ("Outlets differ"): about 0.4 s of a cached answer on the seeds and 0.6 s on the bench's mixed
 * corpus, more than everything else the answer costs. The timeline reads the same dates.
 *
 * The key is the passage index's content key (every article's bytes, the manifest, the reading
 * code) plus the declared versions of the date code (DATES_STAMP) and chrono-node's version, so a change to
 * any of them means a rebuild. Like every cache entry it costs time when missing, corrupt or
 * unwritable, never correctness: reading it back checks every mention against its article (its
 * words are the article's words at its offsets, inside a sentence the article has), and an entry
 * that does not fit is rebuilt.
 */
import { createHash } from "node:crypto";
import { codeKey, type CacheStamp } from "../code-version.js";
import type { Article, Sentence, Span } from "../corpus/types.js";
import { lazily } from "../lazily.js";
import { zod } from "../lazy-zod.js";
import { ArrayRegion, encodeEntry, readEntry, saveEntry } from "../search/cache-entry.js";
import { cacheFileFor, INDEX_STAMP } from "../search/persist.js";
import { hasExactly, isArrayOf, isBoolean, isCount, isString } from "../search/shape.js";
import type { PartialDate } from "./calendar.js";
import { articleDates, chronoVersion, DATE_READER_VERSION, type ArticleDates, type Basis, type DateMention, type DatedSpan, type Idf } from "./read-dates.js";

/** Bump when the layout of a dates entry changes. */
export const DATES_CACHE_FORMAT = 1;

/** What builds a dates entry: the versions its key names (the lock covers the code they stand for). */
export const DATES_STAMP: CacheStamp = {
  name: "dates",
  builder: "src/dates/persist-dates.ts",
  versions: { ...INDEX_STAMP.versions, datesFormat: DATES_CACHE_FORMAT, dateReader: DATE_READER_VERSION },
};

const MAGIC = Buffer.from("cbdates\n", "latin1");

/** A mention as saved: the same fields as the one read. */
type StoredMention = DateMention;

interface StoredSpan {
  /** The article's sentence index, or null for a photo caption's sentence. */
  sentence: number | null;
  start: number;
  end: number;
  mentions: StoredMention[];
}

/**
 * One article's record: its spans as a JSON text of their own, parsed and checked when the
 * article's dates are first asked for (an answer compares a few articles; a start reads none).
 */
interface StoredArticle {
  id: string;
  spans: string;
}

interface Header {
  format: typeof DATES_CACHE_FORMAT;
  key: string;
  articles: StoredArticle[];
}

const BASES: readonly Basis[] = ["explicit", "published", "narrative", "anchored"];

/**
 * The schemas an entry is validated against before it is saved (zod, loaded then): the header,
 * and each article's spans before they are written as its record's text.
 */
export const schemas = lazily(() => {
  const z = zod();
  const count = z.number().int().nonnegative();
  const date = z.strictObject({ year: z.number().int(), month: z.number().int().min(1).max(12).nullable(), day: z.number().int().min(1).max(31).nullable() });
  const mention = z.strictObject({ start: count, end: count, text: z.string(), date, basis: z.enum(BASES), readAs: z.string().nullable(), attribution: z.boolean() });
  const spans = z.array(z.strictObject({ sentence: count.nullable(), start: count, end: count, mentions: z.array(mention) }));
  const header = z.strictObject({ format: z.literal(DATES_CACHE_FORMAT), key: z.string(), articles: z.array(z.strictObject({ id: z.string(), spans: z.string() })) });
  return { header, spans };
});

const isInt = (x: unknown): x is number => typeof x === "number" && Number.isSafeInteger(x);
const inRange = (x: unknown, min: number, max: number) => isInt(x) && x >= min && x <= max;

function isDate(x: unknown): x is PartialDate {
  return hasExactly(x, ["year", "month", "day"]) && isInt(x.year) && (x.month === null || inRange(x.month, 1, 12)) && (x.day === null || inRange(x.day, 1, 31));
}

function isStoredMention(x: unknown): x is StoredMention {
  return (
    hasExactly(x, ["start", "end", "text", "date", "basis", "readAs", "attribution"]) &&
    isCount(x.start) &&
    isCount(x.end) &&
    isString(x.text) &&
    isDate(x.date) &&
    (BASES as readonly unknown[]).includes(x.basis) &&
    (x.readAs === null || isString(x.readAs)) &&
    isBoolean(x.attribution)
  );
}

function isStoredSpan(x: unknown): x is StoredSpan {
  return hasExactly(x, ["sentence", "start", "end", "mentions"]) && (x.sentence === null || isCount(x.sentence)) && isCount(x.start) && isCount(x.end) && isArrayOf(x.mentions, isStoredMention);
}

/** An article's spans as parsed from its record: the structural check of `schemas().spans`. */
export const isStoredSpans = (x: unknown): x is StoredSpan[] => isArrayOf(x, isStoredSpan);

const isStoredArticle = (x: unknown): x is StoredArticle => hasExactly(x, ["id", "spans"]) && isString(x.id) && isString(x.spans);

/** The header as read back: the structural check of `schemas().header` (see search/shape.ts), without zod. */
export function isHeader(x: unknown): x is Header {
  return hasExactly(x, ["format", "key", "articles"]) && x.format === DATES_CACHE_FORMAT && isString(x.key) && isArrayOf(x.articles, isStoredArticle);
}

export interface DateCacheOptions {
  /** The corpus folder the articles were read from (names the entry, one per folder). */
  dir: string;
  cacheDir: string;
  /** The passage index's content key for exactly these articles (`OpenedCorpus.key`). */
  corpusKey: string;
  /** Build and save even when a fresh entry exists. */
  rebuild?: boolean;
}

/** Dates by article. */
export interface DatesByArticle {
  /** The article's dates, or undefined when it is not among the articles opened. */
  get(article: Article): ArticleDates | undefined;
}

export interface OpenedDates {
  /** Every article's dates. */
  dates: DatesByArticle;
  source: "loaded" | "built";
  file: string;
  /** Size of the entry on disk, or 0 when it could not be written. */
  bytes: number;
  /** Why the entry could not be written, or null. */
  saveError: string | null;
}

/** The dates entry for a corpus folder: beside its passage-index entry, sharing its name. */
export function datesCacheFileFor(dir: string, cacheDir: string): string {
  return cacheFileFor(dir, cacheDir).replace(/\.idx$/, ".dates");
}

function entryKey(corpusKey: string): string {
  return createHash("sha256")
    .update(JSON.stringify({ format: DATES_CACHE_FORMAT, corpus: corpusKey, code: codeKey(DATES_STAMP), chrono: chronoVersion() }))
    .digest("hex");
}

function toStoredSpans(d: ArticleDates): StoredSpan[] {
  return d.spans.map((s) => ({
    sentence: s.sentence ? s.sentence.index : null,
    start: s.span.start,
    end: s.span.end,
    mentions: s.mentions.map((m) => ({ start: m.start, end: m.end, text: m.text, date: { year: m.date.year, month: m.date.month, day: m.date.day }, basis: m.basis, readAs: m.readAs, attribution: m.attribution })),
  }));
}

/** An article's dates from its stored record, or null when the record does not fit the article. */
function restoreArticle(article: Article, record: string): ArticleDates | null {
  let stored: unknown;
  try {
    stored = JSON.parse(record);
  } catch {
    return null;
  }
  if (!isStoredSpans(stored)) return null;
  const spans: DatedSpan[] = [];
  // Spans in document order, none overlapping the one before (sentences and captions never do).
  let previousEnd = 0;
  for (const s of stored) {
    if (s.start >= s.end || s.end > article.text.length || s.start < previousEnd || s.mentions.length === 0) return null;
    previousEnd = s.end;
    let sentence: Sentence | null = null;
    let span: Span = { start: s.start, end: s.end };
    if (s.sentence !== null) {
      sentence = article.sentences[s.sentence] ?? null;
      if (!sentence || sentence.start !== s.start || sentence.end !== s.end) return null;
      span = sentence;
    }
    const mentions: DateMention[] = [];
    for (const m of s.mentions) {
      // The words at the mention's offsets, inside its sentence: a restored date is the article's own.
      if (m.start < s.start || m.end > s.end || m.start >= m.end || article.text.slice(m.start, m.end) !== m.text) return null;
      if (m.date.day !== null && m.date.month === null) return null;
      mentions.push({ ...m, date: { ...m.date } });
    }
    spans.push({ span, sentence, mentions });
  }
  return { article, spans };
}

/**
 * The saved dates when the entry is intact, of this corpus's articles in order, and keyed `key`.
 * An article's record is parsed and checked against the article when its dates are first asked
 * for; one that does not fit is not used: its dates are read afresh (time, never a wrong date).
 */
function tryLoad(file: string, key: string, articles: readonly Article[], idf: Idf): { dates: DatesByArticle; bytes: number } | null {
  const entry = readEntry(file, MAGIC, isHeader, key);
  if (!entry) return null;
  const records = entry.header.articles;
  if (records.length !== articles.length || records.some((r, i) => r.id !== articles[i]!.id)) return null;
  const position = new Map(articles.map((a, i) => [a, i]));
  const restored = new Map<Article, ArticleDates>();
  const get = (article: Article): ArticleDates | undefined => {
    const i = position.get(article);
    if (i === undefined) return undefined;
    let d = restored.get(article);
    if (!d) restored.set(article, (d = restoreArticle(article, records[i]!.spans) ?? articleDates(article, idf)));
    return d;
  };
  return { dates: { get }, bytes: entry.size };
}

/**
 * Every article's dates: restored from the cache when a fresh entry exists, otherwise read (with
 * chrono-node, all articles) and saved. `articles` must be the corpus `corpusKey` was computed
 * for, and `idf` its index's.
 */
export function openDates(articles: readonly Article[], idf: Idf, options: DateCacheOptions): OpenedDates {
  const file = datesCacheFileFor(options.dir, options.cacheDir);
  const key = entryKey(options.corpusKey);
  if (!options.rebuild) {
    const hit = tryLoad(file, key, articles, idf);
    if (hit) return { ...hit, source: "loaded", file, saveError: null };
  }
  const all = new Map(articles.map((a) => [a, articleDates(a, idf)]));
  const dates: DatesByArticle = { get: (article) => all.get(article) };
  try {
    const { header: headerSchema, spans: spansSchema } = schemas();
    // Checked against the schemas at the boundary; reading back needs only the structural checks and the articles.
    const records = [...all.values()].map((d) => ({ id: d.article.id, spans: JSON.stringify(spansSchema.parse(toStoredSpans(d))) }));
    const header: Header = { format: DATES_CACHE_FORMAT, key, articles: records };
    const body = encodeEntry(MAGIC, headerSchema.parse(header), new ArrayRegion());
    saveEntry(file, body);
    return { dates, source: "built", file, bytes: body.length, saveError: null };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { dates, source: "built", file, bytes: 0, saveError: `${file}: ${code ?? (err as Error).message}` };
  }
}
