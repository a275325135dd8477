/**
 * Issue 13 item 11: a save that fails leaves no `*.PID.tmp` file behind, and pruning removes the
 * ones a crashed or killed process left (its process is gone), while a live writer's is kept.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { prune, saveEntry } from "../../src/search/cache-entry.js";
import { tempDir } from "../helpers/temp-dir.js";

/** A process id that no running process has. */
function deadPid(): number {
  for (let pid = 4_000_000; ; pid--) {
    try {
      process.kill(pid, 0);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ESRCH") return pid;
    }
  }
}

describe("temporary files of the cache", () => {
  test("a failed save removes its temporary file", () => {
    const cacheDir = tempDir("tmpfiles");
    const file = join(cacheDir, "0123456789abcdef.idx");
    // A folder where the entry should go: writing the temporary file works, the rename fails.
    mkdirSync(file);
    writeFileSync(join(file, "keep"), "x");
    expect(() => saveEntry(file, Buffer.from("entry"))).toThrow();
    expect(readdirSync(cacheDir).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  });

  test("pruning removes temporary files of processes that are gone, and keeps a live one's", () => {
    const cacheDir = tempDir("tmpfiles");
    const dead = deadPid();
    const stale = [`0123456789abcdef.idx.${dead}.tmp`, `fedcba9876543210.quotes.${dead}.tmp`];
    const live = `00112233445566ff.idx.${process.ppid}.tmp`;
    for (const name of [...stale, live]) writeFileSync(join(cacheDir, name), "half an entry");
    writeFileSync(join(cacheDir, "notes.txt"), "not ours");
    prune(cacheDir);
    for (const name of stale) expect(existsSync(join(cacheDir, name)), name).toBe(false);
    expect(existsSync(join(cacheDir, live))).toBe(true);
    expect(existsSync(join(cacheDir, "notes.txt"))).toBe(true);
  });
});
