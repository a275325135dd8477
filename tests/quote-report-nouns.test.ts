/**
 * "every inspection report", "whose investigative report": a word of saying after a singular
 * determiner and a noun is a noun phrase, not a clause with a speaker, so it does not stand between
 * a "she" and the person the sentence is about. Invented sentences; names made up.
 */
import { describe, expect, it } from "vitest";
import { article, index, speakerOf } from "./helpers/quote-articles.js";

describe("a word of saying inside a noun phrase", () => {
  it("does not block a pronoun after 'every … report'", () => {
    const a = article("r1", "Bridge records sought", [
      "Councillor Ada Quillfeather, whose ward includes Farrowdale, wrote on Facebook that she had requested every inspection report on the bridge since 2012. “The people of Farrowdale deserve to see what the county knew,” she wrote.",
    ]);
    expect(speakerOf(index(a), "The people of Farrowdale deserve")).toBe("Ada Quillfeather");
  });

  it("does not block a pronoun after 'whose … report'", () => {
    const a = article("r2", "Reporter honoured", [
      "Editor Tomasz Wierzbowski praised the reporter whose investigative report on the water board ran for six weeks. “It changed how this town talks about its water,” he said.",
    ]);
    expect(speakerOf(index(a), "It changed how this town talks")).toBe("Tomasz Wierzbowski");
  });

  it("still reads a word of saying after a name as speech", () => {
    const a = article("r3", "Budget", [
      "“We will balance the books by spring,” Ilona Marsk reports to the council.",
    ]);
    expect(speakerOf(index(a), "We will balance the books")).toBe("Ilona Marsk");
  });
});
