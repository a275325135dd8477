/** Where the corpus lives: `--corpus`, else $CORPUS_DIR, else the bundled `seeds/`. */
import { resolve } from "node:path";
import { projectPath } from "../paths.js";

/** The project's own seed articles, found relative to this file so any working directory works. */
export const DEFAULT_CORPUS_DIR = projectPath("seeds");

/** A folder as given, trimmed; undefined when not given; an error when given but blank. */
function folderGiven(value: string | undefined, what: string): string | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (trimmed === "") throw new Error(`${what} is blank: name a corpus folder`);
  return trimmed;
}

export function resolveCorpusDir(flag?: string, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = folderGiven(flag, "--corpus") ?? folderGiven(env.CORPUS_DIR || undefined, "CORPUS_DIR");
  return chosen ? resolve(chosen) : DEFAULT_CORPUS_DIR;
}
