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
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { projectPath } from "../paths.js";
import { WORDS } from "../text/lexicon.js";
import { fold } from "./analyzer.js";
import { saveEntry } from "./cache-entry.js";

import { convertPackage, packagePath, VECTOR_FORMAT, VectorTable } from "../text/vectors.js";
import { baseForms, WordNet } from "../text/wordnet.js";

/** Bump when what a meaning entry holds, or how it is built, changes. */
export const MEANING_FORMAT = 1;

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

  constructor(
    readonly vectors: VectorTable,
    /**
     * Question-side base form -> corpus words WordNet links it to; or how to compute them, on the
     * first word the corpus lacks (reading WordNet takes a second or so).
     */
    private readonly linkSource: ReadonlyMap<string, readonly string[]> | (() => ReadonlyMap<string, readonly string[]>),
    /** Corpus words that may stand for another word: ordinary words with a vector, no names. */
    readonly softWords: readonly string[],
  ) {}

  /** Rows of the soft words in the vector table, found once. */
  private softRows: Int32Array | null = null;
  /** Soft matches per question word: a bot hears the same words again and again. */
  private readonly matches = new Map<string, SoftMatch[]>();

  private get links(): ReadonlyMap<string, readonly string[]> {
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

  /** The entry's bytes: a JSON header (links, soft words, checksum) and the vector table. */
  encode(key: string): Buffer {
    const table = this.vectors.encode();
    const meta = Buffer.from(JSON.stringify({ format: MEANING_FORMAT, key, links: [...this.links], softWords: this.softWords, table: sha(table) }), "utf8");
    const length = Buffer.alloc(4);
    length.writeUInt32LE(meta.length);
    return Buffer.concat([length, meta, table]);
  }

  static decode(bytes: Buffer, key: string): WordMeaning | null {
    try {
      const length = bytes.readUInt32LE(0);
      const meta = JSON.parse(bytes.toString("utf8", 4, 4 + length)) as Record<string, unknown>;
      if (meta.format !== MEANING_FORMAT || meta.key !== key) return null;
      const tableBytes = bytes.subarray(4 + length);
      if (meta.table !== sha(tableBytes)) return null;
      const table = VectorTable.decode(tableBytes);
      if (!table || !Array.isArray(meta.links) || !Array.isArray(meta.softWords)) return null;
      const links = new Map<string, string[]>();
      for (const pair of meta.links as unknown[]) {
        if (!Array.isArray(pair) || typeof pair[0] !== "string" || !Array.isArray(pair[1])) return null;
        links.set(pair[0], (pair[1] as unknown[]).filter((x): x is string => typeof x === "string"));
      }
      const softWords = (meta.softWords as unknown[]).filter((x): x is string => typeof x === "string");
      return new WordMeaning(table, links, softWords);
    } catch {
      return null;
    }
  }
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
  try {
    const hit = WordMeaning.decode(readFileSync(file), key);
    if (hit) return hit;
  } catch {
    // missing: build below
  }
  const built = WordMeaning.build(written(), { onProgress, compact: true });
  if (!built) return null;
  try {
    saveEntry(file, built.encode(key));
  } catch {
    // unwritable cache: this run still has the meaning
  }
  return built;
}

/** The meaning entry's key: the corpus key, the format and the resources' versions. */
export function meaningKey(corpusKey: string): string {
  return createHash("sha256").update(JSON.stringify({ corpusKey, format: MEANING_FORMAT, vectors: VECTOR_FORMAT, common: COMMON_WORDS })).digest("hex");
}
