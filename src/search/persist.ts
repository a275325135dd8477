/**
 * The persisted index: a corpus's segmentation and passage index, saved once and reloaded at
 * start-up instead of cleaning, segmenting and indexing every article again. An entry is keyed by
 * a content hash of everything it was built from (each article file's bytes, the manifest, the
 * analyzer and index settings, and the source of the modules that build it), so any change means
 * a rebuild and a stale index is never served. The cache is an optimisation only: a missing,
 * corrupt or unwritable cache costs time, never correctness.
 */
import { createHash, type Hash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { endianness } from "node:os";
import { dirname, extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { ARTICLE_EXTENSIONS, MAX_ARTICLE_BYTES, decodeArticle, loadCorpus } from "../corpus/load.js";
import { MANIFEST_FILE } from "../corpus/manifest.js";
import type { Article, Corpus, Furniture, Paragraph, Sentence } from "../corpus/types.js";
import { ANALYZER_VERSION } from "./analyzer.js";
import { MAX_PASSAGE_SENTENCES, PassageIndex, WINDOW_SENTENCES } from "./passage-index.js";
import type { PostingsData } from "./postings.js";

/** Bump when the layout of a cache entry changes. */
export const CACHE_FORMAT = 2;

/** `.cache/index` in the project (gitignored). */
export const DEFAULT_CACHE_DIR = fileURLToPath(new URL("../../.cache/index", import.meta.url));

/** Entries kept per cache folder (one per corpus folder); the least recently written go first. */
const KEEP_ENTRIES = 16;
const ENTRY_NAME = /^[0-9a-f]{16}\.json$/;

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
}

/** One article file as read for hashing, so a cache hit reads every file exactly once. */
interface FileRead {
  name: string;
  bytes: Buffer | null;
}

/**
 * Arrays of unsigned 32-bit integers travel as base64 of their bytes: one JSON string parses far
 * faster than a million numbers. Values are checked where they are used (offsets against the
 * text, postings against the passages).
 */
const uint32s = z
  .string()
  .transform((b64, ctx) => {
    const bytes = Buffer.from(b64, "base64");
    if (bytes.length % 4 !== 0) {
      ctx.addIssue({ code: "custom", message: "is not a whole number of 32-bit integers" });
      return z.NEVER;
    }
    // Copy into an aligned buffer: a view needs a 4-byte aligned offset.
    const out = new Uint32Array(bytes.length / 4);
    new Uint8Array(out.buffer).set(bytes);
    return out;
  });

function encode(values: ArrayLike<number>): string {
  const array = values instanceof Uint32Array ? values : Uint32Array.from(values as ArrayLike<number>);
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString("base64");
}

const cachedArticleSchema = z.strictObject({
  id: z.string().min(1),
  name: z.string().min(1),
  title: z.string(),
  url: z.string().nullable(),
  outlet: z.string().nullable(),
  published: z.string().nullable(),
  /** start, end, sentence count: per paragraph. */
  paragraphs: uint32s,
  /** start, end: per sentence. */
  sentences: uint32s,
  /** start, end: per furniture span; reasons alongside. */
  furniture: uint32s,
  furnitureReasons: z.array(z.string()),
});

const postingsSchema = z.strictObject({
  terms: z.array(z.string()),
  offsets: uint32s,
  docs: uint32s,
  freqs: uint32s,
  lengths: uint32s,
  averageLength: z.number().nonnegative(),
});

const entrySchema = z.strictObject({
  format: z.literal(CACHE_FORMAT),
  key: z.string(),
  dir: z.string(),
  warnings: z.array(z.string()),
  articles: z.array(cachedArticleSchema),
  index: postingsSchema,
});

type CachedArticle = z.infer<typeof cachedArticleSchema>;
type CachedArticleJson = z.input<typeof cachedArticleSchema>;

let codeHash: string | null = null;

/**
 * The source of the modules that decide what gets indexed (corpus reading, cleaning, segmenting,
 * analysis, passages). Hashing the code itself, not only `ANALYZER_VERSION`, means a change to
 * any rule rebuilds the index even if nobody remembered to bump a version.
 */
function codeFingerprint(): string {
  if (codeHash) return codeHash;
  const hash = createHash("sha256");
  const here = dirname(fileURLToPath(import.meta.url));
  for (const dir of [join(here, "..", "corpus"), here]) {
    let names: string[] = [];
    try {
      names = readdirSync(dir).sort();
    } catch {
      names = [];
    }
    for (const name of names) {
      try {
        hash.update(`${name}\0`).update(readFileSync(join(dir, name))).update("\0");
      } catch {
        hash.update(`${name}\0unreadable\0`);
      }
    }
  }
  codeHash = hash.digest("hex");
  return codeHash;
}

function updateWithFile(hash: Hash, name: string, bytes: Buffer | null, note = ""): void {
  hash.update(`${name}\0${bytes ? bytes.length : -1}\0${note}\0`);
  if (bytes) hash.update(bytes);
}

/** The corpus folder's article files and manifest, read once, with the key of the whole. */
function readForKey(dir: string, options: OpenOptions): { key: string; files: Map<string, FileRead> } | null {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) return null;
    names = readdirSync(dir)
      .filter((f) => ARTICLE_EXTENSIONS.includes(extname(f).toLowerCase()))
      .sort();
  } catch {
    return null;
  }
  const hash = createHash("sha256");
  hash.update(
    JSON.stringify({
      format: CACHE_FORMAT,
      analyzer: ANALYZER_VERSION,
      passages: [MAX_PASSAGE_SENTENCES, WINDOW_SENTENCES],
      strict: options.strict === true,
      // Saved arrays are raw bytes in this machine's byte order.
      endianness: endianness(),
      code: codeFingerprint(),
    }),
  );
  const files = new Map<string, FileRead>();
  names.forEach((name, i) => {
    let bytes: Buffer | null = null;
    let note = "";
    try {
      const size = statSync(join(dir, name)).size;
      if (size > MAX_ARTICLE_BYTES) note = `oversize ${size}`;
      else bytes = readFileSync(join(dir, name));
    } catch (err) {
      note = `unreadable ${(err as NodeJS.ErrnoException).code ?? ""}`;
    }
    files.set(name, { name, bytes });
    updateWithFile(hash, name, bytes, note);
    options.onProgress?.("reading", i + 1, names.length);
  });
  let manifest: Buffer | null = null;
  try {
    manifest = readFileSync(join(dir, MANIFEST_FILE));
  } catch {
    manifest = null;
  }
  updateWithFile(hash, MANIFEST_FILE, manifest);
  return { key: hash.digest("hex"), files };
}

