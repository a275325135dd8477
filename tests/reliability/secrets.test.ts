/**
 * Secrets: `.env` files stay out of git, `.env.example` documents keys without values, nothing
 * token-shaped is in the repository, and a token in the environment never comes back out of the
 * CLI, whatever it is asked.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "dotenv";
import { describe, expect, it } from "vitest";
import { DISCORD_TOKEN_SHAPE, makeFakeToken, tokenSecretPart } from "../fixtures/fake-token.js";
import { HOSTILE_INPUTS } from "../fixtures/hostile-inputs.js";
import { runCli } from "../helpers/run-cli.js";
import { writeCorpus } from "../helpers/temp-corpus.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

function git(args: string[]): { status: number | null; stdout: string } {
  const r = spawnSync("git", args, { cwd: ROOT, encoding: "utf8" });
  return { status: r.error ? null : r.status, stdout: r.stdout ?? "" };
}

const IN_GIT = git(["rev-parse", "--is-inside-work-tree"]).stdout.trim() === "true";

/** Files that could be committed: tracked plus untracked-but-not-ignored (or a plain walk). */
function committableFiles(): string[] {
  if (IN_GIT) {
    return git(["ls-files", "--cached", "--others", "--exclude-standard", "-z"]).stdout.split("\0").filter(Boolean);
  }
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      if (["node_modules", ".git", "dist", "coverage", ".cache"].includes(name) || /^\.env(?!\.example$)/.test(name)) continue;
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(ROOT, path));
    }
  };
  walk(ROOT);
  return out;
}

describe("secrets stay out of the repository", () => {
  it(".gitignore ignores .env and its variants but not .env.example", () => {
    const rules = readFileSync(join(ROOT, ".gitignore"), "utf8").split("\n").map((l) => l.trim());
    expect(rules).toContain(".env");
    if (IN_GIT) {
      for (const f of [".env", ".env.local", ".env.production"]) expect(git(["check-ignore", "-q", f]).status, f).toBe(0);
      expect(git(["check-ignore", "-q", ".env.example"]).status).toBe(1);
    }
  });

  it(".env.example documents the keys and holds no value that could be a secret", () => {
    const example = parse(readFileSync(join(ROOT, ".env.example"), "utf8"));
    expect(Object.keys(example)).toEqual(expect.arrayContaining(["DISCORD_TOKEN", "DISCORD_CLIENT_ID"]));
    expect(example.DISCORD_TOKEN).toBe("");
    for (const [key, value] of Object.entries(example)) {
      if (/TOKEN|SECRET|PASSWORD|KEY/i.test(key)) expect(value, key).toBe("");
      expect(value, key).not.toMatch(DISCORD_TOKEN_SHAPE);
    }
  });

  it("no file that could be committed contains a token-shaped string", () => {
    const files = committableFiles().filter((f) => !f.endsWith("package-lock.json"));
    expect(files.length).toBeGreaterThan(10);
    const offenders = files.filter((f) => {
      try {
        return DISCORD_TOKEN_SHAPE.test(readFileSync(join(ROOT, f), "utf8"));
      } catch {
        return false; // deleted in the work tree but still listed
      }
    });
    expect(offenders).toEqual([]);
  });
});

describe("a token in the environment never reaches CLI output", () => {
  const token = makeFakeToken();
  const env = { DISCORD_TOKEN: token, DISCORD_CLIENT_ID: "123456789012345678" };
  const leaks = (text: string) => text.includes(token) || text.includes(tokenSecretPart(token));

  it("not in answers to inputs that ask for it, nor in batch output", () => {
    const questions = [...HOSTILE_INPUTS.filter((i) => !i.multiline).map((i) => i.text), "$DISCORD_TOKEN", "process.env.DISCORD_TOKEN", token];
    const r = runCli(["ask", "--jsonl"], questions.join("\n") + "\n", env);
    expect(r.status).toBe(0);
    // The last question is the token itself, echoed back as the question: take that line out.
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(questions.length);
    expect(leaks(lines.slice(0, -1).join("\n"))).toBe(false);
    expect(JSON.parse(lines.at(-1)!).citations).toEqual([]);
    expect(leaks(r.stderr)).toBe(false);
  });

  it("not in corpus errors, usage errors or warnings", () => {
    const broken = writeCorpus({ "a.txt": "", "sources.json": "{ nope" });
    const skipped = writeCorpus({ "a.txt": "Title\n\nA sentence of prose to load.\n", "b.txt": new Uint8Array([0, 1]) });
    for (const args of [["sources", "--corpus", broken], ["sources", "--corpus", skipped], ["frobnicate"], ["ask"], ["ask", "--corpus", "/nonexistent", "x"]]) {
      const r = runCli(args, "", env);
      expect(leaks(r.stdout + r.stderr), args.join(" ")).toBe(false);
      expect(r.stdout + r.stderr, args.join(" ")).not.toMatch(DISCORD_TOKEN_SHAPE);
    }
  });
});
