/** Writes a throwaway corpus folder for a test; removed when the process exits. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const made: string[] = [];
/**
 * Removes every folder `writeCorpus` made in this process. Call it from `afterAll`: a test worker
 * may be ended without its "exit" handlers running, which would leave the folders behind.
 */
export function removeWrittenCorpora(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}
process.on("exit", removeWrittenCorpora);

/** `files` maps file names (e.g. "a.txt", "sources.json") to their contents. */
export function writeCorpus(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), "coverage-bot-corpus-"));
  made.push(dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

/** The project's seed folder. */
export const SEEDS_DIR = new URL("../../seeds", import.meta.url).pathname;