/** The entry file for a corpus folder: one per folder, named by its absolute path. */
export function cacheFileFor(dir: string, cacheDir: string): string {
  const name = createHash("sha256").update(resolve(dir)).digest("hex").slice(0, 16);
  return join(cacheDir, `${name}.json`);
}

function flat<T>(items: readonly T[], fields: (item: T) => number[]): number[] {
  const out: number[] = [];
  for (const item of items) out.push(...fields(item));
  return out;
}

function toCached(article: Article, name: string): CachedArticleJson {
  return {
    id: article.id,
    name,
    title: article.title,
    url: article.url,
    outlet: article.outlet,
    published: article.published,
    paragraphs: encode(flat(article.paragraphs, (p) => [p.start, p.end, p.sentences.length])),
    sentences: encode(flat(article.sentences, (s) => [s.start, s.end])),
    furniture: encode(flat(article.furniture, (f) => [f.start, f.end])),
    furnitureReasons: article.furniture.map((f) => f.reason),
  };
}

function postingsJson(data: PostingsData): z.input<typeof postingsSchema> {
  return {
    terms: data.terms,
    offsets: encode(data.offsets),
    docs: encode(data.docs),
    freqs: encode(data.freqs),
    lengths: encode(data.lengths),
    averageLength: data.averageLength,
  };
}

