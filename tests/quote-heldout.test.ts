/**
 * The quote engine on two invented held-out stories (tests/fixtures/quotes-heldout*), scored the
 * way the shared eval script scores `quote`: a returned quote matches a gold entry when it comes
 * from the same article and its text (quote marks, case and white space ignored) contains the
 * gold fragment; every returned statement must match a gold entry of the queried speaker.
 * Precision and recall here are what the engine reached: 100% on both.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { Engine } from "../src/engine.js";

const FIXTURES = join(import.meta.dirname, "fixtures");

const entrySchema = z.object({ speaker: z.string(), article: z.string(), fragment: z.string().min(1) });
const goldSchema = z.object({
  queries: z.record(z.string(), z.array(z.string().min(1)).min(1)),
  empty: z.array(z.string().min(1)),
  gold: z.array(entrySchema).min(1),
  optional: z.array(entrySchema).optional(),
});

/** The eval script's normalisation: typographic marks folded, quote marks and spacing ignored. */
function bare(s: string): string {
  return s
    .normalize("NFKC")
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/[\u2013\u2014]/g, "-")
    .replace(/\u2026/g, "...")
    .toLowerCase()
    .replace(/["']/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

interface Score {
  tp: number;
  fp: number;
  hits: number;
  must: number;
  wrong: string[];
  missed: string[];
  emptyOk: number;
}

function score(name: string): Score {
  const gold = goldSchema.parse(JSON.parse(readFileSync(join(FIXTURES, `${name}.gold.json`), "utf8")));
  const engine = Engine.fromDir(join(FIXTURES, name));
  const s: Score = { tp: 0, fp: 0, hits: 0, must: 0, wrong: [], missed: [], emptyOk: 0 };
  for (const [speaker, forms] of Object.entries(gold.queries)) {
    const mine = [...gold.gold, ...(gold.optional ?? [])].filter((g) => g.speaker === speaker);
    for (const form of forms) {
      const quotes = engine.quote(form).quotes;
      const matches = (q: (typeof quotes)[number], g: z.infer<typeof entrySchema>) => q.articleId.startsWith(g.article) && bare(q.text).includes(bare(g.fragment));
      for (const q of quotes) {
        if (mine.some((g) => matches(q, g))) s.tp++;
        else {
          s.fp++;
          s.wrong.push(`${form}: ${q.articleId}: ${q.text}`);
        }
      }
      for (const g of gold.gold.filter((x) => x.speaker === speaker)) {
        s.must++;
        if (quotes.some((q) => matches(q, g))) s.hits++;
        else s.missed.push(`${form}: ${g.article}: ${g.fragment}`);
      }
    }
  }
  for (const e of gold.empty) if (engine.quote(e).quotes.length === 0) s.emptyOk++;
  expect(s.emptyOk).toBe(gold.empty.length);
  return s;
}

describe.each(["quotes-heldout", "quotes-heldout-2"])("held-out quote story %s", (name) => {
  it("attributes every statement to its speaker and to nobody else (precision and recall 100%)", () => {
    const s = score(name);
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
