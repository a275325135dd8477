/**
 * The persisted index: a corpus's segmentation and passage index, saved once and reloaded at
 * start-up instead of cleaning, segmenting and indexing every article again. An entry is keyed by
 * a content hash of everything it was built from (each article file's bytes, the manifest, the
 * index settings, and the declared versions of the code that builds it, INDEX_STAMP, with the
 * package version; see src/code-version.ts), so any change means a rebuild and a stale index is
 * never served. The cache is an optimisation only: a missing,
 * corrupt or unwritable cache costs time, never correctness.
 */
import { createHash, type Hash } from "node:crypto";
import { closeSync, fstatSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { endianness } from "node:os";
import { extname, join, resolve } from "node:path";
import { projectPath } from "../paths.js";
import { codeKey, type CacheStamp } from "../code-version.js";
import { lazily } from "../lazily.js";
import { zod } from "../lazy-zod.js";
import { ARTICLE_EXTENSIONS, MAX_ARTICLE_BYTES, READER_VERSION, decodeArticle, loadCorpus, type FolderRead } from "../corpus/load.js";
import { MANIFEST_FILE, isHttpUrl, isIsoDate, isOneLine } from "../corpus/manifest.js";
import type { Article, Corpus, Furniture, Paragraph, Sentence } from "../corpus/types.js";
import { ANALYZER_VERSION } from "./analyzer.js";
import { MAX_PASSAGE_SENTENCES, PASSAGE_VERSION, PassageIndex, WINDOW_SENTENCES } from "./passage-index.js";
import type { PostingsData } from "./postings.js";
import { ArrayRegion, arrayRefSchema, encodeEntry, isArrayRef, readEntry, saveEntry, type ArrayRef } from "./cache-entry.js";
import { hasExactly, isArrayOf, isNonNegative, isString, isStringArray, orNull } from "./shape.js";

/** Bump when the layout of a cache entry changes. */
export const CACHE_FORMAT = 4;

/** What builds a passage-index entry: the versions its key names (see src/code-version.ts). */
export const INDEX_STAMP: CacheStamp = {
  name: "index",
  builder: "src/search/persist.ts",
  versions: { indexFormat: CACHE_FORMAT, reader: READER_VERSION, analyzer: ANALYZER_VERSION, passages: PASSAGE_VERSION },
};

/** `.cache/index` in the project (gitignored). */
export const DEFAULT_CACHE_DIR = projectPath(".cache", "index");

export type Phase = "reading" | "segmenting" | "indexing" | "writing";

export interface OpenOptions {
  /** Folder for cache entries; created when missing. */
  cacheDir: string;
  /** As for `loadCorpus`. Part of the key: a strict load and a lenient one are different entries. */
  strict?: boolean;
  /** Build and save even when a fresh entry exists. */
  rebuild?: boolean;
  /** Progress by phase, for a progress bar: units done, units in all. */
  onProgress?: (phase: Phase, done: number, total: number) => void;
  /** How recent a change makes a file's stats untrustworthy (default RACY_MS; 0: never, for tests). */
  racyMs?: number;
  /** The code's versions (default INDEX_STAMP); tests pass another to stand for other code. */
  stamp?: CacheStamp;
}

export interface OpenedCorpus {
  corpus: Corpus;
  index: PassageIndex;
  /** "loaded": restored from the cache; "built": indexed now (and saved unless `saveError`). */
  source: "loaded" | "built";
  /** The cache entry for this corpus folder. */
  file: string;
  /** Size of the entry on disk, or 0 when it could not be written. */
  bytes: number;
  /** Why the entry could not be written, or null. */
  saveError: string | null;
  /**
   * The content key of the corpus and the code that read it, when `corpus` is known to be built
   * from exactly the hashed bytes (null otherwise); structures derived from the corpus (the quote
   * index) key their own cache entries on it.
   */
  key: string | null;
  /** How the key was found: from the stat gate (no hashing), by hashing every byte, or none (`key` null). */
  keyFrom: "stats" | "hashed" | null;
}

/** One article file as read for hashing, so a cache hit reads every file exactly once. */
interface FileRead {
  name: string;
  bytes: Buffer | null;
}

/** A passage-index entry (layout in cache-entry.ts). */
const MAGIC = Buffer.from("cbindex\n", "latin1");

/** One article as its entry holds it: metadata, and its spans as arrays in the entry's region. */
interface CachedArticle {
  id: string;
  name: string;
  title: string;
  url: string | null;
  outlet: string | null;
  published: string | null;
  /** start, end, sentence count: per paragraph. */
  paragraphs: ArrayRef;
  /** start, end: per sentence. */
  sentences: ArrayRef;
  /** start, end: per furniture span; reasons alongside. */
  furniture: ArrayRef;
  furnitureReasons: string[];
}

interface PostingsHeader {
  terms: string[];
  offsets: ArrayRef;
  docs: ArrayRef;
  freqs: ArrayRef;
  lengths: ArrayRef;
  averageLength: number;
}

interface Header {
  format: typeof CACHE_FORMAT;
  key: string;
  dir: string;
  warnings: string[];
  articles: CachedArticle[];
  index: PostingsHeader;
}

/**
 * The header's schema: every header is validated against it before it is saved (zod, loaded
 * then). A link or an outlet read back from disk is shown to users all the same, so they are held
 * to the manifest's rules.
 */
export const headerSchema = lazily(() => {
  const z = zod();
  const ref = arrayRefSchema();
  const article = z.strictObject({
    id: z.string().min(1),
    name: z.string().min(1),
    title: z.string(),
    url: z.string().refine(isHttpUrl).nullable(),
    outlet: z.string().refine(isOneLine).nullable(),
    published: z.string().refine(isIsoDate).nullable(),
    paragraphs: ref,
    sentences: ref,
    furniture: ref,
    furnitureReasons: z.array(z.string()),
  });
  const postings = z.strictObject({ terms: z.array(z.string()), offsets: ref, docs: ref, freqs: ref, lengths: ref, averageLength: z.number().nonnegative() });
  return z.strictObject({ format: z.literal(CACHE_FORMAT), key: z.string(), dir: z.string(), warnings: z.array(z.string()), articles: z.array(article), index: postings });
});

const ARTICLE_KEYS = ["id", "name", "title", "url", "outlet", "published", "paragraphs", "sentences", "furniture", "furnitureReasons"] as const;
const POSTINGS_KEYS = ["terms", "offsets", "docs", "freqs", "lengths", "averageLength"] as const;
const HEADER_KEYS = ["format", "key", "dir", "warnings", "articles", "index"] as const;

const nonEmpty = (x: unknown): x is string => isString(x) && x.length > 0;
const isUrl = orNull((x: unknown): x is string => isString(x) && isHttpUrl(x));
const isOutlet = orNull((x: unknown): x is string => isString(x) && isOneLine(x));
const isPublished = orNull((x: unknown): x is string => isString(x) && isIsoDate(x));

function isCachedArticle(x: unknown): x is CachedArticle {
  return (
    hasExactly(x, ARTICLE_KEYS) &&
    nonEmpty(x.id) &&
    nonEmpty(x.name) &&
    isString(x.title) &&
    isUrl(x.url) &&
    isOutlet(x.outlet) &&
    isPublished(x.published) &&
    isArrayRef(x.paragraphs) &&
    isArrayRef(x.sentences) &&
    isArrayRef(x.furniture) &&
    isStringArray(x.furnitureReasons)
  );
}

function isPostingsHeader(x: unknown): x is PostingsHeader {
  return (
    hasExactly(x, POSTINGS_KEYS) &&
    isStringArray(x.terms) &&
    isArrayRef(x.offsets) &&
    isArrayRef(x.docs) &&
    isArrayRef(x.freqs) &&
    isArrayRef(x.lengths) &&
    isNonNegative(x.averageLength)
  );
}

/** The header as read back: the structural check of `headerSchema` (see shape.ts), without zod. */
export function isHeader(x: unknown): x is Header {
  return (
    hasExactly(x, HEADER_KEYS) &&
    x.format === CACHE_FORMAT &&
    isString(x.key) &&
    isString(x.dir) &&
    isStringArray(x.warnings) &&
    isArrayOf(x.articles, isCachedArticle) &&
    isPostingsHeader(x.index)
  );
}

function updateWithFile(hash: Hash, name: string, bytes: Buffer | null, note = ""): void {
  hash.update(`${name}\0${bytes ? bytes.length : -1}\0${note}\0`);
  if (bytes) hash.update(bytes);
}

/** One file's identity as `fstat` gives it: size, modification and change times (ns), inode. */
type StatTuple = [size: string, mtimeNs: string, ctimeNs: string, ino: string];

/**
 * A file is "racy" while it was changed less than this long before it was read: a later write in
 * the same clock tick (timestamps are coarser than writes; 2 s on FAT) could keep its size and
 * times, so its stats prove nothing yet and it is hashed (as git treats racily clean files).
 */
export const RACY_MS = 3000;

/** Reads a file with its stats, taken before and after the read; `stable` when they agree. */
function readWithStats(path: string, maxBytes: number, racyMs: number): { bytes: Buffer | null; stat: StatTuple; stable: boolean; racy: boolean; note: string } {
  const fd = openSync(path, "r");
  try {
    const before = fstatSync(fd, { bigint: true });
    const stat: StatTuple = [String(before.size), String(before.mtimeNs), String(before.ctimeNs), String(before.ino)];
    const changed = Number((before.mtimeNs > before.ctimeNs ? before.mtimeNs : before.ctimeNs) / 1_000_000n);
    const racy = racyMs > 0 && changed > Date.now() - racyMs;
    if (before.size > BigInt(maxBytes)) return { bytes: null, stat, stable: false, racy, note: `oversize ${before.size}` };
    const bytes = readFileSync(fd);
    const after = fstatSync(fd, { bigint: true });
    const stable = after.size === before.size && after.mtimeNs === before.mtimeNs && after.ctimeNs === before.ctimeNs && bytes.length === Number(before.size);
    return { bytes, stat, stable, racy, note: "" };
  } finally {
    closeSync(fd);
  }
}

/**
 * The stat gate beside an entry (`<stem>.stat`): the key last computed for the folder and the
 * stats of the files it was computed from. When every file still has exactly those stats (and
 * none was changed within RACY_MS of being read), the bytes are those that were hashed, and the
 * key is taken from here instead of hashing every article again.
 */
interface StatGate {
  signature: string;
  key: string;
}

function gateFileFor(entryFile: string): string {
  return entryFile.replace(/\.idx$/, ".stat");
}

function readGate(entryFile: string): StatGate | null {
  try {
    const parsed = JSON.parse(readFileSync(gateFileFor(entryFile), "utf8")) as Partial<StatGate>;
    return typeof parsed.signature === "string" && typeof parsed.key === "string" ? { signature: parsed.signature, key: parsed.key } : null;
  } catch {
    return null;
  }
}

/** Records the gate for a key known to belong to the bytes read; a failure only means hashing next time. */
function writeGate(entryFile: string, gate: StatGate): void {
  const file = gateFileFor(entryFile);
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, JSON.stringify(gate));
    renameSync(tmp, file);
  } catch {
    rmSync(tmp, { force: true });
  }
}

