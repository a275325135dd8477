import { describe, expect, it } from "vitest";
import { splitParagraphs, splitSentences } from "../src/corpus/segment.js";

function sentences(text: string): string[] {
  return splitSentences(text, { start: 0, end: text.length }).map((s) => text.slice(s.start, s.end));
}

describe("splitSentences", () => {
  it("does not split inside U.S., U.K., titles, months or initials", () => {
    const text =
      "The U.S. President met Mr. Smith on Dec. 14 in the U.K. Parliament. J. R. Hartley said nothing. Gen. Lee left at 5 p.m. Monday.";
    expect(sentences(text)).toEqual([
      "The U.S. President met Mr. Smith on Dec. 14 in the U.K. Parliament.",
      "J. R. Hartley said nothing.",
      "Gen. Lee left at 5 p.m. Monday.",
    ]);
  });

  it("keeps a quotation that runs over several sentences with its attribution", () => {
    const straight = 'He paused. "We wait. Then we act. That is all," she said. Next came questions.';
    expect(sentences(straight)).toEqual(['He paused.', '"We wait. Then we act. That is all," she said.', "Next came questions."]);
    const curly = "“We wait. Then we act.” The minister left. She said: “No. Not today.”";
    expect(sentences(curly)).toEqual(["“We wait. Then we act.”", "The minister left.", "She said: “No. Not today.”"]);
  });

  it("splits after ? and ! and keeps closing quotes with their sentence", () => {
    expect(sentences('Why now? "Because!" It ended.')).toEqual(["Why now?", '"Because!"', "It ended."]);
  });

  it("does not split on an ellipsis followed by lower case", () => {
    expect(sentences("The difference is obvious… then there was none. Done.")).toEqual([
      "The difference is obvious… then there was none.",
      "Done.",
    ]);
  });

  it("returns offsets that slice the original text exactly", () => {
    const text = "  First one.   Second “quoted.”  ";
    const spans = splitSentences(text, { start: 0, end: text.length });
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(["First one.", "Second “quoted.”"]);
  });
});

describe("splitParagraphs", () => {
  it("treats each line of a web-page paste as its own paragraph", () => {
    const text = "Headline\n\nShare to friends\nACT NOW\nMONTHLY 100\n\nBody text here.";
    const paras = splitParagraphs(text).map((s) => text.slice(s.start, s.end));
    expect(paras).toEqual(["Headline", "Share to friends", "ACT NOW", "MONTHLY 100", "Body text here."]);
  });

  it("joins hard-wrapped prose lines into one paragraph", () => {
    const text =
      "The minister said on Monday that the government would wait for the\nofficial results before it commented on the outcome of the vote.\n\nNext paragraph.";
    const paras = splitParagraphs(text).map((s) => text.slice(s.start, s.end));
    expect(paras).toHaveLength(2);
    expect(paras[0]).toContain("wait for the\nofficial results");
  });

  it("keeps a long line without a full stop apart in a block of one paragraph per line", () => {
    const caption = "The minister arrives for the summit in the capital on Monday (Photo: Agency)";
    const text = [
      "The minister said on Monday that the government would wait for the official results.",
      caption,
      "Officials said the count would take until Friday at the earliest, and possibly longer.",
      "Published 14:02 GMT, 3 May 2031 | Updated 16:40 GMT, 3 May 2031 by the news desk",
      "The opposition called the delay a stalling tactic and demanded a recount in two states.",
    ].join("\n");
    const paras = splitParagraphs(text).map((s) => text.slice(s.start, s.end));
    expect(paras).toHaveLength(5);
    expect(paras[1]).toBe(caption);
  });
});
