/**
 * A name written mostly after "in" ("a court in Dunmarra") is a place: no person, though the
 * article also writes it alone as a surname would be, and no one a "she" could stand for.
 * Invented article; names made up.
 */
import { describe, expect, it } from "vitest";
import { article, index, speakerOf } from "./helpers/quote-articles.js";

describe("place names written after 'in'", () => {
  const a = article("p1", "Judge criticises transfer of prisoner", [
    "A man from County Dunmarra was brought to Carrowby court for a bail hearing.",
    "Judge Orla Fennessy said a judge was available to sit in Dunmarra in August.",
    "“This is an utter waste of everyone's time,” she said.",
    "The matter should have gone before a court in Dunmarra, and she said no attempt had been made.",
    "She added that the court in Dunmarra sits every Tuesday.",
    "“I have enough to do without other districts' cases.”",
  ]);
  const ix = index(a);

  it("is not a person", () => {
    expect(ix.resolve("County Dunmarra")?.kind).not.toBe("person");
  });

  it("does not stand between a 'she' and the judge", () => {
    expect(speakerOf(ix, "I have enough to do")).toBe("Orla Fennessy");
    expect(ix.occurrences.filter((o) => o.speaker === "County Dunmarra")).toEqual([]);
  });
});