interface ReadForKey {
  key: string;
  files: Map<string, FileRead>;
  folder: FolderRead | null;
  /** The stat signature of what was read, when a gate may record it (every file stable, none racy). */
  signature: string | null;
  /** The key came from the gate (no hashing); "hashed" otherwise. */
  via: "stats" | "hashed";
}

/**
 * The corpus folder's article files and manifest, read once, with the key of the whole and, when
 * everything could be read, the same bytes for the loader (so key and content cannot differ).
 * The key is a SHA-256 of every byte, or, when the gate beside `entryFile` holds the current
 * stats of every file (size, times, inode, all unchanged and not racy), the key it recorded.
 */
function readForKey(dir: string, entryFile: string, options: OpenOptions & { ignoreGate?: boolean }): ReadForKey | null {
  let listing: string[];
  try {
    if (!statSync(dir).isDirectory()) return null;
    listing = readdirSync(dir).sort();
  } catch {
    return null;
  }
  const names = listing.filter((f) => ARTICLE_EXTENSIONS.includes(extname(f).toLowerCase()));
  const meta = JSON.stringify({
    format: CACHE_FORMAT,
    code: codeKey(options.stamp ?? INDEX_STAMP),
    passages: [MAX_PASSAGE_SENTENCES, WINDOW_SENTENCES],
    strict: options.strict === true,
    // Saved arrays are raw bytes in this machine's byte order.
    endianness: endianness(),
    // Every name in the folder: loading warns about files it ignores, and those warnings are saved.
    listing,
  });
  const files = new Map<string, FileRead>();
  const notes = new Map<string, string>();
  const stats: [string, StatTuple | null][] = [];
  let gateable = true;
  names.forEach((name, i) => {
    let bytes: Buffer | null = null;
    let note = "";
    try {
      const read = readWithStats(join(dir, name), MAX_ARTICLE_BYTES, options.racyMs ?? RACY_MS);
      bytes = read.bytes;
      note = read.note;
      stats.push([name, read.stat]);
      if (!read.stable || read.racy) gateable = false;
    } catch (err) {
      note = `unreadable ${(err as NodeJS.ErrnoException).code ?? ""}`;
      stats.push([name, null]);
      gateable = false;
    }
    files.set(name, { name, bytes });
    notes.set(name, note);
    options.onProgress?.("reading", i + 1, names.length);
  });
  let manifest: Buffer | null = null;
  // Absent is no manifest; unreadable is left to the loader, which refuses it by name.
  let manifestKnown = true;
  try {
    const read = readWithStats(join(dir, MANIFEST_FILE), Number.MAX_SAFE_INTEGER, options.racyMs ?? RACY_MS);
    manifest = read.bytes;
    stats.push([MANIFEST_FILE, read.stat]);
    if (!read.stable || read.racy) gateable = false;
  } catch (err) {
    manifest = null;
    manifestKnown = (err as NodeJS.ErrnoException).code === "ENOENT";
    stats.push([MANIFEST_FILE, null]);
    if (!manifestKnown) gateable = false;
  }
  const bytes = new Map<string, Buffer>();
  for (const f of files.values()) if (f.bytes) bytes.set(f.name, f.bytes);
  const folder = manifestKnown ? { listing, files: bytes, manifest } : null;
  const signature = gateable ? createHash("sha256").update(meta).update("\0").update(JSON.stringify(stats)).digest("hex") : null;

  const gate = signature && !options.rebuild && !options.ignoreGate ? readGate(entryFile) : null;
  if (gate && gate.signature === signature) return { key: gate.key, files, folder, signature, via: "stats" };

  const hash = createHash("sha256");
  hash.update(meta);
  for (const name of names) updateWithFile(hash, name, files.get(name)!.bytes, notes.get(name));
  updateWithFile(hash, MANIFEST_FILE, manifest);
  return { key: hash.digest("hex"), files, folder, signature, via: "hashed" };
}

