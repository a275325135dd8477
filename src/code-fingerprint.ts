/**
 * The code fingerprints that key the persisted caches: a hash of the source of the modules that
 * decide what gets indexed (src/corpus, src/search), which quotations are found and how they
 * are grouped and linked (src/quotes, src/answer/fragment.ts), and which dates are read (src/timeline). Hashing the code itself, not a
 * version number, means a changed rule rebuilds even if nobody remembered to bump anything.
 *
 * Run from the sources they hash the TypeScript. The build cannot hash its own JavaScript without
 * keying the cache apart from the sources' (a `tsx` test run and a built start would then rebuild
 * each other's entries), so `npm run build` records the fingerprints of the sources it compiled
 * in `dist/code-fingerprint.json` (this module, run as a program), and the build reads them back:
 * the same key for the same code, and one file read instead of hashing sixty at every start. A
 * build without that file hashes its own compiled modules (a separate, still correct key).
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { MODULE_EXT, PROJECT_ROOT, RUNNING_BUILD } from "./paths.js";

export interface CodeFingerprints {
  /** What the passage index (and everything keyed on the corpus) is built by. */
  index: string;
  /** What the quote index is built by. */
  quotes: string;
  /** What reads the articles' dates (saved for the timeline and the outlets' comparison). */
  dates: string;
}

/** `dist/code-fingerprint.json`, beside the compiled `dist/src/`. */
const RECORD = join(dirname(fileURLToPath(import.meta.url)), "..", "code-fingerprint.json");

function hashFiles(root: string, paths: string[]): string {
  const hash = createHash("sha256");
  for (const path of paths) {
    try {
      hash.update(`${path.slice(root.length)}\0`).update(readFileSync(path)).update("\0");
    } catch {
      hash.update(`${path.slice(root.length)}\0unreadable\0`);
    }
  }
  return hash.digest("hex");
}

function filesIn(dir: string): string[] {
  try {
    return readdirSync(dir)
      .sort()
      .map((name) => join(dir, name));
  } catch {
    return [];
  }
}

/** Hashes the modules under `src` (the sources' folder, or the build's `dist/src`) with extension `ext`. */
export function hashCode(src: string, ext: string): CodeFingerprints {
  return {
    index: hashFiles(src, [...filesIn(join(src, "corpus")), ...filesIn(join(src, "search"))]),
    quotes: hashFiles(src, [...filesIn(join(src, "quotes")), join(src, "answer", `fragment${ext}`)]),
    dates: hashFiles(src, filesIn(join(src, "timeline"))),
  };
}

function recorded(): CodeFingerprints | null {
  try {
    const parsed = JSON.parse(readFileSync(RECORD, "utf8")) as Partial<CodeFingerprints>;
    return typeof parsed.index === "string" && typeof parsed.quotes === "string" && typeof parsed.dates === "string"
      ? { index: parsed.index, quotes: parsed.quotes, dates: parsed.dates }
      : null;
  } catch {
    return null;
  }
}

let current: CodeFingerprints | null = null;

/** The fingerprints of the code running now. */
export function codeFingerprints(): CodeFingerprints {
  const here = dirname(fileURLToPath(import.meta.url));
  return (current ??= (RUNNING_BUILD && recorded()) || hashCode(here, MODULE_EXT));
}

/** `node dist/src/code-fingerprint.js`, the last step of `npm run build`: records the sources' fingerprints. */
if (RUNNING_BUILD && process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(RECORD, `${JSON.stringify(hashCode(join(PROJECT_ROOT, "src"), ".ts"))}\n`);
}
