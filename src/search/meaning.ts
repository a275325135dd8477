/**
 * Word meaning for one corpus: which of the coverage's own words may stand for a question word it
 * lacks ("scrapped" for "cancelled", "tally" for "count"). Two resources, each checked by the
 * other where they can be:
 *  - word vectors (text/vectors.ts): the corpus's words nearest a question word;
 *  - WordNet (text/wordnet.ts): words that share or neighbour a sense, kept only when the vectors
 *    agree they are related, since WordNet crosses senses ("scrap" is also a quarrel).
 * Names never soft-match: a word the coverage only writes capitalised is nobody's synonym, and
 * "kremlin" is not "putin" however close their vectors are.
 *
 * Built with the index from the full vector table and WordNet, then kept small: vectors for the
 * corpus's words and the most frequent English words (what questions are written in), and the
 * WordNet links that end in a corpus word. Saved beside the index entry, keyed like it.
 */
import { createHash } from "node:crypto";
import { closeSync, fstatSync, openSync, readFileSync, readSync } from "node:fs";
import { join } from "node:path";
import { projectPath } from "../paths.js";
import { WORDS } from "../text/lexicon.js";
import { fold } from "./analyzer.js";
import { saveEntry } from "./cache-entry.js";
import { lazily } from "../lazily.js";
import { isArrayOf, isCount, isString, isStringArray } from "./shape.js";
import { convertPackage, packagePath, VECTOR_FORMAT, VectorTable } from "../text/vectors.js";
import { baseForms, WordNet } from "../text/wordnet.js";

/** Bump when what a meaning entry holds, or how it is built, changes. */
export const MEANING_FORMAT = 3;

/** Most frequent English words kept beside the corpus's own (questions are written in them). */
export const COMMON_WORDS = 50_000;
/** A vector neighbour must be at least this similar to stand for a word (0.6, 0.7, 0.8 tried by cross-validation: 0.7 best). */
export const VECTOR_MIN = 0.7;
/** A WordNet link is kept when the vectors put the two words at least this close. */
export const WORDNET_AGREE = 0.35;
/** Soft matches kept per question word. */
export const SOFT_LIMIT = 6;

export interface SoftMatch {
  /** The corpus word (folded surface form). */
  word: string;
  similarity: number;
  via: "wordnet" | "vector";
}

/** The full converted table, shared by every corpus of the process. */
let fullTable: VectorTable | null | undefined;

/** `.cache/meaning/` in the project (gitignored): the converted vector table. */
export const DEFAULT_MEANING_DIR = projectPath(".cache", "meaning");

export function fullTablePath(dir = DEFAULT_MEANING_DIR): string {
  return join(dir, `vectors-sg100d-v${VECTOR_FORMAT}.bin`);
}

/**
 * The full table: read from the cache, or converted from the package once (seconds) and saved.
 * Null when the package is not installed (then questions match words exactly, as before).
 */
export function loadFullTable(options: { dir?: string; onProgress?: (line: string) => void } = {}): VectorTable | null {
  if (fullTable !== undefined) return fullTable;
  const path = fullTablePath(options.dir);
  const cached = VectorTable.read(path);
  if (cached) return (fullTable = cached);
  const source = packagePath();
  if (!source) return (fullTable = null);
  const started = performance.now();
  options.onProgress?.("Building the word-vector table (once per machine)...");
  const table = convertPackage(readFileSync(source, "latin1"));
  try {
    table.write(path);
  } catch {
    // Unwritable cache: the table still serves this run.
  }
  options.onProgress?.(`Word-vector table built in ${((performance.now() - started) / 1000).toFixed(1)} s (${table.size.toLocaleString("en")} words).`);
  return (fullTable = table);
}

export class WordMeaning {
  private linkMap: ReadonlyMap<string, readonly string[]> | null = null;
  private softWordList: readonly string[] | null = null;

  constructor(
    readonly vectors: VectorTable,
    /**
     * Question-side base form -> corpus words WordNet links it to; or how to compute them, on the
     * first word the corpus lacks (reading WordNet takes a second or so; a saved entry's are
     * parsed then, which takes a quarter of a second on a large corpus).
     */
    private readonly linkSource: ReadonlyMap<string, readonly string[]> | (() => ReadonlyMap<string, readonly string[]>),
    /** Corpus words that may stand for another word, or how to read them (see `softWords`). */
    private readonly softWordSource: readonly string[] | (() => readonly string[]),
  ) {}

  /** Corpus words that may stand for another word: ordinary words with a vector, no names. */
  get softWords(): readonly string[] {
    return (this.softWordList ??= typeof this.softWordSource === "function" ? this.softWordSource() : this.softWordSource);
  }

  /** Rows of the soft words in the vector table, found once. */
  private softRows: Int32Array | null = null;
  /** Soft matches per question word: a bot hears the same words again and again. */
  private readonly matches = new Map<string, SoftMatch[]>();

  /**
   * Computes WordNet's links now if they were left for later (an index built in memory, without a
   * cache): a server calls this once after it starts, so that no reply waits the second or two
   * reading WordNet takes.
   */
  warm(): void {
    void this.links;
  }

