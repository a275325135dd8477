/** Where the corpus lives: `--corpus`, else $CORPUS_DIR, else the bundled `seeds/`. */
import { resolve } from "node:path";
import { z } from "zod";
import { projectPath } from "../paths.js";

/** The project's own seed articles, found relative to this file so any working directory works. */
export const DEFAULT_CORPUS_DIR = projectPath("seeds");

const corpusDirSchema = z.string().trim().min(1).optional();

export function resolveCorpusDir(flag?: string, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = corpusDirSchema.parse(flag) ?? corpusDirSchema.parse(env.CORPUS_DIR || undefined);
  return chosen ? resolve(chosen) : DEFAULT_CORPUS_DIR;
}
