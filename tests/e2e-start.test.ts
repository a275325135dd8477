/** `npm start` as a user runs it, in a clean environment with no .env: one clear line, exit code 1. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { freshHome, runNpmClean } from "./helpers/npm-clean.js";

test("npm start with no .env prints one line naming the key and what to do, and exits 1", () => {
  const home = freshHome();
  const run = runNpmClean("start", {}, home);
  expect(run.status).toBe(1);
  expect(run.stderr).toBe(
    `error: DISCORD_TOKEN is not set and there is no .env file (looked for ${join(home, ".env")}): copy .env.example to .env and fill in DISCORD_TOKEN and DISCORD_CLIENT_ID.\n`,
  );
  // stdout holds only npm's own "> coverage-bot start" banner.
  expect(run.stdout).not.toMatch(/error|at .*\(.*:\d+:\d+\)/);
});

test("npm start with a malformed token says so in one line, without the token", () => {
  const home = freshHome();
  const secretish = "not-a-real-token-but-treat-it-as-secret";
  writeFileSync(join(home, ".env"), `DISCORD_TOKEN=${secretish}\nDISCORD_CLIENT_ID=123456789012345678\n`);
  const run = runNpmClean("start", {}, home);
  expect(run.status).toBe(1);
  expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
  expect(run.stderr).toMatch(/^error: DISCORD_TOKEN does not look like a bot token/);
  expect(run.stdout + run.stderr).not.toContain(secretish);
});
