/**
 * Vitest global setup: the whole run (tests and the processes they start) works inside one private
 * temp folder. At the end the folder is removed, so the system temp folder is left as it was found,
 * and the run fails when a test left one of its folders behind (tests/reliability/temp-folders.test.ts).
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), "coverage-bot-run-"));
  process.env.TMPDIR = root;
  return () => {
    // Tools the tests start (tsx, npm) may keep caches here; only folders tests make count as left behind.
    const left = readdirSync(root).filter((name) => name.startsWith("coverage-bot-"));
    rmSync(root, { recursive: true, force: true });
    if (left.length === 0) return;
    // A throw here is printed but does not change vitest's exit code; setting it does.
    process.exitCode = 1;
    throw new Error(`the test run left ${left.length} temp folder(s) behind: ${left.slice(0, 10).join(", ")}`);
  };
}
