/**
 * Issue 13 item 8: the CLI's output goes somewhere that stops taking it. A reader that closes the
 * pipe early (`| head -1`) ends the CLI quietly with exit 0; a full disk (/dev/full) gives one line
 * on stderr and exit 1. Never a stack trace.
 */
import { spawn, spawnSync } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { ROOT, TSX } from "../helpers/run-cli.js";
/** Enough questions that their answers overflow a pipe's buffer many times over. */
const QUESTIONS = Array.from({ length: 400 }, (_, i) => (i % 2 ? "why did Putin wait" : "what did Peskov say")).join("\n") + "\n";

/** Runs the CLI, reads its first line of output, then closes the pipe. */
function readFirstLineThenClose(args: string[], input: string): Promise<{ code: number | null; first: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, ["src/cli.ts", ...args], { cwd: ROOT, env: { ...process.env, CORPUS_DIR: "" } });
    let out = "";
    let stderr = "";
    let first = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
      const nl = out.indexOf("\n");
      if (nl >= 0 && first === "") {
        first = out.slice(0, nl);
        child.stdout.destroy();
      }
    });
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, first, stderr }));
    child.stdin.end(input);
  });
}

describe("output that stops being read", () => {
  test("a closed pipe after the first line ends the CLI quietly with exit 0", async () => {
    const r = await readFirstLineThenClose(["ask", "--jsonl"], QUESTIONS);
    expect(JSON.parse(r.first).question).toBe("what did Peskov say");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  });

  test("a full disk gives one line on stderr and exit 1", () => {
    const full = openSync("/dev/full", "w");
    try {
      for (const args of [["sources"], ["ask", "why did Putin wait"], ["quote", "--list", "--json"]]) {
        const r = spawnSync(TSX, ["src/cli.ts", ...args], { cwd: ROOT, stdio: ["ignore", full, "pipe"], encoding: "utf8", env: { ...process.env, CORPUS_DIR: "" } });
        expect(r.status, args.join(" ")).toBe(1);
        expect(r.stderr, args.join(" ")).toMatch(/^error: cannot write the output \(ENOSPC[^\n]*\)\n$/);
      }
    } finally {
      closeSync(full);
    }
  });
});