/** An article from its cache record and its file's text; null when they do not fit together. */
function fromCached(c: CachedArticle, file: string, text: string): Article | null {
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
  let raw: string;
  try {
    raw = readFileSync(file, "utf8");
  } catch {
    return null;
  }
  let parsed;
  try {
    parsed = entrySchema.safeParse(JSON.parse(raw));
  } catch {
    return null;
  }
  if (!parsed.success || parsed.data.key !== key) return null;
  const entry = parsed.data;
  const articles: Article[] = [];
  for (const c of entry.articles) {
    const read = files.get(c.name);
    if (!read?.bytes) return null;
    const path = join(dir, c.name);
    let text: string;
    try {
      text = decodeArticle(path, read.bytes);
    } catch {
      return null;
    }
    const article = fromCached(c, path, text);
    if (!article) return null;
    articles.push(article);
  }
  try {
    const index = new PassageIndex(articles, { snapshot: entry.index });
    return { corpus: { dir, articles, warnings: entry.warnings }, index, bytes: Buffer.byteLength(raw) };
  } catch {
    return null;
  }
}

/** Writes atomically (temporary file, then rename) so a reader never sees half an entry. */
function save(file: string, body: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, body);
  renameSync(tmp, file);
  prune(dirname(file));
}

/** Keeps the cache folder bounded when many corpus folders (say, test fixtures) come and go. */
function prune(cacheDir: string): void {
  const entries = readdirSync(cacheDir)
    .filter((n) => ENTRY_NAME.test(n))
    .map((n) => ({ path: join(cacheDir, n), mtime: statSync(join(cacheDir, n)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  for (const old of entries.slice(KEEP_ENTRIES)) {
    try {
      unlinkSync(old.path);
    } catch {
      // Another process pruned it first.
    }
  }
}

/**
 * The corpus in `dir` with its passage index: restored from the cache when a fresh entry exists,
 * otherwise loaded, indexed and saved. Corpus errors are thrown exactly as by `loadCorpus`.
 */
export function openIndexedCorpus(dir: string, options: OpenOptions): OpenedCorpus {
  const absDir = resolve(dir);
  const file = cacheFileFor(absDir, options.cacheDir);
  const read = readForKey(absDir, options);
  if (read && !options.rebuild) {
    const hit = tryLoad(dir, file, read.key, read.files);
    if (hit) return { ...hit, source: "loaded", file, saveError: null };
  }

  const corpus = loadCorpus(dir, {
    strict: options.strict,
    onProgress: (done, total) => options.onProgress?.("segmenting", done, total),
  });
  const index = new PassageIndex(corpus.articles, {
    onProgress: (done, total) => options.onProgress?.("indexing", done, total),
  });
  if (!read) return { corpus, index, source: "built", file, bytes: 0, saveError: "the corpus folder could not be listed" };

  // Save only what was built from the very bytes that were hashed: a file edited in between
  // must not be cached under its old content's key.
  const nameOfPath = new Map([...read.files.keys()].map((n) => [join(dir, n), n]));
  const names = new Map<string, string>();
  for (const a of corpus.articles) {
    const name = nameOfPath.get(a.file);
    const bytes = name ? read.files.get(name)?.bytes : null;
    if (!name || !bytes || decodeArticle(a.file, bytes) !== a.text) {
      return { corpus, index, source: "built", file, bytes: 0, saveError: "the corpus changed while it was read" };
    }
    names.set(a.id, name);
  }
  options.onProgress?.("writing", 0, 1);
  try {
    const body = JSON.stringify({
      format: CACHE_FORMAT,
      key: read.key,
      dir: absDir,
      warnings: corpus.warnings,
      articles: corpus.articles.map((a) => toCached(a, names.get(a.id)!)),
      index: postingsJson(index.snapshot()),
    });
    save(file, body);
    options.onProgress?.("writing", 1, 1);
    return { corpus, index, source: "built", file, bytes: Buffer.byteLength(body), saveError: null };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { corpus, index, source: "built", file, bytes: 0, saveError: `${file}: ${code ?? (err as Error).message}` };
  }
}
