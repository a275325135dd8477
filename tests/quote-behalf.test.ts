/**
 * A body speaking for a person: the body is the speaker, and the person it spoke for is recorded
 * with the quotation. Every article here is invented.
 */
import { describe, expect, it } from "vitest";
import { QuoteIndex } from "../src/quotes/quote-index.js";
import { renderQuotePages } from "../src/render/discord.js";
import { renderQuotes } from "../src/render/terminal.js";
import { article, find, index } from "./helpers/quote-articles.js";

const story = article("b1", "Verdict", [
  "Former president Aldo Ferreira has not spoken in public since the verdict.",
  "\u201cThe president regrets nothing and will appeal,\u201d Ferreira's office said in a statement.",
  "A statement issued by Ferreira's office said: \u201cThe court was misled from the first day.\u201d",
  "\u201cHe is resting with his family,\u201d the Ministry of Culture said on behalf of Ferreira.",
  "\u201cThe ministry has no view on the verdict,\u201d the Ministry of Culture said.",
]);

function only(ix: QuoteIndex, fragment: string) {
  const found = find(ix, fragment);
  expect(found).toHaveLength(1);
  return found[0]!;
}

describe("a body speaking on a person's behalf", () => {
  it("gives 'X's office said' to the office, recording X", () => {
    const ix = index(story);
    for (const fragment of ["regrets nothing", "misled from the first day"]) {
      const o = only(ix, fragment);
      expect(o.speaker).toBe("Aldo Ferreira's office");
      expect(o.onBehalfOf).toBe("Aldo Ferreira");
    }
  });

  it("gives 'the ministry said on behalf of X' to the ministry, recording X", () => {
    const o = only(index(story), "resting with his family");
    expect(o.speaker).toBe("Ministry of Culture");
    expect(o.onBehalfOf).toBe("Aldo Ferreira");
  });

  it("records no one for a body speaking for itself", () => {
    const o = only(index(story), "no view on the verdict");
    expect(o.speaker).toBe("Ministry of Culture");
    expect(o.onBehalfOf).toBeNull();
  });

  it("lists the office's words under the office, not under the person", () => {
    const ix = index(story);
    expect(ix.quote("Ferreira's office").quotes.map((q) => q.text.slice(0, 12))).toEqual(expect.arrayContaining(["The presiden", "The court wa"]));
    expect(ix.quote("Ferreira").quotes).toEqual([]);
  });

  it("keeps who a body spoke for through a saved snapshot", () => {
    const built = new QuoteIndex([story]);
    const restored = QuoteIndex.fromSnapshot(built.snapshot(), [story]);
    expect(restored?.occurrences.map((o) => [o.speaker, o.onBehalfOf])).toEqual(built.occurrences.map((o) => [o.speaker, o.onBehalfOf]));
  });

  it("names in the terminal and on Discord whom a body spoke for, and nothing for a body speaking for itself", () => {
    const ix = index(story);
    const ministry = ix.quote("Ministry of Culture");
    const text = renderQuotes(ministry);
    expect(text).toContain("Said by Ministry of Culture on behalf of Aldo Ferreira");
    expect(text.match(/on behalf of/g)).toHaveLength(1);
    const fields = renderQuotePages(ministry).flatMap((p) => p.embeds.flatMap((e) => e.fields ?? []));
    const behalf = fields.filter((f) => f.value.includes("on behalf of Aldo Ferreira"));
    expect(behalf).toHaveLength(1);
    expect(behalf[0]!.value).toContain("resting with his family");
  });
});