/** The entry file for a corpus folder: one per folder, named by its absolute path. */
export function cacheFileFor(dir: string, cacheDir: string): string {
  const name = createHash("sha256").update(resolve(dir)).digest("hex").slice(0, 16);
  return join(cacheDir, `${name}.idx`);
}

function flat<T>(items: readonly T[], fields: (item: T) => number[]): number[] {
  const out: number[] = [];
  for (const item of items) out.push(...fields(item));
  return out;
}

function toCached(article: Article, name: string, region: ArrayRegion): CachedArticle {
  return {
    id: article.id,
    name,
    title: article.title,
    url: article.url,
    outlet: article.outlet,
    published: article.published,
    paragraphs: region.add(flat(article.paragraphs, (p) => [p.start, p.end, p.sentences.length])),
    sentences: region.add(flat(article.sentences, (s) => [s.start, s.end])),
    furniture: region.add(flat(article.furniture, (f) => [f.start, f.end])),
    furnitureReasons: article.furniture.map((f) => f.reason),
  };
}

function postingsHeader(data: PostingsData, region: ArrayRegion): PostingsHeader {
  return {
    terms: data.terms,
    offsets: region.add(data.offsets),
    docs: region.add(data.docs),
    freqs: region.add(data.freqs),
    lengths: region.add(data.lengths),
    averageLength: data.averageLength,
  };
}

