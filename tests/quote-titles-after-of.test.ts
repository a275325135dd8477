/**
 * A capitalised quotation right after "of" ("author of", "a reading of") names a work, not words
 * someone said. Every article here is invented; nothing in the engine knows these names.
 */
import { describe, expect, it } from "vitest";
import { article, index } from "./helpers/quote-articles.js";

describe("quoted titles after 'of'", () => {
  it("does not give a long quoted title after 'author of' to the speaker named before it", () => {
    const ix = index(
      article("tw1", "Ocean survey", [
        '"We have mapped less than a fifth of the sea floor and that does not count the trenches," said Ilse Marrow, head of the Ocean Census and author of "Down Below? 40 of our Deepest Strangest New Animals" (Harbour Press, 2021).',
      ]),
    );
    const texts = ix.quote("Ilse Marrow").quotes.map((q) => q.text);
    expect(texts.some((t) => t.includes("mapped less than a fifth"))).toBe(true);
    expect(texts.some((t) => t.includes("Deepest Strangest"))).toBe(false);
  });

  it("still reads a lower-case quotation after 'accused X of' as the accuser's words", () => {
    const ix = index(
      article("tw2", "Budget row", ['Opposition leader Karin Dahl accused the mayor of "hiding the real cost of the bridge from every voter in this town."']),
    );
    expect(ix.quote("Karin Dahl").quotes.some((q) => q.text.includes("hiding the real cost"))).toBe(true);
  });
});
