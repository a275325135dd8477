import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { writeCorpus } from "./helpers/temp-corpus.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const TSX = fileURLToPath(new URL("../node_modules/.bin/tsx", import.meta.url));

function runIndex(args: string[]) {
  const r = spawnSync(TSX, ["src/build-index.ts", ...args], { cwd: ROOT, encoding: "utf8", timeout: 60_000, env: { ...process.env, CORPUS_DIR: "" } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const ARTICLE = `Night trains return to the valley line

The night train between Orsk Valley and the coast will run again from March, the rail operator said on Friday.

Tickets go on sale next week. The last night service was cancelled in 2009.
`;

describe("npm run index", () => {
  it("builds once, then reports the saved index as up to date until an article changes", () => {
    const dir = writeCorpus({ "night-train.txt": ARTICLE });
    const first = runIndex(["--corpus", dir]);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^reading files \(1\)$/m);
    expect(first.stdout).toMatch(/^indexing passages \(1\)$/m);
    expect(first.stdout).toMatch(/indexed 1 articles, 2 passages in [\d.]+ s; saved [\d.]+ MB to .*\.idx/);
    expect(first.stdout).toMatch(/^quote index \(1\)$/m);
    expect(first.stdout).toMatch(/quotes: 0 speakers, 0 quotations in [\d.]+ s; saved [\d.]+ MB to .*\.quotes/);

    const second = runIndex(["--corpus", dir]);
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/up to date: 1 articles, 2 passages/);
    expect(second.stdout).toMatch(/quotes up to date: 0 speakers/);
    expect(second.stdout).not.toMatch(/indexing passages/);

    writeFileSync(join(dir, "night-train.txt"), ARTICLE.replace("from March", "from April"));
    expect(runIndex(["--corpus", dir]).stdout).toMatch(/indexed 1 articles/);
    expect(runIndex(["--corpus", dir, "--rebuild"]).stdout).toMatch(/indexed 1 articles/);
    // Four tsx processes: 20 s was not enough on a loaded 2-core machine.
  }, 60_000);

  it("names the folder when the corpus cannot be loaded, and explains its usage", () => {
    const missing = runIndex(["--corpus", join(ROOT, "no-such-corpus-folder")]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/no-such-corpus-folder: corpus folder not found/);
    const bad = runIndex(["--frobnicate"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/usage: npm run index/);
    const help = runIndex(["--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/--rebuild/);
  });
});
