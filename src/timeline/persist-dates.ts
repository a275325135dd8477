/**
 * The persisted dates: every article's date mentions, as read-dates.ts reads them with chrono-node,
 * saved beside the corpus's passage-index entry. Without it, a new process pays for loading
 * chrono and parsing the cited articles again at its first answer whose outlets are compared
 * ("Outlets differ"): about 0.4 s of a cached answer on the seeds and 0.6 s on the bench's mixed
 * corpus, more than everything else the answer costs. The timeline reads the same dates.
 *
 * The key is the passage index's content key (every article's bytes, the manifest, the reading
 * code) plus the source of the date code (src/timeline) and chrono-node's version, so a change to
 * any of them means a rebuild. Like every cache entry it costs time when missing, corrupt or
 * unwritable, never correctness: reading it back checks every mention against its article (its
 * words are the article's words at its offsets, inside a sentence the article has), and an entry
 * that does not fit is rebuilt.
 */
import { createHash } from "node:crypto";
import { codeFingerprints } from "../code-fingerprint.js";
import type { Article, Sentence, Span } from "../corpus/types.js";
import { lazily, zod } from "../lazy-zod.js";
import { ArrayRegion, encodeEntry, readEntry, saveEntry } from "../search/cache-entry.js";
import { cacheFileFor } from "../search/persist.js";
import { hasExactly, isArrayOf, isBoolean, isCount, isString } from "../search/shape.js";
import type { PartialDate } from "./calendar.js";
import { articleDates, chronoVersion, type ArticleDates, type Basis, type DateMention, type DatedSpan, type Idf } from "./read-dates.js";

/** Bump when the layout of a dates entry changes. */
export const DATES_CACHE_FORMAT = 1;

const MAGIC = Buffer.from("cbdates\n", "latin1");

interface StoredMention {
  start: number;
  end: number;
  text: string;
  date: PartialDate;
  basis: Basis;
  readAs: string | null;
  attribution: boolean;
}

interface StoredSpan {
  /** The article's sentence index, or null for a photo caption's sentence. */
  sentence: number | null;
  start: number;
  end: number;
  mentions: StoredMention[];
}

interface StoredArticle {
  id: string;
  spans: StoredSpan[];
}

interface Header {
  format: typeof DATES_CACHE_FORMAT;
  key: string;
  articles: StoredArticle[];
}

const BASES: readonly Basis[] = ["explicit", "published", "narrative", "anchored"];

/** The header's schema: every header is validated against it before it is saved (zod, loaded then). */
export const headerSchema = lazily(() => {
  const z = zod();
  const count = z.number().int().nonnegative();
  const date = z.strictObject({ year: z.number().int(), month: z.number().int().min(1).max(12).nullable(), day: z.number().int().min(1).max(31).nullable() });
  const mention = z.strictObject({ start: count, end: count, text: z.string(), date, basis: z.enum(BASES), readAs: z.string().nullable(), attribution: z.boolean() });
  const span = z.strictObject({ sentence: count.nullable(), start: count, end: count, mentions: z.array(mention) });
  return z.strictObject({ format: z.literal(DATES_CACHE_FORMAT), key: z.string(), articles: z.array(z.strictObject({ id: z.string(), spans: z.array(span) })) });
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

const isStoredArticle = (x: unknown): x is StoredArticle => hasExactly(x, ["id", "spans"]) && isString(x.id) && isArrayOf(x.spans, isStoredSpan);

/** The header as read back: the structural check of `headerSchema` (see search/shape.ts), without zod. */
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

export interface OpenedDates {
  /** Every article's dates, by article id. */
  dates: ReadonlyMap<string, ArticleDates>;
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
    .update(JSON.stringify({ format: DATES_CACHE_FORMAT, corpus: corpusKey, code: codeFingerprints().dates, chrono: chronoVersion() }))
    .digest("hex");
}

function toStored(d: ArticleDates): StoredArticle {
  return {
    id: d.article.id,
    spans: d.spans.map((s) => ({
      sentence: s.sentence ? s.sentence.index : null,
      start: s.span.start,
      end: s.span.end,
      mentions: s.mentions.map((m) => ({ start: m.start, end: m.end, text: m.text, date: { year: m.date.year, month: m.date.month, day: m.date.day }, basis: m.basis, readAs: m.readAs, attribution: m.attribution })),
    })),
  };
}

/** An article's dates from its stored record, or null when the record does not fit the article. */
function restoreArticle(article: Article, stored: StoredArticle): ArticleDates | null {
  if (stored.id !== article.id) return null;
  const spans: DatedSpan[] = [];
  let previousStart = 0;
  for (const s of stored.spans) {
    if (s.start >= s.end || s.end > article.text.length || s.start < previousStart || s.mentions.length === 0) return null;
    previousStart = s.start;
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

function tryLoad(file: string, key: string, articles: readonly Article[]): { dates: Map<string, ArticleDates>; bytes: number } | null {
  const entry = readEntry(file, MAGIC, isHeader, key);
  if (!entry || entry.header.articles.length !== articles.length) return null;
  const dates = new Map<string, ArticleDates>();
  for (let i = 0; i < articles.length; i++) {
    const restored = restoreArticle(articles[i]!, entry.header.articles[i]!);
    if (!restored) return null;
    dates.set(restored.article.id, restored);
  }
  return { dates, bytes: entry.size };
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
    const hit = tryLoad(file, key, articles);
    if (hit) return { ...hit, source: "loaded", file, saveError: null };
  }
  const all = articles.map((a) => articleDates(a, idf));
  const dates = new Map(all.map((d) => [d.article.id, d]));
  try {
    const header: Header = { format: DATES_CACHE_FORMAT, key, articles: all.map(toStored) };
    // Checked against the schema at the boundary; reading it back needs only `isHeader` and the articles.
    const body = encodeEntry(MAGIC, headerSchema().parse(header), new ArrayRegion());
    saveEntry(file, body);
    return { dates, source: "built", file, bytes: body.length, saveError: null };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { dates, source: "built", file, bytes: 0, saveError: `${file}: ${code ?? (err as Error).message}` };
  }
}