  /** Question-side base form -> corpus words WordNet links it to. */
  get links(): ReadonlyMap<string, readonly string[]> {
    return (this.linkMap ??= typeof this.linkSource === "function" ? this.linkSource() : this.linkSource);
  }

  /** Corpus words that may stand for `word` (one the corpus lacks), most similar first. */
  softMatches(word: string): SoftMatch[] {
    const w = fold(word).replace(/[.']/g, "");
    if (w.length < 3 || /\d/.test(w) || WORDS.function.stopWords.has(w)) return [];
    const cached = this.matches.get(w);
    if (cached) return cached;
    const found = this.findMatches(w);
    if (this.matches.size >= 10_000) this.matches.clear();
    this.matches.set(w, found);
    return found;
  }

  private findMatches(w: string): SoftMatch[] {
    const out = new Map<string, SoftMatch>();
    for (const form of baseForms(w)) {
      for (const c of this.links.get(form) ?? []) {
        const s = this.similarity(w, c);
        if (s !== null && s >= WORDNET_AGREE && !out.has(c)) out.set(c, { word: c, similarity: s, via: "wordnet" });
      }
    }
    this.softRows ??= this.vectors.rowsOf(this.softWords);
    for (const n of this.vectors.nearest(w, this.softWords, VECTOR_MIN, SOFT_LIMIT, this.softRows)) {
      if (!out.has(n.word)) out.set(n.word, { word: n.word, similarity: n.similarity, via: "vector" });
    }
    return [...out.values()].sort((a, b) => b.similarity - a.similarity).slice(0, SOFT_LIMIT);
  }

  /** Similarity of two words, or of their base forms when a form has no vector. */
  private similarity(a: string, b: string): number | null {
    const direct = this.vectors.similarity(a, b);
    if (direct !== null) return direct;
    for (const x of baseForms(a)) {
      const s = this.vectors.similarity(x, b);
      if (s !== null) return s;
    }
    return null;
  }

  /**
   * The meaning of a corpus whose distinct written words are `written` (as they appear, so
   * capitalisation tells names apart). Null without the vector package.
   */
  /** `compact`: WordNet's links computed now (for saving); otherwise on the first word the corpus lacks. */
  static build(written: Iterable<string>, options: { full?: VectorTable | null; wordnet?: WordNet | null; onProgress?: (line: string) => void; compact?: boolean } = {}): WordMeaning | null {
    const full = options.full === undefined ? loadFullTable({ onProgress: options.onProgress }) : options.full;
    if (!full) return null;
    const lower = new Set<string>();
    const capitalised = new Set<string>();
    for (const raw of written) {
      const f = fold(raw).replace(/[.']/g, "");
      if (!/^\p{L}{3,}$/u.test(f) || WORDS.function.stopWords.has(f)) continue;
      if (raw === raw.toLowerCase()) lower.add(f);
      else capitalised.add(f);
    }
    // A word the coverage never writes in lower case is a name (or a headline word it also
    // writes in lower case elsewhere, which `lower` then holds).
    const softWords = [...lower].filter((w) => full.has(w)).sort();
    const corpusWords = new Set([...lower, ...capitalised]);
    const links = () => wordnetLinks(softWords, corpusWords, options.wordnet === undefined ? sharedWordNet() : options.wordnet);
    // The same words keep vectors in memory as on disk, so a cached start answers exactly alike.
    const keep = full.subset([...full.words.slice(0, COMMON_WORDS), ...corpusWords]);
    return new WordMeaning(keep, options.compact ? links() : links, softWords);
  }

  /**
   * The entry's bytes: the length of a small JSON header (format, key, the table's length, the
   * lexicon's length and checksum), the header, padding to a multiple of four bytes, the vector
   * table packed (`VectorTable.encodePacked`, with its own checksum), then the lexicon: WordNet's
   * links and the soft words, as JSON. A start reads the header and the table, in place and
   * without parsing a word list; the lexicon (5 MB on a large corpus) is read, checked and parsed
   * only for the first question word the corpus lacks.
   */
  encode(key: string): Buffer {
    const table = this.vectors.encodePacked();
    const lexicon = Buffer.from(JSON.stringify({ links: [...this.links], softWords: this.softWords }), "utf8");
    const head = Buffer.from(JSON.stringify({ format: MEANING_FORMAT, key, tableBytes: table.length, lexicon: sha(lexicon), lexiconBytes: lexicon.length }), "utf8");
    const length = Buffer.alloc(4);
    length.writeUInt32LE(head.length);
    return Buffer.concat([length, head, Buffer.alloc(padTo4(4 + head.length) - 4 - head.length), table, lexicon]);
  }

  /**
   * The entry in `file` when it is intact and keyed `key` (null otherwise), its lexicon read on
   * first use. A lexicon found changed by then (the entry rewritten in between, a damaged disk)
   * is made again by `rebuild`: time, never a wrong answer.
   */
  static open(file: string, key: string, rebuild: () => WordMeaning | null): WordMeaning | null {
    let fd: number;
    try {
      fd = openSync(file, "r");
    } catch {
      return null;
    }
    try {
      const size = fstatSync(fd).size;
      const headLength = readAt(fd, 0, 4)?.readUInt32LE(0);
      const headBytes = headLength === undefined || 4 + headLength > size ? null : readAt(fd, 4, headLength);
      if (!headBytes) return null;
      const head = JSON.parse(headBytes.toString("utf8")) as Record<string, unknown>;
      const { tableBytes, lexicon, lexiconBytes } = head;
      if (head.format !== MEANING_FORMAT || head.key !== key || !isCount(tableBytes) || typeof lexicon !== "string" || !isCount(lexiconBytes)) return null;
      const tableStart = padTo4(4 + headBytes.length);
      if (tableStart + tableBytes + lexiconBytes !== size) return null;
      // Its own memory, starting at offset 0, so the table's arrays are views of it.
      const tableBuffer = readAt(fd, tableStart, tableBytes, Buffer.allocUnsafeSlow(tableBytes));
      const table = tableBuffer && VectorTable.decodePacked(tableBuffer);
      if (!table) return null;
      const read = lazily(() => readLexicon(file, tableStart + tableBytes, lexiconBytes, lexicon) ?? fromRebuild(rebuild));
      return new WordMeaning(table, () => read().links, () => read().softWords);
    } catch {
      return null;
    } finally {
      closeSync(fd);
    }
  }
}

function padTo4(n: number): number {
  return n + ((4 - (n % 4)) % 4);
}

/** `length` bytes of the file at `position` (into `into` when given), or null when the file ends first. */
function readAt(fd: number, position: number, length: number, into: Buffer = Buffer.alloc(length)): Buffer | null {
  let done = 0;
  while (done < length) {
    const n = readSync(fd, into, done, length - done, position + done);
    if (n === 0) return null;
    done += n;
  }
  return into;
}

interface Lexicon {
  links: ReadonlyMap<string, readonly string[]>;
  softWords: readonly string[];
}

/** The lexicon at `position` of the entry, when its bytes still have the checksum its header recorded. */
function readLexicon(file: string, position: number, length: number, checksum: string): Lexicon | null {
  let bytes: Buffer | null;
  try {
    const fd = openSync(file, "r");
    try {
      bytes = readAt(fd, position, length);
    } finally {
      closeSync(fd);
    }
  } catch {
    return null;
  }
  if (!bytes || sha(bytes) !== checksum) return null;
  let parsed: { links?: unknown; softWords?: unknown };
  try {
    parsed = JSON.parse(bytes.toString("utf8")) as typeof parsed;
  } catch {
    return null;
  }
  const isLink = (x: unknown): x is [string, string[]] => Array.isArray(x) && x.length === 2 && isString(x[0]) && isStringArray(x[1]);
  if (!isArrayOf(parsed.links, isLink) || !isStringArray(parsed.softWords)) return null;
  return { links: new Map(parsed.links), softWords: parsed.softWords };
}

/** The lexicon made again, as when the entry was built (without the vector package, which made it, none). */
function fromRebuild(rebuild: () => WordMeaning | null): Lexicon {
  const meaning = rebuild();
  return meaning ? { links: meaning.links, softWords: meaning.softWords } : { links: new Map(), softWords: [] };
}

/** WordNet's links from question-side words to the corpus's soft words (question word -> corpus words). */
function wordnetLinks(softWords: readonly string[], corpusWords: ReadonlySet<string>, wordnet: WordNet | null): Map<string, string[]> {
  const links = new Map<string, string[]>();
  if (!wordnet) return links;
  for (const c of softWords) {
    for (const lemma of wordnet.lemmas(c)) {
      for (const r of wordnet.related(lemma)) {
        if (corpusWords.has(r)) continue;
        const list = links.get(r);
        if (!list) links.set(r, [c]);
        else if (!list.includes(c)) list.push(c);
      }
    }
  }
  return links;
}

let wordnetLoaded: WordNet | null | undefined;

/** WordNet, read once per process (it is read only when a corpus's meaning is built). */
function sharedWordNet(): WordNet | null {
  if (wordnetLoaded === undefined) wordnetLoaded = WordNet.load();
  return wordnetLoaded;
}

function sha(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * The corpus's meaning entry at `file`: restored when it is intact and keyed `key`, otherwise
 * built and saved. Like every cache entry, a bad or unwritable file costs time, never answers.
 */
export function openMeaning(file: string, key: string, written: () => Iterable<string>, onProgress?: (line: string) => void): WordMeaning | null {
  const build = () => {
    const built = WordMeaning.build(written(), { onProgress, compact: true });
    if (!built) return null;
    try {
      saveEntry(file, built.encode(key));
    } catch {
      // unwritable cache: this run still has the meaning
    }
    return built;
  };
  return WordMeaning.open(file, key, build) ?? build();
}

/** The meaning entry's key: the corpus key, the format and the resources' versions. */
export function meaningKey(corpusKey: string): string {
  return createHash("sha256").update(JSON.stringify({ corpusKey, format: MEANING_FORMAT, vectors: VECTOR_FORMAT, common: COMMON_WORDS })).digest("hex");
}
