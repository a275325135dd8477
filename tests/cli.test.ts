import { describe, expect, it } from "vitest";
import { runCli } from "./helpers/run-cli.js";
import { writeCorpus } from "./helpers/temp-corpus.js";

describe("cli ask", () => {
  it("prints one JSON object in the contract's shape", () => {
    const r = runCli(["ask", "--json", "why did Putin wait"]);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.question).toBe("why did Putin wait");
    expect(typeof out.answer).toBe("string");
    expect(out.citations.length).toBeGreaterThan(0);
    for (const c of out.citations) {
      expect(Object.keys(c)).toEqual(expect.arrayContaining(["n", "articleId", "title", "outlet", "url", "published", "excerpt"]));
    }
  });

  it("prints a readable answer with numbered sources", () => {
    const r = runCli(["ask", "why did Putin wait"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/\[1\]/);
    expect(r.stdout).toMatch(/\n\[1\] /);
  });

  it("answers every --jsonl line exactly once, in order, odd lines included", () => {
    const lines = ["why did Putin wait", "", "   ", "?!?", "what is the capital of France?", "\u0000\u0007", "x".repeat(3000)];
    const r = runCli(["ask", "--jsonl"], lines.join("\n") + "\n");
    expect(r.status).toBe(0);
    const out = r.stdout.trimEnd().split("\n").map((l) => JSON.parse(l));
    expect(out).toHaveLength(lines.length);
    out.forEach((o, i) => expect(o.question).toBe(lines[i]!.trim()));
    expect(out[0].answer).not.toBeNull();
    for (const o of out.slice(1)) {
      expect(o.answer).toBeNull();
      expect(o.citations).toEqual([]);
    }
  });

  it("reads another corpus with --corpus and with CORPUS_DIR", () => {
    const dir = writeCorpus({
      "ferry.txt": "Ferry strike ends\n\nThe ferry strike ended on Thursday after the union accepted a pay offer of four percent.\n",
    });
    for (const r of [runCli(["ask", "--json", "--corpus", dir, "when did the ferry strike end"]), runCli(["ask", "--json", "when did the ferry strike end"], "", { CORPUS_DIR: dir })]) {
      expect(r.status).toBe(0);
      const out = JSON.parse(r.stdout);
      expect(out.citations[0].articleId).toBe("ferry");
      expect(out.answer).toContain("Thursday");
    }
  });
});

describe("cli errors", () => {
  it("exits 2 with usage on bad usage", () => {
    for (const args of [[], ["frobnicate"], ["ask"], ["ask", "--nope", "x"]]) {
      const r = runCli(args);
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stderr).toMatch(/usage: npm run ask/);
    }
  });

  it("exits 1 naming the file when the corpus cannot be loaded", () => {
    const dir = writeCorpus({ "a.txt": "T\n\nBody text here.\n", "sources.json": '{"a": {"url": "javascript:alert(1)"}}' });
    const r = runCli(["ask", "--json", "--corpus", dir, "anything"]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/sources\.json: "a"\."url": must be an http\(s\) URL/);
  });

  it("lists sources as JSON", () => {
    const r = runCli(["sources", "--json"]);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.sources).toHaveLength(5);
    expect(out.sources[3]).toMatchObject({ outlet: "Newsweek", published: "2020-11-09" });
  });
});
