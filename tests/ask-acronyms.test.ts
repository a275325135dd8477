import { describe, expect, it } from "vitest";
import { buildArticle } from "../src/corpus/load.js";
import { Engine } from "../src/engine.js";

const engine = new Engine({
  dir: "(in memory)",
  articles: [
    buildArticle(
      "water",
      "water.txt",
      `River cleanup ordered

The Northern Water Authority said on Tuesday that the Kell river would be cleaned by June.

Officials of the Bank of Osterland declined to comment.
`,
    ),
  ],
  warnings: [],
});

describe("acronyms the coverage spells out", () => {
  it("are read from runs of capitalised words, an opening article and joining words left out", () => {
    expect(engine.index.acronymTerms("NWA")).toEqual(["northern", "water", "author"]);
    expect(engine.index.acronymTerms("B.O.")).toEqual(["bank", "osterland"]);
    expect(engine.index.acronymTerms("XYZ")).toEqual([]);
  });
  it("let a question that writes the acronym find the name", () => {
    expect(engine.ask("When will the NWA clean the river?").answer).toMatch(/^The Northern Water Authority said on Tuesday/);
  });
  it("do not make an acronym of nothing: one the coverage never spells out is still refused, named", () => {
    const r = engine.ask("What did the KWB say about the river?");
    expect(r.answer).toBeNull();
    expect(r.notFound).toContain("KWB");
  });
});
