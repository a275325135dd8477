import { describe, expect, it } from "vitest";
import { cleanUserText, parseUserText } from "../../src/text/user-text.js";
import { HOSTILE_INPUTS, hasUnsafeCharacters } from "../fixtures/hostile-inputs.js";

describe("cleaning text typed by a Discord user", () => {
  it.each([
    ["Pu\u200btin con\u200dgratulate \ufeffBiden\u2060", "Putin congratulate Biden"],
    ["\u202ewhy did Putin wait\u202c", "why did Putin wait"],
    ["\u0000why\u0007 did\u0008 Putin", "why did Putin"],
    ["soft\u00adhyphen", "softhyphen"],
    ["\ud800 lone \udfff", "lone"],
    ["  many \n\n lines\t\tand   spaces  ", "many lines and spaces"],
    ["Почему Путин ждал? 普京 🇷🇺", "Почему Путин ждал? 普京 🇷🇺"],
    ["**bold** <@123> ||x||", "**bold** <@123> ||x||"],
  ])("%j -> %j", (input, expected) => {
    expect(cleanUserText(input)).toBe(expected);
  });

  it("leaves nothing unsafe in any battery input, and is idempotent", () => {
    for (const i of HOSTILE_INPUTS) {
      const once = cleanUserText(i.text);
      expect(hasUnsafeCharacters(once), i.label).toBe(false);
      expect(cleanUserText(once), i.label).toBe(once);
    }
  });
});

describe("parseUserText: a text box's value, cleaned and bounded", () => {
  it("returns the cleaned text when 1 to max characters remain", () => {
    expect(parseUserText("  why did\u200b Putin   wait? ", 40)).toEqual({ ok: true, text: "why did Putin wait?" });
    expect(parseUserText("x".repeat(40), 40)).toEqual({ ok: true, text: "x".repeat(40) });
  });

  it("says 'empty' when nothing is left once cleaned, or the value is not text", () => {
    for (const raw of ["", "   ", "\u200b\u200d\ufeff", "\u0000\u0007", null, 42]) expect(parseUserText(raw, 40)).toEqual({ ok: false, problem: "empty" });
  });

  it("says 'long' over max characters, counted after cleaning", () => {
    expect(parseUserText("x".repeat(41), 40)).toEqual({ ok: false, problem: "long" });
    expect(parseUserText(`${"x".repeat(40)}\u200b\u200b`, 40)).toEqual({ ok: true, text: "x".repeat(40) });
  });
});