/** An article from its cache record and its file's text; null when they do not fit together. */
interface ArticleArrays {
  paragraphs: Uint32Array;
  sentences: Uint32Array;
  furniture: Uint32Array;
}

function fromCached(meta: CachedArticle, arrays: ArticleArrays, file: string, text: string): Article | null {
  const c = { ...meta, ...arrays };
  const fits = (xs: Uint32Array, stride: number) => {
    if (xs.length % stride !== 0) return false;
    for (let i = 0; i < xs.length; i++) if (i % stride !== 2 && xs[i]! > text.length) return false;
    return true;
  };
  if (!fits(c.paragraphs, 3) || !fits(c.sentences, 2) || !fits(c.furniture, 2)) return null;
  if (c.furnitureReasons.length * 2 !== c.furniture.length) return null;
  const sentences: Sentence[] = [];
  const paragraphs: Paragraph[] = [];
  for (let p = 0, s = 0; p < c.paragraphs.length / 3; p++) {
    const count = c.paragraphs[p * 3 + 2]!;
    const ids: number[] = [];
    for (let k = 0; k < count; k++, s++) {
      if (s * 2 >= c.sentences.length) return null;
      sentences.push({ start: c.sentences[s * 2]!, end: c.sentences[s * 2 + 1]!, index: s, paragraph: p });
      ids.push(s);
    }
    paragraphs.push({ start: c.paragraphs[p * 3]!, end: c.paragraphs[p * 3 + 1]!, index: p, sentences: ids });
  }
  if (sentences.length * 2 !== c.sentences.length) return null;
  const furniture: Furniture[] = c.furnitureReasons.map((reason, i) => ({
    start: c.furniture[i * 2]!,
    end: c.furniture[i * 2 + 1]!,
    reason,
  }));
  return {
    id: c.id,
    file,
    text,
    title: c.title,
    url: c.url,
    outlet: c.outlet,
    published: c.published,
    paragraphs,
    sentences,
    furniture,
  };
}

