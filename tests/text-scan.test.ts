/**
 * The offset-keeping scanner under both tokenizers (src/text/scan.ts): matches with their offsets
 * in the whole text, a stretch's end cutting a match, and going on past a match the caller took
 * further.
 */
import { describe, expect, it } from "vitest";
import { words } from "../src/search/analyzer.js";
import { tokenize } from "../src/quotes/tokens.js";
import { Scanner } from "../src/text/scan.js";

const WORD = /\p{L}+/gu;

function all(s: Scanner): { text: string; start: number }[] {
  const out = [];
  for (let m = s.next(); m; m = s.next()) out.push(m);
  return out;
}

describe("the word scanner", () => {
  it("gives each match with its offset in the whole text, within the stretch asked for", () => {
    expect(all(new Scanner("one two three four", WORD, 4, 13))).toEqual([
      { text: "two", start: 4 },
      { text: "three", start: 8 },
    ]);
  });

  it("cuts a match that runs past the end of the stretch", () => {
    expect(all(new Scanner("one two three", WORD, 0, 10))).toEqual([
      { text: "one", start: 0 },
      { text: "two", start: 4 },
      { text: "th", start: 8 },
    ]);
  });

  it("goes on from where the caller says, and leaves the pattern it was given alone", () => {
    const s = new Scanner("Mr. Lee", /\p{L}+|\S/gu);
    expect(s.next()).toEqual({ text: "Mr", start: 0 });
    s.resumeAt(3);
    expect(s.next()).toEqual({ text: "Lee", start: 4 });
    expect(WORD.lastIndex).toBe(0);
  });

  it("carries both tokenizers, each with its own idea of a word", () => {
    expect(words("Mr. Lee's state-run firm").map((w) => w.word)).toEqual(["Mr", "Lee's", "state", "run", "firm"]);
    expect(tokenize("Mr. Lee's state-run firm").map((t) => t.text)).toEqual(["Mr.", "Lee's", "state-run", "firm"]);
  });
});
