/**
 * One file of the cache folder and the folder's upkeep, shared by every persisted structure (the
 * passage index, the quote index): a binary layout that reads large number arrays in place, an
 * atomic write, and pruning that keeps the folder bounded.
 *
 * Layout: magic bytes naming what the file holds, the header's length, the header as JSON,
 * padding to a multiple of four bytes, the raw bytes of every array of unsigned 32-bit integers,
 * then the SHA-256 of everything before it. The header names each array by [byte offset into that
 * region, byte length], so loading reads them in place instead of parsing a million numbers or
 * decoding base64. The checksum covers every region: a flipped byte in an array would otherwise
 * pass every range check and serve a cut excerpt. Values are also checked where they are used.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { lazily } from "../lazily.js";
import { zod } from "../lazy-zod.js";
import { isCount, type Check } from "./shape.js";

/** Where an array lies in the region after the header: [byte offset, byte length]. */
export type ArrayRef = [offset: number, length: number];

/** An `ArrayRef` as a reader checks it (see shape.ts). */
export const isArrayRef = (x: unknown): x is ArrayRef => Array.isArray(x) && x.length === 2 && isCount(x[0]) && isCount(x[1]);

/** An `ArrayRef` as a writer's schema states it (zod, loaded on first use). */
export const arrayRefSchema = lazily(() => zod().tuple([zod().number().int().nonnegative(), zod().number().int().nonnegative()]));

/** Collects arrays for the region after the header, handing out their references. */
export class ArrayRegion {
  private readonly parts: Uint32Array[] = [];
  private bytes = 0;

  add(values: ArrayLike<number>): ArrayRef {
    const array = values instanceof Uint32Array ? values : Uint32Array.from(values);
    const ref: ArrayRef = [this.bytes, array.byteLength];
    this.parts.push(array);
    this.bytes += array.byteLength;
    return ref;
  }

  toBuffers(): Buffer[] {
    return this.parts.map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength));
  }
}

const CHECKSUM_BYTES = 32;

function checksum(body: Buffer): Buffer {
  return createHash("sha256").update(body).digest();
}

/** The entry file's bytes: magic, header length, header, padding, arrays, checksum. */
export function encodeEntry(magic: Buffer, header: object, region: ArrayRegion): Buffer {
  const json = Buffer.from(JSON.stringify(header), "utf8");
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  const padding = Buffer.alloc((4 - ((magic.length + 4 + json.length) % 4)) % 4);
  const body = Buffer.concat([magic, length, json, padding, ...region.toBuffers()]);
  return Buffer.concat([body, checksum(body)]);
}

export interface DecodedEntry<T> {
  header: T;
  /** The array a reference names, or null when it does not lie whole inside the file. */
  array: (ref: ArrayRef) => Uint32Array | null;
}

/**
 * The header and a reader of its arrays, or null when the bytes are not an intact entry of this
 * kind: the checksum, then the header's shape (`check`, a cheap structural check: no zod here).
 */
export function decodeEntry<T>(whole: Buffer, magic: Buffer, check: Check<T>): DecodedEntry<T> | null {
  if (whole.length < magic.length + 4 + CHECKSUM_BYTES || !whole.subarray(0, magic.length).equals(magic)) return null;
  const file = whole.subarray(0, whole.length - CHECKSUM_BYTES);
  if (!checksum(file).equals(whole.subarray(file.length))) return null;
  const jsonLength = file.readUInt32LE(magic.length);
  const jsonStart = magic.length + 4;
  if (jsonStart + jsonLength > file.length) return null;
  let header: unknown;
  try {
    header = JSON.parse(file.toString("utf8", jsonStart, jsonStart + jsonLength));
  } catch {
    return null;
  }
  if (!check(header)) return null;
  const regionStart = jsonStart + jsonLength + ((4 - ((jsonStart + jsonLength) % 4)) % 4);
  // Views need 4-byte alignment in the underlying buffer; a pooled read may not have it.
  const bytes = (file.byteOffset + regionStart) % 4 === 0 ? file : Buffer.from(new Uint8Array(file));
  const array = ([offset, length]: ArrayRef): Uint32Array | null => {
    if (offset % 4 !== 0 || length % 4 !== 0 || regionStart + offset + length > bytes.length) return null;
    return new Uint32Array(bytes.buffer, bytes.byteOffset + regionStart + offset, length / 4);
  };
  return { header, array };
}

/**
 * The entry in `file` when it exists, is intact, is of this kind and was written for `key`, with
 * its size on disk; null otherwise, for the caller to rebuild.
 */
export function readEntry<T extends { key: string }>(file: string, magic: Buffer, check: Check<T>, key: string): (DecodedEntry<T> & { size: number }) | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return null;
  }
  const entry = decodeEntry(bytes, magic, check);
  return entry && entry.header.key === key ? { ...entry, size: bytes.length } : null;
}

/** Corpus folders whose entries are kept per cache folder; the least recently written go first. */
export const KEEP_ENTRIES = 16;
/**
 * Entry files: a 16-hex stem per corpus folder, with one extension per structure (and the
 * earlier JSON format, which pruning clears away). Files sharing a stem belong together.
 */
const ENTRY_NAME = /^([0-9a-f]{16})\.(?:idx|json|quotes|meaning|dates|stat)$/;

/** Temporary files of a save in progress: the entry's name, the writer's process id, `.tmp`. */
const TEMP_NAME = /^[0-9a-f]{16}\.(?:idx|json|quotes|meaning|dates|stat)\.(\d+)\.tmp$/;

/**
 * Writes atomically (temporary file, then rename) so a reader never sees half an entry. A write
 * or rename that fails (a full disk, a folder in the way) removes its temporary file.
 */
export function saveEntry(file: string, body: Buffer): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, body);
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
  prune(dirname(file));
}

/** Is a process with this id running? (Signal 0 only asks; EPERM means it runs as someone else.) */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Keeps the cache folder bounded when many corpus folders (say, test fixtures) come and go. A
 * corpus folder's files are kept or removed together, by the newest of them, so a passage index
 * is never kept while the quotes saved beside it go (or the other way round), and the folder holds
 * at most KEEP_ENTRIES corpus folders' worth of files.
 */
export function prune(cacheDir: string): void {
  const newest = new Map<string, number>();
  const files: { path: string; stem: string }[] = [];
  for (const name of readdirSync(cacheDir)) {
    // What a writer that crashed or was killed left: its process is gone, so nobody will rename it.
    const temp = TEMP_NAME.exec(name);
    if (temp) {
      const pid = Number(temp[1]);
      if (pid !== process.pid && !isRunning(pid)) rmSync(join(cacheDir, name), { force: true });
      continue;
    }
    const m = ENTRY_NAME.exec(name);
    if (!m) continue;
    let mtime: number;
    try {
      mtime = statSync(join(cacheDir, name)).mtimeMs;
    } catch {
      continue; // Another process pruned it first.
    }
    const stem = m[1]!;
    files.push({ path: join(cacheDir, name), stem });
    newest.set(stem, Math.max(newest.get(stem) ?? 0, mtime));
  }
  const kept = new Set(
    [...newest]
      .sort((a, b) => b[1] - a[1])
      .slice(0, KEEP_ENTRIES)
      .map(([stem]) => stem),
  );
  for (const f of files) {
    if (kept.has(f.stem)) continue;
    try {
      unlinkSync(f.path);
    } catch {
      // Another process pruned it first.
    }
  }
}