/** The cached corpus and index when the entry exists, is intact and matches `key`. */
function tryLoad(dir: string, file: string, key: string, files: Map<string, FileRead>): { corpus: Corpus; index: PassageIndex; bytes: number } | null {
  const entry = readEntry(file, MAGIC, isHeader, key);
  if (!entry) return null;
  const { header, array } = entry;
  const articles: Article[] = [];
  for (const c of header.articles) {
    const read = files.get(c.name);
    if (!read?.bytes) return null;
    const paragraphs = array(c.paragraphs);
    const sentences = array(c.sentences);
    const furniture = array(c.furniture);
    if (!paragraphs || !sentences || !furniture) return null;
    const path = join(dir, c.name);
    let text: string;
    try {
      text = decodeArticle(path, read.bytes);
    } catch {
      return null;
    }
    const article = fromCached(c, { paragraphs, sentences, furniture }, path, text);
    if (!article) return null;
    articles.push(article);
  }
  const p = header.index;
  const [offsets, docs, freqs, lengths] = [array(p.offsets), array(p.docs), array(p.freqs), array(p.lengths)];
  if (!offsets || !docs || !freqs || !lengths) return null;
  try {
    const snapshot: PostingsData = { terms: p.terms, offsets, docs, freqs, lengths, averageLength: p.averageLength };
    const index = new PassageIndex(articles, { snapshot });
    return { corpus: { dir, articles, warnings: header.warnings }, index, bytes: entry.size };
  } catch {
    return null;
  }
}

