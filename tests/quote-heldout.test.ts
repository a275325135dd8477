/**
 * The quote engine on two invented held-out stories (tests/fixtures/quotes-heldout*), scored the
 * way the shared eval script scores `quote`: a returned quote matches a gold entry when it comes
 * from the same article and its text (quote marks, case and white space ignored) contains the
 * gold fragment; every returned statement must match a gold entry of the queried speaker.
 * Precision and recall here are what the engine reached: 100% on both.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Engine } from "../src/engine.js";
import { bare, scoreQuotes } from "./helpers/quote-gold.js";

const FIXTURES = join(import.meta.dirname, "fixtures");

function score(name: string) {
  return scoreQuotes(Engine.fromDir(join(FIXTURES, name)), join(FIXTURES, `${name}.gold.json`));
}

describe.each(["quotes-heldout", "quotes-heldout-2"])("held-out quote story %s", (name) => {
  it("attributes every statement to its speaker and to nobody else (precision and recall 100%)", () => {
    const s = score(name);
    expect(s.notEmpty).toEqual([]);
    expect(s.wrong).toEqual([]);
    expect(s.missed).toEqual([]);
    expect(s.tp).toBeGreaterThan(0);
    expect(s.hits).toBe(s.must);
  });
});

describe("held-out quote story: one statement, every outlet", () => {
  it("groups the same statement reported by several outlets, each occurrence with its own article", () => {
    const engine = Engine.fromDir(join(FIXTURES, "quotes-heldout"));
    const quotes = engine.quote("Maren Holt-Varga").quotes.filter((q) => bare(q.text).includes("we will not sail a ship"));
    expect(quotes.map((q) => q.articleId).sort()).toEqual(["herald", "wire"]);
    expect(new Set(quotes.map((q) => q.group)).size).toBe(1);
    expect(new Set(quotes.map((q) => q.outlet))).toEqual(new Set(["Coastal Wire", "Northern Herald"]));
  });

  it("keeps two people who share a surname apart", () => {
    const engine = Engine.fromDir(join(FIXTURES, "quotes-heldout"));
    const tomas = engine.quote("Tomas Lindqvist").quotes.map((q) => q.text);
    const agnes = engine.quote("Agnes Lindqvist").quotes.map((q) => q.text);
    expect(tomas.some((t) => t.includes("Twelve cars"))).toBe(false);
    expect(agnes.some((t) => t.includes("Twelve cars"))).toBe(true);
    expect(agnes.some((t) => t.includes("get people and post across"))).toBe(false);
  });
});
