/**
 * `npm run cache:lock [-- --no-bump]`: records in cache-lock.json, for each persisted cache, its
 * declared versions and the hash of every module its builder runs (see src/code-version.ts).
 * When modules changed but no version did, it refuses and names them: bump the version of the
 * stage that changed, or pass --no-bump when the change cannot alter what is saved (a comment, a
 * rename, a move).
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { changedFiles, entriesMatch, lockEntry, LOCK_FILE, readLock, type CacheStamp, type Lock } from "../src/code-version.js";
import { PROJECT_ROOT } from "../src/paths.js";
import { DATES_STAMP } from "../src/dates/persist-dates.js";
import { QUOTE_STAMP } from "../src/quotes/persist.js";
import { INDEX_STAMP } from "../src/search/persist.js";

/** Every persisted cache whose key names its code. */
export const STAMPS: readonly CacheStamp[] = [INDEX_STAMP, QUOTE_STAMP, DATES_STAMP];

function versionsEqual(a: Record<string, unknown> | undefined, b: Record<string, unknown>): boolean {
  return !!a && JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());
}

export function main(argv: string[]): number {
  const { values } = parseArgs({ args: argv, options: { "no-bump": { type: "boolean", default: false } } });
  const locked = readLock() ?? {};
  const next: Lock = {};
  let refused = false;
  for (const stamp of STAMPS) {
    const current = lockEntry(stamp);
    next[stamp.name] = current;
    const before = locked[stamp.name];
    if (entriesMatch(before, current)) {
      process.stdout.write(`${stamp.name}: unchanged\n`);
      continue;
    }
    const files = changedFiles(before, current);
    if (before && files.length > 0 && versionsEqual(before.versions, current.versions) && !values["no-bump"]) {
      refused = true;
      process.stderr.write(
        `${stamp.name}: ${files.length} module(s) changed but no declared version did: ${files.join(", ")}\n` +
          `  bump the version of the stage that changed (${Object.keys(current.versions).join(", ")}), or run again with -- --no-bump if the change cannot alter what is saved\n`,
      );
      continue;
    }
    process.stdout.write(`${stamp.name}: recorded (${files.length} module(s) changed)\n`);
  }
  if (refused) return 1;
  writeFileSync(join(PROJECT_ROOT, LOCK_FILE), `${JSON.stringify(next, null, 2)}\n`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = main(process.argv.slice(2));
