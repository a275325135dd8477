/** Writes a throwaway corpus folder for a test; removed like every folder from tempDir. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempDir } from "./temp-dir.js";

/** `files` maps file names (e.g. "a.txt", "sources.json") to their contents. */
export function writeCorpus(files: Record<string, string | Uint8Array>): string {
  const dir = tempDir("corpus");
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

/** The project's seed folder. */
export const SEEDS_DIR = new URL("../../seeds", import.meta.url).pathname;
