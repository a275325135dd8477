/**
 * Issue 13 item 12: the suite leaves nothing behind. Every temp folder a test makes comes from one
 * helper (tests/helpers/temp-dir.ts) and is removed after the test that made it (or, when made
 * outside a test, after its file); the whole run works inside one private folder that the run's
 * global teardown checks is empty of our folders and then removes (tests/setup/run-temp.ts).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { tempDir } from "../helpers/temp-dir.js";

const TESTS = fileURLToPath(new URL("..", import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

describe("temp folders", () => {
  let made = "";

  test("the run works inside its own temp folder, so its teardown sees everything a test left", () => {
    expect(basename(tmpdir())).toMatch(/^coverage-bot-run-/);
  });

  test("a folder made inside a test is under the run's folder ...", () => {
    made = tempDir("probe");
    expect(existsSync(made)).toBe(true);
    expect(made.startsWith(tmpdir())).toBe(true);
  });

  test("... and is gone once that test is over", () => {
    expect(made).not.toBe("");
    expect(existsSync(made)).toBe(false);
  });

  test("no test makes a temp folder except through the helper", () => {
    const helper = join(TESTS, "helpers", "temp-dir.ts");
    const offenders = sourceFiles(TESTS)
      .filter((f) => f !== helper && f !== join(TESTS, "setup", "run-temp.ts") && f !== fileURLToPath(import.meta.url))
      .filter((f) => /\bmkdtemp(Sync)?\b/.test(readFileSync(f, "utf8")))
      .map((f) => relative(TESTS, f));
    expect(offenders).toEqual([]);
  });
});
