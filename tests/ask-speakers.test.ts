/**
 * /ask and /quote read one attribution: for every speaker /quote lists, "what did <name> say"
 * leads with one of that speaker's quotations (as /quote attributes them), and a name /quote does
 * not know is refused. The name is looked up as typed ("Lindgren-Osei", "Ministry of Health").
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { typedSpan } from "../src/answer/ask.js";
import { Engine } from "../src/engine.js";
import { SEEDS_DIR } from "./helpers/temp-corpus.js";

const CORPORA = {
  seeds: SEEDS_DIR,
  "quote training set 5": join(import.meta.dirname, "fixtures", "quotes-train-5", "articles"),
  "quote set B": join(import.meta.dirname, "fixtures", "quotes-train-B", "articles"),
  "quote set C": join(import.meta.dirname, "fixtures", "quotes-blind-C", "articles"),
};

describe.each(Object.entries(CORPORA))("what did <speaker> say, on %s", (_, dir) => {
  const engine = Engine.fromDir(dir);
  const speakers = engine.quotes.speakers();

  it("lists speakers to ask about", () => {
    expect(speakers.length).toBeGreaterThan(5);
  });

  it("leads with one of the speaker's own quotations, for every speaker /quote lists", () => {
    const misses: string[] = [];
    for (const speaker of speakers) {
      const answer = engine.ask(`what did ${speaker.name} say`);
      const lead = answer.citations[0];
      const quotes = engine.quote(speaker.name).quotes;
      const theirs = lead !== undefined && quotes.some((q) => q.articleId === lead.articleId && q.start < lead.end && q.end > lead.start);
      if (!theirs) misses.push(`${speaker.name}: ${answer.answer ?? answer.reason}`);
    }
    expect(misses).toEqual([]);
  });
});

describe("what did <someone never quoted> say", () => {
  const seeds = Engine.fromDir(SEEDS_DIR);
  it.each(["Boris Johnson", "Angela Merkel's husband", "Emmanuel Macron"])("refuses for %s, whom /quote does not know", (name) => {
    expect(seeds.quote(name).quotes).toEqual([]);
    const answer = seeds.ask(`what did ${name} say`);
    expect(answer.answer).toBeNull();
    expect(answer.citations).toEqual([]);
  });
});

describe("typedSpan", () => {
  it("keeps a hyphenated name and a joining word as typed", () => {
    expect(typedSpan("what did Amara Lindgren-Osei say", ["Amara", "Lindgren", "Osei"])).toBe("Amara Lindgren-Osei");
    expect(typedSpan("What did the Ministry of Health say?", ["Ministry", "Health"])).toBe("Ministry of Health");
  });

  it("falls back to the words joined when they are not in the question in order", () => {
    expect(typedSpan("what did she say", ["Ada", "Lovelace"])).toBe("Ada Lovelace");
  });
});
