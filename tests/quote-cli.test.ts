import { describe, expect, it } from "vitest";
import { runCli } from "./helpers/run-cli.js";
import { writeCorpus } from "./helpers/temp-corpus.js";

const CONTRACT = ["text", "speaker", "group", "articleId", "title", "outlet", "url", "published", "context"];

describe("cli quote", () => {
  it("prints one JSON object in the contract's shape", () => {
    const r = runCli(["quote", "--json", "Peskov"]);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.query).toBe("Peskov");
    expect(out.speaker).toEqual({ name: "Dmitry Peskov", aliases: expect.arrayContaining(["Peskov"]) });
    expect(out.quotes.length).toBeGreaterThan(5);
    for (const q of out.quotes) {
      expect(Object.keys(q)).toEqual(expect.arrayContaining(CONTRACT));
      expect(q.speaker).toBe("Dmitry Peskov");
      expect(typeof q.group).toBe("string");
    }
  });

  it("answers every --jsonl line with exactly one line, in order, odd lines included", () => {
    const lines = ["Peskov", "", "   ", "Boris Johnson", "Kremlin spokesman", "\u0000\u0007", "x".repeat(3000), "Navalny"];
    const r = runCli(["quote", "--jsonl"], lines.join("\n") + "\n");
    expect(r.status).toBe(0);
    const out = r.stdout.trimEnd().split("\n").map((l) => JSON.parse(l));
    expect(out).toHaveLength(lines.length);
    out.forEach((o, i) => expect(o.query).toBe(lines[i]!.trim()));
    expect(out[0].quotes.length).toBeGreaterThan(0);
    for (const i of [1, 2, 3, 5, 6]) expect(out[i].quotes).toEqual([]);
    expect(out[4].speaker.name).toBe("Dmitry Peskov");
    expect(out[7].speaker.name).toBe("Alexey Navalny");
  });

  it("lists speakers with their counts", () => {
    const r = runCli(["quote", "--list", "--json"]);
    expect(r.status).toBe(0);
    const { speakers } = JSON.parse(r.stdout);
    expect(speakers[0]).toEqual({ name: "Dmitry Peskov", aliases: expect.any(Array), statements: expect.any(Number), quotes: expect.any(Number) });
    expect(speakers.map((s: { name: string }) => s.name)).toEqual(expect.arrayContaining(["Vladimir Putin", "Alexey Navalny", "Donald Trump"]));
  });

  it("reads as text: statements with their outlets, and who is mentioned but not quoted", () => {
    const r = runCli(["quote", "Peskov"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Dmitry Peskov \(also: .*Peskov/);
    expect(r.stdout).toMatch(/\n1\. "/);
    expect(r.stdout).toContain("Also reported as:");
    expect(runCli(["quote", "Angela Merkel"]).stdout).toBe("Angela Merkel is mentioned in 2 articles but not quoted.\n");
    expect(runCli(["quote", "Xi Jinping"]).stdout).toBe('Nobody called "Xi Jinping" is quoted or mentioned in the coverage.\n');
  });

  it("works on another corpus, with --fragments listing scare quotes too", () => {
    const dir = writeCorpus({
      "a.txt": "Strike talks stall\n\nUnion leader Marta Kowalczyk called the offer \"insulting\" on Monday.\n\n\"We will stay out until the port authority talks to us,\" Kowalczyk said.\n",
    });
    const plain = JSON.parse(runCli(["quote", "--json", "--corpus", dir, "Kowalczyk"]).stdout);
    expect(plain.quotes.map((q: { text: string }) => q.text)).toEqual(["We will stay out until the port authority talks to us,"]);
    const all = JSON.parse(runCli(["quote", "--json", "--fragments", "--corpus", dir, "Kowalczyk"]).stdout);
    expect(all.quotes.map((q: { text: string }) => q.text).sort()).toEqual(["We will stay out until the port authority talks to us,", "insulting"]);
  });

  it("needs a name, --jsonl or --list", () => {
    const r = runCli(["quote"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/quote needs a query/);
  });
});
