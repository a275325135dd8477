/**
 * Posts embedded in a saved page: the post's text as its own paragraph, then the network's credit
 * line "— Name (@handle) Date". The post is a quotation of the person the credit names, when that
 * person is named in the article; a credit whose post the cleaning removed, or that names no one
 * the corpus knows, gives nothing. Invented article; names made up.
 */
import { describe, expect, it } from "vitest";
import { article, index, speakerOf } from "./helpers/quote-articles.js";

describe("embedded posts", () => {
  const a = article("e1", "Ferry cancelled as storm nears", [
    "Mayor Ottilie Brandvold posted on X shortly after midnight:",
    "All ferries to the islands are cancelled until Thursday. Please stay off the harbour wall.",
    "— Mayor Ottilie Brandvold (@MayorBrandvold) March 3, 2031",
    "Harbour staff tied down the last boats before dawn.",
    "— Someone Unknown (@nobody123) March 3, 2031",
    "“We have seen worse, but not often,” Brandvold said later.",
  ]);
  const ix = index(a);

  it("gives the post to the person the credit line names", () => {
    expect(speakerOf(ix, "All ferries to the islands are cancelled")).toBe("Ottilie Brandvold");
  });

  it("quotes the post's text exactly as the page has it", () => {
    const o = ix.occurrences.find((x) => x.text.includes("All ferries"))!;
    expect(a.text).toContain(o.text);
  });

  it("takes nothing from a credit that names no one the article names", () => {
    expect(ix.occurrences.some((x) => x.text.includes("tied down the last boats"))).toBe(false);
  });
});
