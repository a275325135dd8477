/**
 * A capitalised contraction of a function word at a sentence start ("It'll", "There'd") is no
 * name, whether or not the lexicon lists that contraction. Invented sentences; names made up.
 */
import { describe, expect, it } from "vitest";
import { article, index, speakerOf } from "./helpers/quote-articles.js";

describe("a contraction opening a sentence", () => {
  it("is no name, listed contraction or not (It'll, There'd)", () => {
    const a = article("c1", "Count will be slow", [
      "It'll take until Friday to count the postal votes, clerk Maribel Ostrander told the council.",
      "There'd been no recount in the borough since 1998.",
      "“Every envelope is opened by two people,” Ostrander said.",
    ]);
    const ix = index(a);
    expect(ix.resolve("It'll")).toBeNull();
    expect(ix.resolve("There'd")).toBeNull();
    expect(speakerOf(ix, "Every envelope is opened")).toBe("Maribel Ostrander");
  });
});
