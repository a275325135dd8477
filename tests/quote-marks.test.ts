import { describe, expect, it } from "vitest";
import { findQuoteMarks } from "../src/quotes/marks.js";
import { article } from "./helpers/quote-articles.js";

/** Quoted texts of an article made of the given paragraphs. */
function quoted(...paragraphs: string[]): string[] {
  const a = article("t", "A headline for the test", paragraphs);
  return findQuoteMarks(a).map((q) => a.text.slice(q.start, q.end));
}

describe("quotation marks", () => {
  it("finds curly and straight quotes, with offsets that slice the exact text", () => {
    const a = article("t", "Title line here", [
      "“We will not back down,” said the minister on Monday.",
      'The mayor called it "a disgrace to the city," and left.',
    ]);
    const marks = findQuoteMarks(a);
    expect(marks.map((q) => a.text.slice(q.start, q.end))).toEqual(["We will not back down,", "a disgrace to the city,"]);
    for (const q of marks) {
      expect(a.text[q.open]).toMatch(/[“"]/);
      expect(a.text[q.close]).toMatch(/[”"]/);
      expect(q.start).toBe(q.open + 1);
      expect(q.end).toBe(q.close);
    }
  });

  it("does not take apostrophes for quote marks", () => {
    expect(quoted("It’s the voters’ choice and Biden’s moment, the ’90s are over, she said.")).toEqual([]);
    expect(quoted("“It’s the voters’ choice,” she said of the party’s plan.")).toEqual(["It’s the voters’ choice,"]);
    expect(quoted(`"It's the people's choice," he said, and the rock 'n' roll era's fans cheered.`)).toEqual(["It's the people's choice,"]);
  });

  it("keeps a quote inside a quote as part of the outer quote", () => {
    expect(quoted("“He told me ‘never again’ and walked out,” Kowalczyk said.")).toEqual(["He told me ‘never again’ and walked out,"]);
    expect(quoted(`"He told me 'never again' and walked out," Kowalczyk said.`)).toEqual(["He told me 'never again' and walked out,"]);
  });

  it("reads German-style „…“ marks without running into the next paragraph", () => {
    expect(quoted("„Wir werden gewinnen“, sagte Kowalczyk.", '"Nobody will stop us now," she said.')).toEqual(["Wir werden gewinnen", "Nobody will stop us now,"]);
  });

  it("reads single marks as quotes where a paragraph uses no double marks", () => {
    expect(quoted("The minister said the plan was ‘dead on arrival’ and walked out.")).toEqual(["dead on arrival"]);
  });

  it("joins a quote that runs over several paragraphs (opening mark repeated, closing only at the end)", () => {
    const a = article("t", "Title line here", [
      'He said: "The first part of the statement runs here.',
      '"And the second part follows in its own paragraph," he added.',
      "Then the article goes on without quotes.",
    ]);
    const marks = findQuoteMarks(a);
    expect(marks).toHaveLength(1);
    const q = marks[0]!;
    expect(q.parts).toHaveLength(2);
    expect(a.text.slice(q.parts[0]!.start, q.parts[0]!.end)).toBe("The first part of the statement runs here.");
    expect(a.text.slice(q.parts[1]!.start, q.parts[1]!.end)).toBe("And the second part follows in its own paragraph,");
    expect(a.text.slice(q.start, q.end)).toMatch(/^The first part.*\n\n"And the second part.*paragraph,$/s);
  });

  it("ends a quote whose closing mark never comes at its paragraph's end when its text ends a sentence", () => {
    expect(quoted('She said: "this sentence never closes.', "The next paragraph has no mark at all.")).toEqual(["this sentence never closes."]);
    expect(quoted("The baker added: ‘We open at six and we close when the bread runs out.")).toEqual(["We open at six and we close when the bread runs out."]);
  });

  it("drops an unclosed mark whose text does not end a sentence at the paragraph's end", () => {
    expect(quoted('She said: "this clause never closes and', "The next paragraph has no mark at all.")).toEqual([]);
    expect(quoted('The shelf is 6" deep and holds the jars')).toEqual([]);
  });

  it("takes a closing mark of another kind at the paragraph's end as the close (“ … ’)", () => {
    expect(quoted("“Our ferries will run all winter, whatever the weather.’", "The council met on Friday.")).toEqual(["Our ferries will run all winter, whatever the weather."]);
  });

  it("reads a closing mark that opens a paragraph, with a closer later on, as an opener", () => {
    expect(quoted("The chair replied:", "” If we argue every point, we will never finish the agenda.”")).toEqual([" If we argue every point, we will never finish the agenda."]);
    expect(quoted("” A closer alone at the start stays a stray mark.")).toEqual([]);
  });

  it("recovers after a stray mark instead of pairing every later mark the wrong way", () => {
    expect(quoted('The pipe is 6" wide. "It is fine," the engineer said. "Really," she added.')).toEqual(["It is fine,", "Really,"]);
    expect(quoted('A stray " mark here. Later "a real quote here," she said.')).toEqual(["a real quote here,"]);
  });

  it("never reads the headline: a quoted headline does not open a quote in the body", () => {
    const a = article("t", '"We will win," says Kowalczyk', ["Kowalczyk spoke at the rally on Monday evening.", '"It is our time," she said.']);
    expect(findQuoteMarks(a).map((q) => a.text.slice(q.start, q.end))).toEqual(["It is our time,"]);
  });

  it("ignores marks in page furniture such as captions", () => {
    const a = article("t", "Title line here", ['"Vladimir Putin" (CC BY-SA 2.0) by Global Panorama', '"Talks went well," the envoy said.']);
    expect(findQuoteMarks(a).map((q) => a.text.slice(q.start, q.end))).toEqual(["Talks went well,"]);
  });
});
