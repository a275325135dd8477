/**
 * The answer checks read word meaning: a sentence that says a question's word in other words
 * ("closed" for "shut") is not turned away for lacking it, even when the coverage writes the
 * question's word elsewhere (so the index's expansion, for words the coverage lacks, never ran).
 */
import { describe, expect, it } from "vitest";
import { buildArticle } from "../src/corpus/load.js";
import { Engine } from "../src/engine.js";
import { expectWellFormed } from "./helpers/ask-checks.js";

const floods = `Floods hit Harlow high street

The Harlow bakery on Mill Road was closed on Tuesday after floodwater reached its ovens.

The council opened a rest centre at the town hall for families whose homes were flooded.

Sandbags were handed out at the fire station from early morning.

Schools in the valley stayed shut for a second day.
`;

describe("answer checks with word meaning", () => {
  const engine = new Engine({ dir: "(in memory)", articles: [buildArticle("floods", "floods.txt", floods, { published: "2031-03-12" })], warnings: [] });

  it("count a word said in other words as there: 'shut' is answered by 'was closed on Tuesday'", () => {
    const r = engine.ask("When was the bakery shut?");
    expectWellFormed(r, engine.articles);
    expect(r.answer).toMatch(/^The Harlow bakery on Mill Road was closed on Tuesday/);
  });

  it("never stand one name for another: asked about a butcher the coverage never names, it refuses", () => {
    const r = engine.ask("When was the butcher shut?");
    expect(r.answer).toBeNull();
    expect(r.citations).toEqual([]);
  });
});
