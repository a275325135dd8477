/**
 * A speaker named by one word only ("Okonkwo said ..."), then referred to as "he" or "she": the
 * pronoun stands for that speaking subject, not for someone named inside the reported speech, and
 * keeps standing for it in the quotes that follow. Invented sentences; names made up.
 */
import { describe, expect, it } from "vitest";
import { article, index, speakerOf } from "./helpers/quote-articles.js";

describe("a one-word speaker and the pronoun after it", () => {
  const a = article("o1", "Flood money will reach the towns, minister says", [
    "Abernethy said Governor Tomas Ruelle had been briefed on the damage and the province stood ready to help.",
    "“We will not leave a single town to clean up on its own,” she said.",
    "“The pumps arrive on Friday, and the engineers with them.”",
    "Asked whether the dykes had failed, she said: “The dykes held. The rain was simply more than they were built for.”",
  ]);
  const ix = index(a);

  it("gives the speaking subject the quote, not the person named in what she reported", () => {
    expect(speakerOf(ix, "We will not leave a single town")).toBe("Abernethy");
  });

  it("keeps the same speaker for a later 'she said:' once a pronoun has stood for her", () => {
    expect(speakerOf(ix, "The dykes held")).toBe("Abernethy");
  });

  it("never lists the person named in the reported speech as a speaker", () => {
    expect(ix.occurrences.filter((o) => o.speaker === "Tomas Ruelle")).toEqual([]);
  });

  it("leaves a body's one-word name alone when 'it' follows", () => {
    const b = article("o2", "Carrier cuts routes", [
      "Skyvale said passenger numbers had fallen by a third since March.",
      "“We are flying to the towns people still want to visit,” it said.",
    ]);
    expect(speakerOf(index(b), "We are flying to the towns")).toBe("Skyvale");
  });
});
