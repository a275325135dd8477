/**
 * Reads a folder of `.txt`/`.md` articles (and an optional `sources.json`) into a Corpus.
 * I/O lives here and only here; `buildArticle` is pure so tests can feed it text directly.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { classifyParagraphs } from "./clean.js";
import { CorpusError } from "./errors.js";
import { MANIFEST_FILE, readManifest, type ManifestEntry } from "./manifest.js";
import { splitParagraphs, splitSentences } from "./segment.js";
import type { Article, Corpus, Paragraph, Sentence, Span } from "./types.js";

export const ARTICLE_EXTENSIONS = [".txt", ".md"];

/**
 * The version of what reading makes of an article (cleaning, segmentation, the manifest): bump it
 * when a change here alters an article's paragraphs, sentences, furniture or metadata, so the
 * persisted index is rebuilt (see src/code-version.ts).
 */
export const READER_VERSION = 2;

/**
 * Files bigger than this are skipped. The longest news features run to a few hundred kilobytes;
 * a bigger file is a dump or an export, and one huge paragraph would make every question that
 * reaches it slow (a 2 MB single-paragraph file already costs ~130 ms an ask).
 */
export const MAX_ARTICLE_BYTES = 2 * 1024 * 1024;

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Files in a corpus folder that are neither articles nor the manifest but are expected there. */
function isQuietlyIgnored(name: string): boolean {
  return name.startsWith(".") || name === MANIFEST_FILE;
}

/**
 * A corpus folder as already read: its listing, and the bytes of its article files and manifest
 * (null: no manifest). The loader then reads nothing itself, so what it builds comes from exactly
 * these bytes; the cache keys an entry on them, and a file edited in between cannot slip in.
 */
export interface FolderRead {
  listing: string[];
  /** Article files by name; a file missing here is read from disk as usual. */
  files: ReadonlyMap<string, Buffer>;
  manifest: Buffer | null;
}

export interface LoadOptions {
  /** Refuse the whole corpus on the first bad article file instead of skipping it with a warning. */
  strict?: boolean;
  /** The folder as already read (see `FolderRead`). */
  read?: FolderRead;
  /** Called after each article file is read and segmented: files done, files in all. */
  onProgress?: (done: number, total: number) => void;
}

/** The first non-empty line, without Markdown heading marks. */
function firstLine(text: string): Span | null {
  const re = /[^\n]*\S[^\n]*/g;
  const m = re.exec(text);
  if (!m) return null;
  let start = m.index;
  let end = m.index + m[0].length;
  const heading = /^\s*#{1,6}\s+/.exec(m[0]);
  if (heading) start += heading[0].length;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

/** Builds an article from its text: title, clean paragraphs, sentences, all as offsets. */
export function buildArticle(id: string, file: string, text: string, meta: Partial<ManifestEntry> = {}): Article {
  const titleSpan = firstLine(text);
  if (!titleSpan) throw new CorpusError(file, "is empty (no text to index)");
  const lineTitle = text.slice(titleSpan.start, titleSpan.end);
  const title = meta.title ?? lineTitle;

  const all = splitParagraphs(text);
  // The title line is metadata, not a passage; cleaning also drops later echoes of it.
  const body = all.filter((p) => p.start >= titleSpan.end || p.end <= titleSpan.start);
  const { kept, furniture } = classifyParagraphs(text, body, lineTitle);

  const paragraphs: Paragraph[] = [];
  const sentences: Sentence[] = [];
  kept.forEach((span, index) => {
    const ids: number[] = [];
    for (const s of splitSentences(text, span)) {
      ids.push(sentences.length);
      sentences.push({ ...s, index: sentences.length, paragraph: index });
    }
    paragraphs.push({ ...span, index, sentences: ids });
  });

  return {
    id,
    file,
    text,
    title,
    url: meta.url ?? null,
    outlet: meta.outlet ?? null,
    published: meta.published ?? null,
    paragraphs,
    sentences,
    furniture,
  };
}

/** Decodes a file as UTF-8 text, refusing binaries and broken encodings with a named error. */
export function decodeArticle(file: string, bytes: Buffer): string {
  if (bytes.length === 0) throw new CorpusError(file, "is empty (no text to index)");
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new CorpusError(file, "is UTF-16 text; save it as UTF-8");
  }
  // NUL anywhere, not only near the start: a NUL would travel into excerpts and replies.
  if (bytes.includes(0)) throw new CorpusError(file, "looks binary (it contains NUL bytes), not a text article");
  // An indexed loop: a Buffer's iterator costs a function call per byte, and this runs for every
  // article at every start (about 0.15 s over the 11 MB bench corpus).
  const sampleLength = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < sampleLength; i++) {
    const b = bytes[i]!;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  if (control > sampleLength * 0.05) throw new CorpusError(file, "looks binary (many control bytes), not a text article");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new CorpusError(file, "is not valid UTF-8 text");
  }
  if (text.charCodeAt(0) === 0xfeff) text = " " + text.slice(1); // keep offsets: BOM becomes a space
  // No non-white-space character (what `trim() === ""` says, without copying the whole text).
  if (!/\S/.test(text)) throw new CorpusError(file, "is empty (no text to index)");
  return text;
}

