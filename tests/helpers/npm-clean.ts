/**
 * Runs an npm script the way a user on a fresh machine would: only PATH from the real
 * environment, HOME and the .env path inside a new temp folder, so a developer's own .env or
 * npm settings cannot change the outcome.
 */
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { tempDir } from "./temp-dir.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export interface NpmRun {
  status: number | null;
  stdout: string;
  stderr: string;
  /** The temp HOME it ran with; its `.env` is where dotenv looked. */
  home: string;
}

/** A fresh temp folder to serve as HOME (write a `.env` into it to test one). */
export function freshHome(): string {
  return tempDir("start");
}

/** The environment of a fresh machine's user: only PATH from the real one, HOME and .env in `home`. */
export function cleanEnv(home: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: home,
    // The run's own temp folder (tests/setup/run-temp.ts), so tools started here leave nothing outside it.
    TMPDIR: tmpdir(),
    DOTENV_CONFIG_PATH: join(home, ".env"),
    npm_config_update_notifier: "false",
    ...extra,
  };
}

export function runNpmClean(script: string, extra: NodeJS.ProcessEnv = {}, home = freshHome()): NpmRun {
  const result = spawnSync("npm", [script], { cwd: ROOT, encoding: "utf8", timeout: 60_000, env: cleanEnv(home, extra) });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, home };
}
