/**
 * A name written once with a company's suffix ("Corp", "Inc.", "LLC") is a company's, also where
 * the article writes it without the suffix or by its last word alone, as people are written: it is
 * no person, whatever else the article does with it. Invented articles; names made up.
 */
import { describe, expect, it } from "vitest";
import { article, index, speakerOf } from "./helpers/quote-articles.js";

describe("company names", () => {
  const a = article("k1", "Data group lifts forecast", [
    "Halvard Brightman Corp raised its full-year forecast on Tuesday.",
    "Brightman shares rose 4% in early trading, and analysts said Brightman had gained ground in Asia.",
    "“Our order book has never been fuller,” Halvard Brightman said in a statement.",
  ]);
  const ix = index(a);

  it("is an organisation, not a person, though written later without the suffix", () => {
    expect(ix.resolve("Halvard Brightman")?.kind).toBe("org");
  });

  it("keeps the suffix out of the name, so the statements are the company's", () => {
    expect(speakerOf(ix, "Our order book has never been fuller")).toBe("Halvard Brightman");
  });

  it("leaves a person with a title alone", () => {
    const b = article("k2", "Chief speaks", [
      "Chief executive Ines Marwood said sales were steady.",
      "“We are not cutting jobs,” Marwood said.",
    ]);
    expect(index(b).resolve("Ines Marwood")?.kind).toBe("person");
  });
});