/**
 * The corpus in `dir` with its passage index: restored from the cache when a fresh entry exists,
 * otherwise loaded, indexed and saved. Corpus errors are thrown exactly as by `loadCorpus`.
 */
export function openIndexedCorpus(dir: string, options: OpenOptions): OpenedCorpus {
  const absDir = resolve(dir);
  const file = cacheFileFor(absDir, options.cacheDir);
  let read = readForKey(absDir, file, options);
  // A gate naming a key the entry does not have (an entry replaced or damaged) is passed over: hash after all.
  for (let attempt = 0; read && !options.rebuild && attempt < 2; attempt++) {
    const hit = tryLoad(dir, file, read.key, read.files);
    if (hit) {
      // Hashed because some file's stats changed (a touch, a copy) but its content did not: record the new stats.
      if (read.via === "hashed" && read.signature) writeGate(file, { signature: read.signature, key: read.key });
      return { ...hit, source: "loaded", file, saveError: null, key: read.key, keyFrom: read.via };
    }
    if (read.via !== "stats") break;
    read = readForKey(absDir, file, { ...options, ignoreGate: true });
  }

  const corpus = loadCorpus(dir, {
    strict: options.strict,
    ...(read?.folder ? { read: read.folder } : {}),
    onProgress: (done, total) => options.onProgress?.("segmenting", done, total),
  });
  const index = new PassageIndex(corpus.articles, {
    onProgress: (done, total) => options.onProgress?.("indexing", done, total),
  });
  if (!read) return { corpus, index, source: "built", file, bytes: 0, saveError: "the corpus folder could not be listed", key: null, keyFrom: null };

  // Save only what was built from the very bytes that were hashed: a file edited in between
  // must not be cached under its old content's key.
  const nameOfPath = new Map([...read.files.keys()].map((n) => [join(dir, n), n]));
  const names = new Map<string, string>();
  for (const a of corpus.articles) {
    const name = nameOfPath.get(a.file);
    const bytes = name ? read.files.get(name)?.bytes : null;
    if (!name || !bytes || decodeArticle(a.file, bytes) !== a.text) {
      return { corpus, index, source: "built", file, bytes: 0, saveError: "the corpus changed while it was read", key: null, keyFrom: null };
    }
    names.set(a.id, name);
  }
  options.onProgress?.("writing", 0, 1);
  try {
    const region = new ArrayRegion();
    const header: Header = {
      format: CACHE_FORMAT,
      key: read.key,
      dir: absDir,
      warnings: corpus.warnings,
      articles: corpus.articles.map((a) => toCached(a, names.get(a.id)!, region)),
      index: postingsHeader(index.snapshot(), region),
    };
    // What is saved is checked against the schema at the boundary; reading it back needs only `isHeader`.
    const body = encodeEntry(MAGIC, headerSchema().parse(header), region);
    saveEntry(file, body);
    if (read.signature) writeGate(file, { signature: read.signature, key: read.key });
    options.onProgress?.("writing", 1, 1);
    return { corpus, index, source: "built", file, bytes: body.length, saveError: null, key: read.key, keyFrom: read.via };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { corpus, index, source: "built", file, bytes: 0, saveError: `${file}: ${code ?? (err as Error).message}`, key: read.key, keyFrom: read.via };
  }
}