/**
 * Loads every article in `dir`. Bad article files are skipped with a warning that names them
 * (or refused, with `strict`); a bad manifest is always refused, since it would mislabel sources.
 * A folder with no loadable article is an error: the bot never serves an empty corpus silently.
 */
export function loadCorpus(dir: string, options: LoadOptions = {}): Corpus {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new CorpusError(dir, "corpus folder not found (set CORPUS_DIR or pass --corpus DIR)");
  }
  const names = options.read ? [...options.read.listing].sort() : readdirSync(dir).sort();
  const files = names.filter((f) => ARTICLE_EXTENSIONS.includes(extname(f).toLowerCase()));
  const warnings: string[] = [];
  const skip = (err: CorpusError) => {
    if (options.strict) throw err;
    warnings.push(`skipped ${err.message}`);
  };
  // Anything else visible in the folder (a PDF, a photo, a sub-folder) is named, so an owner who
  // dropped in the wrong format learns why its text is missing. Never fatal, even with `strict`.
  for (const name of names) {
    if (files.includes(name) || isQuietlyIgnored(name)) continue;
    warnings.push(`ignored ${join(dir, name)}: only .txt and .md files in the folder itself are read`);
  }

  const byId = new Map<string, string>();
  for (const f of files) {
    const id = basename(f, extname(f));
    const path = join(dir, f);
    const other = byId.get(id);
    if (other) {
      skip(new CorpusError(path, `has the same id "${id}" as ${other}; rename one of them`));
      continue;
    }
    byId.set(id, path);
  }

  const manifestPath = join(dir, MANIFEST_FILE);
  const known = new Set(byId.keys());
  const manifest = options.read
    ? options.read.manifest === null
      ? {}
      : readManifest(manifestPath, known, options.read.manifest)
    : existsSync(manifestPath)
      ? readManifest(manifestPath, known)
      : {};

  const articles: Article[] = [];
  let done = 0;
  for (const [id, path] of byId) {
    try {
      const bytes = options.read?.files.get(basename(path)) ?? readArticleFile(path);
      const meta = Object.hasOwn(manifest, id) ? manifest[id] : undefined;
      const article = buildArticle(id, path, decodeArticle(path, bytes), meta);
      if (article.paragraphs.length === 0) throw new CorpusError(path, "has no article text left after removing page furniture");
      articles.push(article);
    } catch (err) {
      if (err instanceof CorpusError) skip(err);
      else throw err;
    }
    options.onProgress?.(++done, byId.size);
  }
  if (articles.length === 0) {
    const why = warnings.length ? `; ${warnings.join("; ")}` : "";
    throw new CorpusError(dir, `no loadable .txt or .md articles${why}`);
  }
  return { dir, articles, warnings };
}

/** An article file's bytes, refused by name when it cannot be read or is over the size limit. */
function readArticleFile(path: string): Buffer {
  let size: number;
  try {
    size = statSync(path).size;
  } catch (err) {
    // A dangling symlink or a file removed while loading: skip it like any unreadable file.
    throw new CorpusError(path, `cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  if (size > MAX_ARTICLE_BYTES) {
    throw new CorpusError(path, `is ${megabytes(size)}, over the ${megabytes(MAX_ARTICLE_BYTES)} limit for one article; split it into articles`);
  }
  try {
    return readFileSync(path);
  } catch (err) {
    throw new CorpusError(path, `cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
}
