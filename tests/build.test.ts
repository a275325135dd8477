/**
 * The compiled build (issue 14): `npm run build` output run with plain node answers as the
 * sources do, finds the project's files (seeds, answer model, cache) from any working directory,
 * and keys the persisted caches as the sources do.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT, TSX } from "./helpers/run-cli.js";
import { writeCorpus } from "./helpers/temp-corpus.js";
import { tempDir } from "./helpers/temp-dir.js";

const { buildIsFresh } = (await import(join(ROOT, "bin", "launch.mjs"))) as { buildIsFresh: () => boolean };

function node(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, args, { cwd, encoding: "utf8", timeout: 60_000, env: { ...process.env, CORPUS_DIR: "" } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("the build", () => {
  beforeAll(() => {
    // npm ci builds it (prepare); after an edit to the sources, build again so this tests the code as it is.
    if (!buildIsFresh()) expect(spawnSync("npm", ["run", "--silent", "build"], { cwd: ROOT, encoding: "utf8" }).status).toBe(0);
    expect(buildIsFresh()).toBe(true);
  }, 180_000);

  it("answers from the seeds with plain node, run from another folder", () => {
    const r = node([join(ROOT, "dist", "src", "cli.js"), "ask", "--json", "why did Putin wait"], tempDir("cwd"));
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const answer = JSON.parse(r.stdout) as { answer: string | null; citations: { articleId: string; excerpt: string }[] };
    expect(answer.answer).not.toBeNull();
    expect(answer.citations.length).toBeGreaterThan(0);
    for (const c of answer.citations) {
      const text = readFileSync(join(ROOT, "seeds", `${c.articleId}.txt`), "utf8");
      expect(text).toContain(c.excerpt.replace(/^…|…$/g, ""));
    }
  });

  it("a cached answer loads neither zod nor chrono-node: saved entries are read with structural checks, dates from their entry", () => {
    // Reports every load of either package, by require (how both are loaded lazily) or by import.
    const hook = `export async function load(url, context, next) { if (/node_modules\\/(zod|chrono-node)\\//.test(url)) process.stderr.write("loaded " + url + "\\n"); return next(url, context); }`;
    const watch = [
      'import Module, { register } from "node:module";',
      "const load = Module._load;",
      'Module._load = function (request, ...rest) { if (/^(zod|chrono-node)(\\/|$)/.test(request)) process.stderr.write("loaded " + request + "\\n"); return load.call(this, request, ...rest); };',
      `register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hook)}`)});`,
    ].join("\n");
    const watching = ["--import", `data:text/javascript,${encodeURIComponent(watch)}`];
    // The watch sees both ways in.
    const probe = node([...watching, "--input-type=module", "-e", 'import { createRequire } from "node:module"; createRequire(import.meta.url)("chrono-node"); await import("zod");']);
    expect(probe.stderr).toContain("loaded chrono-node");
    expect(probe.stderr).toMatch(/loaded \S*node_modules\/zod\//);
    const args = [...watching, join(ROOT, "dist", "src", "cli.js"), "ask", "--json", "why did Putin wait"];
    // The first run saves whatever is missing (the dates, after a code change); the second is a cached start.
    const first = node(args);
    expect(first.status).toBe(0);
    const cached = node(args);
    expect(cached.status).toBe(0);
    const answer = JSON.parse(cached.stdout) as { citations: { sameAs: number | null }[] };
    // The answer's lead is corroborated, so its outlets' dates are compared: the dates were needed.
    expect(answer.citations.some((c) => c.sameAs === 1)).toBe(true);
    expect(cached.stderr).toBe("");
  });

  it("the coverage-bot bin runs the CLI", () => {
    const r = node([join(ROOT, "bin", "coverage-bot.mjs"), "sources", "--json"], tempDir("cwd"));
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { sources: unknown[] }).sources).toHaveLength(5);
  });

  it("keys the caches as the sources do, so a built start reads what a tsx run saved", () => {
    // Keys come from declared versions, not from hashing the code that runs (src/code-version.ts).
    // Should this fail with the sources changed since cache-lock.json: see tests/cache-versions.test.ts.
    const dir = writeCorpus({ "ferry.txt": 'Ferry returns\n\nThe ferry will sail again in May, the operator said.\n\n"We are ready," said Ana Kerr, the operator\'s chief.\n' });
    const fromSources = spawnSync(TSX, ["src/build-index.ts", "--corpus", dir], { cwd: ROOT, encoding: "utf8", timeout: 60_000, env: { ...process.env, CORPUS_DIR: "" } });
    expect(fromSources.status).toBe(0);
    expect(fromSources.stdout).toMatch(/indexed 1 articles/);
    const built = node([join(ROOT, "dist", "src", "build-index.js"), "--corpus", dir]);
    expect(built.status).toBe(0);
    expect(built.stdout).toMatch(/up to date: 1 articles/);
    expect(built.stdout).toMatch(/quotes up to date: 1 speakers/);
  }, 60_000);

  it("the launcher says how to use it when given no program", () => {
    const r = node([join(ROOT, "bin", "launch.mjs")]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("usage: node bin/launch.mjs");
  });
});
