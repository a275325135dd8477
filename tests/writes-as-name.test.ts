import { describe, expect, it } from "vitest";
import { buildArticle } from "../src/corpus/load.js";
import { term } from "../src/search/analyzer.js";
import { PassageIndex } from "../src/search/passage-index.js";
import { Engine } from "../src/engine.js";
import { SEEDS_DIR } from "./helpers/temp-corpus.js";

/** The definition, over the whole corpus at once: terms written capitalised after a word or comma, never in lower case. */
function namesByDefinition(index: PassageIndex): Set<string> {
  const capitalised = new Set<string>();
  const lower = new Set<string>();
  for (const { article, paragraph } of index.passages) {
    const text = article.text.slice(paragraph.start, paragraph.end);
    if (text.trim() === article.title.trim()) continue;
    for (const m of text.matchAll(/(?<=[\p{L}\p{N},;] )([\p{L}][\p{L}\p{N}]*(?:['’.][\p{L}\p{N}]+)*)/gu)) {
      const t = term(m[1]!);
      if (t) (/^\p{Lu}/u.test(m[1]!) ? capitalised : lower).add(t);
    }
  }
  for (const t of lower) capitalised.delete(t);
  return capitalised;
}

describe("writesAsName: terms the coverage only ever writes capitalised inside sentences", () => {
  it("agrees with the whole-corpus definition for every term of the seeds, reading only the passages each term is in", () => {
    const index = Engine.fromDir(SEEDS_DIR).index;
    const names = namesByDefinition(index);
    const terms = [...index.docFreq.keys()];
    expect(terms.filter((t) => index.writesAsName(t) !== names.has(t))).toEqual([]);
    // Not vacuous: the seeds name people and places, and use ordinary words.
    expect(names.size).toBeGreaterThan(20);
    expect(terms.length - names.size).toBeGreaterThan(200);
  });

  it("one lower-case use anywhere makes a word ordinary; a headline's title case counts for nothing", () => {
    const index = new PassageIndex([
      buildArticle("a", "a.txt", "Harbour Works Begin\n\nThe mayor said Harbour works would begin soon, and Dana Ruiz agreed.\n"),
      buildArticle("b", "b.txt", "Second Story\n\nResidents said the harbour was busy, and Ruiz said so too.\n"),
    ]);
    expect(index.writesAsName(term("Ruiz")!)).toBe(true);
    expect(index.writesAsName(term("Dana")!)).toBe(true);
    expect(index.writesAsName(term("harbour")!)).toBe(false); // "Harbour works" in a, "the harbour" in b
    expect(index.writesAsName(term("begin")!)).toBe(false); // title case only in the headline
  });
});
