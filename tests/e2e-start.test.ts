/** `npm start` as a user runs it, in a clean environment with no .env: one clear line, exit code 1. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** Only PATH from the real environment; HOME and the .env path point into a fresh temp folder. */
function npm(script: string, home: string, extra: NodeJS.ProcessEnv = {}) {
  const result = spawnSync("npm", [script], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 60_000,
    env: {
      PATH: process.env.PATH,
      HOME: home,
      DOTENV_CONFIG_PATH: join(home, ".env"),
      npm_config_update_notifier: "false",
      ...extra,
    },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

test("npm start with no .env prints one line naming the key and what to do, and exits 1", () => {
  const home = mkdtempSync(join(tmpdir(), "coverage-bot-start-"));
  const run = npm("start", home);
  expect(run.status).toBe(1);
  expect(run.stderr).toBe(
    `error: DISCORD_TOKEN is not set and there is no .env file (looked for ${join(home, ".env")}): copy .env.example to .env and fill in DISCORD_TOKEN and DISCORD_CLIENT_ID.\n`,
  );
  // stdout holds only npm's own "> coverage-bot start" banner.
  expect(run.stdout).not.toMatch(/error|at .*\(.*:\d+:\d+\)/);
});

test("npm start with a malformed token says so in one line, without the token", () => {
  const home = mkdtempSync(join(tmpdir(), "coverage-bot-start-"));
  const secretish = "not-a-real-token-but-treat-it-as-secret";
  writeFileSync(join(home, ".env"), `DISCORD_TOKEN=${secretish}\nDISCORD_CLIENT_ID=123456789012345678\n`);
  const run = npm("start", home);
  expect(run.status).toBe(1);
  expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
  expect(run.stderr).toMatch(/^error: DISCORD_TOKEN does not look like a bot token/);
  expect(run.stdout + run.stderr).not.toContain(secretish);
});
