/**
 * Reaction pieces printed as a list: each speaker on a bare "Name, role" line of their own, then
 * the interviewer's prompt on a line ending in a colon ("On how it feels:"), then the answer as a
 * quotation. Every article here is invented; nothing in the engine knows these names.
 */
import { describe, expect, it } from "vitest";
import { article, index, speakerOf } from "./helpers/quote-articles.js";

describe("name lines and interviewer prompts", () => {
  it("gives the quotations under a bare 'Name, role' line to that person, past the prompts between", () => {
    const ix = index(
      article("ip1", "Harbour Cup final: the winners speak", [
        "Reaction from goalkeeper Tomas Varga and captain Lena Okoro after their side's 2-1 win over Kestrel Bay in the Harbour Cup final.",
        "Tomas Varga, goalkeeper",
        "On the late save:",
        "\u201cI saw it early and just had to stay big. The lads did the rest.\u201d",
        "On whether he will play on next season:",
        "\u201cAsk me in a month. Tonight I just want to enjoy this.\u201d",
        "Lena Okoro, captain",
        "On what lifting the Harbour Cup means:",
        "\u201cIt is everything we worked for since the first day of pre-season.\u201d",
      ]),
    );
    expect(speakerOf(ix, "I saw it early")).toBe("Tomas Varga");
    expect(speakerOf(ix, "Ask me in a month")).toBe("Tomas Varga");
    expect(speakerOf(ix, "It is everything we worked for")).toBe("Lena Okoro");
  });

  it("does not take a topic line that names something late ('On what it means to win his first Cup:') for its label", () => {
    const ix = index(
      article("ip2", "Cup reaction", [
        "Reaction from goalkeeper Tomas Varga after the Harbour Cup final.",
        "On what it means to win his first Harbour Cup:",
        "\u201cA home for twenty years, and more friends than I can count.\u201d",
      ]),
    );
    expect(speakerOf(ix, "A home for twenty years")).not.toBe("Harbour Cup");
  });

  it("does not hand a quotation past a lead-in line with a subject of its own to the speaker before", () => {
    const ix = index(
      article("ip3", "Rail strike", [
        "\u201cThe trains will run on Monday,\u201d said transport minister Paula Brandt.",
        "Union secretary Marta Keel did not mince her words:",
        "\u201cNot one train will leave the depot until the offer is in writing.\u201d",
      ]),
    );
    expect(speakerOf(ix, "Not one train will leave")).not.toBe("Paula Brandt");
  });
});
