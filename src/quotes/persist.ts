/**
 * The persisted quote index: a snapshot of the quote index saved beside the corpus's passage-index
 * entry, so a start does not extract every quotation again (seconds on a large corpus). Its key is
 * the passage index's content key (every article's bytes, the manifest, the reading code's
 * versions) plus the declared versions of the code that extracts quotes and builds their links
 * (QUOTE_STAMP; see src/code-version.ts), so any change to either means a rebuild. It lives with quotes/ (it needs the quote index) and uses search/'s entry format and
 * cache folder from below. Like the passage index, the cache costs time when it is missing,
 * corrupt or unwritable, never correctness: anything that does not fit is rebuilt.
 */
import { createHash } from "node:crypto";
import { endianness } from "node:os";
import type { Article } from "../corpus/types.js";
import { LINK_VERSION } from "../citation/fragment.js";
import { codeKey, type CacheStamp } from "../code-version.js";
import { lazily } from "../lazily.js";
import { zod } from "../lazy-zod.js";
import { ArrayRegion, arrayRefSchema, encodeEntry, isArrayRef, readEntry, saveEntry, type ArrayRef } from "../search/cache-entry.js";
import { cacheFileFor, INDEX_STAMP } from "../search/persist.js";
import { hasExactly, isArrayOf, isString, isStringArray } from "../search/shape.js";
import { QuoteIndex } from "./quote-index.js";
import { isKnownEntity, isStoredOccurrence, snapshotSchemas, type KnownEntity, type StoredOccurrence } from "./snapshot.js";
import { EXTRACTOR_VERSION } from "./version.js";

/** Bump when the layout of a quote entry changes. */
export const QUOTE_CACHE_FORMAT = 3;

/**
 * What builds a quote entry: the versions its key names. The passage index's are included because
 * the lock covers everything the builder runs, the corpus reading too (see src/code-version.ts).
 */
export const QUOTE_STAMP: CacheStamp = {
  name: "quotes",
  builder: "src/quotes/persist.ts",
  versions: { ...INDEX_STAMP.versions, quoteFormat: QUOTE_CACHE_FORMAT, extractor: EXTRACTOR_VERSION, links: LINK_VERSION },
};

const MAGIC = Buffer.from("cbquote\n", "latin1");

interface Header {
  format: typeof QUOTE_CACHE_FORMAT;
  key: string;
  entities: KnownEntity[];
  occurrences: StoredOccurrence[];
  words: string[];
  wordOffsets: ArrayRef;
  wordArticles: ArrayRef;
}

/** The header's schema: every header is validated against it before it is saved (zod, loaded then). */
export const headerSchema = lazily(() => {
  const z = zod();
  const { entity, occurrence } = snapshotSchemas();
  return z.strictObject({
    format: z.literal(QUOTE_CACHE_FORMAT),
    key: z.string(),
    entities: z.array(entity),
    occurrences: z.array(occurrence),
    words: z.array(z.string()),
    wordOffsets: arrayRefSchema(),
    wordArticles: arrayRefSchema(),
  });
});

const HEADER_KEYS = ["format", "key", "entities", "occurrences", "words", "wordOffsets", "wordArticles"] as const;

/** The header as read back: the structural check of `headerSchema` (see shape.ts), without zod. */
export function isHeader(x: unknown): x is Header {
  return (
    hasExactly(x, HEADER_KEYS) &&
    x.format === QUOTE_CACHE_FORMAT &&
    isString(x.key) &&
    isArrayOf(x.entities, isKnownEntity) &&
    isArrayOf(x.occurrences, isStoredOccurrence) &&
    isStringArray(x.words) &&
    isArrayRef(x.wordOffsets) &&
    isArrayRef(x.wordArticles)
  );
}

export interface QuoteCacheOptions {
  /** The corpus folder the articles were read from (names the entry, one per folder). */
  dir: string;
  cacheDir: string;
  /** The passage index's content key for exactly these articles (`OpenedCorpus.key`). */
  corpusKey: string;
  /** Build and save even when a fresh entry exists. */
  rebuild?: boolean;
  /** The code's versions (default QUOTE_STAMP); tests pass another to stand for other code. */
  stamp?: CacheStamp;
}

export interface OpenedQuotes {
  index: QuoteIndex;
  source: "loaded" | "built";
  file: string;
  /** Size of the entry on disk, or 0 when it could not be written. */
  bytes: number;
  /** Why the entry could not be written, or null. */
  saveError: string | null;
}

/** The quote entry for a corpus folder: beside its passage-index entry, sharing its name. */
export function quoteCacheFileFor(dir: string, cacheDir: string): string {
  return cacheFileFor(dir, cacheDir).replace(/\.idx$/, ".quotes");
}

function entryKey(corpusKey: string, stamp: CacheStamp): string {
  return createHash("sha256")
    .update(JSON.stringify({ format: QUOTE_CACHE_FORMAT, corpus: corpusKey, code: codeKey(stamp), endianness: endianness() }))
    .digest("hex");
}

function tryLoad(file: string, key: string, articles: readonly Article[]): { index: QuoteIndex; bytes: number } | null {
  const entry = readEntry(file, MAGIC, isHeader, key);
  if (!entry) return null;
  const { header, array } = entry;
  const wordOffsets = array(header.wordOffsets);
  const wordArticles = array(header.wordArticles);
  if (!wordOffsets || !wordArticles) return null;
  const index = QuoteIndex.fromSnapshot({ ...header, wordOffsets, wordArticles }, articles);
  return index && { index, bytes: entry.size };
}

/**
 * The quote index of `articles`: restored from the cache when a fresh entry exists, otherwise
 * built and saved. `articles` must be the corpus `corpusKey` was computed for.
 */
export function openQuoteIndex(articles: readonly Article[], options: QuoteCacheOptions): OpenedQuotes {
  const file = quoteCacheFileFor(options.dir, options.cacheDir);
  const key = entryKey(options.corpusKey, options.stamp ?? QUOTE_STAMP);
  if (!options.rebuild) {
    const hit = tryLoad(file, key, articles);
    if (hit) return { ...hit, source: "loaded", file, saveError: null };
  }
  const index = new QuoteIndex(articles);
  try {
    const { wordOffsets, wordArticles, ...plain } = index.snapshot();
    const region = new ArrayRegion();
    const header: Header = {
      format: QUOTE_CACHE_FORMAT,
      key,
      ...plain,
      wordOffsets: region.add(wordOffsets),
      wordArticles: region.add(wordArticles),
    };
    // Checked against the schema at the boundary; reading it back needs only `isHeader`.
    const body = encodeEntry(MAGIC, headerSchema().parse(header), region);
    saveEntry(file, body);
    return { index, source: "built", file, bytes: body.length, saveError: null };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { index, source: "built", file, bytes: 0, saveError: `${file}: ${code ?? (err as Error).message}` };
  }
}
