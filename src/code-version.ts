/**
 * What names the code in a persisted cache's key: the versions the code declares for what it
 * saves (ANALYZER_VERSION, READER_VERSION, EXTRACTOR_VERSION, ..., gathered per cache in a
 * `CacheStamp` beside the code that saves it) and the package version. The key is the same
 * whether the code runs from the sources (tsx) or from the build, and a start hashes no code.
 *
 * A declared version only helps when it is bumped. `cache-lock.json` records, for each cache, its
 * declared versions and a hash of every module its saving code runs: the import closure of the
 * module that builds it, followed import by import (so a module that moves or a new dependency is
 * covered without a list of folders to keep up to date). `tests/cache-versions.test.ts` fails when
 * those modules changed and the lock did not: bump the version of the stage that changed, then run
 * `npm run cache:lock` (with `-- --no-bump` when the change cannot alter what is saved). Until
 * then, a run from the sources adds the modules' hash to its keys, so a development run (an
 * evaluation after an edit) never reads an entry that other code built.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join, posix } from "node:path";
import { PROJECT_ROOT, RUNNING_BUILD } from "./paths.js";

/** `version` in package.json: a release rebuilds every cache. */
export const PACKAGE_VERSION: string = (() => {
  try {
    const version = (JSON.parse(readFileSync(join(PROJECT_ROOT, "package.json"), "utf8")) as { version?: unknown }).version;
    return typeof version === "string" ? version : "unknown";
  } catch {
    return "unknown";
  }
})();

export type Versions = Readonly<Record<string, string | number>>;

/** What a persisted cache is built by. */
export interface CacheStamp {
  /** Its name in the lock. */
  name: string;
  /** The project-relative path of the source module that builds and saves it. */
  builder: string;
  /** The declared versions of everything that decides what it holds (formats included). */
  versions: Versions;
}

export interface LockEntry {
  versions: Versions;
  /** Project-relative path to the first 16 hex digits of the SHA-256 of the file. */
  files: Record<string, string>;
}

export type Lock = Record<string, LockEntry>;

export const LOCK_FILE = "cache-lock.json";

// Value imports only: `import type` and `export type` change no behaviour. Over-inclusive where it
// errs (an import written in a comment counts), which only widens the closure.
const IMPORT = /\b(import|export)\s+(type\s+)?(?:[^;]*?\bfrom\s*)?["']([^"']+)["']|\bimport\s*\(\s*["']([^"']+)["']\s*\)/g;

/** The relative specifiers of the modules a source text imports for its behaviour (`withTypes`: type-only imports too). */
export function relativeImports(source: string, withTypes = false): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(IMPORT)) {
    if (m[2] && !withTypes) continue;
    const specifier = m[3] ?? m[4]!;
    if (specifier.startsWith(".")) out.push(specifier);
  }
  return out;
}

/** `entry` (project-relative) and every project module it imports, directly or not, sorted; `.js` specifiers read as the `.ts` sources. */
export function importClosure(entry: string, root: string = PROJECT_ROOT): string[] {
  const seen = new Set<string>();
  const todo = [entry];
  while (todo.length > 0) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    let source: string;
    try {
      source = readFileSync(join(root, file), "utf8");
    } catch {
      continue;
    }
    seen.add(file);
    for (const s of relativeImports(source)) todo.push(posix.normalize(posix.join(posix.dirname(file), s)).replace(/\.js$/, ".ts"));
  }
  return [...seen].sort();
}

/** The lock entry the sources under `root` give for `stamp`. */
export function lockEntry(stamp: CacheStamp, root: string = PROJECT_ROOT): LockEntry {
  const files: Record<string, string> = {};
  for (const file of importClosure(stamp.builder, root)) files[file] = createHash("sha256").update(readFileSync(join(root, file))).digest("hex").slice(0, 16);
  return { versions: { ...stamp.versions }, files };
}

export function readLock(root: string = PROJECT_ROOT): Lock | null {
  try {
    return JSON.parse(readFileSync(join(root, LOCK_FILE), "utf8")) as Lock;
  } catch {
    return null;
  }
}

function sameRecord(a: Readonly<Record<string, unknown>> | undefined, b: Readonly<Record<string, unknown>>): boolean {
  if (!a) return false;
  const keys = Object.keys(b);
  return Object.keys(a).length === keys.length && keys.every((k) => a[k] === b[k]);
}

/** Files whose hash differs between two entries, or that only one of them has. */
export function changedFiles(locked: LockEntry | undefined, current: LockEntry): string[] {
  const before = locked?.files ?? {};
  const names = new Set([...Object.keys(before), ...Object.keys(current.files)]);
  return [...names].filter((f) => before[f] !== current.files[f]).sort();
}

export function entriesMatch(locked: LockEntry | undefined, current: LockEntry): boolean {
  return sameRecord(locked?.versions, current.versions) && sameRecord(locked?.files, current.files);
}

/**
 * Null when the sources under `root` are those the lock records for `stamp`; otherwise a hash of
 * them, which a development run adds to its keys.
 */
export function unlockedSources(stamp: CacheStamp, lock: Lock | null, root: string = PROJECT_ROOT): string | null {
  const current = lockEntry(stamp, root);
  if (entriesMatch(lock?.[stamp.name], current)) return null;
  return createHash("sha256").update(JSON.stringify(current)).digest("hex");
}

const unlocked = new Map<string, string | null>();

/**
 * The part of a cache key that names the code: the declared versions and the package version; in a
 * run from the sources whose modules differ from the lock, their hash as well. The build never
 * hashes: it runs the code the lock was checked against.
 */
export function codeKey(stamp: CacheStamp, packageVersion: string = PACKAGE_VERSION): string {
  let sources: string | null = null;
  if (!RUNNING_BUILD) {
    if (!unlocked.has(stamp.name)) unlocked.set(stamp.name, unlockedSources(stamp, readLock()));
    sources = unlocked.get(stamp.name)!;
  }
  return JSON.stringify({ versions: stamp.versions, package: packageVersion, sources });
}
